import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { ExhibitionDto, ExhibitionParticipantDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { formatDate, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { PERMISSIONS } from '../../nav/navigation';
import { RecordPage } from '../registry/RecordPage';
import { useCountyName } from './CountyOrCityField';
import { ExhibitionParticipantDialog, ExhibitionResultsDialog } from './ExhibitionDialog';
import { ParticipantName } from './participant';
import { useExhibition, useSavedExhibition } from './useChannels';

type Dialog = 'participant' | 'results';

function ExhibitionDetails({ exhibition }: { exhibition: ExhibitionDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const countyName = useCountyName();
  const yuan = (amount: number) => t('decision.yuan', { amount: formatYuan(amount, language) });
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'county', label: t('channel.county'), children: countyName(exhibition.countyId) },
        {
          key: 'organiserLevel',
          label: t('exhibition.organiserLevel'),
          children: t(`channel.levels.${exhibition.organiserLevel}`),
        },
        { key: 'mode', label: t('exhibition.mode'), children: t(`exhibition.modes.${exhibition.mode}`) },
        {
          key: 'dates',
          label: t('evidence.dates'),
          children: t('course.dateRange', {
            start: formatDate(exhibition.startDate),
            end: formatDate(exhibition.endDate),
          }),
        },
        { key: 'salesAmount', label: t('exhibition.salesAmount'), children: yuan(exhibition.salesAmount) },
        { key: 'fundingAmount', label: t('exhibition.fundingAmount'), children: yuan(exhibition.fundingAmount) },
        { key: 'fundingSource', label: t('exhibition.fundingSource'), children: exhibition.fundingSource ?? '—' },
      ]}
    />
  );
}

function Participants({
  exhibition,
  canWrite,
  onAdd,
}: {
  exhibition: ExhibitionDto;
  canWrite: boolean;
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns: TableColumnsType<ExhibitionParticipantDto> = [
    {
      key: 'participant',
      title: t('participant.title'),
      render: (_, participant) => <ParticipantName participant={participant} />,
    },
    {
      key: 'sales',
      title: t('exhibition.salesYuan'),
      align: 'end',
      render: (_, participant) => formatYuan(participant.sales, language),
    },
  ];
  return (
    <Card
      title={<h2 className="card-title">{t('exhibitions.participantsTitle')}</h2>}
      extra={
        canWrite && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={onAdd}>
            {t('exhibitions.addParticipant')}
          </Button>
        )
      }
    >
      <DataTable<ExhibitionParticipantDto>
        rowKey="id"
        caption={t('exhibitions.participantsCaption')}
        columns={columns}
        dataSource={exhibition.participants}
        pagination={false}
        locale={{ emptyText: t('exhibitions.noParticipants') }}
      />
    </Card>
  );
}

/** One exhibition or sales event: when and how it ran, its results, and who took part with their sales. */
export function ExhibitionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const query = useExhibition(id);
  const saved = useSavedExhibition();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  return (
    <RecordPage
      query={query}
      title={t('exhibitions.detail')}
      notFoundTitle={t('exhibitions.notFound')}
      notFoundDetail={t('exhibitions.notFoundDetail')}
    >
      {(exhibition) => (
        <Page
          title={t('exhibitions.detailTitle', { name: exhibition.name })}
          actions={
            canWrite && (
              <Space>
                <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog('results')}>
                  {t('exhibitions.recordResults')}
                </Button>
              </Space>
            )
          }
        >
          <Flex vertical gap="large">
            <Card title={<h2 className="card-title">{t('exhibitions.details')}</h2>}>
              <ExhibitionDetails exhibition={exhibition} />
            </Card>
            <Participants exhibition={exhibition} canWrite={canWrite} onAdd={() => setDialog('participant')} />
          </Flex>
          {dialog === 'participant' && (
            <ExhibitionParticipantDialog exhibition={exhibition} onSaved={saved} onClosed={close} />
          )}
          {dialog === 'results' && <ExhibitionResultsDialog exhibition={exhibition} onSaved={saved} onClosed={close} />}
        </Page>
      )}
    </RecordPage>
  );
}
