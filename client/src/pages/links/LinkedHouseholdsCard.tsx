import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Descriptions, Flex, Form, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { Loading } from '../../components/Loading';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, toDateOnly } from '../../format';
import { useCountyOptions } from '../registry/useCounties';
import { LINKS_KEY } from './useLinks';

interface Values {
  date: Dayjs;
  countyId?: string;
}

/**
 * Households brought into the chain (带动) on a date: distinct households with a benefit link in force,
 * and how many of them are registered-poor. A county officer sees their county; a city officer the
 * city or one county.
 */
export function LinkedHouseholdsCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const counties = useCountyOptions();
  const [form] = Form.useForm<Values>();
  const [shown, setShown] = useState<{ date: string; countyId?: string }>({ date: toDateOnly(dayjs()) });
  const counts = useQuery({
    queryKey: [...LINKS_KEY, 'households', shown],
    queryFn: () => api.getLinkedHouseholds(shown.date, shown.countyId),
    placeholderData: keepPreviousData,
  });
  const scope = user.countyId
    ? user.countyName
    : (counties.find((county) => county.value === counts.data?.countyId)?.label ?? t('linkedHouseholds.city'));
  return (
    <Card title={<h2 className="card-title">{t('linkedHouseholds.title')}</h2>}>
      <Flex vertical gap="middle">
        <Typography.Paragraph>{t('linkedHouseholds.definition')}</Typography.Paragraph>
        <Form<Values>
          form={form}
          name="linkedHouseholds"
          layout="inline"
          className="filters"
          initialValues={{ date: dayjs() }}
          onFinish={({ date, countyId }) => setShown({ date: toDateOnly(date), countyId })}
        >
          <Form.Item
            name="date"
            label={t('linkedHouseholds.date')}
            rules={[{ required: true, message: t('linkedHouseholds.dateRequired') }]}
          >
            <DatePicker allowClear={false} />
          </Form.Item>
          {!user.countyId && (
            <Form.Item name="countyId" label={t('linkedHouseholds.county')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                className="filter-select"
                placeholder={t('linkedHouseholds.city')}
                options={counties}
              />
            </Form.Item>
          )}
          <Form.Item>
            <Button htmlType="submit">{t('linkedHouseholds.show')}</Button>
          </Form.Item>
        </Form>
        {counts.error && <RequestError error={counts.error} />}
        {counts.data ? (
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              {
                key: 'scope',
                label: t('linkedHouseholds.scope'),
                children: t('linkedHouseholds.scopeOn', { scope, date: formatDate(counts.data.date) }),
              },
              { key: 'households', label: t('linkedHouseholds.households'), children: counts.data.households },
              {
                key: 'registeredPoor',
                label: t('linkedHouseholds.registeredPoor'),
                children: counts.data.registeredPoorHouseholds,
              },
            ]}
          />
        ) : (
          !counts.error && <Loading />
        )}
      </Flex>
    </Card>
  );
}
