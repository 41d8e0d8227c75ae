import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Tag, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  api,
  SupervisionSubject,
  type CreateSupervisionVisitCommand,
  type RectificationDto,
  type SupervisionVisitDto,
} from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { FormDialog } from '../../components/FormDialog';
import { Page } from '../../components/Page';
import { enumValue, PAGE_SIZES, useListState } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, toDateOnly } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { BaseSelect } from '../bases/BaseSelect';
import { useCountyName } from '../channels/CountyOrCityField';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { PersonSelect } from '../registry/PersonSelect';
import { RecordPage } from '../registry/RecordPage';
import { useCountyOptions } from '../registry/useCounties';
import { SUPERVISION_SUBJECTS, SUPERVISION_VISITS_KEY, useRefresh, useSupervisionVisit } from './useRegisters';

interface VisitValues {
  subject: SupervisionSubject;
  countyId?: string;
  baseId?: string;
  enterpriseId?: string;
  personId?: string;
  visitedOn: Dayjs;
  inspectors: string;
  findings: string;
  rectifications?: { item: string; dueDate: Dayjs }[];
}

export function visitRequest(values: VisitValues): CreateSupervisionVisitCommand {
  const subject = values.subject;
  return {
    subject,
    countyId:
      subject === SupervisionSubject.County || subject === SupervisionSubject.Enterprise ? values.countyId : undefined,
    baseId: subject === SupervisionSubject.Base ? values.baseId : undefined,
    enterpriseId: subject === SupervisionSubject.Enterprise ? values.enterpriseId : undefined,
    personId: subject === SupervisionSubject.AwardHolder ? values.personId : undefined,
    visitedOn: toDateOnly(values.visitedOn),
    inspectors: values.inspectors.trim(),
    findings: values.findings.trim(),
    rectifications: (values.rectifications ?? []).map((r) => ({ item: r.item.trim(), dueDate: toDateOnly(r.dueDate) })),
  };
}

/** Records a guidance and inspection visit (指导和检查) with its rectification items. */
export function SupervisionVisitDialog({ onSaved, onClosed }: { onSaved: () => void; onClosed: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const counties = useCountyOptions();
  return (
    <FormDialog<VisitValues, SupervisionVisitDto>
      name="supervisionVisit"
      title={t('supervision.create')}
      submitLabel={t('common.create')}
      width={640}
      initialValues={{ subject: SupervisionSubject.County, countyId: user.countyId }}
      onSubmit={(values) => api.createSupervisionVisit(visitRequest(values))}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item name="subject" label={t('supervision.subject')}>
        <Select options={SUPERVISION_SUBJECTS.map((value) => ({ value, label: t(`supervision.subjects.${value}`) }))} />
      </Form.Item>
      <Form.Item noStyle dependencies={['subject']}>
        {({ getFieldValue }) => {
          const kind = getFieldValue('subject') as SupervisionSubject | undefined;
          return (
            <>
              {(kind === SupervisionSubject.County || kind === SupervisionSubject.Enterprise) && (
                <Form.Item
                  name="countyId"
                  label={t('channel.county')}
                  rules={[{ required: kind === SupervisionSubject.County, message: t('channel.countyRequired') }]}
                >
                  <Select
                    options={counties}
                    disabled={!!user.countyId}
                    allowClear={kind === SupervisionSubject.Enterprise}
                  />
                </Form.Item>
              )}
              {kind === SupervisionSubject.Base && (
                <Form.Item
                  name="baseId"
                  label={t('participant.base')}
                  rules={[{ required: true, message: t('participant.baseRequired') }]}
                >
                  <BaseSelect />
                </Form.Item>
              )}
              {kind === SupervisionSubject.Enterprise && (
                <Form.Item
                  name="enterpriseId"
                  label={t('supervision.enterprise')}
                  rules={[{ required: true, message: t('supervision.form.enterpriseRequired') }]}
                >
                  <EnterpriseSelect />
                </Form.Item>
              )}
              {kind === SupervisionSubject.AwardHolder && (
                <Form.Item
                  name="personId"
                  label={t('supervision.awardHolder')}
                  rules={[{ required: true, message: t('participant.personRequired') }]}
                >
                  <PersonSelect countyId={user.countyId} household="any" />
                </Form.Item>
              )}
            </>
          );
        }}
      </Form.Item>
      <Form.Item
        name="visitedOn"
        label={t('supervision.visitedOn')}
        rules={[{ required: true, message: t('supervision.form.visitedOnRequired') }]}
      >
        <DatePicker disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item
        name="inspectors"
        label={t('supervision.inspectors')}
        rules={[{ required: true, whitespace: true, message: t('supervision.form.inspectorsRequired') }]}
      >
        <Input maxLength={300} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="findings"
        label={t('supervision.findings')}
        rules={[{ required: true, whitespace: true, message: t('supervision.form.findingsRequired') }]}
      >
        <Input.TextArea maxLength={4000} rows={3} />
      </Form.Item>
      <fieldset className="form-fieldset">
        <legend>{t('supervision.rectifications')}</legend>
        <Form.List name="rectifications">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item
                    name={[field.name, 'item']}
                    label={t('supervision.itemNumbered', { number: index + 1 })}
                    rules={[{ required: true, whitespace: true, message: t('supervision.form.itemRequired') }]}
                  >
                    <Input maxLength={500} autoComplete="off" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'dueDate']}
                    label={t('supervision.dueDate')}
                    rules={[{ required: true, message: t('supervision.form.dueDateRequired') }]}
                  >
                    <DatePicker />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined aria-hidden />}
                    aria-label={t('supervision.removeItem', { number: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add()}>
                {t('supervision.addItem')}
              </Button>
            </>
          )}
        </Form.List>
      </fieldset>
    </FormDialog>
  );
}

