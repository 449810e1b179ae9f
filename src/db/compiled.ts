import type { CompiledQuery } from 'kysely';

/**
 * The values of one statement, by part (a row, a file, the counter's key…): each part's own keys
 * with a value (Kysely leaves out `undefined`, so a key without one is another shape).
 */
export type StatementParts = { readonly [part: string]: object | undefined };

interface Template {
  query: CompiledQuery;
  /** For each parameter, the part and key whose value goes there; undefined: the text's own constant. */
  from: Array<readonly [string, string] | undefined>;
}

/**
 * Statements built and compiled once per shape, then run with each call's values: Kysely makes a
 * statement's tree and its text again at every call, which is most of what a write costs the
 * server besides the driver (issue 10: ~0.3 ms per submission). The shape is `kind` (which SQL
 * `build` writes: the caller's name for it, plus anything that changes the text but is no value)
 * and, for each part, which keys carry a value. `build` is given stand-ins for the values (each a
 * symbol that Kysely passes through as a parameter), so the compiled text has a parameter for
 * each; a stand-in that does not end up among the parameters is refused (its value would be lost).
 * Only for a dialect whose compiled text depends on nothing but the builder (PostgreSQL here).
 */
export class CompiledShapes {
  private readonly templates = new Map<string, Template>();

  constructor(private readonly max = 64) {}

  statement<P extends StatementParts, O>(kind: string, parts: P, build: (stand: P) => { compile(): CompiledQuery<O> }): CompiledQuery<O> {
    let key = kind;
    for (const name in parts) {
      const part = parts[name] as Record<string, unknown> | undefined;
      if (!part) continue;
      key += `|${name}:`;
      for (const k in part) if (part[k] !== undefined) key += `${k},`;
    }
    let t = this.templates.get(key);
    if (!t) {
      t = compileTemplate(parts, build);
      if (this.templates.size < this.max) this.templates.set(key, t);
    }
    const { query, from } = t;
    const parameters = new Array<unknown>(from.length);
    for (let i = 0; i < from.length; i++) {
      const at = from[i];
      if (!at) {
        parameters[i] = query.parameters[i];
        continue;
      }
      const value = (parts[at[0]] as Record<string, unknown>)[at[1]];
      // An expression (sql`…`, a builder, a callback) is SQL text, not a value: bound as a
      // parameter it would be sent as an object. Such a part belongs in `kind`, not in `parts`.
      if (typeof value === 'function' || (typeof value === 'object' && value !== null && 'toOperationNode' in value)) {
        throw new Error(`CompiledShapes: ${at[0]}.${at[1]} is an SQL expression, not a value`);
      }
      parameters[i] = value;
    }
    return { ...query, parameters } as CompiledQuery<O>;
  }

  get size(): number {
    return this.templates.size;
  }
}

function compileTemplate<P extends StatementParts>(parts: P, build: (stand: P) => { compile(): CompiledQuery<unknown> }): Template {
  const places = new Map<symbol, readonly [string, string]>();
  const stand: Record<string, Record<string, unknown>> = {};
  for (const name in parts) {
    const part = parts[name] as Record<string, unknown> | undefined;
    if (!part) continue;
    const s: Record<string, unknown> = (stand[name] = {});
    for (const k in part) {
      if (part[k] === undefined) continue;
      const slot = Symbol(`${name}.${k}`);
      places.set(slot, [name, k]);
      s[k] = slot;
    }
  }
  const query = build(stand as P).compile();
  const used = new Set<symbol>();
  const from = query.parameters.map((p) => {
    const at = typeof p === 'symbol' ? places.get(p) : undefined;
    if (at) used.add(p as symbol);
    return at;
  });
  for (const [slot, [name, k]] of places) {
    if (!used.has(slot)) throw new Error(`CompiledShapes: the value of ${name}.${k} is not a parameter of the statement`);
  }
  standIns.set(query.query, query.parameters);
  return { query, from };
}

/** For each compiled shape's tree (shared by all its calls), its parameters as compiled: the stand-ins. */
const standIns = new WeakMap<object, readonly unknown[]>();

/**
 * A value of a statement's tree as one call ran it: a compiled shape's tree holds stand-ins where
 * each call's values go (they are only in that call's parameters), which this maps back; any other
 * value is the tree's own. For db/changes.ts, which reads the dossiers a write names from its tree.
 */
export function valueResolver(q: CompiledQuery): ((v: unknown) => unknown) | undefined {
  const stand = standIns.get(q.query);
  if (!stand) return undefined;
  return (v) => {
    if (typeof v !== 'symbol') return v;
    const i = stand.indexOf(v);
    return i < 0 ? undefined : q.parameters[i];
  };
}

const ids = new WeakMap<object, number>();
let lastId = 0;
/** A number for a function (or any object) that writes SQL: part of a shape's `kind`. */
export function idOf(f: object): number {
  let id = ids.get(f);
  if (id === undefined) ids.set(f, (id = ++lastId));
  return id;
}
