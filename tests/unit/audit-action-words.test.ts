// The audit log is read by people (issue 16, item 11): every action lib/ records has words in
// Danish and English, and every group of actions a name, so no page or CSV shows a bare code. The
// actions are found where lib/ writes them (`action: '…'`), so a new one without words fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import da from '@/messages/da/auditlog.json';
import en from '@/messages/en/auditlog.json';

const root = path.resolve(__dirname, '../..');

function sources(folder: string): string[] {
  return fs.readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return sources(relative);
    return /\.tsx?$/.test(entry.name) ? [fs.readFileSync(path.join(root, relative), 'utf8')] : [];
  });
}

/** Every action written as a literal, also both branches of `cond ? 'a.b' : 'c.d'`. */
function recordedActions(): string[] {
  const found = new Set<string>();
  for (const source of sources('lib'))
    for (const match of source.matchAll(/action:\s*([^,\n]+)/g))
      for (const literal of (match[1] ?? '').matchAll(/'([a-z_]+\.[a-z_.]+)'/g))
        if (literal[1]) found.add(literal[1]);
  return [...found].sort();
}

/** The actions built from a kind (`year.${change.kind}`, `user.${change.kind}`) name their kinds here. */
const KIND_ACTIONS = [
  'year.deadline',
  'year.open',
  'year.close',
  'year.reopen',
  'user.role',
  'user.disable',
  'user.enable',
  'user.memberships',
  'user.logout_everywhere',
];

describe('the audit log in words', () => {
  const actions = [...recordedActions(), ...KIND_ACTIONS];

  it('finds the actions lib/ records', () => {
    expect(actions).toContain('submission.approve');
    expect(actions).toContain('release.schedule');
    expect(actions.length).toBeGreaterThan(40);
  });

  it.each([
    ['da', da],
    ['en', en],
  ] as const)('every recorded action and its group have words in %s', (_, messages) => {
    const words = messages.actions as Record<string, string>;
    const groups = messages.groups as Record<string, string>;
    expect(actions.filter((action) => !words[action.replaceAll('.', '_')])).toEqual([]);
    const groupsUsed = [...new Set(actions.map((action) => action.split('.')[0] ?? action))];
    expect(groupsUsed.filter((group) => !groups[group])).toEqual([]);
  });

  it('Danish and English name the same actions', () => {
    expect(Object.keys(en.actions).sort()).toEqual(Object.keys(da.actions).sort());
    expect(Object.keys(en.groups).sort()).toEqual(Object.keys(da.groups).sort());
  });
});
