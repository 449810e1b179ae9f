/**
 * Grassroots records of the national catalogue told in citizens' words (issue 15, pass 25,
 * r10full): a mediator's pay for the cases the village's team settled. Spread into the commune's
 * told situations (assistant.commune-told.ts); phrases are written folded.
 */
import type { Situation } from './assistant.situations';

/** The village's mediators or one of their cases. */
const MEDIATION = ['hoa giai vien', 'to hoa giai', 'vu hoa giai', 'di hoa giai', 'nguoi hoa giai', 'to giang hoa', 'nguoi giang hoa'];
/** Paid for it, as they say it ("tiền bồi dưỡng mỗi vụ", "chưa được chi tiền", "lãnh thù lao"). */
const PAID = ['boi duong', 'thu lao', 'tien cong', 'chi tien', 'lanh tien', 'nhan tien', 'tra tien', 'tien hoa giai', 'duoc tien', 'phu cap'];

export const GRASSROOTS_TOLD: Situation[] = [
  {
    // "hòa giải viên ở thôn mỗi vụ hòa giải xong thì được nhận tiền bồi dưỡng ở đâu": the payment of
    // the mediator's fee for a case (Nghị định 15/2014/NĐ-CP, Điều 13) — not a mediator hurt on a
    // case, whose support is its own record.
    groups: [MEDIATION, PAID],
    unless: ['tai nan', 'bi thuong', 'rui ro', 'nam vien', 'vien phi', 'gay tay', 'gay chan', 'bi danh', 'bi xo'],
    anchor: 1,
    expansion: 'thanh toán thù lao cho hòa giải viên',
  },
];
