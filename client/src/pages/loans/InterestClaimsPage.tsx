import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Select, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, BenefitState, BenefitType, type BenefitListItemDto } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { enumValue, PAGE_SIZES, useListState } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDateTime, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { CLAIM_STATES } from '../claims/benefitActions';
import { BenefitStateBadge } from '../claims/BenefitStateBadge';

const FILTER_KEYS = ['state'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/**
 * Loan interest subsidy claims (贷款贴息) in the officer's scope: the reviewers' worklist. A claim is
 * started from its loan's page.
 */
export function InterestClaimsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<Filters>();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;

  // The benefit list names the borrower; a claim's id is its benefit's.
  const claims = useQuery({
    queryKey: ['benefits', BenefitType.LoanInterestSubsidy, filters, list.page, list.pageSize],
    queryFn: () =>
      api.getBenefits(
        BenefitType.LoanInterestSubsidy,
        enumValue(BenefitState, filters.state),
        undefined,
        list.page,
        list.pageSize,
      ),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<BenefitListItemDto> = [
    {
      key: 'borrower',
      title: t('loan.borrower'),
      render: (_, claim) => <Link to={`/interest-claims/${claim.id}`}>{claim.personName}</Link>,
    },
    { key: 'county', title: t('loan.county'), dataIndex: 'countyName' },
    { key: 'state', title: t('benefit.state'), render: (_, claim) => <BenefitStateBadge state={claim.state} /> },
    {
      key: 'amount',
      title: t('claims.amountYuan'),
      align: 'end',
      render: (_, claim) => formatYuan(claim.amount, language),
    },
    { key: 'submittedAt', title: t('benefit.submittedAt'), render: (_, claim) => formatDateTime(claim.submittedAt) },
  ];

  return (
    <Page title={t('interestClaims.title')}>
      <Typography.Paragraph>{t('interestClaims.intro')}</Typography.Paragraph>
      <Form<Filters>
        form={form}
        name="interestClaimFilters"
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
      <DataTable<BenefitListItemDto>
        rowKey="id"
        caption={t('interestClaims.tableCaption')}
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
