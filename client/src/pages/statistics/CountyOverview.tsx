import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Flex, Form, Select, Space, type TableColumnsType } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { api, IndicatorUnit, type IndicatorTableDto } from '../../api';
import { DataTable } from '../../components/DataTable';
import { RequestError } from '../../errors/ProblemAlert';
import { ChartCard } from './ChartCard';
import { CHART_COLOURS, ChartFrame, chartLabel } from './charts';
import { IndicatorName } from './IndicatorName';
import { PeriodFields } from './PeriodFields';
import {
  defaultPeriod,
  fromFormValues,
  isComplete,
  periodQuery,
  toFormValues,
  type PeriodFormValues,
  type PeriodValue,
} from './period';
import {
  KEY_INDICATORS,
  STATISTICS_KEY,
  useFigureFormat,
  useIndicatorDefinitions,
  useIndicatorText,
  useUnitLabel,
} from './useStatistics';

/** A county's row: its figures by indicator code. */
export interface CountyRow {
  id: string;
  name: string;
  figures: Record<string, number>;
}

/** The table's counties with their figure of each indicator. */
export function countyRows(table: IndicatorTableDto | undefined): CountyRow[] {
  if (!table) return [];
  return table.counties.map((county) => ({
    id: county.id,
    name: county.name,
    figures: Object.fromEntries(
      table.rows.map((row) => [row.code, row.byCounty.find((figure) => figure.countyId === county.id)?.value ?? 0]),
    ),
  }));
}

/** The key indicators of a period by county: a comparison chart of one and the county table of all. */
export function CountyOverview() {
  const { t } = useTranslation();
  const indicatorId = useId();
  const definitions = useIndicatorDefinitions();
  const text = useIndicatorText();
  const format = useFigureFormat();
  const unitLabel = useUnitLabel();
  const [period, setPeriod] = useState<PeriodValue>(defaultPeriod());
  const [code, setCode] = useState<string>(KEY_INDICATORS[0]);
  const table = useQuery({
    queryKey: [...STATISTICS_KEY, 'table', periodQuery(period), KEY_INDICATORS],
    queryFn: () => {
      const query = periodQuery(period);
      return api.getIndicators(
        query.period,
        query.year,
        query.part,
        query.from,
        query.to,
        undefined,
        KEY_INDICATORS.join(','),
      );
    },
    enabled: isComplete(period),
    placeholderData: keepPreviousData,
  });
  const rows = countyRows(table.data);
  const definition = (of: string) => definitions.data?.get(of);
  const chosen = text(definition(code), code);
  const unit = definition(code)?.unit;
  const value = (row: CountyRow) => row.figures[code] ?? 0;
  const sorted = [...rows].sort((a, b) => value(b) - value(a));
  const said = (row: CountyRow) => `${row.name} ${format(value(row), unit)}${unitLabel(unit)}`;
  const comparisonSummary =
    sorted.length === 0
      ? t('dashboard.counties.noData')
      : t('dashboard.counties.summary', {
          indicator: chosen.name,
          counties: sorted.length,
          highest: said(sorted[0]),
          lowest: said(sorted[sorted.length - 1]),
        });
  const total = table.data?.rows.find((row) => row.code === code)?.total;
  const totalLabel = table.data?.cityWide ? t('statistics.cityWide') : t('statistics.scopeTotal');

  const comparisonColumns: TableColumnsType<CountyRow> = [
    { key: 'name', title: t('statistics.county'), dataIndex: 'name' },
    {
      key: 'value',
      title: `${chosen.name}（${unitLabel(unit)}）`,
      align: 'end',
      render: (_, row) => format(value(row), unit),
    },
  ];
  const countyColumns: TableColumnsType<CountyRow> = [
    {
      key: 'name',
      title: t('statistics.county'),
      fixed: 'start',
      render: (_, row) => (
        <Flex vertical gap={2}>
          <strong>{row.name}</strong>
          <Space size="small" wrap>
            <Link
              to={`/persons?countyId=${row.id}`}
              aria-label={t('common.actionFor', { action: t('dashboard.counties.persons'), name: row.name })}
            >
              {t('dashboard.counties.persons')}
            </Link>
            <Link
              to={`/shops?countyId=${row.id}`}
              aria-label={t('common.actionFor', { action: t('dashboard.counties.shops'), name: row.name })}
            >
              {t('dashboard.counties.shops')}
            </Link>
          </Space>
        </Flex>
      ),
    },
    ...KEY_INDICATORS.map((of) => {
      const { name, definition: meaning } = text(definition(of), of);
      return {
        key: of,
        title: <IndicatorName name={name} definition={meaning} />,
        align: 'end' as const,
        render: (_: unknown, row: CountyRow) => format(row.figures[of], definition(of)?.unit),
      };
    }),
  ];

  return (
    <Flex vertical gap="large">
      <Form<PeriodFormValues>
        name="dashboardPeriod"
        layout="inline"
        className="filters"
        initialValues={toFormValues(period)}
        onValuesChange={(_, values) => setPeriod(fromFormValues(values))}
      >
        <PeriodFields />
      </Form>
      {table.error && <RequestError error={table.error} />}
      <ChartCard<CountyRow>
        title={t('dashboard.counties.comparisonTitle', { indicator: chosen.name })}
        extra={
          <>
            <label htmlFor={indicatorId} className="inline-label">
              {t('dashboard.counties.indicator')}
            </label>
            <Select
              id={indicatorId}
              className="filter-select-wide"
              value={code}
              onChange={setCode}
              options={KEY_INDICATORS.map((of) => ({ value: of, label: text(definition(of), of).name }))}
            />
          </>
        }
        columns={comparisonColumns}
        rows={rows}
        rowKey="id"
      >
        {chosen.definition && <p className="chart-note">{chosen.definition}</p>}
        {total !== undefined && (
          <p className="chart-note">
            {t('dashboard.counties.total', { scope: totalLabel, value: format(total, unit), unit: unitLabel(unit) })}
          </p>
        )}
        <ChartFrame>
          <BarChart data={rows} {...chartLabel(comparisonSummary)}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" interval={0} />
            <YAxis allowDecimals={unit === IndicatorUnit.Yuan} />
            <Tooltip />
            <Bar
              dataKey={(row: CountyRow) => value(row)}
              name={chosen.name}
              fill={CHART_COLOURS[0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ChartFrame>
      </ChartCard>
      <Card title={<h2 className="card-title">{t('dashboard.counties.tableTitle')}</h2>}>
        <DataTable<CountyRow>
          caption={t('dashboard.counties.tableTitle')}
          rowKey="id"
          columns={countyColumns}
          dataSource={rows}
          loading={table.isFetching}
          pagination={false}
          size="small"
          locale={{ emptyText: t('dashboard.counties.noData') }}
        />
      </Card>
    </Flex>
  );
}
