import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Select, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, EventMode, type ExhibitionDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { enumValue, PAGE_SIZES, useListState } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, formatYuan, toDateOnly } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { PERMISSIONS } from '../../nav/navigation';
import { dateValue } from '../evidence/dated';
import { useCountyName } from './CountyOrCityField';
import { ExhibitionDialog } from './ExhibitionDialog';
import { EVENT_MODES, EXHIBITIONS_KEY, useSavedExhibition } from './useChannels';

const FILTER_KEYS = ['mode', 'from', 'to'] as const;

interface FilterValues {
  mode?: string;
  from?: Dayjs;
  to?: Dayjs;
}

/** Exhibitions and sales events (展销活动) of the officer's county and of the city, latest first. */
export function ExhibitionsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const saved = useSavedExhibition();
  const countyName = useCountyName();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<FilterValues>();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;
  const from = dateValue(filters.from);
  const to = dateValue(filters.to);

  const exhibitions = useQuery({
    queryKey: [...EXHIBITIONS_KEY, filters, list.page, list.pageSize],
    queryFn: () =>
      api.getExhibitions(
        enumValue(EventMode, filters.mode),
        from && toDateOnly(from),
        to && toDateOnly(to),
        list.page,
        list.pageSize,
      ),
    placeholderData: keepPreviousData,
  });

  const yuan = (value: number) => formatYuan(value, language);
  const columns: TableColumnsType<ExhibitionDto> = [
    {
      key: 'name',
      title: t('exhibition.name'),
      render: (_, exhibition) => <Link to={`/exhibitions/${exhibition.id}`}>{exhibition.name}</Link>,
    },
    { key: 'mode', title: t('exhibition.mode'), render: (_, exhibition) => t(`exhibition.modes.${exhibition.mode}`) },
    { key: 'county', title: t('channel.county'), render: (_, exhibition) => countyName(exhibition.countyId) },
    {
      key: 'dates',
      title: t('evidence.dates'),
      render: (_, exhibition) =>
        t('course.dateRange', { start: formatDate(exhibition.startDate), end: formatDate(exhibition.endDate) }),
    },
    {
      key: 'participants',
      title: t('exhibition.participants'),
      align: 'end',
      render: (_, exhibition) => exhibition.participants.length,
    },
    {
      key: 'salesAmount',
      title: t('exhibition.salesAmountYuan'),
      align: 'end',
      render: (_, exhibition) => yuan(exhibition.salesAmount),
    },
    {
      key: 'fundingAmount',
      title: t('exhibition.fundingAmountYuan'),
      align: 'end',
      render: (_, exhibition) => yuan(exhibition.fundingAmount),
    },
  ];

  return (
    <Page
      title={t('exhibitions.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('exhibitions.create')}
          </Button>
        )
      }
    >
      <Form<FilterValues>
        form={form}
        name="exhibitionFilters"
        layout="inline"
        className="filters"
        initialValues={{ mode: filters.mode, from, to }}
        onFinish={(values) =>
          list.setFilters({
            mode: values.mode,
            from: values.from && toDateOnly(values.from),
            to: values.to && toDateOnly(values.to),
          })
        }
      >
        <Form.Item name="mode" label={t('exhibition.mode')}>
          <Select
            allowClear
            className="filter-select"
            options={EVENT_MODES.map((value) => ({ value, label: t(`exhibition.modes.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="from" label={t('exhibitions.from')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="to" label={t('exhibitions.to')}>
          <DatePicker />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.setFieldsValue({ mode: undefined, from: undefined, to: undefined });
              list.setFilters({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Form.Item>
      </Form>
      {exhibitions.error && <RequestError error={exhibitions.error} />}
      <DataTable<ExhibitionDto>
        rowKey="id"
        caption={t('exhibitions.tableCaption')}
        columns={columns}
        dataSource={exhibitions.data?.items}
        loading={exhibitions.isFetching}
        locale={{ emptyText: t('exhibitions.none') }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: exhibitions.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: list.setPage,
        }}
      />
      {creating && (
        <ExhibitionDialog
          onSaved={(exhibition) => {
            saved(exhibition);
            void navigate(`/exhibitions/${exhibition.id}`);
          }}
          onClosed={() => setCreating(false)}
        />
      )}
    </Page>
  );
}
