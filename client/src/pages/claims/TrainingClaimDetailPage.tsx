import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { BenefitState, type TrainingClaimDto, type TransitionDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { formatDate, formatDateTime, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { PERMISSIONS } from '../../nav/navigation';
import { RecordPage } from '../registry/RecordPage';
import { useCountyOptions } from '../registry/useCounties';
import { Attachments } from './Attachments';
import { BenefitActions } from './BenefitActions';
import { BenefitStateBadge } from './BenefitStateBadge';
import { DecisionExplanation } from './DecisionExplanation';
import { useClaim, useClaimChanged } from './useClaim';
import { useQualifications } from './useQualifications';

function ClaimFacts({ claim }: { claim: TrainingClaimDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const counties = useCountyOptions();
  const qualification = useQualifications(claim.certificateDate).data?.qualifications.find(
    (candidate) => candidate.code === claim.qualificationCode,
  );
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        {
          key: 'person',
          label: t('claim.person'),
          children: <Link to={`/persons/${claim.personId}`}>{claim.personName}</Link>,
        },
        {
          key: 'county',
          label: t('person.county'),
          children: counties.find((county) => county.value === claim.countyId)?.label,
        },
        { key: 'providerName', label: t('claim.providerName'), children: claim.providerName },
        { key: 'courseName', label: t('claim.courseName'), children: claim.courseName },
        {
          key: 'training',
          label: t('claim.trainingDates'),
          children: t('course.dateRange', {
            start: formatDate(claim.trainingStart),
            end: formatDate(claim.trainingEnd),
          }),
        },
        {
          key: 'feePaid',
          label: t('claim.feePaid'),
          children: t('decision.yuan', { amount: formatYuan(claim.feePaid, language) }),
        },
        {
          key: 'feeCharging',
          label: t('claim.feeCharging'),
          children: claim.feeCharging ? t('common.yes') : t('common.no'),
        },
        { key: 'receiptNumber', label: t('claim.receiptNumber'), children: claim.receiptNumber },
        {
          key: 'qualification',
          label: t('claim.qualification'),
          children: qualification
            ? t('common.withDetail', { text: qualification.name, detail: qualification.code })
            : claim.qualificationCode,
        },
        { key: 'certificateNumber', label: t('claim.certificateNumber'), children: claim.certificateNumber },
        { key: 'certificateDate', label: t('claim.certificateDate'), children: formatDate(claim.certificateDate) },
        { key: 'issuingAuthority', label: t('claim.issuingAuthority'), children: claim.issuingAuthority },
      ]}
    />
  );
}

/** The frozen decision, and the live one: as a preview before submission, or when it now differs. */
function Decision({ claim }: { claim: TrainingClaimDto }) {
  const { t } = useTranslation();
  const { decision, liveDecision, decisionChanged } = claim.benefit;
  return (
    <Flex vertical gap="large">
      {decision && <DecisionExplanation decision={decision} caption={t('claims.decision.frozenCaption')} />}
      {!decision && liveDecision && (
        <>
          <Typography.Paragraph>{t('claims.decision.preview')}</Typography.Paragraph>
          <DecisionExplanation decision={liveDecision} caption={t('claims.decision.previewCaption')} />
        </>
      )}
      {decisionChanged && liveDecision && (
        <>
          <h3 className="section-title">{t('claims.decision.liveTitle')}</h3>
          <DecisionExplanation decision={liveDecision} caption={t('claims.decision.liveCaption')} />
        </>
      )}
      {!decision && !liveDecision && <Typography.Paragraph>{t('claims.decision.none')}</Typography.Paragraph>}
    </Flex>
  );
}

