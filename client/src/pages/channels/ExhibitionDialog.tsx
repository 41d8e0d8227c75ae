import { DatePicker, Form, Input, InputNumber, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  api,
  EventMode,
  type CreateExhibitionCommand,
  type ExhibitionDto,
  type ExhibitionParticipantRequest,
  type ExhibitionResultsRequest,
} from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';
import { CountyOrCityField } from './CountyOrCityField';
import { ParticipantFields, participantRequest, type ParticipantValues } from './participant';
import { EVENT_MODES } from './useChannels';

/** The largest amount the forms take, in yuan. */
const MAX_AMOUNT = 100_000_000;

interface ExhibitionValues {
  countyId?: string;
  name: string;
  mode: EventMode;
  startDate: Dayjs;
  endDate: Dayjs;
}

export function exhibitionRequest(values: ExhibitionValues): CreateExhibitionCommand {
  return {
    countyId: values.countyId || undefined,
    name: values.name.trim(),
    mode: values.mode,
    startDate: toDateOnly(values.startDate),
    endDate: toDateOnly(values.endDate),
  };
}

/** Records an exhibition or sales event (展销活动) of a county, or of the city. */
export function ExhibitionDialog({
  onSaved,
  onClosed,
}: {
  onSaved: (exhibition: ExhibitionDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <FormDialog<ExhibitionValues, ExhibitionDto>
      name="exhibition"
      title={t('exhibitions.create')}
      submitLabel={t('common.create')}
      initialValues={{ countyId: user.countyId, mode: EventMode.Offline }}
      onSubmit={(values) => api.createExhibition(exhibitionRequest(values))}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <CountyOrCityField />
      <Form.Item
        name="name"
        label={t('exhibition.name')}
        rules={[{ required: true, whitespace: true, message: t('exhibitions.form.nameRequired') }]}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <fieldset className="form-fieldset">
        <legend>{t('exhibition.mode')}</legend>
        <Form.Item name="mode">
          <Radio.Group options={EVENT_MODES.map((value) => ({ value, label: t(`exhibition.modes.${value}`) }))} />
        </Form.Item>
      </fieldset>
      <Form.Item
        name="startDate"
        label={t('exhibition.startDate')}
        rules={[{ required: true, message: t('evidence.startDateRequired') }]}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item
        name="endDate"
        label={t('exhibition.endDate')}
        dependencies={['startDate']}
        rules={[
          { required: true, message: t('exhibitions.form.endDateRequired') },
          ({ getFieldValue }) => ({
            validator: (_, end: Dayjs | undefined) =>
              !end || !end.isBefore(getFieldValue('startDate'), 'day')
                ? Promise.resolve()
                : Promise.reject(new Error(t('problems.dates.end_before_start'))),
          }),
        ]}
      >
        <DatePicker />
      </Form.Item>
    </FormDialog>
  );
}

interface ExhibitionParticipantValues extends ParticipantValues {
  sales: number;
}

export function exhibitionParticipantRequest(values: ExhibitionParticipantValues): ExhibitionParticipantRequest {
  return { participant: participantRequest(values), sales: values.sales ?? 0 };
}

/** Adds a household, a base or a person that took part in the event, with what they sold. */
export function ExhibitionParticipantDialog({
  exhibition,
  onSaved,
  onClosed,
}: {
  exhibition: ExhibitionDto;
  onSaved: (exhibition: ExhibitionDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog<ExhibitionParticipantValues, ExhibitionDto>
      name="exhibitionParticipant"
      title={t('exhibitions.addParticipantTitle', { name: exhibition.name })}
      submitLabel={t('exhibitions.addParticipant')}
      initialValues={{ participantKind: 'household', sales: 0 }}
      onSubmit={(values) => api.addExhibitionParticipant(exhibition.id, exhibitionParticipantRequest(values))}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <ParticipantFields />
      <Form.Item name="sales" label={t('exhibition.salesYuan')} extra={t('exhibitions.form.salesHelp')}>
        <InputNumber min={0} max={MAX_AMOUNT} precision={2} className="amount-input" />
      </Form.Item>
    </FormDialog>
  );
}

interface ResultsValues {
  salesAmount: number;
  fundingAmount: number;
  fundingSource?: string;
}

export function resultsRequest(values: ResultsValues): ExhibitionResultsRequest {
  return {
    salesAmount: values.salesAmount,
    fundingAmount: values.fundingAmount,
    fundingSource: values.fundingSource?.trim() || undefined,
  };
}

/** Records the event's total sales and the funding spent on it, with where the funding came from. */
export function ExhibitionResultsDialog({
  exhibition,
  onSaved,
  onClosed,
}: {
  exhibition: ExhibitionDto;
  onSaved: (exhibition: ExhibitionDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog<ResultsValues, ExhibitionDto>
      name="exhibitionResults"
      title={t('exhibitions.resultsTitle', { name: exhibition.name })}
      submitLabel={t('common.save')}
      initialValues={{
        salesAmount: exhibition.salesAmount,
        fundingAmount: exhibition.fundingAmount,
        fundingSource: exhibition.fundingSource,
      }}
      onSubmit={(values) => api.recordExhibitionResults(exhibition.id, resultsRequest(values))}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item
        name="salesAmount"
        label={t('exhibition.salesAmountYuan')}
        rules={[{ required: true, message: t('exhibitions.form.salesAmountRequired') }]}
      >
        <InputNumber min={0} max={MAX_AMOUNT} precision={2} className="amount-input" />
      </Form.Item>
      <Form.Item
        name="fundingAmount"
        label={t('exhibition.fundingAmountYuan')}
        rules={[{ required: true, message: t('exhibitions.form.fundingAmountRequired') }]}
      >
        <InputNumber min={0} max={MAX_AMOUNT} precision={2} className="amount-input" />
      </Form.Item>
      <Form.Item
        name="fundingSource"
        label={t('exhibition.fundingSource')}
        extra={t('exhibitions.form.fundingSourceHelp')}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
    </FormDialog>
  );
}
