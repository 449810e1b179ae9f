/**
 * Our reading of Vietnam's expanded immunisation schedule (Tiêm chủng mở rộng, TCMR) for children
 * from birth to 24 months, written in our own words from what we remember of the Ministry of
 * Health's published schedule [memory: NOT checked against the current decision]. It is the
 * default a unit's schedule is seeded from (vaccination_schedule); the unit admin and the commune
 * health station edit it on /can-bo/tiem-chung/lich, and every page showing it says that it waits
 * for the health station's check until the station confirms it.
 *
 * Ages: whole months after birth, then days (a 2nd dose "one to two weeks after the 1st" is the
 * 1st dose's months plus 14 days). Doses after 24 months (the 3rd Japanese encephalitis dose, about
 * a year after the 2nd) are outside what motcua reminds of and are left out.
 */
export interface ScheduleDose {
  key: string;
  vaccine: string;
  dose: string;
  months: number;
  days: number;
  note: string;
}

export const TCMR_SCHEDULE_VERSION = 'motcua-doc-tcmr-2026-1';

export const TCMR_SCHEDULE: readonly ScheduleDose[] = [
  { key: 'vgb-so-sinh', vaccine: 'Viêm gan B sơ sinh', dose: 'Mũi sơ sinh', months: 0, days: 0, note: 'Tiêm càng sớm càng tốt, trong 24 giờ đầu sau sinh.' },
  { key: 'bcg', vaccine: 'Lao (BCG)', dose: 'Mũi duy nhất', months: 0, days: 0, note: 'Trong tháng đầu sau sinh.' },
  { key: 'dpt-vgb-hib-1', vaccine: 'Vắc xin 5 trong 1 (DPT-VGB-Hib)', dose: 'Mũi 1', months: 2, days: 0, note: 'Bạch hầu, ho gà, uốn ván, viêm gan B, viêm phổi và viêm màng não do Hib.' },
  { key: 'opv-1', vaccine: 'Bại liệt uống (OPV)', dose: 'Lần 1', months: 2, days: 0, note: '' },
  { key: 'dpt-vgb-hib-2', vaccine: 'Vắc xin 5 trong 1 (DPT-VGB-Hib)', dose: 'Mũi 2', months: 3, days: 0, note: '' },
  { key: 'opv-2', vaccine: 'Bại liệt uống (OPV)', dose: 'Lần 2', months: 3, days: 0, note: '' },
  { key: 'dpt-vgb-hib-3', vaccine: 'Vắc xin 5 trong 1 (DPT-VGB-Hib)', dose: 'Mũi 3', months: 4, days: 0, note: '' },
  { key: 'opv-3', vaccine: 'Bại liệt uống (OPV)', dose: 'Lần 3', months: 4, days: 0, note: '' },
  { key: 'ipv-1', vaccine: 'Bại liệt tiêm (IPV)', dose: 'Mũi 1', months: 5, days: 0, note: '' },
  { key: 'soi-1', vaccine: 'Sởi', dose: 'Mũi 1', months: 9, days: 0, note: '' },
  { key: 'ipv-2', vaccine: 'Bại liệt tiêm (IPV)', dose: 'Mũi 2', months: 9, days: 0, note: 'Theo lịch mới của chương trình; trạm y tế xác nhận nơi mình đã triển khai.' },
  { key: 'vnnb-1', vaccine: 'Viêm não Nhật Bản', dose: 'Mũi 1', months: 12, days: 0, note: '' },
  { key: 'vnnb-2', vaccine: 'Viêm não Nhật Bản', dose: 'Mũi 2', months: 12, days: 14, note: 'Một đến hai tuần sau mũi 1. Mũi 3 khoảng một năm sau mũi 2 (sau 24 tháng tuổi, ngoài phạm vi nhắc lịch).' },
  { key: 'soi-rubella', vaccine: 'Sởi – Rubella (MR)', dose: 'Mũi duy nhất', months: 18, days: 0, note: '' },
  { key: 'dpt-4', vaccine: 'Bạch hầu – ho gà – uốn ván (DPT)', dose: 'Mũi 4 (nhắc lại)', months: 18, days: 0, note: '' },
];
