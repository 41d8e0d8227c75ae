import { Button, Modal, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toProblem } from '../api';

/** When the session ends: after the idle time (moved on by every request that is not a background poll), and at the latest. */
export interface SessionDeadlines {
  idleExpiresAt: number;
  expiresAt: number;
}

/** How long before the sign-out the warning appears. */
export const WARN_BEFORE_MS = 2 * 60_000;

/** Why the session ended, for the message on the sign-in page. */
export type SessionEnd = 'idle' | 'expired' | 'signedOut';

interface SessionTimeoutProps {
  deadlines: SessionDeadlines;
  /** The server's current deadlines, asked without counting as activity (a background request). */
  check: () => Promise<SessionDeadlines>;
  /** A real request: moves the idle deadline on. */
  stay: () => Promise<SessionDeadlines>;
  signOut: () => Promise<unknown>;
  onEnded: (end: SessionEnd) => void;
  warnBeforeMs?: number;
}

const endOf = (deadlines: SessionDeadlines) => Math.min(deadlines.idleExpiresAt, deadlines.expiresAt);
const isAbsolute = (deadlines: SessionDeadlines) => deadlines.expiresAt <= deadlines.idleExpiresAt;
const unauthorized = (error: unknown) => toProblem(error).status === 401;

function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Warns before the session ends. When the warning is due it first asks the server (other requests may
 * have moved the idle deadline on); if the end is still near, a dialog takes the focus, is announced,
 * counts down, and offers to stay signed in (a real request) or to sign out. At zero it hands over to
 * `onEnded`, which returns to the sign-in page.
 */
export function SessionTimeout({
  deadlines: given,
  check,
  stay,
  signOut,
  onEnded,
  warnBeforeMs = WARN_BEFORE_MS,
}: SessionTimeoutProps) {
  const { t } = useTranslation();
  const [deadlines, setDeadlines] = useState(given);
  const [warning, setWarning] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const stayButton = useRef<HTMLButtonElement>(null);
  const end = endOf(deadlines);
  const absolute = isAbsolute(deadlines);

  // Newer deadlines from the app (the current user fetched again) replace ours.
  const { idleExpiresAt, expiresAt } = given;
  useEffect(() => setDeadlines({ idleExpiresAt, expiresAt }), [idleExpiresAt, expiresAt]);

  const finish = useCallback(
    (how: SessionEnd) => {
      setWarning(false);
      onEnded(how);
    },
    [onEnded],
  );

  // Before the warning: wake when it is due and ask the server whether the end is still near.
  useEffect(() => {
    if (warning) return;
    let cancelled = false;
    const timer = setTimeout(
      () => {
        check().then(
          (fresh) => {
            if (cancelled) return;
            setDeadlines(fresh);
            if (endOf(fresh) - Date.now() <= warnBeforeMs) {
              setNow(Date.now());
              setWarning(true);
            }
          },
          (error: unknown) => {
            if (cancelled) return;
            if (unauthorized(error)) finish(absolute ? 'expired' : 'idle');
            else {
              setNow(Date.now());
              setWarning(true);
            }
          },
        );
      },
      Math.max(0, end - warnBeforeMs - Date.now()),
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [end, warning, check, warnBeforeMs, absolute, finish]);

  // During the warning: count down each second; at zero the session is over.
  useEffect(() => {
    if (!warning) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [warning]);
  useEffect(() => {
    if (warning && now >= end) finish(absolute ? 'expired' : 'idle');
  }, [warning, now, end, absolute, finish]);

  // The focus moves to "stay signed in" (or "sign out" when the session cannot be extended).
  useEffect(() => {
    if (!warning) return;
    const timer = setTimeout(() => stayButton.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [warning]);

  const onStay = async () => {
    setBusy(true);
    try {
      setDeadlines(await stay());
      setWarning(false);
    } catch (error) {
      if (unauthorized(error)) finish(absolute ? 'expired' : 'idle');
    } finally {
      setBusy(false);
    }
  };

  const onSignOut = async () => {
    setBusy(true);
    try {
      await signOut();
    } catch {
      // Signed out or not, the person leaves: the session ends at the server by time anyway.
    } finally {
      setBusy(false);
    }
    finish('signedOut');
  };

  const minutes = Math.max(1, Math.round((end - now) / 60_000));
  return (
    <Modal
      open={warning}
      title={t(absolute ? 'sessionTimeout.titleExpiring' : 'sessionTimeout.title')}
      closable={false}
      mask={{ closable: false }}
      keyboard={!absolute}
      onCancel={() => void onStay()}
      footer={[
        <Button
          key="signOut"
          autoInsertSpace={false}
          onClick={() => void onSignOut()}
          disabled={busy}
          ref={absolute ? stayButton : undefined}
        >
          {t('sessionTimeout.signOut')}
        </Button>,
        absolute ? null : (
          <Button key="stay" type="primary" ref={stayButton} loading={busy} onClick={() => void onStay()}>
            {t('sessionTimeout.stay')}
          </Button>
        ),
      ]}
    >
      <div role="alert" aria-live="assertive" aria-atomic="true">
        <Typography.Paragraph>
          {t(absolute ? 'sessionTimeout.messageExpiring' : 'sessionTimeout.message', { count: minutes })}
        </Typography.Paragraph>
      </div>
      <Typography.Paragraph type="secondary" aria-hidden="true">
        {t('sessionTimeout.remaining', { time: clock(end - now) })}
      </Typography.Paragraph>
    </Modal>
  );
}
