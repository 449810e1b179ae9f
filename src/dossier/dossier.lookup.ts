import type { Db } from '../db/connection';
import * as repo from './dossier.repo';
import { findDossierWithPartsByCode, type LookupRead } from './dossier.lookup-repo';
import type { DossierCache } from './dossier.cache';
import type { Dossier, DossierStatus } from './dossier.types';

/** A draft's id (the API's handle before the dossier has a code). */
const UUID_RE = /^[0-9a-f-]{36}$/;
/** The cached part holding a dossier's files and history (`view`). */
export const FILES_AND_HISTORY = 'files+history';
/** The cached parts holding what other modules' reads gave (`lookupAlongside`). */
export const ALONG = 'along:';

/** The parts the tracking answer takes from `lookupAlongside` (dossier.routes), and when each is read. */
export const LOOKUP_ALONG = {
  payments: { part: 'payments' },
  /** The newest signed result, looked for once the dossier has one to show. */
  signed: { part: 'signed', statuses: ['processed', 'returned'] as readonly DossierStatus[] },
} as const;

/**
 * Another module's read carried by a first lookup's statement (PostgreSQL): `part` names what it
 * gives (`alongside`); `statuses` limits it to dossiers in those statuses (e.g. a signed result).
 */
export interface LookupAlongside extends LookupRead {
  part: string;
  statuses?: readonly DossierStatus[];
}


/**
 * A dossier by code or draft id, kept in `cache` (when there is one) until it changes; on PostgreSQL
 * a first lookup by code also brings its files, history and `along`'s reads (see `DossierService`).
 */
export async function findByRef(db: Db, cache: DossierCache | undefined, along: ReadonlyArray<LookupAlongside>, ref: string): Promise<Dossier | undefined> {
  const hit = cache?.peek<Dossier>(ref, 'row');
  if (hit) return hit;
  const load = async () => {
    const d = UUID_RE.test(ref) ? await repo.findDossierById(db, ref) : await repo.findDossierByCode(db, ref);
    // Shared by every request while cached: nobody may change it in place.
    return d && Object.freeze(d);
  };
  if (!cache) return load();
  if (cache.enabled && !UUID_RE.test(ref) && repo.carriesReads(db)) {
    // PostgreSQL: the row with its files and history in one statement (a tracking lookup's
    // first reads); both kept, as `view` would keep the second.
    // Other modules' parts of the first answer (its fee and payments, its signed result) come
    // with them where the composition root gave their reads (`lookupAlongside`): one round trip.
    let parts: Array<[string, unknown]> = [];
    const loadWithParts = async () => {
      const r = await findDossierWithPartsByCode(db, ref, along);
      if (!r) return undefined;
      parts = [[FILES_AND_HISTORY, { files: Object.freeze(r.files), history: Object.freeze(r.history) }]];
      along.forEach((a, i) => {
        const read = r.along[i];
        if (read) parts.push([ALONG + a.part, read]);
      });
      return Object.freeze(r.dossier);
    };
    return cache.part(ref, 'row', loadWithParts, (d) => d && { id: d.id, code: d.code }, () => parts);
  }
  return cache.part(ref, 'row', load, (d) => d && { id: d.id, code: d.code });
}
