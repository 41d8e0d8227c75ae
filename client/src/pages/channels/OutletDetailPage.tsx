import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { OutletDto, OutletParticipantDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { formatDate, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { PERMISSIONS } from '../../nav/navigation';
import { RecordPage } from '../registry/RecordPage';
import { useCountyName } from './CountyOrCityField';
import { OutletParticipantDialog } from './OutletDialog';
import { ParticipantName } from './participant';
import { useOutlet, useSavedOutlet } from './useChannels';

function OutletDetails({ outlet }: { outlet: OutletDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const countyName = useCountyName();
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'county', label: t('channel.county'), children: countyName(outlet.countyId) },
        { key: 'location', label: t('outlet.location'), children: t(`outlet.locations.${outlet.location}`) },
        { key: 'level', label: t('channel.level'), children: t(`channel.levels.${outlet.level}`) },
        { key: 'address', label: t('outlet.address'), children: outlet.address },
        { key: 'openedOn', label: t('outlet.openedOn'), children: formatDate(outlet.openedOn) },
        {
          key: 'feesWaived',
          label: t('outlet.feesWaived'),
          children: t('decision.yuan', { amount: formatYuan(outlet.feesWaived, language) }),
        },
      ]}
    />
  );
}

function Participants({ outlet, canWrite, onAdd }: { outlet: OutletDto; canWrite: boolean; onAdd: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns: TableColumnsType<OutletParticipantDto> = [
    {
      key: 'participant',
      title: t('participant.title'),
      render: (_, participant) => <ParticipantName participant={participant} />,
    },
    { key: 'joinedOn', title: t('outlet.joinedOn'), render: (_, participant) => formatDate(participant.joinedOn) },
    {
      key: 'stallFeeWaived',
      title: t('outlet.stallFeeWaivedYuan'),
      align: 'end',
      render: (_, participant) => formatYuan(participant.stallFeeWaived, language),
    },
    {
      key: 'entryFeeWaived',
      title: t('outlet.entryFeeWaivedYuan'),
      align: 'end',
      render: (_, participant) => formatYuan(participant.entryFeeWaived, language),
    },
    { key: 'accessibility', title: t('outlet.accessibility'), dataIndex: 'accessibility' },
  ];
  return (
    <Card
      title={<h2 className="card-title">{t('outlets.participantsTitle')}</h2>}
      extra={
        canWrite && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={onAdd}>
            {t('outlets.addParticipant')}
          </Button>
        )
      }
    >
      <DataTable<OutletParticipantDto>
        rowKey="id"
        caption={t('outlets.participantsCaption')}
        columns={columns}
        dataSource={outlet.participants}
        pagination={false}
        locale={{ emptyText: t('outlets.noParticipants') }}
      />
    </Card>
  );
}

/** One specialty zone or counter: where it is, and who sells there with the fees waived for them. */
export function OutletDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const query = useOutlet(id);
  const saved = useSavedOutlet();
  const [adding, setAdding] = useState(false);

  return (
    <RecordPage
      query={query}
      title={t('outlets.detail')}
      notFoundTitle={t('outlets.notFound')}
      notFoundDetail={t('outlets.notFoundDetail')}
    >
      {(outlet) => (
        <Page title={t('outlets.detailTitle', { name: outlet.name })}>
          <Flex vertical gap="large">
            <Card title={<h2 className="card-title">{t('outlets.details')}</h2>}>
              <OutletDetails outlet={outlet} />
            </Card>
            <Participants outlet={outlet} canWrite={canWrite} onAdd={() => setAdding(true)} />
          </Flex>
          {adding && <OutletParticipantDialog outlet={outlet} onSaved={saved} onClosed={() => setAdding(false)} />}
        </Page>
      )}
    </RecordPage>
  );
}
