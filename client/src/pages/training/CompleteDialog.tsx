import { DatePicker, Form, Input, type FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, type CourseDto, type EnrolmentDto } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';

interface CompleteValues {
  completedOn: Dayjs;
  certificateName?: string;
  certificateNumber?: string;
}

/** Marks an enrolment completed on a date between the course start and today, with the certificate if any. */
export function CompleteDialog({
  course,
  enrolment,
  onSaved,
  onClosed,
}: {
  course: CourseDto;
  enrolment: EnrolmentDto;
  onSaved: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  // A certificate has both a name and a number, or neither.
  const withOther =
    (other: keyof CompleteValues): FormRule =>
    ({ getFieldValue }) => ({
      required: !!getFieldValue(other)?.trim(),
      whitespace: true,
      message: t('problems.enrolment.certificate_incomplete'),
    });
  return (
    <FormDialog<CompleteValues, EnrolmentDto>
      name="complete"
      title={t('courses.complete.title', { name: enrolment.name })}
      submitLabel={t('courses.complete.submit')}
      initialValues={{ completedOn: dayjs(course.endDate).isAfter(dayjs()) ? dayjs() : dayjs(course.endDate) }}
      onSubmit={({ completedOn, certificateName, certificateNumber }) =>
        api.completeEnrolment(enrolment.id, {
          completedOn: toDateOnly(completedOn),
          certificateName: certificateName?.trim() || undefined,
          certificateNumber: certificateNumber?.trim() || undefined,
        })
      }
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item
        name="completedOn"
        label={t('enrolment.completedOn')}
        extra={t('courses.complete.dateHelp')}
        rules={[{ required: true, message: t('courses.complete.dateRequired') }]}
      >
        <DatePicker
          disabledDate={(date) => date.isBefore(dayjs(course.startDate), 'day') || date.isAfter(dayjs(), 'day')}
        />
      </Form.Item>
      <Form.Item
        name="certificateName"
        label={t('enrolment.certificateName')}
        extra={t('courses.complete.certificateHelp')}
        dependencies={['certificateNumber']}
        rules={[withOther('certificateNumber')]}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="certificateNumber"
        label={t('enrolment.certificateNumber')}
        dependencies={['certificateName']}
        rules={[withOther('certificateName')]}
      >
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
    </FormDialog>
  );
}
