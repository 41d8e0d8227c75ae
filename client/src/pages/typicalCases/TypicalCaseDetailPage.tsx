import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Space, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, TypicalCaseSubject, type KeyFigureDto, type TypicalCaseDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, formatDateTime } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { RecordPage } from '../registry/RecordPage';
import { TypicalCaseDialog } from './TypicalCaseDialog';
import { TYPICAL_CASES_KEY, useSavedTypicalCase, useTypicalCase } from './useTypicalCases';

type Step = 'nominate' | 'withdrawNomination' | 'publish' | 'unpublish';

const STEPS: Record<Step, (id: string) => Promise<TypicalCaseDto>> = {
  nominate: (id) => api.nominateTypicalCase(id),
  withdrawNomination: (id) => api.withdrawTypicalCaseNomination(id),
  publish: (id) => api.publishTypicalCase(id),
  unpublish: (id) => api.unpublishTypicalCase(id),
};

/** The steps a decider may take: nominate or withdraw the nomination; publish or withdraw publication. */
export function caseSteps(found: TypicalCaseDto, permissions: readonly string[]): Step[] {
  const decides = permissions.includes(PERMISSIONS.decisionsCounty) || permissions.includes(PERMISSIONS.decisionsCity);
  if (!decides) return [];
  return [found.isNominated ? 'withdrawNomination' : 'nominate', found.isPublished ? 'unpublish' : 'publish'];
}

function Details({ found }: { found: TypicalCaseDto }) {
  const { t } = useTranslation();
  const subjectLink =
    found.subject === TypicalCaseSubject.Person ? (
      <Link to={`/persons/${found.personId}`}>{found.subjectName}</Link>
    ) : (
      <Link to={`/enterprises/${found.enterpriseId}`}>{found.subjectName}</Link>
    );
  const consent =
    found.publicationConsent === undefined || found.publicationConsent === null
      ? t('typicalCases.consentNotNeeded')
      : found.publicationConsent
        ? t('typicalCases.consentGiven')
        : t('typicalCases.consentMissing');
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'subject', label: t(`typicalCases.subjects.${found.subject}`), children: subjectLink },
        { key: 'county', label: t('typicalCases.county'), children: found.countyName },
        {
          key: 'nominated',
          label: t('typicalCases.nominated'),
          children: found.isNominated
            ? t('typicalCases.nominatedOn', { date: formatDate(found.nominatedOn) })
            : t('common.no'),
        },
        {
          key: 'published',
          label: t('typicalCases.published'),
          children: found.isPublished
            ? t('typicalCases.publishedOn', { time: formatDateTime(found.publishedAt) })
            : t('common.no'),
        },
        { key: 'consent', label: t('typicalCases.consent'), children: consent },
      ]}
    />
  );
}

function Figures({ figures }: { figures: KeyFigureDto[] }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const columns: TableColumnsType<KeyFigureDto> = [
    { key: 'label', title: t('typicalCases.figureLabel'), dataIndex: 'label' },
    {
      key: 'value',
      title: t('typicalCases.figureValue'),
      align: 'end',
      render: (_, figure) => number.format(figure.value),
    },
    { key: 'unit', title: t('typicalCases.figureUnit'), dataIndex: 'unit' },
  ];
  return (
    <DataTable<KeyFigureDto>
      rowKey="label"
      caption={t('typicalCases.figuresCaption')}
      columns={columns}
      dataSource={figures}
      pagination={false}
      locale={{ emptyText: t('typicalCases.noFigures') }}
    />
  );
}

/** One typical case: its story and figures, and the steps the officer may take. */
export function TypicalCaseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const query = useTypicalCase(id);
  const saved = useSavedTypicalCase();
  const [editing, setEditing] = useState(false);
  const step = useMutation({
    mutationFn: (next: Step) => STEPS[next](id),
    onSuccess: (found, next) => {
      saved(found);
      void message.success(t(`typicalCases.done.${next}`));
    },
  });
  const remove = useMutation({
    mutationFn: (found: TypicalCaseDto) => api.deleteTypicalCase(found.id, `"${found.version}"`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: TYPICAL_CASES_KEY });
      void message.success(t('typicalCases.deleted'));
      void navigate('/typical-cases');
    },
  });

  return (
    <RecordPage
      query={query}
      title={t('typicalCases.detail')}
      notFoundTitle={t('typicalCases.notFound')}
      notFoundDetail={t('typicalCases.notFoundDetail')}
    >
      {(found) => (
        <Page
          title={t('typicalCases.detailTitle', { title: found.title })}
          actions={
            <Space wrap>
              {caseSteps(found, user.permissions).map((next) => (
                <Button
                  key={next}
                  type={next === 'publish' ? 'primary' : 'default'}
                  loading={step.isPending && step.variables === next}
                  onClick={() => step.mutate(next)}
                >
                  {t(`typicalCases.actions.${next}`)}
                </Button>
              ))}
              {canWrite && (
                <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                  {t('common.edit')}
                </Button>
              )}
              {canWrite && !found.isPublished && (
                <Button
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  loading={remove.isPending}
                  onClick={() =>
                    void modal.confirm({
                      title: t('typicalCases.deleteTitle', { title: found.title }),
                      content: t('typicalCases.deleteDetail'),
                      okText: t('typicalCases.actions.delete'),
                      okButtonProps: { danger: true },
                      cancelText: t('common.cancel'),
                      onOk: () => remove.mutate(found),
                    })
                  }
                >
                  {t('typicalCases.actions.delete')}
                </Button>
              )}
            </Space>
          }
        >
          <Flex vertical gap="large">
            {step.error && <RequestError error={step.error} />}
            {remove.error && <RequestError error={remove.error} />}
            <Card title={<h2 className="card-title">{t('typicalCases.details')}</h2>}>
              <Details found={found} />
            </Card>
            <Card title={<h2 className="card-title">{t('typicalCases.narrative')}</h2>}>
              <Typography.Paragraph className="narrative">{found.narrative}</Typography.Paragraph>
            </Card>
            <Card title={<h2 className="card-title">{t('typicalCases.figures')}</h2>}>
              <Figures figures={found.figures} />
            </Card>
          </Flex>
          {editing && <TypicalCaseDialog found={found} onSaved={saved} onClosed={() => setEditing(false)} />}
        </Page>
      )}
    </RecordPage>
  );
}
