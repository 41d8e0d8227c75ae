import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useCurrentUser } from '../auth/session';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { RequestError } from '../errors/ProblemAlert';
import { formatDate, localName } from '../format';
import { useLanguage } from '../i18n/useLanguage';
import { PERMISSIONS } from '../nav/navigation';
import { Dashboard } from './statistics/Dashboard';

function ProgrammeList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const programmes = useQuery({ queryKey: ['programmes'], queryFn: () => api.getProgrammes() });
  if (programmes.isPending) return <Loading />;
  if (programmes.error) return <RequestError error={programmes.error} />;
  if (programmes.data.length === 0) return <Empty description={t('home.noProgrammes')} />;
  return (
    <Flex vertical gap="large">
      {programmes.data.map((programme) => (
        <Descriptions
          key={programme.id}
          title={<h3 className="section-title">{localName(programme, language)}</h3>}
          column={{ xs: 1, md: 2 }}
          bordered
          size="small"
          items={[
            { key: 'code', label: t('home.programmeCode'), children: programme.code },
            {
              key: 'period',
              label: t('home.programmePeriod'),
              children: t('home.periodRange', {
                start: formatDate(programme.periodStart),
                end: formatDate(programme.periodEnd),
              }),
            },
            { key: 'document', label: t('home.programmeDocument'), children: programme.documentReference, span: 2 },
          ]}
        />
      ))}
    </Flex>
  );
}

/** The home page: for programme officers the dashboard first, then the account and the programmes. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Page title={t('home.title')}>
      <Flex vertical gap="large">
        {user.permissions.includes(PERMISSIONS.programmeRead) && <Dashboard />}
        <Card title={<h2 className="card-title">{t('home.welcome', { name: user.displayName })}</h2>}>
          <Descriptions
            column={1}
            items={[
              { key: 'userName', label: t('account.userName'), children: user.userName },
              {
                key: 'roles',
                label: t('account.roles'),
                children:
                  user.roles.length > 0
                    ? user.roles.map((role) => <Tag key={role}>{t(`roles.${role}`, { defaultValue: role })}</Tag>)
                    : t('account.noRoles'),
              },
              { key: 'county', label: t('account.county'), children: user.countyName ?? t('account.noCounty') },
            ]}
          />
        </Card>
        <Card title={<h2 className="card-title">{t('home.programmes')}</h2>}>
          <ProgrammeList />
        </Card>
      </Flex>
    </Page>
  );
}
