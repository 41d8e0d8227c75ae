import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Form,
  Progress,
  Space,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  ImportFormat,
  ImportStatus,
  type FileParameter,
  type ImportJobDto,
  type ImportJobDtoPagedList,
  type ImportRejection,
} from '../api';
import { codedMessage } from '../errors/fieldErrors';
import { ProblemAlert, RequestError } from '../errors/ProblemAlert';
import { useProblem } from '../errors/useProblem';
import { formatDateTime } from '../format';
import { DataTable } from './DataTable';
import { FileInput } from './FileInput';
import { Page } from './Page';

/** The largest file the API accepts. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const EXTENSIONS = ['.csv', '.xlsx'];
const ACCEPTED = [...EXTENSIONS, 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/** The API calls of one kind of import (persons, sales): they all share the import job's shape. */
export interface ImportCalls {
  start: (importValidRows: boolean, file: FileParameter) => Promise<ImportJobDto>;
  list: (page: number, pageSize: number) => Promise<ImportJobDtoPagedList>;
  /** Polled while the job runs: a background request (does not keep the session alive). */
  get: (id: string) => Promise<ImportJobDto>;
}

/** What differs between kinds of import. */
export interface ImportKindConfig {
  /** Names the kind: the form's name and the prefix of its query keys (e.g. `personImport`). */
  name: string;
  calls: ImportCalls;
  /**
   * The template is a file download: a plain link lets the browser save it (with the session cookie),
   * where the generated client would read the body as JSON.
   */
  templateUrl: string;
  /** The i18n prefix of the kind's own texts: `templateHelp`, `allImported`, `someImported`. */
  textPrefix: string;
  /** i18n keys of the file's columns, by the field names the API reports rejections with. */
  fieldLabels: Record<string, string>;
  /** Queries of the imported records, refreshed when a job finishes. */
  refreshes: readonly QueryKey[];
}

interface ImportValues {
  file: File;
  importValidRows: boolean;
}

function isFinished(job: ImportJobDto | undefined): boolean {
  return job?.status === ImportStatus.Completed || job?.status === ImportStatus.Failed;
}

function UploadForm({ config, onStarted }: { config: ImportKindConfig; onStarted: (job: ImportJobDto) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ImportValues>();
  const { reported, report, clear } = useProblem(form);
  const start = useMutation({
    mutationFn: ({ file, importValidRows }: ImportValues) =>
      config.calls.start(importValidRows, { data: file, fileName: file.name }),
    onMutate: clear,
    onSuccess: onStarted,
    onError: report,
  });
  return (
    <>
      <ProblemAlert reported={reported} />
      <Form<ImportValues>
        form={form}
        name={config.name}
        layout="vertical"
        initialValues={{ importValidRows: false }}
        onFinish={(values) => start.mutate(values)}
      >
        <Form.Item
          name="file"
          label={t('imports.file')}
          extra={t('imports.fileRules')}
          rules={[
            { required: true, message: t('imports.fileRequired') },
            {
              validator: (_, file: File | undefined) => {
                if (!file) return Promise.resolve();
                if (!EXTENSIONS.some((extension) => file.name.toLowerCase().endsWith(extension))) {
                  return Promise.reject(new Error(t('fieldErrors.import.format_unknown')));
                }
                return file.size > 0 && file.size <= MAX_IMPORT_BYTES
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('fieldErrors.import.file_size')));
              },
            },
          ]}
        >
          <FileInput accept={ACCEPTED} />
        </Form.Item>
        <Form.Item name="importValidRows" valuePropName="checked" extra={t('imports.importValidRowsHelp')}>
          <Checkbox>{t('imports.importValidRows')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<UploadOutlined aria-hidden />} loading={start.isPending}>
          {t('imports.start')}
        </Button>
      </Form>
    </>
  );
}

function Rejections({ config, rejections }: { config: ImportKindConfig; rejections: ImportRejection[] }) {
  const { t, i18n } = useTranslation();
  const fieldLabel = ({ field }: ImportRejection) => {
    if (config.fieldLabels[field]) return t(config.fieldLabels[field]);
    return field === 'row' ? t('imports.wholeRow') : field;
  };
  const columns: TableColumnsType<ImportRejection> = [
    { key: 'row', title: t('imports.row'), dataIndex: 'row' },
    { key: 'field', title: t('imports.field'), render: (_, rejection) => fieldLabel(rejection) },
    { key: 'reason', title: t('imports.reason'), render: (_, rejection) => codedMessage(rejection, i18n) },
  ];
  return (
    <DataTable<ImportRejection>
      rowKey={(rejection) => `${rejection.row}-${rejection.field}-${rejection.code}`}
      caption={t('imports.rejectionsCaption')}
      columns={columns}
      dataSource={rejections}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
    />
  );
}

function Outcome({ config, job }: { config: ImportKindConfig; job: ImportJobDto }) {
  const { t } = useTranslation();
  if (job.status === ImportStatus.Failed) {
    return <Alert type="error" showIcon title={t('imports.failed')} description={job.failureMessage} />;
  }
  if (job.rejectedRows === 0) {
    return <Alert type="success" showIcon title={t(`${config.textPrefix}.allImported`, { count: job.importedRows })} />;
  }
  return (
    <Alert
      type="warning"
      showIcon
      title={
        job.importValidRows
          ? t(`${config.textPrefix}.someImported`, { count: job.importedRows, rejected: job.rejectedRows })
          : t('imports.noneImported', { rejected: job.rejectedRows })
      }
    />
  );
}

