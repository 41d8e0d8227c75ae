import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Select, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, BaseStatus, type BaseDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { enumValue, PAGE_SIZES, useListState } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { PERMISSIONS } from '../../nav/navigation';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { useCountyOptions } from '../registry/useCounties';
import { BaseDialog } from './BaseDialog';
import { BaseOperator, BaseStatusBadge } from './baseText';
import { BASE_STATUSES, BASES_KEY, useBasesChanged } from './useBases';

const FILTER_KEYS = ['countyId', 'status', 'recognisedYear', 'operatorEnterpriseId', 'name'] as const;

interface FilterValues {
  countyId?: string;
  status?: string;
  recognisedYear?: number;
  operatorEnterpriseId?: string;
  name?: string;
}

type Dialog = { kind: 'create' } | { kind: 'edit'; base: BaseDto };

function yearValue(value: string | undefined): number | undefined {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
}

/** Sunshine bases (阳光就业扶贫基地) in the officer's scope, by name, with who runs them and their status. */
export function BasesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const counties = useCountyOptions();
  const changed = useBasesChanged();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm<FilterValues>();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;
  const recognisedYear = yearValue(filters.recognisedYear);

  const bases = useQuery({
    queryKey: [...BASES_KEY, filters, list.page, list.pageSize],
    queryFn: () =>
      api.getBases(
        filters.countyId,
        enumValue(BaseStatus, filters.status),
        recognisedYear,
        filters.operatorEnterpriseId,
        filters.name,
        list.page,
        list.pageSize,
      ),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<BaseDto> = [
    { key: 'name', title: t('base.name'), dataIndex: 'name' },
    { key: 'county', title: t('base.county'), dataIndex: 'countyName' },
    { key: 'operator', title: t('base.operator'), render: (_, base) => <BaseOperator base={base} /> },
    { key: 'recognisedYear', title: t('base.recognisedYear'), dataIndex: 'recognisedYear', align: 'end' },
    { key: 'status', title: t('base.status'), render: (_, base) => <BaseStatusBadge status={base.status} /> },
    { key: 'products', title: t('base.products'), dataIndex: 'products' },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, base) => (
        <Space size="small" wrap>
          <Link
            to={`/supply-agreements?baseId=${base.id}`}
            aria-label={t('common.actionFor', { action: t('bases.agreements'), name: base.name })}
          >
            {t('bases.agreements')}
          </Link>
          {canWrite && (
            <Button
              type="link"
              size="small"
              aria-label={t('common.actionFor', { action: t('common.edit'), name: base.name })}
              onClick={() => setDialog({ kind: 'edit', base })}
            >
              {t('common.edit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Page
      title={t('bases.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
            {t('bases.create')}
          </Button>
        )
      }
    >
      <Form<FilterValues>
        form={form}
        name="baseFilters"
        layout="inline"
        className="filters"
        initialValues={{ ...filters, recognisedYear }}
        onFinish={(values) =>
          list.setFilters({
            ...values,
            recognisedYear: values.recognisedYear?.toString(),
            name: values.name?.trim() || undefined,
          })
        }
      >
        {!user.countyId && (
          <Form.Item name="countyId" label={t('base.county')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              className="filter-select"
              options={counties}
            />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('bases.nameContains')}>
          <Input allowClear autoComplete="off" />
        </Form.Item>
        <Form.Item name="status" label={t('base.status')}>
          <Select
            allowClear
            className="filter-select"
            options={BASE_STATUSES.map((value) => ({ value, label: t(`base.statuses.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="recognisedYear" label={t('base.recognisedYear')}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item name="operatorEnterpriseId" label={t('bases.operatorEnterprise')}>
          <EnterpriseSelect allowClear className="person-filter" />
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
      {bases.error && <RequestError error={bases.error} />}
      <DataTable<BaseDto>
        rowKey="id"
        caption={t('bases.tableCaption')}
        columns={columns}
        dataSource={bases.data?.items}
        loading={bases.isFetching}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: bases.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: list.setPage,
        }}
      />
      {dialog && (
        <BaseDialog
          base={dialog.kind === 'edit' ? dialog.base : undefined}
          onSaved={changed}
          onStale={changed}
          onClosed={() => setDialog(null)}
        />
      )}
    </Page>
  );
}
