import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, type InterestSubsidyClaimListItemDto, type LoanDto, type LoanRepaymentDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { PERMISSIONS } from '../../nav/navigation';
import { BenefitStateBadge } from '../claims/BenefitStateBadge';
import { RecordPage } from '../registry/RecordPage';
import { InterestClaimDialog } from './InterestClaimDialog';
import { formatRate } from './loanRate';
import { RepaymentDialog } from './RepaymentDialog';
import { INTEREST_CLAIMS_KEY, useLoan, useSavedInterestClaim, useSavedLoan } from './useLoans';

type Dialog = 'repayment' | 'claim';

function LoanDetails({ loan }: { loan: LoanDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        {
          key: 'borrower',
          label: t('loan.borrower'),
          children: <Link to={`/persons/${loan.borrowerId}`}>{loan.borrowerName}</Link>,
        },
        { key: 'county', label: t('loan.county'), children: loan.countyName },
        { key: 'programme', label: t('loan.programme'), children: t(`loan.programmes.${loan.programme}`) },
        { key: 'lender', label: t('loan.lender'), children: loan.lender },
        {
          key: 'principal',
          label: t('loan.principal'),
          children: t('decision.yuan', { amount: formatYuan(loan.principal, language) }),
        },
        { key: 'annualRate', label: t('loan.annualRate'), children: formatRate(loan.annualRate, language) },
        {
          key: 'dayCountBasis',
          label: t('loan.dayCountBasis'),
          children: t(`loan.dayCountBases.${loan.dayCountBasis}`),
        },
        {
          key: 'term',
          label: t('loan.term'),
          children: t('loans.termText', {
            start: formatDate(loan.startDate),
            months: loan.termMonths,
            maturity: formatDate(loan.maturityDate),
          }),
        },
        {
          key: 'outstanding',
          label: t('loan.outstandingToday'),
          children: t('decision.yuan', { amount: formatYuan(loan.outstandingToday, language) }),
        },
      ]}
    />
  );
}

function Repayments({ loan, canWrite, onRecord }: { loan: LoanDto; canWrite: boolean; onRecord: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns: TableColumnsType<LoanRepaymentDto> = [
    { key: 'date', title: t('loans.repayments.date'), render: (_, repayment) => formatDate(repayment.date) },
    {
      key: 'principal',
      title: t('loans.repayments.principalYuan'),
      align: 'end',
      render: (_, repayment) => formatYuan(repayment.principal, language),
    },
  ];
  const open = loan.outstandingToday > 0 && !dayjs().isBefore(dayjs(loan.startDate), 'day');
  return (
    <Card
      title={<h2 className="card-title">{t('loans.repayments.title')}</h2>}
      extra={
        canWrite &&
        open && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={onRecord}>
            {t('loans.repayments.record')}
          </Button>
        )
      }
    >
      <DataTable<LoanRepaymentDto>
        rowKey="id"
        caption={t('loans.repayments.caption')}
        columns={columns}
        dataSource={loan.repayments}
        pagination={false}
        locale={{ emptyText: t('loans.repayments.none') }}
      />
    </Card>
  );
}

function Claims({ loan, canWrite, onCreate }: { loan: LoanDto; canWrite: boolean; onCreate: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [page, setPage] = useState(1);
  const claims = useQuery({
    queryKey: [...INTEREST_CLAIMS_KEY, 'loan', loan.id, page],
    queryFn: () => api.getInterestSubsidyClaims(loan.id, undefined, page, 20),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<InterestSubsidyClaimListItemDto> = [
    {
      key: 'period',
      title: t('interestClaim.period'),
      render: (_, claim) => (
        <Link to={`/interest-claims/${claim.id}`}>
          {t('course.dateRange', { start: formatDate(claim.periodStart), end: formatDate(claim.periodEnd) })}
        </Link>
      ),
    },
    { key: 'state', title: t('benefit.state'), render: (_, claim) => <BenefitStateBadge state={claim.state} /> },
    {
      key: 'amount',
      title: t('claims.amountYuan'),
      align: 'end',
      render: (_, claim) => formatYuan(claim.amount, language),
    },
  ];
  return (
    <Card
      title={<h2 className="card-title">{t('interestClaims.ofLoan')}</h2>}
      extra={
        canWrite && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={onCreate}>
            {t('interestClaims.create')}
          </Button>
        )
      }
    >
      {claims.error && <RequestError error={claims.error} />}
      <DataTable<InterestSubsidyClaimListItemDto>
        rowKey="id"
        caption={t('interestClaims.ofLoanCaption')}
        columns={columns}
        dataSource={claims.data?.items}
        loading={claims.isFetching}
        locale={{ emptyText: t('interestClaims.none') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: claims.data?.totalCount ?? 0,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
      />
    </Card>
  );
}

/** One loan: its contract terms, its repayments and its interest subsidy claims. */
export function LoanDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const query = useLoan(id);
  const savedLoan = useSavedLoan();
  const savedClaim = useSavedInterestClaim();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  return (
    <RecordPage
      query={query}
      title={t('loans.detail')}
      notFoundTitle={t('loans.notFound')}
      notFoundDetail={t('loans.notFoundDetail')}
    >
      {(loan) => (
        <Page title={t('loans.detailTitle', { name: loan.borrowerName })}>
          <Flex vertical gap="large">
            <Card title={<h2 className="card-title">{t('loans.details')}</h2>}>
              <LoanDetails loan={loan} />
            </Card>
            <Repayments loan={loan} canWrite={canWrite} onRecord={() => setDialog('repayment')} />
            <Claims loan={loan} canWrite={canWrite} onCreate={() => setDialog('claim')} />
          </Flex>
          {dialog === 'repayment' && <RepaymentDialog loan={loan} onSaved={savedLoan} onClosed={close} />}
          {dialog === 'claim' && (
            <InterestClaimDialog
              loan={loan}
              onSaved={(claim) => {
                savedClaim(claim);
                void navigate(`/interest-claims/${claim.id}`);
              }}
              onClosed={close}
            />
          )}
        </Page>
      )}
    </RecordPage>
  );
}
