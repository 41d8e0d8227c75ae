import { vi } from 'vitest';
import {
  DayCountBasis,
  DisabilityCategory,
  DisabilityLevel,
  HouseholdRegistration,
  LoanProgramme,
  PersonStatus,
  RegionKind,
  Sex,
  type CurrentUserDto,
  type LoanDto,
  type PersonDto,
  type RegionDto,
} from '../api';
import { jsonResponse } from './render';

export interface FakeRequest {
  url: URL;
  init: RequestInit | undefined;
  /** The JSON body, for requests that send one. */
  body: unknown;
}

type Reply = Response | ((request: FakeRequest) => Response);

/**
 * A fetch that answers requests by "METHOD /path" (the query ignored) from a table, 404 otherwise,
 * and records each request.
 */
export function fakeApi(routes: Record<string, Reply>) {
  const requests: FakeRequest[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (input, init) => {
    const url = new URL(String(input), 'http://localhost');
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const request = { url, init, body };
    requests.push(request);
    const reply = routes[`${init?.method ?? 'GET'} ${url.pathname}`];
    if (!reply) return jsonResponse(404, { status: 404, title: 'Not Found', code: 'route.not_found' });
    return typeof reply === 'function' ? reply(request) : reply.clone();
  });
  return { fetch, requests };
}

export const WULING: CurrentUserDto = {
  id: '5f0c2d9e-4a43-4c1e-9a36-2f0a7d3b9c11',
  userName: 'wuling',
  displayName: '武陵区工作人员',
  roles: ['CountyOfficer'],
  permissions: ['reference.read', 'programme.read', 'programme.write', 'decisions.county', 'pii.reveal'],
  countyId: 'c0000000-0000-0000-0000-000000430702',
  countyName: '武陵区',
  twoFactorEnabled: false,
  twoFactorEnrolmentRequired: false,
};

/** A city officer: every county, city decisions and the partner platforms' API clients. */
export const CITY: CurrentUserDto = {
  id: '7a1d4c2b-0f5e-4e8a-b3c6-1d2e3f4a5b6c',
  userName: 'city',
  displayName: '市残联工作人员',
  roles: ['CityOfficer'],
  permissions: [
    'reference.read',
    'programme.read',
    'programme.write',
    'decisions.city',
    'audit.read',
    'pii.reveal',
    'partners.manage',
  ],
  twoFactorEnabled: false,
  twoFactorEnrolmentRequired: false,
};

export const REGIONS: RegionDto[] = [
  {
    id: 'c0000000-0000-0000-0000-000000430700',
    code: '430700',
    name: '常德市',
    nameEn: 'Changde',
    kind: RegionKind.City,
    hasStatisticalCode: true,
    isActive: true,
    sortOrder: 0,
    version: 1,
  },
  {
    id: WULING.countyId!,
    code: '430702',
    name: '武陵区',
    nameEn: 'Wuling District',
    kind: RegionKind.District,
    parentId: 'c0000000-0000-0000-0000-000000430700',
    hasStatisticalCode: true,
    isActive: true,
    sortOrder: 1,
    version: 1,
  },
];

export const PERSON: PersonDto = {
  id: 'a0000000-0000-0000-0000-000000000001',
  name: '张三',
  idNumberMasked: '439901********1234',
  certificateNumberMasked: '439901********1234**',
  category: DisabilityCategory.Physical,
  level: DisabilityLevel.Level2,
  sex: Sex.Male,
  countyId: WULING.countyId!,
  countyName: '武陵区',
  township: '丹洲乡',
  village: '柳叶村',
  registration: HouseholdRegistration.Rural,
  phoneMasked: '138****5678',
  tags: [],
  status: PersonStatus.Active,
  consents: [],
  version: 7,
};

/** A 4.35% microcredit loan of the person, a fifth repaid. */
export const LOAN: LoanDto = {
  id: 'd5000000-0000-0000-0000-000000000001',
  borrowerId: PERSON.id,
  borrowerName: PERSON.name,
  countyId: WULING.countyId!,
  countyName: '武陵区',
  programme: LoanProgramme.PovertyAlleviationMicrocredit,
  lender: '常德农商银行',
  principal: 50000,
  annualRate: 0.0435,
  dayCountBasis: DayCountBasis.Actual360,
  startDate: '2024-01-15',
  termMonths: 36,
  maturityDate: '2027-01-15',
  outstandingToday: 40000,
  repayments: [{ id: 'r1', date: '2024-07-15', principal: 10000 }],
  version: 2,
};
