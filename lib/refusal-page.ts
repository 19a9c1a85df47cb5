// The small page the proxy answers with when it refuses a request itself (a post too large to
// take, one from another site): a heading, the reason, a link back to the page the form was on.
// Plain HTML that runs and loads nothing, in the language of the path. No Next imports.
import type { Locale } from '@/lib/format';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function refusalPage(page: {
  locale: Locale;
  status: number;
  title: string;
  reason: string;
  testId: string;
  back: string;
  /** the post's own path, read again with GET */
  backPath: string;
  headers?: Record<string, string>;
}): Response {
  const title = escapeHtml(page.title);
  const body = `<!doctype html>
<html lang="${page.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body>
<main>
<h1>${title}</h1>
<p data-testid="${escapeHtml(page.testId)}">${escapeHtml(page.reason)}</p>
<p><a href="${escapeHtml(page.backPath)}">${escapeHtml(page.back)}</a></p>
</main>
</body>
</html>
`;
  return new Response(body, {
    status: page.status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      // nothing on this page runs or loads
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
      ...page.headers,
    },
  });
}
