import { Checkbox, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, toProblem, type EnterpriseDto, type EnterpriseRequest, type EnterpriseRoles } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { PersonSelect } from '../registry/PersonSelect';
import { useCountyOptions } from '../registry/useCounties';
import { ENTERPRISE_ROLES } from './useEnterprises';

/** A unified social credit code: 18 digits or capital letters other than I, O, S, V and Z (GB 32100). */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

interface EnterpriseValues {
  name: string;
  creditCode: string;
  countyId?: string;
  roles: EnterpriseRoles[];
  contactName?: string;
  contactPhone?: string;
  address?: string;
  runByPersonId?: string;
}

/**
 * Registers an enterprise or edits one, sending its version in If-Match. A county officer's
 * enterprises are of their county; a city officer may leave the county empty (a platform based
 * outside the city, say). The profile names a contact and, for an enterprise run by a disabled
 * person (残疾人创办), that person from the registry.
 */
export function EnterpriseDialog({
  enterprise,
  onSaved,
  onStale,
  onClosed,
}: {
  enterprise?: EnterpriseDto;
  onSaved: (enterprise: EnterpriseDto) => void;
  onStale?: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const counties = useCountyOptions();
  const submit = async (values: EnterpriseValues) => {
    const request: EnterpriseRequest = {
      name: values.name.trim(),
      creditCode: values.creditCode.trim(),
      countyId: user.countyId ?? values.countyId,
      roles: values.roles,
      contactName: values.contactName?.trim() || undefined,
      contactPhone: values.contactPhone?.trim() || undefined,
      address: values.address?.trim() || undefined,
      runByPersonId: values.runByPersonId,
    };
    if (!enterprise) return api.createEnterprise(request);
    try {
      return await api.updateEnterprise(enterprise.id, request, `"${enterprise.version}"`);
    } catch (error) {
      if (toProblem(error).status === 412) onStale?.();
      throw error;
    }
  };
  return (
    <FormDialog<EnterpriseValues, EnterpriseDto>
      name="enterprise"
      title={enterprise ? t('enterprises.editTitle', { name: enterprise.name }) : t('enterprises.create')}
      submitLabel={enterprise ? t('common.save') : t('common.create')}
      initialValues={
        enterprise
          ? {
              name: enterprise.name,
              creditCode: enterprise.creditCode,
              countyId: enterprise.countyId,
              roles: enterprise.roles,
              contactName: enterprise.contactName,
              contactPhone: enterprise.contactPhone,
              address: enterprise.address,
              runByPersonId: enterprise.runByPersonId,
            }
          : { roles: [] }
      }
      onSubmit={submit}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item
        name="name"
        label={t('enterprise.name')}
        rules={[{ required: true, whitespace: true, message: t('enterprises.nameRequired') }]}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={t('enterprise.creditCode')}
        extra={t('enterprises.creditCodeRules')}
        normalize={(value: string | undefined) => value?.toUpperCase()}
        rules={[
          { required: true, whitespace: true, message: t('enterprises.creditCodeRequired') },
          { pattern: CREDIT_CODE, message: t('fieldErrors.credit_code.characters') },
        ]}
      >
        <Input maxLength={18} autoComplete="off" className="id-number-input" />
      </Form.Item>
      {user.countyId ? (
        <Typography.Paragraph>{t('enterprises.ofCounty', { county: user.countyName })}</Typography.Paragraph>
      ) : (
        <Form.Item name="countyId" label={t('enterprise.county')} extra={t('enterprises.countyHelp')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={counties} />
        </Form.Item>
      )}
      <fieldset className="form-fieldset">
        <legend>{t('enterprise.roles')}</legend>
        <Form.Item
          name="roles"
          // A validator rather than `required`, which would put aria-required on the group (not allowed there).
          rules={[
            {
              validator: (_, roles: EnterpriseRoles[] | undefined) =>
                roles?.length ? Promise.resolve() : Promise.reject(new Error(t('enterprises.rolesRequired'))),
            },
          ]}
        >
          <Checkbox.Group
            className="option-grid"
            options={ENTERPRISE_ROLES.map((role) => ({ value: role, label: t(`enterprise.roleNames.${role}`) }))}
          />
        </Form.Item>
      </fieldset>
      <Form.Item name="contactName" label={t('enterprise.contactName')}>
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('enterprise.contactPhone')} extra={t('enterprises.contactPhoneHelp')}>
        <Input type="tel" maxLength={30} autoComplete="off" />
      </Form.Item>
      <Form.Item name="address" label={t('enterprise.address')}>
        <Input maxLength={300} autoComplete="off" />
      </Form.Item>
      <Form.Item name="runByPersonId" label={t('enterprise.runBy')} extra={t('enterprises.runByHelp')}>
        <PersonSelect countyId={user.countyId} household="any" allowClear />
      </Form.Item>
    </FormDialog>
  );
}
