import { Alert, Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type PartnerClientSecretDto } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { usePlatforms } from '../enterprises/useEnterprises';
import { PARTNER_SCOPES } from './partnerScopes';

interface PartnerClientValues {
  platformId: string;
  displayName: string;
  scopes: string[];
}

/** Creates an API client of a partner platform; the answer holds its secret, which the caller shows once. */
export function PartnerClientDialog({
  onCreated,
  onClosed,
}: {
  onCreated: (issued: PartnerClientSecretDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const platforms = usePlatforms();
  const none = platforms.data?.length === 0;
  return (
    <FormDialog<PartnerClientValues, PartnerClientSecretDto>
      name="partnerClient"
      title={t('partnerClients.create')}
      submitLabel={t('common.create')}
      initialValues={{ scopes: [...PARTNER_SCOPES] }}
      onSubmit={(values) =>
        api.createPartnerClient({
          platformId: values.platformId,
          displayName: values.displayName.trim(),
          scopes: values.scopes,
        })
      }
      onSuccess={onCreated}
      onClosed={onClosed}
    >
      {none && (
        <Alert
          type="info"
          showIcon
          title={t('partnerClients.noPlatforms')}
          description={<Link to="/enterprises">{t('partnerClients.registerPlatform')}</Link>}
        />
      )}
      <Form.Item
        name="platformId"
        label={t('partnerClient.platform')}
        rules={[{ required: true, message: t('partnerClients.platformRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={platforms.isFetching}
          options={platforms.data?.map((platform) => ({ value: platform.id, label: platform.name }))}
        />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('partnerClient.displayName')}
        extra={t('partnerClients.displayNameHelp')}
        rules={[{ required: true, whitespace: true, message: t('partnerClients.displayNameRequired') }]}
      >
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <fieldset className="form-fieldset">
        <legend>{t('partnerClient.scopes')}</legend>
        <Form.Item
          name="scopes"
          rules={[
            {
              validator: (_, scopes: string[] | undefined) =>
                scopes?.length ? Promise.resolve() : Promise.reject(new Error(t('partnerClients.scopesRequired'))),
            },
          ]}
        >
          <Checkbox.Group
            className="vertical-options"
            options={PARTNER_SCOPES.map((scope) => ({ value: scope, label: t(`partnerClient.scopeNames.${scope}`) }))}
          />
        </Form.Item>
      </fieldset>
    </FormDialog>
  );
}
