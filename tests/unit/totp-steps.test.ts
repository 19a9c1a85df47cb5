import { describe, expect, it } from 'vitest';
import { nextTotpStep, TOTP_MARGIN_MS, TOTP_STEP_MS } from '../helpers/totp-steps';

const stepStart = (step: number) => step * TOTP_STEP_MS;

describe('the TOTP step a test signs in with', () => {
  it('takes the step before the current one while it stays accepted for the margin', () => {
    expect(nextTotpStep(stepStart(100) + 1_000, Number.NEGATIVE_INFINITY)).toBe(99);
  });

  it('never the step before in the last seconds of a step: it would be two steps old on arrival', () => {
    const late = stepStart(101) - TOTP_MARGIN_MS + 1;
    expect(nextTotpStep(late, Number.NEGATIVE_INFINITY)).toBe(100);
  });

  it('each sign-in gets a later step than the last, then none until the next step', () => {
    const now = stepStart(100) + 1_000;
    expect(nextTotpStep(now, 99)).toBe(100);
    expect(nextTotpStep(now, 100)).toBe(101);
    expect(nextTotpStep(now, 101)).toBeNull();
    expect(nextTotpStep(stepStart(101), 101)).toBe(102);
  });
});
