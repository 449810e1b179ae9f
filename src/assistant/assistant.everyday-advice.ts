/**
 * Pass 27 (r12every): everyday know-how asked in the words of national records, read unseen on a
 * fresh probe (tuning/out-of-scope-26.jsonl): on the full catalogue a farm's harvest was sent to
 * a forest herb's harvest plan and a bank's interest subsidy, a shrimp pond to the same, quitting
 * smoking to a tobacco stamp, a rat in the barn to a seaport's arrivals, taxes read in the news or
 * paid in America to a tax return, a cow's foot-and-mouth disease offered the commune's support
 * for breeders. What these ask is how to do or when it happens — a skill, a yield, a cure, a price
 * in the news — never a paper. Folded patterns, as assistant.everyday-words.ts writes them,
 * spread into its EVERYDAY (assistant.intent.ts's OFF_TOPIC). Each was checked against every
 * in-scope line of the tuning, training and dev sets. A question that also names one of the
 * ward's own records, sure enough, stays answered (assistant.decide.ts, `ownTopic`).
 */
export const EVERYDAY_ADVICE: string[] = [
  // A harvest's yield or time ("thu hoạch được mấy tạ một sào", "mấy tháng thì thu hoạch"), not a
  // harvest plan to approve or a crop changed on rice land.
  'thu hoach duoc (?:bao nhieu|may|nhieu)',
  'may (?:thang|ngai|tuan) (?:thi |la |moi )?(?:thu hoach|xuat chuong|xuat ban|cho trai|ra hoa)',
  '(?:may|bao nhieu) (?:ta|tan|kg|ki|ki lo|can) (?:mot|moi|1) (?:sao|mau|ha|hecta|cong)',
  // How to do a thing well ("chụp ảnh thế nào cho đẹp", "cai thuốc thế nào cho hiệu quả"): a skill.
  // Not "cho nhanh" (a paper wanted quickly is the ward's: "làm khai sinh thế nào cho nhanh").
  '(?:the nao|sao|ra sao|cach nao) cho (?:dep|hieu qua|ngon|ben|deu|mau lon|sai qua|khoe|de thuong)',
  // Quitting smoking, not the stamps of tobacco (records of the province and the commune). Not
  // "cai" alone: folded it is also "cây" ("cây thuốc lá", a crop) and "cai nghiện" is the ward's.
  'bo thuoc la',
  // Pests and their traps or poisons ("chuột phá, dùng bẫy gì"), a field sprayed, a tree fed.
  '(?:dung|dat|mua) (?:bai|thuoc diet|thuoc)(?: [a-z0-9]+){0,2} gi',
  // Not "bảy mươi", "dưới mười" (folded, "bai muoi", "duoi muoi").
  'bai chuot|diet (?:chuot|gian|muoi|moi|ruoi|kien|con trung)',
  '(?:bon|xit|phun) (?:phan|thuoc)(?: [a-z0-9]+){0,4} (?:gi|nao|luc nao|khi nao)',
  // An animal's or a plant's disease cured ("bị lở mồm long móng có chữa được không"), not a loss to
  // the disease the commune supports ("bò chết vì lở mồm long móng, xin hỗ trợ").
  '(?:benh|lo mom long mong|dich ta|cum gia cam|thoi re|vang la|ru)(?: [a-z0-9]+){0,3} (?:co chua (?:duoc|khoi)|chua (?:the nao|sao|bang gi|khoi)|uong thuoc gi|tiem thuoc gi)',
  // Taxes and prices in the news ("đọc báo thấy sắp tăng thuế", "giá hàng có tăng không").
  '(?:doc bao|xem bao|tren bao|xem tin|doc tin|tin tuc|thoi su)(?: [a-z0-9]+){0,2} (?:thai|noi|dua tin|bao)',
  'gia (?:hang|ca|hang hoa|thi truong|do)(?: [a-z0-9]+){0,2} co (?:tang|giam|len|xuong)',
  // A market day's hours ("chợ phiên cuối tuần họp mấy giờ"), not a meeting's ("phiên họp").
  // Not a border market told as why a pass is needed ("sang chợ phiên bên kia bán hàng cần giấy thông hành").
  'cho phien(?: [a-z0-9]+){0,6} (?:hop|mo|nhom|ban) (?:may gio|luc nao|ngai nao|hom nao|vao ngai|vao thu)',
  // A company's own rules for its staff ("nghỉ phép năm chưa dùng hết có được quy ra tiền").
  'phep nam',
  'quy ra tien',
];

const KNOW_HOW = new RegExp(`(?:^| )(?:${EVERYDAY_ADVICE.join('|').replace(/y/g, 'i')})(?= |$)`);

/**
 * Stop 46 (the lead): a question that asks know-how in these words (a yield, a cure, quitting
 * smoking) is declined when the rules point it to another level's record, whatever the learned
 * odds say (assistant.everyday-sent.ts). The odds of "chồng tôi muốn bỏ thuốc lá mà không được, có
 * cách nào" went from out of scope to −0.09 when pass 28's sets were learned; what it asks did not.
 */
export function asksKnowHow(folded: readonly string[]): boolean {
  return KNOW_HOW.test(folded.join(' '));
}
