import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_OPTIONS, NotificationService } from './notification.service';
import { capacity, fitSms, isGsm7, prepareSms, smsInfo, toGsm7 } from './notification.sms';
import { checkTemplate, defaultTemplate, renderTemplate } from './notification.templates';
import { EVENTS } from './notification.types';
import { smsRequestBody } from './notification.transports';
import { backoffMs } from './notification.worker';
import { fixedClock } from '../shared/clock';

describe('SMS segments (GSM 03.38 / UCS-2)', () => {
  it('counts GSM-7 texts by septets: 160 in one segment, 153 per segment after that', () => {
    expect(smsInfo('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsInfo('a'.repeat(161)).segments).toBe(2);
    expect(smsInfo('a'.repeat(306)).segments).toBe(2);
    expect(smsInfo('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extension characters twice', () => {
    expect(smsInfo('{}[]').units).toBe(8);
    expect(smsInfo('€'.repeat(80)).segments).toBe(1);
    expect(smsInfo('€'.repeat(81)).segments).toBe(2);
  });

  it('switches to UCS-2 on a Vietnamese letter: 70 in one segment, 67 after', () => {
    expect(isGsm7('Hồ sơ')).toBe(false);
    expect(smsInfo('ơ'.repeat(70))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(smsInfo('ơ'.repeat(71)).segments).toBe(2);
    expect(smsInfo('ơ'.repeat(134)).segments).toBe(2);
    expect(smsInfo('ơ'.repeat(135)).segments).toBe(3);
    // é and à are in the GSM alphabet; ế and ả are not.
    expect(isGsm7('é à')).toBe(true);
    expect(isGsm7('ế')).toBe(false);
  });

  it('folds Vietnamese to plain GSM-7 for providers that want no diacritics', () => {
    expect(toGsm7('Đăng ký khai sinh – Phường Ba Đình “Hà Nội”…')).toBe('Dang ky khai sinh - Phuong Ba Dinh "Ha Noi"...');
    expect(isGsm7(toGsm7('Hồ sơ đã được tiếp nhận. Hẹn trả: 17:00 02/12/2026 ₫'))).toBe(true);
  });

  it('keeps a message within two segments by shortening the procedure name first', () => {
    const tpl = defaultTemplate('received', 'sms', 'vi').body;
    const ctx = {
      unit: 'Phường Ba Đình',
      code: '00004-261130-0001',
      date: '30/11/2026',
      dueDate: '17:00 02/12/2026',
      link: 'https://motcua.example.vn/ho-so/00004-261130-0001?t=Xy3kPq9Lm2Nb7Vc4Rt8Wz1',
    };
    const longName = 'Đăng ký khai sinh kết hợp đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi và cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất';
    const text = fitSms((procedure) => renderTemplate(tpl, { ...ctx, procedure }), longName, { unicode: false, maxSegments: 2 });
    const info = smsInfo(text);
    expect(info.encoding).toBe('gsm7');
    expect(info.segments).toBeLessThanOrEqual(2);
    // The link and the code survive whole; the name is cut with an ellipsis.
    expect(text).toContain(ctx.link);
    expect(text).toContain('00004-261130-0001');
    expect(text).toContain('Dang ky khai sinh');
    expect(text).toContain('...');
    // A short name is left alone.
    const short = fitSms((procedure) => renderTemplate(tpl, { ...ctx, procedure }), 'Đăng ký khai tử', { unicode: false, maxSegments: 2 });
    expect(short).toContain('(Dang ky khai tu)');
    // With Unicode allowed, the same message in UCS-2 still fits the limit.
    const uni = fitSms((procedure) => renderTemplate(tpl, { ...ctx, procedure }), longName, { unicode: true, maxSegments: 2 });
    expect(smsInfo(uni).units).toBeLessThanOrEqual(capacity('ucs2', 2));
    expect(uni).toContain('Hồ sơ');
  });

  it('every default SMS template fits two GSM-7 segments with a long name, in both languages', () => {
    const svc = new NotificationService(undefined as never, fixedClock('2026-11-30T02:00:00Z'), DEFAULT_NOTIFICATION_OPTIONS);
    for (const lang of ['vi', 'en'] as const)
      for (const event of EVENTS) {
        const { body } = svc.preview('sms', defaultTemplate(event, 'sms', lang), lang);
        const info = smsInfo(body);
        expect(info.encoding, `${event}/${lang}`).toBe('gsm7');
        expect(info.segments, `${event}/${lang}: ${body}`).toBeLessThanOrEqual(2);
        expect(body, `${event}/${lang}`).not.toMatch(/\{\w+\}/);
      }
  });
});

describe('templates', () => {
  it('fills placeholders and drops an empty bracket', () => {
    expect(renderTemplate('Hồ sơ {code} ({procedure}) — {amount}', { code: 'X', procedure: '', amount: '20.000 đồng' })).toBe('Hồ sơ X — 20.000 đồng');
  });

  it('refuses unknown placeholders and an e-mail without subject, in Vietnamese', () => {
    expect(() => checkTemplate('sms', { subject: '', body: 'Ho so {ma_ho_so}' })).toThrow(/Mẫu tin nhắn chưa hợp lệ/);
    try {
      checkTemplate('email', { subject: '', body: 'Hồ sơ {code}' });
      expect.unreachable();
    } catch (e) {
      expect((e as { fields: Array<{ field: string }> }).fields.map((f) => f.field)).toContain('subject');
    }
    expect(checkTemplate('sms', { subject: 'ignored', body: '  Ho so {code}  ' })).toEqual({ subject: '', body: 'Ho so {code}' });
  });
});

describe('providers and retries', () => {
  it('builds the default SMS gateway request and a brandname provider shape, JSON-escaped', () => {
    expect(JSON.parse(smsRequestBody('{"to":"{{to}}","text":"{{text}}","id":"{{id}}"}', { to: '0912345678', text: 'Ho so "A"\nB', id: 'x1' }))).toEqual({ to: '+84912345678', text: 'Ho so "A"\nB', id: 'x1' });
    expect(JSON.parse(smsRequestBody('{"Phone":"{{to_national}}","Content":"{{text}}","Brandname":"UBND BA DINH","RequestId":"{{id}}","Msisdn":"{{to_84}}"}', { to: '0912345678', text: 'x', id: 'r' }))).toEqual({
      Phone: '0912345678',
      Content: 'x',
      Brandname: 'UBND BA DINH',
      RequestId: 'r',
      Msisdn: '84912345678',
    });
  });

  it('backs off exponentially with jitter, up to a cap', () => {
    const mid = () => 0.5;
    expect(backoffMs(1, 30_000, 3600_000, mid)).toBe(30_000);
    expect(backoffMs(2, 30_000, 3600_000, mid)).toBe(60_000);
    expect(backoffMs(5, 30_000, 3600_000, mid)).toBe(480_000);
    expect(backoffMs(20, 30_000, 3600_000, mid)).toBe(3600_000);
    expect(backoffMs(1, 30_000, 3600_000, () => 0)).toBe(24_000);
    expect(backoffMs(1, 30_000, 3600_000, () => 1)).toBe(36_000);
  });

  it('prepares texts as the provider wants them', () => {
    expect(prepareSms('  Mã   xác thực  ', false)).toBe('Ma xac thuc');
    expect(prepareSms('Mã xác thực', true)).toBe('Mã xác thực');
  });
});
