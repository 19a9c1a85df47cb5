// The public pages' script nonce: minted per render under AUTH_SECRET, read back from the page as
// it is sent (lib/security-headers/render-nonce.ts, used by lib/request-hooks.ts).
import { describe, expect, it } from 'vitest';
import { isRenderNonce, mintRenderNonce, pageNonce } from '@/lib/security-headers/render-nonce';

const env = { AUTH_SECRET: 'render-nonce-test-secret-0123456789abcdef' };
const page = (nonce: string, extra = '') =>
  `<!doctype html><html><head><script nonce="${nonce}" id="_R_">(self.TURBOPACK=[])</script>` +
  `<script src="/_next/static/chunks/a.js" async="" nonce="${nonce}"></script></head><body><main>${extra}</main>` +
  `<script nonce="${nonce}">self.__next_f.push([1,"\\u003cscript nonce=\\"x\\"\\u003e"])</script></body></html>`;

describe('the render nonce', () => {
  it('is minted fresh and recognised only under the same secret', () => {
    const nonce = mintRenderNonce(env);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(mintRenderNonce(env)).not.toBe(nonce);
    expect(isRenderNonce(nonce, env)).toBe(true);
    expect(isRenderNonce(nonce, { AUTH_SECRET: 'another-secret-another-secret-0123456789' })).toBe(false);
    // one a client chose (a Content-Security-Policy request header) is not ours
    expect(isRenderNonce('abc123', env)).toBe(false);
    expect(isRenderNonce(`${nonce.slice(0, -4)}AAA=`, env)).toBe(false);
  });

  it('is read from a page whose every nonce agrees; escaped text inside scripts is no tag', () => {
    const nonce = mintRenderNonce(env);
    expect(pageNonce(page(nonce), env)).toBe(nonce);
    expect(pageNonce('<html><body><script>alert(1)</script></body></html>', env)).toBeNull();
  });

  it('is refused when injected markup carries another nonce, e.g. one seen in an earlier render', () => {
    const earlier = mintRenderNonce(env);
    const now = mintRenderNonce(env);
    expect(pageNonce(page(now, `<script nonce="${earlier}">alert(1)</script>`), env)).toBeNull();
    expect(pageNonce(page(now, `<img src=x><script nonce='${earlier}'>alert(1)</script>`), env)).toBeNull();
    // a page rendered with a nonce we did not mint gets none
    expect(pageNonce(page('abc123'), env)).toBeNull();
  });
});
