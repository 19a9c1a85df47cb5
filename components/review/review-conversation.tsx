// The review page's conversation with the organisation (issue 16): every thread about the
// submission's values and about it as a whole, with staff's answers, and a form in each to write
// back; a thread about the whole submission can be started here when there is none.
import { ThreadList } from '@/components/conversation/thread-list';
import type { AnyFormAction } from '@/lib/actions/form-state';
import type { ThreadView } from '@/lib/conversation/display';

export function ReviewConversation({
  threads,
  action,
  submissionId,
  locale,
  text,
}: {
  threads: ThreadView[];
  action: AnyFormAction<undefined>;
  submissionId: number;
  locale: 'da' | 'en';
  text: {
    title: string;
    intro: string;
    submission: string;
    start: string;
    label: string;
    submit: string;
    errorSummary: string;
  };
}) {
  const shown = threads.some((thread) => thread.key === '')
    ? threads
    : [
        {
          key: '',
          title: text.submission,
          status: text.start,
          awaitingAnswer: false,
          messages: [],
          writable: true,
        },
        ...threads,
      ];
  return (
    <section aria-labelledby="conversation-title" className="mt-8" id="conversation">
      <h2 id="conversation-title" className="text-xl font-semibold">
        {text.title}
      </h2>
      <p className="mt-1 max-w-3xl">{text.intro}</p>
      <div className="mt-3">
        <ThreadList
          threads={shown}
          action={action}
          hidden={{ locale, submissionId }}
          text={{ label: text.label, submit: text.submit, errorSummary: text.errorSummary }}
        />
      </div>
    </section>
  );
}
