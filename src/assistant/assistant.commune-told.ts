/**
 * Situations of the commune's national records told in citizens' words (issue 15, pass 18): a
 * low-income certificate asked for the social housing it is wanted for, a household's forest
 * turned to another use. Matched with the other situations
 * (assistant.situations.ts); phrases are written folded.
 */
import type { Situation } from './assistant.situations';

/** Low pay or income, as workers tell it. */
const LOW_INCOME = ['thu nhap thap', 'thu nhap it', 'thu nhap duoi', 'luong thap', 'luong it', 'luong beo', 'dien thu nhap thap', 'nguoi thu nhap thap'];
/** The paper asked of the commune about it. */
// (not "công nhận": folded it is "công nhân", the worker telling his pay)
const CERTIFY = ['xac nhan', 'chung nhan', 'giay', 'thuoc dien'];
/** A forest of one's own (not the State's forests a company rents). */
const OWN_FOREST = ['manh rung', 'khoanh rung', 'dat rung', 'rung trong', 'rung san xuat', 'rung nha', 'rung cua', 'rung keo', 'rung thong'];
/** Turned to another use. */
const OTHER_USE = ['chuyen sang', 'chuyen qua', 'doi sang', 'doi qua', 'doi muc dich', 'chuyen muc dich', 'pha di', 'pha rung', 'sang lam', 'qua lam', 'de lam'];

export const COMMUNE_TOLD: Situation[] = [
  {
    // Low pay and a paper of the commune saying so, even when the social housing it is for is told
    // too ("đi làm lương thấp, muốn xã xác nhận để mua nhà ở xã hội"): the low-income recognition,
    // not the housing registration — unless the paper is already in hand.
    groups: [LOW_INCOME, CERTIFY],
    // A poor household's certificate is its own record ("xin công nhận hộ nghèo, thu nhập thấp").
    unless: ['da co giay', 'co giay roi', 'da duoc xac nhan', 'da xac nhan', 'ho ngheo', 'can ngheo', 'thoat ngheo'],
    anchor: 0,
    expansion: 'công nhận người lao động có thu nhập thấp xác nhận',
  },
  {
    // A household's planted or production forest turned to a farm or an orchard: the change of
    // the forest's use for an individual.
    groups: [OWN_FOREST, OTHER_USE],
    unless: ['giao rung', 'thue rung', 'khai thac', 'thiet hai', 'vay'],
    expansion: 'chuyển mục đích sử dụng rừng sang mục đích khác đối với cá nhân',
  },
];
