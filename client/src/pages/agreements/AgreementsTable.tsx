import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AgreementStatus, api, type SupplyAgreementDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { PAGE_SIZES } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { PERMISSIONS } from '../../nav/navigation';
import { datesText, InForceBadge } from '../evidence/dated';
import { LastDayDialog } from '../evidence/LastDayDialog';
import { AgreementDialog } from './AgreementDialog';
import { AGREEMENTS_KEY, useAgreementsChanged } from './useAgreements';

export interface AgreementFilters {
  enterpriseId?: string;
  baseId?: string;
  personId?: string;
  status?: AgreementStatus;
  inForceOn?: string;
}

type Dialog = { kind: 'edit' | 'terminate'; agreement: SupplyAgreementDto };

/** The agreement's status: active (and whether in force today) or terminated. */
function AgreementStatusBadge({ agreement }: { agreement: SupplyAgreementDto }) {
  const { t } = useTranslation();
  return agreement.status === AgreementStatus.Terminated ? (
    <Badge status="default" text={t('agreement.statuses.Terminated')} />
  ) : (
    <InForceBadge record={agreement} />
  );
}

/** Supply agreements matching the filters, newest first, with correction and termination for writers. */
export function AgreementsTable({
  filters,
  caption,
  page,
  pageSize,
  onPageChange,
}: {
  filters: AgreementFilters;
  caption: string;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const changed = useAgreementsChanged();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const agreements = useQuery({
    queryKey: [...AGREEMENTS_KEY, filters, page, pageSize],
    queryFn: () =>
      api.getSupplyAgreements(
        filters.enterpriseId,
        filters.baseId,
        filters.personId,
        filters.status,
        filters.inForceOn,
        page,
        pageSize,
      ),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<SupplyAgreementDto> = [
    {
      key: 'enterprise',
      title: t('agreement.enterprise'),
      render: (_, agreement) => <Link to={`/enterprises/${agreement.enterpriseId}`}>{agreement.enterpriseName}</Link>,
    },
    {
      key: 'counterparty',
      title: t('agreement.counterparty'),
      render: (_, agreement) =>
        agreement.personId ? (
          <Link to={`/persons/${agreement.personId}`}>{agreement.personName}</Link>
        ) : (
          t('agreements.baseName', { name: agreement.baseName })
        ),
    },
    { key: 'county', title: t('agreement.county'), dataIndex: 'countyName' },
    { key: 'dates', title: t('evidence.dates'), render: (_, agreement) => datesText(agreement, t) },
    { key: 'products', title: t('agreement.products'), dataIndex: 'products' },
    {
      key: 'status',
      title: t('agreement.status'),
      render: (_, agreement) => <AgreementStatusBadge agreement={agreement} />,
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, agreement: SupplyAgreementDto) => {
              if (agreement.status === AgreementStatus.Terminated) return null;
              const name = agreement.baseName ?? agreement.personName ?? '';
              return (
                <Space size="small" wrap>
                  <Button
                    type="link"
                    size="small"
                    aria-label={t('common.actionFor', { action: t('common.edit'), name })}
                    onClick={() => setDialog({ kind: 'edit', agreement })}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    aria-label={t('common.actionFor', { action: t('agreements.terminate'), name })}
                    onClick={() => setDialog({ kind: 'terminate', agreement })}
                  >
                    {t('agreements.terminate')}
                  </Button>
                </Space>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <>
      {agreements.error && <RequestError error={agreements.error} />}
      <DataTable<SupplyAgreementDto>
        rowKey="id"
        caption={caption}
        columns={columns}
        dataSource={agreements.data?.items}
        loading={agreements.isFetching}
        locale={{ emptyText: t('agreements.none') }}
        pagination={{
          current: page,
          pageSize,
          total: agreements.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: onPageChange,
        }}
      />
      {dialog?.kind === 'edit' && (
        <AgreementDialog agreement={dialog.agreement} onSaved={changed} onStale={changed} onClosed={close} />
      )}
      {dialog?.kind === 'terminate' && (
        <LastDayDialog
          name="terminateAgreement"
          title={t('agreements.terminateTitle', {
            enterprise: dialog.agreement.enterpriseName,
            counterparty: dialog.agreement.baseName ?? dialog.agreement.personName,
          })}
          submitLabel={t('agreements.terminate')}
          detail={t('agreements.terminateDetail')}
          record={dialog.agreement}
          onSubmit={(lastDay) => api.terminateSupplyAgreement(dialog.agreement.id, { lastDay })}
          onSaved={changed}
          onClosed={close}
        />
      )}
    </>
  );
}
