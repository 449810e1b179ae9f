import type { EForm, EFormField, FieldError } from './eform.types';
import { parseDay } from './eform.service';

/**
 * The fields of an e-form, accessible: every control named by a <label for> or, for radio and
 * checkbox groups, a <fieldset><legend>; "(bắt buộc)" in words, not colour; hint and error text
 * tied with aria-describedby; an error summary with links to the fields on top (GOV.UK pattern).
 *
 * The caller wraps it in its own <form method="post" novalidate> with CSRF token and buttons, so
 * server messages, not the browser's, explain what to fix.
 */

export interface EFormViewProps {
  eform: EForm;
  /** Values to show: a validated formData, a re-posted form, or prefill; missing keys take the field's default. */
  values: Readonly<Record<string, unknown>>;
  errors: readonly FieldError[];
  /** Prefix of element ids, so two forms can share a page. */
  idPrefix?: string;
  /** false when the page shows one summary of its own for every problem (the online form). */
  summary?: boolean;
}

const DEFAULT_PREFIX = 'ef-';

export function EFormView({ eform, values, errors, idPrefix = DEFAULT_PREFIX, summary = true }: EFormViewProps) {
  const fieldIds = new Set(eform.sections.flatMap((s) => s.fields.map((f) => f.id)));
  return (
    <div class="eform">
      {summary ? <ErrorSummary errors={errors} fieldIds={fieldIds} idPrefix={idPrefix} /> : null}
      {eform.sections.map((section, i) => {
        const headingId = `${idPrefix}phan-${i + 1}`;
        return (
          <section class="eform-section" aria-labelledby={headingId} key={headingId}>
            <h2 id={headingId}>{section.title}</h2>
            {section.fields.map((f) => (
              <FieldView
                key={f.id}
                field={f}
                value={Object.hasOwn(values, f.id) ? values[f.id] : f.default}
                errors={errors.filter((e) => e.field === f.id)}
                id={`${idPrefix}${f.id}`}
              />
            ))}
          </section>
        );
      })}
    </div>
  );
}

export function ErrorSummary({
  errors,
  fieldIds,
  idPrefix = DEFAULT_PREFIX,
}: {
  errors: readonly FieldError[];
  /** Errors on these fields link to them; others (unknown keys, the whole form) are plain text. */
  fieldIds: ReadonlySet<string>;
  idPrefix?: string;
}) {
  if (errors.length === 0) return null;
  const titleId = `${idPrefix}loi-tieu-de`;
  return (
    <div class="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1}>
      <h2 id={titleId}>Biểu mẫu có {errors.length} chỗ cần sửa</h2>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>{fieldIds.has(e.field) ? <a href={`#${idPrefix}${e.field}`}>{e.message}</a> : e.message}</li>
        ))}
      </ul>
    </div>
  );
}

interface FieldViewProps {
  field: EFormField;
  value: unknown;
  errors: readonly FieldError[];
  /** Id of the control (of the first choice in a group): what the error summary links to. */
  id: string;
}

function FieldView({ field: f, value, errors, id }: FieldViewProps) {
  const hintId = f.help ? `${id}-goi-y` : undefined;
  const errorId = errors.length > 0 ? `${id}-loi` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const invalid = errors.length > 0 ? ('true' as const) : undefined;
  const hint = f.help ? (
    <p id={hintId} class="hint">
      {f.help}
    </p>
  ) : null;
  const error = errorId ? (
    <p id={errorId} class="error-message">
      <span class="vh">Lỗi: </span>
      {errors.map((e) => e.message).join(' ')}
    </p>
  ) : null;
  const cls = errors.length > 0 ? 'field field-error' : 'field';

  if (f.type === 'radio' || f.type === 'checkbox') {
    const choices =
      f.type === 'radio'
        ? (f.options ?? [])
        : [{ value: f.options?.[0]?.value ?? 'true', label: f.options?.[0]?.label ?? 'Có' }];
    const isChecked = (v: string) => (f.type === 'radio' ? asText(value) === v : isTrue(value, v));
    return (
      <div class={cls}>
        <fieldset class={f.type === 'radio' ? 'eform-group radios' : 'eform-group checkboxes'} aria-describedby={describedBy}>
          <legend>
            {f.label}
            <Required on={f.required} />
          </legend>
          {hint}
          {error}
          {choices.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <div class="choice" key={o.value}>
                <input
                  type={f.type}
                  id={optionId}
                  name={f.id}
                  value={o.value}
                  checked={isChecked(o.value)}
                  required={f.required}
                  aria-invalid={invalid}
                />
                <label for={optionId}>{o.label}</label>
              </div>
            );
          })}
        </fieldset>
      </div>
    );
  }

  const label = (
    <label for={id}>
      {f.label}
      <Required on={f.required} />
    </label>
  );
  const common = {
    id,
    name: f.id,
    required: f.required,
    'aria-describedby': describedBy,
    'aria-invalid': invalid,
  };

  if (f.type === 'select') {
    const current = asText(value);
    return (
      <div class={cls}>
        {label}
        {hint}
        {error}
        <select {...common} autocomplete={f.autocomplete}>
          <option value="" selected={current === ''}>
            — Chọn —
          </option>
          {(f.options ?? []).map((o) => (
            <option key={o.value} value={o.value} selected={current === o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    );
  }

  if (f.type === 'textarea') {
    return (
      <div class={cls}>
        {label}
        {hint}
        {error}
        <textarea {...common} rows={4} autocomplete={f.autocomplete}>
          {asText(value)}
        </textarea>
      </div>
    );
  }

  return (
    <div class={cls}>
      {label}
      {hint}
      {error}
      <input {...common} {...inputAttributes(f)} value={f.type === 'date' ? asDay(value) : asText(value)} />
    </div>
  );
}

function Required({ on }: { on: boolean }) {
  return on ? <span class="req"> (bắt buộc)</span> : null;
}

/** type / inputmode / autocomplete by field type. Numbers use a text box (GOV.UK advice: no spinner, no scroll-wheel changes). */
function inputAttributes(f: EFormField): Record<string, string | boolean | undefined> {
  const autocomplete = f.autocomplete;
  switch (f.type) {
    case 'date':
      return { type: 'date', autocomplete };
    case 'number':
      return { type: 'text', inputMode: f.integer ? 'numeric' : 'decimal', autocomplete: autocomplete ?? 'off' };
    case 'phone':
      return { type: 'tel', inputMode: 'tel', autocomplete, spellcheck: false };
    case 'email':
      return { type: 'email', inputMode: 'email', autocomplete, spellcheck: false };
    case 'idNumber':
      return { type: 'text', inputMode: 'numeric', autocomplete: autocomplete ?? 'off', spellcheck: false };
    default:
      return { type: 'text', autocomplete };
  }
}

function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

/** <input type="date"> only shows yyyy-mm-dd; a re-posted dd/mm/yyyy is converted when it is a real day. */
function asDay(v: unknown): string {
  const s = asText(v).trim();
  if (s === '') return '';
  const day = parseDay(s);
  return day === 'format' || day === 'unreal' ? s : day;
}

function isTrue(v: unknown, optionValue: string): boolean {
  if (v === true) return true;
  if (typeof v !== 'string') return false;
  return ['true', 'on', '1', optionValue].includes(v.trim().toLowerCase());
}
