import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ShopStatus, type ShopDto } from '../../api';
import { formatDate } from '../../format';

/** The shop's owner: a link to the person in the registry, or the enterprise's name. */
export function ShopOwner({ shop }: { shop: ShopDto }) {
  return shop.ownerPersonId ? (
    <Link to={`/persons/${shop.ownerPersonId}`}>{shop.ownerPersonName}</Link>
  ) : (
    <>{shop.ownerEnterpriseName}</>
  );
}

/** Open, or closed and since when. */
export function ShopStatusBadge({ shop }: { shop: ShopDto }) {
  const { t } = useTranslation();
  return shop.status === ShopStatus.Open ? (
    <Badge status="success" text={t('shop.statuses.Open')} />
  ) : (
    <Badge status="default" text={t('shops.closedOn', { date: formatDate(shop.closedOn) })} />
  );
}
