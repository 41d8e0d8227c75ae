import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  api,
  TypicalCaseSubject,
  type CreateTypicalCaseCommand,
  type KeyFigureDto,
  type TypicalCaseDto,
  type TypicalCaseRequest,
} from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { PersonSelect } from '../registry/PersonSelect';
import { useCountyOptions } from '../registry/useCounties';
import { MAX_FIGURES, SUBJECTS } from './useTypicalCases';

interface FigureRow {
  label?: string;
  value?: number;
  unit?: string;
}

export interface TypicalCaseValues {
  subject: TypicalCaseSubject;
  personId?: string;
  enterpriseId?: string;
  countyId?: string;
  title: string;
  narrative: string;
  figures: FigureRow[];
}

function figures(rows: FigureRow[] | undefined): KeyFigureDto[] {
  return (rows ?? []).map((row) => ({ label: row.label!.trim(), value: row.value ?? 0, unit: row.unit?.trim() ?? '' }));
}

export function typicalCaseRequest(values: TypicalCaseValues): TypicalCaseRequest {
  return { title: values.title.trim(), narrative: values.narrative.trim(), figures: figures(values.figures) };
}

/** A new case is about a person (in the person's county) or an enterprise (in the county chosen). */
export function createTypicalCaseCommand(values: TypicalCaseValues): CreateTypicalCaseCommand {
  return values.subject === TypicalCaseSubject.Person
    ? { personId: values.personId, ...typicalCaseRequest(values) }
    : { enterpriseId: values.enterpriseId, countyId: values.countyId, ...typicalCaseRequest(values) };
}

function FigureRows() {
  const { t } = useTranslation();
  return (
    <Form.List name="figures">
      {(rows, { add, remove }) => (
        <fieldset className="form-fieldset">
          <legend>{t('typicalCases.figures')}</legend>
          {rows.map((row, index) => (
            <fieldset key={row.key} className="form-fieldset list-row">
              <legend>{t('typicalCases.form.figureRow', { number: index + 1 })}</legend>
              <Flex gap="small" wrap align="start">
                <Form.Item
                  name={[row.name, 'label']}
                  label={t('typicalCases.figureLabel')}
                  rules={[{ required: true, whitespace: true, message: t('typicalCases.form.figureLabelRequired') }]}
                >
                  <Input maxLength={40} autoComplete="off" />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'value']}
                  label={t('typicalCases.figureValue')}
                  rules={[{ required: true, message: t('typicalCases.form.figureValueRequired') }]}
                >
                  <InputNumber precision={2} className="amount-input" />
                </Form.Item>
                <Form.Item name={[row.name, 'unit']} label={t('typicalCases.figureUnit')}>
                  <Input maxLength={20} autoComplete="off" />
                </Form.Item>
                <Button
                  className="row-remove"
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('typicalCases.form.removeFigure', { number: index + 1 })}
                  onClick={() => remove(row.name)}
                />
              </Flex>
            </fieldset>
          ))}
          <Button icon={<PlusOutlined aria-hidden />} disabled={rows.length >= MAX_FIGURES} onClick={() => add({})}>
            {t('typicalCases.form.addFigure')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}

/** The subject of a new case: a person of the registry, or an enterprise and the county its case is in. */
function SubjectFields() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const counties = useCountyOptions();
  const subject = Form.useWatch<TypicalCaseSubject | undefined>('subject');
  return (
    <>
      <fieldset className="form-fieldset">
        <legend>{t('typicalCases.subject')}</legend>
        <Form.Item name="subject">
          <Radio.Group options={SUBJECTS.map((value) => ({ value, label: t(`typicalCases.subjects.${value}`) }))} />
        </Form.Item>
      </fieldset>
      {subject === TypicalCaseSubject.Person ? (
        <Form.Item
          name="personId"
          label={t('typicalCases.person')}
          rules={[{ required: true, message: t('typicalCases.form.personRequired') }]}
        >
          <PersonSelect countyId={user.countyId} household="any" />
        </Form.Item>
      ) : (
        <>
          <Form.Item
            name="enterpriseId"
            label={t('typicalCases.enterprise')}
            rules={[{ required: true, message: t('typicalCases.form.enterpriseRequired') }]}
          >
            <EnterpriseSelect />
          </Form.Item>
          <Form.Item
            name="countyId"
            label={t('typicalCases.county')}
            rules={[{ required: true, message: t('typicalCases.form.countyRequired') }]}
          >
            <Select options={counties} disabled={!!user.countyId} />
          </Form.Item>
        </>
      )}
    </>
  );
}

/** Writes up a typical case, or edits one (its title, narrative and key figures; send with its version). */
export function TypicalCaseDialog({
  found,
  onSaved,
  onClosed,
}: {
  found?: TypicalCaseDto;
  onSaved: (saved: TypicalCaseDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const initialValues: Partial<TypicalCaseValues> = found
    ? { title: found.title, narrative: found.narrative, figures: found.figures }
    : { subject: TypicalCaseSubject.Person, countyId: user.countyId, figures: [] };
  return (
    <FormDialog<TypicalCaseValues, TypicalCaseDto>
      name="typicalCase"
      title={found ? t('typicalCases.editTitle', { title: found.title }) : t('typicalCases.create')}
      submitLabel={found ? t('common.save') : t('common.create')}
      width={760}
      initialValues={initialValues}
      onSubmit={(values) =>
        found
          ? api.updateTypicalCase(found.id, typicalCaseRequest(values), `"${found.version}"`)
          : api.createTypicalCase(createTypicalCaseCommand(values))
      }
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      {!found && <SubjectFields />}
      <Form.Item
        name="title"
        label={t('typicalCases.caseTitle')}
        rules={[{ required: true, whitespace: true, message: t('typicalCases.form.titleRequired') }]}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="narrative"
        label={t('typicalCases.narrative')}
        rules={[{ required: true, whitespace: true, message: t('typicalCases.form.narrativeRequired') }]}
      >
        <Input.TextArea maxLength={20000} rows={8} />
      </Form.Item>
      <FigureRows />
    </FormDialog>
  );
}
