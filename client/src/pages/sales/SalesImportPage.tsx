import { Alert } from 'antd';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, backgroundApi } from '../../api';
import { ImportJobPage, type ImportKindConfig } from '../../components/ImportJobPage';
import { PENDING_SALES_KEY } from '../shops/useShop';

const SALES_IMPORT: ImportKindConfig = {
  name: 'salesImport',
  calls: {
    start: (importValidRows, file) => api.startSalesImport(importValidRows, file),
    list: (page, pageSize) => api.getSalesImports(page, pageSize),
    get: (id) => backgroundApi.getSalesImport(id),
  },
  templateUrl: '/api/sales-imports/template',
  textPrefix: 'sales.import',
  fieldLabels: {
    platform: 'shop.platform',
    platformShopId: 'shop.platformShopId',
    period: 'sales.period',
    orderCount: 'sales.orderCount',
    units: 'sales.units',
    grossAmount: 'sales.grossYuan',
    refunds: 'sales.refundsYuan',
  },
  refreshes: [['shop'], PENDING_SALES_KEY],
};

/** Imports shops' sales entered by officers; they count once another officer confirms them. */
export function SalesImportPage() {
  const { t } = useTranslation();
  return (
    <ImportJobPage
      title={t('nav.salesImport')}
      config={SALES_IMPORT}
      notice={
        <Alert
          type="info"
          showIcon
          title={t('sales.import.confirmationTitle')}
          description={
            <Trans
              i18nKey="sales.import.confirmationDetail"
              components={{ queue: <Link to="/sales/pending" className="inline-link" /> }}
            />
          }
        />
      }
    />
  );
}
