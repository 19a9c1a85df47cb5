// Posts from another site, or with an Origin that is no URL, are answered 403/400 by the proxy
// (lib/request-origin.ts) instead of Next's 500.
import { describe, expect, it } from 'vitest';
import { foreignPostResponse, originVerdict } from '@/lib/request-origin';

const post = (headers: Record<string, string>, pathname = '/konto', method = 'POST') =>
  foreignPostResponse({ method, headers: new Headers(headers), pathname });

describe('the origin of a post', () => {
  it('is the same site when Origin names the host the request went to', () => {
    expect(originVerdict('http://127.0.0.1:4000', '127.0.0.1:4000')).toBe('same');
    expect(originVerdict('https://klynge.example', 'Klynge.example')).toBe('same');
    expect(originVerdict(null, 'klynge.example')).toBe('absent');
    expect(originVerdict('https://evil.example', 'klynge.example')).toBe('cross-site');
    expect(originVerdict('null', 'klynge.example')).toBe('cross-site');
  });

  it('is malformed when Origin is no http(s) origin', () => {
    for (const origin of [
      'garbage',
      'http://',
      '://x',
      'javascript:alert(1)',
      'https://a.example/path',
      'http://[::1',
    ])
      expect(originVerdict(origin, 'a.example')).toBe('malformed');
  });

  it('gets a 400 or 403 page in the language of the path; other posts and every GET pass', async () => {
    const malformed = post({ origin: 'not a url', host: 'klynge.example' }, '/en/konto');
    expect(malformed?.status).toBe(400);
    expect(await malformed?.text()).toContain('The request carried an invalid Origin');
    const foreign = post({ origin: 'https://evil.example', host: 'klynge.example' });
    expect(foreign?.status).toBe(403);
    expect(await foreign?.text()).toContain('sendt fra et andet websted');
    expect(post({ origin: 'https://klynge.example', host: 'klynge.example' })).toBeNull();
    expect(post({ host: 'klynge.example' })).toBeNull();
    expect(post({ origin: 'garbage', host: 'klynge.example' }, '/konto', 'GET')).toBeNull();
  });
});
