import 'server-only';
// The action kit: every mutation in lib/ is one of these. adminAction(schema, step) gives the core
// function (db, actor, input) that
//   authorises the actor (a refusal is audited and answers `forbidden`) and narrows it,
//   parses the input with the zod schema (z.flattenError: one list of codes per field),
//   runs the step in one transaction (a step that answers a failure rolls it back),
//   hands the step ctx.audit(…), which fills in who and from where,
//   and qualifies the step's short message codes with the action's namespace.
// Tests and other lib/ code call it directly; lib/actions/form.ts turns it into a server action.
import { z } from 'zod';
import type { Database } from '@/db/client';
import { type AuditEvent, type AuditHeader, auditHeaderOf, recordAuditEvent } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import {
  type AdminActor,
  type Authorised,
  authoriseAdmin,
  authoriseFor,
  authoriseSignedIn,
  type MemberActor,
} from '@/lib/auth/permissions';
import type { Locale } from '@/lib/format';
import { type Failure, type FieldErrors, invalid, notFound, type Result } from '@/lib/result';
import { storableForm } from '@/lib/validation/text';
import { qualifyFailure } from './messages';

export type Audience = 'admin' | 'member' | 'signed-in' | 'public';
type Isolation = 'read committed' | 'repeatable read' | 'serializable';

/** What the request adds to an action's input: the form's language, the caller's address. */
export interface ActionEnv {
  locale?: Locale;
  /** the client's address, for actions without a session (an actor carries its own) */
  ip?: string | null;
  /** the configuration (SMTP_URL, SITE_URL …), process.env unless a test points it elsewhere */
  config?: NodeJS.ProcessEnv;
}

export interface StepContext<A> {
  /** the step's transaction (the plain connection when the action opens its own: `transaction: false`) */
  tx: Database;
  actor: A;
  locale: Locale;
  /** the configuration; links in mail are on its configured origin (lib/site-url.ts), never the request's */
  config: NodeJS.ProcessEnv;
  /** who is acting and from where, for lower layers that write their own audit events */
  by: AuditHeader;
  /** appends an audit event in the step's transaction, with the header filled in (or overridden) */
  audit(event: AuditEvent & Partial<AuditHeader>): Promise<void>;
  /** for `transaction: false` steps: one transaction of their own; answering a failure rolls it back */
  transaction<T>(
    run: (ctx: StepContext<A>) => Promise<Result<T>>,
    options?: { isolationLevel?: Isolation },
  ): Promise<Result<T>>;
}

export type Step<A, I, T> = (ctx: StepContext<A>, input: I) => Promise<Result<T>>;

/** A core function built by the kit. `input` is whatever arrived: the schema decides. */
export interface Action<T> {
  (db: Database, actor: Actor | null, input?: unknown, env?: ActionEnv): Promise<Result<T>>;
  readonly audience: Audience;
  /** the namespace of the action's message codes, e.g. 'admin.errors' */
  readonly messages: string;
}

export interface ActionOptions {
  /**
   * The action's name in the audit trail: a refusal is recorded as an attempt of it. A function
   * reads it from the raw input (changeYear's `year.${kind}`); null means no such action (invalid).
   */
  name: string | ((input: unknown) => string | null);
  /** where the action's short message codes live (default 'admin.errors') */
  messages?: string;
  /** the summary code of a refused input (default 'invalid_input') */
  invalid?: string;
  /** false: the step opens its own transactions (ctx.transaction), e.g. to send mail after a commit */
  transaction?: false | { isolationLevel?: Isolation };
}

/** The key a refusal by audience is told with (full keys: no namespace applies). */
const FORBIDDEN: Record<Audience, string> = {
  admin: 'admin.errors.forbidden',
  member: 'portal.form.forbiddenAction',
  'signed-in': 'common.errors.forbidden',
  public: 'common.errors.forbidden',
};

/** Rolls a transaction back when its step answers a failure, carrying the failure out. */
class Refused extends Error {
  constructor(readonly failure: Failure) {
    super(`refused: ${failure.message}`);
    this.name = 'Refused';
  }
}

type Scope<A> = Pick<StepContext<A>, 'actor' | 'locale' | 'config' | 'by'>;

function contextFor<A>(tx: Database, scope: Scope<A>): StepContext<A> {
  return {
    ...scope,
    tx,
    audit: (event) => recordAuditEvent(tx, { ...scope.by, ...event }),
    transaction: (run, options) => inTransaction(tx, scope, run, options?.isolationLevel),
  };
}

