import { SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Descriptions, Form, Input, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type AuditChainVerification, type AuditEntryDto } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDateTime } from '../../format';

interface FilterValues {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

interface Filters {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toFilters(values: FilterValues): Filters {
  const text = (value: string | undefined) => value?.trim() || undefined;
  return {
    entityType: text(values.entityType),
    entityId: text(values.entityId),
    actorId: text(values.actorId),
    action: text(values.action),
    from: values.from?.toISOString(),
    to: values.to?.toISOString(),
  };
}

function EntryDetails({ entry }: { entry: AuditEntryDto }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      column={1}
      size="small"
      items={[
        {
          key: 'changes',
          label: t('audit.changes'),
          children: <pre className="json-block">{JSON.stringify(entry.changes, null, 2)}</pre>,
        },
        { key: 'actorId', label: t('audit.actorId'), children: entry.actorId ?? '' },
        { key: 'traceId', label: t('audit.traceId'), children: entry.traceId ?? '' },
        {
          key: 'hash',
          label: t('audit.hash'),
          children: entry.hash ? <code className="hash">{entry.hash}</code> : t('audit.unsealed'),
        },
      ]}
    />
  );
}

function VerificationResult({ result }: { result: AuditChainVerification }) {
  const { t } = useTranslation();
  const checkpoint = result.lastCheckpoint;
  const details = [
    result.unsealedPending > 0 ? t('audit.chainPending', { count: result.unsealedPending }) : null,
    checkpoint
      ? t('audit.lastCheckpoint', { sequence: checkpoint.sequence, time: formatDateTime(checkpoint.createdAt) })
      : null,
  ].filter((line): line is string => line !== null);
  if (result.isIntact) {
    return (
      <Alert
        type="success"
        showIcon
        title={t('audit.chainIntact', { count: result.entriesChecked })}
        description={details.length > 0 ? details.join(' ') : undefined}
      />
    );
  }
  const broken = [
    result.brokenReason ? t(`audit.brokenReason.${result.brokenReason}`) : null,
    result.firstBrokenId != null ? t('audit.brokenRow', { id: result.firstBrokenId }) : null,
    ...details,
  ].filter((line): line is string => line !== null);
  return (
    <Alert
      type="error"
      showIcon
      title={t('audit.chainBroken', { count: result.entriesChecked, sequence: result.firstBrokenSequence })}
      description={broken.join(' ')}
    />
  );
}

function ChainVerification() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: () => api.verifyAuditChain() });
  return (
    <div className="chain-verification">
      <Button
        icon={<SafetyCertificateOutlined aria-hidden />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
      >
        {t('audit.verifyChain')}
      </Button>
      {verify.data && <VerificationResult result={verify.data} />}
      {verify.error && <RequestError error={verify.error} />}
    </div>
  );
}

export function AuditLogPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });

  const entries = useQuery({
    queryKey: ['auditEntries', filters, paging],
    queryFn: () =>
      api.getAuditEntries(
        filters.entityType,
        filters.entityId,
        filters.actorId,
        filters.action,
        filters.from,
        filters.to,
        paging.page,
        paging.pageSize,
      ),
    placeholderData: keepPreviousData,
  });

  const applyFilters = (values: FilterValues) => {
    setFilters(toFilters(values));
    setPaging((current) => ({ ...current, page: 1 }));
  };

  const columns: TableColumnsType<AuditEntryDto> = [
    { key: 'occurredAt', title: t('audit.occurredAt'), render: (_, entry) => formatDateTime(entry.occurredAt) },
    {
      key: 'actor',
      title: t('audit.actor'),
      render: (_, entry) =>
        entry.actorName
          ? `${entry.actorName}${entry.actorRole ? ` (${t(`roles.${entry.actorRole}`, { defaultValue: entry.actorRole })})` : ''}`
          : t('audit.system'),
    },
    { key: 'action', title: t('audit.action'), dataIndex: 'action' },
    { key: 'entityType', title: t('audit.entityType'), dataIndex: 'entityType' },
    { key: 'entityId', title: t('audit.entityId'), dataIndex: 'entityId' },
  ];

  return (
    <Page title={t('audit.title')} actions={<ChainVerification />}>
      <Form<FilterValues> form={form} name="auditFilters" layout="inline" className="filters" onFinish={applyFilters}>
        <Form.Item name="entityType" label={t('audit.entityType')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="entityId" label={t('audit.entityId')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item
          name="actorId"
          label={t('audit.actorId')}
          rules={[{ pattern: GUID_PATTERN, message: t('audit.actorIdInvalid') }]}
        >
          <Input allowClear className="guid-input" />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="from" label={t('audit.from')}>
          <DatePicker showTime />
        </Form.Item>
        <Form.Item
          name="to"
          label={t('audit.to')}
          dependencies={['from']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | null | undefined) => {
                const from = getFieldValue('from') as Dayjs | null | undefined;
                return !value || !from || !value.isBefore(from)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('audit.rangeInvalid')));
              },
            }),
          ]}
        >
          <DatePicker showTime />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.resetFields();
              applyFilters({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Form.Item>
      </Form>
      {entries.error && <RequestError error={entries.error} />}
      <DataTable<AuditEntryDto>
        rowKey="id"
        caption={t('audit.tableCaption')}
        columns={columns}
        dataSource={entries.data?.items}
        loading={entries.isFetching}
        expandable={{ expandedRowRender: (entry) => <EntryDetails entry={entry} /> }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: entries.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </Page>
  );
}
