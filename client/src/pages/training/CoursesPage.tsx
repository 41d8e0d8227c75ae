import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Select, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, CourseLevel, CourseTopic, type CourseDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { enumValue, PAGE_SIZES, useListState } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { toDateOnly } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { useCountyOptions } from '../registry/useCounties';
import { CourseDialog } from './CourseDialog';
import { courseDates, organiserName } from './courseText';
import { COURSES_KEY, useSavedCourse } from './useCourse';

const FILTER_KEYS = ['level', 'countyId', 'topic', 'from', 'to'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

interface FilterValues {
  level?: string;
  countyId?: string;
  topic?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

function toFilterValues(filters: Filters): FilterValues {
  return { ...filters, from: filters.from ? dayjs(filters.from) : null, to: filters.to ? dayjs(filters.to) : null };
}

function toFilters({ from, to, ...values }: FilterValues): Filters {
  return { ...values, from: from ? toDateOnly(from) : undefined, to: to ? toDateOnly(to) : undefined };
}

/** Courses the officer can see (their county's and the city's), newest first. */
export function CoursesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const counties = useCountyOptions();
  const saved = useSavedCourse();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<FilterValues>();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;

  const courses = useQuery({
    queryKey: [...COURSES_KEY, filters, list.page, list.pageSize],
    queryFn: () =>
      api.getCourses(
        enumValue(CourseLevel, filters.level),
        filters.countyId,
        enumValue(CourseTopic, filters.topic),
        filters.from,
        filters.to,
        list.page,
        list.pageSize,
      ),
    placeholderData: keepPreviousData,
  });

  const options = (values: Record<string, string>, prefix: string) =>
    Object.values(values).map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  const columns: TableColumnsType<CourseDto> = [
    {
      key: 'title',
      title: t('course.title'),
      render: (_, course) => <Link to={`/courses/${course.id}`}>{course.title}</Link>,
    },
    { key: 'level', title: t('course.level'), render: (_, course) => t(`course.levels.${course.level}`) },
    { key: 'organiser', title: t('course.organiser'), render: (_, course) => organiserName(course, t) },
    { key: 'dates', title: t('course.dates'), render: (_, course) => courseDates(course, t) },
    {
      key: 'places',
      title: t('course.places'),
      render: (_, course) => t('course.placesTaken', { taken: course.placesTaken, capacity: course.capacity }),
    },
    { key: 'provider', title: t('course.provider'), dataIndex: 'providerName' },
    { key: 'feeModel', title: t('course.feeModel'), render: (_, course) => t(`course.feeModels.${course.feeModel}`) },
  ];

  return (
    <Page
      title={t('courses.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('courses.create')}
          </Button>
        )
      }
    >
      <Form<FilterValues>
        form={form}
        name="courseFilters"
        layout="inline"
        className="filters"
        initialValues={toFilterValues(filters)}
        onFinish={(values) => list.setFilters(toFilters(values))}
      >
        <Form.Item name="level" label={t('course.level')}>
          <Select allowClear className="filter-select" options={options(CourseLevel, 'course.levels')} />
        </Form.Item>
        {!user.countyId && (
          <Form.Item name="countyId" label={t('course.organiser')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              className="filter-select"
              options={counties}
            />
          </Form.Item>
        )}
        <Form.Item name="topic" label={t('courses.topic')}>
          <Select allowClear className="filter-select" options={options(CourseTopic, 'course.topicNames')} />
        </Form.Item>
        <Form.Item name="from" label={t('courses.from')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="to" label={t('courses.to')}>
          <DatePicker />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.setFieldsValue(toFilterValues({}));
              list.setFilters({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Form.Item>
      </Form>
      {courses.error && <RequestError error={courses.error} />}
      <DataTable<CourseDto>
        rowKey="id"
        caption={t('courses.tableCaption')}
        columns={columns}
        dataSource={courses.data?.items}
        loading={courses.isFetching}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: courses.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: list.setPage,
        }}
      />
      {creating && (
        <CourseDialog
          onSaved={(course) => {
            saved(course);
            void navigate(`/courses/${course.id}`);
          }}
          onClosed={() => setCreating(false)}
        />
      )}
    </Page>
  );
}
