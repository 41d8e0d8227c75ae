import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Select, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, LoanProgramme, type LoanDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { enumValue, PAGE_SIZES, useListState } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { PERMISSIONS } from '../../nav/navigation';
import { PersonSelect } from '../registry/PersonSelect';
import { LoanDialog } from './LoanDialog';
import { formatRate } from './loanRate';
import { LOAN_PROGRAMMES, LOANS_KEY, useSavedLoan } from './useLoans';

const FILTER_KEYS = ['programme', 'borrowerId'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** Micro-loans (小额信贷) of registered disabled people in the officer's scope, newest first. */
export function LoansPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const saved = useSavedLoan();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<Filters>();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;

  const loans = useQuery({
    queryKey: [...LOANS_KEY, filters, list.page, list.pageSize],
    queryFn: () =>
      api.getLoans(enumValue(LoanProgramme, filters.programme), filters.borrowerId, list.page, list.pageSize),
    placeholderData: keepPreviousData,
  });

  const yuan = (value: number) => formatYuan(value, language);
  const columns: TableColumnsType<LoanDto> = [
    {
      key: 'borrower',
      title: t('loan.borrower'),
      render: (_, loan) => <Link to={`/loans/${loan.id}`}>{loan.borrowerName}</Link>,
    },
    { key: 'county', title: t('loan.county'), dataIndex: 'countyName' },
    { key: 'programme', title: t('loan.programme'), render: (_, loan) => t(`loan.programmes.${loan.programme}`) },
    { key: 'lender', title: t('loan.lender'), dataIndex: 'lender' },
    { key: 'principal', title: t('loan.principalYuan'), align: 'end', render: (_, loan) => yuan(loan.principal) },
    {
      key: 'annualRate',
      title: t('loan.annualRate'),
      align: 'end',
      render: (_, loan) => formatRate(loan.annualRate, language),
    },
    { key: 'startDate', title: t('loan.startDate'), render: (_, loan) => formatDate(loan.startDate) },
    { key: 'termMonths', title: t('loan.termMonths'), dataIndex: 'termMonths', align: 'end' },
    { key: 'maturityDate', title: t('loan.maturityDate'), render: (_, loan) => formatDate(loan.maturityDate) },
    {
      key: 'outstanding',
      title: t('loan.outstandingYuan'),
      align: 'end',
      render: (_, loan) => yuan(loan.outstandingToday),
    },
  ];

  return (
    <Page
      title={t('loans.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('loans.create')}
          </Button>
        )
      }
    >
      <Form<Filters>
        form={form}
        name="loanFilters"
        layout="inline"
        className="filters"
        initialValues={filters}
        onFinish={list.setFilters}
      >
        <Form.Item name="programme" label={t('loan.programme')}>
          <Select
            allowClear
            className="filter-select"
            options={LOAN_PROGRAMMES.map((value) => ({ value, label: t(`loan.programmes.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="borrowerId" label={t('loan.borrower')}>
          <PersonSelect household="any" countyId={user.countyId} allowClear className="person-filter" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.setFieldsValue(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])));
              list.setFilters({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Form.Item>
      </Form>
      {loans.error && <RequestError error={loans.error} />}
      <DataTable<LoanDto>
        rowKey="id"
        caption={t('loans.tableCaption')}
        columns={columns}
        dataSource={loans.data?.items}
        loading={loans.isFetching}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: loans.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: list.setPage,
        }}
      />
      {creating && (
        <LoanDialog
          onSaved={(loan) => {
            saved(loan);
            void navigate(`/loans/${loan.id}`);
          }}
          onClosed={() => setCreating(false)}
        />
      )}
    </Page>
  );
}
