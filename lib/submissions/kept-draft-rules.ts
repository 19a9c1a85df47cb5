// Pure rules of the kept draft (issue 16, kept-drafts.ts): what a person typed and did not save,
// put back into the form when they return, without ever putting it over what someone else saved
// since. Field names and values are the form's own text.

/** What was kept: the fields typed (those that differ from the form as opened), and as opened. */
export interface KeptFields {
  typed: Record<string, string>;
  opened: Record<string, string>;
}

export interface RestoredDraft {
  /** the form's fields: the saved ones, with the kept typing put back where that is safe */
  fields: Record<string, string>;
  /** the fields put back */
  restored: string[];
  /** fields someone saved differently since: theirs stays in the form, this person's is shown */
  conflicts: { name: string; mine: string; theirs: string }[];
}

/**
 * A three-way merge of one person's kept typing onto the saved fields: a field still as it was
 * when they opened the form gets what they typed; one already holding what they typed needs
 * nothing; one that someone else saved differently meanwhile keeps the saved value, and is told.
 */
export function restoreKeptDraft(saved: Record<string, string>, kept: KeptFields): RestoredDraft {
  const fields = { ...saved };
  const restored: string[] = [];
  const conflicts: RestoredDraft['conflicts'] = [];
  for (const [name, mine] of Object.entries(kept.typed)) {
    const now = saved[name] ?? '';
    if (now === mine) continue;
    if (now === (kept.opened[name] ?? '')) {
      fields[name] = mine;
      restored.push(name);
    } else conflicts.push({ name, mine, theirs: now });
  }
  return { fields, restored, conflicts };
}

/** The fields of `current` that differ from `opened`, and what they were: what is worth keeping. */
export function unsavedFields(opened: Record<string, string>, current: Record<string, string>): KeptFields {
  const typed: Record<string, string> = {};
  const before: Record<string, string> = {};
  for (const name of new Set([...Object.keys(opened), ...Object.keys(current)])) {
    const now = current[name] ?? '';
    const then = opened[name] ?? '';
    if (now === then) continue;
    typed[name] = now;
    before[name] = then;
  }
  return { typed, opened: before };
}
