import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  api,
  AudienceTrack,
  CourseLevel,
  CourseTopic,
  FeeModel,
  ProviderType,
  toProblem,
  type CourseDto,
  type CourseRequest,
} from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';
import { organisedLevel } from './useCourse';

/** The most places a course can have. */
const MAX_CAPACITY = 10_000;

export interface CourseValues {
  title: string;
  topics: CourseTopic[];
  audience: AudienceTrack;
  providerType: ProviderType;
  providerName: string;
  partnerPlatform?: string;
  startDate: Dayjs;
  endDate: Dayjs;
  capacity: number;
  feeModel: FeeModel;
}

/** The course's editable fields from the form: text trimmed, dates as calendar dates. */
export function toCourseRequest(values: CourseValues): CourseRequest {
  return {
    title: values.title.trim(),
    topics: values.topics,
    audience: values.audience,
    providerType: values.providerType,
    providerName: values.providerName.trim(),
    partnerPlatform: values.partnerPlatform?.trim() || undefined,
    startDate: toDateOnly(values.startDate),
    endDate: toDateOnly(values.endDate),
    capacity: values.capacity,
    feeModel: values.feeModel,
  };
}

function initialValues(course: CourseDto | undefined): Partial<CourseValues> {
  if (!course) return { topics: [], feeModel: FeeModel.Free };
  return {
    title: course.title,
    topics: course.topics,
    audience: course.audience,
    providerType: course.providerType,
    providerName: course.providerName,
    partnerPlatform: course.partnerPlatform,
    startDate: dayjs(course.startDate),
    endDate: dayjs(course.endDate),
    capacity: course.capacity,
    feeModel: course.feeModel,
  };
}

/**
 * Creates a course of the level the officer organises (a county officer's county, or the city with a
 * partner platform), or edits one sending its version in If-Match.
 */
export function CourseDialog({
  course,
  onSaved,
  onStale,
  onClosed,
}: {
  course?: CourseDto;
  onSaved: (course: CourseDto) => void;
  onStale?: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const level = course?.level ?? organisedLevel(user);
  const options = (values: Record<string, string>, prefix: string) =>
    Object.values(values).map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const submit = async (values: CourseValues) => {
    const request = toCourseRequest(values);
    if (!course) return api.createCourse({ ...request, level, countyId: user.countyId });
    try {
      return await api.updateCourse(course.id, request, `"${course.version}"`);
    } catch (error) {
      if (toProblem(error).status === 412) onStale?.();
      throw error;
    }
  };
  return (
    <FormDialog<CourseValues, CourseDto>
      name="course"
      title={course ? t('courses.editTitle', { title: course.title }) : t('courses.create')}
      submitLabel={course ? t('common.save') : t('common.create')}
      initialValues={initialValues(course)}
      onSubmit={submit}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Typography.Paragraph>
        {level === CourseLevel.County
          ? t('courses.organisedByCounty', { county: course?.countyName ?? user.countyName })
          : t('courses.organisedByCity')}
      </Typography.Paragraph>
      <Form.Item
        name="title"
        label={t('course.title')}
        rules={[{ required: true, whitespace: true, message: t('courses.titleRequired') }]}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <fieldset className="form-fieldset">
        <legend>{t('course.topics')}</legend>
        <Form.Item
          name="topics"
          // A validator rather than `required`, which would put aria-required on the group (not allowed there).
          rules={[
            {
              validator: (_, topics: CourseTopic[] | undefined) =>
                topics?.length ? Promise.resolve() : Promise.reject(new Error(t('courses.topicsRequired'))),
            },
          ]}
        >
          <Checkbox.Group className="option-grid" options={options(CourseTopic, 'course.topicNames')} />
        </Form.Item>
      </fieldset>
      <Form.Item
        name="audience"
        label={t('course.audience')}
        rules={[{ required: true, message: t('courses.audienceRequired') }]}
      >
        <Select options={options(AudienceTrack, 'course.audiences')} />
      </Form.Item>
      <Form.Item
        name="providerType"
        label={t('course.providerType')}
        rules={[{ required: true, message: t('courses.providerTypeRequired') }]}
      >
        <Select options={options(ProviderType, 'course.providerTypes')} />
      </Form.Item>
      <Form.Item
        name="providerName"
        label={t('course.providerName')}
        rules={[{ required: true, whitespace: true, message: t('courses.providerNameRequired') }]}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      {level === CourseLevel.City && (
        <Form.Item
          name="partnerPlatform"
          label={t('course.partnerPlatform')}
          extra={t('courses.partnerPlatformHelp')}
          rules={[{ required: true, whitespace: true, message: t('courses.partnerPlatformRequired') }]}
        >
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item
        name="startDate"
        label={t('course.startDate')}
        rules={[{ required: true, message: t('courses.startDateRequired') }]}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item
        name="endDate"
        label={t('course.endDate')}
        dependencies={['startDate']}
        rules={[
          { required: true, message: t('courses.endDateRequired') },
          ({ getFieldValue }) => ({
            validator: (_, end: Dayjs | undefined) => {
              const start: Dayjs | undefined = getFieldValue('startDate');
              return !end || !start || !end.isBefore(start, 'day')
                ? Promise.resolve()
                : Promise.reject(new Error(t('problems.course.dates_invalid')));
            },
          }),
        ]}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item
        name="capacity"
        label={t('course.capacity')}
        rules={[{ required: true, message: t('courses.capacityRequired') }]}
      >
        <InputNumber min={1} max={MAX_CAPACITY} precision={0} />
      </Form.Item>
      <fieldset className="form-fieldset">
        <legend>{t('course.feeModel')}</legend>
        <Form.Item name="feeModel">
          <Radio.Group options={options(FeeModel, 'course.feeModels')} />
        </Form.Item>
      </fieldset>
    </FormDialog>
  );
}
