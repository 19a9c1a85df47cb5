// Messages live in one file per feature (messages/<locale>/<namespace>.json) so features can
// grow their texts without touching each other's files.
import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from '@/lib/format';

type Messages = Record<string, unknown>;
const cache = new Map<Locale, Messages>();

export function loadMessages(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached && process.env.NODE_ENV === 'production') return cached;
  const folder = path.join(process.cwd(), 'messages', locale);
  const messages: Messages = {};
  for (const file of fs.readdirSync(folder).sort()) {
    if (!file.endsWith('.json')) continue;
    messages[file.slice(0, -'.json'.length)] = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
  }
  cache.set(locale, messages);
  return messages;
}

/** A message by "namespace.key.path", with {placeholders} filled: for lib/ code outside React. */
export function translate(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  let node: unknown = loadMessages(locale);
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') return key;
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
