import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Tabs, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { EnterpriseDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { Page } from '../../components/Page';
import { PERMISSIONS } from '../../nav/navigation';
import { AgreementDialog } from '../agreements/AgreementDialog';
import { AgreementsTable } from '../agreements/AgreementsTable';
import { useAgreementsChanged } from '../agreements/useAgreements';
import { EmploymentDialog } from '../employment/EmploymentDialog';
import { EmploymentTable } from '../employment/EmploymentTable';
import { useEmploymentChanged } from '../employment/useEmployment';
import { LinkDialog } from '../links/LinkDialog';
import { LinksTable } from '../links/LinksTable';
import { useLinksChanged } from '../links/useLinks';
import { RecordPage } from '../registry/RecordPage';
import { EnterpriseDialog } from './EnterpriseDialog';
import { EnterpriseEvidence } from './EnterpriseEvidence';
import { mayEditEnterprise, useEnterprise, useEnterprisesChanged } from './useEnterprises';

type Dialog = 'edit' | 'agreement' | 'employment' | 'link';

function Profile({ enterprise }: { enterprise: EnterpriseDto }) {
  const { t } = useTranslation();
  const none = t('enterprises.notGiven');
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'name', label: t('enterprise.name'), children: enterprise.name },
        { key: 'creditCode', label: t('enterprise.creditCode'), children: enterprise.creditCode },
        { key: 'county', label: t('enterprise.county'), children: enterprise.countyName ?? t('enterprise.noCounty') },
        {
          key: 'roles',
          label: t('enterprise.roles'),
          children: enterprise.roles.map((role) => <Tag key={role}>{t(`enterprise.roleNames.${role}`)}</Tag>),
        },
        { key: 'contactName', label: t('enterprise.contactName'), children: enterprise.contactName ?? none },
        { key: 'contactPhone', label: t('enterprise.contactPhone'), children: enterprise.contactPhone ?? none },
        { key: 'address', label: t('enterprise.address'), span: 2, children: enterprise.address ?? none },
        {
          key: 'runBy',
          label: t('enterprise.runBy'),
          span: 2,
          children: enterprise.runByPersonId ? (
            <Link to={`/persons/${enterprise.runByPersonId}`}>
              {enterprise.runByPersonName ?? t('enterprises.runByOutsideScope')}
            </Link>
          ) : (
            t('enterprises.notRunByDisabled')
          ),
        },
      ]}
    />
  );
}

/** A tab's own pages, kept while the other tabs are shown. */
function usePaging() {
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  return {
    ...paging,
    onPageChange: (page: number, pageSize: number) =>
      setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
  };
}

/** A tab's records, with the button that records one more for writers. */
function TabContent({ action, onAction, children }: { action?: string; onAction: () => void; children: ReactNode }) {
  return (
    <Flex vertical gap="middle">
      {action && (
        <div>
          <Button icon={<PlusOutlined aria-hidden />} onClick={onAction}>
            {action}
          </Button>
        </div>
      )}
      {children}
    </Flex>
  );
}

/**
 * One enterprise: its profile, the evidence counts of the recognitions and the records behind them —
 * supply agreements, employment and benefit links — each in a tab.
 */
export function EnterpriseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const query = useEnterprise(id);
  const enterprisesChanged = useEnterprisesChanged();
  const agreementsChanged = useAgreementsChanged();
  const employmentChanged = useEmploymentChanged();
  const linksChanged = useLinksChanged();
  const agreementsPaging = usePaging();
  const employmentPaging = usePaging();
  const linksPaging = usePaging();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  return (
    <RecordPage
      query={query}
      title={t('enterprises.detail')}
      notFoundTitle={t('enterprises.notFound')}
      notFoundDetail={t('enterprises.notFoundDetail')}
    >
      {(enterprise) => (
        <Page
          title={t('enterprises.detailTitle', { name: enterprise.name })}
          actions={
            mayEditEnterprise(user, enterprise) && (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </Button>
            )
          }
        >
          <Flex vertical gap="large">
            <Card title={<h2 className="card-title">{t('enterprises.profile')}</h2>}>
              <Profile enterprise={enterprise} />
            </Card>
            <EnterpriseEvidence enterpriseId={enterprise.id} />
            <Card title={<h2 className="card-title">{t('enterprises.records')}</h2>}>
              <Tabs
                items={[
                  {
                    key: 'agreements',
                    label: t('enterprises.tabs.agreements'),
                    children: (
                      <TabContent
                        action={canWrite ? t('agreements.create') : undefined}
                        onAction={() => setDialog('agreement')}
                      >
                        <AgreementsTable
                          filters={{ enterpriseId: enterprise.id }}
                          caption={t('enterprises.tabs.agreementsCaption', { name: enterprise.name })}
                          {...agreementsPaging}
                        />
                      </TabContent>
                    ),
                  },
                  {
                    key: 'employment',
                    label: t('enterprises.tabs.employment'),
                    children: (
                      <TabContent
                        action={canWrite ? t('employments.create') : undefined}
                        onAction={() => setDialog('employment')}
                      >
                        <EmploymentTable
                          filters={{ enterpriseId: enterprise.id }}
                          caption={t('enterprises.tabs.employmentCaption', { name: enterprise.name })}
                          {...employmentPaging}
                        />
                      </TabContent>
                    ),
                  },
                  {
                    key: 'links',
                    label: t('enterprises.tabs.links'),
                    children: (
                      <TabContent action={canWrite ? t('links.create') : undefined} onAction={() => setDialog('link')}>
                        <LinksTable
                          filters={{ enterpriseId: enterprise.id }}
                          caption={t('enterprises.tabs.linksCaption', { name: enterprise.name })}
                          {...linksPaging}
                        />
                      </TabContent>
                    ),
                  },
                ]}
              />
            </Card>
          </Flex>
          {dialog === 'edit' && (
            <EnterpriseDialog
              enterprise={enterprise}
              onSaved={enterprisesChanged}
              onStale={enterprisesChanged}
              onClosed={close}
            />
          )}
          {dialog === 'agreement' && (
            <AgreementDialog enterpriseId={enterprise.id} onSaved={agreementsChanged} onClosed={close} />
          )}
          {dialog === 'employment' && (
            <EmploymentDialog enterpriseId={enterprise.id} onSaved={employmentChanged} onClosed={close} />
          )}
          {dialog === 'link' && <LinkDialog enterpriseId={enterprise.id} onSaved={linksChanged} onClosed={close} />}
        </Page>
      )}
    </RecordPage>
  );
}
