import { useQuery } from '@tanstack/react-query';
import { Flex, Form, Select, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type BulletinListItemDto } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, formatDateTime } from '../../format';
import { NAV } from '../../nav/navigation';
import { yearChoices } from './period';
import { STATISTICS_KEY } from './useStatistics';

/** The issued statistics bulletins (统计通报), newest first, by year. */
export function BulletinsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const yearValue = Number(params.get('year'));
  const year = Number.isInteger(yearValue) && yearValue >= 2000 ? yearValue : undefined;
  const bulletins = useQuery({
    queryKey: [...STATISTICS_KEY, 'bulletins', year],
    queryFn: () => api.getBulletins(year),
  });
  const columns: TableColumnsType<BulletinListItemDto> = [
    { key: 'number', title: t('bulletins.number'), dataIndex: 'number', className: 'nowrap' },
    {
      key: 'title',
      title: t('bulletins.title'),
      render: (_, bulletin) => <Link to={`${NAV.bulletins.path}/${bulletin.id}`}>{bulletin.title}</Link>,
    },
    {
      key: 'period',
      title: t('bulletins.period'),
      render: (_, bulletin) =>
        t('bulletins.periodText', {
          kind: t(`statistics.period.kinds.${bulletin.periodKind}`),
          from: formatDate(bulletin.from),
          to: formatDate(bulletin.to),
        }),
    },
    { key: 'counties', title: t('bulletins.counties'), dataIndex: 'counties', align: 'end' },
    { key: 'indicators', title: t('bulletins.indicators'), dataIndex: 'indicators', align: 'end' },
    {
      key: 'issuedAt',
      title: t('bulletins.issuedAt'),
      className: 'nowrap',
      render: (_, bulletin) => formatDateTime(bulletin.issuedAt),
    },
  ];
  return (
    <Page title={t(NAV.bulletins.labelKey)}>
      <Flex vertical gap="large">
        <Typography.Paragraph className="page-intro">{t('bulletins.intro')}</Typography.Paragraph>
        <Form
          name="bulletinFilters"
          layout="inline"
          className="filters"
          initialValues={{ year }}
          onValuesChange={(_, values: { year?: number }) =>
            setParams(values.year ? { year: String(values.year) } : {}, { replace: true })
          }
        >
          <Form.Item name="year" label={t('statistics.period.year')}>
            <Select
              allowClear
              placeholder={t('bulletins.allYears')}
              className="filter-select"
              options={yearChoices().map((option) => ({
                value: option,
                label: t('statistics.period.yearOption', { year: option }),
              }))}
            />
          </Form.Item>
        </Form>
        {bulletins.error && <RequestError error={bulletins.error} />}
        <DataTable<BulletinListItemDto>
          caption={t(NAV.bulletins.labelKey)}
          rowKey="id"
          columns={columns}
          dataSource={bulletins.data}
          loading={bulletins.isFetching}
          pagination={false}
          locale={{ emptyText: t('bulletins.none') }}
        />
      </Flex>
    </Page>
  );
}
