import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgreementStatus } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { Page } from '../../components/Page';
import { enumValue, useListState } from '../../components/useListState';
import { toDateOnly } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { BaseSelect } from '../bases/BaseSelect';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { dateValue } from '../evidence/dated';
import { PersonSelect } from '../registry/PersonSelect';
import { AgreementDialog } from './AgreementDialog';
import { AgreementsTable } from './AgreementsTable';
import { useAgreementsChanged } from './useAgreements';

const FILTER_KEYS = ['enterpriseId', 'baseId', 'personId', 'status', 'inForceOn'] as const;

interface FilterValues {
  enterpriseId?: string;
  baseId?: string;
  personId?: string;
  status?: string;
  inForceOn?: Dayjs;
}

/** Direct-purchase/supply agreements (直采直供) in the officer's scope: either party's county. */
export function SupplyAgreementsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const changed = useAgreementsChanged();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<FilterValues>();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;
  const inForceOn = dateValue(filters.inForceOn);

  return (
    <Page
      title={t('agreements.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('agreements.create')}
          </Button>
        )
      }
    >
      <Form<FilterValues>
        form={form}
        name="agreementFilters"
        layout="inline"
        className="filters"
        initialValues={{ ...filters, inForceOn }}
        onFinish={(values) =>
          list.setFilters({ ...values, inForceOn: values.inForceOn && toDateOnly(values.inForceOn) })
        }
      >
        <Form.Item name="enterpriseId" label={t('agreement.enterprise')}>
          <EnterpriseSelect allowClear className="person-filter" />
        </Form.Item>
        <Form.Item name="baseId" label={t('agreement.base')}>
          <BaseSelect allowClear className="person-filter" />
        </Form.Item>
        <Form.Item name="personId" label={t('agreement.person')}>
          <PersonSelect household="any" countyId={user.countyId} allowClear className="person-filter" />
        </Form.Item>
        <Form.Item name="status" label={t('agreement.status')}>
          <Select
            allowClear
            className="filter-select"
            options={Object.values(AgreementStatus).map((value) => ({
              value,
              label: t(`agreement.statuses.${value}`),
            }))}
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
      <AgreementsTable
        filters={{
          enterpriseId: filters.enterpriseId,
          baseId: filters.baseId,
          personId: filters.personId,
          status: enumValue(AgreementStatus, filters.status),
          inForceOn: inForceOn && toDateOnly(inForceOn),
        }}
        caption={t('agreements.tableCaption')}
        page={list.page}
        pageSize={list.pageSize}
        onPageChange={list.setPage}
      />
      {creating && <AgreementDialog onSaved={changed} onClosed={() => setCreating(false)} />}
    </Page>
  );
}
