import { describe, expect, it, vi } from 'vitest';
import { describeFailure } from '@/lib/actions/messages';
import { isDatabaseUnavailable, withDatabaseAvailability } from '@/lib/database-unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
// drizzle wraps the driver's error: "Failed query: …" with the real one in `cause`
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: insert …'), { cause });

describe('isDatabaseUnavailable', () => {
  it.each([
    'CONNECTION_CLOSED',
    'CONNECTION_ENDED',
    'CONNECTION_DESTROYED',
    'CONNECT_TIMEOUT',
    'ECONNREFUSED',
    'ECONNRESET',
    '57P01',
    '57P02',
    '57P03',
    '08006',
    '08001',
    '53300',
  ])('treats %s as unavailable, also when wrapped', (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(withCode(code)))).toBe(true);
  });

  it('sees through an AggregateError of every address tried', () => {
    const aggregate = new AggregateError([withCode('ECONNREFUSED')], 'connect failed');
    expect(isDatabaseUnavailable(wrapped(aggregate))).toBe(true);
  });

  it.each(['23505', '23514', '23503', '40001', '40P01', '22P02', '42P01'])(
    'leaves %s (a data error or conflict, not an outage) alone',
    (code) => {
      expect(isDatabaseUnavailable(wrapped(withCode(code)))).toBe(false);
    },
  );

  it('is false for anything else', () => {
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});

describe('withDatabaseAvailability', () => {
  it('turns a lost connection into the typed failure with the message in the user’s language', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const da = await withDatabaseAvailability(() => Promise.reject(wrapped(withCode('CONNECTION_CLOSED'))));
    const en = await withDatabaseAvailability(() => Promise.reject(withCode('ECONNREFUSED')));
    expect(da).toMatchObject({ ok: false, kind: 'unavailable', message: 'errors.databaseUnavailable' });
    expect(!da.ok && describeFailure(da, 'da').message).toContain('intet blev gemt');
    expect(!en.ok && describeFailure(en, 'en').message).toContain('nothing was saved');
    expect(log).toHaveBeenCalledTimes(2);
    log.mockRestore();
  });

  it('passes results through and rethrows other errors untouched', async () => {
    expect(await withDatabaseAvailability(async () => ({ ok: true as const, value: 1 }))).toEqual({
      ok: true,
      value: 1,
    });
    const other = withCode('23505');
    await expect(withDatabaseAvailability(() => Promise.reject(other))).rejects.toBe(other);
  });
});
