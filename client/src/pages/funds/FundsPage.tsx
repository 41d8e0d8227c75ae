import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Badge,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Select,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toProblem, type FundAllocationDto, type FundReconciliationDto } from '../../api';
import { downloadExport } from '../../api/download';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { PAGE_SIZES, useListState } from '../../components/useListState';
import { problemMessage } from '../../errors/problemMessage';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, formatYuan, toDateOnly } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { NAV, PERMISSIONS } from '../../nav/navigation';
import { useCountyOptions } from '../registry/useCounties';
import { AllocationDialog } from './AllocationDialog';
import { PaymentsTable } from './PaymentsTable';
import { ALLOCATIONS_KEY, PAYMENTS_KEY, RECONCILIATION_KEY, useFundsChanged } from './useFunds';

const FILTER_KEYS = ['year', 'countyId', 'from', 'to'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

interface FilterValues {
  year?: string;
  countyId?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

/** A date kept in the address as YYYY-MM-DD, when it is one. */
function dateParam(value: string | undefined): string | undefined {
  return value && dayjs(value, 'YYYY-MM-DD', true).isValid() ? value : undefined;
}

/** Whether the ledger reconciles, said in words beside the dot: 已平账 or 未平账. */
function ReconciliationSummary({ reconciliation }: { reconciliation: FundReconciliationDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const yuan = (value: number) => t('decision.yuan', { amount: formatYuan(value, language) });
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 3 }}
      items={[
        {
          key: 'status',
          label: t('funds.reconciliation.status'),
          children: reconciliation.reconciled ? (
            <Badge status="success" text={t('funds.reconciliation.reconciled')} />
          ) : (
            <Badge status="error" text={t('funds.reconciliation.unreconciled')} />
          ),
        },
        { key: 'allocated', label: t('funds.reconciliation.allocated'), children: yuan(reconciliation.allocated) },
        { key: 'disbursed', label: t('funds.reconciliation.disbursed'), children: yuan(reconciliation.disbursed) },
        { key: 'balance', label: t('funds.reconciliation.balance'), children: yuan(reconciliation.balance) },
        {
          key: 'entriesTotal',
          label: t('funds.reconciliation.entriesTotal'),
          children: yuan(reconciliation.entriesTotal),
        },
        {
          key: 'unreconciled',
          label: t('funds.reconciliation.unreconciledLines'),
          children:
            reconciliation.allocations
              .filter((line) => !line.reconciled)
              .map((line) => line.documentNumber)
              .join(t('common.listSeparator')) || t('funds.reconciliation.noneUnreconciled'),
        },
      ]}
    />
  );
}

