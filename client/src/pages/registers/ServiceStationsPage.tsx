import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Select, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  ServiceStationKind,
  ServiceStationStatus,
  type CreateServiceStationCommand,
  type ServiceStationDto,
  type StationRecruitRequest,
} from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { FormDialog } from '../../components/FormDialog';
import { Page } from '../../components/Page';
import { enumValue, PAGE_SIZES, useListState } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, toDateOnly } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { useCountyName } from '../channels/CountyOrCityField';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { PersonSelect } from '../registry/PersonSelect';
import { useCountyOptions } from '../registry/useCounties';
import { SERVICE_STATIONS_KEY, STATION_KINDS, STATION_STATUSES, useRefresh } from './useRegisters';

interface StationValues {
  countyId: string;
  kind: ServiceStationKind;
  name: string;
  township: string;
  village?: string;
  address: string;
  operatorEnterpriseId: string;
  openedOn: Dayjs;
}

export function stationRequest(values: StationValues): CreateServiceStationCommand {
  return {
    countyId: values.countyId,
    kind: values.kind,
    name: values.name.trim(),
    township: values.township.trim(),
    village: values.village?.trim() || undefined,
    address: values.address.trim(),
    operatorEnterpriseId: values.operatorEnterpriseId,
    openedOn: toDateOnly(values.openedOn),
  };
}

