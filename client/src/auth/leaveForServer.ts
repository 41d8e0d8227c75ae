/** Hands the browser to a server page (the OAuth authorize endpoint, Swagger) with a full load. */
export function leaveForServer(url: string): void {
  window.location.assign(url);
}
