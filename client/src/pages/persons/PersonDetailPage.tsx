import { EditOutlined, EyeOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Descriptions, Flex, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ConsentScope, PersonStatus, type ConsentDto, type PersonDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { formatDate } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { RecordPage } from '../registry/RecordPage';
import { RecordConsentDialog, WithdrawConsentDialog } from './ConsentDialogs';
import { DeactivateDialog } from './DeactivateDialog';
import { PersonStatusBadge } from './PersonStatusBadge';
import { RevealDialog } from './RevealDialog';
import { usePerson, useSavedPerson } from './usePerson';

type Dialog =
  | { kind: 'reveal' }
  | { kind: 'deactivate' }
  | { kind: 'recordConsent' }
  | { kind: 'withdrawConsent'; scope: ConsentScope };

function PersonDetails({ person }: { person: PersonDto }) {
  const { t } = useTranslation();
  const statusText =
    person.status === PersonStatus.Active ? (
      <PersonStatusBadge status={person.status} />
    ) : (
      <>
        <PersonStatusBadge status={person.status} /> {formatDate(person.statusChangedOn)}
      </>
    );
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'name', label: t('person.name'), children: person.name },
        { key: 'sex', label: t('person.sex'), children: t(`person.sexes.${person.sex}`) },
        { key: 'idNumber', label: t('person.idNumber'), children: person.idNumberMasked },
        { key: 'certificateNumber', label: t('person.certificateNumber'), children: person.certificateNumberMasked },
        { key: 'category', label: t('person.category'), children: t(`person.categories.${person.category}`) },
        { key: 'level', label: t('person.level'), children: t(`person.levels.${person.level}`) },
        { key: 'county', label: t('person.county'), children: person.countyName },
        { key: 'township', label: t('person.township'), children: person.township },
        { key: 'village', label: t('person.village'), children: person.village },
        {
          key: 'registration',
          label: t('person.registration'),
          children: t(`person.registrations.${person.registration}`),
        },
        { key: 'phone', label: t('person.phone'), children: person.phoneMasked ?? t('persons.form.none') },
        {
          key: 'tags',
          label: t('person.tags'),
          children:
            person.tags.length > 0
              ? person.tags.map((tag) => <Tag key={tag}>{t(`person.tagNames.${tag}`)}</Tag>)
              : t('persons.noTags'),
        },
        { key: 'status', label: t('person.status'), children: statusText },
        {
          key: 'household',
          label: t('person.household'),
          children: person.householdId ? (
            <Link to={`/households/${person.householdId}`}>{t('persons.viewHousehold')}</Link>
          ) : (
            t('person.noHousehold')
          ),
        },
      ]}
    />
  );
}

/** The scopes without a consent in force: those a consent can be recorded for. */
function openScopes(person: PersonDto): ConsentScope[] {
  return Object.values(ConsentScope).filter(
    (scope) => !person.consents.some((consent) => consent.scope === scope && !consent.withdrawnOn),
  );
}

function Consents({
  person,
  canWrite,
  onRecord,
  onWithdraw,
}: {
  person: PersonDto;
  canWrite: boolean;
  onRecord: () => void;
  onWithdraw: (scope: ConsentScope) => void;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ConsentDto> = [
    {
      key: 'scope',
      title: t('persons.consents.scope'),
      render: (_, consent) => t(`persons.consents.scopes.${consent.scope}`),
    },
    { key: 'givenOn', title: t('persons.consents.givenOn'), render: (_, consent) => formatDate(consent.givenOn) },
    {
      key: 'withdrawnOn',
      title: t('persons.consents.withdrawnOn'),
      render: (_, consent) => formatDate(consent.withdrawnOn),
    },
    {
      key: 'state',
      title: t('persons.consents.state'),
      render: (_, consent) =>
        consent.withdrawnOn ? (
          <Badge status="default" text={t('persons.consents.withdrawn')} />
        ) : (
          <Badge status="success" text={t('persons.consents.inForce')} />
        ),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, consent: ConsentDto) =>
              !consent.withdrawnOn && (
                <Button
                  type="link"
                  size="small"
                  aria-label={t('common.actionFor', {
                    action: t('persons.consents.withdraw'),
                    name: t(`persons.consents.scopes.${consent.scope}`),
                  })}
                  onClick={() => onWithdraw(consent.scope)}
                >
                  {t('persons.consents.withdraw')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <Card
      title={<h2 className="card-title">{t('persons.consents.title')}</h2>}
      extra={
        canWrite &&
        openScopes(person).length > 0 && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={onRecord}>
            {t('persons.consents.record')}
          </Button>
        )
      }
    >
      <DataTable<ConsentDto>
        rowKey={(consent) => `${consent.scope}-${consent.givenOn}`}
        caption={t('persons.consents.tableCaption')}
        columns={columns}
        dataSource={person.consents}
        pagination={false}
        locale={{ emptyText: t('persons.consents.none') }}
      />
    </Card>
  );
}

export function PersonDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const canReveal = user.permissions.includes(PERMISSIONS.piiReveal);
  const query = usePerson(id);
  const saved = useSavedPerson();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  return (
    <RecordPage
      query={query}
      title={t('persons.detail')}
      notFoundTitle={t('persons.notFound')}
      notFoundDetail={t('persons.notFoundDetail')}
    >
      {(person) => {
        const active = person.status === PersonStatus.Active;
        return (
          <Page
            title={t('persons.detailTitle', { name: person.name })}
            actions={
              <Space wrap>
                {canReveal && (
                  <Button icon={<EyeOutlined aria-hidden />} onClick={() => setDialog({ kind: 'reveal' })}>
                    {t('persons.reveal.open')}
                  </Button>
                )}
                {canWrite && active && (
                  <Button
                    icon={<EditOutlined aria-hidden />}
                    onClick={() => void navigate(`/persons/${person.id}/edit`)}
                  >
                    {t('common.edit')}
                  </Button>
                )}
                {canWrite && active && (
                  <Button icon={<StopOutlined aria-hidden />} onClick={() => setDialog({ kind: 'deactivate' })}>
                    {t('persons.deactivate.open')}
                  </Button>
                )}
              </Space>
            }
          >
            <Flex vertical gap="large">
              <Card title={<h2 className="card-title">{t('persons.details')}</h2>}>
                <Typography.Paragraph type="secondary">{t('persons.maskedNote')}</Typography.Paragraph>
                <PersonDetails person={person} />
              </Card>
              <Consents
                person={person}
                canWrite={canWrite}
                onRecord={() => setDialog({ kind: 'recordConsent' })}
                onWithdraw={(scope) => setDialog({ kind: 'withdrawConsent', scope })}
              />
            </Flex>
            {dialog?.kind === 'reveal' && <RevealDialog person={person} onClosed={close} />}
            {dialog?.kind === 'deactivate' && (
              <DeactivateDialog person={person} onSaved={saved} onStale={() => void query.refetch()} onClosed={close} />
            )}
            {dialog?.kind === 'recordConsent' && (
              <RecordConsentDialog person={person} scopes={openScopes(person)} onSaved={saved} onClosed={close} />
            )}
            {dialog?.kind === 'withdrawConsent' && (
              <WithdrawConsentDialog person={person} scope={dialog.scope} onSaved={saved} onClosed={close} />
            )}
          </Page>
        );
      }}
    </RecordPage>
  );
}
