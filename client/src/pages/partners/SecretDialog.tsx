import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerClientSecretDto } from '../../api';

/** Where a partner platform gets its tokens (OAuth 2.0 client credentials). */
const TOKEN_PATH = '/connect/token';

function CopyableField({ id, label, value }: { id: string; label: string; value: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      void message.success(t('partnerClients.secret.copied', { what: label }));
    } catch {
      void message.error(t('partnerClients.secret.copyFailed'));
    }
  };
  return (
    <Form.Item label={label} htmlFor={id}>
      <Space.Compact block>
        <Input id={id} readOnly value={value} className="secret-input" onFocus={(event) => event.target.select()} />
        <Button
          icon={<CopyOutlined aria-hidden />}
          aria-label={t('partnerClients.secret.copy', { what: label })}
          onClick={() => void copy()}
        >
          {t('partnerClients.secret.copyShort')}
        </Button>
      </Space.Compact>
    </Form.Item>
  );
}

/**
 * Shows a client's new secret, the one time the server gives it out: with a warning that it cannot
 * be seen again, and copy buttons. The secret lives only in this dialog's props.
 */
export function SecretDialog({ issued, onClosed }: { issued: PartnerClientSecretDto; onClosed: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const close = () => setOpen(false);
  return (
    <Modal
      open={open}
      title={t('partnerClients.secret.title', { name: issued.client.displayName })}
      width={640}
      onCancel={close}
      afterClose={onClosed}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={close}>
          {t('partnerClients.secret.done')}
        </Button>
      }
    >
      <Flex vertical gap="middle">
        <Alert
          type="warning"
          showIcon
          title={t('partnerClients.secret.onceTitle')}
          description={t('partnerClients.secret.onceDetail')}
        />
        <Form layout="vertical" component="div">
          <CopyableField
            id="partnerSecret_clientId"
            label={t('partnerClient.clientId')}
            value={issued.client.clientId}
          />
          <CopyableField
            id="partnerSecret_clientSecret"
            label={t('partnerClients.secret.secret')}
            value={issued.clientSecret}
          />
        </Form>
        <Typography.Paragraph>
          {t('partnerClients.secret.howTo', {
            url: `${window.location.origin}${TOKEN_PATH}`,
            scopes: issued.client.scopes.join(' '),
          })}
        </Typography.Paragraph>
      </Flex>
    </Modal>
  );
}
