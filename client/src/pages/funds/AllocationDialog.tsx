import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, FundLevel, type FundAllocationDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { useCountyOptions } from '../registry/useCounties';

interface AllocationValues {
  year: number;
  level: FundLevel;
  countyId?: string;
  amount: number;
  documentNumber: string;
  note?: string;
}

/**
 * Records an allocation (资金拨付) from the disability employment security fund: year, the level of
 * government it comes from, the county it goes to (none: held by the city for city-level awards; a
 * county officer records their own county's), amount and the allocating document's number (文号).
 */
export function AllocationDialog({ onSaved, onClosed }: { onSaved: () => void; onClosed: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const counties = useCountyOptions();
  const countyOfficer = !!user.countyId;
  return (
    <FormDialog<AllocationValues, FundAllocationDto>
      name="allocation"
      title={t('funds.allocations.create')}
      submitLabel={t('common.create')}
      initialValues={{
        year: new Date().getFullYear(),
        level: countyOfficer ? FundLevel.County : FundLevel.City,
        countyId: user.countyId,
      }}
      onSubmit={({ year, level, countyId, amount, documentNumber, note }) =>
        api.createFundAllocation({
          year,
          level,
          countyId: countyId || undefined,
          amount,
          documentNumber: documentNumber.trim(),
          note: note?.trim() || undefined,
        })
      }
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item name="year" label={t('funds.year')} rules={[{ required: true, message: t('funds.yearRequired') }]}>
        <InputNumber min={2000} max={2100} precision={0} />
      </Form.Item>
      <Form.Item name="level" label={t('funds.level')} rules={[{ required: true, message: t('funds.levelRequired') }]}>
        <Radio.Group>
          {Object.values(FundLevel).map((level) => (
            <Radio key={level} value={level}>
              {t(`fund.levels.${level}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="countyId"
        label={t('funds.county')}
        extra={countyOfficer ? t('funds.allocations.countyHelp') : t('funds.allocations.cityHelp')}
        rules={countyOfficer ? [{ required: true, message: t('funds.countyRequired') }] : []}
      >
        <Select
          allowClear={!countyOfficer}
          disabled={countyOfficer}
          placeholder={t('funds.cityHeld')}
          options={counties}
        />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('funds.amountYuan')}
        rules={[{ required: true, message: t('funds.amountRequired') }]}
      >
        <InputNumber min={0.01} max={1_000_000_000} precision={2} className="amount-input" />
      </Form.Item>
      <Form.Item
        name="documentNumber"
        label={t('funds.documentNumber')}
        extra={t('funds.documentNumberHelp')}
        rules={[{ required: true, whitespace: true, message: t('funds.documentNumberRequired') }]}
      >
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="note" label={t('funds.note')}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </FormDialog>
  );
}
