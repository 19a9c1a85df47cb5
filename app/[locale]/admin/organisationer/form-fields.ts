import type { FieldSpec } from '@/lib/admin/form-types';

type T = (key: string) => string;

export function organisationFields(t: T, values: Partial<Record<string, string>> = {}): FieldSpec[] {
  return [
    {
      name: 'slug',
      label: t('organisations.slug'),
      hint: t('organisations.slugHint'),
      defaultValue: values.slug,
    },
    { name: 'name', label: t('organisations.name'), defaultValue: values.name, wide: true },
    {
      name: 'kind',
      label: t('organisations.kind'),
      type: 'select',
      defaultValue: values.kind,
      options: ['cluster', 'innovation_network'].map((kind) => ({ value: kind, label: t(`kinds.${kind}`) })),
    },
    { name: 'field', label: t('organisations.field'), defaultValue: values.field },
    {
      name: 'region',
      label: t('organisations.region'),
      type: 'select',
      defaultValue: values.region,
      options: ['hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland'].map((region) => ({
        value: region,
        label: t(`regions.${region}`),
      })),
    },
    {
      name: 'website',
      label: t('organisations.website'),
      type: 'url',
      defaultValue: values.website,
      wide: true,
    },
    {
      name: 'activeFrom',
      label: t('organisations.activeFrom'),
      type: 'number',
      defaultValue: values.activeFrom,
    },
  ];
}
