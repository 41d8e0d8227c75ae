import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, EnterpriseRoles, type IncubationDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { PAGE_SIZES, useListState } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { toDateOnly } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { BaseSelect } from '../bases/BaseSelect';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { dateValue, datesText, InForceBadge } from '../evidence/dated';
import { LastDayDialog } from '../evidence/LastDayDialog';
import { PersonSelect } from '../registry/PersonSelect';
import { IncubationDialog } from './IncubationDialog';
import { INCUBATIONS_KEY, useIncubationsChanged } from './useIncubation';

const FILTER_KEYS = ['incubatorEnterpriseId', 'incubatorBaseId', 'personId', 'inForceOn'] as const;

interface FilterValues {
  incubatorEnterpriseId?: string;
  incubatorBaseId?: string;
  personId?: string;
  inForceOn?: Dayjs;
}

/** Disabled people's businesses incubated by incubators or Sunshine bases (创业孵化), newest first. */
export function IncubationsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const changed = useIncubationsChanged();
  const [creating, setCreating] = useState(false);
  const [ending, setEnding] = useState<IncubationDto | null>(null);
  const [form] = Form.useForm<FilterValues>();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;
  const inForceOn = dateValue(filters.inForceOn);

  const incubations = useQuery({
    queryKey: [...INCUBATIONS_KEY, filters, list.page, list.pageSize],
    queryFn: () =>
      api.getIncubations(
        filters.incubatorEnterpriseId,
        filters.incubatorBaseId,
        filters.personId,
        inForceOn && toDateOnly(inForceOn),
        list.page,
        list.pageSize,
      ),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<IncubationDto> = [
    {
      key: 'person',
      title: t('incubation.person'),
      render: (_, incubation) => <Link to={`/persons/${incubation.personId}`}>{incubation.personName}</Link>,
    },
    {
      key: 'incubator',
      title: t('incubation.incubator'),
      render: (_, incubation) =>
        incubation.incubatorEnterpriseId ? (
          <Link to={`/enterprises/${incubation.incubatorEnterpriseId}`}>{incubation.incubatorName}</Link>
        ) : (
          t('incubations.baseName', { name: incubation.incubatorName })
        ),
    },
    {
      key: 'incubateeType',
      title: t('incubation.incubateeType'),
      render: (_, incubation) => t(`incubation.incubateeTypes.${incubation.incubateeType}`),
    },
    {
      key: 'services',
      title: t('incubation.services'),
      render: (_, incubation) =>
        incubation.services.map((service) => t(`incubation.serviceNames.${service}`)).join(t('common.listSeparator')),
    },
    { key: 'dates', title: t('evidence.dates'), render: (_, incubation) => datesText(incubation, t) },
    { key: 'status', title: t('evidence.status'), render: (_, incubation) => <InForceBadge record={incubation} /> },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, incubation: IncubationDto) =>
              (!incubation.endDate || incubation.endDate >= dayjs().format('YYYY-MM-DD')) && (
                <Button
                  type="link"
                  size="small"
                  aria-label={t('common.actionFor', { action: t('incubations.end'), name: incubation.personName })}
                  onClick={() => setEnding(incubation)}
                >
                  {t('incubations.end')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Page
      title={t('incubations.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('incubations.create')}
          </Button>
        )
      }
    >
      <Form<FilterValues>
        form={form}
        name="incubationFilters"
        layout="inline"
        className="filters"
        initialValues={{ ...filters, inForceOn }}
        onFinish={(values) =>
          list.setFilters({ ...values, inForceOn: values.inForceOn && toDateOnly(values.inForceOn) })
        }
      >
        <Form.Item name="incubatorEnterpriseId" label={t('incubation.incubatorEnterprise')}>
          <EnterpriseSelect role={EnterpriseRoles.Incubator} allowClear className="person-filter" />
        </Form.Item>
        <Form.Item name="incubatorBaseId" label={t('incubation.incubatorBase')}>
          <BaseSelect allowClear className="person-filter" />
        </Form.Item>
        <Form.Item name="personId" label={t('incubation.person')}>
          <PersonSelect household="any" countyId={user.countyId} allowClear className="person-filter" />
        </Form.Item>
        <Form.Item name="inForceOn" label={t('evidence.inForceOn')}>
          <DatePicker />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.setFieldsValue(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])));
              list.setFilters({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Form.Item>
      </Form>
      {incubations.error && <RequestError error={incubations.error} />}
      <DataTable<IncubationDto>
        rowKey="id"
        caption={t('incubations.tableCaption')}
        columns={columns}
        dataSource={incubations.data?.items}
        loading={incubations.isFetching}
        locale={{ emptyText: t('incubations.none') }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: incubations.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: list.setPage,
        }}
      />
      {creating && <IncubationDialog onSaved={changed} onClosed={() => setCreating(false)} />}
      {ending && (
        <LastDayDialog
          name="endIncubation"
          title={t('incubations.endTitle', { person: ending.personName, incubator: ending.incubatorName })}
          submitLabel={t('incubations.end')}
          detail={t('incubations.endDetail')}
          record={ending}
          onSubmit={(lastDay) => api.endIncubation(ending.id, { lastDay })}
          onSaved={changed}
          onClosed={() => setEnding(null)}
        />
      )}
    </Page>
  );
}
