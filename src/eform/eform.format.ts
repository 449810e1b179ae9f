import type { EFormField } from './eform.types';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An e-form answer as a person reads it: dates dd/mm/yyyy (stored as ISO "2026-11-20", shown
 * "20/11/2026"), yes/no in words, a choice by its label. The JSON API keeps the stored value.
 */
export function answerText(field: Pick<EFormField, 'type' | 'options'> | undefined, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (value === null || value === undefined) return '';
  const text = String(value);
  const option = field?.options?.find((o) => o.value === text);
  if (option) return option.label;
  // A date field, or an answer kept from an older form that is plainly a calendar day.
  const day = ISO_DAY.exec(text);
  if (day && (!field || field.type === 'date' || field.type === 'text')) return `${day[3]}/${day[2]}/${day[1]}`;
  return text;
}
