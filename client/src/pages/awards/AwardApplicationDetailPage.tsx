import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, BenefitState, type AwardApplicationDto } from '../../api';
import { RequestError } from '../../errors/ProblemAlert';
import { Page } from '../../components/Page';
import { BenefitDecision } from '../claims/BenefitDecision';
import { BenefitHistory } from '../claims/BenefitHistory';
import { BenefitStatus } from '../claims/BenefitStatus';
import { PaymentsTable } from '../funds/PaymentsTable';
import { PAYMENTS_KEY } from '../funds/useFunds';
import { RecordPage } from '../registry/RecordPage';
import { AwardFacts } from './AwardFacts';
import { Objections } from './Objections';
import { beneficiaryPath, useAwardApplication, useAwardsChanged } from './useAwards';

function ApplicationFacts({ application }: { application: AwardApplicationDto }) {
  const { t } = useTranslation();
  const path = beneficiaryPath(application.beneficiaryKind, application.beneficiaryId);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'type', label: t('awards.type'), children: t(`benefit.types.${application.type}`) },
        {
          key: 'beneficiary',
          label: t(`awards.beneficiaryKinds.${application.beneficiaryKind}`),
          children: path ? <Link to={path}>{application.beneficiaryName}</Link> : application.beneficiaryName,
        },
        { key: 'county', label: t('awards.county'), children: application.countyName },
        { key: 'level', label: t('awards.level'), children: t(`awards.levels.${application.benefit.level}`) },
      ]}
    />
  );
}

/** The payments of the application from the fund ledger; reversals are made on the ledger's page. */
function ApplicationPayments({ application, onChanged }: { application: AwardApplicationDto; onChanged: () => void }) {
  const { t } = useTranslation();
  const payments = useQuery({
    queryKey: [...PAYMENTS_KEY, 'benefit', application.id],
    queryFn: () => api.getFundPayments(undefined, undefined, undefined, application.id, 1, 100),
  });
  return (
    <Flex vertical gap="middle">
      {payments.error && <RequestError error={payments.error} />}
      <PaymentsTable
        caption={t('awards.paymentsCaption')}
        payments={payments.data?.items}
        loading={payments.isFetching}
        pagination={false}
        onChanged={onChanged}
      />
      <Typography.Paragraph>
        <Link className="inline-link" to="/funds">
          {t('awards.toLedger')}
        </Link>
      </Typography.Paragraph>
    </Flex>
  );
}

/** States in which an award has been paid or may be (so its payments are worth showing). */
const PAYABLE_STATES: ReadonlySet<BenefitState> = new Set([
  BenefitState.Approved,
  BenefitState.CityApproved,
  BenefitState.Paid,
]);

/**
 * One award application (奖补申请): where it is in the workflow and the steps the user may take; the
 * beneficiary; the facts frozen at submission beside today's; the decision criterion by criterion; the
 * public notice with its objections; the payments; the history.
 */
export function AwardApplicationDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useAwardApplication(id);
  const changed = useAwardsChanged();

  return (
    <RecordPage
      query={query}
      title={t('awards.detail')}
      notFoundTitle={t('awards.notFound')}
      notFoundDetail={t('awards.notFoundDetail')}
    >
      {(application) => {
        const { benefit } = application;
        const name = t('awards.benefitName', {
          name: application.beneficiaryName,
          type: t(`benefit.types.${application.type}`),
        });
        return (
          <Page title={t('awards.detailTitle', { name: application.beneficiaryName })}>
            <Flex vertical gap="large">
              <Card title={<h2 className="card-title">{t('claims.status')}</h2>}>
                <BenefitStatus benefit={benefit} name={name} onDone={changed} />
              </Card>
              <Card title={<h2 className="card-title">{t('claims.facts')}</h2>}>
                <ApplicationFacts application={application} />
              </Card>
              <Card title={<h2 className="card-title">{t('awards.factsTitle')}</h2>}>
                <Flex vertical gap="middle">
                  <Typography.Paragraph>
                    {application.snapshot ? t('awards.factsFrozen') : t('awards.factsDraft')}
                  </Typography.Paragraph>
                  <AwardFacts snapshot={application.snapshot} live={application.liveFacts} />
                </Flex>
              </Card>
              <Card title={<h2 className="card-title">{t('claims.decision.title')}</h2>}>
                <BenefitDecision benefit={benefit} />
              </Card>
              {benefit.requiresPublicNotice && (
                <Card title={<h2 className="card-title">{t('objections.title')}</h2>}>
                  <Objections benefit={benefit} name={name} onDone={changed} />
                </Card>
              )}
              {PAYABLE_STATES.has(benefit.state) && (
                <Card title={<h2 className="card-title">{t('awards.paymentsTitle')}</h2>}>
                  <ApplicationPayments application={application} onChanged={changed} />
                </Card>
              )}
              <Card title={<h2 className="card-title">{t('benefit.history.title')}</h2>}>
                <BenefitHistory transitions={benefit.transitions} />
              </Card>
            </Flex>
          </Page>
        );
      }}
    </RecordPage>
  );
}
