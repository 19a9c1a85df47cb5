// The conversation about a submission (issue 16), as either side reads it: one thread per value
// (and one about the submission as a whole), each message with who wrote it and when, and a form
// to write in it. The pages put the messages in words; the form posts to the side's own action.
import { ActionForm } from '@/components/forms/action-form';
import type { AnyFormAction } from '@/lib/actions/form-state';
import type { ThreadView } from '@/lib/conversation/display';

export function ThreadList({
  threads,
  action,
  hidden,
  text,
  headingLevel = 3,
}: {
  threads: ThreadView[];
  action: AnyFormAction<undefined>;
  /** the form's fields besides the message (whose submission) */
  hidden: Record<string, string | number>;
  text: { label: string; submit: string; errorSummary: string };
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="space-y-6">
      {threads.map((thread) => {
        const id = `thread-${thread.key || 'submission'}`;
        return (
          <article
            key={id}
            id={id}
            aria-labelledby={`${id}-title`}
            data-testid={id}
            className={`border-l-4 p-4 ${thread.awaitingAnswer ? 'border-warning' : 'border-rule'}`}
          >
            <Heading id={`${id}-title`} className="text-lg font-semibold">
              {thread.title} <span className="text-base font-normal">· {thread.status}</span>
            </Heading>
            <ol className="mt-2 space-y-3">
              {thread.messages.map((message, index) => (
                <li
                  key={`${message.id}-${index}`}
                  className={message.fromSecretariat ? 'pl-0' : 'border-l-2 border-primary pl-3'}
                >
                  <p className="text-sm text-muted">
                    <span className="font-medium text-ink">{message.who}</span>
                    {message.when && ` · ${message.when}`}
                    {message.kind && ` · ${message.kind}`}
                  </p>
                  {message.body && <p className="whitespace-pre-line">{message.body}</p>}
                </li>
              ))}
            </ol>
            {thread.writable && (
              <div className="mt-3 max-w-xl">
                <ActionForm
                  id={`${id}-answer`}
                  action={action}
                  hidden={{ ...hidden, indicatorKey: thread.key }}
                  fields={[{ name: 'body', label: `${text.label} – ${thread.title}`, type: 'textarea' }]}
                  submitLabel={text.submit}
                  errorSummary={text.errorSummary}
                  variant="secondary"
                />
              </div>
            )}
          </article>
        );
      })}
    </div>
  );
}
