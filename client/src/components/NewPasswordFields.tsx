import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** A new password and its confirmation; only the first is sent to the server. */
export function NewPasswordFields({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name={name}
        label={t('password.new')}
        extra={t('password.rules')}
        rules={[{ required: true, message: t('password.newRequired') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name={`${name}Confirmation`}
        label={t('password.confirm')}
        dependencies={[name]}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue(name) === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
