import type { FileStoreConfig } from '../config';
import type { Clock } from '../shared/clock';
import { S3Store } from './file.s3';
import { FileStore, type BlobStore } from './file.store';

/** The blob store FILE_STORE names: the local disk (DATA_DIR/files) or an S3-compatible bucket. */
export function openBlobStore(cfg: FileStoreConfig, opts: { clock?: Clock } = {}): BlobStore {
  if (cfg.kind === 'disk') return new FileStore(cfg.root, opts);
  return new S3Store({ ...cfg, clock: opts.clock });
}

