import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, type MentoringSessionDto, type RecordMentoringSessionCommand } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';
import { PersonSelect } from '../registry/PersonSelect';
import { MENTORING_CONTRACTS_KEY } from './useIncubation';

/** The longest session the API takes, in hours (recorded in tenths). */
export const MAX_SESSION_HOURS = 24;

interface SessionValues {
  contractId?: string;
  personId: string;
  mentorName: string;
  date: Dayjs;
  hours: number;
  topic: string;
}

export function sessionRequest(values: SessionValues): RecordMentoringSessionCommand {
  return {
    contractId: values.contractId || undefined,
    personId: values.personId,
    mentorName: values.mentorName.trim(),
    date: toDateOnly(values.date),
    hours: values.hours,
    topic: values.topic.trim(),
  };
}

/** The mentoring contracts in the caller's scope, as options for a select (the first hundred). */
export function useContractOptions(): { value: string; label: string }[] {
  const { t } = useTranslation();
  const contracts = useQuery({
    queryKey: [...MENTORING_CONTRACTS_KEY, 'options'],
    queryFn: () => api.getMentoringContracts(undefined, 1, 100),
  });
  return (contracts.data?.items ?? []).map((contract) => ({
    value: contract.id,
    label: t('mentoring.contractOption', { title: contract.title, provider: contract.providerName }),
  }));
}

/** Records a mentor's session with a disabled entrepreneur, under a contract or not. */
export function MentoringSessionDialog({
  onSaved,
  onClosed,
}: {
  onSaved: (session: MentoringSessionDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const contracts = useContractOptions();
  return (
    <FormDialog<SessionValues, MentoringSessionDto>
      name="mentoringSession"
      title={t('mentoringSessions.create')}
      submitLabel={t('common.create')}
      onSubmit={(values) => api.recordMentoringSession(sessionRequest(values))}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item name="contractId" label={t('mentoring.contract')} extra={t('mentoringSessions.form.contractHelp')}>
        <Select allowClear options={contracts} />
      </Form.Item>
      <Form.Item
        name="personId"
        label={t('mentoring.person')}
        rules={[{ required: true, message: t('mentoringSessions.form.personRequired') }]}
      >
        <PersonSelect countyId={user.countyId} household="any" />
      </Form.Item>
      <Form.Item
        name="mentorName"
        label={t('mentoring.mentorName')}
        rules={[{ required: true, whitespace: true, message: t('mentoringSessions.form.mentorRequired') }]}
      >
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="date"
        label={t('mentoring.date')}
        rules={[{ required: true, message: t('mentoringSessions.form.dateRequired') }]}
      >
        <DatePicker disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item
        name="hours"
        label={t('mentoring.hours')}
        extra={t('mentoringSessions.form.hoursHelp', { max: MAX_SESSION_HOURS })}
        rules={[{ required: true, message: t('mentoringSessions.form.hoursRequired') }]}
      >
        <InputNumber min={0.1} max={MAX_SESSION_HOURS} step={0.5} precision={1} />
      </Form.Item>
      <Form.Item
        name="topic"
        label={t('mentoring.topic')}
        rules={[{ required: true, whitespace: true, message: t('mentoringSessions.form.topicRequired') }]}
      >
        <Input.TextArea maxLength={500} rows={3} />
      </Form.Item>
    </FormDialog>
  );
}
