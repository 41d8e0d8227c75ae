import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api, ImportFormat, ImportStatus, type ImportRejection, type ImportJobDto } from '../../api';
import { DataTable } from '../../components/DataTable';
import { FileInput } from '../../components/FileInput';
import { Page } from '../../components/Page';
import { codedMessage } from '../../errors/fieldErrors';
import { ProblemAlert, RequestError } from '../../errors/ProblemAlert';
import { useProblem } from '../../errors/useProblem';
import { formatDateTime } from '../../format';
import { PERSONS_KEY } from './usePerson';

/** The largest file the API accepts. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const EXTENSIONS = ['.csv', '.xlsx'];
const ACCEPTED = [...EXTENSIONS, 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
/**
 * The template is a file download: a plain link lets the browser save it (with the session cookie),
 * where the generated client would read the body as JSON.
 */
const TEMPLATE_URL = '/api/person-imports/template';
const IMPORTS_KEY = ['personImports'] as const;

/** Columns of the import file, by the field names the API reports rejections with. */
const FIELD_LABELS: Record<string, string> = {
  name: 'person.name',
  idNumber: 'person.idNumber',
  certificateNumber: 'person.certificateNumber',
  county: 'person.county',
  township: 'person.township',
  village: 'person.village',
  registration: 'person.registration',
  phone: 'person.phone',
  tags: 'person.tags',
};

interface ImportValues {
  file: File;
  importValidRows: boolean;
}

function isFinished(job: ImportJobDto | undefined): boolean {
  return job?.status === ImportStatus.Completed || job?.status === ImportStatus.Failed;
}

