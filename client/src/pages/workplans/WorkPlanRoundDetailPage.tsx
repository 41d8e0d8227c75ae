import { DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Space,
  Tag,
  Upload,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, toProblem, type WorkPlanFilingDto, type WorkPlanRoundDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { FormDialog } from '../../components/FormDialog';
import { Page } from '../../components/Page';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, formatDateTime } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { RecordPage } from '../registry/RecordPage';
import { WorkPlanRoundDialog } from './WorkPlanRoundDialog';
import { WorkPlanStatusBadge } from './WorkPlanStatusBadge';
import {
  documentUrl,
  filingActions,
  MAX_PLAN_BYTES,
  PLAN_ACCEPT,
  roundKey,
  useRefreshWorkPlans,
  useRound,
} from './useWorkPlans';

/** Refusals of an upload, named for plans (the generic attachment messages name other file types). */
const UPLOAD_PROBLEMS: Record<string, string> = {
  'attachment.type': 'workPlans.problems.type',
  'attachment.size': 'workPlans.problems.size',
  'request.too_large': 'workPlans.problems.size',
};

/** A refused action: by the API, or by the page before sending (a file too large to upload). */
type Failure = { error: unknown } | { messageKey: string };

/** The last refused action on the page, shown above the table (an alert, so screen readers announce it). */
function ActionProblem({ failure }: { failure: Failure }) {
  const { t } = useTranslation();
  if ('messageKey' in failure) return <Alert type="error" showIcon title={t(failure.messageKey)} />;
  const problem = toProblem(failure.error);
  const key = UPLOAD_PROBLEMS[problem.fieldErrors?.[0]?.code ?? problem.code];
  return key ? <Alert type="error" showIcon title={t(key)} /> : <RequestError error={failure.error} />;
}

function ReturnDialog({
  filing,
  onReturned,
  onClosed,
}: {
  filing: WorkPlanFilingDto;
  onReturned: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog<{ reason: string }, WorkPlanFilingDto>
      name="returnWorkPlan"
      title={t('workPlans.returnTitle', { county: filing.countyName })}
      submitLabel={t('workPlans.actions.return')}
      onSubmit={({ reason }) => api.returnWorkPlan(filing.id, { reason: reason.trim() })}
      onSuccess={onReturned}
      onClosed={onClosed}
    >
      <Form.Item
        name="reason"
        label={t('workPlans.returnReason')}
        rules={[{ required: true, whitespace: true, message: t('workPlans.form.reasonRequired') }]}
      >
        <Input.TextArea maxLength={500} rows={3} />
      </Form.Item>
    </FormDialog>
  );
}

