/** Path prefixes the API server answers itself; everything else is a client route. */
export const SERVER_PATH_PREFIXES = ['/api', '/connect', '/swagger', '/health'] as const;

export function isServerPath(path: string): boolean {
  return SERVER_PATH_PREFIXES.some(
    (prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`),
  );
}
