/**
 * A farm's land put to another crop or to visitors, told in farmers' words (issue 15, pass 22): a
 * rice field dug into a fish pond or raised into beds of fruit trees is the change of crop on rice
 * land; an orchard or a field kept as it is while visitors come to eat, camp or take photos is the
 * land's combined use. Spread into the commune's told situations (assistant.commune-told.ts);
 * phrases are written folded ("y" as "i").
 */
import type { Situation } from './assistant.situations';

/** Rice land, as farmers name it ("mấy sào lúa", "ruộng hai lúa", "mấy công ruộng"). */
const RICE_LAND = ['ruong', 'dat lua', 'sao lua', 'dat trong lua', 'dat cai lua', 'cai lua', 'trong lua'];
/** Another crop or a pond on it. */
const NEW_CROP = [
  'dao ao', 'khoet ao', 'dao mot phan', 'tha ca', 'nuoi ca', 'nuoi tom', 'len liep', 'len luong', 'len mo', 'trong cay an qua', 'trong cay an trai', 'trong cay lau nam',
  'trong buoi', 'trong dua', 'trong mit', 'trong sen', 'trong cam', 'trong thanh long', 'trong chanh', 'trong rau', 'trong bap', 'trong ngo', 'trong mau', 'trong cay',
  // pass 26: other creatures of the water raised there, or the rice given up for them
  'nuoi ech', 'tha ech', 'nuoi luon', 'nuoi oc', 'nuoi cua', 'nuoi ca ro', 'bo cai lua', 'thoi cai lua', 'khong cai lua nua',
];
/** Land of a farm or a garden. */
const FARM_LAND = ['dat nong nghiep', 'dat vuon', 'vuon cam', 'vuon cai', 'vuon cay', 'vuon nha', 'vuon buoi', 'vuon rau', 'vuon dau', 'ruong', 'dat lua', 'dat trong cay', 'dat rung', 'rung san xuat', 'canh dong'];
/** Visitors received on it. */
const VISITORS = ['du lich', 'khach tham quan', 'khach du lich', 'cho khach', 'don khach', 'check in', 'checkin', 'farmstay', 'homestay', 'cam trai', 'ca phe san vuon', 'quan ca phe', 'quan cafe', 'dich vu cau ca', 'lam dich vu', 'kinh doanh dich vu', 'trai nghiem', 'bai do xe', 'chup hinh', 'chup anh', 'an uong'];
/** Built on for good, registered as a business, declared for a guest, or lost: other records. */
const NOT_COMBINED = ['chuyen muc dich', 'len tho cu', 'dat o', 'xai nha o', 'xai nha de o', 'ho kinh doanh', 'dang ki kinh doanh', 'khai bao', 'tam tru', 'luu tru', 'thiet hai', 'boi thuong', 'den bu', 'thu hoi'];

export const FARM_TOLD: Situation[] = [
  {
    // A rice field dug into a pond or raised into beds of other crops ("mấy sào lúa trũng, tính
    // khoét ao thả cá"): the change of crop on rice land — not a change of the land's use to build
    // on, nor visitors received (below).
    groups: [RICE_LAND, NEW_CROP],
    unless: [...NOT_COMBINED, ...VISITORS, 'xai nha', 'ho tro', 'bao hiem', 'ho chua', 'long ho', 'thuy loi', 'be nuoi', 'tha be'],
    expansion: 'chuyển đổi cơ cấu cây trồng vật nuôi trên đất trồng lúa',
  },
  {
    // An orchard or a field where visitors come while it stays farmed ("vườn bưởi làm chỗ cho
    // khách cắm trại, vẫn giữ vườn"): the land's combined use.
    groups: [FARM_LAND, VISITORS],
    unless: NOT_COMBINED,
    expansion: 'sử dụng đất kết hợp đa mục đích',
  },
];
