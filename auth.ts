import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authConfig } from './auth.config';
import { getDb } from './db/client';
import { verifyCredentials } from './lib/auth/credentials';

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
});

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const ip = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? null;
        const user = await verifyCredentials(await getDb(), parsed.data.email, parsed.data.password, ip);
        if (!user) return null;
        return {
          id: String(user.id),
          email: user.email,
          name: user.name,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
});