async function inTransaction<A, T>(
  db: Database,
  scope: Scope<A>,
  run: (ctx: StepContext<A>) => Promise<Result<T>>,
  isolationLevel?: Isolation,
): Promise<Result<T>> {
  try {
    return await db.transaction(
      async (tx) => {
        const result = await run(contextFor(tx, scope));
        if (!result.ok) throw new Refused(result);
        return result;
      },
      isolationLevel ? { isolationLevel } : undefined,
    );
  } catch (error) {
    if (error instanceof Refused) return error.failure;
    throw error;
  }
}

/**
 * The input through the schema: the value, or `invalid` with every field's codes — z.flattenError's
 * shape, keyed by the name the form posts (a nested `change.deadline` is the field `deadline`, an
 * element `organisationIds.2` the field `organisationIds`; the input as a whole is `form`).
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  invalidCode = 'invalid_input',
): { ok: true; value: z.output<S> } | Failure {
  // an issue the schema gives no code of its own gets the summary code, never zod's English
  const parsed = schema.safeParse(input, { error: () => invalidCode });
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.filter((part): part is string => typeof part === 'string').at(-1) ?? 'form';
    fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
  }
  return invalid(invalidCode, fieldErrors);
}

/** Who may act, as an authorisation answers it: the narrowed actor and what the check found. */
interface Allowed<A, E> {
  actor: A;
  extra: E;
}

function build<A, E, S extends z.ZodType, T>(
  audience: Audience,
  schema: S,
  options: ActionOptions,
  authorise: (
    db: Database,
    actor: Actor | null,
    name: string,
    input: z.output<S> | undefined,
  ) => Promise<Authorised<Allowed<A, E>>>,
  step: (ctx: StepContext<A>, input: z.output<S>, extra: E) => Promise<Result<T>>,
  /** authorise before parsing (the refusal must not depend on the input) or after (it reads it) */
  authoriseFirst: boolean,
): Action<T> {
  const messages = options.messages ?? 'admin.errors';
  const refuse = (failure: Failure): Failure =>
    failure.kind === 'forbidden' ? { ...failure, message: FORBIDDEN[audience] } : failure;
  const run = async (db: Database, actor: Actor | null, raw: unknown, env: ActionEnv = {}) => {
    const name = typeof options.name === 'function' ? options.name(raw) : options.name;
    if (name === null) return invalid(options.invalid ?? 'invalid_input');
    const early = authoriseFirst ? await authorise(db, actor, name, undefined) : null;
    if (early && !early.ok) return refuse(early);
    const parsed = parseInput(schema, raw, options.invalid);
    if (!parsed.ok) return parsed;
    const allowed = early ?? (await authorise(db, actor, name, parsed.value));
    if (!allowed.ok) return refuse(allowed);
    const { actor: who, extra } = allowed.value;
    const scope: Scope<A> = {
      actor: who,
      locale: env.locale ?? 'da',
      config: env.config ?? process.env,
      by: auditHeaderOf(actor, actor ? (actor.ip ?? null) : ipOf(env)),
    };
    if (options.transaction === false) return step(contextFor(db, scope), parsed.value, extra);
    return inTransaction(
      db,
      scope,
      (ctx) => step(ctx, parsed.value, extra),
      options.transaction?.isolationLevel,
    );
  };
  const action = async (db: Database, actor: Actor | null, raw?: unknown, env?: ActionEnv) => {
    const result = await run(db, actor, raw, env);
    return result.ok ? result : qualifyFailure(result, messages);
  };
  return Object.assign(action, { audience, messages });
}

/** An authorisation's answer with nothing found besides the actor. */
async function only<A>(check: Promise<Authorised<A>>): Promise<Authorised<Allowed<A, undefined>>> {
  const allowed = await check;
  return allowed.ok ? { ok: true, value: { actor: allowed.value, extra: undefined } } : allowed;
}

/** A client-written address, stored in a form the database takes (or none). */
function ipOf(env: ActionEnv): string | null {
  return env.ip == null ? null : storableForm(String(env.ip), 100);
}

/** For the secretariat (with the second factor enrolled). */
export function adminAction<S extends z.ZodType, T>(
  schema: S,
  step: Step<AdminActor, z.output<S>, T>,
  options: ActionOptions,
): Action<T> {
  return build(
    'admin',
    schema,
    options,
    (db, actor, name) => only(authoriseAdmin(db, actor, name)),
    step,
    true,
  );
}

