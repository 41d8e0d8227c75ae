import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JobCategory } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { Page } from '../../components/Page';
import { enumValue, useListState } from '../../components/useListState';
import { toDateOnly } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { dateValue } from '../evidence/dated';
import { PersonSelect } from '../registry/PersonSelect';
import { EmploymentDialog } from './EmploymentDialog';
import { EmploymentTable } from './EmploymentTable';
import { JOB_CATEGORIES, useEmploymentChanged } from './useEmployment';

const FILTER_KEYS = ['enterpriseId', 'personId', 'jobCategory', 'inForceOn'] as const;

interface FilterValues {
  enterpriseId?: string;
  personId?: string;
  jobCategory?: string;
  inForceOn?: Dayjs;
}

/** Employment of registered disabled people by enterprises (吸纳就业), entered by officers or reported by platforms. */
export function EmploymentPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const changed = useEmploymentChanged();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<FilterValues>();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;
  const inForceOn = dateValue(filters.inForceOn);

  return (
    <Page
      title={t('employments.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('employments.create')}
          </Button>
        )
      }
    >
      <Form<FilterValues>
        form={form}
        name="employmentFilters"
        layout="inline"
        className="filters"
        initialValues={{ ...filters, inForceOn }}
        onFinish={(values) =>
          list.setFilters({ ...values, inForceOn: values.inForceOn && toDateOnly(values.inForceOn) })
        }
      >
        <Form.Item name="enterpriseId" label={t('employment.enterprise')}>
          <EnterpriseSelect allowClear className="person-filter" />
        </Form.Item>
        <Form.Item name="personId" label={t('employment.person')}>
          <PersonSelect household="any" countyId={user.countyId} allowClear className="person-filter" />
        </Form.Item>
        <Form.Item name="jobCategory" label={t('employment.jobCategory')}>
          <Select
            allowClear
            className="filter-select"
            options={JOB_CATEGORIES.map((value) => ({ value, label: t(`employment.jobCategories.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="inForceOn" label={t('evidence.inForceOn')}>
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
              form.setFieldsValue(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])));
              list.setFilters({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Form.Item>
      </Form>
      <EmploymentTable
        filters={{
          enterpriseId: filters.enterpriseId,
          personId: filters.personId,
          jobCategory: enumValue(JobCategory, filters.jobCategory),
          inForceOn: inForceOn && toDateOnly(inForceOn),
        }}
        caption={t('employments.tableCaption')}
        page={list.page}
        pageSize={list.pageSize}
        onPageChange={list.setPage}
      />
      {creating && <EmploymentDialog onSaved={changed} onClosed={() => setCreating(false)} />}
    </Page>
  );
}
