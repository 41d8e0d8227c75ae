import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, toProblem, type CurrentUserDto } from '../api';
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

interface CodeValues {
  code: string;
}

const TWO_FACTOR_REQUIRED = 'auth.two_factor_required';
const TWO_FACTOR_NOT_STARTED = 'auth.two_factor_not_started';

export function SignInPage() {
  const { t } = useTranslation();
  const [step, setStep] = useState<'password' | 'code'>('password');
  usePageTitle(t(step === 'code' ? 'twoFactorSignIn.title' : 'signIn.title'));
  const [form] = Form.useForm<SignInValues>();
  const [codeForm] = Form.useForm<CodeValues>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { reported, report, clear } = useProblem(form);
  const codeProblem = useProblem(codeForm);
  const reason = params.get('reason');
  const ended = reason === 'idle' || reason === 'expired' ? reason : null;
  const codeInput = useRef<InputRef>(null);

  useEffect(() => {
    if (step === 'code') codeInput.current?.focus();
  }, [step]);

  const signedIn = async (user: CurrentUserDto) => {
    queryClient.setQueryData(CURRENT_USER_KEY, user);
    const target = afterSignIn(params.get('returnUrl'));
    if (target.kind === 'server') leaveForServer(target.url);
    else await navigate(target.url, { replace: true });
  };

  const signIn = useMutation({
    mutationFn: (values: SignInValues) => api.signIn(values),
    meta: { handlesUnauthorized: true },
    onMutate: clear,
    onSuccess: signedIn,
    onError: (error) => {
      form.setFieldValue('password', '');
      if (toProblem(error).code === TWO_FACTOR_REQUIRED) {
        setStep('code');
        return;
      }
      report(error);
    },
  });

  const verify = useMutation({
    mutationFn: ({ code }: CodeValues) => api.signInWithTwoFactor({ code: code.trim() }),
    meta: { handlesUnauthorized: true },
    onMutate: codeProblem.clear,
    onSuccess: signedIn,
    onError: (error) => {
      codeForm.setFieldValue('code', '');
      if (toProblem(error).code === TWO_FACTOR_NOT_STARTED) {
        // The five minutes between the steps have passed: start again with the password.
        setStep('password');
        report(error);
        return;
      }
      codeProblem.report(error);
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
            {t(step === 'code' ? 'twoFactorSignIn.title' : 'signIn.title')}
          </Typography.Title>
          {step === 'password' ? (
            <>
              <Typography.Paragraph>{t('app.programme')}</Typography.Paragraph>
              {ended && !reported && <Alert type="warning" showIcon role="status" title={t(`signInEnded.${ended}`)} />}
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
            </>
          ) : (
            <>
              <Typography.Paragraph id="two-factor-help">{t('twoFactorSignIn.help')}</Typography.Paragraph>
              <ProblemAlert reported={codeProblem.reported} />
              <Form
                form={codeForm}
                name="twoFactorSignIn"
                layout="vertical"
                requiredMark={false}
                onFinish={(values) => verify.mutate(values)}
                className="sign-in-form"
              >
                <Form.Item
                  name="code"
                  label={t('twoFactorSignIn.code')}
                  rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('twoFactorSignIn.codeRequired') }]}
                >
                  <Input
                    ref={codeInput}
                    autoComplete="one-time-code"
                    inputMode="numeric"
                    maxLength={6}
                    aria-describedby="two-factor-help"
                  />
                </Form.Item>
                <Button type="primary" htmlType="submit" block loading={verify.isPending}>
                  {t('twoFactorSignIn.submit')}
                </Button>
                <Button type="link" block onClick={() => setStep('password')}>
                  {t('twoFactorSignIn.back')}
                </Button>
              </Form>
            </>
          )}
        </Card>
      </main>
    </div>
  );
}
