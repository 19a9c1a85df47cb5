// Messages live in one file per feature (messages/<locale>/<namespace>.json) so features can
// grow their texts without touching each other's files.
import fs from 'node:fs';
import path from 'node:path';
// use-intl is what next-intl formats with; its core runs outside React (scripts, jobs, tests)
import { createTranslator } from 'use-intl/core';
import type { Locale } from '@/lib/format';
import { fill, type TemplateValues } from '@/lib/text/fill';

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

function lookup(locale: Locale, key: string): unknown {
  let node: unknown = loadMessages(locale);
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

/** Whether "namespace.key.path" names a message (a text, not a group of them). */
export function messageExists(locale: Locale, key: string): boolean {
  return typeof lookup(locale, key) === 'string';
}

/** ICU arguments beyond a plain {placeholder}: "{count, plural, one {# tal} other {# tal}}". */
const ICU_ARGUMENT = /\{\s*\w+\s*,\s*(plural|select|selectordinal)\s*,/;

/**
 * A message by "namespace.key.path", with {placeholders} filled: for lib/ code outside React.
 * A message with plurals is formatted the way next-intl formats it on the pages (ICU, numbers
 * in the locale's way); a plain one keeps the template filler's rule that an unknown
 * placeholder stays as it is.
 */
export function translate(locale: Locale, key: string, values: TemplateValues = {}): string {
  const node = lookup(locale, key);
  if (typeof node !== 'string') return key;
  if (!ICU_ARGUMENT.test(node)) return fill(node, values);
  let failed = false;
  const formatted = createTranslator({
    locale,
    messages: { message: node },
    timeZone: 'Europe/Copenhagen',
    onError: () => {
      failed = true;
    },
  })('message', values);
  return failed ? fill(node, values) : formatted;
}
