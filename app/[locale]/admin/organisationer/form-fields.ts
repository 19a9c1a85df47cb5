import type { FieldSpec } from '@/components/forms/field';
import { ORGANISATION_KINDS, REGIONS } from '@/lib/domain';

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
      options: ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) })),
    },
    { name: 'field', label: t('organisations.field'), defaultValue: values.field },
    {
      name: 'fieldEn',
      label: t('organisations.fieldEn'),
      hint: t('organisations.fieldEnHint'),
      defaultValue: values.fieldEn,
    },
    {
      name: 'region',
      label: t('organisations.region'),
      type: 'select',
      defaultValue: values.region,
      options: REGIONS.map((region) => ({ value: region, label: t(`regions.${region}`) })),
    },
    {
      name: 'website',
      label: t('organisations.website'),
      type: 'url',
      defaultValue: values.website,
      wide: true,
    },
    {
      name: 'description',
      label: t('organisations.description'),
      hint: t('organisations.descriptionHint'),
      type: 'textarea',
      defaultValue: values.description,
    },
    {
      name: 'descriptionEn',
      label: t('organisations.descriptionEn'),
      type: 'textarea',
      defaultValue: values.descriptionEn,
    },
    {
      name: 'activeFrom',
      label: t('organisations.activeFrom'),
      type: 'number',
      defaultValue: values.activeFrom,
    },
  ];
}
