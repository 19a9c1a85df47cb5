// The one template filler: "{name}" placeholders replaced by their values, unknown ones left as
// they are. Pure, so the browser (the portal form's live checks) and the server fill the same way.
export type TemplateValues = Record<string, string | number>;

export function fill(template: string, values: TemplateValues = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
