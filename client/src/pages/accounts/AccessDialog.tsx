import { Checkbox, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type AccountDto, type RegionDto, type RoleDto } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { localName } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';

interface AccessValues {
  roles: string[];
  countyId?: string;
  permissions: string[];
}

function grantableFor(roles: RoleDto[], selected: readonly string[]): string[] {
  return [
    ...new Set(roles.filter((role) => selected.includes(role.name)).flatMap((role) => role.grantablePermissions)),
  ];
}

function isCountyBound(roles: RoleDto[], selected: readonly string[]): boolean {
  return roles.some((role) => role.countyBound && selected.includes(role.name));
}

/** Fields that depend on the chosen roles: the county for a county-bound role, grantable permissions. */
function DependentFields({ roles, counties }: { roles: RoleDto[]; counties: RegionDto[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const selected = Form.useWatch<string[] | undefined>('roles') ?? [];
  const grantable = grantableFor(roles, selected);
  return (
    <>
      {isCountyBound(roles, selected) && (
        <Form.Item
          name="countyId"
          label={t('account.county')}
          rules={[{ required: true, message: t('accounts.countyRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={counties.map((county) => ({ value: county.id, label: localName(county, language) }))}
          />
        </Form.Item>
      )}
      <fieldset className="form-fieldset">
        <legend>{t('accounts.extraPermissions')}</legend>
        {grantable.length > 0 ? (
          <Form.Item name="permissions">
            <Checkbox.Group
              options={grantable.map((permission) => ({
                value: permission,
                label: t(`permissions.${permission}`, { defaultValue: permission }),
              }))}
            />
          </Form.Item>
        ) : (
          <Typography.Paragraph>{t('accounts.noGrantablePermissions')}</Typography.Paragraph>
        )}
      </fieldset>
    </>
  );
}

/** The roles a person's account may hold: not those of partner platforms' API clients. */
export function humanRoles(roles: readonly RoleDto[]): RoleDto[] {
  return roles.filter((role) => !role.isMachine);
}

export function AccessDialog({
  account,
  roles,
  counties,
  onSaved,
  onClosed,
}: {
  account: AccountDto;
  roles: RoleDto[];
  counties: RegionDto[];
  onSaved: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog<AccessValues, unknown>
      name="accountAccess"
      title={t('accounts.accessFor', { name: account.displayName })}
      submitLabel={t('common.save')}
      initialValues={{
        roles: account.roles,
        countyId: account.countyId ?? undefined,
        permissions: account.permissions,
      }}
      onSubmit={(values) => {
        const selected = values.roles ?? [];
        const grantable = grantableFor(roles, selected);
        return api.setAccountAccess(account.id, {
          roles: selected,
          countyId: isCountyBound(roles, selected) ? values.countyId : undefined,
          permissions: (values.permissions ?? []).filter((permission) => grantable.includes(permission)),
        });
      }}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <fieldset className="form-fieldset">
        <legend>{t('account.roles')}</legend>
        <Form.Item name="roles">
          <Checkbox.Group
            className="vertical-options"
            options={humanRoles(roles).map((role) => ({
              value: role.name,
              label: t(`roles.${role.name}`, { defaultValue: role.name }),
            }))}
          />
        </Form.Item>
      </fieldset>
      <DependentFields roles={roles} counties={counties} />
    </FormDialog>
  );
}