/** The organisation an action is for, looked up from its input (its slug or id). */
export interface ActingFor {
  id: number;
  slug: string;
  name: string;
}

export type MemberStepContext = StepContext<MemberActor> & { organisation: ActingFor };

export interface MemberActionOptions<I> extends Omit<ActionOptions, 'name'> {
  /** the name of the attempt, from the parsed input (it names the organisation and year) */
  name: (input: I) => string;
  /** which organisation the input is for; null when there is none (not found, after the check) */
  organisation: (db: Database, input: I) => Promise<ActingFor | null>;
  /** the code of an organisation that does not exist (default 'not_found') */
  notFound?: string;
}

/**
 * For members of one organisation (and the secretariat). The input names the organisation, so it
 * is parsed first; a refusal is audited against the organisation, one that does not exist included.
 */
export function memberAction<S extends z.ZodType, T>(
  schema: S,
  step: (ctx: MemberStepContext, input: z.output<S>) => Promise<Result<T>>,
  options: MemberActionOptions<z.output<S>>,
): Action<T> {
  return build<MemberActor, ActingFor, S, T>(
    'member',
    schema,
    { ...options, name: 'member' },
    async (db, actor, _name, input) => {
      const parsed = input as z.output<S>;
      const organisation = await options.organisation(db, parsed);
      const allowed = await authoriseFor(db, actor, organisation?.id ?? -1, options.name(parsed));
      if (!allowed.ok) return allowed;
      if (!organisation) return notFound(options.notFound ?? 'not_found');
      return { ok: true, value: { actor: allowed.value, extra: organisation } };
    },
    (ctx, input, organisation) => step({ ...ctx, organisation }, input),
    false,
  );
}

/** For anyone signed in, acting on their own account. */
export function signedInAction<S extends z.ZodType, T>(
  schema: S,
  step: Step<Actor, z.output<S>, T>,
  options: ActionOptions,
): Action<T> {
  return build(
    'signed-in',
    schema,
    options,
    (db, actor, name) => only(authoriseSignedIn(db, actor, name)),
    step,
    true,
  );
}

/** Reached without a session by design: the input itself (a one-time link's token) is the authority. */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  step: Step<Actor | null, z.output<S>, T>,
  options: Omit<ActionOptions, 'name'> & { name?: string },
): Action<T> {
  return build(
    'public',
    schema,
    { ...options, name: options.name ?? 'public' },
    async (_db, actor) => ({ ok: true, value: { actor, extra: undefined } }),
    step,
    true,
  );
}

/** A read of non-public data: authorised like an action, no transaction, nothing audited but a refusal. */
export type Query<I, T> = (
  db: Database,
  actor: Actor | null,
  ...input: undefined extends I ? [input?: I] : [input: I]
) => Promise<Result<T>>;

export interface QueryContext<A> {
  db: Database;
  actor: A;
}

/** A read authorised by `authorise`; a refusal is told with the audience's key, other codes get `messages`. */
function query<A, I, T>(
  audience: Audience,
  authorise: (db: Database, actor: Actor | null, name: string) => Promise<Authorised<A>>,
  name: string,
  read: (ctx: QueryContext<A>, input: I) => Promise<Result<T>>,
  messages: string,
): Query<I, T> {
  return async (db, actor, ...input) => {
    const allowed = await authorise(db, actor, name);
    if (!allowed.ok) return { ...allowed, message: FORBIDDEN[audience] };
    const result = await read({ db, actor: allowed.value }, input[0] as I);
    return result.ok ? result : qualifyFailure(result, messages);
  };
}

/** A read for the secretariat: `read` runs only for an admin; its short codes get the namespace. */
export function adminQuery<I, T>(
  name: string,
  read: (ctx: QueryContext<AdminActor>, input: I) => Promise<Result<T>>,
  messages = 'admin.errors',
): Query<I, T> {
  return query('admin', authoriseAdmin, name, read, messages);
}

/** A read of one's own account: `read` runs only for someone signed in. */
export function signedInQuery<I, T>(
  name: string,
  read: (ctx: QueryContext<Actor>, input: I) => Promise<Result<T>>,
  messages = 'auth.account.errors',
): Query<I, T> {
  return query('signed-in', authoriseSignedIn, name, read, messages);
}

/** The schema of an action that takes nothing but its actor (a button). */
export const noInput = z.unknown();