/** The payment roster (发放花名册) of a period as XLSX, for the finance office. */
function RosterExport({ cityOfficer }: { cityOfficer: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const counties = useCountyOptions();
  const [form] = Form.useForm<{ period: [Dayjs, Dayjs]; countyId?: string }>();
  const roster = useMutation({
    mutationFn: ({ period, countyId }: { period: [Dayjs, Dayjs]; countyId?: string }) =>
      downloadExport(
        '/api/funds/payment-roster',
        { from: toDateOnly(period[0]), to: toDateOnly(period[1]), countyId: countyId || undefined },
        'payment-roster.xlsx',
      ),
    onError: (error) => void message.error(problemMessage(toProblem(error), i18n)),
  });
  return (
    <Form
      form={form}
      name="roster"
      layout="inline"
      className="filters"
      initialValues={{ period: [dayjs().startOf('year'), dayjs()] }}
      onFinish={(values) => roster.mutate(values)}
    >
      <Form.Item
        name="period"
        label={t('funds.roster.period')}
        rules={[{ required: true, message: t('funds.roster.periodRequired') }]}
      >
        <DatePicker.RangePicker
          aria-label={t('funds.roster.period')}
          placeholder={[t('funds.roster.from'), t('funds.roster.to')]}
        />
      </Form.Item>
      {cityOfficer && (
        <Form.Item name="countyId" label={t('funds.county')}>
          <Select allowClear placeholder={t('funds.allCounties')} className="filter-select" options={counties} />
        </Form.Item>
      )}
      <Form.Item>
        <Button htmlType="submit" icon={<DownloadOutlined aria-hidden />} loading={roster.isPending}>
          {t('funds.roster.export')}
        </Button>
      </Form.Item>
    </Form>
  );
}

/**
 * The fund ledger (资金台账) of the disability employment security fund: whether it reconciles to the
 * cent, the allocations with what has been paid out and what is left, the payments and reversals (an
 * officer of the paying level reverses one, with a reason), and the payment roster for the finance
 * office. County officers see their county's allocations and the city's; city officers all of them.
 */
export function FundsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const counties = useCountyOptions();
  const changed = useFundsChanged();
  const cityOfficer = !user.countyId;
  const canAllocate =
    user.permissions.includes(PERMISSIONS.decisionsCounty) || user.permissions.includes(PERMISSIONS.decisionsCity);
  const [allocating, setAllocating] = useState(false);
  const [form] = Form.useForm<FilterValues>();
  const list = useListState<FilterKey>(FILTER_KEYS);
  const { filters } = list;
  const yearValue = Number(filters.year);
  const year = Number.isInteger(yearValue) && yearValue >= 2000 ? yearValue : undefined;
  const countyId = cityOfficer ? filters.countyId : undefined;
  const from = dateParam(filters.from);
  const to = dateParam(filters.to);

  const reconciliation = useQuery({
    queryKey: [...RECONCILIATION_KEY, year],
    queryFn: () => api.getFundReconciliation(year),
  });
  const allocations = useQuery({
    queryKey: [...ALLOCATIONS_KEY, year, countyId],
    queryFn: () => api.getFundAllocations(year, countyId),
  });
  const payments = useQuery({
    queryKey: [...PAYMENTS_KEY, from, to, countyId, list.page, list.pageSize],
    queryFn: () => api.getFundPayments(from, to, countyId, undefined, list.page, list.pageSize),
    placeholderData: keepPreviousData,
  });

  const thisYear = new Date().getFullYear();
  const yearOptions = Array.from({ length: thisYear - 2017 + 2 }, (_, index) => thisYear + 1 - index).map((option) => ({
    value: String(option),
    label: t('funds.yearOption', { year: option }),
  }));

  const columns: TableColumnsType<FundAllocationDto> = [
    { key: 'documentNumber', title: t('funds.documentNumber'), dataIndex: 'documentNumber' },
    { key: 'year', title: t('funds.year'), dataIndex: 'year' },
    { key: 'level', title: t('funds.level'), render: (_, allocation) => t(`fund.levels.${allocation.level}`) },
    {
      key: 'county',
      title: t('funds.county'),
      render: (_, allocation) => allocation.countyName ?? t('funds.cityHeld'),
    },
    {
      key: 'amount',
      title: t('funds.amountYuan'),
      align: 'end',
      render: (_, allocation) => formatYuan(allocation.amount, language),
    },
    {
      key: 'disbursed',
      title: t('funds.disbursedYuan'),
      align: 'end',
      render: (_, allocation) => formatYuan(allocation.disbursed, language),
    },
    {
      key: 'balance',
      title: t('funds.balanceYuan'),
      align: 'end',
      render: (_, allocation) => formatYuan(allocation.balance, language),
    },
    { key: 'note', title: t('funds.note'), dataIndex: 'note' },
    {
      key: 'createdAt',
      title: t('funds.recordedAt'),
      className: 'nowrap',
      render: (_, allocation) => formatDate(allocation.createdAt),
    },
  ];

  const applyFilters = ({ year: nextYear, countyId: nextCounty, period }: FilterValues) =>
    list.setFilters({
      year: nextYear,
      countyId: nextCounty,
      from: period?.[0] ? toDateOnly(period[0]) : undefined,
      to: period?.[1] ? toDateOnly(period[1]) : undefined,
    });

  return (
    <Page
      title={t(NAV.funds.labelKey)}
      actions={
        canAllocate && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAllocating(true)}>
            {t('funds.allocations.create')}
          </Button>
        )
      }
    >
      <Flex vertical gap="large">
        <Typography.Paragraph className="page-intro">{t('funds.intro')}</Typography.Paragraph>
        <Form<FilterValues>
          form={form}
          name="fundFilters"
          layout="inline"
          className="filters"
          initialValues={{
            year: year ? String(year) : undefined,
            countyId,
            period: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : undefined,
          }}
          onFinish={applyFilters}
        >
          <Form.Item name="year" label={t('funds.year')}>
            <Select allowClear placeholder={t('funds.allYears')} className="filter-select" options={yearOptions} />
          </Form.Item>
          {cityOfficer && (
            <Form.Item name="countyId" label={t('funds.county')}>
              <Select allowClear placeholder={t('funds.allCounties')} className="filter-select" options={counties} />
            </Form.Item>
          )}
          <Form.Item name="period" label={t('funds.payments.period')}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              aria-label={t('funds.payments.period')}
              placeholder={[t('funds.roster.from'), t('funds.roster.to')]}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
          </Form.Item>
        </Form>
        <Card title={<h2 className="card-title">{t('funds.reconciliation.title')}</h2>}>
          {reconciliation.error && <RequestError error={reconciliation.error} />}
          {reconciliation.data && <ReconciliationSummary reconciliation={reconciliation.data} />}
        </Card>
        <Card title={<h2 className="card-title">{t('funds.allocations.title')}</h2>}>
          {allocations.error && <RequestError error={allocations.error} />}
          <DataTable<FundAllocationDto>
            rowKey="id"
            caption={t('funds.allocations.caption')}
            columns={columns}
            dataSource={allocations.data}
            loading={allocations.isFetching}
            pagination={false}
            locale={{ emptyText: t('funds.allocations.none') }}
          />
        </Card>
        <Card title={<h2 className="card-title">{t('funds.payments.title')}</h2>}>
          {payments.error && <RequestError error={payments.error} />}
          <PaymentsTable
            caption={t('funds.payments.caption')}
            payments={payments.data?.items}
            loading={payments.isFetching}
            onChanged={changed}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: payments.data?.totalCount ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (total) => t('common.total', { count: total }),
              onChange: list.setPage,
            }}
          />
        </Card>
        <Card title={<h2 className="card-title">{t('funds.roster.title')}</h2>}>
          <Typography.Paragraph>{t('funds.roster.intro')}</Typography.Paragraph>
          <RosterExport cityOfficer={cityOfficer} />
        </Card>
      </Flex>
      {allocating && <AllocationDialog onSaved={changed} onClosed={() => setAllocating(false)} />}
    </Page>
  );
}
