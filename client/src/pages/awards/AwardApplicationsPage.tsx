import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Form, Select, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, BenefitState, BenefitType, type AwardApplicationListItemDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { enumValue, PAGE_SIZES, useListState } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, formatDateTime, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { NAV, PERMISSIONS } from '../../nav/navigation';
import { BenefitStateBadge } from '../claims/BenefitStateBadge';
import { useCountyOptions } from '../registry/useCounties';
import { ProsperityLeaders } from './ProsperityLeaders';
import { AWARD_STATES, AWARD_TYPES, AWARDS_KEY } from './useAwards';

const FILTER_KEYS = ['type', 'state', 'countyId'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/**
 * Award applications (奖补申请) in the officer's scope, newest first: the review queue. County officers
 * see their county's, city officers every county's (filtered by county if they like); the state filter
 * picks a step of the queue (to review, in public notice, to pay). The prosperity leaders stand above.
 */
export function AwardApplicationsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const counties = useCountyOptions();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const cityOfficer = !user.countyId;
  const [form] = Form.useForm<Filters>();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;

  const applications = useQuery({
    queryKey: [...AWARDS_KEY, 'list', filters, list.page, list.pageSize],
    queryFn: () =>
      api.getAwardApplications(
        enumValue(BenefitType, filters.type),
        enumValue(BenefitState, filters.state),
        cityOfficer ? filters.countyId : undefined,
        list.page,
        list.pageSize,
      ),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<AwardApplicationListItemDto> = [
    {
      key: 'beneficiary',
      title: t('awards.beneficiary'),
      render: (_, application) => (
        <Link to={`/awards/applications/${application.id}`}>{application.beneficiaryName}</Link>
      ),
    },
    { key: 'type', title: t('awards.type'), render: (_, application) => t(`benefit.types.${application.type}`) },
    { key: 'county', title: t('awards.county'), dataIndex: 'countyName' },
    {
      key: 'state',
      title: t('benefit.state'),
      render: (_, application) => <BenefitStateBadge state={application.state} />,
    },
    {
      key: 'amount',
      title: t('awards.amountYuan'),
      align: 'end',
      render: (_, application) => formatYuan(application.amount, language),
    },
    {
      key: 'submittedAt',
      title: t('benefit.submittedAt'),
      render: (_, application) => formatDateTime(application.submittedAt),
    },
    {
      key: 'noticeEndsOn',
      title: t('awards.noticeEndsOn'),
      className: 'nowrap',
      render: (_, application) => formatDate(application.noticeEndsOn),
    },
  ];

  return (
    <Page
      title={t(NAV.awardApplications.labelKey)}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => void navigate('/awards/new')}>
            {t('awards.create')}
          </Button>
        )
      }
    >
      <Flex vertical gap="large">
        <Typography.Paragraph className="page-intro">{t('awards.intro')}</Typography.Paragraph>
        <ProsperityLeaders />
        <section aria-labelledby="award-queue-title">
          <h2 id="award-queue-title" className="section-title section-heading">
            {t('awards.queueTitle')}
          </h2>
          <Form<Filters>
            form={form}
            name="awardFilters"
            layout="inline"
            className="filters"
            initialValues={filters}
            onFinish={list.setFilters}
          >
            <Form.Item name="type" label={t('awards.type')}>
              <Select
                allowClear
                className="filter-select-wide"
                options={AWARD_TYPES.map((type) => ({ value: type, label: t(`benefit.types.${type}`) }))}
              />
            </Form.Item>
            <Form.Item name="state" label={t('benefit.state')}>
              <Select
                allowClear
                className="filter-select"
                options={AWARD_STATES.map((state) => ({ value: state, label: t(`benefit.states.${state}`) }))}
              />
            </Form.Item>
            {cityOfficer && (
              <Form.Item name="countyId" label={t('awards.county')}>
                <Select allowClear className="filter-select" options={counties} />
              </Form.Item>
            )}
            <Form.Item>
              <Button type="primary" htmlType="submit">
                {t('common.search')}
              </Button>
            </Form.Item>
          </Form>
          {applications.error && <RequestError error={applications.error} />}
          <DataTable<AwardApplicationListItemDto>
            rowKey="id"
            caption={t('awards.tableCaption')}
            columns={columns}
            dataSource={applications.data?.items}
            loading={applications.isFetching}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: applications.data?.totalCount ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (total) => t('common.total', { count: total }),
              onChange: list.setPage,
            }}
          />
        </section>
      </Flex>
    </Page>
  );
}
