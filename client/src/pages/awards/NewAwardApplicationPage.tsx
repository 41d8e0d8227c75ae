import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Radio, Space, Steps, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, BeneficiaryKind, toProblem, type AwardApplicationDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { problemMessage } from '../../errors/problemMessage';
import { RequestError } from '../../errors/ProblemAlert';
import { BaseSelect } from '../bases/BaseSelect';
import { DecisionExplanation } from '../claims/DecisionExplanation';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { PersonSelect } from '../registry/PersonSelect';
import { AwardFacts } from './AwardFacts';
import {
  AWARD_TYPES,
  AWARDS_KEY,
  awardLevelOf,
  beneficiaryKindOf,
  useAwardsChanged,
  type AwardType,
} from './useAwards';

const STEPS = ['type', 'beneficiary', 'preview'] as const;

function isAwardTypeName(value: string | null): value is AwardType {
  return (AWARD_TYPES as readonly string[]).includes(value ?? '');
}

/** Step 1: which award, each with who it is for and who approves it. */
function TypeStep({ type, onChange }: { type?: AwardType; onChange: (type: AwardType) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-fieldset">
      <legend className="form-section">{t('wizard.typeLegend')}</legend>
      <Radio.Group
        value={type}
        onChange={(event) => onChange(event.target.value as AwardType)}
        className="vertical-options"
      >
        {AWARD_TYPES.map((option) => (
          <Radio key={option} value={option}>
            <strong>{t(`benefit.types.${option}`)}</strong>
            <br />
            <Typography.Text type="secondary">
              {t(`wizard.typeHelp.${option}`)} {t(`wizard.levelHelp.${awardLevelOf(option)}`)}
            </Typography.Text>
          </Radio>
        ))}
      </Radio.Group>
    </fieldset>
  );
}

