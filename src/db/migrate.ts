import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m001 from './migrations/001-catalog';
import * as m002 from './migrations/002-dossiers';
import * as m003 from './migrations/003-workflow';
import * as m004 from './migrations/004-notifications-payments';
import * as m005 from './migrations/005-assistant';
import * as m006 from './migrations/006-transient-drafts';
import * as m008 from './migrations/008-drafts';
import * as m010 from './migrations/010-catalog-versions';
import * as m011 from './migrations/011-login-throttle';
import * as m013 from './migrations/013-trigram-search';
import * as m014 from './migrations/014-drop-staff-lockout';
import * as m015 from './migrations/015-unit-trigrams';
import * as m016 from './migrations/016-ratings';
import * as m017 from './migrations/017-indicator-facts';
import * as m018 from './migrations/018-demo-dossiers';
import * as m019 from './migrations/019-staff-targets';
import * as m020 from './migrations/020-unit-scoring';
import * as m021 from './migrations/021-indicator-states';
import * as m023 from './migrations/023-appointments';
import * as m022 from './migrations/022-queue';
import * as m024 from './migrations/024-calendar';
import * as m025 from './migrations/025-home-visits';
import * as m026 from './migrations/026-reports';
import * as m028 from './migrations/028-report-reminders';
import * as m030 from './migrations/030-catalog-publications';
import * as m034 from './migrations/034-signing';
import * as m035 from './migrations/035-docstore';
import * as m032 from './migrations/032-linked';
import * as m037 from './migrations/037-report-reported';
import * as m039 from './migrations/039-job-runs';
import * as m036 from './migrations/036-request-ids';
import * as m033 from './migrations/033-vaccination';
import * as m038 from './migrations/038-rate-limits';
import * as m040 from './migrations/040-offices';
import * as m041 from './migrations/041-chatform';
import * as m045 from './migrations/045-search-gin-direct';
import * as m046 from './migrations/046-closed-tab-order';
import * as m044 from './migrations/044-archive-books';
import * as m043 from './migrations/043-linked-group-admin';

/** Migrations are listed here in order; each file is frozen once landed. */
const migrations: Record<string, Migration> = {
  '001-catalog': m001,
  '002-dossiers': m002,
  '003-workflow': m003,
  '004-notifications-payments': m004,
  '005-assistant': m005,
  '006-transient-drafts': m006,
  '008-drafts': m008,
  '010-catalog-versions': m010,
  '011-login-throttle': m011,
  '013-trigram-search': m013,
  '014-drop-staff-lockout': m014,
  '015-unit-trigrams': m015,
  '016-ratings': m016,
  '017-indicator-facts': m017,
  '018-demo-dossiers': m018,
  '019-staff-targets': m019,
  '020-unit-scoring': m020,
  '021-indicator-states': m021,
  '023-appointments': m023,
  '022-queue': m022,
  '024-calendar': m024,
  '025-home-visits': m025,
  '026-reports': m026,
  '028-report-reminders': m028,
  '030-catalog-publications': m030,
  '034-signing': m034,
  '035-docstore': m035,
  '032-linked': m032,
  '037-report-reported': m037,
  '036-request-ids': m036,
  '033-vaccination': m033,
  '038-rate-limits': m038,
  '040-offices': m040,
  '041-chatform': m041,
  '044-archive-books': m044,
  '039-job-runs': m039,
  '045-search-gin-direct': m045,
  '046-closed-tab-order': m046,
  '043-linked-group-admin': m043,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Modules add their migrations independently; order by name, tolerate one landing before another.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Cập nhật cấu trúc cơ sở dữ liệu thất bại${failed ? ` ở bước ${failed.migrationName}` : ''}: ${String((error as Error).message ?? error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The migrations this code knows, in the order they are listed. */
export function knownMigrations(): string[] {
  return Object.keys(migrations);
}

export interface MigrationStatus {
  known: number;
  applied: number;
  /** Known to this code and not applied to the database: the schema is older than the code. */
  pending: string[];
  /** Applied to the database and unknown to this code: a newer version migrated it. */
  unknown: string[];
}

/**
 * Which of the code's migrations the database has (for /readyz): read from Kysely's table without
 * creating it, so a probe never writes. A database never migrated has every migration pending.
 */
export async function migrationStatus(db: Kysely<any>): Promise<MigrationStatus> {
  let applied: string[] = [];
  try {
    applied = (await db.selectFrom('kysely_migration').select('name').execute()).map((r) => String(r.name));
  } catch (e) {
    // No migration table yet: nothing applied. Any other failure (database down) is the caller's.
    if (!/kysely_migration|no such table|does not exist/i.test(String((e as Error).message))) throw e;
  }
  const known = knownMigrations();
  const have = new Set(applied);
  const knownSet = new Set(known);
  return { known: known.length, applied: applied.length, pending: known.filter((m) => !have.has(m)), unknown: applied.filter((m) => !knownSet.has(m)) };
}
