import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Radio, Select, type FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { HouseholdRegistration, type PersonDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { useProblem } from '../../errors/useProblem';
import { useCountyOptions } from '../registry/useCounties';
import { PERSON_TAGS, type PersonFormValues } from './personRequest';
import { useSavedPerson } from './usePerson';

interface PersonFormProps {
  /**
   * The person being edited. Officers see only the masked numbers, so the number fields start empty
   * and, left empty, keep the current values.
   */
  person?: PersonDto;
  submitLabel: string;
  cancelTo: string;
  onSubmit: (values: PersonFormValues) => Promise<PersonDto>;
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
    mutationFn: onSubmit,
    onMutate: clear,
    onSuccess: (saved) => {
      keep(saved);
      void message.success(t('common.saved'));
      void navigate(`/persons/${saved.id}`);
    },
    onError: report,
  });
  const removePhone = Form.useWatch('removePhone', form);
  const numberHelp = (rules: string, masked: string | undefined) =>
    person ? `${rules} ${t('persons.form.keepMasked', { masked })}` : rules;
  // To register, both numbers are required; when editing, a new ID number needs its certificate number.
  const idNumberRules: FormRule[] = person
    ? []
    : [{ required: true, whitespace: true, message: t('persons.form.idNumberRequired') }];
  const certificateRules: FormRule[] = person
    ? [
        ({ getFieldValue }) => ({
          required: !!getFieldValue('idNumber')?.trim(),
          whitespace: true,
          message: t('fieldErrors.certificate_number.required_with_id'),
        }),
      ]
    : [{ required: true, whitespace: true, message: t('persons.form.certificateRequired') }];

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
          extra={numberHelp(t('persons.form.idNumberRules'), person?.idNumberMasked)}
          rules={idNumberRules}
        >
          <Input maxLength={18} autoComplete="off" spellCheck={false} className="id-number-input" />
        </Form.Item>
        <Form.Item
          name="certificateNumber"
          label={t('person.certificateNumber')}
          extra={numberHelp(t('persons.form.certificateRules'), person?.certificateNumberMasked)}
          dependencies={['idNumber']}
          rules={certificateRules}
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
          extra={person?.phoneMasked && t('persons.form.keepPhone', { masked: person.phoneMasked })}
        >
          <Input type="tel" maxLength={30} autoComplete="off" disabled={removePhone} />
        </Form.Item>
        {person?.phoneMasked && (
          <Form.Item name="removePhone" valuePropName="checked">
            <Checkbox onChange={() => form.setFieldValue('phone', undefined)}>{t('persons.form.removePhone')}</Checkbox>
          </Form.Item>
        )}
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
