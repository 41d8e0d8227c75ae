import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Form, Select, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api, toProblem, type PartnerClientDto, type PartnerClientSecretDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { RequestError } from '../../errors/ProblemAlert';
import { problemMessage } from '../../errors/problemMessage';
import { formatDateTime } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { usePlatforms } from '../enterprises/useEnterprises';
import { PartnerClientDialog } from './PartnerClientDialog';
import { SecretDialog } from './SecretDialog';

const PARTNER_CLIENTS_KEY = ['partnerClients'] as const;

function ClientStatus({ client }: { client: PartnerClientDto }) {
  const { t } = useTranslation();
  return client.isActive ? (
    <Badge status="success" text={t('partnerClients.active')} />
  ) : (
    <Badge status="default" text={t('partnerClients.revokedAt', { at: formatDateTime(client.revokedAt) })} />
  );
}

/**
 * Partner platforms' API clients: create one (its secret shown once), issue a new secret (shown once
 * again), revoke one. Secrets are never listed.
 */
export function PartnerClientsPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const canManage = user.permissions.includes(PERMISSIONS.partnersManage);
  const queryClient = useQueryClient();
  const platforms = usePlatforms();
  const [params, setParams] = useSearchParams();
  const platformId = params.get('platformId') ?? undefined;
  const [creating, setCreating] = useState(false);
  // The secret just issued, until its dialog closes; it is never kept anywhere else.
  const [issued, setIssued] = useState<PartnerClientSecretDto | null>(null);

  const clients = useQuery({
    queryKey: [...PARTNER_CLIENTS_KEY, platformId],
    queryFn: () => api.getPartnerClients(platformId),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: PARTNER_CLIENTS_KEY });
  const failed = (error: unknown) => void message.error(problemMessage(toProblem(error), i18n));

  const rotate = useMutation({
    mutationFn: (client: PartnerClientDto) => api.rotatePartnerClientSecret(client.id),
    onSuccess: (result) => {
      refresh();
      setIssued(result);
    },
    onError: failed,
  });
  const revoke = useMutation({
    mutationFn: (client: PartnerClientDto) => api.revokePartnerClient(client.id),
    onSuccess: (client) => {
      refresh();
      void message.success(t('partnerClients.revoke.done', { name: client.displayName }));
    },
    onError: failed,
  });

  const confirmRotate = (client: PartnerClientDto) =>
    modal.confirm({
      title: t('partnerClients.rotate.confirm', { name: client.displayName }),
      content: t('partnerClients.rotate.detail'),
      okText: t('partnerClients.rotate.action'),
      cancelText: t('common.cancel'),
      onOk: () => rotate.mutateAsync(client).catch(() => undefined),
    });
  const confirmRevoke = (client: PartnerClientDto) =>
    modal.confirm({
      title: t('partnerClients.revoke.confirm', { name: client.displayName }),
      content: t('partnerClients.revoke.detail'),
      okText: t('partnerClients.revoke.action'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => revoke.mutateAsync(client).catch(() => undefined),
    });
  const rowAction = (label: string, client: PartnerClientDto, onClick: () => void) => (
    <Button
      type="link"
      size="small"
      aria-label={t('common.actionFor', { action: label, name: client.displayName })}
      onClick={onClick}
    >
      {label}
    </Button>
  );

  const columns: TableColumnsType<PartnerClientDto> = [
    { key: 'displayName', title: t('partnerClient.displayName'), dataIndex: 'displayName' },
    { key: 'platform', title: t('partnerClient.platform'), dataIndex: 'platformName' },
    { key: 'clientId', title: t('partnerClient.clientId'), dataIndex: 'clientId' },
    {
      key: 'scopes',
      title: t('partnerClient.scopes'),
      render: (_, client) =>
        client.scopes.map((scope) => (
          <Tag key={scope} title={t(`partnerClient.scopeNames.${scope}`)}>
            {scope}
          </Tag>
        )),
    },
    { key: 'createdAt', title: t('partnerClient.createdAt'), render: (_, client) => formatDateTime(client.createdAt) },
    {
      key: 'secretIssuedAt',
      title: t('partnerClient.secretIssuedAt'),
      render: (_, client) => formatDateTime(client.secretIssuedAt),
    },
    { key: 'status', title: t('partnerClient.status'), render: (_, client) => <ClientStatus client={client} /> },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, client: PartnerClientDto) =>
              client.isActive && (
                <Space wrap size={0}>
                  {rowAction(t('partnerClients.rotate.action'), client, () => confirmRotate(client))}
                  {rowAction(t('partnerClients.revoke.action'), client, () => confirmRevoke(client))}
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <Page
      title={t('partnerClients.title')}
      actions={
        canManage && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('partnerClients.create')}
          </Button>
        )
      }
    >
      <Form layout="inline" className="filters" component="div">
        <Form.Item label={t('partnerClient.platform')} htmlFor="partnerClientFilters_platformId">
          <Select
            id="partnerClientFilters_platformId"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            className="filter-select"
            value={platformId}
            onChange={(value?: string) => setParams(value ? { platformId: value } : {})}
            options={platforms.data?.map((platform) => ({ value: platform.id, label: platform.name }))}
          />
        </Form.Item>
      </Form>
      {clients.error && <RequestError error={clients.error} />}
      <DataTable<PartnerClientDto>
        rowKey="id"
        caption={t('partnerClients.tableCaption')}
        columns={columns}
        dataSource={clients.data}
        loading={clients.isFetching}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('partnerClients.none') }}
      />
      {creating && (
        <PartnerClientDialog
          onCreated={(result) => {
            refresh();
            setIssued(result);
          }}
          onClosed={() => setCreating(false)}
        />
      )}
      {issued && !creating && <SecretDialog issued={issued} onClosed={() => setIssued(null)} />}
    </Page>
  );
}
