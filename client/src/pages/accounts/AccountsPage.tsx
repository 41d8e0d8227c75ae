import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Form, Input, Select, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toProblem, type AccountDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { RequestError } from '../../errors/ProblemAlert';
import { problemMessage } from '../../errors/problemMessage';
import { formatDateTime } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { AccessDialog, humanRoles } from './AccessDialog';
import { CreateAccountDialog } from './CreateAccountDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';

type Dialog =
  { kind: 'create' } | { kind: 'resetPassword'; account: AccountDto } | { kind: 'access'; account: AccountDto };

interface Filters {
  search?: string;
  role?: string;
}

const ACCOUNTS_KEY = ['accounts'] as const;

function AccountStatus({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  if (account.isDisabled) return <Badge status="default" text={t('accounts.status.disabled')} />;
  if (account.isLockedOut) return <Badge status="error" text={t('accounts.status.lockedOut')} />;
  return <Badge status="success" text={t('accounts.status.active')} />;
}

export function AccountsPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const canManage = user.permissions.includes(PERMISSIONS.accountsManage);
  const canAssign = user.permissions.includes(PERMISSIONS.accessAssign);
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const accounts = useQuery({
    queryKey: [...ACCOUNTS_KEY, filters, paging],
    queryFn: () => api.getAccounts(filters.search || undefined, filters.role, paging.page, paging.pageSize),
    placeholderData: keepPreviousData,
  });
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => api.getRoles() });
  const regions = useQuery({ queryKey: ['regions', false], queryFn: () => api.getRegions(false), enabled: canAssign });
  const counties = (regions.data ?? []).filter((region) => region.parentId != null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY });
  const action = useMutation({
    mutationFn: ({ run }: { run: () => Promise<unknown>; done: string }) => run(),
    onSuccess: async (_result, { done }) => {
      void message.success(done);
      await refresh();
    },
    onError: (error) => void message.error(problemMessage(toProblem(error), i18n)),
  });

  const confirmDisable = (account: AccountDto) =>
    modal.confirm({
      title: t('accounts.disableConfirm', { name: account.displayName }),
      content: t('accounts.disableConfirmDetail'),
      okText: t('accounts.disable'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        action.mutateAsync({
          run: () => api.disableAccount(account.id),
          done: t('accounts.disabled', { name: account.displayName }),
        }),
    });

  const confirmResetTwoFactor = (account: AccountDto) =>
    modal.confirm({
      title: t('twoFactor.reset'),
      content: t('twoFactor.resetConfirm'),
      okText: t('twoFactor.reset'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        action.mutateAsync({
          run: () => api.resetAccountTwoFactor(account.id),
          done: t('twoFactor.resetDone'),
        }),
    });

  const rowAction = (label: string, account: AccountDto, onClick: () => void) => (
    <Button
      type="link"
      size="small"
      aria-label={t('common.actionFor', { action: label, name: account.userName })}
      onClick={onClick}
    >
      {label}
    </Button>
  );

  const actionsColumn: TableColumnsType<AccountDto>[number] = {
    key: 'actions',
    title: t('common.actions'),
    render: (_, account) => (
      <Space wrap size={0}>
        {canManage &&
          (account.isDisabled
            ? rowAction(t('accounts.enable'), account, () =>
                action.mutate({
                  run: () => api.enableAccount(account.id),
                  done: t('accounts.enabled', { name: account.displayName }),
                }),
              )
            : rowAction(t('accounts.disable'), account, () => confirmDisable(account)))}
        {canManage &&
          account.isLockedOut &&
          rowAction(t('accounts.unlock'), account, () =>
            action.mutate({
              run: () => api.unlockAccount(account.id),
              done: t('accounts.unlocked', { name: account.displayName }),
            }),
          )}
        {canManage &&
          rowAction(t('accounts.resetPassword'), account, () => setDialog({ kind: 'resetPassword', account }))}
        {canAssign &&
          account.id !== user.id &&
          rowAction(t('accounts.setAccess'), account, () => setDialog({ kind: 'access', account }))}
        {canAssign &&
          account.twoFactorEnabled &&
          account.id !== user.id &&
          rowAction(t('twoFactor.reset'), account, () => confirmResetTwoFactor(account))}
      </Space>
    ),
  };

  const columns: TableColumnsType<AccountDto> = [
    { key: 'userName', title: t('account.userName'), dataIndex: 'userName' },
    { key: 'displayName', title: t('account.displayName'), dataIndex: 'displayName' },
    {
      key: 'roles',
      title: t('account.roles'),
      render: (_, account) =>
        account.roles.length > 0
          ? account.roles.map((role) => <Tag key={role}>{t(`roles.${role}`, { defaultValue: role })}</Tag>)
          : t('account.noRoles'),
    },
    { key: 'county', title: t('account.county'), render: (_, account) => account.countyName ?? '' },
    { key: 'status', title: t('accounts.statusColumn'), render: (_, account) => <AccountStatus account={account} /> },
    {
      key: 'lastSignInAt',
      title: t('account.lastSignInAt'),
      render: (_, account) => formatDateTime(account.lastSignInAt),
    },
    ...(canManage || canAssign ? [actionsColumn] : []),
  ];

  return (
    <Page
      title={t('accounts.title')}
      actions={
        canManage && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
            {t('accounts.create')}
          </Button>
        )
      }
    >
      <Form<Filters>
        name="accountFilters"
        layout="inline"
        className="filters"
        onFinish={(values) => {
          setFilters({ search: values.search?.trim(), role: values.role });
          setPaging((current) => ({ ...current, page: 1 }));
        }}
      >
        <Form.Item name="search" label={t('accounts.search')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="role" label={t('account.role')}>
          <Select
            allowClear
            className="filter-select"
            options={humanRoles(roles.data ?? []).map((role) => ({
              value: role.name,
              label: t(`roles.${role.name}`, { defaultValue: role.name }),
            }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      {accounts.error && <RequestError error={accounts.error} />}
      <DataTable<AccountDto>
        rowKey="id"
        caption={t('accounts.tableCaption')}
        columns={columns}
        dataSource={accounts.data?.items}
        loading={accounts.isFetching}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: accounts.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      {dialog?.kind === 'create' && (
        <CreateAccountDialog onSaved={() => void refresh()} onClosed={() => setDialog(null)} />
      )}
      {dialog?.kind === 'resetPassword' && (
        <ResetPasswordDialog account={dialog.account} onClosed={() => setDialog(null)} />
      )}
      {dialog?.kind === 'access' && roles.data && (
        <AccessDialog
          account={dialog.account}
          roles={roles.data}
          counties={counties}
          onSaved={() => void refresh()}
          onClosed={() => setDialog(null)}
        />
      )}
    </Page>
  );
}
