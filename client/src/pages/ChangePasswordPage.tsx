import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api';
import { TWO_FACTOR_PATH, useCurrentUser } from '../auth/session';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { Page } from '../components/Page';
import { ProblemAlert } from '../errors/ProblemAlert';
import { useProblem } from '../errors/useProblem';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
}

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [form] = Form.useForm<ChangePasswordValues>();
  const { reported, report, clear } = useProblem(form);
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: ChangePasswordValues) =>
      api.changeOwnPassword({ currentPassword, newPassword }),
    onMutate: clear,
    onSuccess: () => form.resetFields(),
    onError: report,
  });

  return (
    <Page title={t('password.title')}>
      <Card className="narrow-card">
        {change.isSuccess && <Alert type="success" showIcon title={t('password.changed')} />}
        <ProblemAlert reported={reported} />
        <Form<ChangePasswordValues>
          form={form}
          name="changePassword"
          layout="vertical"
          onFinish={(values) => change.mutate(values)}
        >
          <input type="text" name="username" autoComplete="username" value={user.userName} readOnly hidden />
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <NewPasswordFields name="newPassword" />
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
      <Card className="narrow-card" title={t('twoFactor.title')}>
        <Link to={TWO_FACTOR_PATH}>{t(user.twoFactorEnabled ? 'twoFactor.title' : 'twoFactor.link')}</Link>
      </Card>
    </Page>
  );
}
