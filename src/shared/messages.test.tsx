import fs from 'node:fs';
import render from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ErrorSummary, StatusMessage } from './messages';

describe('the shared status message and error summary', () => {
  it('render the one markup every page used to repeat, and nothing when there is nothing to say', () => {
    expect(render(<StatusMessage>Đã lưu.</StatusMessage>)).toBe('<p class="card" role="status">Đã lưu.</p>');
    expect(render(<StatusMessage>{undefined}</StatusMessage>)).toBe('');
    expect(render(<ErrorSummary message="Số tiền không hợp lệ." />)).toBe('<div class="error-summary" role="alert"><p>Số tiền không hợp lệ.</p></div>');
    expect(render(<ErrorSummary title="Chỉ tiêu chưa hợp lệ:" errors={[{ message: 'Mức chỉ tiêu phải là số' }, 'Cần kỳ']} />)).toBe(
      '<div class="error-summary" role="alert"><p>Chỉ tiêu chưa hợp lệ:</p><ul><li>Mức chỉ tiêu phải là số</li><li>Cần kỳ</li></ul></div>',
    );
    expect(render(<ErrorSummary errors={[]} />)).toBe('');
  });

  it('are the only copy in the rating, payment, notification, performance, scoring and dossier views', () => {
    const dir = new URL('..', import.meta.url);
    const views = ['rating/rating.views.tsx', 'rating/rating.staff-views.tsx', 'payment/payment.views.tsx', 'notification/notification.views.tsx', 'performance/performance.views.tsx', 'scoring/scoring.views.tsx', 'dossier/dossier.views.tsx', 'dossier/dossier.staff-views.tsx', 'dossier/dossier.worklist-views.tsx', 'dossier/dossier.citizen-views.tsx', 'dossier/dossier.proof-views.tsx'];
    const repeated = /<p (class="card" role="status"|role="status" class="card")>\s*\{[\w.?]+\}\s*<\/p>|<div class="error-summary" role="alert">\s*(<p>[^<{]*<\/p>\s*)?(<p>\{[\w.?]+\}<\/p>|<ul>\s*\{[\w.]+\.map)/;
    const left = views.filter((v) => repeated.test(fs.readFileSync(new URL(v, dir), 'utf8')));
    expect(left).toEqual([]);
  });
});
