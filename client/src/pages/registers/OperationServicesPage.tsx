import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Select, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  EnterpriseRoles,
  OperationServiceType,
  ServiceProviderKind,
  type CreateOperationServiceCommand,
  type OperationServiceDto,
} from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { FormDialog } from '../../components/FormDialog';
import { Page } from '../../components/Page';
import { enumValue, PAGE_SIZES, useListState } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, formatYuan, toDateOnly } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { PERMISSIONS } from '../../nav/navigation';
import { useCountyName } from '../channels/CountyOrCityField';
import {
  ParticipantFields,
  ParticipantName,
  participantRequest,
  type ParticipantValues,
} from '../channels/participant';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { OPERATION_SERVICES_KEY, PROVIDER_KINDS, SERVICE_TYPES, useRefresh } from './useRegisters';

interface ServiceValues extends ParticipantValues {
  type: OperationServiceType;
  providerKind: ServiceProviderKind;
  providerEnterpriseId?: string;
  servedOn: Dayjs;
  hours: number;
  cost: number;
  fundingSource?: string;
  description?: string;
}

export function operationServiceRequest(values: ServiceValues): CreateOperationServiceCommand {
  return {
    recipient: participantRequest(values),
    type: values.type,
    providerKind: values.providerKind,
    providerEnterpriseId:
      values.providerKind === ServiceProviderKind.Federation ? undefined : values.providerEnterpriseId,
    servedOn: toDateOnly(values.servedOn),
    hours: values.hours,
    cost: values.cost ?? 0,
    fundingSource: values.fundingSource?.trim() || undefined,
    description: values.description?.trim() || undefined,
  };
}

/** Records an e-commerce operation extension service (电商运营延伸服务) to a household, a base or a person. */
export function OperationServiceDialog({ onSaved, onClosed }: { onSaved: () => void; onClosed: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog<ServiceValues, OperationServiceDto>
      name="operationService"
      title={t('operationServices.create')}
      submitLabel={t('common.create')}
      initialValues={{ participantKind: 'household', providerKind: ServiceProviderKind.Federation, cost: 0 }}
      onSubmit={(values) => api.createOperationService(operationServiceRequest(values))}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <ParticipantFields />
      <Form.Item
        name="type"
        label={t('operationService.type')}
        rules={[{ required: true, message: t('operationServices.form.typeRequired') }]}
      >
        <Select options={SERVICE_TYPES.map((value) => ({ value, label: t(`operationService.types.${value}`) }))} />
      </Form.Item>
      <Form.Item name="providerKind" label={t('operationService.providerKind')}>
        <Select
          options={PROVIDER_KINDS.map((value) => ({ value, label: t(`operationService.providerKinds.${value}`) }))}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['providerKind']}>
        {({ getFieldValue }) => {
          const kind = getFieldValue('providerKind') as ServiceProviderKind | undefined;
          return kind && kind !== ServiceProviderKind.Federation ? (
            <Form.Item
              name="providerEnterpriseId"
              label={t('operationService.provider')}
              rules={[{ required: true, message: t('operationServices.form.providerRequired') }]}
            >
              <EnterpriseSelect role={kind === ServiceProviderKind.Incubator ? EnterpriseRoles.Incubator : undefined} />
            </Form.Item>
          ) : null;
        }}
      </Form.Item>
      <Form.Item
        name="servedOn"
        label={t('operationService.servedOn')}
        rules={[{ required: true, message: t('operationServices.form.servedOnRequired') }]}
      >
        <DatePicker disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item
        name="hours"
        label={t('operationService.hours')}
        rules={[{ required: true, message: t('operationServices.form.hoursRequired') }]}
        extra={t('operationServices.form.hoursHelp')}
      >
        <InputNumber min={0.1} max={1000} step={0.5} precision={1} />
      </Form.Item>
      <Form.Item name="cost" label={t('operationService.costYuan')}>
        <InputNumber min={0} max={10_000_000} precision={2} className="amount-input" />
      </Form.Item>
      <Form.Item
        name="fundingSource"
        label={t('operationService.fundingSource')}
        extra={t('operationServices.form.fundingHelp')}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item name="description" label={t('operationService.description')}>
        <Input.TextArea maxLength={1000} rows={2} />
      </Form.Item>
    </FormDialog>
  );
}

const FILTER_KEYS = ['type'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** E-commerce operation extension services in the officer's scope. */
export function OperationServicesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const countyName = useCountyName();
  const refresh = useRefresh(OPERATION_SERVICES_KEY);
  const [creating, setCreating] = useState(false);
  const list = useListState(FILTER_KEYS);
  const { filters } = list;
  const services = useQuery({
    queryKey: [...OPERATION_SERVICES_KEY, filters, list.page, list.pageSize],
    queryFn: () =>
      api.getOperationServices(
        undefined,
        enumValue(OperationServiceType, filters.type),
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        list.page,
        list.pageSize,
      ),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<OperationServiceDto> = [
    { key: 'servedOn', title: t('operationService.servedOn'), render: (_, s) => formatDate(s.servedOn) },
    { key: 'recipient', title: t('operationService.recipient'), render: (_, s) => <ParticipantName participant={s} /> },
    { key: 'county', title: t('channel.county'), render: (_, s) => countyName(s.countyId) },
    { key: 'type', title: t('operationService.type'), render: (_, s) => t(`operationService.types.${s.type}`) },
    {
      key: 'provider',
      title: t('operationService.provider'),
      render: (_, s) => s.providerName ?? t(`operationService.providerKinds.${s.providerKind}`),
    },
    { key: 'hours', title: t('operationService.hours'), align: 'end', dataIndex: 'hours' },
    {
      key: 'cost',
      title: t('operationService.costYuan'),
      align: 'end',
      render: (_, s) => formatYuan(s.cost, language),
    },
    { key: 'fundingSource', title: t('operationService.fundingSource'), dataIndex: 'fundingSource' },
  ];

  return (
    <Page
      title={t('operationServices.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('operationServices.create')}
          </Button>
        )
      }
    >
      <Form<Filters>
        name="operationServiceFilters"
        layout="inline"
        className="filters"
        initialValues={filters}
        onFinish={list.setFilters}
      >
        <Form.Item name="type" label={t('operationService.type')}>
          <Select
            allowClear
            className="filter-select"
            options={SERVICE_TYPES.map((value) => ({ value, label: t(`operationService.types.${value}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      {services.error && <RequestError error={services.error} />}
      <DataTable<OperationServiceDto>
        rowKey="id"
        caption={t('operationServices.tableCaption')}
        columns={columns}
        dataSource={services.data?.items}
        loading={services.isFetching}
        locale={{ emptyText: t('operationServices.none') }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: services.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: list.setPage,
        }}
      />
      {creating && <OperationServiceDialog onSaved={refresh} onClosed={() => setCreating(false)} />}
    </Page>
  );
}
