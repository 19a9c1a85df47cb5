'use client';
// The report page's error boundary: what staff see when a save or an upload fails in a way the
// form cannot report itself (e.g. a post over the server's body limit that bypassed the upload
// form's own size check). Says that nothing was saved, what to check, and the error code.
import { useParams } from 'next/navigation';
import da from '@/messages/da/errors.json';
import en from '@/messages/en/errors.json';

export default function ReportError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const params = useParams<{ locale?: string }>();
  const text = (params.locale === 'en' ? en : da).pageFailed;
  return (
    <div role="alert" data-testid="report-error" className="border-l-4 border-error bg-white p-4">
      <h1 className="text-2xl font-semibold">{text.title}</h1>
      <p className="mt-2">{text.body.replace('{id}', error.digest ?? '–')}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 border-2 border-primary bg-white px-5 py-2 font-medium text-primary hover:bg-surface"
      >
        {text.retry}
      </button>
    </div>
  );
}
