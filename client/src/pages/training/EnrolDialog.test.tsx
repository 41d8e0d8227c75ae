import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AudienceTrack,
  CourseLevel,
  CourseTopic,
  EnrolmentKind,
  FeeModel,
  HouseholdRelation,
  ProviderType,
  type CourseDto,
} from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { EnrolDialog, toEnrolRequest } from './EnrolDialog';

const COURSE: CourseDto = {
  id: 'e0000000-0000-0000-0000-000000000001',
  title: '网店开设基础班',
  level: CourseLevel.County,
  countyId: WULING.countyId,
  countyName: '武陵区',
  topics: [CourseTopic.OpeningShop],
  audience: AudienceTrack.WouldBeEntrepreneurs,
  providerType: ProviderType.VocationalCollege,
  providerName: '常德职业技术学院',
  startDate: '2019-03-01',
  endDate: '2019-03-10',
  capacity: 30,
  placesTaken: 3,
  feeModel: FeeModel.Free,
  version: 2,
};

describe('toEnrolRequest', () => {
  const values = {
    personId: PERSON.id,
    name: ' 王芳 ',
    relation: HouseholdRelation.Spouse,
    countyId: WULING.countyId,
    committeeRole: ' 村专职委员 ',
  };

  it('sends only the person for a disabled person', () => {
    expect(toEnrolRequest({ ...values, kind: EnrolmentKind.DisabledPerson })).toEqual({
      kind: EnrolmentKind.DisabledPerson,
      personId: PERSON.id,
    });
  });

  it('sends the disabled relative, the name and the relation for a family member', () => {
    expect(toEnrolRequest({ ...values, kind: EnrolmentKind.FamilyMember })).toEqual({
      kind: EnrolmentKind.FamilyMember,
      personId: PERSON.id,
      name: '王芳',
      relation: HouseholdRelation.Spouse,
    });
  });

  it('sends the name, county and role, and no person, for a specialist committee member', () => {
    expect(toEnrolRequest({ ...values, kind: EnrolmentKind.SpecialistCommitteeMember })).toEqual({
      kind: EnrolmentKind.SpecialistCommitteeMember,
      name: '王芳',
      countyId: WULING.countyId,
      committeeRole: '村专职委员',
    });
  });
});

describe('EnrolDialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function renderDialog() {
    const api = fakeApi({
      'GET /api/auth/me': jsonResponse(200, WULING),
      'GET /api/regions': jsonResponse(200, REGIONS),
      'GET /api/persons': jsonResponse(200, {
        items: [
          { ...PERSON, isRegisteredPoor: false },
          {
            ...PERSON,
            id: 'a0000000-0000-0000-0000-000000000002',
            name: '张四',
            householdId: 'h1',
            isRegisteredPoor: false,
          },
        ],
        page: 1,
        pageSize: 20,
        totalCount: 2,
      }),
      [`POST /api/courses/${COURSE.id}/enrolments`]: jsonResponse(201, {}),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderRoutes(
      [
        {
          element: (
            <RequireAuth>
              <Outlet />
            </RequireAuth>
          ),
          children: [{ path: '/', element: <EnrolDialog course={COURSE} onSaved={() => {}} onClosed={() => {}} /> }],
        },
      ],
      '/',
    );
    return api;
  }

  it('enrols a family member through a disabled relative who has a household', async () => {
    const api = renderDialog();
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog', { name: `报名：${COURSE.title}` });
    await user.click(within(dialog).getByRole('radio', { name: '残疾人家属' }));
    await user.type(within(dialog).getByRole('combobox', { name: '其家属的残疾人' }), '张');
    // Someone without a household cannot be chosen: a family member is linked through it.
    const noHousehold = await screen.findByRole('option', { name: /张三.*未登记家庭/ });
    expect(noHousehold).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByText(/^张四/));
    await user.type(within(dialog).getByRole('textbox', { name: '姓名' }), '王芳');
    await user.click(within(dialog).getByRole('combobox', { name: '家庭关系' }));
    await user.click(await screen.findByTitle('配偶'));
    await user.click(within(dialog).getByRole('button', { name: '报名' }));

    await vi.waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
        kind: EnrolmentKind.FamilyMember,
        personId: 'a0000000-0000-0000-0000-000000000002',
        name: '王芳',
        relation: HouseholdRelation.Spouse,
      }),
    );
  });
});
