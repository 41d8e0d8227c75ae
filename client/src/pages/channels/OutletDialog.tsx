import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  api,
  type ChannelLevel,
  type CreateOutletCommand,
  type OutletDto,
  type OutletLocation,
  type OutletParticipantRequest,
} from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';
import { useCountyOptions } from '../registry/useCounties';
import { ParticipantFields, participantRequest, type ParticipantValues } from './participant';
import { CHANNEL_LEVELS, OUTLET_LOCATIONS } from './useChannels';

/** The largest fee the form takes, in yuan. */
const MAX_FEE = 1_000_000;

interface OutletValues {
  countyId: string;
  name: string;
  location: OutletLocation;
  level: ChannelLevel;
  address: string;
  openedOn: Dayjs;
}

export function outletRequest(values: OutletValues): CreateOutletCommand {
  return {
    countyId: values.countyId,
    name: values.name.trim(),
    location: values.location,
    level: values.level,
    address: values.address.trim(),
    openedOn: toDateOnly(values.openedOn),
  };
}

/** Records a specialty zone or counter (专区专柜) selling disabled people's products. */
export function OutletDialog({ onSaved, onClosed }: { onSaved: (outlet: OutletDto) => void; onClosed: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const counties = useCountyOptions();
  return (
    <FormDialog<OutletValues, OutletDto>
      name="outlet"
      title={t('outlets.create')}
      submitLabel={t('common.create')}
      initialValues={{ countyId: user.countyId }}
      onSubmit={(values) => api.createOutlet(outletRequest(values))}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item
        name="countyId"
        label={t('channel.county')}
        rules={[{ required: true, message: t('channel.countyRequired') }]}
      >
        <Select options={counties} disabled={!!user.countyId} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('outlet.name')}
        rules={[{ required: true, whitespace: true, message: t('outlets.form.nameRequired') }]}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="location"
        label={t('outlet.location')}
        rules={[{ required: true, message: t('outlets.form.locationRequired') }]}
      >
        <Select options={OUTLET_LOCATIONS.map((value) => ({ value, label: t(`outlet.locations.${value}`) }))} />
      </Form.Item>
      <Form.Item
        name="level"
        label={t('channel.level')}
        rules={[{ required: true, message: t('outlets.form.levelRequired') }]}
      >
        <Select options={CHANNEL_LEVELS.map((value) => ({ value, label: t(`channel.levels.${value}`) }))} />
      </Form.Item>
      <Form.Item
        name="address"
        label={t('outlet.address')}
        rules={[{ required: true, whitespace: true, message: t('outlets.form.addressRequired') }]}
      >
        <Input maxLength={300} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="openedOn"
        label={t('outlet.openedOn')}
        rules={[{ required: true, message: t('outlets.form.openedOnRequired') }]}
      >
        <DatePicker disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </FormDialog>
  );
}

interface OutletParticipantValues extends ParticipantValues {
  joinedOn: Dayjs;
  stallFeeWaived: number;
  entryFeeWaived: number;
  accessibility?: string;
}

export function outletParticipantRequest(values: OutletParticipantValues): OutletParticipantRequest {
  return {
    participant: participantRequest(values),
    joinedOn: toDateOnly(values.joinedOn),
    stallFeeWaived: values.stallFeeWaived ?? 0,
    entryFeeWaived: values.entryFeeWaived ?? 0,
    accessibility: values.accessibility?.trim() || undefined,
  };
}

/** Adds a household, a base or a person selling in the outlet, with the fees waived for them. */
export function OutletParticipantDialog({
  outlet,
  onSaved,
  onClosed,
}: {
  outlet: OutletDto;
  onSaved: (outlet: OutletDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog<OutletParticipantValues, OutletDto>
      name="outletParticipant"
      title={t('outlets.addParticipantTitle', { name: outlet.name })}
      submitLabel={t('outlets.addParticipant')}
      initialValues={{ participantKind: 'household', stallFeeWaived: 0, entryFeeWaived: 0 }}
      onSubmit={(values) => api.addOutletParticipant(outlet.id, outletParticipantRequest(values))}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <ParticipantFields />
      <Form.Item
        name="joinedOn"
        label={t('outlet.joinedOn')}
        rules={[{ required: true, message: t('outlets.form.joinedOnRequired') }]}
      >
        <DatePicker disabledDate={(date) => date.isBefore(dayjs(outlet.openedOn), 'day')} />
      </Form.Item>
      <Form.Item name="stallFeeWaived" label={t('outlet.stallFeeWaivedYuan')} extra={t('outlets.form.feeHelp')}>
        <InputNumber min={0} max={MAX_FEE} precision={2} className="amount-input" />
      </Form.Item>
      <Form.Item name="entryFeeWaived" label={t('outlet.entryFeeWaivedYuan')} extra={t('outlets.form.feeHelp')}>
        <InputNumber min={0} max={MAX_FEE} precision={2} className="amount-input" />
      </Form.Item>
      <Form.Item name="accessibility" label={t('outlet.accessibility')} extra={t('outlets.form.accessibilityHelp')}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </FormDialog>
  );
}
