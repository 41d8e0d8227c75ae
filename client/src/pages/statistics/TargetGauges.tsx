import { useQuery } from '@tanstack/react-query';
import { Col, Empty, Progress, Row, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type ScopeProgressDto, type TargetProgressDto } from '../../api';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate } from '../../format';
import { ChartCard } from './ChartCard';
import { IndicatorName } from './IndicatorName';
import { STATISTICS_KEY, useFigureFormat, useIndicatorDefinitions, useIndicatorText } from './useStatistics';

type ScopeRow = ScopeProgressDto & { key: string };

/** The gauges, in order; the households with income up are measured against the households target. */
export const GAUGE_CODES = [
  'training.persons',
  'leaders.prosperity',
  'chain.households',
  'chain.households_income_up',
] as const;

export function percentOf(figure: TargetProgressDto | undefined): number {
  if (!figure || figure.target <= 0) return 0;
  return Math.round((figure.actual / figure.target) * 1000) / 10;
}

/** Targets against actual figures (目标完成情况) for the caller's scope, and each county in the table. */
export function TargetGauges({ countyId }: { countyId?: string }) {
  const { t } = useTranslation();
  const definitions = useIndicatorDefinitions();
  const text = useIndicatorText();
  const format = useFigureFormat();
  const progress = useQuery({
    queryKey: [...STATISTICS_KEY, 'progress', countyId],
    queryFn: () => api.getTargetProgress(undefined, countyId),
  });
  const title = t('dashboard.targets.title');
  if (progress.error) return <RequestError error={progress.error} />;
  const report = progress.data;
  const scope = report?.scopes.find((candidate) => !candidate.countyId) ?? report?.scopes[0];
  const name = (code: string) => text(definitions.data?.get(code), code);
  const figure = (of: ScopeProgressDto, code: string) => of.figures.find((candidate) => candidate.code === code);
  const said = (of: ScopeProgressDto, code: string) => {
    const value = figure(of, code);
    return t('dashboard.targets.figure', {
      actual: format(value?.actual ?? 0, undefined),
      target: format(value?.target ?? 0, undefined),
      percent: percentOf(value),
    });
  };
  const columns: TableColumnsType<ScopeRow> = [
    { key: 'name', title: t('dashboard.targets.scope'), dataIndex: 'name' },
    ...GAUGE_CODES.map((code) => ({
      key: code,
      title: name(code).name,
      render: (_: unknown, row: ScopeRow) => said(row, code),
    })),
    {
      key: 'targetDate',
      title: t('dashboard.targets.targetDate'),
      render: (_: unknown, row: ScopeRow) => formatDate(row.targetDate),
    },
  ];
  return (
    <ChartCard<ScopeRow>
      title={title}
      columns={columns}
      rows={report?.scopes.map((row) => ({ ...row, key: row.countyId ?? 'scope' }))}
      rowKey="key"
    >
      {report && (
        <Typography.Paragraph type="secondary">
          {t('dashboard.targets.period', {
            programme: report.programmeName,
            from: formatDate(report.from),
            to: formatDate(report.to),
          })}
        </Typography.Paragraph>
      )}
      {progress.isPending && <Progress type="dashboard" percent={0} aria-label={t('common.loading')} />}
      {scope && scope.figures.length === 0 && <Empty description={t('dashboard.targets.none')} />}
      {scope && (
        <Row gutter={[16, 16]}>
          {GAUGE_CODES.map((code) => {
            const value = figure(scope, code);
            const { name: label, definition } = name(code);
            return (
              <Col key={code} xs={12} lg={6} className="gauge">
                <Progress type="dashboard" percent={percentOf(value)} aria-hidden size={120} />
                <div className="gauge-label">
                  <IndicatorName name={label} definition={definition} />
                </div>
                <div className="gauge-figure">{said(scope, code)}</div>
              </Col>
            );
          })}
        </Row>
      )}
    </ChartCard>
  );
}
