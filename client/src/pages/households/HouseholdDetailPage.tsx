import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Space, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  api,
  HouseholdRelation,
  toProblem,
  type HouseholdDto,
  type HouseholdMemberDto,
  type IncomeRecordDto,
} from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { problemMessage } from '../../errors/problemMessage';
import { formatDate, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { PERMISSIONS } from '../../nav/navigation';
import { RecordPage } from '../registry/RecordPage';
import { HouseholdDialog } from './HouseholdDialog';
import { IncomeDialog } from './IncomeDialog';
import { AddMemberDialog, ChangeHeadDialog } from './MemberDialogs';
import { useHousehold, useSavedHousehold } from './useHousehold';

type Dialog =
  | { kind: 'edit' }
  | { kind: 'addMember' }
  | { kind: 'changeHead'; member: HouseholdMemberDto }
  | { kind: 'income'; record?: IncomeRecordDto };

function HouseholdDetails({ household }: { household: HouseholdDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const poor = household.isRegisteredPoor;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'head', label: t('household.head'), children: household.headName },
        { key: 'county', label: t('person.county'), children: household.countyName },
        { key: 'township', label: t('person.township'), children: household.township },
        { key: 'village', label: t('person.village'), children: household.village },
        {
          key: 'registeredPoor',
          label: t('household.registeredPoor'),
          children: poor ? t('common.yes') : t('common.no'),
        },
        { key: 'registeredPoorYear', label: t('household.registeredPoorYear'), children: household.registeredPoorYear },
        {
          key: 'poorHouseholdNumber',
          label: t('household.poorHouseholdNumber'),
          children: household.poorHouseholdNumber,
        },
        {
          key: 'povertyExitDate',
          label: t('household.povertyExitDate'),
          children: formatDate(household.povertyExitDate),
        },
        { key: 'baselineYear', label: t('household.baselineYear'), children: household.baselineYear },
        {
          key: 'baselinePerCapitaIncome',
          label: t('household.baselinePerCapitaIncome'),
          children: formatYuan(household.baselinePerCapitaIncome, language),
        },
      ]}
    />
  );
}

export function HouseholdDetailPage() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const { message, modal } = App.useApp();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const query = useHousehold(id);
  const saved = useSavedHousehold();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  const remove = useMutation({
    mutationFn: (member: HouseholdMemberDto) => api.removeHouseholdMember(id, member.id),
    onSuccess: (household, member) => {
      saved(household);
      void message.success(t('households.removed', { name: member.name }));
    },
    onError: (error) => void message.error(problemMessage(toProblem(error), i18n)),
  });

  const confirmRemove = (member: HouseholdMemberDto) =>
    modal.confirm({
      title: t('households.removeConfirm', { name: member.name }),
      okText: t('households.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(member),
    });

  const rowAction = (label: string, name: string, onClick: () => void) => (
    <Button type="link" size="small" aria-label={t('common.actionFor', { action: label, name })} onClick={onClick}>
      {label}
    </Button>
  );

  const memberColumns: TableColumnsType<HouseholdMemberDto> = [
    {
      key: 'name',
      title: t('person.name'),
      render: (_, member) =>
        member.personId ? <Link to={`/persons/${member.personId}`}>{member.name}</Link> : member.name,
    },
    {
      key: 'relation',
      title: t('household.relation'),
      render: (_, member) => t(`household.relations.${member.relation}`),
    },
    {
      key: 'kind',
      title: t('households.memberKind'),
      render: (_, member) => (member.personId ? t('households.memberKinds.person') : t('households.memberKinds.name')),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, member: HouseholdMemberDto) =>
              member.relation !== HouseholdRelation.Head && (
                <Space wrap size={0}>
                  {rowAction(t('households.makeHead'), member.name, () => setDialog({ kind: 'changeHead', member }))}
                  {rowAction(t('households.remove'), member.name, () => confirmRemove(member))}
                </Space>
              ),
          },
        ]
      : []),
  ];

  const incomeColumns: TableColumnsType<IncomeRecordDto> = [
    { key: 'year', title: t('households.income.year'), dataIndex: 'year' },
    {
      key: 'perCapitaIncome',
      title: t('households.income.perCapitaIncome'),
      align: 'right',
      render: (_, record) => formatYuan(record.perCapitaIncome, language),
    },
    {
      key: 'increase',
      title: t('households.income.increase'),
      align: 'right',
      render: (_, record) => formatYuan(record.increaseOverBaseline, language),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, record: IncomeRecordDto) =>
              rowAction(t('households.income.correct'), String(record.year), () =>
                setDialog({ kind: 'income', record }),
              ),
          },
        ]
      : []),
  ];

  return (
    <RecordPage
      query={query}
      title={t('households.detail')}
      notFoundTitle={t('households.notFound')}
      notFoundDetail={t('households.notFoundDetail')}
    >
      {(household) => (
        <Page
          title={t('households.detailTitle', { name: household.headName })}
          actions={
            canWrite && (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog({ kind: 'edit' })}>
                {t('households.edit')}
              </Button>
            )
          }
        >
          <Flex vertical gap="large">
            <Card title={<h2 className="card-title">{t('households.details')}</h2>}>
              <HouseholdDetails household={household} />
            </Card>
            <Card
              title={<h2 className="card-title">{t('households.membersTitle')}</h2>}
              extra={
                canWrite && (
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'addMember' })}>
                    {t('households.addMember')}
                  </Button>
                )
              }
            >
              <DataTable<HouseholdMemberDto>
                rowKey="id"
                caption={t('households.membersCaption')}
                columns={memberColumns}
                dataSource={household.members}
                pagination={false}
              />
            </Card>
            <Card
              title={<h2 className="card-title">{t('households.income.title')}</h2>}
              extra={
                canWrite && (
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'income' })}>
                    {t('households.income.record')}
                  </Button>
                )
              }
            >
              {household.baselinePerCapitaIncome == null && (
                <Typography.Paragraph type="secondary">{t('households.income.noBaseline')}</Typography.Paragraph>
              )}
              <DataTable<IncomeRecordDto>
                rowKey="year"
                caption={t('households.income.caption')}
                columns={incomeColumns}
                dataSource={household.incomeRecords}
                pagination={false}
                locale={{ emptyText: t('households.income.none') }}
              />
            </Card>
          </Flex>
          {dialog?.kind === 'edit' && (
            <HouseholdDialog
              household={household}
              onSaved={saved}
              onStale={() => void query.refetch()}
              onClosed={close}
            />
          )}
          {dialog?.kind === 'addMember' && <AddMemberDialog household={household} onSaved={saved} onClosed={close} />}
          {dialog?.kind === 'changeHead' && (
            <ChangeHeadDialog household={household} member={dialog.member} onSaved={saved} onClosed={close} />
          )}
          {dialog?.kind === 'income' && (
            <IncomeDialog household={household} record={dialog.record} onSaved={saved} onClosed={close} />
          )}
        </Page>
      )}
    </RecordPage>
  );
}
