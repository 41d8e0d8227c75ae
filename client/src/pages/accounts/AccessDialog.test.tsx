import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountDto, RoleDto } from '../../api';
import { fakeApi, REGIONS } from '../../test/api';
import { renderRoutes } from '../../test/render';
import { AccessDialog, humanRoles } from './AccessDialog';

const role = (name: string, overrides: Partial<RoleDto> = {}): RoleDto => ({
  name,
  summary: name,
  countyBound: false,
  isMachine: false,
  permissions: [],
  grantablePermissions: [],
  ...overrides,
});

const ROLES = [
  role('CityOfficer'),
  role('CountyOfficer', { countyBound: true }),
  role('Auditor', { grantablePermissions: ['pii.reveal'] }),
  role('PartnerPlatform', { isMachine: true, grantablePermissions: ['partner.shops.write'] }),
];

const ACCOUNT: AccountDto = {
  id: 'a9000000-0000-0000-0000-000000000001',
  userName: 'officer',
  displayName: '新同事',
  roles: [],
  permissions: [],
  twoFactorEnabled: false,
  isDisabled: false,
  isLockedOut: false,
  createdAt: '2026-11-29T09:00:00Z',
};

describe('AccessDialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("never offers a partner platform's machine role to a person's account", async () => {
    vi.stubGlobal('fetch', fakeApi({}).fetch);
    renderRoutes(
      [
        {
          path: '/',
          element: (
            <AccessDialog account={ACCOUNT} roles={ROLES} counties={REGIONS} onSaved={() => {}} onClosed={() => {}} />
          ),
        },
      ],
      '/',
    );
    const roles = within(await screen.findByRole('group', { name: '角色' }));
    expect(roles.getAllByRole('checkbox').map((checkbox) => checkbox.closest('label')?.textContent)).toEqual([
      '市级工作人员',
      '区县工作人员',
      '审计人员',
    ]);
    expect(screen.queryByText('合作电商平台（接口客户端）')).not.toBeInTheDocument();
  });

  it('keeps only the roles of people', () => {
    expect(humanRoles(ROLES).map((r) => r.name)).toEqual(['CityOfficer', 'CountyOfficer', 'Auditor']);
  });
});