interface ClosingValues {
  closedOn: Dayjs;
  note: string;
}

/** Closes a rectification item with the day it was put right and a note; its reminders go. */
export function CloseRectificationDialog({
  visit,
  item,
  onSaved,
  onClosed,
}: {
  visit: SupervisionVisitDto;
  item: RectificationDto;
  onSaved: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog<ClosingValues, SupervisionVisitDto>
      name="closeRectification"
      title={t('supervision.closeTitle', { item: item.item })}
      submitLabel={t('supervision.close')}
      initialValues={{ closedOn: dayjs() }}
      onSubmit={(values) =>
        api.closeRectification(item.id, { closedOn: toDateOnly(values.closedOn), note: values.note.trim() })
      }
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item
        name="closedOn"
        label={t('supervision.closedOn')}
        rules={[{ required: true, message: t('supervision.form.closedOnRequired') }]}
      >
        <DatePicker
          disabledDate={(date) => date.isBefore(dayjs(visit.visitedOn), 'day') || date.isAfter(dayjs(), 'day')}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('supervision.closingNote')}
        rules={[{ required: true, whitespace: true, message: t('supervision.form.noteRequired') }]}
      >
        <Input.TextArea maxLength={1000} rows={2} />
      </Form.Item>
    </FormDialog>
  );
}

function ItemState({ item }: { item: RectificationDto }) {
  const { t } = useTranslation();
  if (item.closedOn) {
    return <Tag color="success">{t('supervision.closedOnDate', { date: formatDate(item.closedOn) })}</Tag>;
  }
  return item.overdue ? <Tag color="error">{t('supervision.overdue')}</Tag> : <Tag>{t('supervision.open')}</Tag>;
}

