import { useQuery } from '@tanstack/react-query';
import { Form, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type ParticipantInput } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { BaseSelect } from '../bases/BaseSelect';
import { baseKey } from '../bases/useBases';
import { HouseholdSelect } from '../households/HouseholdSelect';
import { householdKey } from '../households/useHousehold';
import { personKey } from '../persons/usePerson';
import { PersonSelect } from '../registry/PersonSelect';

export type ParticipantKind = 'household' | 'base' | 'person';

const PARTICIPANT_KINDS: ParticipantKind[] = ['household', 'base', 'person'];

export interface ParticipantValues {
  participantKind: ParticipantKind;
  householdId?: string;
  baseId?: string;
  personId?: string;
}

/** The participant as the API takes it: exactly one of household, base and person, the one chosen. */
export function participantRequest(values: ParticipantValues): ParticipantInput {
  return {
    householdId: values.participantKind === 'household' ? values.householdId : undefined,
    baseId: values.participantKind === 'base' ? values.baseId : undefined,
    personId: values.participantKind === 'person' ? values.personId : undefined,
  };
}

/** Who takes part: a radio for the kind, then the one select of that kind. */
export function ParticipantFields() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const kind = Form.useWatch<ParticipantKind | undefined>('participantKind');
  return (
    <>
      <fieldset className="form-fieldset">
        <legend>{t('participant.kind')}</legend>
        <Form.Item name="participantKind" extra={t('participant.kindHelp')}>
          <Radio.Group
            options={PARTICIPANT_KINDS.map((value) => ({ value, label: t(`participant.kinds.${value}`) }))}
          />
        </Form.Item>
      </fieldset>
      {kind === 'household' && (
        <Form.Item
          name="householdId"
          label={t('participant.household')}
          rules={[{ required: true, message: t('participant.householdRequired') }]}
        >
          <HouseholdSelect countyId={user.countyId} />
        </Form.Item>
      )}
      {kind === 'base' && (
        <Form.Item
          name="baseId"
          label={t('participant.base')}
          rules={[{ required: true, message: t('participant.baseRequired') }]}
        >
          <BaseSelect />
        </Form.Item>
      )}
      {kind === 'person' && (
        <Form.Item
          name="personId"
          label={t('participant.person')}
          rules={[{ required: true, message: t('participant.personRequired') }]}
        >
          <PersonSelect countyId={user.countyId} household="any" />
        </Form.Item>
      )}
    </>
  );
}

/** A registered person's name, linking to them (the API's records of outreach carry only the id). */
export function PersonName({ id }: { id: string }) {
  const person = useQuery({ queryKey: personKey(id), queryFn: () => api.getPerson(id) });
  return <Link to={`/persons/${id}`}>{person.data?.name ?? '…'}</Link>;
}

function HouseholdName({ id }: { id: string }) {
  const { t } = useTranslation();
  const household = useQuery({ queryKey: householdKey(id), queryFn: () => api.getHousehold(id) });
  return (
    <Link to={`/households/${id}`}>
      {household.data ? t('participant.householdOf', { head: household.data.headName }) : '…'}
    </Link>
  );
}

function BaseName({ id }: { id: string }) {
  const base = useQuery({ queryKey: baseKey(id), queryFn: () => api.getBase(id) });
  return <>{base.data?.name ?? '…'}</>;
}

/** A participant (a household, a base or a person) named, with what kind it is. */
export function ParticipantName({ participant }: { participant: ParticipantInput }) {
  const { t } = useTranslation();
  if (participant.householdId) {
    return (
      <>
        {t('participant.prefix', { kind: t('participant.kinds.household') })}
        <HouseholdName id={participant.householdId} />
      </>
    );
  }
  if (participant.baseId) {
    return (
      <>
        {t('participant.prefix', { kind: t('participant.kinds.base') })}
        <BaseName id={participant.baseId} />
      </>
    );
  }
  return (
    <>
      {t('participant.prefix', { kind: t('participant.kinds.person') })}
      {participant.personId && <PersonName id={participant.personId} />}
    </>
  );
}
