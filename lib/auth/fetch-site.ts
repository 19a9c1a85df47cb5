// Whether a request was started by another site: browsers say so in Sec-Fetch-Site. A link typed
// in or followed on our own pages says `none` or `same-origin`; an <img src="…/logout"> on someone
// else's page says `cross-site`. Browsers too old to send the header are let through.
export function startedByAnotherSite(fetchSite: string | null | undefined): boolean {
  return fetchSite === 'cross-site' || fetchSite === 'same-site';
}
