'use client';

import { useActionState } from 'react';
import { type SignInState, signInAction } from '@/lib/auth/sign-in-action';
import { buttonClass, ErrorSummary, FieldError, inputClass } from './error-summary';

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

export function LoginForm({
  locale,
  callbackUrl,
  text,
}: {
  locale: string;
  callbackUrl: string;
  text: LoginFormText;
}) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const errors = state.error ? [{ field: state.errorField, message: state.error }] : [];
  const secondStep = state.step === 'second_factor';
  return (
    <form action={action} className="mt-6 max-w-md space-y-5" noValidate>
      <ErrorSummary title={text.errorSummary} errors={errors} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {secondStep ? (
        <>
          <input type="hidden" name="step" value="second_factor" />
          <h2 className="text-xl font-semibold">{text.codeTitle}</h2>
          <p>{text.codeIntro}</p>
          <div>
            <label htmlFor="code" className="block font-medium">
              {text.code}
            </label>
            <p id="code-hint" className="text-sm text-muted">
              {text.codeHint}
            </p>
            <input
              id="code"
              name="code"
              type="text"
              inputMode="text"
              autoComplete="one-time-code"
              required
              aria-describedby={state.errorField === 'code' ? 'code-hint code-error' : 'code-hint'}
              aria-invalid={state.errorField === 'code' || undefined}
              className={inputClass}
            />
            <FieldError id="code-error" message={state.errorField === 'code' ? state.error : undefined} />
          </div>
          <button type="submit" disabled={pending} className={buttonClass}>
            {text.codeSubmit}
          </button>
        </>
      ) : (
        <>
          <div>
            <label htmlFor="email" className="block font-medium">
              {text.email}
            </label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              required
              defaultValue={state.email}
              aria-describedby={state.errorField === 'email' ? 'email-error' : undefined}
              aria-invalid={state.errorField === 'email' || undefined}
              className={inputClass}
            />
            <FieldError id="email-error" message={state.errorField === 'email' ? state.error : undefined} />
          </div>
          <div>
            <label htmlFor="password" className="block font-medium">
              {text.password}
            </label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              aria-describedby={state.errorField === 'password' ? 'password-error' : undefined}
              aria-invalid={state.errorField === 'password' || undefined}
              className={inputClass}
            />
            <FieldError
              id="password-error"
              message={state.errorField === 'password' ? state.error : undefined}
            />
          </div>
          <button type="submit" disabled={pending} className={buttonClass}>
            {text.submit}
          </button>
        </>
      )}
    </form>
  );
}
