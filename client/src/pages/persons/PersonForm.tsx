import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { HouseholdRegistration, type PersonDto, type CreatePersonCommand as PersonRequest } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { useProblem } from '../../errors/useProblem';
import { useCountyOptions } from '../registry/useCounties';
import { PERSON_TAGS, toPersonRequest, type PersonFormValues } from './personRequest';
import { useSavedPerson } from './usePerson';

interface PersonFormProps {
  /** The person being edited: their masked numbers are shown as hints, as the full ones must be typed again. */
  person?: PersonDto;
  submitLabel: string;
  cancelTo: string;
  onSubmit: (request: PersonRequest) => Promise<PersonDto>;
  /** Reloads the person after someone else changed it (412). */
  onReload?: () => void;
}

function initialValues(person: PersonDto | undefined, countyId: string | undefined): Partial<PersonFormValues> {
  if (!person) return { countyId, registration: HouseholdRegistration.Rural, tags: [] };
  return {
    name: person.name,
    countyId: person.countyId,
    township: person.township,
    village: person.village,
    registration: person.registration,
    tags: person.tags,
  };
}

/** Registers or edits a person; the server's field errors appear on their fields. */
export function PersonForm({ person, submitLabel, cancelTo, onSubmit, onReload }: PersonFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const counties = useCountyOptions();
  const [form] = Form.useForm<PersonFormValues>();
  const { reported, report, clear } = useProblem(form);
  const keep = useSavedPerson();
  const save = useMutation({
    mutationFn: (values: PersonFormValues) => onSubmit(toPersonRequest(values)),
    onMutate: clear,
    onSuccess: (saved) => {
      keep(saved);
      void message.success(t('common.saved'));
      void navigate(`/persons/${saved.id}`);
    },
    onError: report,
  });
  const sensitiveHint = (masked: string | undefined) =>
    person && t('persons.form.currentMasked', { masked: masked || t('persons.form.none') });

  return (
    <Card className="form-card">
      {reported?.problem.status === 412 && onReload ? (
        <Alert
          type="warning"
          showIcon
          title={t('persons.form.stale')}
          action={<Button onClick={onReload}>{t('persons.form.reload')}</Button>}
        />
      ) : (
        <ProblemAlert reported={reported} />
      )}
      <Form<PersonFormValues>
        form={form}
        name="person"
        layout="vertical"
        initialValues={initialValues(person, user.countyId)}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="name"
          label={t('person.name')}
          rules={[{ required: true, whitespace: true, message: t('persons.form.nameRequired') }]}
        >
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('person.idNumber')}
          extra={[t('persons.form.idNumberRules'), sensitiveHint(person?.idNumberMasked)].filter(Boolean).join(' ')}
          rules={[{ required: true, whitespace: true, message: t('persons.form.idNumberRequired') }]}
        >
          <Input maxLength={18} autoComplete="off" spellCheck={false} className="id-number-input" />
        </Form.Item>
        <Form.Item
          name="certificateNumber"
          label={t('person.certificateNumber')}
          extra={[t('persons.form.certificateRules'), sensitiveHint(person?.certificateNumberMasked)]
            .filter(Boolean)
            .join(' ')}
          rules={[{ required: true, whitespace: true, message: t('persons.form.certificateRequired') }]}
        >
          <Input maxLength={20} autoComplete="off" spellCheck={false} className="id-number-input" />
        </Form.Item>
        <Form.Item
          name="countyId"
          label={t('person.county')}
          rules={[{ required: true, message: t('persons.form.countyRequired') }]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={counties} disabled={!!user.countyId} />
        </Form.Item>
        <Form.Item name="township" label={t('person.township')}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="village" label={t('person.village')}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <fieldset className="form-fieldset">
          <legend>{t('person.registration')}</legend>
          <Form.Item name="registration">
            <Radio.Group
              options={Object.values(HouseholdRegistration).map((value) => ({
                value,
                label: t(`person.registrations.${value}`),
              }))}
            />
          </Form.Item>
        </fieldset>
        <Form.Item
          name="phone"
          label={t('person.phone')}
          extra={
            person
              ? t('persons.form.phoneCurrent', { masked: person.phoneMasked || t('persons.form.none') })
              : undefined
          }
        >
          <Input type="tel" maxLength={30} autoComplete="off" />
        </Form.Item>
        <fieldset className="form-fieldset">
          <legend>{t('person.tags')}</legend>
          <Form.Item name="tags">
            <Checkbox.Group options={PERSON_TAGS.map((tag) => ({ value: tag, label: t(`person.tagNames.${tag}`) }))} />
          </Form.Item>
        </fieldset>
        <Flex gap="small">
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {submitLabel}
          </Button>
          <Button onClick={() => void navigate(cancelTo)}>{t('common.cancel')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
