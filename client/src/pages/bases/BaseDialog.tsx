import { Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, BaseStatus, toProblem, type BaseDto, type BaseRequest } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { PersonSelect } from '../registry/PersonSelect';
import { useCountyOptions } from '../registry/useCounties';
import { BASE_STATUSES } from './useBases';

/** The first year a base can have been recognised, as the API takes it. */
const FIRST_RECOGNITION_YEAR = 2000;

export type OperatorKind = 'person' | 'enterprise';

export interface BaseValues {
  countyId?: string;
  name: string;
  operatorKind: OperatorKind;
  operatorPersonId?: string;
  operatorEnterpriseId?: string;
  recognisedYear: number;
  status: BaseStatus;
  products?: string;
}

/** The base as the API takes it, run by exactly one operator: the person or the enterprise chosen. */
export function baseRequest(values: BaseValues): BaseRequest {
  return {
    name: values.name.trim(),
    operatorPersonId: values.operatorKind === 'person' ? values.operatorPersonId : undefined,
    operatorEnterpriseId: values.operatorKind === 'enterprise' ? values.operatorEnterpriseId : undefined,
    recognisedYear: values.recognisedYear,
    status: values.status,
    products: values.products?.trim() || undefined,
  };
}

/** The base's county: the county officer's own, the one a city officer chooses, fixed once registered. */
function CountyField({ base }: { base?: BaseDto }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const counties = useCountyOptions();
  const county = base?.countyName ?? (user.countyId ? user.countyName : undefined);
  if (county) return <Typography.Paragraph>{t('bases.form.ofCounty', { county })}</Typography.Paragraph>;
  return (
    <Form.Item
      name="countyId"
      label={t('base.county')}
      rules={[{ required: true, message: t('bases.form.countyRequired') }]}
    >
      <Select showSearch={{ optionFilterProp: 'label' }} options={counties} />
    </Form.Item>
  );
}

/** The operator: a registered disabled person of the base's county, or an enterprise. */
function OperatorFields({ base }: { base?: BaseDto }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const operatorKind = Form.useWatch<OperatorKind | undefined>('operatorKind');
  const chosenCounty = Form.useWatch<string | undefined>('countyId');
  const countyId = base?.countyId ?? user.countyId ?? chosenCounty;
  return (
    <>
      <fieldset className="form-fieldset">
        <legend>{t('base.operatorKind')}</legend>
        <Form.Item name="operatorKind">
          <Radio.Group
            options={[
              { value: 'person', label: t('bases.form.operatorPerson') },
              { value: 'enterprise', label: t('bases.form.operatorEnterprise') },
            ]}
          />
        </Form.Item>
      </fieldset>
      {operatorKind === 'enterprise' ? (
        <Form.Item
          name="operatorEnterpriseId"
          label={t('bases.form.enterprise')}
          rules={[{ required: true, message: t('bases.form.enterpriseRequired') }]}
        >
          <EnterpriseSelect />
        </Form.Item>
      ) : (
        <Form.Item
          name="operatorPersonId"
          label={t('bases.form.person')}
          extra={t('bases.form.personHelp')}
          rules={[{ required: true, message: t('bases.form.personRequired') }]}
        >
          <PersonSelect countyId={countyId} household="any" />
        </Form.Item>
      )}
    </>
  );
}

/**
 * Registers a Sunshine base (阳光就业扶贫基地) of a county or edits one, sending its version in
 * If-Match. A county officer's bases are of their county; a city officer chooses the county, which
 * does not change afterwards.
 */
export function BaseDialog({
  base,
  onSaved,
  onStale,
  onClosed,
}: {
  base?: BaseDto;
  onSaved: (base: BaseDto) => void;
  onStale?: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const submit = async (values: BaseValues) => {
    if (!base) return api.createBase({ ...baseRequest(values), countyId: user.countyId ?? values.countyId! });
    try {
      return await api.updateBase(base.id, baseRequest(values), `"${base.version}"`);
    } catch (error) {
      if (toProblem(error).status === 412) onStale?.();
      throw error;
    }
  };
  return (
    <FormDialog<BaseValues, BaseDto>
      name="base"
      title={base ? t('bases.editTitle', { name: base.name }) : t('bases.create')}
      submitLabel={base ? t('common.save') : t('common.create')}
      initialValues={
        base
          ? {
              name: base.name,
              operatorKind: base.operatorEnterpriseId ? 'enterprise' : 'person',
              operatorPersonId: base.operatorPersonId,
              operatorEnterpriseId: base.operatorEnterpriseId,
              recognisedYear: base.recognisedYear,
              status: base.status,
              products: base.products,
            }
          : { operatorKind: 'person', status: BaseStatus.Active, recognisedYear: dayjs().year() }
      }
      onSubmit={submit}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <CountyField base={base} />
      <Form.Item
        name="name"
        label={t('base.name')}
        rules={[{ required: true, whitespace: true, message: t('bases.form.nameRequired') }]}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <OperatorFields base={base} />
      <Form.Item
        name="recognisedYear"
        label={t('base.recognisedYear')}
        extra={t('bases.form.yearHelp', { first: FIRST_RECOGNITION_YEAR })}
        rules={[{ required: true, message: t('bases.form.yearRequired') }]}
      >
        <InputNumber min={FIRST_RECOGNITION_YEAR} max={dayjs().year()} precision={0} />
      </Form.Item>
      <fieldset className="form-fieldset">
        <legend>{t('base.status')}</legend>
        <Form.Item name="status">
          <Radio.Group options={BASE_STATUSES.map((value) => ({ value, label: t(`base.statuses.${value}`) }))} />
        </Form.Item>
      </fieldset>
      <Form.Item name="products" label={t('base.products')} extra={t('bases.form.productsHelp')}>
        <Input.TextArea maxLength={500} rows={3} />
      </Form.Item>
    </FormDialog>
  );
}
