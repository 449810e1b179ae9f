export { sniffType, EXT_BY_MIME, type AcceptedMime } from './file.sniff';
export {
  prepareUpload,
  sanitizeFilename,
  DEFAULT_MAX_DIMENSION,
  DEFAULT_MAX_IMAGE_PIXELS,
  JPEG_QUALITY,
  type PreparedFile,
  type UploadInput,
  type UploadLimits,
} from './file.service';
export { openBlobStore } from './file.open';
export { S3Store, type S3StoreOptions } from './file.s3';
export {
  FileStore,
  isSha256,
  sha256Hex,
  type BlobInput,
  type BlobStore,
  type PutResult,
  type SweepOptions,
  type SweepResult,
} from './file.store';