function History({ transitions }: { transitions: TransitionDto[] }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const columns: TableColumnsType<TransitionDto> = [
    { key: 'at', title: t('benefit.history.at'), render: (_, transition) => formatDateTime(transition.at) },
    {
      key: 'action',
      title: t('benefit.history.action'),
      render: (_, transition) => t(`benefit.history.actions.${transition.action}`, { defaultValue: transition.action }),
    },
    {
      key: 'states',
      title: t('benefit.history.states'),
      render: (_, transition) =>
        t('benefit.history.fromTo', {
          from: t(`benefit.states.${transition.from}`),
          to: t(`benefit.states.${transition.to}`),
        }),
    },
    {
      key: 'actor',
      title: t('benefit.history.actor'),
      render: (_, transition) => (transition.actorId === user.id ? t('benefit.history.you') : transition.actorId),
    },
    { key: 'comment', title: t('benefit.history.comment'), dataIndex: 'comment' },
  ];
  return (
    <DataTable<TransitionDto>
      rowKey={(transition) => `${transition.at}-${transition.action}`}
      caption={t('benefit.history.caption')}
      columns={columns}
      dataSource={transitions}
      pagination={false}
      locale={{ emptyText: t('benefit.history.none') }}
    />
  );
}

export function TrainingClaimDetailPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const query = useClaim(id);
  const changed = useClaimChanged();

  return (
    <RecordPage
      query={query}
      title={t('claims.detail')}
      notFoundTitle={t('claims.notFound')}
      notFoundDetail={t('claims.notFoundDetail')}
    >
      {(claim) => {
        const { benefit } = claim;
        const editable = benefit.state === BenefitState.Draft && user.permissions.includes(PERMISSIONS.programmeWrite);
        const refresh = () => changed(claim.id);
        return (
          <Page
            title={t('claims.detailTitle', { name: claim.personName })}
            actions={
              editable && (
                <Button
                  icon={<EditOutlined aria-hidden />}
                  onClick={() => void navigate(`/training-claims/${claim.id}/edit`)}
                >
                  {t('common.edit')}
                </Button>
              )
            }
          >
            <Flex vertical gap="large">
              <Card title={<h2 className="card-title">{t('claims.status')}</h2>}>
                <Flex vertical gap="middle">
                  {benefit.decisionChanged && (
                    <Alert
                      type="warning"
                      showIcon
                      title={t('claims.decision.changed')}
                      description={
                        benefit.isFinallyApproved
                          ? t('claims.decision.changedAfterApproval')
                          : t('claims.decision.changedBeforeApproval')
                      }
                    />
                  )}
                  <Descriptions
                    bordered
                    size="small"
                    column={{ xs: 1, md: 3 }}
                    items={[
                      {
                        key: 'state',
                        label: t('benefit.state'),
                        children: <BenefitStateBadge state={benefit.state} />,
                      },
                      {
                        key: 'amount',
                        label: t('decision.amount'),
                        children:
                          benefit.decision &&
                          t('decision.yuan', { amount: formatYuan(benefit.decision.amount, language) }),
                      },
                      {
                        key: 'submittedAt',
                        label: t('benefit.submittedAt'),
                        children: formatDateTime(benefit.submittedAt),
                      },
                      ...(benefit.state === BenefitState.Paid
                        ? [
                            {
                              key: 'paymentDate',
                              label: t('benefit.paymentDate'),
                              children: formatDate(benefit.paymentDate),
                            },
                            { key: 'voucher', label: t('benefit.voucher'), children: benefit.paymentVoucher },
                          ]
                        : []),
                    ]}
                  />
                  <BenefitActions
                    benefit={benefit}
                    name={t('claims.benefitName', { name: claim.personName })}
                    onDone={refresh}
                  />
                </Flex>
              </Card>
              <Card title={<h2 className="card-title">{t('claims.facts')}</h2>}>
                <ClaimFacts claim={claim} />
              </Card>
              <Card title={<h2 className="card-title">{t('claims.decision.title')}</h2>}>
                <Decision claim={claim} />
              </Card>
              <Card title={<h2 className="card-title">{t('attachment.title')}</h2>}>
                <Attachments
                  claimId={claim.id}
                  attachments={claim.attachments}
                  canUpload={editable}
                  onUploaded={refresh}
                />
              </Card>
              <Card title={<h2 className="card-title">{t('benefit.history.title')}</h2>}>
                <History transitions={benefit.transitions} />
              </Card>
            </Flex>
          </Page>
        );
      }}
    </RecordPage>
  );
}
