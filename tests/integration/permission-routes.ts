// The routes half of the permission matrix (tests/integration/permission-matrix.ts): every page
// and route handler under app/ with what each kind of visitor gets. Pure data, so the end-to-end
// test (tests/e2e/permission-matrix.spec.ts) can read it without loading lib/.
//
// To add a route: one RouteEntry with the file, a concrete path (placeholders {orgA}, {orgB}:
// organisation A's and B's slugs in the demo data; {year}: the open year 2017; {companyListYear}:
// 2016, a year with company lists; {publishedYear}: 2016, published) and the answer for each role.

export const ROLES = ['anonymous', 'staffA', 'staffB', 'disabled', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * 200: the page; 'login': sent to /login (by the proxy or the page); 'enrol': an admin sent to
 * /konto to enrol a second factor; 403 / 404; or `redirect:/path` for any other redirect target.
 */
export type RouteAnswer = 200 | 401 | 403 | 404 | 'login' | `redirect:${string}`;

export interface RouteEntry {
  file: string;
  path: string;
  answers: Record<Role, RouteAnswer>;
  /** requested after every other route (it ends the session it is requested with) */
  last?: boolean;
}

const everyone = (answer: RouteAnswer): Record<Role, RouteAnswer> => ({
  anonymous: answer,
  staffA: answer,
  staffB: answer,
  disabled: answer,
  admin: answer,
});

const signedIn = { anonymous: 'login', staffA: 200, staffB: 200, disabled: 'login', admin: 200 } as const;
const adminOnly = { anonymous: 'login', staffA: 403, staffB: 403, disabled: 'login', admin: 200 } as const;

export const routes: RouteEntry[] = [
  { file: 'app/[locale]/(public)/page.tsx', path: '/', answers: everyone(200) },
  { file: 'app/[locale]/login/page.tsx', path: '/login', answers: everyone(200) },
  { file: 'app/[locale]/login/glemt/page.tsx', path: '/login/glemt', answers: everyone(200) },
  {
    file: 'app/[locale]/login/nulstil/[token]/page.tsx',
    path: '/login/nulstil/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    answers: everyone(200),
  },
  {
    file: 'app/[locale]/invitation/[token]/page.tsx',
    path: '/en/invitation/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    answers: everyone(200),
  },
  { file: 'app/[locale]/konto/page.tsx', path: '/konto', answers: signedIn },
  { file: 'app/api/health/route.ts', path: '/api/health', answers: everyone(200) },
  { file: 'app/api/auth/[...nextauth]/route.ts', path: '/api/auth/session', answers: everyone(200) },
  // staff reporting (issue: submissions)
  { file: 'app/[locale]/portal/page.tsx', path: '/portal', answers: signedIn },
  {
    file: 'app/[locale]/portal/[orgSlug]/[year]/page.tsx',
    path: '/portal/{orgA}/{year}',
    answers: { anonymous: 'login', staffA: 200, staffB: 403, disabled: 'login', admin: 200 },
  },
  {
    file: 'app/[locale]/portal/[orgSlug]/[year]/page.tsx',
    path: '/en/portal/{orgB}/{year}',
    answers: { anonymous: 'login', staffA: 403, staffB: 200, disabled: 'login', admin: 200 },
  },
  {
    file: 'app/api/portal/[orgSlug]/[year]/companies/route.ts',
    path: '/api/portal/{orgA}/{companyListYear}/companies',
    answers: { anonymous: 401, staffA: 200, staffB: 403, disabled: 401, admin: 200 },
  },
  // the company list's templates (issue 16): the same header row for everyone
  {
    file: 'app/api/portal/template/[file]/route.ts',
    path: '/api/portal/template/virksomhedsliste-skabelon.xlsx',
    answers: everyone(200),
  },
  // the public site (issue: public): published figures, open to everyone
  { file: 'app/[locale]/(public)/regnskab/page.tsx', path: '/regnskab', answers: everyone(200) },
  {
    file: 'app/[locale]/(public)/regnskab/[year]/page.tsx',
    path: '/regnskab/{publishedYear}',
    answers: everyone(200),
  },
  {
    file: 'app/[locale]/(public)/regnskab/[year]/v/[version]/page.tsx',
    path: '/en/regnskab/{publishedYear}/v/1',
    answers: everyone(200),
  },
  {
    file: 'app/[locale]/(public)/regnskab/[year]/organisationer/page.tsx',
    path: '/regnskab/{publishedYear}/organisationer',
    answers: everyone(200),
  },
  {
    file: 'app/[locale]/(public)/regnskab/[year]/download/[format]/route.ts',
    path: '/regnskab/{publishedYear}/download/csv',
    answers: everyone(200),
  },
  { file: 'app/[locale]/(public)/klynger/page.tsx', path: '/klynger', answers: everyone(200) },
  {
    file: 'app/[locale]/(public)/klynger/[slug]/page.tsx',
    path: '/en/klynger/{orgA}',
    answers: everyone(200),
  },
  { file: 'app/[locale]/(public)/om/page.tsx', path: '/om', answers: everyone(200) },
  { file: 'app/[locale]/(public)/om/data/page.tsx', path: '/om/data', answers: everyone(200) },
  {
    file: 'app/embed/[locale]/regnskab/[year]/[dimension]/page.tsx',
    path: '/embed/da/regnskab/{publishedYear}/kind',
    answers: everyone(200),
  },
  {
    file: 'app/embed/[locale]/regnskab/[year]/v/[version]/[dimension]/page.tsx',
    path: '/embed/en/regnskab/{publishedYear}/v/1/field',
    answers: everyone(200),
  },
  { file: 'app/embed/[locale]/trend/page.tsx', path: '/embed/en/trend', answers: everyone(200) },
  {
    file: 'app/embed/[locale]/trend/[year]/[version]/page.tsx',
    path: '/embed/da/trend/{publishedYear}/1',
    answers: everyone(200),
  },
  // unknown addresses: the site's 404 page in its frame, the embed's note, the API's JSON
  { file: 'app/[locale]/[...rest]/page.tsx', path: '/en/findes/ikke', answers: everyone(404) },
  { file: 'app/embed/[locale]/[...rest]/page.tsx', path: '/embed/da/findes-ikke', answers: everyone(404) },
  { file: 'app/api/[...rest]/route.ts', path: '/api/v1/findes-ikke', answers: everyone(404) },
  { file: 'app/api/v1/accounts/route.ts', path: '/api/v1/accounts', answers: everyone(200) },
  {
    file: 'app/api/v1/accounts/[year]/route.ts',
    path: '/api/v1/accounts/{publishedYear}',
    answers: everyone(200),
  },
  { file: 'app/api/v1/organisations/route.ts', path: '/api/v1/organisations', answers: everyone(200) },
  {
    file: 'app/api/v1/organisations/[slug]/route.ts',
    path: '/api/v1/organisations/{orgA}',
    answers: everyone(200),
  },
  // the secretariat (issue: admin): staff get 403 from the admin layout's forbidden()
  { file: 'app/[locale]/admin/page.tsx', path: '/admin', answers: adminOnly },
  { file: 'app/[locale]/admin/page.tsx', path: '/en/admin?year={year}', answers: adminOnly },
  { file: 'app/[locale]/admin/regnskab/page.tsx', path: '/admin/regnskab?year={year}', answers: adminOnly },
  { file: 'app/[locale]/admin/aar/page.tsx', path: '/admin/aar', answers: adminOnly },
  {
    file: 'app/[locale]/admin/indberetning/[id]/page.tsx',
    path: '/admin/indberetning/1',
    answers: adminOnly,
  },
  { file: 'app/[locale]/admin/organisationer/page.tsx', path: '/admin/organisationer', answers: adminOnly },
  {
    file: 'app/[locale]/admin/organisationer/[id]/page.tsx',
    path: '/admin/organisationer/1',
    answers: adminOnly,
  },
  { file: 'app/[locale]/admin/brugere/page.tsx', path: '/admin/brugere', answers: adminOnly },
  { file: 'app/[locale]/admin/brugere/[id]/page.tsx', path: '/en/admin/brugere/1', answers: adminOnly },
  { file: 'app/[locale]/admin/indikatorer/page.tsx', path: '/admin/indikatorer', answers: adminOnly },
  { file: 'app/[locale]/admin/indikatorer/[id]/page.tsx', path: '/admin/indikatorer/1', answers: adminOnly },
  { file: 'app/[locale]/admin/import/page.tsx', path: '/admin/import', answers: adminOnly },
  { file: 'app/[locale]/admin/evidens/page.tsx', path: '/admin/evidens', answers: adminOnly },
  { file: 'app/[locale]/admin/log/page.tsx', path: '/admin/log', answers: adminOnly },
  {
    file: 'app/api/admin/exports/[year]/route.ts',
    path: '/api/admin/exports/{publishedYear}?kind=accounts&format=csv',
    answers: { anonymous: 403, staffA: 403, staffB: 403, disabled: 403, admin: 200 },
  },
  {
    file: 'app/api/admin/exports/[year]/route.ts',
    path: '/api/admin/exports/{year}?kind=overlap&format=xlsx',
    answers: { anonymous: 403, staffA: 403, staffB: 403, disabled: 403, admin: 200 },
  },
  {
    file: 'app/api/admin/audit/route.ts',
    path: '/api/admin/audit?action=submission.&locale=en',
    answers: { anonymous: 403, staffA: 403, staffB: 403, disabled: 403, admin: 200 },
  },
  // the statistics office (issue 15): the release calendar, its secretariat page, and two routes
  // that only answer their own process (the job runner's cache expiry, the test clock): a 404 to all
  { file: 'app/[locale]/(public)/udgivelser/page.tsx', path: '/udgivelser', answers: everyone(200) },
  { file: 'app/api/v1/releases/route.ts', path: '/api/v1/releases', answers: everyone(200) },
  { file: 'app/[locale]/admin/udgivelser/page.tsx', path: '/admin/udgivelser', answers: adminOnly },
  { file: 'app/[locale]/admin/paamindelser/page.tsx', path: '/admin/paamindelser', answers: adminOnly },
  {
    file: 'app/[locale]/(public)/regnskab/[year]/dokumentation/page.tsx',
    path: '/regnskab/{publishedYear}/dokumentation',
    answers: everyone(200),
  },
  {
    file: 'app/[locale]/(public)/regnskab/[year]/v/[version]/dokumentation/page.tsx',
    path: '/en/regnskab/{publishedYear}/v/1/dokumentation',
    answers: everyone(200),
  },
  { file: 'app/[locale]/admin/dokumentation/page.tsx', path: '/admin/dokumentation', answers: adminOnly },
  { file: 'app/[locale]/(public)/was/page.tsx', path: '/was', answers: everyone(200) },
  { file: 'app/[locale]/(public)/was/page.tsx', path: '/en/was', answers: everyone(200) },
  {
    file: 'app/[locale]/(public)/regnskab/revisioner/page.tsx',
    path: '/regnskab/revisioner',
    answers: everyone(200),
  },
  { file: 'app/api/v1/catalog/route.ts', path: '/api/v1/catalog', answers: everyone(200) },

  { file: 'app/api/test/clock/route.ts', path: '/api/test/clock', answers: everyone(404) },
  { file: 'app/[locale]/logout/route.ts', path: '/en/logout', answers: everyone('redirect:/en'), last: true },
];
