import { DatePicker, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, toProblem, type HouseholdDto, type UpdateHouseholdRequest } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';
import { PersonSelect } from '../registry/PersonSelect';
import { useCountyOptions } from '../registry/useCounties';

/** The first year the registry records (registered-poor, baseline and income years). */
export const MIN_YEAR = 2000;

export interface HouseholdValues {
  countyId: string;
  headKind: 'person' | 'name';
  headPersonId?: string;
  headName?: string;
  township?: string;
  village?: string;
  isRegisteredPoor: boolean;
  registeredPoorYear?: number | null;
  poorHouseholdNumber?: string;
  povertyExitDate?: Dayjs | null;
  baselineYear?: number | null;
  baselinePerCapitaIncome?: number | null;
}

/**
 * The address, registered-poor status and baseline of the form's values. The registration year,
 * number and exit date belong to a registered-poor household only, so they are left out otherwise.
 */
export function toHouseholdRequest(values: HouseholdValues): UpdateHouseholdRequest {
  const poor = values.isRegisteredPoor;
  return {
    township: values.township?.trim() || undefined,
    village: values.village?.trim() || undefined,
    isRegisteredPoor: poor,
    registeredPoorYear: (poor && values.registeredPoorYear) || undefined,
    poorHouseholdNumber: (poor && values.poorHouseholdNumber?.trim()) || undefined,
    povertyExitDate: poor && values.povertyExitDate ? toDateOnly(values.povertyExitDate) : undefined,
    baselineYear: values.baselineYear ?? undefined,
    baselinePerCapitaIncome: values.baselinePerCapitaIncome ?? undefined,
  };
}

function HeadFields() {
  const { t } = useTranslation();
  const headKind = Form.useWatch<HouseholdValues['headKind']>('headKind');
  const countyId = Form.useWatch<string | undefined>('countyId');
  return (
    <>
      <fieldset className="form-fieldset">
        <legend>{t('household.head')}</legend>
        <Form.Item name="headKind">
          <Radio.Group
            options={[
              { value: 'person', label: t('households.memberKinds.person') },
              { value: 'name', label: t('households.memberKinds.name') },
            ]}
          />
        </Form.Item>
      </fieldset>
      {headKind === 'name' ? (
        <Form.Item
          name="headName"
          label={t('households.headName')}
          rules={[{ required: true, whitespace: true, message: t('households.memberNameRequired') }]}
        >
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
      ) : (
        <Form.Item
          name="headPersonId"
          label={t('households.headPerson')}
          extra={t('personSelect.help')}
          rules={[{ required: true, message: t('households.personRequired') }]}
        >
          <PersonSelect countyId={countyId} />
        </Form.Item>
      )}
    </>
  );
}

function PovertyFields() {
  const { t } = useTranslation();
  const poor = Form.useWatch<boolean | undefined>('isRegisteredPoor');
  if (!poor) return null;
  return (
    <>
      <Form.Item name="registeredPoorYear" label={t('household.registeredPoorYear')}>
        <InputNumber min={MIN_YEAR} max={dayjs().year()} precision={0} />
      </Form.Item>
      <Form.Item name="poorHouseholdNumber" label={t('household.poorHouseholdNumber')}>
        <Input maxLength={30} autoComplete="off" />
      </Form.Item>
      <Form.Item name="povertyExitDate" label={t('household.povertyExitDate')}>
        <DatePicker disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </>
  );
}

function initialValues(household: HouseholdDto | undefined, countyId: string | undefined): Partial<HouseholdValues> {
  if (!household) return { countyId, headKind: 'person', isRegisteredPoor: false };
  return {
    township: household.township,
    village: household.village,
    isRegisteredPoor: household.isRegisteredPoor,
    registeredPoorYear: household.registeredPoorYear,
    poorHouseholdNumber: household.poorHouseholdNumber,
    povertyExitDate: household.povertyExitDate ? dayjs(household.povertyExitDate) : null,
    baselineYear: household.baselineYear,
    baselinePerCapitaIncome: household.baselinePerCapitaIncome,
  };
}

/** Starts a household with its head, or edits one sending its version in If-Match. */
export function HouseholdDialog({
  household,
  onSaved,
  onStale,
  onClosed,
}: {
  household?: HouseholdDto;
  onSaved: (household: HouseholdDto) => void;
  onStale?: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const counties = useCountyOptions();
  const submit = async (values: HouseholdValues) => {
    const request = toHouseholdRequest(values);
    if (!household) {
      return api.createHousehold({
        ...request,
        countyId: values.countyId,
        headPersonId: values.headKind === 'person' ? values.headPersonId : undefined,
        headName: values.headKind === 'name' ? values.headName?.trim() : undefined,
      });
    }
    try {
      return await api.updateHousehold(household.id, request, `"${household.version}"`);
    } catch (error) {
      if (toProblem(error).status === 412) onStale?.();
      throw error;
    }
  };
  return (
    <FormDialog<HouseholdValues, HouseholdDto>
      name="household"
      title={household ? t('households.editTitle', { name: household.headName }) : t('households.create')}
      submitLabel={household ? t('common.save') : t('common.create')}
      initialValues={initialValues(household, user.countyId)}
      onSubmit={submit}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      {!household && (
        <>
          <Form.Item
            name="countyId"
            label={t('person.county')}
            rules={[{ required: true, message: t('persons.form.countyRequired') }]}
          >
            <Select showSearch={{ optionFilterProp: 'label' }} options={counties} disabled={!!user.countyId} />
          </Form.Item>
          <HeadFields />
        </>
      )}
      <Form.Item name="township" label={t('person.township')}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="village" label={t('person.village')}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="isRegisteredPoor" label={t('household.registeredPoor')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <PovertyFields />
      <Form.Item name="baselineYear" label={t('household.baselineYear')}>
        <InputNumber min={MIN_YEAR} max={dayjs().year()} precision={0} />
      </Form.Item>
      <Form.Item name="baselinePerCapitaIncome" label={t('household.baselinePerCapitaIncome')}>
        <InputNumber min={0} max={10_000_000} precision={2} className="amount-input" />
      </Form.Item>
    </FormDialog>
  );
}
