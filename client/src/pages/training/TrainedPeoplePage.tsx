import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Descriptions, Flex, Form, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api, type TrainedPeopleCount, type TrainedPeopleDto } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, toDateOnly } from '../../format';
import { TRAINED_PEOPLE_KEY } from './useCourse';

interface Period {
  from: string;
  to: string;
}

interface PeriodValues {
  from: Dayjs;
  to: Dayjs;
}

/**
 * The period in the address; else the period of the programme running today, or of the newest one,
 * or without programmes the current year.
 */
function usePeriod(): [Period | undefined, (period: Period) => void] {
  const [params, setParams] = useSearchParams();
  const programmes = useQuery({ queryKey: ['programmes'], queryFn: () => api.getProgrammes() });
  const setPeriod = (period: Period) => setParams({ ...period });
  const from = params.get('from');
  const to = params.get('to');
  if (from && to) return [{ from, to }, setPeriod];
  if (programmes.isPending) return [undefined, setPeriod];
  const today = toDateOnly(dayjs());
  const programme =
    programmes.data?.find((candidate) => candidate.periodStart <= today && today <= candidate.periodEnd) ??
    programmes.data?.[0];
  return [
    programme
      ? { from: programme.periodStart, to: programme.periodEnd }
      : { from: toDateOnly(dayjs().startOf('year')), to: toDateOnly(dayjs().endOf('year')) },
    setPeriod,
  ];
}

function Counts({ counts }: { counts: TrainedPeopleDto }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<TrainedPeopleCount> = [
    { key: 'county', title: t('person.county'), dataIndex: 'countyName' },
    { key: 'persons', title: t('trainedPeople.persons'), dataIndex: 'persons', align: 'right' },
    { key: 'familyMembers', title: t('trainedPeople.familyMembers'), dataIndex: 'familyMembers', align: 'right' },
    {
      key: 'committeeMembers',
      title: t('trainedPeople.committeeMembers'),
      dataIndex: 'committeeMembers',
      align: 'right',
    },
  ];
  const period = t('course.dateRange', { start: formatDate(counts.from), end: formatDate(counts.to) });
  return (
    <>
      <Card title={<h2 className="card-title">{t('trainedPeople.totalTitle', { period })}</h2>}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'persons', label: t('trainedPeople.persons'), children: counts.persons },
            { key: 'familyMembers', label: t('trainedPeople.familyMembers'), children: counts.familyMembers },
            { key: 'committeeMembers', label: t('trainedPeople.committeeMembers'), children: counts.committeeMembers },
          ]}
        />
      </Card>
      <Card title={<h2 className="card-title">{t('trainedPeople.byCountyTitle')}</h2>}>
        <DataTable<TrainedPeopleCount>
          rowKey="countyId"
          caption={t('trainedPeople.byCountyCaption', { period })}
          columns={columns}
          dataSource={counts.byCounty}
          pagination={false}
        />
      </Card>
    </>
  );
}

/**
 * Trained people in a period: distinct disabled persons who completed a course, and family members
 * and specialist committee members counted separately, in total and by county.
 */
export function TrainedPeoplePage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<PeriodValues>();
  const [period, setPeriod] = usePeriod();
  const counts = useQuery({
    queryKey: [...TRAINED_PEOPLE_KEY, period],
    queryFn: () => api.getTrainedPeople(period!.from, period!.to),
    enabled: !!period,
    placeholderData: keepPreviousData,
  });

  return (
    <Page title={t('trainedPeople.title')}>
      <Flex vertical gap="large">
        <Typography.Paragraph>{t('trainedPeople.intro')}</Typography.Paragraph>
        {period && (
          <Form<PeriodValues>
            // The default period arrives with the programmes: start the form again from it.
            key={`${period.from}-${period.to}`}
            form={form}
            name="trainedPeriod"
            layout="inline"
            className="filters"
            initialValues={{ from: dayjs(period.from), to: dayjs(period.to) }}
            onFinish={({ from, to }) => setPeriod({ from: toDateOnly(from), to: toDateOnly(to) })}
          >
            <Form.Item
              name="from"
              label={t('trainedPeople.from')}
              rules={[{ required: true, message: t('trainedPeople.fromRequired') }]}
            >
              <DatePicker allowClear={false} />
            </Form.Item>
            <Form.Item
              name="to"
              label={t('trainedPeople.to')}
              dependencies={['from']}
              rules={[
                { required: true, message: t('trainedPeople.toRequired') },
                ({ getFieldValue }) => ({
                  validator: (_, to: Dayjs | undefined) =>
                    !to || !to.isBefore(getFieldValue('from'), 'day')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('problems.period.invalid'))),
                }),
              ]}
            >
              <DatePicker allowClear={false} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit">
                {t('common.search')}
              </Button>
            </Form.Item>
          </Form>
        )}
        {counts.error && <RequestError error={counts.error} />}
        {counts.data ? <Counts counts={counts.data} /> : !counts.error && <Loading />}
      </Flex>
    </Page>
  );
}
