import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type AccountDto } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { NewPasswordFields } from '../../components/NewPasswordFields';

export function ResetPasswordDialog({ account, onClosed }: { account: AccountDto; onClosed: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog<{ newPassword: string }, unknown>
      name="resetPassword"
      title={t('accounts.resetPasswordFor', { name: account.displayName })}
      submitLabel={t('accounts.resetPassword')}
      onSubmit={({ newPassword }) => api.resetAccountPassword(account.id, { newPassword })}
      onClosed={onClosed}
    >
      <Typography.Paragraph>{t('accounts.resetPasswordHint')}</Typography.Paragraph>
      <NewPasswordFields name="newPassword" />
    </FormDialog>
  );
}
