/**
 * The citizen's next step on the tracking page: a fee still due is asked for while the dossier is
 * open, never once it is closed (a newcomer's walk found "Bạn cần nộp 16.000 đồng" under "Đã trả kết quả").
 */
import { describe, expect, it } from 'vitest';
import { citizenNextStep, type NextStepInput } from './dossier.tracking';

const input = (status: NextStepInput['status']): NextStepInput => ({ status, delivery: {}, history: [], outstanding: 16_000, hasResultFile: false });

describe('citizenNextStep', () => {
  it('asks for a fee still due while the dossier is open', () => {
    for (const status of ['new', 'received', 'in_progress', 'payment_requested', 'processed'] as const) {
      const next = citizenNextStep(input(status));
      expect(next?.actionNeeded, status).toBe(true);
      expect(next?.text, status).toContain('Bạn cần nộp 16.000 đồng phí, lệ phí');
    }
  });

  it('asks nothing of a closed dossier, whatever the fee record says', () => {
    for (const status of ['returned', 'withdrawn', 'stopped', 'not_received'] as const) {
      expect(citizenNextStep(input(status)), status).toBeUndefined();
    }
  });
});
