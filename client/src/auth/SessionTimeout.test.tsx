import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LANGUAGE, setLanguage } from '../i18n';
import { SessionTimeout, WARN_BEFORE_MS, type SessionDeadlines } from './SessionTimeout';

const MINUTE = 60_000;
const START = Date.parse('2026-12-06T09:00:00+08:00');

function deadlines(idleInMs: number, absoluteInMs = 8 * 60 * MINUTE): SessionDeadlines {
  return { idleExpiresAt: Date.now() + idleInMs, expiresAt: START + absoluteInMs };
}

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

function setup(given: SessionDeadlines, checked: SessionDeadlines = given) {
  const check = vi.fn(() => Promise.resolve(checked));
  const stay = vi.fn(() => Promise.resolve(deadlines(30 * MINUTE)));
  const signOut = vi.fn(() => Promise.resolve());
  const onEnded = vi.fn();
  render(<SessionTimeout deadlines={given} check={check} stay={stay} signOut={signOut} onEnded={onEnded} />);
  return { check, stay, signOut, onEnded };
}

describe('SessionTimeout', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: false, now: START });
  });

  afterEach(async () => {
    vi.useRealTimers();
    await setLanguage(DEFAULT_LANGUAGE);
  });

  it('stays quiet until two minutes before the idle sign-out, then warns in an announced dialog that takes the focus', async () => {
    const { check } = setup(deadlines(30 * MINUTE));

    await advance(28 * MINUTE - 1000);
    expect(check).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await advance(1000);
    expect(check).toHaveBeenCalledTimes(1);
    const dialog = screen.getByRole('dialog', { name: '即将自动退出' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent('约 2 分钟后自动退出');
    expect(within(dialog).getByText('剩余时间 2:00')).toBeInTheDocument();
    await advance(10);
    expect(within(dialog).getByRole('button', { name: '继续使用' })).toHaveFocus();
    expect(within(dialog).getByRole('button', { name: '退出' })).toBeInTheDocument();

    await advance(1000);
    expect(within(dialog).getByText('剩余时间 1:59')).toBeInTheDocument();
  });

  it('does not warn when the server says the session was used since (other requests moved the deadline on)', async () => {
    const { check } = setup(deadlines(30 * MINUTE), deadlines(40 * MINUTE));

    await advance(28 * MINUTE);
    expect(check).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    // It wakes again two minutes before the new deadline.
    await advance(10 * MINUTE - 1000);
    expect(check).toHaveBeenCalledTimes(1);
    await advance(1000);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('"Stay signed in" makes a real request and closes the dialog without signing out', async () => {
    const { stay, onEnded, signOut } = setup(deadlines(30 * MINUTE));
    await advance(28 * MINUTE);
    const dialog = screen.getByRole('dialog', { name: '即将自动退出' });

    act(() => fireEvent.click(within(dialog).getByRole('button', { name: '继续使用' })));
    await advance(0);

    expect(stay).toHaveBeenCalledTimes(1);
    // Closing (jsdom runs no CSS animation, so the leaving dialog stays in the document).
    expect(dialog).toHaveClass('ant-zoom-leave');
    await advance(5 * MINUTE);
    expect(onEnded).not.toHaveBeenCalled();
    expect(signOut).not.toHaveBeenCalled();
  });

  it('"Sign out" signs out at once', async () => {
    const { signOut, onEnded } = setup(deadlines(30 * MINUTE));
    await advance(28 * MINUTE);
    const dialog = screen.getByRole('dialog', { name: '即将自动退出' });

    act(() => fireEvent.click(within(dialog).getByRole('button', { name: '退出' })));
    await advance(0);

    expect(signOut).toHaveBeenCalledTimes(1);
    expect(onEnded).toHaveBeenCalledWith('signedOut');
  });

  it('hands over to the sign-in page when the time runs out', async () => {
    const { onEnded } = setup(deadlines(30 * MINUTE));
    await advance(28 * MINUTE);
    screen.getByRole('dialog', { name: '即将自动退出' });

    await advance(WARN_BEFORE_MS - 1000);
    expect(onEnded).not.toHaveBeenCalled();
    await advance(1000);
    expect(onEnded).toHaveBeenCalledWith('idle');
  });

  it('at the absolute limit it cannot be extended: only signing out is offered', async () => {
    const { onEnded } = setup(deadlines(30 * MINUTE, 10 * MINUTE));
    await advance(8 * MINUTE);

    const dialog = screen.getByRole('dialog', { name: '登录即将到期' });
    expect(within(dialog).queryByRole('button', { name: '继续使用' })).not.toBeInTheDocument();
    await advance(10);
    expect(within(dialog).getByRole('button', { name: '退出' })).toHaveFocus();
    await advance(2 * MINUTE);
    expect(onEnded).toHaveBeenCalledWith('expired');
  });

  it('speaks English after the language switch', async () => {
    await setLanguage('en');
    setup(deadlines(30 * MINUTE));
    await advance(28 * MINUTE);

    const dialog = screen.getByRole('dialog', { name: 'You will be signed out soon' });
    expect(within(dialog).getByRole('button', { name: 'Stay signed in' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });
});
