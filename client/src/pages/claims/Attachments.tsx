import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Radio, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, AttachmentKind, type AttachmentDto } from '../../api';
import { DataTable } from '../../components/DataTable';
import { FileInput } from '../../components/FileInput';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { useProblem } from '../../errors/useProblem';
import { formatDateTime } from '../../format';

/** The largest document the API accepts; it also checks that the content is a PDF, JPEG or PNG. */
const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
const ACCEPTED = ['.pdf', '.jpg', '.jpeg', '.png', 'application/pdf', 'image/jpeg', 'image/png'];

/**
 * A document is a file download: a plain link lets the browser save it (with the session cookie),
 * where the generated client would read it into memory. Each download is audited by the API.
 */
function contentUrl(attachment: AttachmentDto): string {
  return `/api/attachments/${attachment.id}/content`;
}

function fileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

interface UploadValues {
  kind: AttachmentKind;
  file: File;
}

function UploadForm({ claimId, onUploaded }: { claimId: string; onUploaded: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UploadValues>();
  const { reported, report, clear } = useProblem(form);
  const upload = useMutation({
    mutationFn: ({ kind, file }: UploadValues) =>
      api.addClaimAttachment(claimId, kind, { data: file, fileName: file.name }),
    onMutate: clear,
    onSuccess: () => {
      form.resetFields();
      onUploaded();
    },
    onError: report,
  });
  return (
    <>
      <ProblemAlert reported={reported} />
      <Form<UploadValues>
        form={form}
        name="attachment"
        layout="vertical"
        initialValues={{ kind: AttachmentKind.Certificate }}
        onFinish={(values) => upload.mutate(values)}
      >
        <fieldset className="form-fieldset">
          <legend>{t('attachment.kind')}</legend>
          <Form.Item name="kind">
            <Radio.Group
              options={Object.values(AttachmentKind).map((kind) => ({
                value: kind,
                label: t(`attachment.kinds.${kind}`),
              }))}
            />
          </Form.Item>
        </fieldset>
        <Form.Item
          name="file"
          label={t('attachment.file')}
          extra={t('attachment.fileRules')}
          rules={[
            { required: true, message: t('attachment.fileRequired') },
            {
              validator: (_, file: File | undefined) =>
                !file || (file.size > 0 && file.size <= MAX_ATTACHMENT_BYTES)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('fieldErrors.attachment.size'))),
            },
          ]}
        >
          <FileInput accept={ACCEPTED} />
        </Form.Item>
        <Button htmlType="submit" icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
          {t('attachment.upload')}
        </Button>
      </Form>
    </>
  );
}

/** A claim's documents with download links, and while it is a draft, the form to attach another. */
export function Attachments({
  claimId,
  attachments,
  canUpload,
  onUploaded,
}: {
  claimId: string;
  attachments: AttachmentDto[];
  canUpload: boolean;
  onUploaded: () => void;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<AttachmentDto> = [
    { key: 'kind', title: t('attachment.kind'), render: (_, attachment) => t(`attachment.kinds.${attachment.kind}`) },
    {
      key: 'fileName',
      title: t('attachment.fileName'),
      render: (_, attachment) => (
        <a href={contentUrl(attachment)} download={attachment.fileName}>
          <DownloadOutlined aria-hidden /> {attachment.fileName}
        </a>
      ),
    },
    { key: 'size', title: t('attachment.size'), render: (_, attachment) => fileSize(attachment.size) },
    {
      key: 'uploadedAt',
      title: t('attachment.uploadedAt'),
      render: (_, attachment) => formatDateTime(attachment.uploadedAt),
    },
  ];
  return (
    <>
      <DataTable<AttachmentDto>
        rowKey="id"
        caption={t('attachment.caption')}
        columns={columns}
        dataSource={attachments}
        pagination={false}
        locale={{ emptyText: t('attachment.none') }}
      />
      {canUpload && <UploadForm claimId={claimId} onUploaded={onUploaded} />}
    </>
  );
}
