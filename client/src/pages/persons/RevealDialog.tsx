import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type PersonDto } from '../../api';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { useProblem } from '../../errors/useProblem';
import { formatDate } from '../../format';

const REASON_LENGTH = { min: 4, max: 200 };

/**
 * Asks why the full ID number, certificate number and phone are needed, then shows them. The API
 * writes each reveal to the audit trail. The values live only in this dialog: the mutation is
 * dropped from the query cache at once (gcTime 0) and reset on close, so nothing keeps them.
 */
export function RevealDialog({ person, onClosed }: { person: PersonDto; onClosed: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const [form] = Form.useForm<{ reason: string }>();
  const { reported, report, clear } = useProblem(form);
  const reveal = useMutation({
    mutationFn: ({ reason }: { reason: string }) => api.revealPerson(person.id, { reason: reason.trim() }),
    onMutate: clear,
    onError: report,
    gcTime: 0,
  });
  const close = () => {
    reveal.reset();
    setOpen(false);
  };
  const revealed = reveal.data;

  return (
    <Modal
      open={open}
      title={t('persons.reveal.title', { name: person.name })}
      onCancel={close}
      afterClose={onClosed}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        revealed ? (
          <Button type="primary" onClick={close}>
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" loading={reveal.isPending} onClick={() => form.submit()}>
              {t('persons.reveal.submit')}
            </Button>
          </>
        )
      }
    >
      {revealed ? (
        <>
          <Alert type="info" showIcon title={t('persons.reveal.shown')} />
          <Descriptions
            className="revealed-values"
            column={1}
            bordered
            size="small"
            items={[
              { key: 'idNumber', label: t('person.idNumber'), children: <code>{revealed.idNumber}</code> },
              {
                key: 'certificateNumber',
                label: t('person.certificateNumber'),
                children: <code>{revealed.certificateNumber}</code>,
              },
              {
                key: 'phone',
                label: t('person.phone'),
                children: revealed.phone ? <code>{revealed.phone}</code> : t('persons.form.none'),
              },
              { key: 'birthDate', label: t('person.birthDate'), children: formatDate(revealed.birthDate) },
            ]}
          />
        </>
      ) : (
        <>
          <Typography.Paragraph>{t('persons.reveal.notice')}</Typography.Paragraph>
          <ProblemAlert reported={reported} />
          <Form<{ reason: string }>
            form={form}
            name="reveal"
            layout="vertical"
            className="dialog-form"
            onFinish={(values) => reveal.mutate(values)}
          >
            <Form.Item
              name="reason"
              label={t('persons.reveal.reason')}
              extra={t('persons.reveal.reasonRules')}
              rules={[
                { required: true, whitespace: true, message: t('persons.reveal.reasonRequired') },
                {
                  validator: (_, value: string | undefined) => {
                    const length = value?.trim().length ?? 0;
                    return length === 0 || (length >= REASON_LENGTH.min && length <= REASON_LENGTH.max)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('persons.reveal.reasonLength')));
                  },
                },
              ]}
            >
              <Input.TextArea rows={3} maxLength={REASON_LENGTH.max} showCount autoComplete="off" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
