import { DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, ReportingGranularity, toProblem, type ShopDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { usePlatforms } from '../enterprises/useEnterprises';
import { PersonSelect } from '../registry/PersonSelect';

type OwnerKind = 'person' | 'enterprise';

interface ShopValues {
  ownerKind: OwnerKind;
  ownerPersonId?: string;
  ownerEnterpriseId?: string;
  platformId: string;
  platformShopId: string;
  name: string;
  url?: string;
  granularity: ReportingGranularity;
  openedOn: Dayjs;
}

const notInFuture = (date: Dayjs) => date.isAfter(dayjs(), 'day');

/** The owner and the platform: chosen when the shop is registered, never changed afterwards. */
function OwnerAndPlatformFields() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const platforms = usePlatforms();
  const ownerKind = Form.useWatch<OwnerKind | undefined>('ownerKind');
  return (
    <>
      <fieldset className="form-fieldset">
        <legend>{t('shop.ownerKind')}</legend>
        <Form.Item name="ownerKind">
          <Radio.Group
            options={[
              { value: 'person', label: t('shops.form.ownerPerson') },
              { value: 'enterprise', label: t('shops.form.ownerEnterprise') },
            ]}
          />
        </Form.Item>
      </fieldset>
      {ownerKind === 'enterprise' ? (
        <Form.Item
          name="ownerEnterpriseId"
          label={t('shops.form.enterprise')}
          extra={t('shops.form.enterpriseHelp')}
          rules={[{ required: true, message: t('shops.form.enterpriseRequired') }]}
        >
          <EnterpriseSelect />
        </Form.Item>
      ) : (
        <Form.Item
          name="ownerPersonId"
          label={t('shops.form.person')}
          rules={[{ required: true, message: t('shops.form.personRequired') }]}
        >
          <PersonSelect countyId={user.countyId} household="any" />
        </Form.Item>
      )}
      <Form.Item
        name="platformId"
        label={t('shop.platform')}
        extra={t('shops.form.platformHelp')}
        rules={[{ required: true, message: t('shops.form.platformRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={platforms.isFetching}
          options={platforms.data?.map((platform) => ({ value: platform.id, label: platform.name }))}
        />
      </Form.Item>
      <Form.Item
        name="platformShopId"
        label={t('shop.platformShopId')}
        extra={t('shops.form.platformShopIdHelp')}
        rules={[{ required: true, whitespace: true, message: t('shops.form.platformShopIdRequired') }]}
      >
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <fieldset className="form-fieldset">
        <legend>{t('shop.granularity')}</legend>
        <Form.Item name="granularity" extra={t('shops.form.granularityHelp')}>
          <Radio.Group
            options={Object.values(ReportingGranularity).map((value) => ({
              value,
              label: t(`shop.granularities.${value}`),
            }))}
          />
        </Form.Item>
      </fieldset>
    </>
  );
}

/**
 * Registers a shop of a disabled person or an enterprise on a partner platform, or edits one (its
 * name, address and opening date) sending its version in If-Match.
 */
export function ShopDialog({
  shop,
  onSaved,
  onStale,
  onClosed,
}: {
  shop?: ShopDto;
  onSaved: (shop: ShopDto) => void;
  onStale?: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const submit = async (values: ShopValues) => {
    const details = {
      name: values.name.trim(),
      url: values.url?.trim() || undefined,
      openedOn: toDateOnly(values.openedOn),
    };
    if (!shop) {
      return api.createShop({
        ...details,
        ownerPersonId: values.ownerKind === 'person' ? values.ownerPersonId : undefined,
        ownerEnterpriseId: values.ownerKind === 'enterprise' ? values.ownerEnterpriseId : undefined,
        platformId: values.platformId,
        platformShopId: values.platformShopId.trim(),
        granularity: values.granularity,
      });
    }
    try {
      return await api.updateShop(shop.id, { ...details, granularity: shop.granularity }, `"${shop.version}"`);
    } catch (error) {
      if (toProblem(error).status === 412) onStale?.();
      throw error;
    }
  };
  return (
    <FormDialog<ShopValues, ShopDto>
      name="shop"
      title={shop ? t('shops.editTitle', { name: shop.name }) : t('shops.create')}
      submitLabel={shop ? t('common.save') : t('common.create')}
      initialValues={
        shop
          ? { name: shop.name, url: shop.url, openedOn: dayjs(shop.openedOn) }
          : { ownerKind: 'person', granularity: ReportingGranularity.Monthly }
      }
      onSubmit={submit}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      {shop ? (
        <Typography.Paragraph>
          {t('shops.form.fixed', {
            platform: shop.platformName,
            platformShopId: shop.platformShopId,
            granularity: t(`shop.granularities.${shop.granularity}`),
          })}
        </Typography.Paragraph>
      ) : (
        <OwnerAndPlatformFields />
      )}
      <Form.Item
        name="name"
        label={t('shop.name')}
        rules={[{ required: true, whitespace: true, message: t('shops.form.nameRequired') }]}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="url"
        label={t('shop.url')}
        extra={t('shops.form.urlHelp')}
        rules={[{ type: 'url', message: t('problems.shop.url_invalid') }]}
      >
        <Input type="url" maxLength={500} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="openedOn"
        label={t('shop.openedOn')}
        rules={[{ required: true, message: t('shops.form.openedOnRequired') }]}
      >
        <DatePicker disabledDate={notInFuture} />
      </Form.Item>
    </FormDialog>
  );
}
