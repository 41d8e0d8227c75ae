import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Form, Switch, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, RegionKind, type RegionDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { RequestError } from '../../errors/ProblemAlert';
import { localName } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { PERMISSIONS } from '../../nav/navigation';
import { RegionDialog } from './RegionDialog';

type Dialog = { kind: 'create' } | { kind: 'edit'; region: RegionDto };

const REGIONS_KEY = ['regions'] as const;

export function RegionsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const canManage = user.permissions.includes(PERMISSIONS.regionsManage);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const regions = useQuery({
    queryKey: [...REGIONS_KEY, includeInactive],
    queryFn: () => api.getRegions(includeInactive),
  });
  const byId = new Map((regions.data ?? []).map((region) => [region.id, region]));
  const cities = (regions.data ?? []).filter((region) => region.kind === RegionKind.City);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: REGIONS_KEY });

  const columns: TableColumnsType<RegionDto> = [
    { key: 'code', title: t('regions.code'), dataIndex: 'code' },
    { key: 'name', title: t('regions.name'), dataIndex: 'name' },
    {
      key: 'nameEn',
      title: t('regions.nameEn'),
      dataIndex: 'nameEn',
      render: (nameEn: string) => <span lang="en">{nameEn}</span>,
    },
    {
      key: 'kind',
      title: t('regions.kind'),
      render: (_, region) => t(`regions.kinds.${region.kind}`, { defaultValue: region.kind }),
    },
    {
      key: 'parent',
      title: t('regions.parent'),
      render: (_, region) => {
        const parent = region.parentId ? byId.get(region.parentId) : undefined;
        return parent ? localName(parent, language) : '';
      },
    },
    {
      key: 'hasStatisticalCode',
      title: t('regions.hasStatisticalCode'),
      render: (_, region) => (region.hasStatisticalCode ? t('common.yes') : t('common.no')),
    },
    {
      key: 'isActive',
      title: t('regions.isActive'),
      render: (_, region) =>
        region.isActive ? (
          <Badge status="success" text={t('regions.active')} />
        ) : (
          <Badge status="default" text={t('regions.inactive')} />
        ),
    },
    { key: 'sortOrder', title: t('regions.sortOrder'), dataIndex: 'sortOrder' },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, region: RegionDto) => (
              <Button
                type="link"
                size="small"
                aria-label={t('common.actionFor', { action: t('common.edit'), name: localName(region, language) })}
                onClick={() => setDialog({ kind: 'edit', region })}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Page
      title={t('regions.title')}
      actions={
        canManage && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
            {t('regions.create')}
          </Button>
        )
      }
    >
      <Form layout="inline" name="regionFilters" className="filters">
        <Form.Item label={t('regions.includeInactive')} htmlFor="regions-include-inactive">
          <Switch id="regions-include-inactive" checked={includeInactive} onChange={setIncludeInactive} />
        </Form.Item>
      </Form>
      {regions.error && <RequestError error={regions.error} />}
      <DataTable<RegionDto>
        rowKey="id"
        caption={t('regions.tableCaption')}
        columns={columns}
        dataSource={regions.data}
        loading={regions.isFetching}
        pagination={false}
      />
      {dialog && (
        <RegionDialog
          region={dialog.kind === 'edit' ? dialog.region : undefined}
          cities={cities}
          onSaved={refresh}
          onStale={refresh}
          onClosed={() => setDialog(null)}
        />
      )}
    </Page>
  );
}
