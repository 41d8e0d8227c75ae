import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, type WorkPlanRoundListItemDto, type WorkPlanStatusCountsDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { PAGE_SIZES, useListState } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { WorkPlanRoundDialog } from './WorkPlanRoundDialog';
import { WorkPlanStatusBadge } from './WorkPlanStatusBadge';
import { roundKey, WORK_PLAN_STATUSES, WORK_PLANS_KEY, useRefreshWorkPlans } from './useWorkPlans';

const COUNT_OF = {
  Due: 'due',
  Submitted: 'submitted',
  Filed: 'filed',
  Returned: 'returned',
  Overdue: 'overdue',
} as const satisfies Record<(typeof WORK_PLAN_STATUSES)[number], keyof WorkPlanStatusCountsDto>;

/** How many counties are in each status, statuses with none left out. */
function StatusCounts({ counts }: { counts: WorkPlanStatusCountsDto }) {
  const { t } = useTranslation();
  const shown = WORK_PLAN_STATUSES.filter((status) => counts[COUNT_OF[status]] > 0);
  return (
    <Flex wrap gap="small">
      {shown.map((status) => (
        <span key={status}>
          <WorkPlanStatusBadge status={status} /> {t('workPlans.countOf', { count: counts[COUNT_OF[status]] })}
        </span>
      ))}
    </Flex>
  );
}

/** Filing rounds of county work plans (工作方案备案), latest deadline first, with how far each has got. */
export function WorkPlanRoundsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const canOpen = user.permissions.includes(PERMISSIONS.decisionsCity);
  const refresh = useRefreshWorkPlans();
  const [creating, setCreating] = useState(false);
  const list = useListState([]);

  const rounds = useQuery({
    queryKey: [...WORK_PLANS_KEY, 'list', list.page, list.pageSize],
    queryFn: () => api.getWorkPlanRounds(undefined, list.page, list.pageSize),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<WorkPlanRoundListItemDto> = [
    {
      key: 'title',
      title: t('workPlans.roundTitle'),
      render: (_, round) => <Link to={`/work-plans/${round.id}`}>{round.title}</Link>,
    },
    {
      key: 'deadline',
      title: t('workPlans.deadline'),
      render: (_, round) => (
        <>
          {formatDate(round.deadline)} {round.pastDeadline && <Tag>{t('workPlans.pastDeadline')}</Tag>}
        </>
      ),
    },
    {
      key: 'status',
      title: user.countyId ? t('workPlans.myStatus') : t('workPlans.progress'),
      render: (_, round) => <StatusCounts counts={round.counts} />,
    },
  ];

  return (
    <Page
      title={t('workPlans.title')}
      actions={
        canOpen && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('workPlans.create')}
          </Button>
        )
      }
    >
      {rounds.error && <RequestError error={rounds.error} />}
      <DataTable<WorkPlanRoundListItemDto>
        rowKey="id"
        caption={t('workPlans.tableCaption')}
        columns={columns}
        dataSource={rounds.data?.items}
        loading={rounds.isFetching}
        locale={{ emptyText: t('workPlans.none') }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: rounds.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: list.setPage,
        }}
      />
      {creating && (
        <WorkPlanRoundDialog
          onSaved={(round) => {
            queryClient.setQueryData(roundKey(round.id), round);
            refresh();
            void navigate(`/work-plans/${round.id}`);
          }}
          onClosed={() => setCreating(false)}
        />
      )}
    </Page>
  );
}
