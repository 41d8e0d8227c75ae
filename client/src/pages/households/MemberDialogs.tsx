import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, HouseholdRelation, type HouseholdDto, type HouseholdMemberDto } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { PersonSelect } from '../registry/PersonSelect';

interface DialogProps {
  household: HouseholdDto;
  onSaved: (household: HouseholdDto) => void;
  onClosed: () => void;
}

interface AddMemberValues {
  kind: 'person' | 'name';
  personId?: string;
  name?: string;
  relation: HouseholdRelation;
}

/** The relations a member other than the head can have. */
function RelationSelect(props: {
  id?: string;
  value?: HouseholdRelation;
  onChange?: (value: HouseholdRelation) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      {...props}
      options={Object.values(HouseholdRelation)
        .filter((relation) => relation !== HouseholdRelation.Head)
        .map((relation) => ({ value: relation, label: t(`household.relations.${relation}`) }))}
    />
  );
}

function MemberFields({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const kind = Form.useWatch<AddMemberValues['kind']>('kind');
  return kind === 'name' ? (
    <Form.Item
      name="name"
      label={t('households.memberName')}
      rules={[{ required: true, whitespace: true, message: t('households.memberNameRequired') }]}
    >
      <Input maxLength={50} autoComplete="off" />
    </Form.Item>
  ) : (
    <Form.Item
      name="personId"
      label={t('households.memberPerson')}
      extra={t('personSelect.help')}
      rules={[{ required: true, message: t('households.personRequired') }]}
    >
      <PersonSelect countyId={countyId} />
    </Form.Item>
  );
}

/** Adds a registry person of the household's county, or a family member by name. */
export function AddMemberDialog({ household, onSaved, onClosed }: DialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog<AddMemberValues, HouseholdDto>
      name="addMember"
      title={t('households.addMemberTitle', { name: household.headName })}
      submitLabel={t('households.addMember')}
      initialValues={{ kind: 'person' }}
      onSubmit={({ kind, personId, name, relation }) =>
        api.addHouseholdMember(
          household.id,
          kind === 'person' ? { personId, relation } : { name: name?.trim(), relation },
        )
      }
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <fieldset className="form-fieldset">
        <legend>{t('households.memberKind')}</legend>
        <Form.Item name="kind">
          <Radio.Group
            options={[
              { value: 'person', label: t('households.memberKinds.person') },
              { value: 'name', label: t('households.memberKinds.name') },
            ]}
          />
        </Form.Item>
      </fieldset>
      <MemberFields countyId={household.countyId} />
      <Form.Item
        name="relation"
        label={t('household.relation')}
        rules={[{ required: true, message: t('households.relationRequired') }]}
      >
        <RelationSelect />
      </Form.Item>
    </FormDialog>
  );
}

/** Makes another member the head; the former head takes the relation chosen here. */
export function ChangeHeadDialog({
  household,
  member,
  onSaved,
  onClosed,
}: DialogProps & { member: HouseholdMemberDto }) {
  const { t } = useTranslation();
  return (
    <FormDialog<{ formerHeadRelation: HouseholdRelation }, HouseholdDto>
      name="changeHead"
      title={t('households.makeHeadTitle', { name: member.name })}
      submitLabel={t('households.makeHead')}
      onSubmit={({ formerHeadRelation }) =>
        api.changeHouseholdHead(household.id, { memberId: member.id, formerHeadRelation })
      }
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item
        name="formerHeadRelation"
        label={t('households.formerHeadRelation', { name: household.headName, head: member.name })}
        rules={[{ required: true, message: t('households.relationRequired') }]}
      >
        <RelationSelect />
      </Form.Item>
    </FormDialog>
  );
}
