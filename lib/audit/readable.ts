// The audit log as a person reads it (the secretariat's page and its CSV export): each event's
// action and record in words, and its before and after as a change list (lib/audit/changes.ts)
// with field names, indicator names, states and dates in the reader's language and Danish time.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '@/db/client';
import { indicators } from '@/db/schema';
import { messageExists, translate } from '@/i18n/messages';
import { formatDate, formatDateTime, formatInteger, type Locale } from '@/lib/format';
import { type ChangeLine, describeChanges, type Vocabulary } from './changes';
import { present } from '@/lib/invariant';

/** Where a code in a field is put into words: the first key that exists. */
const CODE_KEYS: Record<string, string[]> = {
  state: ['admin.states'],
  fromState: ['admin.states'],
  kind: ['admin.kinds', 'admin.indicators.kinds'],
  region: ['admin.regions'],
  role: ['admin.users.roles'],
};

export async function auditVocabulary(db: Database, locale: Locale): Promise<Vocabulary> {
  const catalogue = await db
    .select({ key: indicators.key, labelDa: indicators.labelDa, labelEn: indicators.labelEn })
    .from(indicators);
  const names = new Map(catalogue.map((row) => [row.key, locale === 'en' ? row.labelEn : row.labelDa]));
  const known = (key: string) => (messageExists(locale, key) ? translate(locale, key) : undefined);
  return {
    field: (name) => known(`auditlog.fields.${name}`),
    indicator: (key) => names.get(key),
    code: (field, value) => {
      for (const namespace of CODE_KEYS[field] ?? []) {
        const words = known(`${namespace}.${value}`);
        if (words) return words;
      }
      return undefined;
    },
    yes: translate(locale, 'compare.companies.yes'),
    no: translate(locale, 'compare.companies.no'),
    none: '–',
    number: (value) => formatInteger(value, locale),
    date: (isoDate) => formatDate(isoDate, locale),
    dateTime: (instant) => formatDateTime(instant, locale),
  };
}

/** An action code in words ("submission.return" → "Sendt retur"); an unknown one as it is. */
export function actionText(locale: Locale, action: string): string {
  const key = `auditlog.actions.${action.replaceAll('.', '_')}`;
  return messageExists(locale, key) ? translate(locale, key) : action;
}

/** A record type in words ("reporting_year" → "År"); an unknown one as it is. */
export function entityText(locale: Locale, entityType: string): string {
  const key = `auditlog.entities.${entityType}`;
  return messageExists(locale, key) ? translate(locale, key) : entityType;
}

export interface StoredAuditEvent {
  id: number;
  at: Date;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  organisation: string | null;
  before: unknown;
  after: unknown;
}

export interface ReadableAuditEvent extends StoredAuditEvent {
  actionText: string;
  entityText: string;
  changes: ChangeLine[];
  /** change lines left out of `changes` */
  moreChanges: number;
}

export function readableEvents(
  events: StoredAuditEvent[],
  locale: Locale,
  words: Vocabulary,
): ReadableAuditEvent[] {
  return events.map((event) => {
    const { lines, more } = describeChanges(event.before, event.after, words);
    return {
      ...event,
      actionText: actionText(locale, event.action),
      entityText: entityText(locale, event.entityType),
      changes: lines,
      moreChanges: more,
    };
  });
}

/** The actions the log holds, for the filter: each in words, grouped by what they act on. */
export async function auditActionChoices(db: Database, locale: Locale) {
  const rows = await queryRows<{ action: string }>(
    db,
    sql`select distinct action from audit_events order by action`,
  );
  const actions = rows.map((row) => row.action);
  const groups = [...new Set(actions.map((action) => present(action.split('.')[0])))];
  return {
    groups: groups.map((group) => {
      const key = `auditlog.groups.${group}`;
      return {
        value: `${group}.`,
        label: translate(locale, 'auditlog.group', {
          name: messageExists(locale, key) ? translate(locale, key) : group,
        }),
      };
    }),
    actions: actions
      .map((action) => ({ value: action, label: actionText(locale, action) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
  };
}
