'use client';

import { useActionState } from 'react';
import { type SignInState, signInAction } from '@/lib/auth/sign-in-action';

export interface LoginFormText {
  email: string;
  password: string;
  submit: string;
  errorSummary: string;
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
  return (
    <form action={action} className="mt-6 max-w-md space-y-5" noValidate>
      {state.error && (
        <div
          role="alert"
          aria-labelledby="login-error-title"
          className="border-l-4 border-error bg-white p-4"
          tabIndex={-1}
        >
          <h2 id="login-error-title" className="font-semibold">
            {text.errorSummary}
          </h2>
          <p className="text-error">{state.error}</p>
        </div>
      )}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
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
          className="mt-1 w-full border-2 border-ink px-3 py-2"
        />
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
          className="mt-1 w-full border-2 border-ink px-3 py-2"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="bg-primary px-5 py-2 font-medium text-white hover:bg-primary-dark disabled:opacity-60"
      >
        {text.submit}
      </button>
    </form>
  );
}
