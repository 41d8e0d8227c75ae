import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/queryClient';
import { AppProviders } from '../../AppProviders';
import { fakeApi, PERSON } from '../../test/api';
import { jsonResponse } from '../../test/render';
import { RevealDialog } from './RevealDialog';

const REVEALED = {
  idNumber: '439901198503151234',
  certificateNumber: '43990119850315123442',
  phone: '13812345678',
  birthDate: '1985-03-15',
};

/** The dialog as the detail page shows it: open until it has closed, then a button to open it again. */
function Harness() {
  const [open, setOpen] = useState(true);
  return open ? (
    <RevealDialog person={PERSON} onClosed={() => setOpen(false)} />
  ) : (
    <button type="button" onClick={() => setOpen(true)}>
      open again
    </button>
  );
}

function renderDialog() {
  // As the end-to-end tests do: without animations the dialog closes at once.
  const matchMedia = window.matchMedia;
  vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
    ...matchMedia(query),
    matches: query === '(prefers-reduced-motion: reduce)',
  }));
  const api = fakeApi({ [`POST /api/persons/${PERSON.id}/reveal`]: jsonResponse(200, REVEALED) });
  vi.stubGlobal('fetch', api.fetch);
  const queryClient = createQueryClient(() => {});
  render(
    <AppProviders queryClient={queryClient}>
      <Harness />
    </AppProviders>,
  );
  return { api, queryClient };
}

describe('RevealDialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('asks for a reason of 4 to 200 characters before calling the server', async () => {
    const { api } = renderDialog();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '查看' }));
    expect(await screen.findByText('请填写查看原因')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: '查看原因' }), ' ab ');
    await user.click(screen.getByRole('button', { name: '查看' }));
    expect(await screen.findByText('查看原因须为 4 至 200 个字。')).toBeInTheDocument();
    expect(api.fetch).not.toHaveBeenCalled();
  });

  it('shows the full values for a reason, and keeps none of them once closed', async () => {
    const { api, queryClient } = renderDialog();
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: '查看原因' }), '  核对残疾证信息 ');
    await user.click(screen.getByRole('button', { name: '查看' }));

    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(REVEALED.idNumber)).toBeInTheDocument();
    expect(within(dialog).getByText(REVEALED.certificateNumber)).toBeInTheDocument();
    expect(within(dialog).getByText(REVEALED.phone)).toBeInTheDocument();
    expect(within(dialog).getByText('1985-03-15')).toBeInTheDocument();
    expect(api.requests[0].body).toEqual({ reason: '核对残疾证信息' });

    await user.click(within(dialog).getAllByRole('button', { name: '关闭' }).at(-1)!);
    await user.click(await screen.findByRole('button', { name: 'open again' }));
    expect(await screen.findByRole('textbox', { name: '查看原因' })).toHaveValue('');
    expect(screen.queryByText(REVEALED.idNumber)).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(REVEALED.idNumber);
    await waitFor(() =>
      expect(
        JSON.stringify(
          queryClient
            .getMutationCache()
            .getAll()
            .map((m) => m.state),
        ),
      ).not.toContain(REVEALED.idNumber),
    );
    expect(
      JSON.stringify(
        queryClient
          .getQueryCache()
          .getAll()
          .map((q) => q.state),
      ),
    ).not.toContain(REVEALED.idNumber);
  });
});
