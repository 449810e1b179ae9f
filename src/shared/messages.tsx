import type { ComponentChildren, VNode } from 'preact';

/**
 * The two messages every form page shows — in one place, so they look and sound the same
 * everywhere: a confirmation after a change ("Đã lưu."), announced politely by screen readers, and
 * the summary of a refused form, announced at once (role="alert"): an optional lead sentence, then
 * one message or each problem. Both render nothing when there is nothing to say.
 */
export function StatusMessage(p: { children?: ComponentChildren; class?: string }): VNode | null {
  if (p.children === undefined || p.children === null || p.children === false || p.children === '') return null;
  return (
    <p class={p.class ?? 'card'} role="status">
      {p.children}
    </p>
  );
}

export function ErrorSummary(p: { title?: ComponentChildren; message?: ComponentChildren; errors?: Array<string | { message: string; href?: string }> }): VNode | null {
  // A problem with an `href` links to its field (GOV.UK's error summary).
  const list = (p.errors ?? []).map((e) => (typeof e === 'string' ? e : e.href ? <a href={e.href}>{e.message}</a> : e.message));
  if (!p.message && !list.length) return null;
  return (
    <div class="error-summary" role="alert">
      {p.title ? <p>{p.title}</p> : null}
      {p.message ? <p>{p.message}</p> : null}
      {list.length ? (
        <ul>
          {list.map((m) => (
            <li>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
