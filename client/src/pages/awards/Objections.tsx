import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, DatePicker, Flex, Form, Input, Radio, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type BenefitDto, type ObjectionDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { FormDialog } from '../../components/FormDialog';
import { formatDate, toDateOnly } from '../../format';
import { isOpenObjection, mayRecordObjection, mayResolveObjection } from '../claims/benefitActions';

interface RecordValues {
  receivedOn: Dayjs;
  summary: string;
}

function RecordObjectionDialog({
  benefit,
  name,
  onDone,
  onClosed,
}: {
  benefit: BenefitDto;
  name: string;
  onDone: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog<RecordValues, BenefitDto>
      name="recordObjection"
      title={t('objections.recordTitle', { name })}
      submitLabel={t('objections.record')}
      initialValues={{ receivedOn: dayjs() }}
      onSubmit={({ receivedOn, summary }) =>
        api.recordObjection(benefit.id, { receivedOn: toDateOnly(receivedOn), summary: summary.trim() })
      }
      onSuccess={onDone}
      onClosed={onClosed}
    >
      <p>
        {t('objections.recordDetail', {
          start: formatDate(benefit.noticeStartsOn),
          end: formatDate(benefit.noticeEndsOn),
        })}
      </p>
      <Form.Item
        name="receivedOn"
        label={t('objections.receivedOn')}
        rules={[{ required: true, message: t('objections.receivedOnRequired') }]}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('objections.summary')}
        extra={t('objections.summaryHelp')}
        rules={[{ required: true, whitespace: true, message: t('objections.summaryRequired') }]}
      >
        <Input.TextArea maxLength={1000} rows={4} />
      </Form.Item>
    </FormDialog>
  );
}

interface ResolveValues {
  upheld: boolean;
  resolution: string;
}

function ResolveObjectionDialog({
  benefit,
  objection,
  onDone,
  onClosed,
}: {
  benefit: BenefitDto;
  objection: ObjectionDto;
  onDone: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog<ResolveValues, BenefitDto>
      name="resolveObjection"
      title={t('objections.resolveTitle', { date: formatDate(objection.receivedOn) })}
      submitLabel={t('objections.resolve')}
      onSubmit={({ upheld, resolution }) =>
        api.resolveObjection(benefit.id, objection.id, { upheld, resolution: resolution.trim() })
      }
      onSuccess={onDone}
      onClosed={onClosed}
    >
      <Typography.Paragraph>
        <Typography.Text strong>{t('objections.summary')}：</Typography.Text>
        {objection.summary}
      </Typography.Paragraph>
      <Form.Item
        name="upheld"
        label={t('objections.finding')}
        rules={[{ required: true, message: t('objections.findingRequired') }]}
      >
        <Radio.Group className="vertical-options">
          <Radio value={false}>{t('objections.dismissedOption')}</Radio>
          <Radio value={true}>{t('objections.upheldOption')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="resolution"
        label={t('objections.resolution')}
        rules={[{ required: true, whitespace: true, message: t('objections.resolutionRequired') }]}
      >
        <Input.TextArea maxLength={1000} rows={3} />
      </Form.Item>
    </FormDialog>
  );
}

/** Where an objection stands, as a status dot with its word (the colour is never the only cue). */
function ObjectionStatus({ objection }: { objection: ObjectionDto }) {
  const { t } = useTranslation();
  if (isOpenObjection(objection)) return <Badge status="warning" text={t('objections.open')} />;
  return objection.upheld ? (
    <Badge status="error" text={t('objections.upheld')} />
  ) : (
    <Badge status="default" text={t('objections.dismissed')} />
  );
}

type Dialog = { kind: 'record' } | { kind: 'resolve'; objection: ObjectionDto };

/**
 * An award's public notice (公示) and the objections (异议) received during it: who may record one (any
 * deciding officer while the notice runs) and resolve it (an officer of the approving level who did not
 * record it). An open or upheld objection holds up the final approval.
 */
export function Objections({ benefit, name, onDone }: { benefit: BenefitDto; name: string; onDone: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const columns: TableColumnsType<ObjectionDto> = [
    {
      key: 'receivedOn',
      title: t('objections.receivedOn'),
      className: 'nowrap',
      render: (_, objection) => formatDate(objection.receivedOn),
    },
    { key: 'summary', title: t('objections.summary'), dataIndex: 'summary' },
    {
      key: 'recordedBy',
      title: t('objections.recordedBy'),
      render: (_, objection) =>
        objection.recordedById === user.id ? t('benefit.history.you') : objection.recordedById,
    },
    {
      key: 'status',
      title: t('objections.status'),
      render: (_, objection) => <ObjectionStatus objection={objection} />,
    },
    { key: 'resolution', title: t('objections.resolution'), dataIndex: 'resolution' },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, objection) =>
        mayResolveObjection(benefit, objection, user) && (
          <Button
            type="link"
            size="small"
            aria-label={t('common.actionFor', {
              action: t('objections.resolve'),
              name: formatDate(objection.receivedOn),
            })}
            onClick={() => setDialog({ kind: 'resolve', objection })}
          >
            {t('objections.resolve')}
          </Button>
        ),
    },
  ];
  return (
    <Flex vertical gap="middle">
      <Typography.Paragraph>
        {benefit.noticeStartsOn
          ? t('objections.noticeDates', {
              start: formatDate(benefit.noticeStartsOn),
              end: formatDate(benefit.noticeEndsOn),
            })
          : t('objections.noNotice')}
      </Typography.Paragraph>
      {mayRecordObjection(benefit, user) && (
        <div>
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'record' })}>
            {t('objections.record')}
          </Button>
        </div>
      )}
      <DataTable<ObjectionDto>
        rowKey="id"
        caption={t('objections.caption')}
        columns={columns}
        dataSource={benefit.objections}
        pagination={false}
        locale={{ emptyText: t('objections.none') }}
      />
      {dialog?.kind === 'record' && (
        <RecordObjectionDialog benefit={benefit} name={name} onDone={onDone} onClosed={close} />
      )}
      {dialog?.kind === 'resolve' && (
        <ResolveObjectionDialog benefit={benefit} objection={dialog.objection} onDone={onDone} onClosed={close} />
      )}
    </Flex>
  );
}
