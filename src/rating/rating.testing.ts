/** Test support: a dossier taken through the real API from the counter to its returned result. */
import { expect } from 'vitest';
import { Desk } from '../dossier/workflow.testing';

// Đăng ký lại kết hôn (the workflow tests' procedure): received at the counter of 00004.
export const RATED_PROC = '1.004746';

export async function returnedDossier(desk: Desk, applicant?: { fullName: string; phone: string }): Promise<string> {
  const d = await desk.receiveAtCounter(RATED_PROC, 'tiepnhan', applicant ? { ...applicant, idNumber: '001090012345' } as never : undefined);
  const code = d.code as string;
  await processToReady(desk, code);
  const r = await desk.ok(code, 'tiepnhan', { type: 'return_result', method: 'in_person' });
  expect(r.status).toBe('returned');
  return code;
}

/** Accepted, examined, approved, result ready (status processed), not yet returned. */
export async function processToReady(desk: Desk, code: string): Promise<void> {
  await desk.toApproved(code, 'Đủ điều kiện');
  const ready = await desk.ok(code, 'lanhdao', { type: 'mark_result_ready', note: 'Kết quả bản giấy' });
  expect(ready.status).toBe('processed');
}
