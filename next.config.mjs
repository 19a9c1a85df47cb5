import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships wasm and data files, argon2 a native binary: load them from node_modules at run time
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'exceljs'],
  // migrations and messages are read from disk at run time
  outputFileTracingIncludes: { '/*': ['./db/migrations/**/*', './messages/**/*'] },
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
