import type { SweepResult } from './file';
import type { Config } from './config';
import { sweepUploads } from './shared/uploads';
import { uploadTmpDir } from './app.settings';
import type { Services } from './app.types';

/**
 * Files written for an upload whose database row never committed (a crash in between) are
 * removed; files younger than the grace period may belong to an upload in progress elsewhere.
 * `blobs: false` leaves the store itself alone (a bucket is swept by a background job, in slices
 * of `budgetMs`: see file.s3.ts and src/main.jobs.ts).
 */
export async function sweepFiles(s: Services, graceMs = 15 * 60_000, config?: Config, opts: { blobs?: boolean; budgetMs?: number } = {}): Promise<SweepResult> {
  // Temporary upload files of requests a crash cut short.
  if (config) await sweepUploads(uploadTmpDir(config), graceMs);
  // First the drafts of one-request submissions that a crash cut short, then the files they held.
  await s.dossiers.removeStaleTransientDrafts(graceMs);
  if (opts.blobs === false) return { scanned: 0, tmpRemoved: 0, orphansRemoved: 0, bytesFreed: 0, complete: false };
  return s.files.sweep({
    referenced: async (sha) => (await s.dossiers.isFileReferenced(sha)) || (await s.scoring.isFileReferenced(sha)) || (await s.archive.isFileReferenced(sha)) || (await s.signing.isFileReferenced(sha)),
    olderThanMs: graceMs,
    tmpOlderThanMs: graceMs,
    budgetMs: opts.budgetMs,
  });
}
