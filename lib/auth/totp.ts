// Time-based one-time codes (RFC 6238) through otplib, and one-time recovery codes stored hashed.
import { createHash, randomBytes } from 'node:crypto';
import { createGuardrails, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

export const TOTP_ISSUER = 'Klyngeregnskab';

// New secrets are 20 bytes; 10-byte secrets (the classic 16-character base32 ones many apps and
// the demo admin use) are still accepted, so otplib's 16-byte minimum is lowered for verifying.
export const totpGuardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** A PNG data URL of the enrolment QR code (allowed by the CSP's img-src data:). */
export function totpQrDataUrl(secret: string, email: string): Promise<string> {
  return QRCode.toDataURL(totpUri(secret, email), { margin: 1, width: 220 });
}

/** Six digits, one 30-second step of clock drift either way. */
export async function verifyTotp(secret: string, code: string): Promise<boolean> {
  return (await matchTotpStep(secret, code)) !== null;
}

/** The RFC 6238 time step the code belongs to, or null: used to refuse a code used once already. */
export async function matchTotpStep(secret: string, code: string): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({ secret, token, epochTolerance: 30, guardrails: totpGuardrails });
    return result.valid ? (result as { timeStep: number }).timeStep : null;
  } catch {
    return null;
  }
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes like "k7dm-q2xe-9hpa": 60 bits each, so a plain SHA-256 is a sound hash for them. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256')
    .update(`recovery:${normaliseRecoveryCode(code)}`)
    .digest('hex');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return normaliseRecoveryCode(code).length === 12;
}
