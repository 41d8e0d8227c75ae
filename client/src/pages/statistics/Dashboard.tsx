import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../auth/session';
import { NAV } from '../../nav/navigation';
import { CountyOverview } from './CountyOverview';
import { TargetGauges } from './TargetGauges';
import { TrendCharts } from './TrendCharts';

/**
 * The officers' dashboard (工作台): targets against actual figures, the monthly trends and the
 * counties compared. A county officer sees their county (the API scopes every figure).
 */
export function Dashboard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Flex vertical gap="large">
      <p className="page-intro">
        {user.countyName ? t('dashboard.introCounty', { county: user.countyName }) : t('dashboard.introCity')}{' '}
        <Link to={NAV.statistics.path}>{t('dashboard.allIndicators')}</Link>
      </p>
      <TargetGauges />
      <TrendCharts />
      <CountyOverview />
    </Flex>
  );
}
