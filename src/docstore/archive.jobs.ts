import { PeriodicJob, type PeriodicJobOptions } from '../shared/periodic-job';

/**
 * Picks up archive pages still waiting for OCR after a restart (or a run abandoned by a crash):
 * an upload starts the queue itself; this only makes sure nothing waits forever.
 */
export class ArchiveOcrJob extends PeriodicJob<void> {
  constructor(archive: { kick(): void; idle(): Promise<void> }, opts: PeriodicJobOptions) {
    super(
      {
        name: 'archive-ocr',
        doing: 'nhận dạng chữ trang quét lưu trữ',
        run: async () => {
          archive.kick();
          await archive.idle();
        },
      },
      opts,
    );
  }
}
