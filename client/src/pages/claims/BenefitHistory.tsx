import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TransitionDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../format';

/** A benefit's workflow steps, oldest first: when, what, from which state to which, by whom and why. */
export function BenefitHistory({ transitions }: { transitions: TransitionDto[] }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const columns: TableColumnsType<TransitionDto> = [
    { key: 'at', title: t('benefit.history.at'), render: (_, transition) => formatDateTime(transition.at) },
    {
      key: 'action',
      title: t('benefit.history.action'),
      render: (_, transition) => t(`benefit.history.actions.${transition.action}`, { defaultValue: transition.action }),
    },
    {
      key: 'states',
      title: t('benefit.history.states'),
      render: (_, transition) =>
        t('benefit.history.fromTo', {
          from: t(`benefit.states.${transition.from}`),
          to: t(`benefit.states.${transition.to}`),
        }),
    },
    {
      key: 'actor',
      title: t('benefit.history.actor'),
      render: (_, transition) => (transition.actorId === user.id ? t('benefit.history.you') : transition.actorId),
    },
    { key: 'comment', title: t('benefit.history.comment'), dataIndex: 'comment' },
  ];
  return (
    <DataTable<TransitionDto>
      rowKey={(transition) => `${transition.at}-${transition.action}`}
      caption={t('benefit.history.caption')}
      columns={columns}
      dataSource={transitions}
      pagination={false}
      locale={{ emptyText: t('benefit.history.none') }}
    />
  );
}
