import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { BenefitType, type AwardFactsDto } from '../../api';
import { DataTable } from '../../components/DataTable';
import { formatDate, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';

interface FactRow {
  key: string;
  label: string;
  snapshot?: string;
  live?: string;
}

type Formatter = (facts: AwardFactsDto) => string | undefined;

/** The facts worth a row, as text, for the award's type; a row is left out when neither side has it. */
function useFactRows(snapshot: AwardFactsDto | undefined, live: AwardFactsDto | undefined): FactRow[] {
  const { t } = useTranslation();
  const language = useLanguage();
  const type = (snapshot ?? live)?.type;
  const yuan = (value: number | undefined | null) =>
    value == null ? undefined : t('decision.yuan', { amount: formatYuan(value, language) });
  const count = (value: number | undefined | null) => (value == null ? undefined : String(value));
  const status: Formatter = (facts) => {
    if (
      type === BenefitType.EmploymentBaseEnterpriseAward ||
      type === BenefitType.PovertyAlleviationBaseEnterpriseAward
    ) {
      return undefined;
    }
    const prefix = type === BenefitType.DemonstrationBaseAward ? 'base.statuses' : 'person.statuses';
    return facts.beneficiaryStatus
      ? t(`${prefix}.${facts.beneficiaryStatus}`, { defaultValue: facts.beneficiaryStatus })
      : t('awardFacts.notRegistered');
  };
  const salesYear: Formatter = (facts) => t('awardFacts.year', { year: facts.salesYear });
  const sells = type === BenefitType.DemonstrationHouseholdAward || type === BenefitType.DemonstrationBaseAward;
  const fields: (readonly [string, string, Formatter])[] = [
    ['assessmentDate', t('awardFacts.assessmentDate'), (facts) => formatDate(facts.assessmentDate)],
    ...(sells ? [['salesYear', t('awardFacts.salesYear'), salesYear] as const] : []),
    ['status', t('awardFacts.status'), status],
    ['holds', t('awardFacts.holdsAwardOfType'), (facts) => (facts.holdsAwardOfType ? t('common.yes') : t('common.no'))],
  ];
  const rows: FactRow[] = fields.map(([key, label, format]) => ({
    key,
    label,
    snapshot: snapshot && format(snapshot),
    live: live && format(live),
  }));
  if (sells) {
    const shops = new Map<string, string>();
    for (const shop of [...(snapshot?.shops ?? []), ...(live?.shops ?? [])]) shops.set(shop.shopId, shop.shopName);
    const net = (facts: AwardFactsDto | undefined, shopId: string) =>
      facts && (yuan(facts.shops.find((shop) => shop.shopId === shopId)?.net) ?? t('awardFacts.notCounted'));
    for (const [shopId, shopName] of shops) {
      rows.push({
        key: `shop-${shopId}`,
        label: t('awardFacts.shop', { name: shopName }),
        snapshot: net(snapshot, shopId),
        live: net(live, shopId),
      });
    }
    if (shops.size === 0) {
      rows.push({
        key: 'shops',
        label: t('awardFacts.shops'),
        snapshot: snapshot && t('awardFacts.noShops'),
        live: live && t('awardFacts.noShops'),
      });
    }
  }
  const figures: (readonly [string, string, Formatter])[] = [
    ['totalSales', t('awardFacts.totalSales'), (facts) => yuan(facts.totalSales)],
    ['stablyLinkedHouseholds', t('awardFacts.stablyLinkedHouseholds'), (facts) => count(facts.stablyLinkedHouseholds)],
    ['stableLinkMonths', t('awardFacts.stableLinkMonths'), (facts) => count(facts.stableLinkMonths)],
    [
      'basesWithActiveAgreements',
      t('awardFacts.basesWithActiveAgreements'),
      (facts) => count(facts.basesWithActiveAgreements),
    ],
    ['disabledEmployees', t('awardFacts.disabledEmployees'), (facts) => count(facts.disabledEmployees)],
  ];
  for (const [key, label, format] of figures) {
    const row = { key, label, snapshot: snapshot && format(snapshot), live: live && format(live) };
    if (row.snapshot !== undefined || row.live !== undefined) rows.push(row);
  }
  return rows.filter((row) => row.snapshot !== undefined || row.live !== undefined);
}

/**
 * The facts an award is decided on: those frozen at submission beside those of today, row by row
 * (each shop's net sales, the totals and counts), with a word where they differ; before submission,
 * only today's. The difference is said in words, not only shown.
 */
export function AwardFacts({ snapshot, live }: { snapshot?: AwardFactsDto; live?: AwardFactsDto }) {
  const { t } = useTranslation();
  const rows = useFactRows(snapshot, live);
  const compare = !!snapshot && !!live;
  const columns: TableColumnsType<FactRow> = [
    { key: 'label', title: t('awardFacts.fact'), dataIndex: 'label' },
    ...(snapshot
      ? [{ key: 'snapshot', title: t('awardFacts.snapshot'), align: 'end' as const, dataIndex: 'snapshot' }]
      : []),
    ...(live ? [{ key: 'live', title: t('awardFacts.live'), align: 'end' as const, dataIndex: 'live' }] : []),
    ...(compare
      ? [
          {
            key: 'changed',
            title: t('awardFacts.changedColumn'),
            render: (_: unknown, row: FactRow) =>
              row.snapshot !== row.live ? t('awardFacts.changed') : t('awardFacts.same'),
          },
        ]
      : []),
  ];
  return (
    <DataTable<FactRow>
      rowKey="key"
      caption={
        compare
          ? t('awardFacts.compareCaption')
          : snapshot
            ? t('awardFacts.snapshotCaption')
            : t('awardFacts.liveCaption')
      }
      columns={columns}
      dataSource={rows}
      pagination={false}
      size="small"
    />
  );
}
