import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, EnrolmentKind, HouseholdRelation, type CourseDto, type EnrolmentDto, type EnrolRequest } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { PersonSelect } from '../registry/PersonSelect';
import { useCountyOptions } from '../registry/useCounties';

export interface EnrolValues {
  kind: EnrolmentKind;
  personId?: string;
  name?: string;
  relation?: HouseholdRelation;
  countyId?: string;
  committeeRole?: string;
}

/**
 * The request for each kind of participant, with only the fields that kind takes: a disabled person
 * from the registry; a family member by name and relation, linked through the disabled person; a
 * specialist committee member (who may not be disabled) by name, county and role.
 */
export function toEnrolRequest({ kind, personId, name, relation, countyId, committeeRole }: EnrolValues): EnrolRequest {
  switch (kind) {
    case EnrolmentKind.DisabledPerson:
      return { kind, personId };
    case EnrolmentKind.FamilyMember:
      return { kind, personId, name: name?.trim(), relation };
    case EnrolmentKind.SpecialistCommitteeMember:
      return { kind, name: name?.trim(), countyId, committeeRole: committeeRole?.trim() };
  }
}

function NameField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="name"
      label={t('enrolment.name')}
      rules={[{ required: true, whitespace: true, message: t('courses.enrol.nameRequired') }]}
    >
      <Input maxLength={50} autoComplete="off" />
    </Form.Item>
  );
}

function ParticipantFields() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const counties = useCountyOptions();
  const kind = Form.useWatch<EnrolmentKind>('kind');
  if (kind === EnrolmentKind.SpecialistCommitteeMember) {
    return (
      <>
        <NameField />
        <Form.Item
          name="countyId"
          label={t('person.county')}
          rules={[{ required: true, message: t('persons.form.countyRequired') }]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={counties} disabled={!!user.countyId} />
        </Form.Item>
        <Form.Item
          name="committeeRole"
          label={t('enrolment.committeeRole')}
          extra={t('courses.enrol.committeeRoleHelp')}
          rules={[{ required: true, whitespace: true, message: t('courses.enrol.committeeRoleRequired') }]}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
      </>
    );
  }
  const family = kind === EnrolmentKind.FamilyMember;
  return (
    <>
      <Form.Item
        name="personId"
        label={family ? t('courses.enrol.relative') : t('courses.enrol.person')}
        extra={family ? t('courses.enrol.relativeHelp') : t('courses.enrol.personHelp')}
        rules={[{ required: true, message: t('households.personRequired') }]}
      >
        <PersonSelect household={family ? 'required' : 'any'} />
      </Form.Item>
      {family && (
        <>
          <NameField />
          <Form.Item
            name="relation"
            label={t('enrolment.relation')}
            rules={[{ required: true, message: t('courses.enrol.relationRequired') }]}
          >
            <Select
              options={Object.values(HouseholdRelation).map((relation) => ({
                value: relation,
                label: t(`household.relations.${relation}`),
              }))}
            />
          </Form.Item>
        </>
      )}
    </>
  );
}

/** Enrols a disabled person, a family member of one, or a specialist committee member on the course. */
export function EnrolDialog({
  course,
  onSaved,
  onClosed,
}: {
  course: CourseDto;
  onSaved: (enrolment: EnrolmentDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <FormDialog<EnrolValues, EnrolmentDto>
      name="enrol"
      title={t('courses.enrol.title', { title: course.title })}
      submitLabel={t('courses.enrol.submit')}
      initialValues={{ kind: EnrolmentKind.DisabledPerson, countyId: user.countyId }}
      onSubmit={(values) => api.enrolParticipant(course.id, toEnrolRequest(values))}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <fieldset className="form-fieldset">
        <legend>{t('enrolment.kind')}</legend>
        <Form.Item name="kind">
          <Radio.Group
            className="vertical-options"
            options={Object.values(EnrolmentKind).map((kind) => ({ value: kind, label: t(`enrolment.kinds.${kind}`) }))}
          />
        </Form.Item>
      </fieldset>
      <ParticipantFields />
    </FormDialog>
  );
}
