import { Form, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  api,
  EnterpriseRoles,
  type CreateIncubationCommand,
  type IncubateeType,
  type IncubationDto,
  type IncubationServices,
} from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';
import { BaseSelect } from '../bases/BaseSelect';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { DateFields, type DateValues } from '../evidence/dated';
import { PersonSelect } from '../registry/PersonSelect';
import { INCUBATEE_TYPES, INCUBATION_SERVICES } from './useIncubation';

type IncubatorKind = 'enterprise' | 'base';

export interface IncubationValues extends DateValues {
  incubatorKind: IncubatorKind;
  incubatorEnterpriseId?: string;
  incubatorBaseId?: string;
  personId: string;
  incubateeType: IncubateeType;
  services: IncubationServices[];
}

/** The incubation as the API takes it: exactly one incubator, the kind chosen, and the services as a list. */
export function incubationRequest(values: IncubationValues): CreateIncubationCommand {
  return {
    incubatorEnterpriseId: values.incubatorKind === 'enterprise' ? values.incubatorEnterpriseId : undefined,
    incubatorBaseId: values.incubatorKind === 'base' ? values.incubatorBaseId : undefined,
    personId: values.personId,
    incubateeType: values.incubateeType,
    services: values.services,
    startDate: toDateOnly(values.startDate),
    endDate: values.endDate && toDateOnly(values.endDate),
  };
}

/**
 * Records that an incubator (an enterprise with the incubator role, or a Sunshine base) incubates a
 * disabled person's business (创业孵化), with the services it gives.
 */
export function IncubationDialog({
  onSaved,
  onClosed,
}: {
  onSaved: (incubation: IncubationDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <FormDialog<IncubationValues, IncubationDto>
      name="incubation"
      title={t('incubations.create')}
      submitLabel={t('common.create')}
      initialValues={{ incubatorKind: 'enterprise', services: [] }}
      onSubmit={(values) => api.createIncubation(incubationRequest(values))}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <IncubatorFields />
      <Form.Item
        name="personId"
        label={t('incubation.person')}
        extra={t('incubations.form.personHelp')}
        rules={[{ required: true, message: t('incubations.form.personRequired') }]}
      >
        <PersonSelect countyId={user.countyId} household="any" />
      </Form.Item>
      <Form.Item
        name="incubateeType"
        label={t('incubation.incubateeType')}
        rules={[{ required: true, message: t('incubations.form.typeRequired') }]}
      >
        <Select options={INCUBATEE_TYPES.map((value) => ({ value, label: t(`incubation.incubateeTypes.${value}`) }))} />
      </Form.Item>
      <Form.Item
        name="services"
        label={t('incubation.services')}
        extra={t('incubations.form.servicesHelp')}
        rules={[{ required: true, type: 'array', min: 1, message: t('incubations.form.servicesRequired') }]}
      >
        <Select
          mode="multiple"
          options={INCUBATION_SERVICES.map((value) => ({ value, label: t(`incubation.serviceNames.${value}`) }))}
        />
      </Form.Item>
      <DateFields />
    </FormDialog>
  );
}

/** The incubator: an enterprise with the incubator role or a base, exactly one, chosen by a radio. */
function IncubatorFields() {
  const { t } = useTranslation();
  const kind = Form.useWatch<IncubatorKind | undefined>('incubatorKind');
  return (
    <>
      <fieldset className="form-fieldset">
        <legend>{t('incubation.incubatorKind')}</legend>
        <Form.Item name="incubatorKind">
          <Radio.Group
            options={[
              { value: 'enterprise', label: t('incubations.form.byEnterprise') },
              { value: 'base', label: t('incubations.form.byBase') },
            ]}
          />
        </Form.Item>
      </fieldset>
      {kind === 'base' ? (
        <Form.Item
          name="incubatorBaseId"
          label={t('incubation.incubatorBase')}
          rules={[{ required: true, message: t('incubations.form.baseRequired') }]}
        >
          <BaseSelect />
        </Form.Item>
      ) : (
        <Form.Item
          name="incubatorEnterpriseId"
          label={t('incubation.incubatorEnterprise')}
          extra={t('incubations.form.enterpriseHelp')}
          rules={[{ required: true, message: t('incubations.form.enterpriseRequired') }]}
        >
          <EnterpriseSelect role={EnterpriseRoles.Incubator} />
        </Form.Item>
      )}
    </>
  );
}
