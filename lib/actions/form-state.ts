// The one shape every form's server action answers with (lib/actions/form.ts builds it, the form
// components in components/forms render it). Plain data: it crosses to the browser.
import type { FailureKind } from '@/lib/result';

export interface FormState<Data = unknown> {
  status: 'idle' | 'ok' | 'error';
  /** on error, the kind of refusal: a form may word a conflict or a forbidden attempt its own way */
  kind?: FailureKind;
  /** the outcome or the refusal, in the user's language */
  message?: string;
  /** per field, what is wrong with it (in words) */
  fieldErrors?: Record<string, string[]>;
  /** more lines under the message: problems by row, recipients, what others changed */
  lines?: string[];
  /** what was posted (text fields), so a refused form shows it again */
  values?: Record<string, string>;
  /** what the action hands back besides words: a new version, recovery codes, the next step */
  data?: Data;
}

export const idleState: FormState<never> = { status: 'idle' };

/** The function a form posts to (useActionState's shape). */
export type FormAction<Data = unknown> = (
  state: FormState<Data>,
  formData: FormData,
) => Promise<FormState<Data>>;

/**
 * Any form's action, for a component that renders whatever it answers (ActionForm): checked
 * bivariantly (method syntax), so an action answering no data fits where one with data may.
 */
export type AnyFormAction<Data = unknown> = {
  post(state: FormState<Data>, formData: FormData): Promise<FormState<Data>>;
}['post'];
