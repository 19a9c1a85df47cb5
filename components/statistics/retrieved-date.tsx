'use client';
// The day a reader cites the page: the page is cached, so the server's day may be an earlier one;
// in the browser it becomes today. Without JavaScript the day the page was rendered stays.
import { useEffect, useState } from 'react';

export function RetrievedDate({ rendered, locale }: { rendered: string; locale: 'da' | 'en' }) {
  const [text, setText] = useState(rendered);
  useEffect(() => {
    setText(
      new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
        dateStyle: 'long',
        timeZone: 'Europe/Copenhagen',
      }).format(new Date()),
    );
  }, [locale]);
  return <span data-testid="retrieved">{text}</span>;
}
