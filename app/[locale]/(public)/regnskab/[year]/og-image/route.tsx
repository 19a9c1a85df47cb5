// The link-preview image of a year's accounts: the year and its four headline figures.
import { ImageResponse } from 'next/og';
import { formatInteger, isLocale } from '@/lib/format';
import { cachedLatestPublications, cachedPublication } from '@/lib/publications/cached';
import { HEADLINE_KEYS, netFigure, parseYear } from '@/lib/publications/view';

// A route of its own (not the opengraph-image file convention) so its address is stable and the
// front page can point at the latest year's image. Only a published year has an image: any other
// address is a 404 that costs a cached lookup, never a rendering of text from the URL. A published
// year's image is drawn once per version and language and kept: drawing it costs up to a second of
// CPU, which the same URL requested again must not cost again.
const size = { width: 1200, height: 630 };
const drawn = new Map<string, ArrayBuffer>();

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ locale: string; year: string }> },
) {
  const { locale: raw, year: rawYear } = await params;
  const locale = isLocale(raw) ? raw : 'da';
  const year = parseYear(rawYear);
  const published =
    year === null ? undefined : (await cachedLatestPublications()).find((p) => p.year === year);
  if (!published) {
    return new Response(locale === 'da' ? 'Ikke fundet' : 'Not found', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  const key = `${locale}:${published.year}:${published.version}`;
  let png = drawn.get(key);
  if (!png) {
    png = await (await drawImage(locale, published.year, published.version)).arrayBuffer();
    drawn.set(key, png);
  }
  return new Response(png, {
    headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=3600' },
  });
}

async function drawImage(locale: 'da' | 'en', year: number, version: number) {
  const publication = await cachedPublication(year, version);
  const accounts = publication?.snapshot.accounts;
  const title = locale === 'da' ? `Performanceregnskab ${year}` : `Performance accounts ${year}`;
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        background: '#ffffff',
        borderTop: '24px solid #0059b3',
        padding: '56px 64px',
        color: '#1a1a1a',
      }}
    >
      <div style={{ fontSize: 36, color: '#4d4d4d' }}>Klyngeregnskab</div>
      <div style={{ fontSize: 72, fontWeight: 700, color: '#003972', marginTop: 8 }}>{title}</div>
      <div style={{ display: 'flex', gap: 32, marginTop: 64 }}>
        {accounts
          ? HEADLINE_KEYS.map((key) => {
              const indicator = accounts.indicators.find((i) => i.key === key);
              return (
                <div
                  key={key}
                  style={{
                    display: 'flex',
                    flexDirection: 'column',
                    width: 250,
                    borderLeft: '8px solid #0059b3',
                    paddingLeft: 16,
                  }}
                >
                  <div style={{ fontSize: 56, fontWeight: 700, color: '#003972' }}>
                    {formatInteger(netFigure(accounts, key) ?? 0, locale)}
                  </div>
                  <div style={{ fontSize: 24 }}>{indicator?.label[locale] ?? key}</div>
                </div>
              );
            })
          : null}
      </div>
    </div>,
    size,
  );
}
