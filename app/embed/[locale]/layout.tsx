// Embeds: one chart alone for an iframe on another site, without the site's header and footer.
// A root layout of its own; /embed/… is excluded from the language rewrite in next.config.mjs.
import '../../globals.css';
import { plexSans } from '../../fonts';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { isLocale } from '@/lib/format';

export function generateStaticParams() {
  return [];
}

export const metadata = { robots: { index: false } };

export default async function EmbedLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale} className={plexSans.variable}>
      <body className="bg-white p-2 font-sans text-ink">
        <main>{children}</main>
      </body>
    </html>
  );
}
