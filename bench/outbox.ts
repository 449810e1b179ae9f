/**
 * `npm run bench:outbox`: (1) outbox throughput — 10,000 pending SMS delivered by the worker to a
 * fake SMS gateway on loopback (real HTTP, real database), checked for none lost and none twice;
 * (2) the added cost per dossier action of writing its outbox row — the same action (status
 * update + history row, in one transaction) with and without the notification (template
 * rendered, SMS shaped, row inserted), interleaved in blocks, in the same run.
 *
 * SQLite (the default deployment) always; PostgreSQL too when BENCH_PG_URL names a server where
 * the user may create databases (a temporary one is made and dropped).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/connection';
import { migrateToLatest } from '../src/db/migrate';
import type { DatabaseConfig } from '../src/config';
import { NotificationService } from '../src/notification';
import { NotificationWorker } from '../src/notification/notification.worker';
import { SmsHttpTransport } from '../src/notification/notification.transports';
import { startFakeSmsGateway } from '../src/notification/notification.testing';
import { systemClock } from '../src/shared/clock';
import { uuidv7 } from '../src/shared/ids';
import { pct } from './lib';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const ACTIONS = Math.max(100, Math.round(Number(process.env.BENCH_ACTIONS ?? 2000) / 100) * 100);
const LATENCY = Number(process.env.BENCH_SMS_LATENCY_MS ?? 0);

async function withDatabase<T>(kind: 'sqlite' | 'postgres', fn: (db: Database, cfg: DatabaseConfig) => Promise<T>): Promise<T> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-outbox-'));
    const cfg: DatabaseConfig = { kind: 'sqlite', url: path.join(dir, 'bench.db') };
    const db = openDatabase(cfg);
    try {
      await migrateToLatest(db.db);
      return await fn(db, cfg);
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const admin = process.env.BENCH_PG_URL!;
  const name = `motcua_bench_${uuidv7().replace(/-/g, '').slice(-12)}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const cfg: DatabaseConfig = { kind: 'postgres', url: u.toString() };
  const db = openDatabase(cfg);
  try {
    await migrateToLatest(db.db);
    return await fn(db, cfg);
  } finally {
    await db.close();
    const d = new pg.Client({ connectionString: admin });
    await d.connect();
    await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await d.end();
  }
}

async function seedUnit(db: Database): Promise<void> {
  const now = new Date().toISOString();
  await db.db.insertInto('units').values({ code: '00004', name: 'Phường Ba Đình', kind: 'ward', parent_code: null, address: '', phone: '', email: '', opening_hours: '[]', sort: 1, created_at: now, updated_at: now }).execute();
  await db.db.insertInto('procedures').values({ code: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch', source: 'bench', data: '{}', content_hash: 'x', created_at: now, updated_at: now }).execute();
}

async function throughput(db: Database): Promise<{ seconds: number; perSecond: number; sent: number; duplicates: number; lost: number }> {
  const gateway = await startFakeSmsGateway({ latencyMs: LATENCY });
  try {
    const notifications = new NotificationService(db.db, systemClock);
    const now = new Date();
    const rows = Array.from({ length: MESSAGES }, (_, i) => ({ i }));
    for (let k = 0; k < rows.length; k += 500) {
      await db.db.transaction().execute(async (trx) => {
        for (const { i } of rows.slice(k, k + 500)) {
          await notifications.enqueue(trx, {
            channel: 'sms',
            recipient: `09${String(10_000_000 + i).slice(-8)}`,
            event: 'received',
            body: `Phuong Ba Dinh: Ho so 00004-261130-${String(i).padStart(4, '0')} (Dang ky khai sinh) da duoc tiep nhan. Hen tra: 17:00 02/12/2026. Theo doi: https://motcua.example.vn/ho-so/00004-261130-${String(i).padStart(4, '0')}?t=Xy3kPq9Lm2Nb7Vc4Rt8Wz1`,
            dossierCode: `00004-261130-${String(i).padStart(4, '0')}`,
            unitCode: '00004',
            dedupKey: `bench:${now.getTime()}:${i}`,
          });
        }
      });
    }
    const worker = new NotificationWorker(db.db, systemClock, { sms: new SmsHttpTransport({ url: gateway.url, unicode: false, maxSegments: 2 }) }, { batchSize: 200, concurrency: 32 });
    const t0 = performance.now();
    let sent = 0;
    for (;;) {
      const r = await worker.runOnce();
      sent += r.sent;
      if (r.claimed === 0) break;
    }
    const seconds = (performance.now() - t0) / 1000;
    const left = await db.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '!=', 'sent').executeTakeFirstOrThrow();
    const duplicates = gateway.requests.length - gateway.delivered.size;
    return { seconds, perSecond: sent / seconds, sent, duplicates, lost: Number(left.n) };
  } finally {
    await gateway.close();
  }
}

/** One dossier action as the services do it: status update + history row, in a transaction. */
async function actionCost(db: Database): Promise<{ without: number[]; withOutbox: number[] }> {
  const notifications = new NotificationService(db.db, systemClock);
  const now = new Date().toISOString();
  const ids: string[] = [];
  await db.db.transaction().execute(async (trx) => {
    for (let i = 0; i < ACTIONS * 2 + 50; i++) {
      const id = uuidv7();
      ids.push(id);
      await trx
        .insertInto('dossiers')
        .values({
          id,
          code: `00004-261130-${String(5000 + i)}`,
          unit_code: '00004',
          procedure_code: '1.001193',
          channel: 'online',
          case_id: null,
          status: 'new',
          applicant: JSON.stringify({ fullName: 'Nguyễn Văn An', phone: '0912345678' }),
          applicant_phone: '0912345678',
          applicant_name: 'Nguyễn Văn An',
          citizen_id: null,
          form_data: '{}',
          delivery: '{}',
          digitised: 0,
          submitted_at: now,
          received_at: null,
          due_at: null,
          due_fixed: 0,
          idempotency_key: null,
          created_by: 'bench',
          created_at: now,
          updated_at: now,
        } as never)
        .execute();
    }
  });
  const act = async (id: string, i: number, withOutbox: boolean) => {
    const t0 = performance.now();
    await db.db.transaction().execute(async (trx) => {
      const at = new Date().toISOString();
      await trx.updateTable('dossiers').set({ status: 'received', received_at: at, due_at: '2026-12-02T10:00:00.000Z', due_fixed: 1, updated_at: at }).where('id', '=', id).execute();
      const seq = await trx.selectFrom('dossier_history').select((eb) => eb.fn.max('seq').as('m')).where('dossier_id', '=', id).executeTakeFirst();
      await trx
        .insertInto('dossier_history')
        .values({ id: uuidv7(), dossier_id: id, seq: Number(seq?.m ?? 0) + 1, action: 'accept', from_status: 'new', to_status: 'received', actor_kind: 'staff', actor_id: 'bench', actor_name: 'Cán bộ', comment: '', data: '{}', idempotency_key: `accept:${id}`, created_at: at } as never)
        .execute();
      if (withOutbox) {
        await notifications.notifyDossier(trx, {
          event: 'received',
          dossierId: id,
          code: `00004-261130-${String(5000 + i)}`,
          unitCode: '00004',
          procedureName: 'Đăng ký khai sinh',
          applicant: { fullName: 'Nguyễn Văn An', phone: '0912345678' },
          trackingUrl: `https://motcua.example.vn/ho-so/00004-261130-${5000 + i}?t=Xy3kPq9Lm2Nb7Vc4Rt8Wz1`,
          dueAt: '2026-12-02T10:00:00.000Z',
        });
      }
    });
    return performance.now() - t0;
  };
  // Warm-up (JIT, statement caches), then alternate blocks so drift hits both sides alike.
  for (let i = ACTIONS * 2; i < ACTIONS * 2 + 50; i++) await act(ids[i]!, i, i % 2 === 0);
  const without: number[] = [];
  const withOutbox: number[] = [];
  const BLOCK = 100;
  let next = 0;
  while (without.length < ACTIONS) {
    for (const side of [false, true]) {
      for (let k = 0; k < BLOCK; k++) {
        const i = next++;
        (side ? withOutbox : without).push(await act(ids[i]!, i, side));
      }
    }
  }
  await db.db.executeQuery(sql`select 1`.compile(db.db));
  return { without, withOutbox };
}

