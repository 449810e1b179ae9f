import type { CompiledQuery, DatabaseConnection, Dialect, Driver, OperationNode, QueryCompiler, TransactionSettings } from 'kysely';
import { valueResolver } from './compiled';

/**
 * Every write that reaches the database goes through `WatchedDialect`'s connection: the one place
 * where all changes to dossiers pass, whatever module or engineer wrote the query (the dossier
 * row, its files, its history, its fees and payments — the tables their modules register with
 * `ChangeFeed.watch` — and any table whose inserted rows carry a `dossier_id`). Caches of answers derived from a dossier (the tracking
 * lookup) listen here, so that no code path can change a dossier and leave a stale answer.
 *
 * A change names the dossiers it touches (by id or code) when the query says so plainly
 * (`where dossier_id = …`, inserted values); otherwise it is "some dossier" and listeners drop
 * everything. Inside a transaction the change is announced when the statement runs and again at
 * commit, so an answer read between the two (still the old data) cannot outlive the commit.
 */
export interface DossierChange {
  /** Ids or codes of the dossiers touched; undefined: unknown, possibly any dossier. */
  keys?: string[];
  /**
   * Rows of the dossiers table itself may be gone or changed beyond what the workflow does (a
   * DELETE on it not limited to `status = 'draft'`, or raw SQL that writes to a dossier table):
   * what only grows, such as "this unit holds more than 10,000 finished dossiers", must be learnt
   * again.
   */
  removed?: boolean;
}

export type ChangeListener = (c: DossierChange) => void;

/**
 * Tables whose rows make up a dossier's answers, as the module that owns them registers them
 * (the dossier module: `dossier*` but its day counter; the payment module: `payments`).
 */
export interface WatchedTables {
  names?: string[];
  prefixes?: string[];
  /** Tables under a prefix that do not (e.g. the day counter). */
  except?: string[];
}

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private readonly names = new Set<string>();
  private readonly prefixes: string[] = [];
  private readonly except = new Set<string>();

  /** A module says which of its tables hold a dossier's data: writes to them are reported. */
  watch(t: WatchedTables): void {
    for (const n of t.names ?? []) this.names.add(n);
    for (const p of t.prefixes ?? []) if (!this.prefixes.includes(p)) this.prefixes.push(p);
    for (const e of t.except ?? []) this.except.add(e);
  }

  watches(table: string): boolean {
    if (this.except.has(table)) return false;
    return this.names.has(table) || this.prefixes.some((p) => table.startsWith(p));
  }

  /** Raw SQL that mentions a watched table (by name or prefix): assumed to touch some dossier. */
  mentions(sqlText: string): boolean {
    const text = sqlText.toLowerCase();
    return [...this.names, ...this.prefixes].some((n) => new RegExp(`\\b${n.replace(/[^a-z0-9_]/g, '')}`).test(text));
  }

  on(l: ChangeListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  emit(c: DossierChange): void {
    for (const l of this.listeners) l(c);
  }
}


const DOSSIER_REF_COLUMNS = new Set(['dossier_id', 'dossier_code']);
/** On the dossiers table itself, its own id and code name it. */
const OWN_COLUMNS = new Set(['id', 'code']);
const DRAFT_STATUS = new Set(['status']);

type Node = OperationNode & Record<string, any>;

function tableName(n: Node | undefined): string | undefined {
  if (!n) return undefined;
  if (n.kind === 'AliasNode') return tableName(n.node);
  if (n.kind === 'TableNode') return n.table?.identifier?.name;
  return undefined;
}

function columnName(n: Node | undefined): string | undefined {
  if (!n) return undefined;
  if (n.kind === 'ReferenceNode') return columnName(n.column);
  if (n.kind === 'ColumnNode') return n.column?.name;
  return undefined;
}

/** A value as the statement ran it (a compiled shape's tree holds stand-ins: db/compiled.ts). */
type Resolve = (v: unknown) => unknown;
const asIs: Resolve = (v) => v;

