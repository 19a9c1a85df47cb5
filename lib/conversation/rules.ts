// Pure rules of the conversation about a submission (issue 16): the secretariat's flags and
// remarks and staff's answers, grouped into one thread per value (and one about the submission
// as a whole), and which threads wait for an answer from the organisation.

export type MessageKind = 'flag' | 'unflag' | 'return' | 'message';

export interface ConversationMessage {
  id: number;
  /** the value it is about; null: the submission as a whole */
  indicatorKey: string | null;
  fromSecretariat: boolean;
  kind: MessageKind;
  body: string;
  authorName: string | null;
  authorEmail: string | null;
  /** ISO time; null for a flag or remark made before the conversation was kept */
  at: string | null;
}

export interface Thread {
  indicatorKey: string | null;
  messages: ConversationMessage[];
  /** the question is still open: the value is flagged, or the submission is returned */
  open: boolean;
  /** open, and the organisation has not written since the secretariat last did */
  awaitingAnswer: boolean;
}

export interface ThreadState {
  /** flagged values with their notes, as submission_values holds them */
  flags: { indicatorKey: string; note: string | null }[];
  /** the submission's state and its current remark */
  state: string | null;
  remark: string | null;
}

/**
 * The threads of one submission, the whole-submission thread first, then the values in the order
 * of `order` (the form's). A flag or remark that predates the kept conversation becomes its first
 * message, so every open question can be read and answered.
 */
export function threadsOf(
  messages: ConversationMessage[],
  state: ThreadState,
  order: string[] = [],
): Thread[] {
  const byKey = new Map<string | null, ConversationMessage[]>();
  for (const message of [...messages].sort((a, b) => a.id - b.id)) {
    const list = byKey.get(message.indicatorKey) ?? [];
    list.push(message);
    byKey.set(message.indicatorKey, list);
  }
  const legacy = (indicatorKey: string | null, kind: MessageKind, body: string): ConversationMessage => ({
    id: 0,
    indicatorKey,
    fromSecretariat: true,
    kind,
    body,
    authorName: null,
    authorEmail: null,
    at: null,
  });
  for (const flag of state.flags) {
    const list = byKey.get(flag.indicatorKey) ?? [];
    if (!list.some((message) => message.kind === 'flag'))
      byKey.set(flag.indicatorKey, [legacy(flag.indicatorKey, 'flag', flag.note ?? ''), ...list]);
  }
  if (state.state === 'returned' && state.remark) {
    const list = byKey.get(null) ?? [];
    if (!list.some((message) => message.kind === 'return'))
      byKey.set(null, [legacy(null, 'return', state.remark), ...list]);
  }
  const flagged = new Set(state.flags.map((flag) => flag.indicatorKey));
  const threads: Thread[] = [];
  for (const [indicatorKey, list] of byKey) {
    const open = indicatorKey === null ? state.state === 'returned' : flagged.has(indicatorKey);
    const last = list.at(-1);
    threads.push({
      indicatorKey,
      messages: list,
      open,
      awaitingAnswer: open && last?.fromSecretariat === true,
    });
  }
  const rank = (key: string | null) => {
    if (key === null) return -1;
    const at = order.indexOf(key);
    return at < 0 ? order.length : at;
  };
  return threads.sort((a, b) => rank(a.indicatorKey) - rank(b.indicatorKey));
}

/** How many of the threads wait for the organisation's answer. */
export function awaitingAnswers(threads: Thread[]): number {
  return threads.filter((thread) => thread.awaitingAnswer).length;
}
