import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Space, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type EmploymentRecordDto, type JobCategory } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { PAGE_SIZES } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { PERMISSIONS } from '../../nav/navigation';
import { datesText, InForceBadge } from '../evidence/dated';
import { LastDayDialog } from '../evidence/LastDayDialog';
import { EmploymentDialog } from './EmploymentDialog';
import { EMPLOYMENT_KEY, useEmploymentChanged } from './useEmployment';

export interface EmploymentFilters {
  enterpriseId?: string;
  personId?: string;
  jobCategory?: JobCategory;
  inForceOn?: string;
}

type Dialog = { kind: 'edit' | 'end'; record: EmploymentRecordDto };

/** Employment records matching the filters, newest first, with correction and ending for writers. */
export function EmploymentTable({
  filters,
  caption,
  page,
  pageSize,
  onPageChange,
}: {
  filters: EmploymentFilters;
  caption: string;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const changed = useEmploymentChanged();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const records = useQuery({
    queryKey: [...EMPLOYMENT_KEY, filters, page, pageSize],
    queryFn: () =>
      api.getEmploymentRecords(
        filters.enterpriseId,
        filters.personId,
        filters.jobCategory,
        filters.inForceOn,
        page,
        pageSize,
      ),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<EmploymentRecordDto> = [
    {
      key: 'person',
      title: t('employment.person'),
      render: (_, record) => <Link to={`/persons/${record.personId}`}>{record.personName}</Link>,
    },
    {
      key: 'enterprise',
      title: t('employment.enterprise'),
      render: (_, record) => <Link to={`/enterprises/${record.enterpriseId}`}>{record.enterpriseName}</Link>,
    },
    { key: 'county', title: t('employment.county'), dataIndex: 'countyName' },
    {
      key: 'jobCategory',
      title: t('employment.jobCategory'),
      render: (_, record) => t(`employment.jobCategories.${record.jobCategory}`),
    },
    {
      key: 'hoursType',
      title: t('employment.hoursType'),
      render: (_, record) => t(`employment.hoursTypes.${record.hoursType}`),
    },
    { key: 'dates', title: t('evidence.dates'), render: (_, record) => datesText(record, t) },
    { key: 'status', title: t('evidence.status'), render: (_, record) => <InForceBadge record={record} /> },
    { key: 'source', title: t('employment.source'), render: (_, record) => t(`employment.sources.${record.source}`) },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, record: EmploymentRecordDto) => (
              <Space size="small" wrap>
                <Button
                  type="link"
                  size="small"
                  aria-label={t('common.actionFor', { action: t('common.edit'), name: record.personName })}
                  onClick={() => setDialog({ kind: 'edit', record })}
                >
                  {t('common.edit')}
                </Button>
                {(!record.endDate || record.endDate >= dayjs().format('YYYY-MM-DD')) && (
                  <Button
                    type="link"
                    size="small"
                    aria-label={t('common.actionFor', { action: t('employments.end'), name: record.personName })}
                    onClick={() => setDialog({ kind: 'end', record })}
                  >
                    {t('employments.end')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      {records.error && <RequestError error={records.error} />}
      <DataTable<EmploymentRecordDto>
        rowKey="id"
        caption={caption}
        columns={columns}
        dataSource={records.data?.items}
        loading={records.isFetching}
        locale={{ emptyText: t('employments.none') }}
        pagination={{
          current: page,
          pageSize,
          total: records.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: onPageChange,
        }}
      />
      {dialog?.kind === 'edit' && (
        <EmploymentDialog record={dialog.record} onSaved={changed} onStale={changed} onClosed={close} />
      )}
      {dialog?.kind === 'end' && (
        <LastDayDialog
          name="endEmployment"
          title={t('employments.endTitle', {
            person: dialog.record.personName,
            enterprise: dialog.record.enterpriseName,
          })}
          submitLabel={t('employments.end')}
          detail={t('employments.endDetail')}
          record={dialog.record}
          onSubmit={(lastDay) => api.endEmployment(dialog.record.id, { lastDay })}
          onSaved={changed}
          onClosed={close}
        />
      )}
    </>
  );
}
