import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { NewPasswordFields } from '../../components/NewPasswordFields';

interface CreateAccountValues {
  userName: string;
  displayName: string;
  email?: string;
  password: string;
}

export function CreateAccountDialog({ onSaved, onClosed }: { onSaved: () => void; onClosed: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog<CreateAccountValues, unknown>
      name="createAccount"
      title={t('accounts.create')}
      submitLabel={t('common.create')}
      onSubmit={({ userName, displayName, email, password }) =>
        api.createAccount({ userName, displayName, email: email || undefined, password })
      }
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item
        name="userName"
        label={t('account.userName')}
        extra={t('accounts.userNameRules')}
        rules={[{ required: true, whitespace: true, message: t('accounts.userNameRequired') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('account.displayName')}
        rules={[{ required: true, whitespace: true, message: t('accounts.displayNameRequired') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('account.email')}
        rules={[{ type: 'email', message: t('accounts.emailInvalid') }]}
      >
        <Input type="email" autoComplete="off" />
      </Form.Item>
      <NewPasswordFields name="password" />
    </FormDialog>
  );
}
