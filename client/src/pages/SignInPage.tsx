import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../api';
import { leaveForServer } from '../auth/leaveForServer';
import { afterSignIn } from '../auth/returnUrl';
import { CURRENT_USER_KEY } from '../auth/session';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { usePageTitle } from '../components/usePageTitle';
import { ProblemAlert } from '../errors/ProblemAlert';
import { useProblem } from '../errors/useProblem';

interface SignInValues {
  userName: string;
  password: string;
}

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const [form] = Form.useForm<SignInValues>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { reported, report, clear } = useProblem(form);

  const signIn = useMutation({
    mutationFn: (values: SignInValues) => api.signIn(values),
    meta: { handlesUnauthorized: true },
    onMutate: clear,
    onSuccess: async (user) => {
      queryClient.setQueryData(CURRENT_USER_KEY, user);
      const target = afterSignIn(params.get('returnUrl'));
      if (target.kind === 'server') leaveForServer(target.url);
      else await navigate(target.url, { replace: true });
    },
    onError: (error) => {
      report(error);
      form.setFieldValue('password', '');
    },
  });

  return (
    <div className="sign-in-shell">
      <header className="sign-in-header">
        <span className="app-brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main-content" className="sign-in-main">
        <Card className="sign-in-card">
          <Typography.Title level={1} className="page-title">
            {t('signIn.title')}
          </Typography.Title>
          <Typography.Paragraph>{t('app.programme')}</Typography.Paragraph>
          <ProblemAlert reported={reported} />
          <Form
            form={form}
            name="signIn"
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => signIn.mutate(values)}
            className="sign-in-form"
          >
            <Form.Item
              name="userName"
              label={t('signIn.userName')}
              rules={[{ required: true, whitespace: true, message: t('signIn.userNameRequired') }]}
            >
              <Input autoComplete="username" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('signIn.password')}
              rules={[{ required: true, message: t('signIn.passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
              {t('signIn.submit')}
            </Button>
          </Form>
        </Card>
      </main>
    </div>
  );
}
