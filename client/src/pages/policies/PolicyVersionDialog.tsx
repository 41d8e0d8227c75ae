import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, PolicyKey, toProblem, type PolicyVersionDto, type QualificationDto } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';
import { ProgrammeFields } from './ProgrammeFields';

/** The recognised qualifications: the content of a TrainingQualifications version. */
export function qualificationsOf(version: PolicyVersionDto): QualificationDto[] {
  return (version.content as { qualifications: QualificationDto[] }).qualifications;
}

interface VersionValues {
  programmeId: string;
  effectiveFrom: Dayjs;
  note?: string;
  qualifications: QualificationDto[];
}

function QualificationRows() {
  const { t } = useTranslation();
  return (
    <Form.List name="qualifications">
      {(rows, { add, remove }) => (
        <>
          {rows.map((row, index) => (
            <fieldset key={row.key} className="form-fieldset qualification-row">
              <legend>{t('policies.row', { number: index + 1 })}</legend>
              <Flex gap="small" wrap align="start">
                <Form.Item
                  name={[row.name, 'code']}
                  label={t('qualification.code')}
                  rules={[{ required: true, whitespace: true, message: t('policies.codeRequired') }]}
                >
                  <Input maxLength={50} autoComplete="off" />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'name']}
                  label={t('qualification.name')}
                  className="qualification-name"
                  rules={[{ required: true, whitespace: true, message: t('policies.nameRequired') }]}
                >
                  <Input maxLength={200} autoComplete="off" />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'standardAmount']}
                  label={t('qualification.standardAmount')}
                  rules={[{ required: true, message: t('policies.amountRequired') }]}
                >
                  <InputNumber min={0.01} max={1_000_000} precision={2} className="amount-input" />
                </Form.Item>
                <Button
                  className="row-remove"
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('policies.removeRow', { number: index + 1 })}
                  disabled={rows.length === 1}
                  onClick={() => remove(row.name)}
                />
              </Flex>
            </fieldset>
          ))}
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => add()}>
            {t('policies.addRow')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/**
 * Adds a version of the recognised qualifications (starting from the rows of `from`), or edits a version
 * no decision has used yet, sending its version in If-Match.
 */
export function PolicyVersionDialog({
  version,
  from,
  onSaved,
  onStale,
  onClosed,
}: {
  version?: PolicyVersionDto;
  from?: PolicyVersionDto;
  onSaved: () => void;
  onStale: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const start = version ?? from;
  const submit = async ({ programmeId, effectiveFrom, note, qualifications }: VersionValues) => {
    const content = {
      qualifications: qualifications.map(({ code, name, standardAmount }) => ({
        code: code.trim(),
        name: name.trim(),
        standardAmount,
      })),
    };
    const fields = { effectiveFrom: toDateOnly(effectiveFrom), content, note: note?.trim() };
    if (!version) return api.createPolicyVersion({ ...fields, programmeId, key: PolicyKey.TrainingQualifications });
    try {
      return await api.updatePolicyVersion(version.id, fields, `"${version.version}"`);
    } catch (error) {
      if (toProblem(error).status === 412) onStale();
      throw error;
    }
  };
  return (
    <FormDialog<VersionValues, PolicyVersionDto>
      name="policyVersion"
      title={version ? t('policies.editTitle', { date: version.effectiveFrom }) : t('policies.create')}
      submitLabel={version ? t('common.save') : t('common.create')}
      width={800}
      initialValues={{
        programmeId: start?.programmeId,
        effectiveFrom: version && dayjs(version.effectiveFrom),
        note: version?.note,
        qualifications: start ? qualificationsOf(start) : [{ code: '', name: '', standardAmount: 0 }],
      }}
      onSubmit={submit}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <ProgrammeFields editing={!!version} />
      <QualificationRows />
    </FormDialog>
  );
}
