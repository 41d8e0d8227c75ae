import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Space, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, type BenefitLinkDto, type LinkMonthDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { PERMISSIONS } from '../../nav/navigation';
import { datesText, InForceBadge } from '../evidence/dated';
import { LastDayDialog } from '../evidence/LastDayDialog';
import { RecordPage } from '../registry/RecordPage';
import { LinkDialog } from './LinkDialog';
import { LinkParty, monthsTotal } from './linkText';
import { MonthsDialog, type MonthRow } from './MonthsDialog';
import { useLink, useSavedLink } from './useLinks';

type Dialog = { kind: 'edit' } | { kind: 'end' } | { kind: 'months'; rows: MonthRow[] };

function LinkDetails({ link }: { link: BenefitLinkDto }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'party', label: t('link.party'), children: <LinkParty link={link} /> },
        { key: 'type', label: t('link.type'), children: t(`link.types.${link.type}`) },
        {
          key: 'household',
          label: t('link.household'),
          children: <Link to={`/households/${link.householdId}`}>{link.householdHeadName}</Link>,
        },
        {
          key: 'registeredPoor',
          label: t('household.registeredPoor'),
          children: link.householdRegisteredPoor ? t('common.yes') : t('common.no'),
        },
        { key: 'county', label: t('link.county'), children: link.countyName },
        { key: 'dates', label: t('evidence.dates'), children: datesText(link, t) },
        { key: 'status', label: t('evidence.status'), children: <InForceBadge record={link} /> },
      ]}
    />
  );
}

/** The months the link brought the household something, with their amounts and the total. */
function Months({
  link,
  canWrite,
  onRecord,
}: {
  link: BenefitLinkDto;
  canWrite: boolean;
  onRecord: (rows: MonthRow[]) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns: TableColumnsType<LinkMonthDto> = [
    { key: 'month', title: t('links.months.month'), dataIndex: 'month', className: 'nowrap' },
    {
      key: 'amount',
      title: t('links.months.amountYuan'),
      align: 'end',
      render: (_, month) => formatYuan(month.amount, language),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, month: LinkMonthDto) => (
              <Button
                type="link"
                size="small"
                aria-label={t('common.actionFor', { action: t('links.months.correct'), name: month.month })}
                onClick={() => onRecord([{ month: dayjs(`${month.month}-01`), amount: month.amount }])}
              >
                {t('links.months.correct')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      title={<h2 className="card-title">{t('links.months.title')}</h2>}
      extra={
        canWrite && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => onRecord([{}])}>
            {t('links.months.record')}
          </Button>
        )
      }
    >
      <Flex vertical gap="middle">
        <Typography.Paragraph>
          {t('links.months.total', {
            total: formatYuan(monthsTotal(link), language),
            count: link.months.length,
          })}
        </Typography.Paragraph>
        <DataTable<LinkMonthDto>
          rowKey="month"
          caption={t('links.months.caption')}
          columns={columns}
          dataSource={link.months}
          pagination={{ pageSize: 24, hideOnSinglePage: true }}
          locale={{ emptyText: t('links.months.none') }}
        />
      </Flex>
    </Card>
  );
}

/** One benefit link: its parties and dates, and what it brought the household month by month. */
export function BenefitLinkDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const query = useLink(id);
  const saved = useSavedLink();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  return (
    <RecordPage
      query={query}
      title={t('links.detail')}
      notFoundTitle={t('links.notFound')}
      notFoundDetail={t('links.notFoundDetail')}
    >
      {(link) => {
        const ended = !!link.endDate && link.endDate < dayjs().format('YYYY-MM-DD');
        return (
          <Page
            title={t('links.detailTitle', { name: link.householdHeadName })}
            actions={
              canWrite && (
                <Space wrap>
                  <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog({ kind: 'edit' })}>
                    {t('links.editDates')}
                  </Button>
                  {!ended && (
                    <Button icon={<StopOutlined aria-hidden />} onClick={() => setDialog({ kind: 'end' })}>
                      {t('links.end')}
                    </Button>
                  )}
                </Space>
              )
            }
          >
            <Flex vertical gap="large">
              <Card title={<h2 className="card-title">{t('links.details')}</h2>}>
                <LinkDetails link={link} />
              </Card>
              <Months link={link} canWrite={canWrite} onRecord={(rows) => setDialog({ kind: 'months', rows })} />
            </Flex>
            {dialog?.kind === 'edit' && (
              <LinkDialog link={link} onSaved={saved} onStale={() => void query.refetch()} onClosed={close} />
            )}
            {dialog?.kind === 'end' && (
              <LastDayDialog
                name="endLink"
                title={t('links.endTitle', { name: link.householdHeadName })}
                submitLabel={t('links.end')}
                detail={t('links.endDetail')}
                record={link}
                onSubmit={(lastDay) => api.endBenefitLink(link.id, { lastDay })}
                onSaved={saved}
                onClosed={close}
              />
            )}
            {dialog?.kind === 'months' && (
              <MonthsDialog link={link} rows={dialog.rows} onSaved={saved} onClosed={close} />
            )}
          </Page>
        );
      }}
    </RecordPage>
  );
}
