import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type BenefitLinkDto, type LinkType } from '../../api';
import { DataTable } from '../../components/DataTable';
import { PAGE_SIZES } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { datesText, InForceBadge } from '../evidence/dated';
import { LinkParty, monthsTotal } from './linkText';
import { LINKS_KEY } from './useLinks';

export interface LinkFilters {
  enterpriseId?: string;
  entrepreneurPersonId?: string;
  householdId?: string;
  type?: LinkType;
  inForceOn?: string;
}

/** Benefit links matching the filters, newest first; each opens its page with the monthly amounts. */
export function LinksTable({
  filters,
  caption,
  page,
  pageSize,
  onPageChange,
}: {
  filters: LinkFilters;
  caption: string;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const links = useQuery({
    queryKey: [...LINKS_KEY, filters, page, pageSize],
    queryFn: () =>
      api.getBenefitLinks(
        filters.enterpriseId,
        filters.entrepreneurPersonId,
        filters.householdId,
        filters.type,
        filters.inForceOn,
        page,
        pageSize,
      ),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<BenefitLinkDto> = [
    {
      key: 'household',
      title: t('link.household'),
      render: (_, link) => <Link to={`/benefit-links/${link.id}`}>{link.householdHeadName}</Link>,
    },
    {
      key: 'registeredPoor',
      title: t('household.registeredPoor'),
      render: (_, link) => (link.householdRegisteredPoor ? t('common.yes') : t('common.no')),
    },
    { key: 'county', title: t('link.county'), dataIndex: 'countyName' },
    { key: 'party', title: t('link.party'), render: (_, link) => <LinkParty link={link} /> },
    { key: 'type', title: t('link.type'), render: (_, link) => t(`link.types.${link.type}`) },
    { key: 'dates', title: t('evidence.dates'), render: (_, link) => datesText(link, t) },
    { key: 'status', title: t('evidence.status'), render: (_, link) => <InForceBadge record={link} /> },
    { key: 'months', title: t('links.monthsRecorded'), align: 'end', render: (_, link) => link.months.length },
    {
      key: 'total',
      title: t('links.totalYuan'),
      align: 'end',
      render: (_, link) => formatYuan(monthsTotal(link), language),
    },
  ];

  return (
    <>
      {links.error && <RequestError error={links.error} />}
      <DataTable<BenefitLinkDto>
        rowKey="id"
        caption={caption}
        columns={columns}
        dataSource={links.data?.items}
        loading={links.isFetching}
        locale={{ emptyText: t('links.none') }}
        pagination={{
          current: page,
          pageSize,
          total: links.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: onPageChange,
        }}
      />
    </>
  );
}
