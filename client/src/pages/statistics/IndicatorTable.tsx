import { Flex, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IndicatorFigures, IndicatorTableDto } from '../../api';
import { DataTable } from '../../components/DataTable';
import { useFigureFormat, useIndicatorDefinitions, useIndicatorText, useUnitLabel } from './useStatistics';

/** The groups of a table's rows, in the order they first appear. */
function byGroup(rows: IndicatorFigures[], groupOf: (code: string) => string): [string, IndicatorFigures[]][] {
  const groups = new Map<string, IndicatorFigures[]>();
  for (const row of rows) {
    const group = groupOf(row.code);
    groups.set(group, [...(groups.get(group) ?? []), row]);
  }
  return [...groups.entries()];
}

/**
 * An indicator table (a period's or a bulletin's): one table per group of indicators, a row per
 * indicator with its definition, a column per county and the total (全市 only when city-wide).
 */
export function IndicatorTable({ table, loading }: { table: IndicatorTableDto | undefined; loading?: boolean }) {
  const { t } = useTranslation();
  const definitions = useIndicatorDefinitions();
  const text = useIndicatorText();
  const format = useFigureFormat();
  const unitLabel = useUnitLabel();
  if (!table) return null;
  const definition = (code: string) => definitions.data?.get(code);
  const columns: TableColumnsType<IndicatorFigures> = [
    {
      key: 'indicator',
      title: t('statistics.indicator'),
      fixed: 'start',
      width: 280,
      render: (_, row) => {
        const { name, definition: meaning } = text(definition(row.code), row.code);
        return (
          <Flex vertical gap={2}>
            <strong>{name}</strong>
            {meaning && (
              <Typography.Text type="secondary" className="indicator-definition">
                {meaning}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      key: 'unit',
      title: t('statistics.unit'),
      render: (_, row) => unitLabel(definition(row.code)?.unit),
    },
    ...table.counties.map((county) => ({
      key: county.id,
      title: county.name,
      align: 'end' as const,
      render: (_: unknown, row: IndicatorFigures) =>
        format(row.byCounty.find((figure) => figure.countyId === county.id)?.value ?? 0, definition(row.code)?.unit),
    })),
    {
      key: 'total',
      title: table.cityWide ? t('statistics.cityWide') : t('statistics.scopeTotal'),
      align: 'end',
      render: (_, row) => <strong>{format(row.total, definition(row.code)?.unit)}</strong>,
    },
  ];
  return (
    <Flex vertical gap="large">
      {byGroup(table.rows, (code) => definition(code)?.group ?? code.split('.')[0]).map(([group, rows]) => {
        const title = t(`statistics.groups.${group}`, { defaultValue: group });
        return (
          <div key={group}>
            <h3 className="section-title">{title}</h3>
            <DataTable<IndicatorFigures>
              caption={title}
              rowKey="code"
              columns={columns}
              dataSource={rows}
              loading={loading}
              pagination={false}
              size="small"
            />
          </div>
        );
      })}
    </Flex>
  );
}
