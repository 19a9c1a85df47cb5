// The link-preview image of a year's accounts: the year and its four headline figures.
import { ImageResponse } from 'next/og';
import { formatInteger, isLocale } from '@/lib/format';
import { cachedPublication } from '@/lib/publications/cached';
import { HEADLINE_KEYS, netFigure, parseYear } from '@/lib/publications/view';

// A route of its own (not the opengraph-image file convention) so its address is stable and the
// front page can point at the latest year's image.
const size = { width: 1200, height: 630 };

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ locale: string; year: string }> },
) {
  const { locale: raw, year: rawYear } = await params;
  const locale = isLocale(raw) ? raw : 'da';
  const year = parseYear(rawYear);
  const publication = year ? await cachedPublication(year) : null;
  const accounts = publication?.snapshot.accounts;
  const title = locale === 'da' ? `Performanceregnskab ${rawYear}` : `Performance accounts ${rawYear}`;
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
    { ...size, headers: { 'Cache-Control': 'public, max-age=3600' } },
  );
}
