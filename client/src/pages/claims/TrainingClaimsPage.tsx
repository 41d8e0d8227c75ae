import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Select, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, BenefitState, type TrainingClaimListItemDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { enumValue, PAGE_SIZES, useListState } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, formatDateTime, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { PERMISSIONS } from '../../nav/navigation';
import { CLAIM_STATES } from './benefitActions';
import { BenefitStateBadge } from './BenefitStateBadge';
import { CLAIMS_KEY } from './useClaim';

const FILTER_KEYS = ['state'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** Training subsidy claims in the officer's scope, newest first: the worklist of the county federation. */
export function TrainingClaimsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const [form] = Form.useForm<Filters>();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;

  const claims = useQuery({
    queryKey: [...CLAIMS_KEY, filters, list.page, list.pageSize],
    queryFn: () => api.getTrainingClaims(enumValue(BenefitState, filters.state), undefined, list.page, list.pageSize),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<TrainingClaimListItemDto> = [
    {
      key: 'person',
      title: t('claim.person'),
      render: (_, claim) => <Link to={`/training-claims/${claim.id}`}>{claim.personName}</Link>,
    },
    { key: 'qualification', title: t('claim.qualification'), dataIndex: 'qualificationCode' },
    {
      key: 'certificateDate',
      title: t('claim.certificateDate'),
      render: (_, claim) => formatDate(claim.certificateDate),
    },
    {
      key: 'feePaid',
      title: t('claims.feePaidYuan'),
      align: 'right',
      render: (_, claim) => formatYuan(claim.feePaid, language),
    },
    {
      key: 'amount',
      title: t('claims.amountYuan'),
      align: 'right',
      render: (_, claim) => formatYuan(claim.amount, language),
    },
    { key: 'state', title: t('benefit.state'), render: (_, claim) => <BenefitStateBadge state={claim.state} /> },
    { key: 'createdAt', title: t('claims.createdAt'), render: (_, claim) => formatDateTime(claim.createdAt) },
  ];

  return (
    <Page
      title={t('claims.title')}
      actions={
        canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => void navigate('/training-claims/new')}
          >
            {t('claims.create')}
          </Button>
        )
      }
    >
      <Form<Filters>
        form={form}
        name="claimFilters"
        layout="inline"
        className="filters"
        initialValues={filters}
        onFinish={list.setFilters}
      >
        <Form.Item name="state" label={t('benefit.state')}>
          <Select
            allowClear
            className="filter-select"
            options={CLAIM_STATES.map((state) => ({
              value: state,
              label: t(`benefit.states.${state}`),
            }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      {claims.error && <RequestError error={claims.error} />}
      <DataTable<TrainingClaimListItemDto>
        rowKey="id"
        caption={t('claims.tableCaption')}
        columns={columns}
        dataSource={claims.data?.items}
        loading={claims.isFetching}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: claims.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: list.setPage,
        }}
      />
    </Page>
  );
}