function UploadForm({ onStarted }: { onStarted: (job: ImportJobDto) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ImportValues>();
  const { reported, report, clear } = useProblem(form);
  const start = useMutation({
    mutationFn: ({ file, importValidRows }: ImportValues) =>
      api.startPersonImport(importValidRows, { data: file, fileName: file.name }),
    onMutate: clear,
    onSuccess: onStarted,
    onError: report,
  });
  return (
    <>
      <ProblemAlert reported={reported} />
      <Form<ImportValues>
        form={form}
        name="personImport"
        layout="vertical"
        initialValues={{ importValidRows: false }}
        onFinish={(values) => start.mutate(values)}
      >
        <Form.Item
          name="file"
          label={t('persons.import.file')}
          extra={t('persons.import.fileRules')}
          rules={[
            { required: true, message: t('persons.import.fileRequired') },
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
        <Form.Item name="importValidRows" valuePropName="checked" extra={t('persons.import.importValidRowsHelp')}>
          <Checkbox>{t('persons.import.importValidRows')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<UploadOutlined aria-hidden />} loading={start.isPending}>
          {t('persons.import.start')}
        </Button>
      </Form>
    </>
  );
}

function Rejections({ rejections }: { rejections: ImportRejection[] }) {
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<ImportRejection> = [
    { key: 'row', title: t('persons.import.row'), dataIndex: 'row' },
    {
      key: 'field',
      title: t('persons.import.field'),
      render: (_, rejection) => (FIELD_LABELS[rejection.field] ? t(FIELD_LABELS[rejection.field]) : rejection.field),
    },
    { key: 'reason', title: t('persons.import.reason'), render: (_, rejection) => codedMessage(rejection, i18n) },
  ];
  return (
    <DataTable<ImportRejection>
      rowKey={(rejection) => `${rejection.row}-${rejection.field}-${rejection.code}`}
      caption={t('persons.import.rejectionsCaption')}
      columns={columns}
      dataSource={rejections}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
    />
  );
}

function Outcome({ job }: { job: ImportJobDto }) {
  const { t } = useTranslation();
  if (job.status === ImportStatus.Failed) {
    return <Alert type="error" showIcon title={t('persons.import.failed')} description={job.failureMessage} />;
  }
  if (job.rejectedRows === 0) {
    return <Alert type="success" showIcon title={t('persons.import.allImported', { count: job.importedRows })} />;
  }
  return (
    <Alert
      type="warning"
      showIcon
      title={
        job.importValidRows
          ? t('persons.import.someImported', { count: job.importedRows, rejected: job.rejectedRows })
          : t('persons.import.noneImported', { rejected: job.rejectedRows })
      }
    />
  );
}

function JobReport({ id }: { id: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const job = useQuery({
    queryKey: ['personImport', id],
    queryFn: () => api.getPersonImport(id),
    refetchInterval: (query) => (isFinished(query.state.data) ? false : 1000),
  });
  const finished = isFinished(job.data);
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: PERSONS_KEY });
    void queryClient.invalidateQueries({ queryKey: IMPORTS_KEY });
  }, [finished, queryClient]);

  if (job.error) return <RequestError error={job.error} />;
  if (!job.data) return null;
  const { totalRows, processedRows } = job.data;
  const percent = totalRows > 0 ? Math.floor((processedRows * 100) / totalRows) : 0;
  return (
    <Card title={<h2 className="card-title">{t('persons.import.reportTitle', { file: job.data.fileName })}</h2>}>
      <Flex vertical gap="middle">
        <div role="status">
          {finished ? (
            <Outcome job={job.data} />
          ) : (
            <Typography.Text>
              {t(`persons.import.progress.${job.data.status}`, { processed: processedRows, total: totalRows })}
            </Typography.Text>
          )}
        </div>
        {!finished && <Progress percent={percent} aria-label={t('persons.import.progressLabel')} />}
        {finished && job.data.status === ImportStatus.Completed && (
          <>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 4 }}
              items={[
                { key: 'total', label: t('persons.import.totalRows'), children: totalRows },
                { key: 'valid', label: t('persons.import.validRows'), children: job.data.validRows },
                { key: 'rejected', label: t('persons.import.rejectedRows'), children: job.data.rejectedRows },
                { key: 'imported', label: t('persons.import.importedRows'), children: job.data.importedRows },
              ]}
            />
            {job.data.rejections.length > 0 && <Rejections rejections={job.data.rejections} />}
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
  return <Badge status={badge[status]} text={t(`persons.import.statuses.${status}`)} />;
}

function RecentImports({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const imports = useQuery({ queryKey: IMPORTS_KEY, queryFn: () => api.getPersonImports(1, 10) });
  const columns: TableColumnsType<ImportJobDto> = [
    { key: 'fileName', title: t('persons.import.fileName'), dataIndex: 'fileName' },
    { key: 'requestedAt', title: t('persons.import.requestedAt'), render: (_, job) => formatDateTime(job.requestedAt) },
    { key: 'status', title: t('persons.import.status'), render: (_, job) => <ImportStatusBadge status={job.status} /> },
    { key: 'totalRows', title: t('persons.import.totalRows'), dataIndex: 'totalRows' },
    { key: 'importedRows', title: t('persons.import.importedRows'), dataIndex: 'importedRows' },
    { key: 'rejectedRows', title: t('persons.import.rejectedRows'), dataIndex: 'rejectedRows' },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, job) => (
        <Button
          type="link"
          size="small"
          aria-label={t('common.actionFor', { action: t('persons.import.view'), name: job.fileName })}
          onClick={() => onOpen(job.id)}
        >
          {t('persons.import.view')}
        </Button>
      ),
    },
  ];
  return (
    <Card title={<h2 className="card-title">{t('persons.import.recent')}</h2>}>
      {imports.error && <RequestError error={imports.error} />}
      <DataTable<ImportJobDto>
        rowKey="id"
        caption={t('persons.import.recentCaption')}
        columns={columns}
        dataSource={imports.data?.items}
        loading={imports.isFetching}
        pagination={false}
      />
    </Card>
  );
}

/** Imports people from a CSV or XLSX file: template, upload, progress, and the report of rejected rows. */
export function PersonImportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const open = (id: string) => setParams({ job: id });
  return (
    <Page title={t('nav.personImport')}>
      <Flex vertical gap="large">
        <Card title={<h2 className="card-title">{t('persons.import.templateTitle')}</h2>}>
          <Typography.Paragraph>{t('persons.import.templateHelp')}</Typography.Paragraph>
          <Space wrap>
            {[ImportFormat.Xlsx, ImportFormat.Csv].map((format) => (
              <Button key={format} icon={<DownloadOutlined aria-hidden />} href={`${TEMPLATE_URL}?format=${format}`}>
                {t(`persons.import.template.${format}`)}
              </Button>
            ))}
          </Space>
        </Card>
        <Card title={<h2 className="card-title">{t('persons.import.uploadTitle')}</h2>}>
          <UploadForm onStarted={(job) => open(job.id)} />
        </Card>
        {jobId && <JobReport key={jobId} id={jobId} />}
        <RecentImports onOpen={open} />
      </Flex>
    </Page>
  );
}
