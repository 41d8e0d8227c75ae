import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type PolicyVersionDto } from '../../api';
import { DataTable } from '../../components/DataTable';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, localName } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { ParameterVersionDialog } from './ParameterVersionDialog';
import { formatParameter, PARAMETER_POLICIES, parameterValue, type ParameterPolicyKey } from './policyParameters';
import { useProgrammes } from './ProgrammeFields';

/** A row of the comparison: a parameter (or the programme, note, use) with its value in each version. */
interface CompareRow {
  key: string;
  label: string;
  values: Record<string, ReactNode>;
}

type Dialog = { kind: 'create' } | { kind: 'edit'; version: PolicyVersionDto };

export function policyVersionsKey(policyKey: string) {
  return ['policyVersions', policyKey] as const;
}

/**
 * The versions of a parameter policy side by side: a column per version (by effective date), a row
 * per parameter, so that what changed from one version to the next reads across. City officers add
 * versions, and edit those no decision has used yet.
 */
export function ParameterPolicy({ policyKey, canEdit }: { policyKey: ParameterPolicyKey; canEdit: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const programmes = useProgrammes();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const versions = useQuery({
    queryKey: policyVersionsKey(policyKey),
    queryFn: () => api.getPolicyVersions(policyKey),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: policyVersionsKey(policyKey) });
  const name = t(`policies.keys.${policyKey}`);
  const list = versions.data ?? [];
  const units = {
    yuan: (amount: string) => t('decision.yuan', { amount }),
    days: (count: number) => t('policies.daysValue', { count }),
    months: (count: number) => t('policies.monthsValue', { count }),
    none: t('policies.none'),
  };
  const row = (key: string, label: string, value: (version: PolicyVersionDto) => ReactNode): CompareRow => ({
    key,
    label,
    values: Object.fromEntries(list.map((version) => [version.id, value(version)])),
  });
  const programmeName = (version: PolicyVersionDto) => {
    const programme = programmes.data?.find((candidate) => candidate.id === version.programmeId);
    return programme ? localName(programme, language) : '';
  };
  const rows: CompareRow[] = [
    row('programme', t('policies.programme'), programmeName),
    ...PARAMETER_POLICIES[policyKey].map((definition) =>
      row(definition.name, t(`policies.parameters.${definition.name}`), (version) =>
        formatParameter(definition, parameterValue(version, definition.name), language, units),
      ),
    ),
    row('note', t('policy.note'), (version) => version.note),
    row('used', t('policy.used'), (version) =>
      version.isUsed ? (
        <Badge status="default" text={t('policies.used')} />
      ) : (
        <Badge status="processing" text={t('policies.unused')} />
      ),
    ),
    ...(canEdit
      ? [
          row(
            'actions',
            t('common.actions'),
            (version) =>
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
          ),
        ]
      : []),
  ];
  const columns: TableColumnsType<CompareRow> = [
    { key: 'label', title: t('policies.parameter'), dataIndex: 'label', fixed: 'start' },
    ...list.map((version) => ({
      key: version.id,
      title: t('policies.versionColumn', { date: formatDate(version.effectiveFrom) }),
      render: (_: unknown, compareRow: CompareRow) => compareRow.values[version.id],
    })),
  ];
  return (
    <Card
      title={<h2 className="card-title">{name}</h2>}
      extra={
        canEdit && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
            {t('policies.create')}
          </Button>
        )
      }
    >
      <Typography.Paragraph>{t(`policies.intros.${policyKey}`)}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('policies.compareIntro')}</Typography.Paragraph>
      {versions.error && <RequestError error={versions.error} />}
      <DataTable<CompareRow>
        rowKey="key"
        className="policy-compare"
        caption={t('policies.compareCaption', { name })}
        columns={columns}
        dataSource={list.length > 0 ? rows : []}
        loading={versions.isFetching}
        pagination={false}
        locale={{ emptyText: t('policies.noVersions') }}
      />
      {dialog && (
        <ParameterVersionDialog
          policyKey={policyKey}
          version={dialog.kind === 'edit' ? dialog.version : undefined}
          from={list.at(-1)}
          onSaved={refresh}
          onStale={refresh}
          onClosed={() => setDialog(null)}
        />
      )}
    </Card>
  );
}
