import { DatePicker, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PeriodKind } from '../../api';
import { yearChoices, type PeriodFormValues } from './period';

/**
 * A period picker's fields, inside a form whose values are PeriodFormValues: the kind (month,
 * quarter, year or a custom range), then the year and month or quarter, or the range's dates.
 */
export function PeriodFields() {
  const { t } = useTranslation();
  const kind = Form.useWatch<PeriodKind | undefined>('kind');
  const years = yearChoices().map((year) => ({ value: year, label: t('statistics.period.yearOption', { year }) }));
  return (
    <>
      <Form.Item<PeriodFormValues> name="kind" label={t('statistics.period.kind')}>
        <Select
          className="filter-select"
          options={Object.values(PeriodKind).map((value) => ({
            value,
            label: t(`statistics.period.kinds.${value}`),
          }))}
        />
      </Form.Item>
      {kind !== PeriodKind.Custom && (
        <Form.Item<PeriodFormValues> name="year" label={t('statistics.period.year')}>
          <Select className="filter-select" options={years} />
        </Form.Item>
      )}
      {kind === PeriodKind.Month && (
        <Form.Item<PeriodFormValues> name="month" label={t('statistics.period.month')}>
          <Select
            className="filter-select"
            options={Array.from({ length: 12 }, (_, index) => ({
              value: index + 1,
              label: t('statistics.period.monthOption', { month: index + 1 }),
            }))}
          />
        </Form.Item>
      )}
      {kind === PeriodKind.Quarter && (
        <Form.Item<PeriodFormValues> name="quarter" label={t('statistics.period.quarter')}>
          <Select
            className="filter-select"
            options={[1, 2, 3, 4].map((quarter) => ({
              value: quarter,
              label: t('statistics.period.quarterOption', { quarter }),
            }))}
          />
        </Form.Item>
      )}
      {kind === PeriodKind.Custom && (
        <Form.Item<PeriodFormValues> name="range" label={t('statistics.period.range')}>
          <DatePicker.RangePicker
            aria-label={t('statistics.period.range')}
            placeholder={[t('statistics.period.from'), t('statistics.period.to')]}
          />
        </Form.Item>
      )}
    </>
  );
}