function JobReport({ config, id }: { config: ImportKindConfig; id: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const job = useQuery({
    queryKey: [config.name, id],
    queryFn: () => config.calls.get(id),
    refetchInterval: (query) => (isFinished(query.state.data) ? false : 1000),
  });
  const finished = isFinished(job.data);
  useEffect(() => {
    if (!finished) return;
    for (const queryKey of [...config.refreshes, [`${config.name}s`]]) {
      void queryClient.invalidateQueries({ queryKey });
    }
  }, [finished, queryClient, config]);

  if (job.error) return <RequestError error={job.error} />;
  if (!job.data) return null;
  const { totalRows, processedRows } = job.data;
  const percent = totalRows > 0 ? Math.floor((processedRows * 100) / totalRows) : 0;
  return (
    <Card title={<h2 className="card-title">{t('imports.reportTitle', { file: job.data.fileName })}</h2>}>
      <Flex vertical gap="middle">
        <div role="status">
          {finished ? (
            <Outcome config={config} job={job.data} />
          ) : (
            <Typography.Text>
              {t(`imports.progress.${job.data.status}`, { processed: processedRows, total: totalRows })}
            </Typography.Text>
          )}
        </div>
        {!finished && <Progress percent={percent} aria-label={t('imports.progressLabel')} />}
        {finished && job.data.status === ImportStatus.Completed && (
          <>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 4 }}
              items={[
                { key: 'total', label: t('imports.totalRows'), children: totalRows },
                { key: 'valid', label: t('imports.validRows'), children: job.data.validRows },
                { key: 'rejected', label: t('imports.rejectedRows'), children: job.data.rejectedRows },
                { key: 'imported', label: t('imports.importedRows'), children: job.data.importedRows },
              ]}
            />
            {job.data.rejections.length > 0 && <Rejections config={config} rejections={job.data.rejections} />}
          </>
        )}
      </Flex>
    </Card>
  );
}

function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  const badge = {
    [ImportStatus.Queued]: 'default',
    [ImportStatus.Processing]: 'processing',
    [ImportStatus.Completed]: 'success',
    [ImportStatus.Failed]: 'error',
  } as const;
  return <Badge status={badge[status]} text={t(`imports.statuses.${status}`)} />;
}

function RecentImports({ config, onOpen }: { config: ImportKindConfig; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const imports = useQuery({ queryKey: [`${config.name}s`], queryFn: () => config.calls.list(1, 10) });
  const columns: TableColumnsType<ImportJobDto> = [
    { key: 'fileName', title: t('imports.fileName'), dataIndex: 'fileName' },
    { key: 'requestedAt', title: t('imports.requestedAt'), render: (_, job) => formatDateTime(job.requestedAt) },
    { key: 'status', title: t('imports.status'), render: (_, job) => <ImportStatusBadge status={job.status} /> },
    { key: 'totalRows', title: t('imports.totalRows'), dataIndex: 'totalRows' },
    { key: 'importedRows', title: t('imports.importedRows'), dataIndex: 'importedRows' },
    { key: 'rejectedRows', title: t('imports.rejectedRows'), dataIndex: 'rejectedRows' },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, job) => (
        <Button
          type="link"
          size="small"
          aria-label={t('common.actionFor', { action: t('imports.view'), name: job.fileName })}
          onClick={() => onOpen(job.id)}
        >
          {t('imports.view')}
        </Button>
      ),
    },
  ];
  return (
    <Card title={<h2 className="card-title">{t('imports.recent')}</h2>}>
      {imports.error && <RequestError error={imports.error} />}
      <DataTable<ImportJobDto>
        rowKey="id"
        caption={t('imports.recentCaption')}
        columns={columns}
        dataSource={imports.data?.items}
        loading={imports.isFetching}
        pagination={false}
      />
    </Card>
  );
}

/**
 * Imports records from a CSV or XLSX file: template, upload, progress, and the report of rejected rows.
 * One page for every kind of import; `config` names the kind's API calls, texts and columns.
 */
export function ImportJobPage({
  title,
  config,
  notice,
}: {
  title: string;
  config: ImportKindConfig;
  /** Shown above the upload form: what becomes of the imported records. */
  notice?: ReactNode;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const open = (id: string) => setParams({ job: id });
  return (
    <Page title={title}>
      <Flex vertical gap="large">
        <Card title={<h2 className="card-title">{t('imports.templateTitle')}</h2>}>
          <Typography.Paragraph>{t(`${config.textPrefix}.templateHelp`)}</Typography.Paragraph>
          <Space wrap>
            {[ImportFormat.Xlsx, ImportFormat.Csv].map((format) => (
              <Button
                key={format}
                icon={<DownloadOutlined aria-hidden />}
                href={`${config.templateUrl}?format=${format}`}
              >
                {t(`imports.template.${format}`)}
              </Button>
            ))}
          </Space>
        </Card>
        <Card title={<h2 className="card-title">{t('imports.uploadTitle')}</h2>}>
          <Flex vertical gap="middle">
            {notice}
            <UploadForm config={config} onStarted={(job) => open(job.id)} />
          </Flex>
        </Card>
        {jobId && <JobReport key={jobId} config={config} id={jobId} />}
        <RecentImports config={config} onOpen={open} />
      </Flex>
    </Page>
  );
}
