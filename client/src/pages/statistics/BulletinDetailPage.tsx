import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, ExportFormat, toProblem } from '../../api';
import { downloadExport } from '../../api/download';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { problemMessage } from '../../errors/problemMessage';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, formatDateTime } from '../../format';
import { NAV } from '../../nav/navigation';
import { IndicatorTable } from './IndicatorTable';
import { STATISTICS_KEY } from './useStatistics';

/** An issued bulletin: its number, title and period, the frozen table, and its files. */
export function BulletinDetailPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const bulletin = useQuery({
    queryKey: [...STATISTICS_KEY, 'bulletins', 'one', id],
    queryFn: () => api.getBulletin(id),
  });
  const download = useMutation({
    mutationFn: (format: ExportFormat) =>
      downloadExport(
        `/api/statistics/bulletins/${encodeURIComponent(id)}/export`,
        { format },
        `bulletin.${format === ExportFormat.Csv ? 'csv' : 'xlsx'}`,
      ),
    onError: (error) => void message.error(problemMessage(toProblem(error), i18n)),
  });
  if (bulletin.isPending) return <Loading />;
  if (bulletin.error) {
    return (
      <Page title={t(NAV.bulletins.labelKey)}>
        <RequestError error={bulletin.error} />
      </Page>
    );
  }
  const { data } = bulletin;
  const period = data.table.period;
  return (
    <Page
      title={data.title}
      actions={
        <Space wrap>
          {[ExportFormat.Xlsx, ExportFormat.Csv].map((format) => (
            <Button
              key={format}
              icon={<DownloadOutlined aria-hidden />}
              loading={download.isPending && download.variables === format}
              onClick={() => download.mutate(format)}
            >
              {t(`statistics.export.${format}`)}
            </Button>
          ))}
        </Space>
      }
    >
      <Flex vertical gap="large">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'number', label: t('bulletins.number'), children: data.number },
            { key: 'issuedAt', label: t('bulletins.issuedAt'), children: formatDateTime(data.issuedAt) },
            {
              key: 'period',
              label: t('bulletins.period'),
              children: t('bulletins.periodText', {
                kind: t(`statistics.period.kinds.${period.kind}`),
                from: formatDate(period.from),
                to: formatDate(period.to),
              }),
            },
            {
              key: 'scope',
              label: t('bulletins.scope'),
              children: data.table.cityWide
                ? t('statistics.cityWide')
                : data.table.counties.map((county) => county.name).join(t('common.listSeparator')),
            },
          ]}
        />
        <Card title={<h2 className="card-title">{t('bulletins.table')}</h2>}>
          <IndicatorTable table={data.table} />
        </Card>
      </Flex>
    </Page>
  );
}
