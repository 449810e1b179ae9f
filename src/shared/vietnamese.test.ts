import { describe, expect, it } from 'vitest';
import { accentKey, fold, normalizeToneSyllable, slugify, syllables } from './vietnamese';

describe('Vietnamese folding', () => {
  it('ignores diacritics, case and đ', () => {
    expect(fold('Đăng ký kết hôn')).toBe(fold('dang ky ket hon'));
    expect(fold('ĐĂNG KÝ')).toBe('dang ki');
  });
  it('treats NFD input like NFC', () => {
    const nfd = 'hòa giải'.normalize('NFD');
    expect(fold(nfd)).toBe(fold('hòa giải'));
    expect(accentKey(nfd)).toBe(accentKey('hòa giải'));
  });
  it('unifies tone placement (hoà/hòa, thuỷ/thủy) but keeps different tones apart', () => {
    expect(accentKey('hoà giải')).toBe(accentKey('hòa giải'));
    expect(accentKey('thuỷ')).toBe(accentKey('thủy'));
    expect(accentKey('khoẻ')).toBe(accentKey('khỏe'));
    expect(accentKey('hòa')).not.toBe(accentKey('hóa'));
  });
  it('places marks on hatted vowels and after final consonants', () => {
    expect(normalizeToneSyllable('người')).toBe('người');
    expect(normalizeToneSyllable('hoàn')).toBe('hoàn');
    expect(normalizeToneSyllable('quý')).toBe('quý');
    expect(normalizeToneSyllable('giữa')).toBe('giữa');
    expect(normalizeToneSyllable('gì')).toBe('gì');
    expect(normalizeToneSyllable('Đồng')).toBe('đồng');
  });
  it('unifies i and y (lý/lí)', () => {
    expect(fold('quản lý')).toBe(fold('quản lí'));
  });
  it('splits syllables and makes slugs', () => {
    expect(syllables('Đăng ký, quản lý cư trú')).toEqual(['đăng', 'ký', 'quản', 'lý', 'cư', 'trú']);
    expect(slugify('Đăng ký, quản lý cư trú')).toBe('dang-ky-quan-ly-cu-tru');
  });
});
