import { fold } from './vietnamese';

/**
 * A postal address the public post can deliver a result to (results by post, Decree 118/2025 and
 * Circular 03/2025 on returning results through the postal service): a place within the locality
 * (house number, street, hamlet…) and the administrative unit (commune/ward, province/city).
 * Returns what is missing, in Vietnamese, or null when the address looks deliverable.
 */
export function postalAddressProblem(raw: string | undefined): string | null {
  const a = (raw ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!a) return 'Nhập địa chỉ nhận kết quả qua bưu chính.';
  if (a.length < 12 || a.split(' ').length < 3) return 'Địa chỉ quá ngắn: ghi số nhà (hoặc thôn, xóm, tổ), đường phố, xã/phường, tỉnh/thành phố.';
  if (a.length > 300) return 'Địa chỉ tối đa 300 ký tự.';
  const f = fold(a);
  const place = /\d/.test(a) || /\b(thon|xom|ap|ban|to|khu|khom|so|ngo|ngach|hem|kiet|duong|pho|to dan pho|khu pho|lang|buon|soc)\b/.test(f);
  const unit = /\b(xa|phuong|thi tran|dac khu|tinh|thanh pho|tp|quan|huyen|thi xa)\b/.test(f) || a.split(',').filter((p) => p.trim()).length >= 3;
  if (!place) return 'Địa chỉ cần số nhà, hoặc thôn, xóm, tổ dân phố, để bưu tá tìm được.';
  if (!unit) return 'Địa chỉ cần tên xã/phường và tỉnh/thành phố, ví dụ "Số 1 phố Đội Cấn, phường Ba Đình, Hà Nội".';
  return null;
}
