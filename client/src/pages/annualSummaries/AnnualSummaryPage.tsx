import { ReloadOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, type AnnualSummaryDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { useProblem } from '../../errors/useProblem';
import { formatDate, formatDateTime } from '../../format';
import { RecordPage } from '../registry/RecordPage';
import { IndicatorTable } from '../statistics/IndicatorTable';
import { AnnualSummaryStandingBadge } from './AnnualSummaryStandingBadge';
import {
  MAX_REASON_LENGTH,
  MAX_SECTION_LENGTH,
  REQUIRED_SECTIONS,
  SECTIONS,
  summaryActions,
  summaryKey,
  useRefreshAnnualSummaries,
  useSummary,
  type SectionValues,
} from './useAnnualSummaries';

/** The sections as the API takes them (it trims them). */
function sectionsRequest(values: SectionValues) {
  return {
    achievements: values.achievements ?? '',
    typicalCases: values.typicalCases ?? '',
    problems: values.problems ?? '',
    nextYearPlan: values.nextYearPlan ?? '',
  };
}

/** The version to send in If-Match; none before the first write, which starts the summary. */
function ifMatch(summary: AnnualSummaryDto): string | undefined {
  return summary.version == null ? undefined : `"${summary.version}"`;
}

function ReturnDialog({
  summary,
  onReturned,
  onClosed,
}: {
  summary: AnnualSummaryDto;
  onReturned: (summary: AnnualSummaryDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog<{ reason: string }, AnnualSummaryDto>
      name="returnAnnualSummary"
      title={t('annualSummaries.returnTitle', { county: summary.countyName })}
      submitLabel={t('annualSummaries.actions.return')}
      onSubmit={({ reason }) => api.returnAnnualSummary(summary.roundId, summary.countyId, { reason: reason.trim() })}
      onSuccess={onReturned}
      onClosed={onClosed}
    >
      <Form.Item
        name="reason"
        label={t('annualSummaries.returnReason')}
        rules={[{ required: true, whitespace: true, message: t('annualSummaries.form.reasonRequired') }]}
      >
        <Input.TextArea maxLength={MAX_REASON_LENGTH} rows={4} showCount />
      </Form.Item>
    </FormDialog>
  );
}

/**
 * The county's form for the four sections: Save writes them (the first save starts the summary, later
 * ones send the version in If-Match); Submit saves them and, once confirmed, submits the summary.
 */
function SectionsForm({
  summary,
  onChanged,
  onReload,
}: {
  summary: AnnualSummaryDto;
  onChanged: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SectionValues>();
  const { reported, report, clear } = useProblem(form);
  // The latest version written, so that saving then submitting sends the right If-Match.
  const latest = useRef(summary);
  latest.current = summary;

  const store = (saved: AnnualSummaryDto) => {
    latest.current = saved;
    queryClient.setQueryData(summaryKey(saved.roundId, saved.countyId), saved);
  };
  const write = async (values: SectionValues) => {
    const current = latest.current;
    const saved = await api.writeAnnualSummary(
      current.roundId,
      current.countyId,
      sectionsRequest(values),
      ifMatch(current),
    );
    store(saved);
    return saved;
  };
  const save = useMutation({
    mutationFn: write,
    onMutate: clear,
    onSuccess: () => {
      void message.success(t('annualSummaries.done.saved'));
      onChanged();
    },
    onError: report,
  });
  const submit = useMutation({
    mutationFn: async (values: SectionValues) => {
      const saved = await write(values);
      return api.submitAnnualSummary(saved.roundId, saved.countyId);
    },
    onMutate: clear,
    onSuccess: (submitted) => {
      store(submitted);
      void message.success(t('annualSummaries.done.submitted'));
      onChanged();
    },
    onError: (error) => {
      report(error);
      onChanged();
    },
  });
  const busy = save.isPending || submit.isPending;

  const confirmSubmit = () => {
    const values = form.getFieldsValue(true) as SectionValues;
    const missing = REQUIRED_SECTIONS.filter((section) => !values[section]?.trim());
    if (missing.length > 0) {
      form.setFields(
        missing.map((section) => ({ name: section, errors: [t('annualSummaries.form.sectionRequired')] })),
      );
      form.scrollToField(missing[0], { focus: true });
      return;
    }
    void modal.confirm({
      title: t('annualSummaries.submitTitle'),
      content: t('annualSummaries.submitDetail', { date: formatDate(summary.dataCutOff) }),
      okText: t('annualSummaries.actions.submit'),
      cancelText: t('common.cancel'),
      onOk: () => submit.mutate(values),
    });
  };

  return (
    <Form<SectionValues>
      form={form}
      name="annualSummary"
      layout="vertical"
      initialValues={{
        achievements: summary.achievements,
        typicalCases: summary.typicalCases,
        problems: summary.problems,
        nextYearPlan: summary.nextYearPlan,
      }}
      onFinish={(values) => save.mutate(values)}
    >
      <Flex vertical gap="small">
        <ProblemAlert reported={reported} />
        {reported?.problem.status === 412 && (
          <div>
            <Button icon={<ReloadOutlined aria-hidden />} onClick={onReload}>
              {t('annualSummaries.reload')}
            </Button>
          </div>
        )}
        <p>{t('annualSummaries.form.intro', { max: MAX_SECTION_LENGTH.toLocaleString() })}</p>
        {SECTIONS.map((section) => (
          <Form.Item
            key={section}
            name={section}
            label={t(`annualSummaries.sections.${section}`)}
            extra={REQUIRED_SECTIONS.includes(section) ? t('annualSummaries.form.requiredForSubmit') : undefined}
          >
            <Input.TextArea maxLength={MAX_SECTION_LENGTH} showCount autoSize={{ minRows: 4, maxRows: 16 }} />
          </Form.Item>
        ))}
        <Space wrap>
          <Button htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={save.isPending} disabled={busy}>
            {t('common.save')}
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined aria-hidden />}
            loading={submit.isPending}
            disabled={busy}
            onClick={confirmSubmit}
          >
            {t('annualSummaries.actions.submit')}
          </Button>
        </Space>
      </Flex>
    </Form>
  );
}

/** The sections as written, read-only (submitted, or read by someone who does not write them). */
function SectionsText({ summary }: { summary: AnnualSummaryDto }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap="small">
      {SECTIONS.map((section) => (
        <section key={section}>
          <h3 className="section-title">{t(`annualSummaries.sections.${section}`)}</h3>
          {summary[section] ? (
            <Typography.Paragraph className="narrative">{summary[section]}</Typography.Paragraph>
          ) : (
            <Typography.Paragraph type="secondary">{t('annualSummaries.notWritten')}</Typography.Paragraph>
          )}
        </section>
      ))}
    </Flex>
  );
}

/**
 * A county's annual summary (reminders link here): its standing and dates, the four sections — a form
 * while the county writes it — and, once submitted, the indicators frozen as of the data cut-off. A
 * city officer returns a submitted summary with a reason.
 */
export function AnnualSummaryPage() {
  const { t } = useTranslation();
  const { roundId = '', countyId = '' } = useParams();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const query = useSummary(roundId, countyId);
  const refresh = useRefreshAnnualSummaries();
  const [returning, setReturning] = useState(false);
  // Bumped to discard the form's edits and show the summary as the server has it now.
  const [formKey, setFormKey] = useState(0);

  return (
    <RecordPage
      query={query}
      title={t('annualSummaries.summary')}
      notFoundTitle={t('annualSummaries.summaryNotFound')}
      notFoundDetail={t('annualSummaries.summaryNotFoundDetail')}
    >
      {(summary) => {
        const actions = summaryActions(summary, user);
        return (
          <Page
            title={t('annualSummaries.summaryTitle', { year: summary.year, county: summary.countyName })}
            actions={
              actions.includes('return') && (
                <Button icon={<RollbackOutlined aria-hidden />} onClick={() => setReturning(true)}>
                  {t('annualSummaries.actions.return')}
                </Button>
              )
            }
          >
            <Flex vertical gap="large">
              {summary.returnReason && actions.includes('write') && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('annualSummaries.returnedAlert')}
                  description={t('annualSummaries.returnedReason', { reason: summary.returnReason })}
                />
              )}
              <Card title={<h2 className="card-title">{t('annualSummaries.details')}</h2>}>
                <Descriptions
                  bordered
                  size="small"
                  column={{ xs: 1, md: 2 }}
                  items={[
                    {
                      key: 'standing',
                      label: t('annualSummaries.standing'),
                      children: <AnnualSummaryStandingBadge standing={summary.standing} isLate={summary.isLate} />,
                    },
                    { key: 'dueDate', label: t('annualSummaries.dueDate'), children: formatDate(summary.dueDate) },
                    {
                      key: 'dataCutOff',
                      label: t('annualSummaries.dataCutOff'),
                      children: formatDate(summary.dataCutOff),
                    },
                    {
                      key: 'submittedAt',
                      label: t('annualSummaries.submittedAt'),
                      children: formatDateTime(summary.submittedAt) || t('annualSummaries.notSubmitted'),
                    },
                    ...(summary.returnReason
                      ? [
                          {
                            key: 'returnReason',
                            label: t('annualSummaries.returnReason'),
                            children: summary.returnReason,
                          },
                        ]
                      : []),
                  ]}
                />
              </Card>
              <Card title={<h2 className="card-title">{t('annualSummaries.content')}</h2>}>
                {actions.includes('write') ? (
                  <SectionsForm
                    key={formKey}
                    summary={summary}
                    onChanged={refresh}
                    onReload={() => void query.refetch().then(() => setFormKey((key) => key + 1))}
                  />
                ) : (
                  <SectionsText summary={summary} />
                )}
              </Card>
              {summary.snapshot && (
                <Card
                  title={
                    <h2 className="card-title">
                      {t('annualSummaries.snapshot', { date: formatDate(summary.dataCutOff) })}
                    </h2>
                  }
                >
                  <Flex vertical gap="middle">
                    <p>{t('annualSummaries.snapshotHelp')}</p>
                    <IndicatorTable table={summary.snapshot} />
                  </Flex>
                </Card>
              )}
            </Flex>
            {returning && (
              <ReturnDialog
                summary={summary}
                onReturned={(returned) => {
                  queryClient.setQueryData(summaryKey(returned.roundId, returned.countyId), returned);
                  refresh();
                }}
                onClosed={() => setReturning(false)}
              />
            )}
          </Page>
        );
      }}
    </RecordPage>
  );
}
