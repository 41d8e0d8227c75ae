import { DownloadOutlined, NotificationOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, ExportFormat, toProblem, type BulletinDto } from '../../api';
import { downloadExport } from '../../api/download';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { Page } from '../../components/Page';
import { problemMessage } from '../../errors/problemMessage';
import { RequestError } from '../../errors/ProblemAlert';
import { NAV, PERMISSIONS } from '../../nav/navigation';
import { useCountyOptions } from '../registry/useCounties';
import { IndicatorTable } from './IndicatorTable';
import { PeriodFields } from './PeriodFields';
import {
  fromFormValues,
  isComplete,
  periodFromParams,
  periodQuery,
  periodToParams,
  toFormValues,
  type PeriodFormValues,
  type PeriodValue,
} from './period';
import { STATISTICS_KEY } from './useStatistics';

interface FilterValues extends PeriodFormValues {
  countyId?: string;
}

/** The bulletin's number and period in its default title: 2026年第3季度统计通报. */
function useDefaultTitle() {
  const { t } = useTranslation();
  return (period: PeriodValue) =>
    t(`statistics.bulletin.defaultTitle.${period.kind}`, {
      year: period.year,
      part: period.part,
      from: period.from,
      to: period.to,
    });
}

/**
 * The statistics (统计数据) of a period: every indicator by county with its definition, exported as
 * XLSX or CSV, and issued as a numbered bulletin (writers). The period and county are kept in the address.
 */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const counties = useCountyOptions();
  const defaultTitle = useDefaultTitle();
  const [params, setParams] = useSearchParams();
  const [issuing, setIssuing] = useState(false);
  const period = periodFromParams(params);
  const cityOfficer = !user.countyId;
  const countyId = cityOfficer ? (params.get('countyId') ?? undefined) : undefined;
  const query = periodQuery(period);
  const complete = isComplete(period);
  const canIssue = user.permissions.includes(PERMISSIONS.programmeWrite);

  const table = useQuery({
    queryKey: [...STATISTICS_KEY, 'table', query, countyId],
    queryFn: () => api.getIndicators(query.period, query.year, query.part, query.from, query.to, countyId),
    enabled: complete,
    placeholderData: keepPreviousData,
  });

  const exporting = useMutation({
    mutationFn: (format: ExportFormat) =>
      downloadExport(
        '/api/statistics/export',
        { ...query, countyId, format },
        format === ExportFormat.Csv ? 'statistics.csv' : 'statistics.xlsx',
      ),
    onError: (error) => void message.error(problemMessage(toProblem(error), i18n)),
  });

  const applyFilters = (values: FilterValues) => {
    const next = fromFormValues(values);
    setParams(
      { ...periodToParams(next), ...(values.countyId ? { countyId: values.countyId } : {}) },
      { replace: true },
    );
  };

  const data = table.data;
  return (
    <Page
      title={t(NAV.statistics.labelKey)}
      actions={
        <Space wrap>
          {[ExportFormat.Xlsx, ExportFormat.Csv].map((format) => (
            <Button
              key={format}
              icon={<DownloadOutlined aria-hidden />}
              disabled={!complete}
              loading={exporting.isPending && exporting.variables === format}
              onClick={() => exporting.mutate(format)}
            >
              {t(`statistics.export.${format}`)}
            </Button>
          ))}
          {canIssue && (
            <Button
              type="primary"
              icon={<NotificationOutlined aria-hidden />}
              disabled={!complete}
              onClick={() => setIssuing(true)}
            >
              {t('statistics.bulletin.issue')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap="large">
        <Typography.Paragraph className="page-intro">{t('statistics.intro')}</Typography.Paragraph>
        <Form<FilterValues>
          name="statisticsFilters"
          layout="inline"
          className="filters"
          initialValues={{ ...toFormValues(period), countyId }}
          onValuesChange={(_, values) => applyFilters(values)}
        >
          <PeriodFields />
          {cityOfficer && (
            <Form.Item<FilterValues> name="countyId" label={t('statistics.county')}>
              <Select
                allowClear
                placeholder={t('statistics.allCounties')}
                className="filter-select"
                options={counties}
              />
            </Form.Item>
          )}
        </Form>
        {!complete && <Typography.Text type="secondary">{t('statistics.period.incomplete')}</Typography.Text>}
        {table.error && <RequestError error={table.error} />}
        {data && (
          <Card
            title={
              <h2 className="card-title">
                {t('statistics.periodHeading', { from: data.period.from, to: data.period.to })}
              </h2>
            }
          >
            {data.period.salesFrom && data.period.salesTo && (
              <Typography.Paragraph type="secondary">
                {t('statistics.salesMonths', {
                  from: dayjs(data.period.salesFrom).format('YYYY-MM'),
                  to: dayjs(data.period.salesTo).format('YYYY-MM'),
                })}
              </Typography.Paragraph>
            )}
            <IndicatorTable table={data} loading={table.isFetching} />
          </Card>
        )}
      </Flex>
      {issuing && (
        <FormDialog<{ title: string }, BulletinDto>
          name="issueBulletin"
          title={t('statistics.bulletin.issue')}
          submitLabel={t('statistics.bulletin.issueSubmit')}
          initialValues={{ title: defaultTitle(period) }}
          onSubmit={({ title }) => api.issueBulletin({ title: title.trim(), ...query, countyId })}
          onSuccess={(bulletin) => {
            void queryClient.invalidateQueries({ queryKey: [...STATISTICS_KEY, 'bulletins'] });
            void navigate(`${NAV.bulletins.path}/${bulletin.id}`);
          }}
          onClosed={() => setIssuing(false)}
        >
          <Typography.Paragraph>{t('statistics.bulletin.issueIntro')}</Typography.Paragraph>
          <Form.Item
            name="title"
            label={t('statistics.bulletin.title')}
            rules={[
              { required: true, whitespace: true, message: t('statistics.bulletin.titleRequired') },
              { max: 200, message: t('statistics.bulletin.titleTooLong') },
            ]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </FormDialog>
      )}
    </Page>
  );
}
