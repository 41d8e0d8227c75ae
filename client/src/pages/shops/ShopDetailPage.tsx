import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ShopStatus, type ShopDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { Page } from '../../components/Page';
import { formatDate } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { RecordPage } from '../registry/RecordPage';
import { CloseShopDialog } from './CloseShopDialog';
import { SalesDialog } from './SalesDialog';
import { ShopDialog } from './ShopDialog';
import { ShopSales } from './ShopSales';
import { ShopOwner, ShopStatusBadge } from './shopText';
import { useSalesChanged, useSavedShop, useShop } from './useShop';

type Dialog = 'edit' | 'close' | 'sales';

function ShopDetails({ shop }: { shop: ShopDto }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'name', label: t('shop.name'), children: shop.name },
        { key: 'owner', label: t('shop.owner'), children: <ShopOwner shop={shop} /> },
        { key: 'platform', label: t('shop.platform'), children: shop.platformName },
        { key: 'platformShopId', label: t('shop.platformShopId'), children: shop.platformShopId },
        {
          key: 'url',
          label: t('shop.url'),
          span: 2,
          children: shop.url ? (
            <a href={shop.url} target="_blank" rel="noopener noreferrer">
              {shop.url}
            </a>
          ) : (
            t('shops.noUrl')
          ),
        },
        { key: 'county', label: t('shop.county'), children: shop.countyName },
        { key: 'granularity', label: t('shop.granularity'), children: t(`shop.granularities.${shop.granularity}`) },
        { key: 'openedOn', label: t('shop.openedOn'), children: formatDate(shop.openedOn) },
        { key: 'status', label: t('shop.status'), children: <ShopStatusBadge shop={shop} /> },
        { key: 'source', label: t('shop.source'), children: t(`shop.sources.${shop.source}`) },
      ]}
    />
  );
}

/** One shop: its details, its sales by period, staff entry of figures and their confirmation. */
export function ShopDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const query = useShop(id);
  const saved = useSavedShop();
  const salesChanged = useSalesChanged();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  return (
    <RecordPage
      query={query}
      title={t('shops.detail')}
      notFoundTitle={t('shops.notFound')}
      notFoundDetail={t('shops.notFoundDetail')}
    >
      {(shop) => (
        <Page
          title={t('shops.detailTitle', { name: shop.name })}
          actions={
            canWrite && (
              <Space wrap>
                <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog('edit')}>
                  {t('common.edit')}
                </Button>
                {shop.status === ShopStatus.Open && (
                  <Button icon={<StopOutlined aria-hidden />} onClick={() => setDialog('close')}>
                    {t('shops.close.action')}
                  </Button>
                )}
              </Space>
            )
          }
        >
          <Flex vertical gap="large">
            <Card title={<h2 className="card-title">{t('shops.details')}</h2>}>
              <ShopDetails shop={shop} />
            </Card>
            <ShopSales shop={shop} onEnter={() => setDialog('sales')} />
          </Flex>
          {dialog === 'edit' && (
            <ShopDialog shop={shop} onSaved={saved} onStale={() => void query.refetch()} onClosed={close} />
          )}
          {dialog === 'close' && <CloseShopDialog shop={shop} onSaved={saved} onClosed={close} />}
          {dialog === 'sales' && <SalesDialog shop={shop} onSaved={salesChanged} onClosed={close} />}
        </Page>
      )}
    </RecordPage>
  );
}
