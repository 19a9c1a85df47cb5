'use client';
// The company-list upload: a multipart form post to the server action; errors listed by row.
import { useActionState, useEffect, useRef } from 'react';
import { type SubmissionFormState, uploadCompanyListAction } from '@/lib/submissions/actions';

export interface CompanyListUploadText {
  file: string;
  upload: string;
  uploaded: string;
  errorSummary: string;
  forbidden: string;
  unexpected: string;
  conflictReload: string;
}

export function CompanyListUpload(props: {
  locale: 'da' | 'en';
  orgSlug: string;
  year: number;
  version: number;
  text: CompanyListUploadText;
  describedBy: string;
  reloadHref: string;
}) {
  const { text } = props;
  const [state, action, pending] = useActionState<SubmissionFormState, FormData>(uploadCompanyListAction, {
    status: 'idle',
  });
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') summaryRef.current?.focus();
  }, [state]);
  const errors = state.status === 'invalid' ? (state.fieldErrors?.companies ?? []) : [];
  const version = Math.max(props.version, state.version ?? 0);
  return (
    <form action={action} encType="multipart/form-data" noValidate className="no-print mt-4 space-y-3">
      {state.status !== 'idle' && (
        <div
          ref={summaryRef}
          tabIndex={-1}
          role={state.status === 'uploaded' ? 'status' : 'alert'}
          data-testid="upload-summary"
          className={`border-l-4 bg-white p-4 ${state.status === 'uploaded' ? 'border-success' : 'border-error'}`}
        >
          <h3 id="upload-summary-title" className="font-semibold">
            {state.status === 'uploaded'
              ? text.uploaded.replace('{rows}', String(state.rows ?? 0))
              : text.errorSummary}
          </h3>
          {state.status === 'forbidden' && <p>{text.forbidden}</p>}
          {state.status === 'error' && !state.message && <p>{text.unexpected}</p>}
          {state.message && <p>{state.message}</p>}
          {errors.length > 0 && (
            <ul className="mt-2 list-disc pl-6">
              {errors.map((line) => (
                <li key={line}>
                  <a href="#field-companies" className="text-error">
                    {line}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {state.status === 'conflict' && (
            <ul className="list-disc pl-6">
              {(state.conflictChanges ?? []).map((line) => (
                <li key={line}>{line}</li>
              ))}
              <li>
                <a href={props.reloadHref}>{text.conflictReload}</a>
              </li>
            </ul>
          )}
        </div>
      )}
      <input type="hidden" name="locale" value={props.locale} />
      <input type="hidden" name="orgSlug" value={props.orgSlug} />
      <input type="hidden" name="year" value={props.year} />
      <input type="hidden" name="version" value={version} />
      <div>
        <label htmlFor="field-companies" className="block font-medium">
          {text.file}
        </label>
        <input
          id="field-companies"
          name="companies"
          type="file"
          accept=".csv,text/csv"
          aria-invalid={errors.length > 0 ? true : undefined}
          aria-describedby={props.describedBy}
          className="mt-1 block"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="border-2 border-primary bg-white px-5 py-2 font-medium text-primary hover:bg-surface disabled:opacity-60"
      >
        {text.upload}
      </button>
    </form>
  );
}
