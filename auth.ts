import NextAuth from 'next-auth';
import { getDb } from './db/client';
import { buildAuthOptions } from './lib/auth/auth-options';

export const { handlers, auth, signIn, signOut } = NextAuth(buildAuthOptions(getDb));
