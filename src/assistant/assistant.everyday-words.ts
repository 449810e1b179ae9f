import { LAWS_COUNTRIES } from './assistant.countries';
import { EVERYDAY_ADVICE } from './assistant.everyday-advice';
import { EVERYDAY_KINDS, PAPER_FOR_A_PET } from './assistant.everyday-kinds';
import { unlessBusiness } from './assistant.near-siblings';

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
  // a gym's or a club's members' card, not an association's members ("hội viên mới bầu chủ nhiệm")
  'the hoi vien',
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

/** Other countries, as citizens name them (folded): whose own rules and visas are no procedure here (assistant.countries.ts, `laws`). */
const COUNTRY = `(?:${LAWS_COUNTRIES.join('|')})`;

/**
 * Everyday life, folded (no marks; y as i is done by assistant.intent.ts's `b`, which reads this list
 * as its OFF_TOPIC): weather, prices, shopping, health, school, travel, other countries' rules… —
 * what a question about them asks is no procedure of the ward's, unless an administrative word
 * of its own says otherwise (assistant.intent.ts, `readIntents`).
 */
export const EVERYDAY: string[] = [
  'thoi tiet',
  'du bao',
  'nhiet do',
  // "mưa bão" (the weather) — folded, "mua bảo hiểm" (buying an insurance) says it too (pass 19)
  'mua bao(?! hiem)',
  'gia vang',
  'vang sjc',
  'ti gia',
  // "đô la" by an amount, a rate or a currency ("100 đô la", "tỷ giá đô la", "đô la Mỹ", "đô la chợ
  // đen"), or opening the question: folded, "đó là" (that is) of a story says it too (pass 27:
  // "ngân hàng đòi giấy xác nhận hai tên đó là một người" was declined as everyday).
  '(?<!.)do la|(?<=(?:\\d|mot|hai|ba|nam|muoi|tram|nghin|ngan|trieu|doi|gia|ban|mua|tien|dong) )do la|do la(?= (?:mi|uc|canada|sing|cho den|hom nai|bua nai|nam nai|bao nhieu|tang|giam|len|xuong|ra|sang))',
  'usd',
  'chung khoan',
  'co phieu',
  'bitcoin',
  'tien ao',
  'xo so',
  've so',
  'bong da',
  'da bong',
  'doi tuyen',
  'tran dau',
  'thi dau',
  'world cup',
  've mai bai',
  've tau',
  've xe',
  'dat ve',
  // a trip, not a business ("dịch vụ du lịch", "du lịch sinh thái" on a farm, a forest, a reservoir)
  '(?<!(?:dich vu|kinh doanh|lam|thuien|tau|khu|hoat dong|giai phep) )du lich(?! (?:sinh thai|trai nghiem|cong dong|the thao))',
  'khach san',
  'nau an',
  'cong thuc nau',
  // a bowl of phở asked, not the phở shop a household business is registered for ("mở quán phở hộ kinh doanh")
  unlessBusiness('quan pho'),
  // not "ngón tay", "ngón chân" (a work accident)
  'ngon(?! (?:tai|chan))',
  'bai hat',
  'ca si',
  'nghe nhac',
  'phim',
  // Feasts and cakes around a birth or a death ("đặt bánh đầy tháng", "mâm cúng 49 ngày"); a card reader to buy.
  'mam cung',
  'dat banh',
  'banh (?:dai thang|thoi noi|sinh nhat|kem)',
  'dau doc',
  'lich chieu',
  'game',
  'giam can',
  // not the health insurance's "khám chữa bệnh"
  '(?<!kham )chua benh',
  'dau dau',
  'dau bung',
  'uong thuoc',
  'bac si',
  'taxi',
  'grab',
  'wifi',
  'mat khau',
  'tu vi',
  'boi toan',
  // The assistant asked to translate a sentence or a word ("dịch giùm câu này sang tiếng Anh"),
  // not a paper's translation certified ("bản dịch giấy khai sinh").
  '(?:dich|phien dich) (?:giup|gium|dum|ho|di)(?: (?:minh|em|toi|tui|to|con|cho minh|cho em|cho toi|cho tui))? (?:cau|tu|doan|chu|cai cau|cai tu|bai hat|tin nhan)',
  'chuyen cuoi',
  'ke chuyen',
  'bai van',
  // Writing poetry, not a tradesman's work told as who one is (pass 25: "lên Sài Gòn làm thợ hồ").
  'lam tho(?! (?:ho|may|xai|dien|nuoc|moc|han|son|nhom|sat|sua|cat|uon|phu|ren|bac|kim|gat|co khi|lanh|nail))',
  'giai toan',
  'bai tap',
  'nguoi ieu',
  'tinh iu',
  'gia xang',
  'xang dau',
  'tien dien',
  'tien nuoc',
  'tra gop',
  'vai tien',
  'lai suat',
  'giau nhat',
  'the gioi',
  'am lich',
  'hom nai la ngai',
  'mua sam',
  'giam gia',
  'khuyen mai',
  'xe buyt',
  'diem thi',
  'tra diem',
  'hang nao',
  'nen mua',
  'choi gi',
  'di choi',
  'an gi',
  'kiem tien',
  'dep trai',
  'facebook',
  'tiktok',
  'youtube',
  'iphone',
  // "động đất", not the "đồng đất" of "hợp đồng đất đai".
  '(?<!hop )dong dat',
  'bao lut',
  // "có bão", not the "có báo" of "có bảo hiểm" (pass 16), "có báo tử", "có báo với xã"; "bão số 3", not "xã bảo sổ không còn".
  // not "có bao nhiêu", "cỡ bao lâu" (folded, "cỡ" is "có"): an amount or a time asked
  'co bao(?! (?:tu|mat|voi|cho|cong an|len|lai|xa|phuong|tam vang|luu tru|hiem|nhieu|lau|gio))',
  'con bao',
  'bao so (?:\\d+|mot|hai|ba|bon|nam|sau|bai|tam|chin|muoi|mai)',
  // pass 26: not a shop of that trade in a household business's question (unlessBusiness)
  ...['sua mai', 'sua xe', 'dieu hoa', 'tu lanh', 'mai lanh', 'mai giat'].map(unlessBusiness),
  // Everyday asks that share words with procedures (a wedding, a name, a room, a motorbike):
  // buying and selling at a good price, choosing a name or a lucky day, wedding gifts, a
  // neighbour's noise, cooking, a baby's food and illnesses, hiring, apps' accounts.
  'gia re',
  // a good price asked ("chỗ nào giá tốt"), a name chosen for its meaning ("tên con trai hay và ý nghĩa")
  'gia tot',
  'ten(?: [a-z0-9]+){0,5} (?:hay va y nghia|dep va y nghia|y nghia nhat|co y nghia)',
  'duoc gia',
  'ten gi hai',
  'hop tuoi',
  'xem tuoi',
  'mung bao nhieu',
  'nen mung',
  'tien mung',
  'phong bi',
  'li xi',
  'hat karaoke',
  'do rac',
  'vut rac',
  'sua ca dem',
  'ngoai hang',
  'banh chung',
  'cach lam banh',
  'mon an',
  'an dam',
  'huiet ap',
  'tieu chai',
  'kieng gi',
  // pass 25: a mother's confinement after a birth ("kiêng cữ bao lâu thì được tắm"): the probe of
  // other agencies' matters, learnt, read it as the birth's record
  'kieng cu',
  // What health insurance pays at another level's hospital, a rate the law sets, no record to
  // file (pass 25, written twice: after procedures-41 and after the other agencies' probe; one
  // entry since stop 44): the insurance or a level named, then the share had ("bhyt trái tuyến
  // hưởng bao nhiêu phần trăm"), or a level named, then "được hưởng" asked ("khám ở tuyến trên
  // có được hưởng đủ không") — the model, learning those probes, read them as the refund's
  // record. Not the direct payment asked back after paying ("giờ muốn bảo hiểm thanh toán lại").
  '(?:(?:bhit|bao hiem i te|bao hiem|tuien tren|trai tuien|vuot tuien)(?: [a-z0-9]+){0,8} huong (?:du|bao nhieu phan tram|mai phan tram)|(?:tuien tren|trai tuien|vuot tuien|dung tuien)(?: [a-z0-9]+){0,3} duoc huong (?:du|bao nhieu|may|het))',
  'tuien tho',
  'tuien nhan vien',
  'tai khoan zalo',
  'tai khoan facebook',
  // Asking for advice on what to choose ("loại nào tốt", "chỗ nào uy tín", "cây gì dễ sống").
  'uy tin',
  'loai nao tot',
  'nen chon',
  'de song',
  // A divorce itself and the sharing of a couple's property are the court's (Luật Hôn nhân và gia
  // đình 2014, Điều 51–59), not the ward's: what follows it (tách hộ, đổi họ con) still is.
  'chia tai san',
  'ly hon thuan tinh',
  'ly hon don phuong',
  'thu tuc ly hon',
  'don ly hon',
  // Money: the yen and exchanging currency, loans and their interest ("vay … lãi bao nhiêu").
  'tien yen',
  'yen nhat',
  '\\d+ yen',
  'yen tinh',
  'doi tien',
  'tien viet',
  'cho vay',
  'nang lai',
  // business advice: how much capital a shop needs ("mở quán cà phê cần vốn bao nhiêu")
  'can (?:it nhat |khoang )?von bao nhieu',
  // Another country's own rules ("luật kết hôn ở Hàn Quốc", "quy định bên Nhật"): no procedure
  // of Vietnam's. "Anh" is left out (the pronoun: "quy định … của anh").
  `(?:luat|quy dinh|phap luat)(?: [a-z0-9]+){0,5} (?:o|cua|ben|tai) (?:nuoc )?${COUNTRY}(?! luat)`,
  // … and its taxes ("thuế thu nhập cá nhân bên Mỹ tính theo bậc", pass 27).
  `thue(?: [a-z0-9]+){0,5} (?:o|cua|ben|tai) (?:nuoc )?${COUNTRY}`,
  // … or named right after the word ("theo luật Nhật", "luật Mỹ"); not "luật pháp".
  `(?:luat|quy dinh) (?:nuoc )?(?!phap)${COUNTRY}`,
  // A visa to go to another country ("xin visa du lịch Pháp", "visa đi Nhật"): its embassy's.
  // A foreigner's visa in Vietnam ("gia hạn visa ở Việt Nam") is the immigration office's.
  `(?:xin |lam )?(?:visa|thi thuc)(?: (?:di|sang|du lich|du hoc|nuoc|cua))*(?: nuoc)? ${COUNTRY}`,
  // Work, school and the State's leaders, where "xin", "phép" and "chủ tịch" are no procedure's:
  // looking for a job, a part-time one, changing schools, admission marks, who leads the country.
  // Not "hồ sơ xin việc" alone: the papers for a job are the ward's copies and signatures.
  '(?:(?:xin|tim) )?viec lam (?:them|ban thoi gian|part time)|tim viec|ban thoi gian|part time|tuien dung',
  '(?:xin(?: phep)? )?chuien truong|hoc them|diem chuan',
  'chu tich nuoc|thu tuong|tong bi thu',
  // Savings at a bank and leave from work: "sổ" and "xin" of everyday life.
  'so tiet kiem',
  'xin nghi phep',
  // Not a worker abroad home on leave (pass 25: "về nước nghỉ phép 10 ngày, tranh thủ đăng ký kết hôn").
  '(?<!ve (?:nuoc|que|viet nam|vn|nha) )nghi phep',
  // not "vậy … xã lấy nhiêu tiền" (folded, "vậy" is "vay" and "lấy" is "lãi"): the office charging (pass 23)
  'vay(?: [a-z0-9]+){0,7} (?<!(?:xa|phuong|uy ban|cong an|ho|can bo|nha nuoc) )lai (?:bao nhieu|suat|hang thang|cao|thap|moi thang|mot thang|nhieu)',
  // Where to buy something nice or cheap ("mua ví da … ở đâu đẹp", "sắt thép chỗ nào giá tốt"), a
  // shop's stock ("nhập hàng ở chợ đầu mối"); a pet name "dễ thương", a name "hay và ý nghĩa";
  // a newborn's jaundice, formula milk; an aquarium's fish.
  // (pass 24: up to ten words of what it is, "mua ví da đựng thẻ căn cước với thẻ ngân hàng ở đâu đẹp")
  'mua(?: [a-z0-9]+){1,10} (?:o dau|cho nao) (?:dep|re|tot|gia tot|uy tin)',
  'gia tot',
  'nhap hang',
  'cho dau moi',
  'de thuong',
  'i nghia',
  'vang da',
  'sua cong thuc',
  'ca canh',
  // Customs of a wedding, a funeral, a region ("cưới vợ miền Tây cần biết phong tục gì"): no
  // paper. Not a couple living "theo phong tục", unregistered: their marriage is the ward's.
  '(?<!theo )(?:phong|tap) tuc',
  ...EVERYDAY_BORROWED,
  ...EVERYDAY_KINDS,
  ...EVERYDAY_ADVICE,
  PAPER_FOR_A_PET,
];
