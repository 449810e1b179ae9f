import { describe, expect, it } from 'vitest';
import { agencyOf, officeInSteps } from './assistant.agency';

describe('where another agency’s procedure is done (national records)', () => {
  it('names the record’s own agency first', () => {
    expect(agencyOf({ agency: 'Cục Cảnh sát giao thông', steps: ['Nộp hồ sơ tại Công an tỉnh.'] })).toEqual({ name: 'Cục Cảnh sát giao thông', fromSteps: false });
  });

  it('with no agency in the record ("Không có thông tin"), names the office its steps send the papers to', () => {
    const steps = ['Người đủ tiêu chuẩn nộp 01 bộ hồ sơ gửi trực tiếp hoặc qua dịch vụ bưu chính đến Sở Tư pháp nơi đã đăng ký tập sự. Trong thời hạn 05 ngày làm việc, Sở Tư pháp thẩm định.'];
    expect(agencyOf({ agency: 'Không có thông tin', steps })).toEqual({ name: 'Sở Tư pháp', fromSteps: true });
    expect(agencyOf({ agency: '', steps })).toEqual({ name: 'Sở Tư pháp', fromSteps: true });
    expect(officeInSteps('Bước 1: Tổ chức nộp hồ sơ đến cơ quan được Chủ tịch Ủy ban nhân dân cấp tỉnh giao tiếp nhận hồ sơ bằng hình thức trực tiếp.')).toBe(
      'cơ quan được Chủ tịch Ủy ban nhân dân cấp tỉnh giao',
    );
    expect(officeInSteps('Nhà đầu tư nộp văn bản đề nghị cho Cơ quan đăng ký đầu tư.')).toBe('Cơ quan đăng ký đầu tư');
    expect(officeInSteps('Hồ sơ gửi Sở Nông nghiệp và Môi trường; trong 10 ngày …')).toBe('Sở Nông nghiệp và Môi trường');
  });

  it('says nothing rather than a word that is not an office', () => {
    expect(agencyOf({ agency: '', steps: ['Nộp hồ sơ đến Bộ phận Một cửa.', 'Gửi đến cơ quan, thời hạn 5 ngày.'] })).toBeUndefined();
    expect(agencyOf({ agency: '', steps: [] })).toBeUndefined();
  });
});
