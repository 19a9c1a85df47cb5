// "Indlejr figuren": the code to paste into another site (an iframe with a title and a size), in
// a disclosure that works without JavaScript, and a link to the chart alone. The address given is
// tied to one publication's version, so the chart never changes under the article it sits in.
export interface EmbedCodeText {
  summary: string;
  codeLabel: string;
  codeHint: string;
  preview: string;
}

const attribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function embedSnippet(src: string, title: string, width: number, height: number): string {
  return `<iframe src="${attribute(src)}" title="${attribute(title)}" width="${width}" height="${height}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}

export function EmbedCode({
  id,
  src,
  title,
  width,
  height,
  text,
}: {
  id: string;
  /** the absolute address of the embed page */
  src: string;
  title: string;
  width: number;
  height: number;
  text: EmbedCodeText;
}) {
  return (
    <details className="no-print mt-2 max-w-3xl text-sm" data-testid={`${id}-embed`}>
      <summary className="cursor-pointer text-primary underline">{text.summary}</summary>
      <label htmlFor={`${id}-embed-code`} className="mt-2 block font-semibold">
        {text.codeLabel}
      </label>
      <p id={`${id}-embed-hint`} className="text-muted">
        {text.codeHint}
      </p>
      <textarea
        id={`${id}-embed-code`}
        readOnly
        rows={3}
        aria-describedby={`${id}-embed-hint`}
        className="mt-1 block w-full border-2 border-ink p-2 font-mono text-xs"
        defaultValue={embedSnippet(src, title, width, height)}
      />
      <p className="mt-1">
        <a href={src}>{text.preview}</a>
      </p>
    </details>
  );
}
