'use client';
// The sign-in form, in two steps (lib/auth/sign-in-action.ts): email and password, then the
// one-time code for users with a second factor.
import { useActionState } from 'react';
import { type SignInState, signInAction } from '@/lib/auth/sign-in-action';
import { ErrorSummary, summaryErrors } from './error-summary';
import { Field } from './field';

export interface LoginFormText {
  email: string;
  password: string;
  submit: string;
  errorSummary: string;
  codeTitle: string;
  codeIntro: string;
  code: string;
  codeHint: string;
  codeSubmit: string;
}

const inputClass = 'mt-1 w-full border-2 border-ink px-3 py-2';
const buttonClass = 'bg-primary px-5 py-2 font-medium text-white hover:bg-primary-dark disabled:opacity-60';

export function LoginForm({
  locale,
  callbackUrl,
  text,
}: {
  locale: string;
  callbackUrl: string;
  text: LoginFormText;
}) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { status: 'idle' });
  const errorOf = (field: string) => state.fieldErrors?.[field]?.[0];
  return (
    <form action={action} className="mt-6 max-w-md space-y-5" noValidate>
      {state.status === 'error' && (
        <ErrorSummary
          id="error-summary"
          title={text.errorSummary}
          message={state.message}
          errors={summaryErrors(state.fieldErrors, '')}
        />
      )}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.data?.step === 'second_factor' ? (
        <>
          <input type="hidden" name="step" value="second_factor" />
          <h2 className="text-xl font-semibold">{text.codeTitle}</h2>
          <p>{text.codeIntro}</p>
          <Field id="code" label={text.code} hint={text.codeHint} error={errorOf('code')}>
            {(control) => (
              <input
                {...control}
                name="code"
                type="text"
                inputMode="text"
                autoComplete="one-time-code"
                required
                className={inputClass}
              />
            )}
          </Field>
          <button type="submit" disabled={pending} className={buttonClass}>
            {text.codeSubmit}
          </button>
        </>
      ) : (
        <>
          <Field id="email" label={text.email} error={errorOf('email')}>
            {(control) => (
              <input
                {...control}
                name="email"
                type="email"
                autoComplete="username"
                required
                defaultValue={state.values?.email}
                className={inputClass}
              />
            )}
          </Field>
          <Field id="password" label={text.password} error={errorOf('password')}>
            {(control) => (
              <input
                {...control}
                name="password"
                type="password"
                autoComplete="current-password"
                required
                className={inputClass}
              />
            )}
          </Field>
          <button type="submit" disabled={pending} className={buttonClass}>
            {text.submit}
          </button>
        </>
      )}
    </form>
  );
}
