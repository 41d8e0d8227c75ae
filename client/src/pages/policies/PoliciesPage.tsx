import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api, PolicyKey, type PolicyVersionDto, type QualificationDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, formatYuan, localName } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { PERMISSIONS } from '../../nav/navigation';
import { ParameterPolicy, policyVersionsKey } from './ParameterPolicy';
import { isParameterPolicy, POLICY_KEYS } from './policyParameters';
import { PolicyVersionDialog, qualificationsOf } from './PolicyVersionDialog';
import { useProgrammes } from './ProgrammeFields';

const POLICIES_KEY = policyVersionsKey(PolicyKey.TrainingQualifications);

type Dialog = { kind: 'create' } | { kind: 'edit'; version: PolicyVersionDto };

function Qualifications({ version }: { version: PolicyVersionDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns: TableColumnsType<QualificationDto> = [
    { key: 'code', title: t('qualification.code'), dataIndex: 'code' },
    { key: 'name', title: t('qualification.name'), dataIndex: 'name' },
    {
      key: 'standardAmount',
      title: t('qualification.standardAmount'),
      align: 'right',
      render: (_, qualification) => formatYuan(qualification.standardAmount, language),
    },
  ];
  return (
    <DataTable<QualificationDto>
      rowKey="code"
      caption={t('policies.qualificationsCaption', { date: formatDate(version.effectiveFrom) })}
      columns={columns}
      dataSource={qualificationsOf(version)}
      pagination={false}
    />
  );
}

/** The recognised qualifications of the training subsidy: a table per version, each version a row. */
function TrainingQualificationsPolicy({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const programmes = useProgrammes();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const versions = useQuery({
    queryKey: POLICIES_KEY,
    queryFn: () => api.getPolicyVersions(PolicyKey.TrainingQualifications),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: POLICIES_KEY });

  const columns: TableColumnsType<PolicyVersionDto> = [
    {
      key: 'effectiveFrom',
      title: t('policy.effectiveFrom'),
      className: 'nowrap',
      render: (_, version) => formatDate(version.effectiveFrom),
    },
    {
      key: 'programme',
      title: t('policies.programme'),
      render: (_, version) => {
        const programme = programmes.data?.find((candidate) => candidate.id === version.programmeId);
        return programme ? localName(programme, language) : '';
      },
    },
    { key: 'note', title: t('policy.note'), dataIndex: 'note' },
    {
      key: 'count',
      title: t('policies.count'),
      align: 'right',
      className: 'nowrap',
      render: (_, version) => qualificationsOf(version).length,
    },
    {
      key: 'used',
      title: t('policy.used'),
      render: (_, version) =>
        version.isUsed ? (
          <Badge status="default" text={t('policies.used')} />
        ) : (
          <Badge status="processing" text={t('policies.unused')} />
        ),
    },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, version: PolicyVersionDto) =>
              !version.isUsed && (
                <Button
                  type="link"
                  size="small"
                  aria-label={t('common.actionFor', {
                    action: t('common.edit'),
                    name: formatDate(version.effectiveFrom),
                  })}
                  onClick={() => setDialog({ kind: 'edit', version })}
                >
                  {t('common.edit')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={<h2 className="card-title">{t('policies.trainingQualifications')}</h2>}
      extra={
        canEdit && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
            {t('policies.create')}
          </Button>
        )
      }
    >
      <Typography.Paragraph>{t('policies.intro')}</Typography.Paragraph>
      {versions.error && <RequestError error={versions.error} />}
      <DataTable<PolicyVersionDto>
        rowKey="id"
        caption={t('policies.tableCaption')}
        columns={columns}
        dataSource={versions.data}
        loading={versions.isFetching}
        pagination={false}
        expandable={{ expandedRowRender: (version) => <Qualifications version={version} /> }}
      />
      {dialog && (
        <PolicyVersionDialog
          version={dialog.kind === 'edit' ? dialog.version : undefined}
          from={versions.data?.at(-1)}
          onSaved={refresh}
          onStale={refresh}
          onClosed={() => setDialog(null)}
        />
      )}
    </Card>
  );
}

/**
 * The versioned policy parameters, a tab per kind (`?key=` names the tab): each version applies from
 * its effective date until the next one. City officers add versions, and edit those no decision has
 * used yet.
 */
export function PoliciesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canEdit = user.permissions.includes(PERMISSIONS.decisionsCity);
  const [params, setParams] = useSearchParams();
  const requested = params.get('key');
  const active = POLICY_KEYS.find((key) => key === requested) ?? PolicyKey.TrainingQualifications;
  return (
    <Page title={t('policies.title')}>
      {/* Beside the content, not above it: eight keys in a row overflow into a "more" menu inside the tab
          list, which screen readers cannot use as a tab list. */}
      <Tabs
        tabPlacement="start"
        activeKey={active}
        onChange={(key) => setParams(key === PolicyKey.TrainingQualifications ? {} : { key }, { replace: true })}
        items={POLICY_KEYS.map((key) => ({
          key,
          label: t(`policies.keys.${key}`),
          children: isParameterPolicy(key) ? (
            <ParameterPolicy policyKey={key} canEdit={canEdit} />
          ) : (
            <TrainingQualificationsPolicy canEdit={canEdit} />
          ),
        }))}
      />
    </Page>
  );
}
