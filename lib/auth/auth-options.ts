// The full Auth.js configuration (providers with database access). auth.ts hands it to NextAuth;
// the OIDC integration test hands it to @auth/core directly, so both run exactly this code.
import 'server-only';
import type { NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from '@/auth.config';
import type { Database } from '@/db/client';
import { userForTicket } from './credentials';
import { findUserByIdentity } from './identity-lookup';
import { acceptExternalIdentity, OIDC_PROVIDER_ID, oidcSettings } from './oidc';
import { readTicket } from './ticket';

export function buildAuthOptions(getDb: () => Promise<Database>, env: NodeJS.ProcessEnv = process.env) {
  const oidc = oidcSettings(env);
  const providers: NextAuthConfig['providers'] = [
    Credentials({
      credentials: { ticket: {} },
      // Only a ticket minted by the sign-in action after the password (and second factor) checked
      // out: a bare email and password posted here are refused.
      async authorize(raw) {
        const ticket = readTicket((raw as { ticket?: unknown }).ticket, 'sign-in');
        if (!ticket) return null;
        const user = await userForTicket(await getDb(), ticket);
        if (!user) return null;
        return {
          id: String(user.id),
          email: user.email,
          name: user.name,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ];
  if (oidc) {
    providers.push({
      id: OIDC_PROVIDER_ID,
      name: oidc.name,
      type: 'oidc',
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      checks: ['pkce', 'state', 'nonce'],
      authorization: { params: { scope: 'openid email profile' } },
    });
  }
  const base = authConfig.callbacks;
  return {
    ...authConfig,
    providers,
    callbacks: {
      ...base,
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const user = await acceptExternalIdentity(await getDb(), {
          provider: OIDC_PROVIDER_ID,
          subject: String(account.providerAccountId ?? profile?.sub ?? ''),
          email: typeof profile?.email === 'string' ? profile.email : null,
          emailVerified: profile?.email_verified,
        });
        return user !== null;
      },
      async jwt(params) {
        const { token, account } = params;
        if (account?.provider === OIDC_PROVIDER_ID) {
          const user = await findUserByIdentity(
            await getDb(),
            OIDC_PROVIDER_ID,
            String(account.providerAccountId),
          );
          if (!user) return null;
          token.uid = user.id;
          token.sv = user.sessionVersion;
          token.sid = crypto.randomUUID();
          return token;
        }
        return base.jwt(params);
      },
    },
  } satisfies NextAuthConfig;
}
