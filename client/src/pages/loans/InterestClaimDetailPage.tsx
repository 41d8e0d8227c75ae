import { Card, Descriptions, Flex } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { InterestSubsidyClaimDto } from '../../api';
import { Page } from '../../components/Page';
import { formatDate } from '../../format';
import { BenefitDecision } from '../claims/BenefitDecision';
import { BenefitHistory } from '../claims/BenefitHistory';
import { BenefitStatus } from '../claims/BenefitStatus';
import { RecordPage } from '../registry/RecordPage';
import { useInterestClaim, useInterestClaimsChanged } from './useLoans';

function ClaimFacts({ claim }: { claim: InterestSubsidyClaimDto }) {
  const { t } = useTranslation();
  const days = dayjs(claim.periodEnd).diff(dayjs(claim.periodStart), 'day') + 1;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        {
          key: 'borrower',
          label: t('loan.borrower'),
          children: <Link to={`/persons/${claim.personId}`}>{claim.personName}</Link>,
        },
        { key: 'programme', label: t('loan.programme'), children: t(`loan.programmes.${claim.programme}`) },
        {
          key: 'period',
          label: t('interestClaim.period'),
          children: t('interestClaims.periodDays', {
            start: formatDate(claim.periodStart),
            end: formatDate(claim.periodEnd),
            count: days,
          }),
        },
        {
          key: 'loan',
          label: t('interestClaim.loan'),
          children: <Link to={`/loans/${claim.loanId}`}>{t('interestClaims.viewLoan')}</Link>,
        },
      ]}
    />
  );
}

/**
 * One loan interest subsidy claim (贷款贴息): where it is in the one benefit workflow and the steps the
 * user may take, the loan and period claimed, the decision explained criterion by criterion, the history.
 */
export function InterestClaimDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useInterestClaim(id);
  const changed = useInterestClaimsChanged();

  return (
    <RecordPage
      query={query}
      title={t('interestClaims.detail')}
      notFoundTitle={t('interestClaims.notFound')}
      notFoundDetail={t('interestClaims.notFoundDetail')}
    >
      {(claim) => (
        <Page title={t('interestClaims.detailTitle', { name: claim.personName })}>
          <Flex vertical gap="large">
            <Card title={<h2 className="card-title">{t('claims.status')}</h2>}>
              <BenefitStatus
                benefit={claim.benefit}
                name={t('interestClaims.benefitName', { name: claim.personName })}
                onDone={changed}
              />
            </Card>
            <Card title={<h2 className="card-title">{t('claims.facts')}</h2>}>
              <ClaimFacts claim={claim} />
            </Card>
            <Card title={<h2 className="card-title">{t('claims.decision.title')}</h2>}>
              <BenefitDecision benefit={claim.benefit} />
            </Card>
            <Card title={<h2 className="card-title">{t('benefit.history.title')}</h2>}>
              <BenefitHistory transitions={claim.benefit.transitions} />
            </Card>
          </Flex>
        </Page>
      )}
    </RecordPage>
  );
}
