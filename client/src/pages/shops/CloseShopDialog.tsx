import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, type ShopDto } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';

/** Records the day a shop closed: between its opening and today. */
export function CloseShopDialog({
  shop,
  onSaved,
  onClosed,
}: {
  shop: ShopDto;
  onSaved: (shop: ShopDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const outside = (date: Dayjs) => date.isAfter(dayjs(), 'day') || date.isBefore(dayjs(shop.openedOn), 'day');
  return (
    <FormDialog<{ closedOn: Dayjs }, ShopDto>
      name="closeShop"
      title={t('shops.close.title', { name: shop.name })}
      submitLabel={t('shops.close.action')}
      initialValues={{ closedOn: dayjs() }}
      onSubmit={({ closedOn }) => api.closeShop(shop.id, { closedOn: toDateOnly(closedOn) })}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item
        name="closedOn"
        label={t('shop.closedOn')}
        extra={t('shops.close.help')}
        rules={[{ required: true, message: t('shops.close.dateRequired') }]}
      >
        <DatePicker disabledDate={outside} />
      </Form.Item>
    </FormDialog>
  );
}
