// Server actions posted by hand, as an attacker would: the fields a form posts without JavaScript
// (its hidden action fields included) are read from the page, changed, and sent with whatever
// headers the test likes — from a signed-in context or from nobody's.
import type { APIRequestContext, APIResponse, Locator } from '@playwright/test';

export type FormFields = [string, string][];

/** What the form would post, read from the page (JavaScript on or off). */
export async function formFields(form: Locator): Promise<FormFields> {
  return form.evaluate((element) =>
    [...new FormData(element as HTMLFormElement)].flatMap(([name, value]) =>
      typeof value === 'string' ? [[name, value] as [string, string]] : [],
    ),
  );
}

/** The fields with some values replaced (or added). */
export function withFields(fields: FormFields, changes: Record<string, string>): FormFields {
  const rest = fields.filter(([name]) => !(name in changes));
  return [...rest, ...Object.entries(changes)];
}

export interface UploadFile {
  field: string;
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Posts the fields (and files) as a browser without JavaScript does: multipart to the page. */
export function postForm(
  request: APIRequestContext,
  url: string,
  fields: FormFields,
  options: { files?: UploadFile[]; headers?: Record<string, string> } = {},
): Promise<APIResponse> {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  for (const file of options.files ?? [])
    body.append(file.field, new Blob([new Uint8Array(file.buffer)], { type: file.mimeType }), file.name);
  return request.post(url, {
    multipart: body,
    headers: options.headers,
    maxRedirects: 0,
    failOnStatusCode: false,
    timeout: 60_000,
  });
}
