/**
 * Pass 24 (r9scope): everyday matters that borrow the ward's words — "đăng ký", "thẻ", "gia hạn",
 * "giấy", "khai báo", "khai sinh" — read unseen on a fresh probe (tuning/out-of-scope-21.jsonl):
 * a swimming class, a race or a gym one registers for, a library or members' card renewed, a bank
 * card's PIN, a carrier's SIM, a health declaration at a hospital gate, a sick note, a check-up
 * booked, a baby crying at night or a name chosen "cho đẹp". Folded patterns (as
 * assistant.intent.ts writes them: no marks, y as i is done by its `b`), spread into its OFF_TOPIC.
 * Each was checked against every in-scope line of the tuning, training and dev sets: none says it.
 * A question that also names one of the ward's own records, sure enough, stays answered
 * (assistant.decide.ts, `ownTopic`: "đi học bơi làm mất thẻ căn cước").
 */
export const EVERYDAY_BORROWED: string[] = [
  // Registrations of private life: a class, a race, a gym, a club card, a student portal.
  'hoc boi',
  'lop boi',
  // not "họ bồi thường" (a claim against the State's officials, in scope)
  'ho boi(?! thuong)',
  'day boi',
  'marathon',
  'giai chay',
  'phong tap',
  'gym',
  'hoi vien',
  'the thanh vien',
  'the thu vien',
  'cong sinh vien',
  'the gui xe',
  'the xe thang',
  // A bank's or a carrier's own rules: the card's PIN, the SIM kept in the owner's name.
  'ma pin',
  'nha mang (?:nhan tin|nhan|bat|bao|goi|khoa|yeu cau)',
  'chuan hoa (?:sim|thue bao|thong tin thue bao)',
  'goi cuoc',
  'khoa sim',
  // Care of the body: the hospital's declaration and sick note, a check-up, a rash, which hospital.
  // Not "giấy ra viện" and "nghỉ ốm" (the sickness allowance, a commune record on the full catalogue).
  'khai bao y te',
  'giay nghi om',
  'so kham benh',
  'kham thai',
  'phat ban',
  'noi ban',
  'benh vien nao',
  // A baby's nights and a name chosen for its sound, not the birth registration told beside them.
  'quay khoc',
  'khoc da de',
  'khoc dem',
  '(?:dat|chon) ten(?: [a-z0-9]+){0,6} (?:cho dep|cho hay|dep nhat|hay nhat)',
  // Fear for one's data handed to a landlord or a shop.
  'lo thong tin',
];

/**
 * One of the ward's papers only shown or handed over ("có cần mang theo căn cước không", "đưa căn
 * cước ra", "giữ bản photo căn cước"), in a question already about everyday life: a word of that
 * story, not the card asked for. Alone it says nothing (a question with no everyday word keeps it);
 * a copy of the card to certify ("photo căn cước") and a household moved ("đưa hộ khẩu về") are
 * the ward's, so neither is among these words.
 */
export const PAPER_SHOWN =
  '(?:mang theo|dem theo|cam theo|dua|xuat trinh|giu)(?: ban photo| cai| the)* (?:can cuoc|cccd|cmnd|chung minh nhan dan)(?: ra)?';
