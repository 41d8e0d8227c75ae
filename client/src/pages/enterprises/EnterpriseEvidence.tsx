import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { Loading } from '../../components/Loading';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, toDateOnly } from '../../format';
import { ENTERPRISES_KEY } from './useEnterprises';

interface Values {
  date: Dayjs;
  year: Dayjs;
}

/** One figure with its definition beneath: what exactly is counted, so a reader can check it. */
function Count({ label, value, definition }: { label: string; value: number; definition: string }) {
  return (
    <div className="evidence-count">
      <dt>{label}</dt>
      <dd className="evidence-figure">{value}</dd>
      <dd className="evidence-definition">{definition}</dd>
    </div>
  );
}

/**
 * The enterprise's evidence for the recognitions, counted over every county's records: bases with a
 * supply agreement in force and disabled people it employs on a date (default today), and households
 * whose products it carried stably in a year (default last year).
 */
export function EnterpriseEvidence({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [shown, setShown] = useState(() => ({ date: toDateOnly(dayjs()), year: dayjs().year() - 1 }));
  const evidence = useQuery({
    queryKey: [...ENTERPRISES_KEY, 'evidence', enterpriseId, shown],
    queryFn: () => api.getEnterpriseEvidence(enterpriseId, shown.date, shown.year),
    placeholderData: keepPreviousData,
  });
  const counts = evidence.data;
  return (
    <Card title={<h2 className="card-title">{t('enterprises.evidence.title')}</h2>}>
      <Flex vertical gap="middle">
        <Form<Values>
          form={form}
          name="evidence"
          layout="inline"
          className="filters"
          initialValues={{ date: dayjs(shown.date), year: dayjs().year(shown.year) }}
          onFinish={({ date, year }) => setShown({ date: toDateOnly(date), year: year.year() })}
        >
          <Form.Item
            name="date"
            label={t('enterprises.evidence.date')}
            rules={[{ required: true, message: t('enterprises.evidence.dateRequired') }]}
          >
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item
            name="year"
            label={t('enterprises.evidence.year')}
            rules={[{ required: true, message: t('enterprises.evidence.yearRequired') }]}
          >
            <DatePicker
              picker="year"
              allowClear={false}
              disabledDate={(year) => year.year() < 2000 || year.year() > 2100}
            />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit">{t('enterprises.evidence.show')}</Button>
          </Form.Item>
        </Form>
        {evidence.error && <RequestError error={evidence.error} />}
        {counts ? (
          <dl className="evidence-counts">
            <Count
              label={t('enterprises.evidence.bases')}
              value={counts.basesWithActiveAgreements}
              definition={t('enterprises.evidence.basesDefinition', { date: formatDate(counts.date) })}
            />
            <Count
              label={t('enterprises.evidence.employees')}
              value={counts.disabledEmployees}
              definition={t('enterprises.evidence.employeesDefinition', { date: formatDate(counts.date) })}
            />
            <Count
              label={t('enterprises.evidence.households')}
              value={counts.stablyLinkedHouseholds}
              definition={t('enterprises.evidence.householdsDefinition', {
                year: counts.year,
                months: counts.stableLinkMonths,
              })}
            />
          </dl>
        ) : (
          !evidence.error && <Loading />
        )}
      </Flex>
    </Card>
  );
}
