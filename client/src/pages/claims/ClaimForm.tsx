import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { TrainingClaimDto } from '../../api';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { useProblem } from '../../errors/useProblem';
import { formatYuan, toDateOnly } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { PersonSelect } from '../registry/PersonSelect';
import type { ClaimValues } from './claimRequest';
import { useQualifications } from './useQualifications';
import { useSavedClaim } from './useClaim';

interface ClaimFormProps {
  /** The draft being corrected; its claimant stays. */
  claim?: TrainingClaimDto;
  submitLabel: string;
  cancelTo: string;
  onSubmit: (values: ClaimValues) => Promise<TrainingClaimDto>;
  /** Reloads the claim after someone else changed it (412). */
  onReload?: () => void;
}

function initialValues(claim: TrainingClaimDto | undefined): Partial<ClaimValues> {
  if (!claim) return { feeCharging: true };
  return {
    personId: claim.personId,
    providerName: claim.providerName,
    courseName: claim.courseName,
    trainingStart: dayjs(claim.trainingStart),
    trainingEnd: dayjs(claim.trainingEnd),
    feePaid: claim.feePaid,
    feeCharging: claim.feeCharging,
    receiptNumber: claim.receiptNumber,
    certificateDate: dayjs(claim.certificateDate),
    qualificationCode: claim.qualificationCode,
    certificateNumber: claim.certificateNumber,
    issuingAuthority: claim.issuingAuthority,
  };
}

/** The qualifications recognised on the certificate date, with their standard amounts and the table's note. */
function QualificationField() {
  const { t } = useTranslation();
  const language = useLanguage();
  const certificateDate = Form.useWatch<Dayjs | undefined>('certificateDate');
  const on = certificateDate ? toDateOnly(certificateDate) : undefined;
  const table = useQualifications(on);
  const none = table.data && table.data.qualifications.length === 0;
  return (
    <>
      <Form.Item
        name="qualificationCode"
        label={t('claim.qualification')}
        extra={on ? t('claims.form.qualificationHelp', { on }) : t('claims.form.certificateDateFirst')}
        rules={[{ required: true, message: t('claims.form.qualificationRequired') }]}
      >
        <Select
          disabled={!on || none}
          loading={table.isFetching}
          options={table.data?.qualifications.map((qualification) => ({
            value: qualification.code,
            label: t('claims.form.qualificationOption', {
              name: qualification.name,
              code: qualification.code,
              amount: formatYuan(qualification.standardAmount, language),
            }),
          }))}
        />
      </Form.Item>
      {none && <Alert type="warning" showIcon title={t('claims.form.noQualifications', { on })} />}
      {table.data?.note && (
        <Alert type="info" showIcon title={t('claims.form.tableNote')} description={table.data.note} />
      )}
    </>
  );
}

/** Starts a training subsidy claim or corrects a draft; the server's field errors appear on their fields. */
export function ClaimForm({ claim, submitLabel, cancelTo, onSubmit, onReload }: ClaimFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ClaimValues>();
  const { reported, report, clear } = useProblem(form);
  const keep = useSavedClaim();
  const save = useMutation({
    mutationFn: onSubmit,
    onMutate: clear,
    onSuccess: (saved) => {
      keep(saved);
      void message.success(t('common.saved'));
      void navigate(`/training-claims/${saved.id}`);
    },
    onError: report,
  });
  const required = (message: string) => [{ required: true, message }];
  const requiredText = (message: string) => [{ required: true, whitespace: true, message }];

  return (
    <Card className="form-card">
      {reported?.problem.status === 412 && onReload ? (
        <Alert
          type="warning"
          showIcon
          title={t('claims.form.stale')}
          action={<Button onClick={onReload}>{t('persons.form.reload')}</Button>}
        />
      ) : (
        <ProblemAlert reported={reported} />
      )}
      <Form<ClaimValues>
        form={form}
        name="claim"
        layout="vertical"
        initialValues={initialValues(claim)}
        onFinish={(values) => save.mutate(values)}
      >
        {claim ? (
          <p>{t('claims.form.claimant', { name: claim.personName })}</p>
        ) : (
          <Form.Item
            name="personId"
            label={t('claim.person')}
            extra={t('claims.form.personHelp')}
            rules={required(t('households.personRequired'))}
          >
            <PersonSelect household="any" />
          </Form.Item>
        )}
        <fieldset className="form-fieldset">
          <legend className="form-section">{t('claims.form.training')}</legend>
          <Form.Item
            name="providerName"
            label={t('claim.providerName')}
            rules={requiredText(t('claims.form.providerNameRequired'))}
          >
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="courseName"
            label={t('claim.courseName')}
            rules={requiredText(t('claims.form.courseNameRequired'))}
          >
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="trainingStart"
            label={t('claim.trainingStart')}
            rules={required(t('claims.form.trainingStartRequired'))}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="trainingEnd"
            label={t('claim.trainingEnd')}
            rules={required(t('claims.form.trainingEndRequired'))}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="feePaid" label={t('claim.feePaid')} rules={required(t('claims.form.feePaidRequired'))}>
            <InputNumber min={0} max={1_000_000} precision={2} className="amount-input" />
          </Form.Item>
          <Form.Item name="feeCharging" valuePropName="checked" extra={t('claims.form.feeChargingHelp')}>
            <Checkbox>{t('claim.feeCharging')}</Checkbox>
          </Form.Item>
          <Form.Item
            name="receiptNumber"
            label={t('claim.receiptNumber')}
            rules={requiredText(t('claims.form.receiptNumberRequired'))}
          >
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </fieldset>
        <fieldset className="form-fieldset">
          <legend className="form-section">{t('claims.form.certificate')}</legend>
          <Form.Item
            name="certificateDate"
            label={t('claim.certificateDate')}
            rules={required(t('claims.form.certificateDateRequired'))}
          >
            <DatePicker />
          </Form.Item>
          <QualificationField />
          <Form.Item
            name="certificateNumber"
            label={t('claim.certificateNumber')}
            rules={requiredText(t('claims.form.certificateNumberRequired'))}
          >
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="issuingAuthority"
            label={t('claim.issuingAuthority')}
            rules={requiredText(t('claims.form.issuingAuthorityRequired'))}
          >
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </fieldset>
        <Flex gap="small">
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {submitLabel}
          </Button>
          <Button onClick={() => void navigate(cancelTo)}>{t('common.cancel')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
