import { DatePicker, Form, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, PersonStatus, toProblem, type PersonDto } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';

interface DeactivateValues {
  status: PersonStatus;
  on: Dayjs;
}

/** Records that the person died or moved away, sending the loaded version in If-Match. */
export function DeactivateDialog({
  person,
  onSaved,
  onStale,
  onClosed,
}: {
  person: PersonDto;
  onSaved: (person: PersonDto) => void;
  onStale: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const submit = async ({ status, on }: DeactivateValues) => {
    try {
      return await api.deactivatePerson(person.id, { status, on: toDateOnly(on) }, `"${person.version}"`);
    } catch (error) {
      if (toProblem(error).status === 412) onStale();
      throw error;
    }
  };
  return (
    <FormDialog<DeactivateValues, PersonDto>
      name="deactivatePerson"
      title={t('persons.deactivate.title', { name: person.name })}
      submitLabel={t('persons.deactivate.submit')}
      onSubmit={submit}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <fieldset className="form-fieldset">
        <legend>{t('persons.deactivate.status')}</legend>
        <Form.Item name="status" rules={[{ required: true, message: t('persons.deactivate.statusRequired') }]}>
          <Radio.Group
            className="vertical-options"
            options={[PersonStatus.Deceased, PersonStatus.MovedAway].map((status) => ({
              value: status,
              label: t(`person.statuses.${status}`),
            }))}
          />
        </Form.Item>
      </fieldset>
      <Form.Item
        name="on"
        label={t('persons.deactivate.on')}
        rules={[{ required: true, message: t('persons.deactivate.onRequired') }]}
      >
        <DatePicker disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </FormDialog>
  );
}
