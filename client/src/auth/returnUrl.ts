import { isServerPath } from '../serverPaths';

export const SIGN_IN_PATH = '/login';

/** A return URL is followed only when it is a path on this site (no scheme, no host). */
export function safeReturnUrl(raw: string | null): string | null {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
  return raw;
}

export function signInUrl(returnUrl: string): string {
  return returnUrl === '/' || returnUrl.startsWith(SIGN_IN_PATH)
    ? SIGN_IN_PATH
    : `${SIGN_IN_PATH}?returnUrl=${encodeURIComponent(returnUrl)}`;
}

/**
 * Where to go after signing in: a client route is navigated to in place; a server path (the
 * OAuth authorize endpoint, for example) needs a full page load.
 */
export function afterSignIn(raw: string | null): { kind: 'route' | 'server'; url: string } {
  const url = safeReturnUrl(raw) ?? '/';
  return { kind: isServerPath(url) ? 'server' : 'route', url };
}
