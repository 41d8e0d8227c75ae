import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router-dom';
import { toProblem, type AnnualSummaryCountyDto, type AnnualSummaryRoundDto } from '../../api';
import { downloadExport } from '../../api/download';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { problemMessage } from '../../errors/problemMessage';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, formatDateTime } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { NotFoundPage } from '../NotFoundPage';
import { IndicatorTable } from '../statistics/IndicatorTable';
import { AnnualSummaryRoundDialog } from './AnnualSummaryRoundDialog';
import { AnnualSummaryStandingBadge } from './AnnualSummaryStandingBadge';
import {
  compilationTable,
  roundsKey,
  summaryPath,
  useCompilation,
  useRefreshAnnualSummaries,
  useRounds,
} from './useAnnualSummaries';

/** Each county's standing, submission time and a link to its summary. */
function Counties({ round }: { round: AnnualSummaryRoundDto }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<AnnualSummaryCountyDto> = [
    {
      key: 'county',
      title: t('annualSummaries.county'),
      render: (_, county) => (
        <Link
          to={summaryPath(round.id, county.countyId)}
          aria-label={t('annualSummaries.openSummary', { county: county.countyName })}
        >
          {county.countyName}
        </Link>
      ),
    },
    {
      key: 'standing',
      title: t('annualSummaries.standing'),
      render: (_, county) => <AnnualSummaryStandingBadge standing={county.standing} isLate={county.isLate} />,
    },
    {
      key: 'submittedAt',
      title: t('annualSummaries.submittedAt'),
      render: (_, county) => formatDateTime(county.submittedAt),
    },
  ];
  return (
    <Card title={<h2 className="card-title">{t('annualSummaries.counties')}</h2>}>
      <DataTable<AnnualSummaryCountyDto>
        rowKey="countyId"
        caption={t('annualSummaries.countiesCaption')}
        columns={columns}
        dataSource={round.counties}
        pagination={false}
      />
    </Card>
  );
}

/** The city summary: the figures frozen by the submitted summaries, per county and summed. */
function Compilation({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const compilation = useCompilation(roundId);
  return (
    <Card title={<h2 className="card-title">{t('annualSummaries.compilation')}</h2>}>
      <Flex vertical gap="middle">
        <p>{t('annualSummaries.compilationHelp')}</p>
        {compilation.error && <RequestError error={compilation.error} />}
        {compilation.isPending ? (
          <Loading />
        ) : (
          compilation.data && <IndicatorTable table={compilationTable(compilation.data)} />
        )}
      </Flex>
    </Card>
  );
}

/**
 * A round of annual summaries for the city: its dates, each county's standing with a link to its
 * summary, the compilation of the submitted figures and its XLSX export. A county officer is taken to
 * their county's summary.
 */
export function AnnualSummaryRoundPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { roundId = '' } = useParams();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const rounds = useRounds();
  const refresh = useRefreshAnnualSummaries();
  const [editing, setEditing] = useState(false);
  const canEdit = user.permissions.includes(PERMISSIONS.decisionsCity);
  const round = rounds.data?.find((candidate) => candidate.id === roundId);
  const download = useMutation({
    mutationFn: (year: number) =>
      downloadExport(
        `/api/annual-summaries/${encodeURIComponent(roundId)}/compilation/export`,
        {},
        t('annualSummaries.exportFileName', { year }),
      ),
    onError: (error) => void message.error(problemMessage(toProblem(error), i18n)),
  });

  if (user.countyId) return <Navigate to={summaryPath(roundId, user.countyId)} replace />;
  if (rounds.isPending) {
    return (
      <Page title={t('annualSummaries.detail')}>
        <Loading />
      </Page>
    );
  }
  if (rounds.error) {
    return (
      <Page title={t('annualSummaries.detail')}>
        <RequestError error={rounds.error} />
      </Page>
    );
  }
  if (!round) {
    return <NotFoundPage title={t('annualSummaries.notFound')} detail={t('annualSummaries.notFoundDetail')} />;
  }
  return (
    <Page
      title={t('annualSummaries.roundTitle', { year: round.year })}
      actions={
        <Space wrap>
          <Button
            icon={<DownloadOutlined aria-hidden />}
            loading={download.isPending}
            onClick={() => download.mutate(round.year)}
          >
            {t('annualSummaries.export')}
          </Button>
          {canEdit && (
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap="large">
        <Card title={<h2 className="card-title">{t('annualSummaries.details')}</h2>}>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'dueDate', label: t('annualSummaries.dueDate'), children: formatDate(round.dueDate) },
              { key: 'dataCutOff', label: t('annualSummaries.dataCutOff'), children: formatDate(round.dataCutOff) },
            ]}
          />
        </Card>
        <Counties round={round} />
        <Compilation roundId={round.id} />
      </Flex>
      {editing && (
        <AnnualSummaryRoundDialog
          round={round}
          onSaved={(saved) => {
            queryClient.setQueryData<AnnualSummaryRoundDto[]>(roundsKey(), (list) =>
              list?.map((other) => (other.id === saved.id ? saved : other)),
            );
            refresh();
          }}
          onClosed={() => setEditing(false)}
        />
      )}
    </Page>
  );
}
