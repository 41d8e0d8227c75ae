import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type MentoringContractDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { PAGE_SIZES, useListState } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { PERMISSIONS } from '../../nav/navigation';
import { useCountyName } from '../channels/CountyOrCityField';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { BeneficiaryDialog, MentoringContractDialog } from './MentoringContractDialog';
import { MENTORING_CONTRACTS_KEY, useMentoringChanged } from './useIncubation';

const FILTER_KEYS = ['providerEnterpriseId'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** Contracts under which enterprises provide mentors to disabled entrepreneurs (导师帮扶), of the county and the city. */
export function MentoringContractsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const changed = useMentoringChanged();
  const countyName = useCountyName();
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<MentoringContractDto | null>(null);
  const [form] = Form.useForm<Filters>();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;

  const contracts = useQuery({
    queryKey: [...MENTORING_CONTRACTS_KEY, filters, list.page, list.pageSize],
    queryFn: () => api.getMentoringContracts(filters.providerEnterpriseId, list.page, list.pageSize),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<MentoringContractDto> = [
    { key: 'title', title: t('mentoring.contractTitle'), dataIndex: 'title' },
    {
      key: 'provider',
      title: t('mentoring.provider'),
      render: (_, contract) => (
        <Link to={`/enterprises/${contract.providerEnterpriseId}`}>{contract.providerName}</Link>
      ),
    },
    { key: 'county', title: t('channel.county'), render: (_, contract) => countyName(contract.countyId) },
    {
      key: 'amount',
      title: t('mentoring.amountYuan'),
      align: 'end',
      render: (_, contract) => formatYuan(contract.amount, language),
    },
    {
      key: 'dates',
      title: t('evidence.dates'),
      render: (_, contract) =>
        t('course.dateRange', { start: formatDate(contract.startDate), end: formatDate(contract.endDate) }),
    },
    {
      key: 'beneficiaries',
      title: t('mentoring.beneficiaries'),
      align: 'end',
      render: (_, contract) => contract.beneficiaryIds.length,
    },
    {
      key: 'sessions',
      title: t('mentoring.sessions'),
      align: 'end',
      render: (_, contract) => (
        <Link to={`/mentoring-sessions?contractId=${contract.id}`}>
          {t('mentoringContracts.sessionCount', { count: contract.sessions })}
        </Link>
      ),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, contract: MentoringContractDto) => (
              <Button
                type="link"
                size="small"
                aria-label={t('common.actionFor', {
                  action: t('mentoringContracts.addBeneficiary'),
                  name: contract.title,
                })}
                onClick={() => setAdding(contract)}
              >
                {t('mentoringContracts.addBeneficiary')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Page
      title={t('mentoringContracts.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('mentoringContracts.create')}
          </Button>
        )
      }
    >
      <Form<Filters>
        form={form}
        name="mentoringContractFilters"
        layout="inline"
        className="filters"
        initialValues={filters}
        onFinish={list.setFilters}
      >
        <Form.Item name="providerEnterpriseId" label={t('mentoring.provider')}>
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
              form.setFieldsValue({ providerEnterpriseId: undefined });
              list.setFilters({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Form.Item>
      </Form>
      {contracts.error && <RequestError error={contracts.error} />}
      <DataTable<MentoringContractDto>
        rowKey="id"
        caption={t('mentoringContracts.tableCaption')}
        columns={columns}
        dataSource={contracts.data?.items}
        loading={contracts.isFetching}
        locale={{ emptyText: t('mentoringContracts.none') }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: contracts.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: list.setPage,
        }}
      />
      {creating && <MentoringContractDialog onSaved={changed} onClosed={() => setCreating(false)} />}
      {adding && <BeneficiaryDialog contract={adding} onSaved={changed} onClosed={() => setAdding(null)} />}
    </Page>
  );
}
