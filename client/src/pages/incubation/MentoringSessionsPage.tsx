import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Select, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type MentoringSessionDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { PAGE_SIZES, useListState } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { PersonName } from '../channels/participant';
import { PersonSelect } from '../registry/PersonSelect';
import { MentoringSessionDialog, useContractOptions } from './MentoringSessionDialog';
import { MENTORING_SESSIONS_KEY, useMentoringChanged } from './useIncubation';

const FILTER_KEYS = ['personId', 'contractId'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** Mentors' sessions with disabled entrepreneurs (导师帮扶记录), newest first. */
export function MentoringSessionsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const changed = useMentoringChanged();
  const contracts = useContractOptions();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<Filters>();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;

  const sessions = useQuery({
    queryKey: [...MENTORING_SESSIONS_KEY, filters, list.page, list.pageSize],
    queryFn: () => api.getMentoringSessions(filters.personId, filters.contractId, list.page, list.pageSize),
    placeholderData: keepPreviousData,
  });

  const contractName = (id: string | undefined) =>
    id ? (contracts.find((contract) => contract.value === id)?.label ?? '') : t('mentoringSessions.noContract');
  const columns: TableColumnsType<MentoringSessionDto> = [
    { key: 'date', title: t('mentoring.date'), render: (_, session) => formatDate(session.date) },
    { key: 'person', title: t('mentoring.person'), render: (_, session) => <PersonName id={session.personId} /> },
    { key: 'mentorName', title: t('mentoring.mentorName'), dataIndex: 'mentorName' },
    { key: 'hours', title: t('mentoring.hours'), dataIndex: 'hours', align: 'end' },
    { key: 'topic', title: t('mentoring.topic'), dataIndex: 'topic' },
    { key: 'contract', title: t('mentoring.contract'), render: (_, session) => contractName(session.contractId) },
  ];

  return (
    <Page
      title={t('mentoringSessions.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('mentoringSessions.create')}
          </Button>
        )
      }
    >
      <Form<Filters>
        form={form}
        name="mentoringSessionFilters"
        layout="inline"
        className="filters"
        initialValues={filters}
        onFinish={list.setFilters}
      >
        <Form.Item name="personId" label={t('mentoring.person')}>
          <PersonSelect household="any" countyId={user.countyId} allowClear className="person-filter" />
        </Form.Item>
        <Form.Item name="contractId" label={t('mentoring.contract')}>
          <Select allowClear className="person-filter" options={contracts} />
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
      {sessions.error && <RequestError error={sessions.error} />}
      <DataTable<MentoringSessionDto>
        rowKey="id"
        caption={t('mentoringSessions.tableCaption')}
        columns={columns}
        dataSource={sessions.data?.items}
        loading={sessions.isFetching}
        locale={{ emptyText: t('mentoringSessions.none') }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: sessions.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: list.setPage,
        }}
      />
      {creating && <MentoringSessionDialog onSaved={changed} onClosed={() => setCreating(false)} />}
    </Page>
  );
}