async function run(kind: 'sqlite' | 'postgres'): Promise<string[]> {
  return withDatabase(kind, async (db) => {
    await seedUnit(db);
    const t = await throughput(db);
    const a = await actionCost(db);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
    const m0 = mean(a.without);
    const m1 = mean(a.withOutbox);
    return [
      `### ${kind === 'sqlite' ? 'SQLite (file, WAL)' : 'PostgreSQL'}`,
      '',
      `outbox throughput: ${t.sent} SMS in ${t.seconds.toFixed(2)} s = **${t.perSecond.toFixed(0)} messages/s** to the fake gateway (batch 200, 32 in flight${LATENCY ? `, gateway latency ${LATENCY} ms` : ''}); lost ${t.lost}, sent twice ${t.duplicates}`,
      '',
      '| dossier action (status + history, one transaction) | mean | p50 | p99 |',
      '| --- | ---: | ---: | ---: |',
      `| without the outbox row | ${us(m0)} | ${us(pct(a.without, 50))} | ${us(pct(a.without, 99))} |`,
      `| with the outbox row (template, SMS shaping, insert) | ${us(m1)} | ${us(pct(a.withOutbox, 50))} | ${us(pct(a.withOutbox, 99))} |`,
      '',
      `added cost per action: **${us(m1 - m0)}** mean (${(((m1 - m0) / m0) * 100).toFixed(0)}%), ${us(pct(a.withOutbox, 50) - pct(a.without, 50))} at p50; ${a.without.length} + ${a.withOutbox.length} actions interleaved in blocks of 100`,
      '',
    ];
  });
}

async function main() {
  const lines = [`motcua outbox bench — ${new Date().toISOString()} — ${os.cpus().length} CPU, Node ${process.version}, ${MESSAGES} messages, ${ACTIONS} actions per side`, ''];
  lines.push(...(await run('sqlite')));
  if (process.env.BENCH_PG_URL) lines.push(...(await run('postgres')));
  else lines.push('(PostgreSQL skipped: set BENCH_PG_URL=postgres://user@host:port/postgres to include it)');
  console.log('\n' + lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
