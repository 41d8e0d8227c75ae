import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Select, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, EnterpriseRoles, type EnterpriseDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { enumValue, PAGE_SIZES, useListState } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { PERMISSIONS } from '../../nav/navigation';
import { useCountyOptions } from '../registry/useCounties';
import { EnterpriseDialog } from './EnterpriseDialog';
import { ENTERPRISE_ROLES, ENTERPRISES_KEY, mayEditEnterprise, useEnterprisesChanged } from './useEnterprises';

const FILTER_KEYS = ['name', 'role', 'countyId'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

type Dialog = { kind: 'create' } | { kind: 'edit'; enterprise: EnterpriseDto };

/** Enterprises of the programme (every officer sees all of them), with search by name, role and county. */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const counties = useCountyOptions();
  const changed = useEnterprisesChanged();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm<Filters>();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;

  const enterprises = useQuery({
    queryKey: [...ENTERPRISES_KEY, filters, list.page, list.pageSize],
    queryFn: () =>
      api.getEnterprises(
        enumValue(EnterpriseRoles, filters.role),
        filters.countyId,
        filters.name,
        list.page,
        list.pageSize,
      ),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<EnterpriseDto> = [
    {
      key: 'name',
      title: t('enterprise.name'),
      render: (_, enterprise) => <Link to={`/enterprises/${enterprise.id}`}>{enterprise.name}</Link>,
    },
    { key: 'creditCode', title: t('enterprise.creditCode'), dataIndex: 'creditCode' },
    {
      key: 'county',
      title: t('enterprise.county'),
      render: (_, enterprise) => enterprise.countyName ?? t('enterprise.noCounty'),
    },
    {
      key: 'roles',
      title: t('enterprise.roles'),
      render: (_, enterprise) =>
        enterprise.roles.map((role) => <Tag key={role}>{t(`enterprise.roleNames.${role}`)}</Tag>),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, enterprise: EnterpriseDto) =>
              mayEditEnterprise(user, enterprise) && (
                <Button
                  type="link"
                  size="small"
                  aria-label={t('common.actionFor', { action: t('common.edit'), name: enterprise.name })}
                  onClick={() => setDialog({ kind: 'edit', enterprise })}
                >
                  {t('common.edit')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Page
      title={t('enterprises.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
            {t('enterprises.create')}
          </Button>
        )
      }
    >
      <Form<Filters>
        form={form}
        name="enterpriseFilters"
        layout="inline"
        className="filters"
        initialValues={filters}
        onFinish={(values) => list.setFilters({ ...values, name: values.name?.trim() || undefined })}
      >
        <Form.Item name="name" label={t('enterprises.nameContains')}>
          <Input allowClear autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('enterprises.role')}>
          <Select
            allowClear
            className="filter-select"
            options={ENTERPRISE_ROLES.map((role) => ({ value: role, label: t(`enterprise.roleNames.${role}`) }))}
          />
        </Form.Item>
        <Form.Item name="countyId" label={t('enterprise.county')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} className="filter-select" options={counties} />
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
      {enterprises.error && <RequestError error={enterprises.error} />}
      <DataTable<EnterpriseDto>
        rowKey="id"
        caption={t('enterprises.tableCaption')}
        columns={columns}
        dataSource={enterprises.data?.items}
        loading={enterprises.isFetching}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: enterprises.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: list.setPage,
        }}
      />
      {dialog && (
        <EnterpriseDialog
          enterprise={dialog.kind === 'edit' ? dialog.enterprise : undefined}
          onSaved={changed}
          onStale={changed}
          onClosed={() => setDialog(null)}
        />
      )}
    </Page>
  );
}
