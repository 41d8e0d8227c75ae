import { Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ProductAvailability, ProductCategory, toProblem, type ProductDto, type ProductRequest } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { PersonSelect } from '../registry/PersonSelect';

/** The highest price the API takes, in yuan. */
const MAX_PRICE = 10_000_000;

type ProducerKind = 'person' | 'enterprise';

interface ProductValues {
  producerKind: ProducerKind;
  producerPersonId?: string;
  producerEnterpriseId?: string;
  name: string;
  category: ProductCategory;
  price: number;
  unit: string;
  description?: string;
  availability: ProductAvailability;
}

function toProductRequest(values: ProductValues): ProductRequest {
  return {
    name: values.name.trim(),
    category: values.category,
    price: values.price,
    unit: values.unit.trim(),
    description: values.description?.trim() || undefined,
    availability: values.availability,
  };
}

/** Who produces it: a member of a registered-poor household, or a base (an enterprise of a county). */
function ProducerFields() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const producerKind = Form.useWatch<ProducerKind | undefined>('producerKind');
  return (
    <>
      <fieldset className="form-fieldset">
        <legend>{t('product.producerKind')}</legend>
        <Form.Item name="producerKind">
          <Radio.Group
            options={[
              { value: 'person', label: t('products.form.producerPerson') },
              { value: 'enterprise', label: t('products.form.producerEnterprise') },
            ]}
          />
        </Form.Item>
      </fieldset>
      {producerKind === 'enterprise' ? (
        <Form.Item
          name="producerEnterpriseId"
          label={t('products.form.enterprise')}
          extra={t('products.form.enterpriseHelp')}
          rules={[{ required: true, message: t('products.form.enterpriseRequired') }]}
        >
          <EnterpriseSelect />
        </Form.Item>
      ) : (
        <Form.Item
          name="producerPersonId"
          label={t('products.form.person')}
          extra={t('products.form.personHelp')}
          rules={[{ required: true, message: t('products.form.personRequired') }]}
        >
          <PersonSelect countyId={user.countyId} household="required" />
        </Form.Item>
      )}
    </>
  );
}

/** Adds a priority product to the catalogue, or edits one sending its version in If-Match. */
export function ProductDialog({
  product,
  onSaved,
  onStale,
  onClosed,
}: {
  product?: ProductDto;
  onSaved: (product: ProductDto) => void;
  onStale?: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const options = (values: Record<string, string>, prefix: string) =>
    Object.values(values).map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const submit = async (values: ProductValues) => {
    const request = toProductRequest(values);
    if (!product) {
      return api.createProduct({
        ...request,
        producerPersonId: values.producerKind === 'person' ? values.producerPersonId : undefined,
        producerEnterpriseId: values.producerKind === 'enterprise' ? values.producerEnterpriseId : undefined,
      });
    }
    try {
      return await api.updateProduct(product.id, request, `"${product.version}"`);
    } catch (error) {
      if (toProblem(error).status === 412) onStale?.();
      throw error;
    }
  };
  return (
    <FormDialog<ProductValues, ProductDto>
      name="product"
      title={product ? t('products.editTitle', { name: product.name }) : t('products.create')}
      submitLabel={product ? t('common.save') : t('common.create')}
      initialValues={
        product
          ? {
              name: product.name,
              category: product.category,
              price: product.price,
              unit: product.unit,
              description: product.description,
              availability: product.availability,
            }
          : { producerKind: 'person', availability: ProductAvailability.Available }
      }
      onSubmit={submit}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      {product ? (
        <Typography.Paragraph>{t('products.form.producedBy', { producer: product.producerName })}</Typography.Paragraph>
      ) : (
        <ProducerFields />
      )}
      <Form.Item
        name="name"
        label={t('product.name')}
        rules={[{ required: true, whitespace: true, message: t('products.form.nameRequired') }]}
      >
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="category"
        label={t('product.category')}
        rules={[{ required: true, message: t('products.form.categoryRequired') }]}
      >
        <Select options={options(ProductCategory, 'product.categories')} />
      </Form.Item>
      <Form.Item
        name="price"
        label={t('product.priceYuan')}
        rules={[{ required: true, message: t('products.form.priceRequired') }]}
      >
        <InputNumber min={0} max={MAX_PRICE} precision={2} className="amount-input" />
      </Form.Item>
      <Form.Item
        name="unit"
        label={t('product.unit')}
        extra={t('products.form.unitHelp')}
        rules={[{ required: true, whitespace: true, message: t('products.form.unitRequired') }]}
      >
        <Input maxLength={20} autoComplete="off" />
      </Form.Item>
      <Form.Item name="description" label={t('product.description')}>
        <Input.TextArea maxLength={2000} rows={3} showCount />
      </Form.Item>
      <fieldset className="form-fieldset">
        <legend>{t('product.availability')}</legend>
        <Form.Item name="availability">
          <Radio.Group options={options(ProductAvailability, 'product.availabilities')} />
        </Form.Item>
      </fieldset>
    </FormDialog>
  );
}
