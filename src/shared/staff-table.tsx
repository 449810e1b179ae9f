import type { ComponentChildren } from 'preact';

/**
 * The officials' table: a caption, one header row of column names, then the rows the page gives
 * (`<tr>`s). One shape for every workspace list, so headers stay `scope="col"` and styled alike.
 */
export function StaffTable(p: { head: ComponentChildren[]; caption?: ComponentChildren; class?: string; children: ComponentChildren }) {
  return (
    <table class={p.class ? `grid ${p.class}` : 'grid'}>
      {p.caption !== undefined ? <caption>{p.caption}</caption> : null}
      <thead>
        <tr>
          {p.head.map((h) => (
            <th scope="col">{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>{p.children}</tbody>
    </table>
  );
}
