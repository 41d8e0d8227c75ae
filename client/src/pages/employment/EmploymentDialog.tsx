import { Form, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, toProblem, type EmploymentRecordDto, type HoursType, type JobCategory } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { DateFields, type DateValues } from '../evidence/dated';
import { PersonSelect } from '../registry/PersonSelect';
import { HOURS_TYPES, JOB_CATEGORIES } from './useEmployment';

interface EmploymentValues extends DateValues {
  enterpriseId: string;
  personId: string;
  jobCategory: JobCategory;
  hoursType: HoursType;
}

/**
 * Records that an enterprise employs a registered disabled person (吸纳就业), or corrects a record's
 * job, hours and dates sending its version in If-Match. One person's periods at one enterprise do not
 * overlap; the end date is the last day worked.
 */
export function EmploymentDialog({
  record,
  enterpriseId,
  onSaved,
  onStale,
  onClosed,
}: {
  record?: EmploymentRecordDto;
  /** The employer of a new record, when it is recorded from the enterprise's page. */
  enterpriseId?: string;
  onSaved: (record: EmploymentRecordDto) => void;
  onStale?: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const submit = async (values: EmploymentValues) => {
    const details = {
      jobCategory: values.jobCategory,
      hoursType: values.hoursType,
      startDate: toDateOnly(values.startDate),
      endDate: values.endDate && toDateOnly(values.endDate),
    };
    if (!record) {
      return api.createEmploymentRecord({ ...details, enterpriseId: values.enterpriseId, personId: values.personId });
    }
    try {
      return await api.updateEmploymentRecord(record.id, details, `"${record.version}"`);
    } catch (error) {
      if (toProblem(error).status === 412) onStale?.();
      throw error;
    }
  };
  return (
    <FormDialog<EmploymentValues, EmploymentRecordDto>
      name="employment"
      title={record ? t('employments.editTitle', { name: record.personName }) : t('employments.create')}
      submitLabel={record ? t('common.save') : t('common.create')}
      initialValues={
        record
          ? {
              jobCategory: record.jobCategory,
              hoursType: record.hoursType,
              startDate: dayjs(record.startDate),
              endDate: record.endDate ? dayjs(record.endDate) : undefined,
            }
          : { enterpriseId }
      }
      onSubmit={submit}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      {record ? (
        <Typography.Paragraph>
          {t('employments.form.fixed', { enterprise: record.enterpriseName, person: record.personName })}
        </Typography.Paragraph>
      ) : (
        <>
          <Form.Item
            name="enterpriseId"
            label={t('employment.enterprise')}
            rules={[{ required: true, message: t('employments.form.enterpriseRequired') }]}
          >
            <EnterpriseSelect />
          </Form.Item>
          <Form.Item
            name="personId"
            label={t('employment.person')}
            extra={t('employments.form.personHelp')}
            rules={[{ required: true, message: t('employments.form.personRequired') }]}
          >
            <PersonSelect countyId={user.countyId} household="any" />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="jobCategory"
        label={t('employment.jobCategory')}
        rules={[{ required: true, message: t('employments.form.jobCategoryRequired') }]}
      >
        <Select options={JOB_CATEGORIES.map((value) => ({ value, label: t(`employment.jobCategories.${value}`) }))} />
      </Form.Item>
      <fieldset className="form-fieldset">
        <legend>{t('employment.hoursType')}</legend>
        <Form.Item
          name="hoursType"
          rules={[
            {
              validator: (_, value: HoursType | undefined) =>
                value ? Promise.resolve() : Promise.reject(new Error(t('employments.form.hoursTypeRequired'))),
            },
          ]}
        >
          <Radio.Group options={HOURS_TYPES.map((value) => ({ value, label: t(`employment.hoursTypes.${value}`) }))} />
        </Form.Item>
      </fieldset>
      <DateFields endLabel={t('employment.endDate')} />
    </FormDialog>
  );
}
