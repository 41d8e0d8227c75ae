import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { BenefitState, type TrainingClaimDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { Page } from '../../components/Page';
import { formatDate, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { PERMISSIONS } from '../../nav/navigation';
import { RecordPage } from '../registry/RecordPage';
import { useCountyOptions } from '../registry/useCounties';
import { Attachments } from './Attachments';
import { BenefitDecision } from './BenefitDecision';
import { BenefitHistory } from './BenefitHistory';
import { BenefitStatus } from './BenefitStatus';
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

export function TrainingClaimDetailPage() {
  const { t } = useTranslation();
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
                <BenefitStatus
                  benefit={benefit}
                  name={t('claims.benefitName', { name: claim.personName })}
                  onDone={refresh}
                />
              </Card>
              <Card title={<h2 className="card-title">{t('claims.facts')}</h2>}>
                <ClaimFacts claim={claim} />
              </Card>
              <Card title={<h2 className="card-title">{t('claims.decision.title')}</h2>}>
                <BenefitDecision benefit={claim.benefit} />
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
                <BenefitHistory transitions={benefit.transitions} />
              </Card>
            </Flex>
          </Page>
        );
      }}
    </RecordPage>
  );
}
