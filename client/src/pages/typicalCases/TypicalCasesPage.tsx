import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Select, Tabs, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, TypicalCaseSubject, type PublishedTypicalCaseDto, type TypicalCaseDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { booleanValue, enumValue, PAGE_SIZES, useListState } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { useCountyOptions } from '../registry/useCounties';
import { TypicalCaseDialog } from './TypicalCaseDialog';
import { SUBJECTS, TYPICAL_CASES_KEY, useSavedTypicalCase } from './useTypicalCases';

const FILTER_KEYS = ['countyId', 'subject', 'nominated', 'published', 'search', 'view'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** The figures of a case in one line, e.g. 年销售额 120,000 元. */
export function FiguresLine({ figures }: { figures: { label: string; value: number; unit: string }[] }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  return figures
    .map((figure) =>
      t('typicalCases.figure', { label: figure.label, value: number.format(figure.value), unit: figure.unit }),
    )
    .join(t('common.listSeparator'));
}

function useYesNo() {
  const { t } = useTranslation();
  return [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];
}

/** Cases in the officer's scope, with the filters kept in the address. */
function ScopedCases({ list }: { list: ReturnType<typeof useListState<(typeof FILTER_KEYS)[number]>> }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const counties = useCountyOptions();
  const yesNo = useYesNo();
  const [form] = Form.useForm<Filters>();
  const { filters } = list;
  const cases = useQuery({
    queryKey: [...TYPICAL_CASES_KEY, 'list', filters, list.page, list.pageSize],
    queryFn: () =>
      api.getTypicalCases(
        filters.countyId,
        enumValue(TypicalCaseSubject, filters.subject),
        booleanValue(filters.nominated),
        booleanValue(filters.published),
        filters.search,
        list.page,
        list.pageSize,
      ),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<TypicalCaseDto> = [
    {
      key: 'title',
      title: t('typicalCases.caseTitle'),
      render: (_, c) => <Link to={`/typical-cases/${c.id}`}>{c.title}</Link>,
    },
    {
      key: 'subject',
      title: t('typicalCases.subject'),
      render: (_, c) =>
        t('typicalCases.subjectOf', { kind: t(`typicalCases.subjects.${c.subject}`), name: c.subjectName }),
    },
    { key: 'county', title: t('typicalCases.county'), dataIndex: 'countyName' },
    { key: 'figures', title: t('typicalCases.figures'), render: (_, c) => <FiguresLine figures={c.figures} /> },
    {
      key: 'state',
      title: t('typicalCases.state'),
      render: (_, c) => (
        <>
          {c.isNominated && <Tag>{t('typicalCases.nominated')}</Tag>}
          {c.isPublished && <Tag>{t('typicalCases.published')}</Tag>}
        </>
      ),
    },
  ];
  return (
    <>
      <Form<Filters>
        form={form}
        name="typicalCaseFilters"
        layout="inline"
        className="filters"
        initialValues={filters}
        onFinish={(values) => list.setFilters({ ...values, view: undefined })}
      >
        {!user.countyId && (
          <Form.Item name="countyId" label={t('typicalCases.county')}>
            <Select allowClear className="filter-select" options={counties} />
          </Form.Item>
        )}
        <Form.Item name="subject" label={t('typicalCases.subject')}>
          <Select
            allowClear
            className="filter-select"
            options={SUBJECTS.map((value) => ({ value, label: t(`typicalCases.subjects.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="nominated" label={t('typicalCases.nominated')}>
          <Select allowClear className="filter-select" options={yesNo} />
        </Form.Item>
        <Form.Item name="published" label={t('typicalCases.published')}>
          <Select allowClear className="filter-select" options={yesNo} />
        </Form.Item>
        <Form.Item name="search" label={t('typicalCases.search')}>
          <Input allowClear maxLength={100} autoComplete="off" />
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
      {cases.error && <RequestError error={cases.error} />}
      <DataTable<TypicalCaseDto>
        rowKey="id"
        caption={t('typicalCases.tableCaption')}
        columns={columns}
        dataSource={cases.data?.items}
        loading={cases.isFetching}
        locale={{ emptyText: t('typicalCases.none') }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: cases.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: list.setPage,
        }}
      />
    </>
  );
}

/** Published cases of every county, as the public sees them. */
function PublishedCases() {
  const { t } = useTranslation();
  const [page, setPage] = useState({ current: 1, size: 20 });
  const cases = useQuery({
    queryKey: [...TYPICAL_CASES_KEY, 'published', page],
    queryFn: () => api.getPublishedTypicalCases(undefined, undefined, page.current, page.size),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<PublishedTypicalCaseDto> = [
    { key: 'title', title: t('typicalCases.caseTitle'), dataIndex: 'title' },
    {
      key: 'subject',
      title: t('typicalCases.subject'),
      render: (_, c) =>
        t('typicalCases.subjectOf', { kind: t(`typicalCases.subjects.${c.subject}`), name: c.subjectName }),
    },
    { key: 'county', title: t('typicalCases.county'), dataIndex: 'countyName' },
    { key: 'figures', title: t('typicalCases.figures'), render: (_, c) => <FiguresLine figures={c.figures} /> },
    { key: 'publishedAt', title: t('typicalCases.publishedAt'), render: (_, c) => formatDate(c.publishedAt) },
    {
      key: 'nominated',
      title: t('typicalCases.nominated'),
      render: (_, c) => (c.isNominated ? t('common.yes') : t('common.no')),
    },
  ];
  return (
    <>
      {cases.error && <RequestError error={cases.error} />}
      <DataTable<PublishedTypicalCaseDto>
        rowKey="id"
        caption={t('typicalCases.publishedCaption')}
        columns={columns}
        dataSource={cases.data?.items}
        loading={cases.isFetching}
        locale={{ emptyText: t('typicalCases.nonePublished') }}
        expandable={{ expandedRowRender: (c) => <p className="narrative">{c.narrative}</p> }}
        pagination={{
          current: page.current,
          pageSize: page.size,
          total: cases.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
        }}
      />
    </>
  );
}

/** Typical cases (典型案例): the officer's cases, and the ones published across the city. */
export function TypicalCasesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const saved = useSavedTypicalCase();
  const [creating, setCreating] = useState(false);
  const list = useListState(FILTER_KEYS);
  const view = list.filters.view === 'published' ? 'published' : 'scoped';
  return (
    <Page
      title={t('typicalCases.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('typicalCases.create')}
          </Button>
        )
      }
    >
      <Tabs
        activeKey={view}
        onChange={(key) => list.setFilters(key === 'published' ? { view: 'published' } : {})}
        items={[
          { key: 'scoped', label: t('typicalCases.tabs.scoped'), children: <ScopedCases list={list} /> },
          { key: 'published', label: t('typicalCases.tabs.published'), children: <PublishedCases /> },
        ]}
      />
      {creating && (
        <TypicalCaseDialog
          onSaved={(created) => {
            saved(created);
            void navigate(`/typical-cases/${created.id}`);
          }}
          onClosed={() => setCreating(false)}
        />
      )}
    </Page>
  );
}
