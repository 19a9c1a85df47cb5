// Auth.js settings without database or hashing, shared by auth.ts and anything light.
import type { NextAuthConfig } from 'next-auth';
import { decode, encode } from 'next-auth/jwt';
import { rememberingCodec } from './lib/auth/session-token';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authConfig = {
  pages: { signIn: '/login' },
  // Credentials only works with JWT sessions; the user is re-read on every authorised request.
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: rememberingCodec({ encode, decode }),
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 1;
        // one id per sign-in: two sign-ins of one user (within the codec's minute of memory too)
        // never share a session token
        token.sid = crypto.randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        userId: typeof token.uid === 'number' ? token.uid : null,
        sessionVersion: typeof token.sv === 'number' ? token.sv : null,
      };
    },
  },
  logger: {
    // a wrong password is routine, not a stack trace
    error(error) {
      if ((error as { type?: string }).type === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
} satisfies NextAuthConfig;

declare module 'next-auth' {
  interface Session {
    userId: number | null;
    sessionVersion: number | null;
  }
}