function valuesOf(n: Node | undefined, at: Resolve): unknown[] | undefined {
  if (!n) return undefined;
  if (n.kind === 'ValueNode') return [at(n.value)];
  if (n.kind === 'PrimitiveValueListNode') return (n.values as unknown[]).map(at);
  if (n.kind === 'ValueListNode') {
    const out: unknown[] = [];
    for (const v of n.values as Node[]) {
      const x = valuesOf(v, at);
      if (!x) return undefined;
      out.push(...x);
    }
    return out;
  }
  return undefined;
}

/** Keys named by an equality (or IN) on a dossier-identifying column, through ANDs only. */
function keysOfWhere(n: Node | undefined, cols: Set<string>, at: Resolve): string[] | undefined {
  if (!n) return undefined;
  if (n.kind === 'WhereNode') return keysOfWhere(n.where, cols, at);
  if (n.kind === 'ParensNode') return keysOfWhere(n.node, cols, at);
  if (n.kind === 'AndNode') return keysOfWhere(n.left, cols, at) ?? keysOfWhere(n.right, cols, at);
  if (n.kind === 'BinaryOperationNode') {
    const op = n.operator?.operator;
    const col = columnName(n.leftOperand);
    if ((op === '=' || op === 'in') && col && cols.has(col)) {
      const v = valuesOf(n.rightOperand, at);
      if (v && v.every((x) => typeof x === 'string')) return v as string[];
    }
  }
  return undefined;
}

function keysOfInsert(n: Node, cols: Set<string>, at: Resolve): string[] | undefined {
  const columns: string[] = (n.columns ?? []).map((c: Node) => c.column?.name);
  const col = columns.findIndex((c) => cols.has(c));
  if (col < 0 || n.values?.kind !== 'ValuesNode') return undefined;
  const keys: string[] = [];
  for (const row of n.values.values as Node[]) {
    const v = row.kind === 'PrimitiveValueListNode' ? at(row.values[col]) : valuesOf(row.values[col], at)?.[0];
    if (typeof v !== 'string') return undefined;
    keys.push(v);
  }
  return keys;
}

const RAW_WRITE = /\b(insert\s+into|update|delete\s+from|truncate|drop\s+table|alter\s+table)\b/i;

/**
 * The dossier change a query makes, or null when it changes no dossier (`tables`: what is watched;
 * `at`: the values as the statement ran them, for a compiled shape's tree of stand-ins).
 */
export function changeOf(query: OperationNode, tables: Pick<ChangeFeed, 'watches' | 'mentions'>, at: Resolve = asIs): DossierChange | null {
  const main = statementChange(query, tables, at);
  // Writes inside WITH (PostgreSQL's data-modifying CTEs) count as much as the main statement's.
  const ctes: Node[] = (query as Node).with?.expressions ?? [];
  if (!ctes.length) return main;
  let out = main;
  for (const e of ctes) {
    const c = e.expression ? changeOf(e.expression, tables, at) : null;
    if (!c) continue;
    if (!out) out = c;
    else {
      const removed = out.removed || c.removed;
      out = { ...(out.keys && c.keys ? { keys: [...new Set([...out.keys, ...c.keys])] } : {}), ...(removed ? { removed } : {}) };
    }
  }
  return out;
}

