import {
  IndicatorTotal,
  IndicatorUnit,
  PeriodKind,
  type IndicatorDefinitionDto,
  type IndicatorTableDto,
  type MonthlyTrendsDto,
  type TargetProgressReportDto,
} from '../../api';
import { REGIONS, WULING } from '../../test/api';

export const DINGCHENG = { id: 'c0000000-0000-0000-0000-000000430703', code: '430703', name: '鼎城区' };
export const WULING_REF = { id: WULING.countyId!, code: '430702', name: '武陵区' };

export const COUNTY_REGIONS = [
  ...REGIONS,
  {
    ...REGIONS[1],
    id: DINGCHENG.id,
    code: DINGCHENG.code,
    name: DINGCHENG.name,
    nameEn: 'Dingcheng District',
    sortOrder: 2,
  },
];

const definition = (
  code: string,
  group: string,
  name: string,
  unit: IndicatorUnit,
  total = IndicatorTotal.Sum,
): IndicatorDefinitionDto => ({
  code,
  group,
  name,
  nameEn: code,
  definition: `${name}的统计口径`,
  definitionEn: `Definition of ${code}`,
  unit,
  total,
});

export const DEFINITIONS: IndicatorDefinitionDto[] = [
  definition('training.persons', 'training', '培训残疾人数', IndicatorUnit.People, IndicatorTotal.Distinct),
  definition('shops.opened', 'shops', '新开网店数', IndicatorUnit.Shops),
  definition('shops.active', 'shops', '在营网店数', IndicatorUnit.Shops),
  definition('sales.orders', 'sales', '网络销售订单数', IndicatorUnit.Orders),
  definition('sales.amount', 'sales', '网络销售额', IndicatorUnit.Yuan),
  definition('households.linked', 'households', '利益联结贫困户数', IndicatorUnit.Households),
  definition('leaders.prosperity', 'leaders', '致富带头人数', IndicatorUnit.People),
  definition('chain.households', 'chain', '产业链带动户数', IndicatorUnit.Households),
  definition('chain.households_income_up', 'chain', '带动增收户数', IndicatorUnit.Households),
];

/** Figures of the key indicators: Wuling first, Dingcheng second. */
const FIGURES: Record<string, [number, number]> = {
  'training.persons': [37, 12],
  'shops.opened': [5, 9],
  'shops.active': [21, 14],
  'sales.orders': [812, 301],
  'sales.amount': [123456.78, 4500.5],
  'households.linked': [16, 4],
  'leaders.prosperity': [3, 1],
  'chain.households': [40, 22],
};

export const TABLE: IndicatorTableDto = {
  period: { kind: PeriodKind.Year, from: '2026-01-01', to: '2026-12-31', salesFrom: '2026-01', salesTo: '2026-11' },
  cityWide: true,
  counties: [WULING_REF, DINGCHENG],
  rows: Object.entries(FIGURES).map(([code, [wuling, dingcheng]]) => ({
    code,
    total: Math.round((wuling + dingcheng) * 100) / 100,
    byCounty: [
      { countyId: WULING_REF.id, value: wuling },
      { countyId: DINGCHENG.id, value: dingcheng },
    ],
  })),
};

export const TRENDS: MonthlyTrendsDto = {
  year: 2026,
  months: Array.from({ length: 12 }, (_, index) => ({
    month: `2026-${String(index + 1).padStart(2, '0')}-01`,
    salesOrders: index === 2 ? 300 : 10,
    salesAmount: index === 2 ? 9000.5 : 100,
    shopsOpened: index % 3,
    trainedPersons: index,
  })),
};

export const PROGRESS: TargetProgressReportDto = {
  programmeId: 'p0000000-0000-0000-0000-000000000001',
  programmeName: '阳光助残电商扶贫工程',
  from: '2024-01-01',
  to: '2026-12-02',
  scopes: [
    {
      name: '常德市',
      targetDate: '2027-12-31',
      figures: [
        { code: 'training.persons', target: 200, actual: 49 },
        { code: 'leaders.prosperity', target: 20, actual: 4 },
        { code: 'chain.households', target: 100, actual: 62 },
        { code: 'chain.households_income_up', target: 100, actual: 31 },
      ],
    },
    {
      countyId: WULING_REF.id,
      name: '武陵区',
      targetDate: '2027-06-30',
      figures: [
        { code: 'training.persons', target: 100, actual: 37 },
        { code: 'leaders.prosperity', target: 10, actual: 3 },
        { code: 'chain.households', target: 50, actual: 40 },
        { code: 'chain.households_income_up', target: 50, actual: 20 },
      ],
    },
  ],
};