/** Registers a village service station or a community micro-store (村级服务站、微店进小区). */
export function ServiceStationDialog({ onSaved, onClosed }: { onSaved: () => void; onClosed: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const counties = useCountyOptions();
  const required = (key: string) => [
    { required: true, whitespace: true, message: t(`serviceStations.form.${key}Required`) },
  ];
  return (
    <FormDialog<StationValues, ServiceStationDto>
      name="serviceStation"
      title={t('serviceStations.create')}
      submitLabel={t('common.create')}
      initialValues={{ countyId: user.countyId, kind: ServiceStationKind.VillageServiceStation }}
      onSubmit={(values) => api.createServiceStation(stationRequest(values))}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item
        name="countyId"
        label={t('channel.county')}
        rules={[{ required: true, message: t('channel.countyRequired') }]}
      >
        <Select options={counties} disabled={!!user.countyId} />
      </Form.Item>
      <Form.Item name="kind" label={t('serviceStation.kind')}>
        <Select options={STATION_KINDS.map((value) => ({ value, label: t(`serviceStation.kinds.${value}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('serviceStation.name')} rules={required('name')}>
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item name="township" label={t('serviceStation.township')} rules={required('township')}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="village" label={t('serviceStation.village')}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="address" label={t('serviceStation.address')} rules={required('address')}>
        <Input maxLength={300} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="operatorEnterpriseId"
        label={t('serviceStation.operator')}
        rules={[{ required: true, message: t('serviceStations.form.operatorRequired') }]}
      >
        <EnterpriseSelect />
      </Form.Item>
      <Form.Item
        name="openedOn"
        label={t('serviceStation.openedOn')}
        rules={[{ required: true, message: t('serviceStations.form.openedOnRequired') }]}
      >
        <DatePicker disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </FormDialog>
  );
}

interface RecruitValues {
  personId: string;
  terms: string;
  startDate: Dayjs;
}

export function recruitRequest(values: RecruitValues): StationRecruitRequest {
  return { personId: values.personId, terms: values.terms.trim(), startDate: toDateOnly(values.startDate) };
}

/** Records a disabled person recruited through a station, with the preferential terms offered (准入优惠). */
export function StationRecruitDialog({
  station,
  onSaved,
  onClosed,
}: {
  station: ServiceStationDto;
  onSaved: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog<RecruitValues, ServiceStationDto>
      name="stationRecruit"
      title={t('serviceStations.recruitTitle', { name: station.name })}
      submitLabel={t('serviceStations.recruit')}
      onSubmit={(values) => api.addStationRecruit(station.id, recruitRequest(values))}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item
        name="personId"
        label={t('serviceStation.recruitPerson')}
        rules={[{ required: true, message: t('serviceStations.form.personRequired') }]}
      >
        <PersonSelect countyId={station.countyId} household="any" />
      </Form.Item>
      <Form.Item
        name="terms"
        label={t('serviceStation.terms')}
        rules={[{ required: true, whitespace: true, message: t('serviceStations.form.termsRequired') }]}
        extra={t('serviceStations.form.termsHelp')}
      >
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
      <Form.Item
        name="startDate"
        label={t('serviceStation.startDate')}
        rules={[{ required: true, message: t('serviceStations.form.startDateRequired') }]}
      >
        <DatePicker
          disabledDate={(date) => date.isBefore(dayjs(station.openedOn), 'day') || date.isAfter(dayjs(), 'day')}
        />
      </Form.Item>
    </FormDialog>
  );
}

const FILTER_KEYS = ['kind', 'status'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** Village service stations and community micro-stores, with the disabled people recruited through them. */
export function ServiceStationsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const countyName = useCountyName();
  const refresh = useRefresh(SERVICE_STATIONS_KEY);
  const [creating, setCreating] = useState(false);
  const [recruiting, setRecruiting] = useState<ServiceStationDto>();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;
  const stations = useQuery({
    queryKey: [...SERVICE_STATIONS_KEY, filters, list.page, list.pageSize],
    queryFn: () =>
      api.getServiceStations(
        undefined,
        enumValue(ServiceStationKind, filters.kind),
        enumValue(ServiceStationStatus, filters.status),
        undefined,
        list.page,
        list.pageSize,
      ),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<ServiceStationDto> = [
    { key: 'name', title: t('serviceStation.name'), dataIndex: 'name' },
    { key: 'kind', title: t('serviceStation.kind'), render: (_, s) => t(`serviceStation.kinds.${s.kind}`) },
    { key: 'county', title: t('channel.county'), render: (_, s) => countyName(s.countyId) },
    {
      key: 'place',
      title: t('serviceStation.place'),
      render: (_, s) => [s.township, s.village, s.address].filter(Boolean).join(' · '),
    },
    { key: 'operator', title: t('serviceStation.operator'), dataIndex: 'operatorName' },
    { key: 'openedOn', title: t('serviceStation.openedOn'), render: (_, s) => formatDate(s.openedOn) },
    { key: 'status', title: t('serviceStation.status'), render: (_, s) => t(`serviceStation.statuses.${s.status}`) },
    {
      key: 'recruits',
      title: t('serviceStation.recruits'),
      render: (_, s) =>
        s.recruits.length === 0
          ? t('serviceStations.noRecruits')
          : s.recruits.map((r) => `${r.personName}（${r.terms}，${formatDate(r.startDate)}）`).join('；'),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, s: ServiceStationDto) =>
              s.status !== ServiceStationStatus.Closed && (
                <Button
                  size="small"
                  onClick={() => setRecruiting(s)}
                  aria-label={t('serviceStations.recruitTitle', { name: s.name })}
                >
                  {t('serviceStations.recruit')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Page
      title={t('serviceStations.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('serviceStations.create')}
          </Button>
        )
      }
    >
      <Form<Filters>
        name="serviceStationFilters"
        layout="inline"
        className="filters"
        initialValues={filters}
        onFinish={list.setFilters}
      >
        <Form.Item name="kind" label={t('serviceStation.kind')}>
          <Select
            allowClear
            className="filter-select"
            options={STATION_KINDS.map((value) => ({ value, label: t(`serviceStation.kinds.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="status" label={t('serviceStation.status')}>
          <Select
            allowClear
            className="filter-select"
            options={STATION_STATUSES.map((value) => ({ value, label: t(`serviceStation.statuses.${value}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      {stations.error && <RequestError error={stations.error} />}
      <DataTable<ServiceStationDto>
        rowKey="id"
        caption={t('serviceStations.tableCaption')}
        columns={columns}
        dataSource={stations.data?.items}
        loading={stations.isFetching}
        locale={{ emptyText: t('serviceStations.none') }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: stations.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: list.setPage,
        }}
      />
      {creating && <ServiceStationDialog onSaved={refresh} onClosed={() => setCreating(false)} />}
      {recruiting && (
        <StationRecruitDialog station={recruiting} onSaved={refresh} onClosed={() => setRecruiting(undefined)} />
      )}
    </Page>
  );
}
