import { useQuery } from '@tanstack/react-query';
import { Col, Row, Select, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { api, type MonthlyTrendDto } from '../../api';
import { RequestError } from '../../errors/ProblemAlert';
import { formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { ChartCard } from './ChartCard';
import { CHART_COLOURS, ChartFrame, chartLabel } from './charts';
import { yearChoices } from './period';
import { STATISTICS_KEY } from './useStatistics';

interface MonthRow extends MonthlyTrendDto {
  label: string;
}

/** The month of the year with the highest value, as its label; none when all are zero. */
function peak(rows: MonthRow[], value: (row: MonthRow) => number): MonthRow | undefined {
  return rows.reduce<MonthRow | undefined>(
    (best, row) => (value(row) > (best ? value(best) : 0) ? row : best),
    undefined,
  );
}

/** Monthly trends of a year (月度趋势): sales amount and orders; shops opened and people trained. */
export function TrendCharts({ countyId }: { countyId?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const yearId = useId();
  // The year of last month: sales arrive by month, so in January the latest figures are last year's.
  const [year, setYear] = useState(dayjs().subtract(1, 'month').year());
  const trends = useQuery({
    queryKey: [...STATISTICS_KEY, 'trends', year, countyId],
    queryFn: () => api.getMonthlyTrends(year, countyId),
  });
  const rows: MonthRow[] = (trends.data?.months ?? []).map((month) => ({
    ...month,
    label: t('statistics.period.monthOption', { month: dayjs(month.month).month() + 1 }),
  }));
  const sum = (value: (row: MonthRow) => number) => rows.reduce((total, row) => total + value(row), 0);
  const count = (value: number) => value.toLocaleString(language);
  const yuan = (value: number) => formatYuan(value, language);
  const salesPeak = peak(rows, (row) => row.salesAmount);
  const salesSummary = t('dashboard.trends.salesSummary', {
    year,
    amount: yuan(sum((row) => row.salesAmount)),
    orders: count(sum((row) => row.salesOrders)),
    peak: salesPeak ? t('dashboard.trends.peak', { month: salesPeak.label }) : t('dashboard.trends.noPeak'),
  });
  const growthSummary = t('dashboard.trends.growthSummary', {
    year,
    shops: count(sum((row) => row.shopsOpened)),
    trained: count(sum((row) => row.trainedPersons)),
  });
  const names = {
    salesAmount: t('dashboard.trends.salesAmount'),
    salesOrders: t('dashboard.trends.salesOrders'),
    shopsOpened: t('dashboard.trends.shopsOpened'),
    trainedPersons: t('dashboard.trends.trainedPersons'),
  };
  const monthColumn = { key: 'month', title: t('dashboard.trends.month'), dataIndex: 'label' };
  const salesColumns: TableColumnsType<MonthRow> = [
    monthColumn,
    { key: 'salesAmount', title: names.salesAmount, align: 'end', render: (_, row) => yuan(row.salesAmount) },
    { key: 'salesOrders', title: names.salesOrders, align: 'end', render: (_, row) => count(row.salesOrders) },
  ];
  const growthColumns: TableColumnsType<MonthRow> = [
    monthColumn,
    { key: 'shopsOpened', title: names.shopsOpened, align: 'end', render: (_, row) => count(row.shopsOpened) },
    { key: 'trainedPersons', title: names.trainedPersons, align: 'end', render: (_, row) => count(row.trainedPersons) },
  ];
  const yearSelect = (
    <>
      <label htmlFor={yearId} className="inline-label">
        {t('statistics.period.year')}
      </label>
      <Select
        id={yearId}
        className="filter-select"
        value={year}
        onChange={setYear}
        options={yearChoices().map((option) => ({
          value: option,
          label: t('statistics.period.yearOption', { year: option }),
        }))}
      />
    </>
  );
  return (
    <>
      {trends.error && <RequestError error={trends.error} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ChartCard<MonthRow>
            title={t('dashboard.trends.salesTitle', { year })}
            extra={yearSelect}
            columns={salesColumns}
            rows={rows}
            rowKey="month"
          >
            <ChartFrame>
              <ComposedChart data={rows} {...chartLabel(salesSummary)}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" />
                <YAxis yAxisId="amount" />
                <YAxis yAxisId="orders" orientation="right" allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar
                  yAxisId="amount"
                  dataKey="salesAmount"
                  name={names.salesAmount}
                  fill={CHART_COLOURS[0]}
                  isAnimationActive={false}
                />
                <Line
                  yAxisId="orders"
                  dataKey="salesOrders"
                  name={names.salesOrders}
                  stroke={CHART_COLOURS[1]}
                  strokeWidth={2}
                  isAnimationActive={false}
                />
              </ComposedChart>
            </ChartFrame>
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard<MonthRow>
            title={t('dashboard.trends.growthTitle', { year })}
            columns={growthColumns}
            rows={rows}
            rowKey="month"
          >
            <ChartFrame>
              <ComposedChart data={rows} {...chartLabel(growthSummary)}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar dataKey="shopsOpened" name={names.shopsOpened} fill={CHART_COLOURS[2]} isAnimationActive={false} />
                <Line
                  dataKey="trainedPersons"
                  name={names.trainedPersons}
                  stroke={CHART_COLOURS[3]}
                  strokeWidth={2}
                  isAnimationActive={false}
                />
              </ComposedChart>
            </ChartFrame>
          </ChartCard>
        </Col>
      </Row>
    </>
  );
}
