import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, QRCode, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type TwoFactorEnrolmentDto } from '../../api';
import { CURRENT_USER_KEY, useCurrentUser } from '../../auth/session';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { useProblem } from '../../errors/useProblem';

interface CodeValues {
  code: string;
}

/** Enrols the person's second factor: a QR code and a key for the authenticator app, confirmed with a code. */
export function TwoFactorPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CodeValues>();
  const { reported, report, clear } = useProblem(form);

  const start = useMutation({
    mutationFn: () => api.startTwoFactorEnrolment(),
    onMutate: clear,
    onError: report,
  });
  const confirm = useMutation({
    mutationFn: ({ code }: CodeValues) => api.confirmTwoFactorEnrolment({ code: code.trim() }),
    onMutate: clear,
    onSuccess: async () => {
      start.reset();
      await queryClient.invalidateQueries({ queryKey: CURRENT_USER_KEY });
    },
    onError: (error) => {
      form.setFieldValue('code', '');
      report(error);
    },
  });
  const enrolment: TwoFactorEnrolmentDto | undefined = start.data;

  return (
    <Page title={t('twoFactor.title')}>
      <Card className="narrow-card">
        {user.twoFactorEnrolmentRequired && <Alert type="warning" showIcon title={t('twoFactor.required')} />}
        {confirm.isSuccess && <Alert type="success" showIcon role="status" title={t('twoFactor.done')} />}
        <ProblemAlert reported={reported} />
        {user.twoFactorEnabled ? (
          <>
            <Typography.Paragraph>{t('twoFactor.enabled')}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('twoFactor.lostDevice')}</Typography.Paragraph>
          </>
        ) : !enrolment ? (
          <>
            <Typography.Paragraph>{t('twoFactor.intro')}</Typography.Paragraph>
            <Button type="primary" loading={start.isPending} onClick={() => start.mutate()}>
              {t('twoFactor.start')}
            </Button>
          </>
        ) : (
          <Flex vertical gap="middle">
            <Typography.Title level={2}>{t('twoFactor.scan')}</Typography.Title>
            <div role="img" aria-label={t('twoFactor.qrLabel')}>
              <QRCode value={enrolment.otpAuthUri} type="svg" />
            </div>
            <Typography.Paragraph>{t('twoFactor.manual')}</Typography.Paragraph>
            <Typography.Paragraph copyable={{ text: enrolment.manualKey }}>
              <span aria-label={t('twoFactor.manualKey')}>
                <code className="two-factor-key">{enrolment.manualKey.replace(/(.{4})/g, '$1 ').trim()}</code>
              </span>
            </Typography.Paragraph>
            <Typography.Title level={2}>{t('twoFactor.confirmStep')}</Typography.Title>
            <Form<CodeValues>
              form={form}
              name="twoFactorEnrolment"
              layout="vertical"
              requiredMark={false}
              onFinish={(values) => confirm.mutate(values)}
            >
              <Form.Item
                name="code"
                label={t('twoFactor.code')}
                rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('twoFactor.codeRequired') }]}
              >
                <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={confirm.isPending}>
                {t('twoFactor.confirm')}
              </Button>
            </Form>
          </Flex>
        )}
      </Card>
    </Page>
  );
}
