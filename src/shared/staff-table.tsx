import type { ComponentChildren } from 'preact';

/**
 * The officials' table: a caption, one header row of column names, then the rows the page gives
 * (`<tr>`s). One shape for every workspace list, so headers stay `scope="col"` and styled alike.
 * A `null` head entry is a column the page leaves out (e.g. shown only to who may edit);
 * `captionClass` styles the caption (e.g. `vh`: read by screen readers, not shown). The table
 * scrolls sideways in its own box when a phone is narrower than its columns (the page does not).
 */
export function StaffTable(p: {
  head: (ComponentChildren | null)[];
  caption?: ComponentChildren;
  captionClass?: string;
  class?: string;
  /** Columns of figures (by position in `head`): their titles are aligned like their cells. */
  numeric?: boolean[];
  children: ComponentChildren;
}) {
  return (
    <div class="table-scroll">
      <table class={p.class ? `grid ${p.class}` : 'grid'}>
        {p.caption !== undefined ? <caption class={p.captionClass}>{p.caption}</caption> : null}
        <thead>
          <tr>
            {p.head
              .map((h, i) => (h === null ? null : <th scope="col" class={p.numeric?.[i] ? 'num' : undefined}>{h}</th>))
              .filter((h) => h !== null)}
          </tr>
        </thead>
        <tbody>{p.children}</tbody>
      </table>
    </div>
  );
}
