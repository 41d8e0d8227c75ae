import i18n from '../i18n';

/** A failed download, shaped like the generated client's ApiException so that toProblem reads it. */
class DownloadError extends Error {
  readonly isApiException = true;

  constructor(
    readonly status: number,
    readonly response: string,
  ) {
    super(`Download failed with ${status}`);
  }
}

/** The file name of a Content-Disposition header (RFC 6266: `filename*` before `filename`), or the fallback. */
export function attachmentFileName(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // Badly encoded: try the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

/**
 * Fetches an export (an XLSX file) and saves it: the generated client reads such answers as text, so
 * the export goes through fetch with the same cookie and language, and the browser saves the body
 * under the server's file name. Exports are audited reads (GET). A refusal throws a problem like the client's.
 */
export async function downloadExport(
  path: string,
  query: Record<string, string | number | null | undefined>,
  fallbackName: string,
): Promise<void> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  const response = await fetch(search ? `${path}?${search}` : path, {
    method: 'GET',
    credentials: 'same-origin',
    headers: { 'Accept-Language': i18n.language },
  });
  if (!response.ok) throw new DownloadError(response.status, await response.text());
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = attachmentFileName(response.headers.get('Content-Disposition'), fallbackName);
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // After the click has handed the file to the browser.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
