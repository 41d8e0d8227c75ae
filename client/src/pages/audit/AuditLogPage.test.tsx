import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditChainBreak, type AuditChainVerification } from '../../api';
import { RequireAuth } from '../../auth/session';
import { CITY, fakeApi } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { AuditLogPage } from './AuditLogPage';

const AUDITOR = { ...CITY, roles: ['Auditor'], permissions: ['reference.read', 'programme.read', 'audit.read'] };

const CHECKPOINT = {
  sequence: 120,
  headHash: 'ab'.repeat(32),
  createdAt: '2026-03-01T02:00:00Z',
  signatureValid: true,
};

async function verifyWith(result: AuditChainVerification) {
  vi.stubGlobal(
    'fetch',
    fakeApi({
      'GET /api/auth/me': jsonResponse(200, AUDITOR),
      'GET /api/audit-entries': jsonResponse(200, { items: [], page: 1, pageSize: 20, totalCount: 0 }),
      'GET /api/audit-entries/verification': jsonResponse(200, result),
    }).fetch,
  );
  renderRoutes(
    [
      {
        element: (
          <RequireAuth>
            <Outlet />
          </RequireAuth>
        ),
        children: [{ path: '/audit', element: <AuditLogPage /> }],
      },
    ],
    '/audit',
  );
  await userEvent.click(await screen.findByRole('button', { name: '校验审计链' }));
}

describe('audit chain verification', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows an intact chain with the rows waiting to be sealed and the last checkpoint', async () => {
    await verifyWith({ isIntact: true, entriesChecked: 120, unsealedPending: 3, lastCheckpoint: CHECKPOINT });

    expect(await screen.findByText('审计链完整，已校验 120 条记录。')).toBeInTheDocument();
    expect(screen.getByText(/另有 3 条新记录等待封存。/)).toBeInTheDocument();
    expect(screen.getByText(/最近的签名检查点：第 120 条/)).toBeInTheDocument();
  });

  it('names the first broken entry, the row and what is wrong with it', async () => {
    await verifyWith({
      isIntact: false,
      entriesChecked: 120,
      unsealedPending: 0,
      firstBrokenSequence: 37,
      firstBrokenId: 4242,
      brokenReason: AuditChainBreak.ContentAltered,
      lastCheckpoint: CHECKPOINT,
    });

    expect(await screen.findByText('审计链已被破坏：已校验 120 条，第 37 条起不一致。')).toBeInTheDocument();
    expect(screen.getByText(/该条记录内容被篡改，或为伪造记录。 记录编号 4242。/)).toBeInTheDocument();
    expect(screen.queryByText(/等待封存/)).not.toBeInTheDocument();
  });

  it('says entries are missing without naming a row', async () => {
    await verifyWith({
      isIntact: false,
      entriesChecked: 118,
      unsealedPending: 0,
      firstBrokenSequence: 119,
      brokenReason: AuditChainBreak.RowsMissing,
      lastCheckpoint: CHECKPOINT,
    });

    expect(await screen.findByText(/自该条起记录缺失（被删除）。/)).toBeInTheDocument();
    expect(screen.queryByText(/记录编号/)).not.toBeInTheDocument();
  });
});
