'use client';
// The company-list upload (CSV or an Excel workbook): a multipart form post to the server action;
// errors listed by row.
import { type FormEvent, useActionState, useState } from 'react';
import { ErrorSummary, useFocusOnChange } from '@/components/forms/error-summary';
import { Notice } from '@/components/ui/notice';
import type { FormState } from '@/lib/actions/form-state';
import { type SubmissionData, uploadCompanyListAction } from '@/lib/submissions/actions';
import { type CsvMessages, companyFileSizeProblem, describeCsvProblem } from '@/lib/submissions/rules';
import { fill } from '@/lib/text/fill';

export interface CompanyListUploadText {
  file: string;
  upload: string;
  /** with {rows} */
  uploaded: string;
  errorSummary: string;
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
  const [state, action, pending] = useActionState<FormState<SubmissionData>, FormData>(
    uploadCompanyListAction,
    {
      status: 'idle',
    },
  );
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
  const refused = tooLarge !== null || state.status === 'error';
  const errors = tooLarge
    ? [tooLarge.message]
    : state.kind === 'invalid'
      ? (state.fieldErrors?.companies ?? [])
      : [];
  const outcomeRef = useFocusOnChange(state.status === 'ok' && !tooLarge ? state : undefined);
  const version = Math.max(props.version, state.data?.version ?? 0);
  return (
    <form
      action={action}
      onSubmit={checkSize}
      encType="multipart/form-data"
      noValidate
      className="no-print mt-4 space-y-3"
    >
      {state.status === 'ok' && !tooLarge && (
        <div ref={outcomeRef} tabIndex={-1} role="status" data-testid="upload-summary">
          <Notice tone="success" className="p-4">
            <h3 id="upload-summary-title" className="font-semibold">
              {fill(text.uploaded, { rows: state.data?.rows ?? 0 })}
            </h3>
          </Notice>
        </div>
      )}
      {refused && (
        <ErrorSummary
          id="upload-summary"
          title={text.errorSummary}
          level={3}
          message={tooLarge ? undefined : (state.message ?? text.unexpected)}
          errors={errors.map((line) => ({ field: 'field-companies', message: line }))}
          testId="upload-summary"
          focus={tooLarge ?? state}
        >
          {state.kind === 'conflict' && !tooLarge && (
            <ul className="list-disc pl-6">
              {(state.lines ?? []).map((line) => (
                <li key={line}>{line}</li>
              ))}
              <li>
                <a href={props.reloadHref} data-keeps-unsaved>
                  {text.conflictReload}
                </a>
              </li>
            </ul>
          )}
        </ErrorSummary>
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
          // the file chooser offers what Excel saves by default as well as a CSV
          accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