/** The actions on one county's filing the user may take now; each names the county for screen readers. */
function FilingActions({
  filing,
  onDone,
  onFailed,
}: {
  filing: WorkPlanFilingDto;
  onDone: () => void;
  onFailed: (failure: Failure) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [returning, setReturning] = useState(false);
  const actions = filingActions(filing, user);
  const uploadText = filing.document ? t('workPlans.actions.replace') : t('workPlans.actions.upload');
  // The accessible name starts with the visible text and adds the county, as each row has the same buttons.
  const label = (text: string) => t('common.actionFor', { action: text, name: filing.countyName });
  const done = (text: string) => {
    void message.success(text);
    onDone();
  };
  const upload = useMutation({
    mutationFn: (file: File) => api.uploadWorkPlanDocument(filing.id, { data: file, fileName: file.name }),
    onSuccess: () => done(t('workPlans.uploaded')),
    onError: (error) => onFailed({ error }),
  });
  const step = useMutation({
    mutationFn: (action: 'submit' | 'file') =>
      action === 'submit' ? api.submitWorkPlan(filing.id) : api.fileWorkPlan(filing.id),
    onSuccess: (_, action) => done(t(`workPlans.done.${action}`)),
    onError: (error) => onFailed({ error }),
  });
  if (actions.length === 0) return null;
  return (
    <Space wrap>
      {actions.includes('upload') && (
        <Upload
          accept={PLAN_ACCEPT.join(',')}
          showUploadList={false}
          maxCount={1}
          beforeUpload={(file) => {
            if (file.size === 0 || file.size > MAX_PLAN_BYTES) {
              onFailed({ messageKey: 'workPlans.problems.size' });
              return Upload.LIST_IGNORE;
            }
            upload.mutate(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined aria-hidden />} loading={upload.isPending} aria-label={label(uploadText)}>
            {uploadText}
          </Button>
        </Upload>
      )}
      {actions.includes('submit') && (
        <Button
          type="primary"
          loading={step.isPending}
          aria-label={label(t('workPlans.actions.submit'))}
          onClick={() => step.mutate('submit')}
        >
          {t('workPlans.actions.submit')}
        </Button>
      )}
      {actions.includes('file') && (
        <Button
          type="primary"
          loading={step.isPending}
          aria-label={label(t('workPlans.actions.file'))}
          onClick={() => step.mutate('file')}
        >
          {t('workPlans.actions.file')}
        </Button>
      )}
      {actions.includes('return') && (
        <Button aria-label={label(t('workPlans.actions.return'))} onClick={() => setReturning(true)}>
          {t('workPlans.actions.return')}
        </Button>
      )}
      {returning && <ReturnDialog filing={filing} onReturned={onDone} onClosed={() => setReturning(false)} />}
    </Space>
  );
}

function Filings({ round, onChanged }: { round: WorkPlanRoundDto; onChanged: () => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<Failure | null>(null);
  const columns: TableColumnsType<WorkPlanFilingDto> = [
    { key: 'county', title: t('workPlans.county'), dataIndex: 'countyName' },
    {
      key: 'status',
      title: t('workPlans.status'),
      render: (_, filing) => <WorkPlanStatusBadge status={filing.status} />,
    },
    {
      key: 'document',
      title: t('workPlans.document'),
      render: (_, filing) =>
        filing.document ? (
          <a href={documentUrl(filing)} download={filing.document.fileName}>
            <DownloadOutlined aria-hidden /> {filing.document.fileName}
          </a>
        ) : (
          t('workPlans.noDocument')
        ),
    },
    {
      key: 'submittedAt',
      title: t('workPlans.submittedAt'),
      render: (_, filing) => (
        <>
          {formatDateTime(filing.submittedAt)} {filing.submittedLate && <Tag>{t('workPlans.late')}</Tag>}
        </>
      ),
    },
    { key: 'returnReason', title: t('workPlans.returnReason'), render: (_, filing) => filing.returnReason },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, filing) => (
        <FilingActions
          filing={filing}
          onDone={() => {
            setFailure(null);
            onChanged();
          }}
          onFailed={(refused) => {
            // The refusal may come from a change made meanwhile (another officer filed the plan): reload.
            setFailure(refused);
            onChanged();
          }}
        />
      ),
    },
  ];
  return (
    <Card title={<h2 className="card-title">{t('workPlans.filings')}</h2>}>
      <Flex vertical gap="middle">
        <p>{t('workPlans.uploadRules')}</p>
        {failure && <ActionProblem failure={failure} />}
        <DataTable<WorkPlanFilingDto>
          rowKey="id"
          caption={t('workPlans.filingsCaption')}
          columns={columns}
          dataSource={round.filings}
          pagination={false}
          locale={{ emptyText: t('workPlans.noFilings') }}
        />
      </Flex>
    </Card>
  );
}

/** A filing round: its deadline and each county's plan with its status, and what the user may do with it. */
export function WorkPlanRoundDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const query = useRound(id);
  const refresh = useRefreshWorkPlans();
  const [editing, setEditing] = useState(false);
  const canEdit = user.permissions.includes(PERMISSIONS.decisionsCity);

  return (
    <RecordPage
      query={query}
      title={t('workPlans.detail')}
      notFoundTitle={t('workPlans.notFound')}
      notFoundDetail={t('workPlans.notFoundDetail')}
    >
      {(round) => (
        <Page
          title={t('workPlans.detailTitle', { title: round.title })}
          actions={
            canEdit && (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            )
          }
        >
          <Flex vertical gap="large">
            <Card title={<h2 className="card-title">{t('workPlans.details')}</h2>}>
              <Descriptions
                bordered
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'programme', label: t('workPlans.programme'), children: round.programmeName },
                  {
                    key: 'deadline',
                    label: t('workPlans.deadline'),
                    children: (
                      <>
                        {formatDate(round.deadline)} {round.pastDeadline && <Tag>{t('workPlans.pastDeadline')}</Tag>}
                      </>
                    ),
                  },
                ]}
              />
            </Card>
            <Filings round={round} onChanged={refresh} />
          </Flex>
          {editing && (
            <WorkPlanRoundDialog
              round={round}
              onSaved={(saved) => {
                queryClient.setQueryData(roundKey(saved.id), saved);
                refresh();
              }}
              onClosed={() => setEditing(false)}
            />
          )}
        </Page>
      )}
    </RecordPage>
  );
}
