import { useMutation } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../errors/ProblemAlert';
import { useProblem } from '../errors/useProblem';

interface FormDialogProps<TValues, TResult> {
  /** Form name; also prefixes the ids of its inputs. */
  name: string;
  title: string;
  submitLabel: string;
  initialValues?: Partial<TValues>;
  /** Wider than the default for a form with rows of fields. */
  width?: number;
  onSubmit: (values: TValues) => Promise<TResult>;
  /** Called after a successful submit, before the dialog closes. */
  onSuccess?: (result: TResult) => void;
  /** Called once the dialog has closed (saved or cancelled) and focus has returned. */
  onClosed: () => void;
  children: ReactNode;
}

/**
 * A modal form that submits through a mutation, shows the server's field errors on its fields
 * and any other failure in an alert, and closes on success.
 */
export function FormDialog<TValues, TResult>({
  name,
  title,
  submitLabel,
  initialValues,
  width,
  onSubmit,
  onSuccess,
  onClosed,
  children,
}: FormDialogProps<TValues, TResult>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TValues>();
  const [open, setOpen] = useState(true);
  const { reported, report, clear } = useProblem(form);
  const mutation = useMutation({
    mutationFn: onSubmit,
    onMutate: clear,
    onSuccess: (result) => {
      onSuccess?.(result);
      void message.success(t('common.saved'));
      setOpen(false);
    },
    onError: report,
  });

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={submitLabel}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => setOpen(false)}
      confirmLoading={mutation.isPending}
      afterClose={onClosed}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <ProblemAlert reported={reported} />
      <Form<TValues>
        form={form}
        name={name}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => mutation.mutate(values)}
        className="dialog-form"
      >
        {children}
      </Form>
    </Modal>
  );
}
