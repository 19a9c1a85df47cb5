import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_HEAP_FLAG, withServerHeapLimit } from '@/lib/server-memory';

const env = (values: Record<string, string>) => ({ NODE_ENV: 'test', ...values }) as NodeJS.ProcessEnv;

describe('the server heap limit', () => {
  it('is the one npm start uses', () => {
    const scripts = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    expect(scripts.start).toContain(SERVER_HEAP_FLAG);
  });
  it('is added to NODE_OPTIONS unless a limit is set already', () => {
    expect(withServerHeapLimit(env({})).NODE_OPTIONS).toBe(SERVER_HEAP_FLAG);
    expect(withServerHeapLimit(env({ NODE_OPTIONS: '--enable-source-maps' })).NODE_OPTIONS).toBe(
      `--enable-source-maps ${SERVER_HEAP_FLAG}`,
    );
    expect(withServerHeapLimit(env({ NODE_OPTIONS: '--max-old-space-size=2048' })).NODE_OPTIONS).toBe(
      '--max-old-space-size=2048',
    );
  });
});
