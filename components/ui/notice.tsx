// A boxed message beside the content: an outcome, a note, a warning or a refusal. `role` makes it
// announced ('status' for outcomes, 'alert' for refusals, 'note' for standing notes).
import type { ReactNode } from 'react';

export type NoticeTone = 'success' | 'info' | 'warning' | 'error';

const TONES: Record<NoticeTone, string> = {
  success: 'border-success bg-white',
  info: 'border-primary bg-surface',
  warning: 'border-warning bg-[#fff4d6]',
  error: 'border-error bg-white',
};

export function Notice({
  tone,
  role,
  testId,
  className = '',
  children,
}: {
  tone: NoticeTone;
  role?: 'status' | 'alert' | 'note';
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div role={role} data-testid={testId} className={`border-l-4 p-3 ${TONES[tone]} ${className}`}>
      {children}
    </div>
  );
}