function statementChange(query: OperationNode, tables: Pick<ChangeFeed, 'watches' | 'mentions'>, at: Resolve): DossierChange | null {
  const watchedTable = (name: string) => tables.watches(name);
  const n = query as Node;
  switch (n.kind) {
    case 'InsertQueryNode': {
      const table = tableName(n.into);
      const columns: string[] = (n.columns ?? []).map((c: Node) => c.column?.name);
      const refers = columns.some((c) => DOSSIER_REF_COLUMNS.has(c));
      if (!table || (!watchedTable(table) && !refers)) return null;
      const cols = table === 'dossiers' ? OWN_COLUMNS : DOSSIER_REF_COLUMNS;
      return { keys: keysOfInsert(n, cols, at) };
    }
    case 'UpdateQueryNode': {
      const table = tableName(n.table);
      if (!table) return {};
      if (!watchedTable(table)) return null;
      return { keys: keysOfWhere(n.where, table === 'dossiers' ? OWN_COLUMNS : DOSSIER_REF_COLUMNS, at) };
    }
    case 'DeleteQueryNode': {
      const froms: Node[] = n.from?.froms ?? [];
      const tables = froms.map(tableName);
      if (tables.some((t) => t === undefined)) return {};
      if (!tables.some((t) => watchedTable(t!))) return null;
      const keys = tables.length === 1 ? keysOfWhere(n.where, tables[0] === 'dossiers' ? OWN_COLUMNS : DOSSIER_REF_COLUMNS, at) : undefined;
      // Drafts only (`status = 'draft'`, as deleting a draft says): no submitted dossier goes.
      const draftsOnly = keysOfWhere(n.where, DRAFT_STATUS, at)?.every((v) => v === 'draft') ?? false;
      return tables.includes('dossiers') && !draftsOnly ? { keys, removed: true } : { keys };
    }
    case 'RawNode': {
      const text = (n.sqlFragments as string[]).join('?');
      return RAW_WRITE.test(text) && tables.mentions(text) ? { removed: true } : null;
    }
    default:
      return null;
  }
}

class WatchedConnection implements DatabaseConnection {
  /** Changes made inside the open transaction, announced again at commit. */
  pending: DossierChange[] | undefined;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly feed: ChangeFeed,
  ) {}

  async executeQuery<R>(q: CompiledQuery): Promise<import('kysely').QueryResult<R>> {
    const r = await this.inner.executeQuery<R>(q);
    const c = changeOf(q.query, this.feed, valueResolver(q));
    if (c) {
      this.feed.emit(c);
      this.pending?.push(c);
    }
    return r;
  }

  streamQuery<R>(q: CompiledQuery, chunkSize?: number): AsyncIterableIterator<import('kysely').QueryResult<R>> {
    return this.inner.streamQuery<R>(q, chunkSize);
  }
}

class WatchedDriver implements Driver {
  private readonly wrapped = new WeakMap<DatabaseConnection, WatchedConnection>();

  constructor(
    private readonly inner: Driver,
    private readonly feed: ChangeFeed,
  ) {}

  init() {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const c = await this.inner.acquireConnection();
    let w = this.wrapped.get(c);
    if (!w) {
      w = new WatchedConnection(c, this.feed);
      this.wrapped.set(c, w);
    }
    return w;
  }

  async beginTransaction(c: DatabaseConnection, settings: TransactionSettings) {
    const w = c as WatchedConnection;
    await this.inner.beginTransaction(w.inner, settings);
    w.pending = [];
  }

  async commitTransaction(c: DatabaseConnection) {
    const w = c as WatchedConnection;
    try {
      await this.inner.commitTransaction(w.inner);
    } finally {
      const done = w.pending ?? [];
      w.pending = undefined;
      for (const ch of done) this.feed.emit(ch);
    }
  }

  async rollbackTransaction(c: DatabaseConnection) {
    const w = c as WatchedConnection;
    w.pending = undefined;
    await this.inner.rollbackTransaction(w.inner);
  }

  async savepoint(c: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.inner.savepoint!((c as WatchedConnection).inner, name, compile);
  }

  async rollbackToSavepoint(c: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.inner.rollbackToSavepoint!((c as WatchedConnection).inner, name, compile);
  }

  async releaseSavepoint(c: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.inner.releaseSavepoint!((c as WatchedConnection).inner, name, compile);
  }

  releaseConnection(c: DatabaseConnection) {
    return this.inner.releaseConnection((c as WatchedConnection).inner);
  }

  destroy() {
    return this.inner.destroy();
  }
}

/** A dialect whose every write is reported to `feed` (see above). */
export function watchedDialect(inner: Dialect, feed: ChangeFeed): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => new WatchedDriver(inner.createDriver(), feed),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
  };
}
