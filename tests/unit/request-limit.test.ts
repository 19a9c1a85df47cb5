import { must } from '../helpers/must';
import { describe, expect, it } from 'vitest';
import { oversizedPostResponse, SERVER_ACTION_BODY_LIMIT_BYTES } from '@/lib/request-limit';

const post = (length: number | null, pathname = '/portal/x/2017', method = 'POST') =>
  oversizedPostResponse({
    method,
    pathname,
    headers: new Headers(length === null ? {} : { 'content-length': String(length) }),
  });

describe('oversizedPostResponse', () => {
  it('lets through what a server action takes, GETs and posts without a declared length', () => {
    expect(post(SERVER_ACTION_BODY_LIMIT_BYTES)).toBeNull();
    expect(post(null)).toBeNull();
    expect(post(50 * 1024 * 1024, '/portal/x/2017', 'GET')).toBeNull();
  });

  it('answers a larger post with a page that says so, in the language of the path', async () => {
    const danish = must(post(50 * 1024 * 1024));
    expect(danish.status).toBe(413);
    expect(danish.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await danish.text();
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('Filen er for stor – intet er gemt');
    expect(html).toContain('fylder 52,5 MB');
    expect(html).toContain('href="/portal/x/2017"');
    const english = await must(post(SERVER_ACTION_BODY_LIMIT_BYTES + 1, '/en/portal/x/2017')).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('The file is too large – nothing was saved');
  });

  it('escapes the path it links back to', async () => {
    const html = await must(post(10 ** 9, '/portal/"><script>alert(1)</script>')).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#34;&#62;&#60;script&#62;');
  });
});
