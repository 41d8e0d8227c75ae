import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Checkbox, Form, Select, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ProductAvailability, ProductCategory, toProblem, type ProductDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { booleanValue, enumValue, PAGE_SIZES, useListState } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { problemMessage } from '../../errors/problemMessage';
import { formatDate, formatDateTime, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { PERMISSIONS } from '../../nav/navigation';
import { useCountyOptions } from '../registry/useCounties';
import { ProductDialog } from './ProductDialog';

const PRODUCTS_KEY = ['products'] as const;
const FILTER_KEYS = ['countyId', 'category', 'includeRemoved'] as const;

interface FilterValues {
  countyId?: string;
  category?: string;
  includeRemoved?: boolean;
}

type Dialog = { kind: 'create' } | { kind: 'edit'; product: ProductDto };

const AVAILABILITY_BADGES = {
  [ProductAvailability.Available]: 'success',
  [ProductAvailability.Seasonal]: 'processing',
  [ProductAvailability.Unavailable]: 'default',
} as const;

/** The priority products catalogue (重点推介产品) that partner platforms pull to promote. */
export function ProductsPage() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const counties = useCountyOptions();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm<FilterValues>();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;
  const includeRemoved = booleanValue(filters.includeRemoved) ?? false;

  const products = useQuery({
    queryKey: [...PRODUCTS_KEY, filters, list.page, list.pageSize],
    queryFn: () =>
      api.getProducts(
        filters.countyId,
        enumValue(ProductCategory, filters.category),
        includeRemoved,
        list.page,
        list.pageSize,
      ),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: PRODUCTS_KEY });

  const remove = useMutation({
    mutationFn: (product: ProductDto) => api.removeProduct(product.id),
    onSuccess: (product) => {
      refresh();
      void message.success(t('products.remove.done', { name: product.name }));
    },
    onError: (error) => void message.error(problemMessage(toProblem(error), i18n)),
  });
  const confirmRemove = (product: ProductDto) =>
    modal.confirm({
      title: t('products.remove.confirm', { name: product.name }),
      content: t('products.remove.detail'),
      okText: t('products.remove.action'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(product).catch(() => undefined),
    });
  const rowAction = (label: string, product: ProductDto, onClick: () => void) => (
    <Button
      type="link"
      size="small"
      aria-label={t('common.actionFor', { action: label, name: product.name })}
      onClick={onClick}
    >
      {label}
    </Button>
  );

  const columns: TableColumnsType<ProductDto> = [
    { key: 'name', title: t('product.name'), dataIndex: 'name' },
    {
      key: 'category',
      title: t('product.category'),
      render: (_, product) => t(`product.categories.${product.category}`),
    },
    { key: 'producer', title: t('product.producer'), dataIndex: 'producerName' },
    {
      key: 'county',
      title: t('product.county'),
      render: (_, product) => counties.find((county) => county.value === product.countyId)?.label,
    },
    {
      key: 'price',
      title: t('product.price'),
      align: 'end',
      render: (_, product) =>
        t('products.pricePer', { price: formatYuan(product.price, language), unit: product.unit }),
    },
    {
      key: 'availability',
      title: t('product.availability'),
      render: (_, product) =>
        product.removedAt ? (
          <Badge status="error" text={t('products.removedOn', { date: formatDate(product.removedAt) })} />
        ) : (
          <Badge
            status={AVAILABILITY_BADGES[product.availability]}
            text={t(`product.availabilities.${product.availability}`)}
          />
        ),
    },
    { key: 'updatedAt', title: t('product.updatedAt'), render: (_, product) => formatDateTime(product.updatedAt) },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, product: ProductDto) =>
              !product.removedAt && (
                <Space wrap size={0}>
                  {rowAction(t('common.edit'), product, () => setDialog({ kind: 'edit', product }))}
                  {rowAction(t('products.remove.action'), product, () => confirmRemove(product))}
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <Page
      title={t('products.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
            {t('products.create')}
          </Button>
        )
      }
    >
      <Form<FilterValues>
        form={form}
        name="productFilters"
        layout="inline"
        className="filters"
        initialValues={{ ...filters, includeRemoved }}
        onFinish={(values) =>
          list.setFilters({
            countyId: values.countyId,
            category: values.category,
            includeRemoved: values.includeRemoved ? 'true' : undefined,
          })
        }
      >
        {!user.countyId && (
          <Form.Item name="countyId" label={t('product.county')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              className="filter-select"
              options={counties}
            />
          </Form.Item>
        )}
        <Form.Item name="category" label={t('product.category')}>
          <Select
            allowClear
            className="filter-select"
            options={Object.values(ProductCategory).map((value) => ({
              value,
              label: t(`product.categories.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="includeRemoved" valuePropName="checked">
          <Checkbox>{t('products.includeRemoved')}</Checkbox>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.setFieldsValue({ countyId: undefined, category: undefined, includeRemoved: false });
              list.setFilters({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Form.Item>
      </Form>
      {products.error && <RequestError error={products.error} />}
      <DataTable<ProductDto>
        rowKey="id"
        caption={t('products.tableCaption')}
        columns={columns}
        dataSource={products.data?.items}
        loading={products.isFetching}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: products.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: list.setPage,
        }}
      />
      {dialog && (
        <ProductDialog
          product={dialog.kind === 'edit' ? dialog.product : undefined}
          onSaved={refresh}
          onStale={refresh}
          onClosed={() => setDialog(null)}
        />
      )}
    </Page>
  );
}
