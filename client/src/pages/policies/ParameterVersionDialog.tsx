import { Form, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, toProblem, type PolicyVersionDto } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';
import { PERCENT_DECIMALS } from '../loans/loanRate';
import {
  PARAMETER_POLICIES,
  toContent,
  toFormValues,
  type ParameterDefinition,
  type ParameterPolicyKey,
} from './policyParameters';
import { ProgrammeFields } from './ProgrammeFields';

/** The version's fields, and its parameters by name beside them (the API reports a parameter's error by its name). */
interface VersionValues {
  programmeId: string;
  effectiveFrom: Dayjs;
  note?: string;
  [parameter: string]: unknown;
}

const DECIMALS: Record<ParameterDefinition['kind'], number> = {
  yuan: 2,
  count: 0,
  share: PERCENT_DECIMALS,
  rate: PERCENT_DECIMALS,
  days: 0,
  months: 0,
};

/** One parameter's input, typed by its kind: yuan with 2 decimals, whole counts, percentages. */
function ParameterField({ definition }: { definition: ParameterDefinition }) {
  const { t } = useTranslation();
  const label = t(`policies.parameters.${definition.name}`);
  return (
    <Form.Item
      name={definition.name}
      label={t(`policies.units.${definition.kind}`, { label })}
      extra={t(`policies.parameterHelp.${definition.name}`, { defaultValue: '' }) || undefined}
      rules={definition.optional ? [] : [{ required: true, message: t('policies.parameterRequired', { label }) }]}
    >
      <InputNumber
        min={definition.min}
        max={definition.max}
        precision={DECIMALS[definition.kind]}
        className="amount-input"
      />
    </Form.Item>
  );
}

/**
 * Adds a version of a parameter policy (the award thresholds and grants, the public notice, the stable
 * link, the interest subsidies), starting from the values of `from`, or edits a version no decision
 * has used yet, sending its version in If-Match.
 */
export function ParameterVersionDialog({
  policyKey,
  version,
  from,
  onSaved,
  onStale,
  onClosed,
}: {
  policyKey: ParameterPolicyKey;
  version?: PolicyVersionDto;
  from?: PolicyVersionDto;
  onSaved: () => void;
  onStale: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const name = t(`policies.keys.${policyKey}`);
  const start = version ?? from;
  const submit = async ({ programmeId, effectiveFrom, note, ...parameters }: VersionValues) => {
    const fields = {
      effectiveFrom: toDateOnly(effectiveFrom),
      content: toContent(policyKey, parameters as Record<string, number | null | undefined>),
      note: note?.trim(),
    };
    if (!version) return api.createPolicyVersion({ ...fields, programmeId, key: policyKey });
    try {
      return await api.updatePolicyVersion(version.id, fields, `"${version.version}"`);
    } catch (error) {
      if (toProblem(error).status === 412) onStale();
      throw error;
    }
  };
  return (
    <FormDialog<VersionValues, PolicyVersionDto>
      name="parameterVersion"
      title={
        version ? t('policies.editTitleFor', { name, date: version.effectiveFrom }) : t('policies.createFor', { name })
      }
      submitLabel={version ? t('common.save') : t('common.create')}
      width={640}
      initialValues={{
        programmeId: start?.programmeId,
        effectiveFrom: version && dayjs(version.effectiveFrom),
        note: version?.note,
        ...toFormValues(policyKey, start),
      }}
      onSubmit={submit}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <ProgrammeFields editing={!!version} />
      <fieldset className="form-fieldset">
        <legend className="form-section">{t('policies.parametersLegend', { name })}</legend>
        {PARAMETER_POLICIES[policyKey].map((definition) => (
          <ParameterField key={definition.name} definition={definition} />
        ))}
      </fieldset>
    </FormDialog>
  );
}
