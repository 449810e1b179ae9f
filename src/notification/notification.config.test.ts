import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseNotificationConfig, parsePaymentConfig } from '../config';

describe('configuration of notifications and payments', () => {
  it('has safe defaults: worker on, unaccented SMS of at most 2 segments, no provider', () => {
    const c = loadConfig({});
    expect(c.notifications).toEqual({ worker: true, maxAttempts: 8, backoffSeconds: 30, smsUnicode: false, smsMaxSegments: 2 });
    expect(c.payments).toEqual({});
  });

  it('reads the SMS gateway, with a brandname request shape and a success field', () => {
    const n = parseNotificationConfig({
      SMS_HTTP_URL: 'https://sms.example.vn/api/send',
      SMS_HTTP_TEMPLATE: '{"Phone":"{{to_national}}","Content":"{{text}}","RequestId":"{{id}}"}',
      SMS_HTTP_HEADERS: '{"Authorization":"Bearer x"}',
      SMS_HTTP_SUCCESS: 'CodeResult=100',
      SMS_UNICODE: 'on',
    });
    expect(n.sms).toEqual({ url: 'https://sms.example.vn/api/send', template: '{"Phone":"{{to_national}}","Content":"{{text}}","RequestId":"{{id}}"}', headers: { Authorization: 'Bearer x' }, success: { field: 'CodeResult', value: '100' } });
    expect(n.smsUnicode).toBe(true);
  });

  it('says in Vietnamese what is wrong, naming the variable', () => {
    expect(() => parseNotificationConfig({ SMS_HTTP_URL: 'ftp://x' })).toThrow(/SMS_HTTP_URL phải là địa chỉ http/);
    expect(() => parseNotificationConfig({ SMS_HTTP_URL: 'http://x', SMS_HTTP_TEMPLATE: '{"a":"{{id}}"}' })).toThrow(/SMS_HTTP_TEMPLATE phải có \{\{text\}\}/);
    expect(() => parseNotificationConfig({ SMS_MAX_SEGMENTS: '9' })).toThrow(/SMS_MAX_SEGMENTS phải là số nguyên từ 1 đến 5/);
    expect(() => parseNotificationConfig({ SMTP_URL: 'mail.example.vn' })).toThrow(/SMTP_URL phải bắt đầu bằng smtp:\/\//);
    expect(() => parseNotificationConfig({ ZALO_APP_ID: '1' })).toThrow(/còn thiếu ZALO_APP_SECRET, ZALO_REFRESH_TOKEN/);
    expect(() => parsePaymentConfig({ VIETQR_BANK_BIN: '9704', VIETQR_ACCOUNT: '123456', VIETQR_ACCOUNT_NAME: 'UBND' })).toThrow(/VIETQR_BANK_BIN là mã BIN 6 chữ số/);
    expect(() => parsePaymentConfig({ VNPAY_TMN_CODE: 'ABC12345' })).toThrow(/VNPay cần đủ/);
    expect(() => loadConfig({ WORKER: 'maybe' })).toThrow(ConfigError);
  });

  it('reads VietQR and VNPay', () => {
    expect(parsePaymentConfig({ VIETQR_BANK_BIN: '970415', VIETQR_ACCOUNT: '113000012345', VIETQR_ACCOUNT_NAME: 'UBND PHUONG BA DINH', VNPAY_TMN_CODE: 'MOTCUA01', VNPAY_HASH_SECRET: 'S'.repeat(32), VNPAY_URL: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html' })).toEqual({
      vietqr: { bankBin: '970415', account: '113000012345', accountName: 'UBND PHUONG BA DINH' },
      vnpay: { tmnCode: 'MOTCUA01', hashSecret: 'S'.repeat(32), url: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html' },
    });
  });
});