/** Step 2: the person, base or enterprise the award is for, picked by typing part of its name. */
function BeneficiaryStep({
  type,
  beneficiaryId,
  onChange,
}: {
  type: AwardType;
  beneficiaryId?: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const kind = beneficiaryKindOf(type);
  return (
    <Form layout="vertical" name="awardBeneficiary" className="form-card">
      <Form.Item
        label={t(`awards.beneficiaryKinds.${kind}`)}
        htmlFor="awardBeneficiary_beneficiaryId"
        extra={t(`wizard.beneficiaryHelp.${kind}`)}
        required
      >
        {kind === BeneficiaryKind.Person && (
          <PersonSelect
            id="awardBeneficiary_beneficiaryId"
            value={beneficiaryId}
            onChange={onChange}
            countyId={user.countyId}
            household="any"
          />
        )}
        {kind === BeneficiaryKind.Base && (
          <BaseSelect id="awardBeneficiary_beneficiaryId" value={beneficiaryId} onChange={onChange} />
        )}
        {kind === BeneficiaryKind.Enterprise && (
          <EnterpriseSelect id="awardBeneficiary_beneficiaryId" value={beneficiaryId} onChange={onChange} />
        )}
      </Form.Item>
    </Form>
  );
}

/** Step 3: the decision the application would get today, criterion by criterion, and the facts behind it. */
function PreviewStep({ type, beneficiaryId }: { type: AwardType; beneficiaryId: string }) {
  const { t } = useTranslation();
  const preview = useQuery({
    queryKey: [...AWARDS_KEY, 'preview', type, beneficiaryId],
    queryFn: () => api.previewAwardDecision(type, beneficiaryId),
  });
  if (preview.isPending) return <Loading />;
  if (preview.isError) return <RequestError error={preview.error} />;
  const { decision, facts, beneficiaryName } = preview.data;
  return (
    <Flex vertical gap="middle">
      <Typography.Paragraph>
        {t('wizard.previewIntro', { name: beneficiaryName, type: t(`benefit.types.${type}`) })}
      </Typography.Paragraph>
      {!decision.eligible && (
        <Alert type="warning" showIcon title={t('wizard.ineligible')} description={t('wizard.ineligibleDetail')} />
      )}
      <DecisionExplanation decision={decision} caption={t('wizard.previewCaption')} />
      <h3 className="section-title">{t('wizard.factsTitle')}</h3>
      <AwardFacts live={facts} />
    </Flex>
  );
}

/**
 * The wizard for a new award application (新建申请): choose the award, choose who it is for, see the
 * decision it would get today criterion by criterion; then create it as a draft, or create and submit
 * it (its decision and facts are then frozen). `?type=&beneficiaryId=` starts at the check.
 */
export function NewAwardApplicationPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const changed = useAwardsChanged();
  const [params] = useSearchParams();
  const initialType = params.get('type');
  const [type, setType] = useState<AwardType | undefined>(isAwardTypeName(initialType) ? initialType : undefined);
  const [beneficiaryId, setBeneficiaryId] = useState<string | undefined>(
    isAwardTypeName(initialType) ? (params.get('beneficiaryId') ?? undefined) : undefined,
  );
  const [step, setStep] = useState(type && beneficiaryId ? 2 : 0);
  const preview = useQuery({
    queryKey: [...AWARDS_KEY, 'preview', type, beneficiaryId],
    queryFn: () => api.previewAwardDecision(type!, beneficiaryId!),
    enabled: step === 2 && !!type && !!beneficiaryId,
  });

  const create = useMutation({
    mutationFn: async (submit: boolean): Promise<{ application: AwardApplicationDto; submitError?: unknown }> => {
      const application = await api.createAwardApplication({ type: type!, beneficiaryId: beneficiaryId! });
      if (!submit) return { application };
      try {
        await api.submitBenefit(application.id, {});
        return { application };
      } catch (submitError) {
        // The draft exists: open it, and say why it was not submitted.
        return { application, submitError };
      }
    },
    onSuccess: ({ application, submitError }) => {
      changed();
      if (submitError) void message.error(problemMessage(toProblem(submitError), i18n));
      void navigate(`/awards/applications/${application.id}`);
    },
  });

  const chooseType = (next: AwardType) => {
    if (next !== type) setBeneficiaryId(undefined);
    setType(next);
  };
  // A new step replaces the buttons that led to it: focus its heading so keyboard and screen-reader users follow.
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    heading.current?.focus();
  }, [step]);
  const canGoOn = step === 0 ? !!type : step === 1 ? !!beneficiaryId : false;

  return (
    <Page title={t('wizard.title')}>
      <Steps
        className="wizard-steps"
        current={step}
        items={STEPS.map((key) => ({ title: t(`wizard.steps.${key}`) }))}
      />
      <Card
        title={
          <h2 className="card-title" ref={heading} tabIndex={-1}>
            {t('wizard.stepTitle', { number: step + 1, total: STEPS.length, title: t(`wizard.steps.${STEPS[step]}`) })}
          </h2>
        }
      >
        <Flex vertical gap="large">
          {create.error && <RequestError error={create.error} />}
          {step === 0 && <TypeStep type={type} onChange={chooseType} />}
          {step === 1 && type && (
            <BeneficiaryStep type={type} beneficiaryId={beneficiaryId} onChange={setBeneficiaryId} />
          )}
          {step === 2 && type && beneficiaryId && <PreviewStep type={type} beneficiaryId={beneficiaryId} />}
          <Space wrap>
            {step > 0 && (
              <Button onClick={() => setStep(step - 1)} disabled={create.isPending}>
                {t('wizard.back')}
              </Button>
            )}
            {step < 2 && (
              <Button type="primary" disabled={!canGoOn} onClick={() => setStep(step + 1)}>
                {t('wizard.next')}
              </Button>
            )}
            {step === 2 && (
              <>
                <Button
                  disabled={!preview.isSuccess || create.isPending}
                  loading={create.isPending && create.variables === false}
                  onClick={() => create.mutate(false)}
                >
                  {t('wizard.saveDraft')}
                </Button>
                <Button
                  type="primary"
                  disabled={!preview.data?.decision.eligible || create.isPending}
                  loading={create.isPending && create.variables === true}
                  onClick={() => create.mutate(true)}
                >
                  {t('wizard.createAndSubmit')}
                </Button>
              </>
            )}
            <Button type="link" onClick={() => void navigate('/awards')}>
              {t('common.cancel')}
            </Button>
          </Space>
        </Flex>
      </Card>
    </Page>
  );
}
