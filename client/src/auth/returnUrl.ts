import { isServerPath } from '../serverPaths';

export const SIGN_IN_PATH = '/login';

/** A return URL is followed only when it is a path on this site (no scheme, no host). */
export function safeReturnUrl(raw: string | null): string | null {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
  return raw;
}

/** Why the sign-in page is shown after a session ended on its own (a message explains it). */
export type SignInReason = 'idle' | 'expired';

export function signInUrl(returnUrl: string, reason?: SignInReason): string {
  const params = new URLSearchParams();
  if (reason) params.set('reason', reason);
  if (returnUrl !== '/' && !returnUrl.startsWith(SIGN_IN_PATH)) params.set('returnUrl', returnUrl);
  const query = params.toString();
  return query ? `${SIGN_IN_PATH}?${query}` : SIGN_IN_PATH;
}

/** The reason a 401's code gives for a session that ended on its own. */
export function signInReasonOf(code: string | undefined): SignInReason | undefined {
  if (code === 'auth.session_idle_timeout') return 'idle';
  if (code === 'auth.session_expired') return 'expired';
  return undefined;
}

/**
 * Where to go after signing in: a client route is navigated to in place; a server path (the
 * OAuth authorize endpoint, for example) needs a full page load.
 */
export function afterSignIn(raw: string | null): { kind: 'route' | 'server'; url: string } {
  const url = safeReturnUrl(raw) ?? '/';
  return { kind: isServerPath(url) ? 'server' : 'route', url };
}
