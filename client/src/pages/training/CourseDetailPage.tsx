import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Badge, Button, Card, Descriptions, Flex, Space, Tag, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, EnrolmentKind, EnrolmentStatus, toProblem, type CourseDto, type EnrolmentDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { RequestError } from '../../errors/ProblemAlert';
import { problemMessage } from '../../errors/problemMessage';
import { formatDate } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { RecordPage } from '../registry/RecordPage';
import { useCountyOptions } from '../registry/useCounties';
import { CompleteDialog } from './CompleteDialog';
import { CourseDialog } from './CourseDialog';
import { courseDates, organiserName } from './courseText';
import { EnrolDialog } from './EnrolDialog';
import { organises, useCourse, useEnrolmentChanged, useEnrolments, useSavedCourse } from './useCourse';

type Dialog = { kind: 'edit' } | { kind: 'enrol' } | { kind: 'complete'; enrolment: EnrolmentDto };

const STATUS_BADGES = {
  [EnrolmentStatus.Enrolled]: 'processing',
  [EnrolmentStatus.Completed]: 'success',
  [EnrolmentStatus.Dropped]: 'default',
} as const;

function CourseDetails({ course }: { course: CourseDto }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'level', label: t('course.level'), children: t(`course.levels.${course.level}`) },
        { key: 'organiser', label: t('course.organiser'), children: organiserName(course, t) },
        { key: 'dates', label: t('course.dates'), children: courseDates(course, t) },
        {
          key: 'places',
          label: t('course.places'),
          children: t('course.placesTaken', { taken: course.placesTaken, capacity: course.capacity }),
        },
        {
          key: 'topics',
          label: t('course.topics'),
          span: 2,
          children: course.topics.map((topic) => <Tag key={topic}>{t(`course.topicNames.${topic}`)}</Tag>),
        },
        { key: 'audience', label: t('course.audience'), children: t(`course.audiences.${course.audience}`) },
        { key: 'feeModel', label: t('course.feeModel'), children: t(`course.feeModels.${course.feeModel}`) },
        {
          key: 'provider',
          label: t('course.provider'),
          children: t('common.withDetail', {
            text: course.providerName,
            detail: t(`course.providerTypes.${course.providerType}`),
          }),
        },
        { key: 'partnerPlatform', label: t('course.partnerPlatform'), children: course.partnerPlatform },
      ]}
    />
  );
}

/** The kind of participant, with the family relation or the committee role. */
function participantKind(enrolment: EnrolmentDto, t: TFunction): string {
  const kind = t(`enrolment.kinds.${enrolment.kind}`);
  const detail =
    enrolment.kind === EnrolmentKind.FamilyMember && enrolment.relation
      ? t(`household.relations.${enrolment.relation}`)
      : enrolment.committeeRole;
  return detail ? t('common.withDetail', { text: kind, detail }) : kind;
}

