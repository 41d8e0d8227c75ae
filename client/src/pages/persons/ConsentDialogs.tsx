import { DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, type ConsentScope, type PersonDto } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';

interface DialogProps {
  person: PersonDto;
  onSaved: (person: PersonDto) => void;
  onClosed: () => void;
}

const notInFuture = (date: Dayjs) => date.isAfter(dayjs(), 'day');

/** Records a consent the person gave, for a scope that has none in force. */
export function RecordConsentDialog({ person, scopes, onSaved, onClosed }: DialogProps & { scopes: ConsentScope[] }) {
  const { t } = useTranslation();
  return (
    <FormDialog<{ scope: ConsentScope; givenOn: Dayjs }, PersonDto>
      name="recordConsent"
      title={t('persons.consents.recordTitle', { name: person.name })}
      submitLabel={t('common.save')}
      initialValues={{ givenOn: dayjs() }}
      onSubmit={({ scope, givenOn }) => api.recordConsent(person.id, { scope, givenOn: toDateOnly(givenOn) })}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item
        name="scope"
        label={t('persons.consents.scope')}
        rules={[{ required: true, message: t('persons.consents.scopeRequired') }]}
      >
        <Select options={scopes.map((scope) => ({ value: scope, label: t(`persons.consents.scopes.${scope}`) }))} />
      </Form.Item>
      <Form.Item
        name="givenOn"
        label={t('persons.consents.givenOn')}
        rules={[{ required: true, message: t('persons.consents.dateRequired') }]}
      >
        <DatePicker disabledDate={notInFuture} />
      </Form.Item>
    </FormDialog>
  );
}

/** Records that the person withdrew the consent in force for a scope. */
export function WithdrawConsentDialog({ person, scope, onSaved, onClosed }: DialogProps & { scope: ConsentScope }) {
  const { t } = useTranslation();
  return (
    <FormDialog<{ withdrawnOn: Dayjs }, PersonDto>
      name="withdrawConsent"
      title={t('persons.consents.withdrawTitle', { scope: t(`persons.consents.scopes.${scope}`) })}
      submitLabel={t('persons.consents.withdraw')}
      initialValues={{ withdrawnOn: dayjs() }}
      onSubmit={({ withdrawnOn }) => api.withdrawConsent(person.id, scope, { withdrawnOn: toDateOnly(withdrawnOn) })}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item
        name="withdrawnOn"
        label={t('persons.consents.withdrawnOn')}
        rules={[{ required: true, message: t('persons.consents.dateRequired') }]}
      >
        <DatePicker disabledDate={notInFuture} />
      </Form.Item>
    </FormDialog>
  );
}
