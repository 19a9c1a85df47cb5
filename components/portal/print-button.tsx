'use client';

/** Prints the page; needs JavaScript, so it is hidden in print and only an extra. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print border-2 border-primary bg-white px-4 py-1 font-medium text-primary hover:bg-surface"
    >
      {label}
    </button>
  );
}
