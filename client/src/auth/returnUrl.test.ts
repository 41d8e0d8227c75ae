import { describe, expect, it } from 'vitest';
import { afterSignIn, safeReturnUrl, signInUrl } from './returnUrl';

describe('return URL', () => {
  it('accepts local paths only', () => {
    expect(safeReturnUrl('/accounts?page=2')).toBe('/accounts?page=2');
    expect(safeReturnUrl('https://evil.example/')).toBeNull();
    expect(safeReturnUrl('//evil.example/')).toBeNull();
    expect(safeReturnUrl('/\\evil.example')).toBeNull();
    expect(safeReturnUrl('accounts')).toBeNull();
    expect(safeReturnUrl(null)).toBeNull();
  });

  it('returns to client routes in place and to server paths with a full load', () => {
    expect(afterSignIn('/regions')).toEqual({ kind: 'route', url: '/regions' });
    expect(afterSignIn('/connect/authorize?client_id=x&scope=openid')).toEqual({
      kind: 'server',
      url: '/connect/authorize?client_id=x&scope=openid',
    });
    expect(afterSignIn('/swagger/index.html')).toEqual({ kind: 'server', url: '/swagger/index.html' });
    expect(afterSignIn('/apiary')).toEqual({ kind: 'route', url: '/apiary' });
    expect(afterSignIn('https://evil.example/')).toEqual({ kind: 'route', url: '/' });
    expect(afterSignIn(null)).toEqual({ kind: 'route', url: '/' });
  });

  it('builds the sign-in URL that leads back', () => {
    expect(signInUrl('/audit?page=3')).toBe('/login?returnUrl=%2Faudit%3Fpage%3D3');
    expect(signInUrl('/')).toBe('/login');
    expect(signInUrl('/audit', 'idle')).toBe('/login?reason=idle&returnUrl=%2Faudit');
    expect(signInUrl('/', 'expired')).toBe('/login?reason=expired');
  });
});
