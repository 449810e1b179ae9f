// The citizen's document store and the back-scanned archive (issue 14, kho dữ liệu).
export { DocstoreService, SOURCE_LABEL, type StoredPaper, type PaperSource } from './docstore.service';
export { ArchiveService, OCR_STATUS_LABEL, type ArchiveOptions, type ArchiveRecord } from './archive.service';
export { suggestFields, type SuggestedFields } from './archive.fields';
export { recognise, OcrError, type OcrOptions } from './archive.ocr';
export { docstoreRoutes } from './docstore.routes';
export { archiveRoutes } from './archive.routes';
export { ArchiveOcrJob } from './archive.jobs';
