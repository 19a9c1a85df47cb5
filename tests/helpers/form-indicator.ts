import type { FormIndicator } from '@/lib/submissions/rules';

/** A company-count indicator of the submission form, with labels that name its key in each language. */
export const formIndicator = (key: string, overrides: Partial<FormIndicator> = {}): FormIndicator => ({
  key,
  kind: 'companies',
  groupKey: 'companies',
  sortOrder: 0,
  parentKey: null,
  participantFlag: null,
  required: false,
  labelDa: `DA ${key}`,
  labelEn: `EN ${key}`,
  helpDa: '',
  helpEn: '',
  ...overrides,
});