function Enrolments({
  course,
  canWrite,
  onEnrol,
  onComplete,
}: {
  course: CourseDto;
  canWrite: boolean;
  onEnrol: () => void;
  onComplete: (enrolment: EnrolmentDto) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const counties = useCountyOptions();
  const enrolments = useEnrolments(course.id);
  const changed = useEnrolmentChanged(course.id);
  const drop = useMutation({
    mutationFn: (enrolment: EnrolmentDto) => api.dropEnrolment(enrolment.id),
    onSuccess: (enrolment) => {
      changed();
      void message.success(t('courses.drop.done', { name: enrolment.name }));
    },
    onError: (error) => void message.error(problemMessage(toProblem(error), i18n)),
  });
  const confirmDrop = (enrolment: EnrolmentDto) =>
    modal.confirm({
      title: t('courses.drop.confirm', { name: enrolment.name }),
      content: t('courses.drop.detail'),
      okText: t('courses.drop.action'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => drop.mutateAsync(enrolment),
    });
  const rowAction = (label: string, name: string, onClick: () => void) => (
    <Button type="link" size="small" aria-label={t('common.actionFor', { action: label, name })} onClick={onClick}>
      {label}
    </Button>
  );

  const columns: TableColumnsType<EnrolmentDto> = [
    {
      key: 'name',
      title: t('enrolment.name'),
      render: (_, enrolment) =>
        enrolment.kind === EnrolmentKind.DisabledPerson && enrolment.personId ? (
          <Link to={`/persons/${enrolment.personId}`}>{enrolment.name}</Link>
        ) : (
          enrolment.name
        ),
    },
    { key: 'kind', title: t('enrolment.kind'), render: (_, enrolment) => participantKind(enrolment, t) },
    {
      key: 'county',
      title: t('person.county'),
      render: (_, enrolment) => counties.find((county) => county.value === enrolment.countyId)?.label,
    },
    {
      key: 'status',
      title: t('enrolment.status'),
      render: (_, enrolment) => (
        <Badge status={STATUS_BADGES[enrolment.status]} text={t(`enrolment.statuses.${enrolment.status}`)} />
      ),
    },
    {
      key: 'completedOn',
      title: t('enrolment.completedOn'),
      render: (_, enrolment) => formatDate(enrolment.completedOn),
    },
    {
      key: 'certificate',
      title: t('enrolment.certificate'),
      render: (_, enrolment) =>
        enrolment.certificateName &&
        t('common.withDetail', { text: enrolment.certificateName, detail: enrolment.certificateNumber }),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, enrolment: EnrolmentDto) =>
              enrolment.status === EnrolmentStatus.Enrolled && (
                <Space wrap size={0}>
                  {rowAction(t('courses.complete.action'), enrolment.name, () => onComplete(enrolment))}
                  {rowAction(t('courses.drop.action'), enrolment.name, () => confirmDrop(enrolment))}
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={<h2 className="card-title">{t('courses.enrolmentsTitle')}</h2>}
      extra={
        canWrite && (
          <Button icon={<UserAddOutlined aria-hidden />} onClick={onEnrol}>
            {t('courses.enrol.open')}
          </Button>
        )
      }
    >
      {enrolments.error && <RequestError error={enrolments.error} />}
      <DataTable<EnrolmentDto>
        rowKey="id"
        caption={t('courses.enrolmentsCaption')}
        columns={columns}
        dataSource={enrolments.data}
        loading={enrolments.isFetching}
        pagination={false}
        locale={{ emptyText: t('courses.noEnrolments') }}
      />
    </Card>
  );
}

export function CourseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const query = useCourse(id);
  const saved = useSavedCourse();
  const changed = useEnrolmentChanged(id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  return (
    <RecordPage
      query={query}
      title={t('courses.detail')}
      notFoundTitle={t('courses.notFound')}
      notFoundDetail={t('courses.notFoundDetail')}
    >
      {(course) => (
        <Page
          title={t('courses.detailTitle', { title: course.title })}
          actions={
            organises(user, course) && (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog({ kind: 'edit' })}>
                {t('common.edit')}
              </Button>
            )
          }
        >
          <Flex vertical gap="large">
            <Card title={<h2 className="card-title">{t('courses.details')}</h2>}>
              <CourseDetails course={course} />
            </Card>
            <Enrolments
              course={course}
              canWrite={canWrite}
              onEnrol={() => setDialog({ kind: 'enrol' })}
              onComplete={(enrolment) => setDialog({ kind: 'complete', enrolment })}
            />
          </Flex>
          {dialog?.kind === 'edit' && (
            <CourseDialog course={course} onSaved={saved} onStale={() => void query.refetch()} onClosed={close} />
          )}
          {dialog?.kind === 'enrol' && <EnrolDialog course={course} onSaved={changed} onClosed={close} />}
          {dialog?.kind === 'complete' && (
            <CompleteDialog course={course} enrolment={dialog.enrolment} onSaved={changed} onClosed={close} />
          )}
        </Page>
      )}
    </RecordPage>
  );
}
