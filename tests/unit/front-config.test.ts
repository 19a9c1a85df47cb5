// The front proxy's configuration (deploy/nginx) against the app's own rules: the security headers
// nginx adds to what it serves itself are the ones next.config.mjs gives the app's answers, and the
// stack's generated nginx.conf takes an instance out of rotation when asked.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '@/lib/security-headers/policy.mjs';
import { frontConfig } from '../../scripts/stack/processes';
import { must } from '../helpers/must';

const nginx = (file: string) =>
  fs.readFileSync(path.join(import.meta.dirname, '../../deploy/nginx', file), 'utf8');

describe('the front proxy configuration', () => {
  it("gives public/ files the app's public Content-Security-Policy", () => {
    expect(nginx('server.conf')).toContain(
      `add_header Content-Security-Policy "${contentSecurityPolicy('public', {})}" always;`,
    );
  });

  it('adds the headers next.config.mjs sets on every answer', async () => {
    // a path, not a literal: the config is plain JavaScript without types
    const config = (await import(path.join(import.meta.dirname, '../../next.config.mjs'))).default as {
      headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]>;
    };
    const rules = await config.headers();
    const everywhere = must(rules.find((rule) => rule.source === '/:path*')).headers;
    const security = nginx('security-headers.conf');
    for (const { key, value } of everywhere)
      expect(security).toContain(`add_header ${key} "${value}" always;`);
    expect(security).toContain('add_header X-Frame-Options "DENY" always;');
  });

  it('overwrites X-Forwarded-For with the connecting address and never caches private areas', () => {
    const server = nginx('server.conf');
    expect(server).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
    const http = nginx('http.conf');
    for (const area of ['portal', 'admin', 'login', 'logout', 'konto', 'invitation'])
      expect(http).toContain(area);
    expect(http).toMatch(/"1:0:0:" 0;\s+default 1;/);
  });

  it('marks a drained instance down in the generated configuration', () => {
    const config = frontConfig(
      { port: 8080, upstreamPorts: [8081, 8082], drained: [8082], dir: '/tmp/x' },
      false,
    );
    expect(config).toContain('server 127.0.0.1:8081 max_fails=0;');
    expect(config).toContain('server 127.0.0.1:8082 max_fails=0 down;');
    expect(config).toContain('listen 127.0.0.1:8080;');
  });
});