const FILTER_KEYS = ['subject', 'overdueItems'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** Guidance and inspection visits in the officer's scope, with their open and overdue items. */
export function SupervisionVisitsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const countyName = useCountyName();
  const refresh = useRefresh(SUPERVISION_VISITS_KEY);
  const [creating, setCreating] = useState(false);
  const list = useListState(FILTER_KEYS);
  const { filters } = list;
  const visits = useQuery({
    queryKey: [...SUPERVISION_VISITS_KEY, filters, list.page, list.pageSize],
    queryFn: () =>
      api.getSupervisionVisits(
        undefined,
        enumValue(SupervisionSubject, filters.subject),
        undefined,
        filters.overdueItems === 'true' ? true : undefined,
        list.page,
        list.pageSize,
      ),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<SupervisionVisitDto> = [
    {
      key: 'visitedOn',
      title: t('supervision.visitedOn'),
      render: (_, v) => <Link to={`/supervision/${v.id}`}>{formatDate(v.visitedOn)}</Link>,
    },
    { key: 'county', title: t('channel.county'), render: (_, v) => countyName(v.countyId) },
    { key: 'level', title: t('supervision.level'), render: (_, v) => t(`supervision.levels.${v.level}`) },
    {
      key: 'subject',
      title: t('supervision.subject'),
      render: (_, v) => t('common.withDetail', { text: t(`supervision.subjects.${v.subject}`), detail: v.subjectName }),
    },
    { key: 'inspectors', title: t('supervision.inspectors'), dataIndex: 'inspectors' },
    { key: 'open', title: t('supervision.openItems'), align: 'end', dataIndex: 'openRectifications' },
    {
      key: 'overdue',
      title: t('supervision.overdueItems'),
      align: 'end',
      render: (_, v) => (v.overdueRectifications > 0 ? <Tag color="error">{v.overdueRectifications}</Tag> : 0),
    },
  ];

  return (
    <Page
      title={t('supervision.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('supervision.create')}
          </Button>
        )
      }
    >
      <Form<Filters>
        name="supervisionFilters"
        layout="inline"
        className="filters"
        initialValues={filters}
        onFinish={list.setFilters}
      >
        <Form.Item name="subject" label={t('supervision.subject')}>
          <Select
            allowClear
            className="filter-select"
            options={SUPERVISION_SUBJECTS.map((value) => ({ value, label: t(`supervision.subjects.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="overdueItems" label={t('supervision.overdueItems')}>
          <Select
            allowClear
            className="filter-select"
            options={[{ value: 'true', label: t('supervision.withOverdue') }]}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      {visits.error && <RequestError error={visits.error} />}
      <DataTable<SupervisionVisitDto>
        rowKey="id"
        caption={t('supervision.tableCaption')}
        columns={columns}
        dataSource={visits.data?.items}
        loading={visits.isFetching}
        locale={{ emptyText: t('supervision.none') }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: visits.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: list.setPage,
        }}
      />
      {creating && <SupervisionVisitDialog onSaved={refresh} onClosed={() => setCreating(false)} />}
    </Page>
  );
}

/** One visit: what was found, and its rectification items with their closing (the reminders link here). */
export function SupervisionVisitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const countyName = useCountyName();
  const visit = useSupervisionVisit(id);
  const refresh = useRefresh(SUPERVISION_VISITS_KEY);
  const [closing, setClosing] = useState<RectificationDto>();
  return (
    <RecordPage
      query={visit}
      title={t('supervision.title')}
      notFoundTitle={t('supervision.notFound')}
      notFoundDetail={t('supervision.notFoundDetail')}
    >
      {(v) => (
        <Page title={t('supervision.visitTitle', { date: formatDate(v.visitedOn), name: v.subjectName })}>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'county', label: t('channel.county'), children: countyName(v.countyId) },
              { key: 'level', label: t('supervision.level'), children: t(`supervision.levels.${v.level}`) },
              { key: 'subject', label: t('supervision.subject'), children: t(`supervision.subjects.${v.subject}`) },
              { key: 'inspectors', label: t('supervision.inspectors'), children: v.inspectors },
              { key: 'findings', label: t('supervision.findings'), children: v.findings, span: 2 },
            ]}
          />
          <Card title={t('supervision.rectifications')} className="section-card">
            <DataTable<RectificationDto>
              rowKey="id"
              caption={t('supervision.rectifications')}
              dataSource={v.rectifications}
              pagination={false}
              locale={{ emptyText: t('supervision.noItems') }}
              columns={[
                { key: 'item', title: t('supervision.item'), dataIndex: 'item' },
                { key: 'dueDate', title: t('supervision.dueDate'), render: (_, r) => formatDate(r.dueDate) },
                { key: 'state', title: t('supervision.state'), render: (_, r) => <ItemState item={r} /> },
                { key: 'note', title: t('supervision.closingNote'), dataIndex: 'closingNote' },
                ...(canWrite
                  ? [
                      {
                        key: 'actions',
                        title: t('common.actions'),
                        render: (_: unknown, r: RectificationDto) =>
                          !r.closedOn && (
                            <Button
                              size="small"
                              onClick={() => setClosing(r)}
                              aria-label={t('common.actionFor', { action: t('supervision.close'), name: r.item })}
                            >
                              {t('supervision.close')}
                            </Button>
                          ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          {closing && (
            <CloseRectificationDialog
              visit={v}
              item={closing}
              onSaved={refresh}
              onClosed={() => setClosing(undefined)}
            />
          )}
        </Page>
      )}
    </RecordPage>
  );
}
