import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { AnnualSummaryRoundDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { AnnualSummaryRoundDialog } from './AnnualSummaryRoundDialog';
import { AnnualSummaryStandingBadge } from './AnnualSummaryStandingBadge';
import { roundsKey, summaryPath, useRefreshAnnualSummaries, useRounds } from './useAnnualSummaries';

/** Each county of a round with its standing (a county officer's list holds their county alone). */
function Standings({ round }: { round: AnnualSummaryRoundDto }) {
  return (
    <Flex wrap gap="small" component="ul" className="plain-list">
      {round.counties.map((county) => (
        <li key={county.countyId}>
          {county.countyName}：<AnnualSummaryStandingBadge standing={county.standing} isLate={county.isLate} />
        </li>
      ))}
    </Flex>
  );
}

/**
 * Annual summary rounds (年度工作总结), newest year first, with each county's standing. A county
 * officer's year opens their county's summary straight away; a city officer's opens the round.
 */
export function AnnualSummaryRoundsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const canOpen = user.permissions.includes(PERMISSIONS.decisionsCity);
  const refresh = useRefreshAnnualSummaries();
  const [creating, setCreating] = useState(false);
  const rounds = useRounds();

  const roundLink = (round: AnnualSummaryRoundDto) =>
    user.countyId ? summaryPath(round.id, user.countyId) : `/annual-summaries/${round.id}`;

  const columns: TableColumnsType<AnnualSummaryRoundDto> = [
    {
      key: 'year',
      title: t('annualSummaries.year'),
      className: 'nowrap',
      render: (_, round) => <Link to={roundLink(round)}>{t('annualSummaries.roundTitle', { year: round.year })}</Link>,
    },
    {
      key: 'dueDate',
      title: t('annualSummaries.dueDate'),
      className: 'nowrap',
      render: (_, round) => formatDate(round.dueDate),
    },
    {
      key: 'dataCutOff',
      title: t('annualSummaries.dataCutOff'),
      className: 'nowrap',
      render: (_, round) => formatDate(round.dataCutOff),
    },
    {
      key: 'standings',
      title: user.countyId ? t('annualSummaries.myStanding') : t('annualSummaries.progress'),
      render: (_, round) => <Standings round={round} />,
    },
  ];

  return (
    <Page
      title={t('annualSummaries.title')}
      actions={
        canOpen && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('annualSummaries.create')}
          </Button>
        )
      }
    >
      <Flex vertical gap="middle">
        <p>{t('annualSummaries.intro')}</p>
        {rounds.error && <RequestError error={rounds.error} />}
        <DataTable<AnnualSummaryRoundDto>
          rowKey="id"
          caption={t('annualSummaries.tableCaption')}
          columns={columns}
          dataSource={rounds.data}
          loading={rounds.isFetching}
          locale={{ emptyText: t('annualSummaries.none') }}
          pagination={false}
        />
      </Flex>
      {creating && (
        <AnnualSummaryRoundDialog
          onSaved={(round) => {
            queryClient.setQueryData<AnnualSummaryRoundDto[]>(roundsKey(), (list) =>
              list ? [round, ...list.filter((other) => other.id !== round.id)] : [round],
            );
            refresh();
            void navigate(`/annual-summaries/${round.id}`);
          }}
          onClosed={() => setCreating(false)}
        />
      )}
    </Page>
  );
}
