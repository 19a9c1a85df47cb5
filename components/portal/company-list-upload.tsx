'use client';
// The company-list upload: a multipart form post to the server action; errors listed by row.
import { type FormEvent, useActionState, useEffect, useRef, useState } from 'react';
import { type SubmissionFormState, uploadCompanyListAction } from '@/lib/submissions/actions';
import { type CsvMessages, companyFileSizeProblem, describeCsvProblem } from '@/lib/submissions/rules';

export interface CompanyListUploadText {
  file: string;
  upload: string;
  uploaded: string;
  errorSummary: string;
  forbidden: string;
  unexpected: string;
  conflictReload: string;
  /** the refusal of a file over the size limit, with {sizeMb} and {maxMb} */
  fileTooLarge: string;
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
  // A file over the limit is refused here, before it is sent: posted, it would only meet the
  // server's body limit (the server refuses it by size too, and the proxy without JavaScript).
  const [tooLarge, setTooLarge] = useState<{ message: string; at: number } | null>(null);
  function checkSize(event: FormEvent<HTMLFormElement>) {
    const input = event.currentTarget.elements.namedItem('companies');
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    const problem = file ? companyFileSizeProblem(file.size) : null;
    if (problem) {
      event.preventDefault();
      const messages = { fileTooLarge: text.fileTooLarge } as CsvMessages;
      setTooLarge({ message: describeCsvProblem(problem, messages, props.locale), at: Date.now() });
    } else setTooLarge(null);
  }
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (tooLarge || state.status !== 'idle') summaryRef.current?.focus();
  }, [state, tooLarge]);
  const status = tooLarge ? 'invalid' : state.status;
  const errors = tooLarge
    ? [tooLarge.message]
    : state.status === 'invalid'
      ? (state.fieldErrors?.companies ?? [])
      : [];
  const version = Math.max(props.version, state.version ?? 0);
  return (
    <form
      action={action}
      onSubmit={checkSize}
      encType="multipart/form-data"
      noValidate
      className="no-print mt-4 space-y-3"
    >
      {status !== 'idle' && (
        <div
          ref={summaryRef}
          tabIndex={-1}
          role={status === 'uploaded' ? 'status' : 'alert'}
          data-testid="upload-summary"
          className={`border-l-4 bg-white p-4 ${status === 'uploaded' ? 'border-success' : 'border-error'}`}
        >
          <h3 id="upload-summary-title" className="font-semibold">
            {status === 'uploaded'
              ? text.uploaded.replace('{rows}', String(state.rows ?? 0))
              : text.errorSummary}
          </h3>
          {status === 'forbidden' && <p>{text.forbidden}</p>}
          {status === 'error' && !state.message && <p>{text.unexpected}</p>}
          {!tooLarge && state.message && <p>{state.message}</p>}
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
          {status === 'conflict' && (
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
