import { fold, normalizeToneSyllable } from '../shared/vietnamese';
import { accentForm } from './assistant.text';
import { EVERYDAY, PAPER_SHOWN } from './assistant.everyday-words';
import { MODAL_OBLIGATION } from './assistant.near-siblings';
import { institutionsTold } from './assistant.institutions';
import { FACT_ASKS, POINTED_MATTER } from './assistant.fact-asks';
import { BORROWING, DOMAIN_WORDS, OWN_PAPER_OF_THE_WARD_WORDS, PAPER_OF_THE_WARD_WORDS, PEOPLE_OF_THE_STORY, PURPOSES_OF_THE_STORY } from './assistant.domain-words';

/**
 * What a question asks, read from its folded syllables (no marks, đ→d, y→i): the papers, the
 * time, the fee, where and when to go, online submission, the steps, the forms, the conditions,
 * a dossier's status, a greeting or thanks, a wish to talk to a person — and whether it is about
 * something a one-stop office does not handle at all. The words that only say *what is asked*
 * ("cần giấy tờ gì", "mất bao lâu") are taken out before the procedure is looked up.
 */

export const ASPECTS = ['papers', 'time', 'fee', 'place', 'online', 'steps', 'forms', 'conditions'] as const;
export type Aspect = (typeof ASPECTS)[number];
export type Intent = Aspect | 'procedure' | 'status' | 'greeting' | 'thanks' | 'human' | 'out_of_scope' | 'ticket' | 'booking';

export interface IntentReading {
  /** Aspects asked about, in the order they appear. */
  aspects: Aspect[];
  status: boolean;
  greeting: boolean;
  thanks: boolean;
  human: boolean;
  /** Refers back to what was discussed ("thế phí bao nhiêu", "thủ tục đó"). */
  followUp: boolean;
  /** Words of a topic outside any administrative procedure (weather, gold price, football…). */
  offTopic: boolean;
  /** Words that make it a question about papers and offices at all. */
  inDomain: boolean;
  /** Names the office itself (bộ phận một cửa, ủy ban, phường). */
  office: boolean;
  /** Syllable indices that only expressed the intent. */
  consumed: Set<number>;
  /** Syllable indices of the words of everyday life (`offTopic`): the story, not a procedure's topic. */
  everyday: Set<number>;
}

/** Patterns are written without marks; y is folded to i as the search folds it (lý/lí). */
const b = (s: string) => new RegExp(`(?:^| )(?:${s.replace(/y/g, 'i')})(?= |$)`, 'g');

/** "khoảng", "tầm", "chừng" before an amount or a time: part of the question, not its subject. */
const ABOUT = '(?:khoang |chung |tam |tam khoang |khoang chung )?';
/** After a time asked: what one then gets ("thì lấy được giấy", "mới có kết quả", "là xong"). */
const GETS = '(?: (?:thi|moi|la))?(?: (?:co|xong|duoc|lay|nhan|tra|lam|cam|duyet)(?: duoc)?(?: cap| duyet)?(?: (?:ket qua|giai chung nhan|giai phep|giai to|giai|the|so|ban chinh|ban sao|trich luc|quiet dinh))?)?';
/** Which office or counter ("đâu", "chỗ nào", "phường nào", "bộ phận nào"). */
const WHICH_PLACE = '(?:dau|cho nao|noi nao|co quan nao|phong nao|quay nao|bo phan nao|phuong nao|xa nao|cong an nao|uy ban nao)';
/** Particles a question may end with ("ạ", "hả", "vậy", "rứa", "hè", "nè"…). */
/** Whom the citizen addresses at the end ("hết nhiêu vậy cô", "nộp chỗ nào anh ơi"): no part of what is asked. */
const ADDRESSEE = '(?: (?:co|chu|anh|chi|em|bac|cau|di|oi|ban|ad|admin))*';
const TAIL = `(?=(?: (?:a|ha|vay|the|nhe|nha|nhi|ad|rua|ri|khong|ko|hong|he|hen|ne))*${ADDRESSEE}(?: (?:a|ha|nhe|nha))?$)`;

const ASPECT_PATTERNS: Array<[Aspect, RegExp]> = [
  // Pass 24's ways of asking a fact (assistant.fact-asks.ts), read first.
  ...FACT_ASKS.map(([aspect, pattern]): [Aspect, RegExp] => [aspect, b(pattern)]),
  // "khai xong bao lâu có kết quả", "gửi xong mấy ngày thì có": the act done, then the time asked
  // (a follow-up's "khai" is no procedure's word then).
  ['time', b(`(?:khai|khai bao|gui|bao) xong(?: thi)? (?:bao lau|bao gio|khi nao|may ngai|may hom|may bua|chung nao)${GETS}`)],
  // "nộp hôm nay thì khi nào có", "làm thứ hai thì bao lâu": the day it is handed in, before the time asked.
  ['time', b('(?:nop|lam|gui)(?: ho so)? (?:hom nai|sang nai|chieu nai|bai gio|hom qua|ngai mai|mai|thu (?:hai|ba|tu|nam|sau|2|3|4|5|6))(?: thi)?(?= (?:khi nao|bao gio|hom nao|ngai nao|bao lau|may ngai|may hom|chung nao|luc nao))')],
  ['time', b(`(?:(?:nop|lam)(?: ho so)? )?(?:xong |roi )?(?:(?:mat|trong|het|lam|doi|cho) )?${ABOUT}(?:bao lau|bao nhieu lau|bao nhieu ngay|may ngay|may hom|may bua|may tuan|bao nhieu thoi gian)(?: lam viec)?${GETS}`)],
  // "mất nhiêu ngày" (folded, "nhiêu" and "nhiều" are one): how many days.
  ['time', b(`(?:mat|het|lam|trong) nhieu (?:ngai|hom|bua|tuan)(?: lam viec)?${GETS}${TAIL}`)],
  ['time', b('(?:thoi gian|thoi han)(?: giai quyet| xu li| lam| tra ket qua)?(?: la)?(?: bao lau)?')],
  ['time', b(`(?:xong |roi )?${ABOUT}(?:bao gio|khi nao|hom nao|ngay nao|chung nao|luc nao)(?: thi)?(?: (?:di|den|toi|ra|len|qua))? (?:co|xong|lay|nhan|duoc|tra)(?: duoc)?(?: (?:ket qua|giai to|giai|the|so))?`)],
  ['time', b('lau (?:khong|ko)|co nhanh(?: khong)?|(?:lam|giai quyet) nhanh')],
  // "một tuần có xong không", "3 ngày có lấy được chưa": a time named, asked whether it is enough.
  ['time', b('(?:mot|1|hai|2|ba|3|bon|4|nam|5|bai|7|muoi|10) (?:tuan|ngai|hom|buoi) (?:co |thi |la )?(?:xong|lai|nhan|duoc|co ket qua)(?: duoc)?(?: khong| ko| chua)')],
  // "làm trong mấy giờ", "mất mấy tiếng", "bao nhiêu tiếng thì xong": how long, in hours — unlike
  // "mấy giờ mở cửa", which asks the opening hours (place).
  ['time', b(`(?:(?:mat|trong|het|doi|cho|lam|xong|tra) ${ABOUT}(?:may|bao nhieu) (?:gio|tieng)(?: dong ho)?|${ABOUT}(?:may|bao nhieu) tieng)(?: lam viec)?${GETS}`)],
  ['time', b('(?:co )?(?:lai|nhan|lam|xong|tra) (?:ngai|luon|trong ngai|lien|tai cho)(?: trong (?:buoi|ngai))?(?: duoc)?(?: khong| ko)?')],
  // "tốn nhiêu tiền", "lệ phí nhiêu", "giá nhiêu một trang": "nhiêu" alone says "bao nhiêu" — not
  // "mất nhiều thời gian", which is no amount.
  ['fee', b(`(?:le phi|phi|gia|mat|ton|het|dong|nop|tra|thu|lai) nhieu (?:tien|xien)|(?:le phi|phi|gia|mat|ton|het|dong|nop|tra|thu|lai) nhieu(?: (?:mot|1) (?:trang|ban|lan|bo))?${TAIL}`)],
  ['fee', b('(?:mat|ton|het|dong|nop|tra) (?:bao nhieu )?(?:tien|phi|le phi)(?: la)?(?: bao nhieu)?(?: khong)?')],
  // "tốn nhiêu, mấy ngày có": "nhiêu" with the next thing asked after it.
  ['fee', b('(?:le phi|phi|ton|het|dong|tra) nhieu(?= (?:may|bao lau|bao gio|khi nao|o|nop|can|voi|va|con)(?: |$))')],
  // "có thu phí không", "có lấy tiền hông": charged or not — but "thu tiền sử dụng đất", "lấy
  // tiền bảo hiểm", "tính lại tiền" (folded, "lấy" is "lại") name what the procedure is about.
  ['fee', b(`(?:co )?(?:thu|lay) (?:phi|le phi)|(?:co )?(?:thu|lay) tien(?: (?:khong|ko|hong))?${TAIL}`)],
  ['fee', b(`(?:(?:phai|can) )?(?:het|ton|mat|dong|nop|tra|thu|lay) ${ABOUT}(?:bao nhieu|nhieu khong)(?: tien| xien|(?! (?:ban|bo|to|trang|nguoi|lan|ngai)))`)],
  // "mỗi bản giá mấy", "một trang nhiêu tiền", "còn tiền thì sao" (a follow-up asking the money): the fee.
  ['fee', b(`(?:gia|phi|le phi) may${TAIL}|(?:mot|1|moi) (?:trang|ban|lan|bo|to) (?:gia )?nhieu (?:tien|xien)|con (?:tien|tien bac|tien nong|chi phi)(?: thi)?(?: sao| the nao| ra sao)?(?=(?: (?:a|ha|vay|the|nhe|nha|nhi|ad|rua|ri|em|chi|anh|ban))*$)`)],
  // "có tốn đồng nào không", "mất xu nào không".
  ['fee', b('(?:het|ton|mat|dong|tra) (?:dong|xu|tien) (?:nao|gi)(?: khong| ko)?')],
  // "Khoản" (a sum) paid or taken: "đóng khoản tiền nào", "xã có thu khoản nào không", "tốn khoản gì".
  ['fee', b('(?:het|ton|mat|dong|nop|tra|thu|lay)(?: (?:them|cac|nhung))? khoan (?:(?:tien|phi|le phi|chi phi)(?: (?:nao|gi|chi))?|nao|gi|chi)')],
  // "lệ phí kết hôn là bao nhiêu", "khai sinh bao nhiêu ạ": an amount asked at the end is the fee.
  // "bao nhiêu 1 trang", "bao nhiêu một bản": a price per page — "bao nhiêu bản" alone is a count.
  ['fee', b('(?:la |het |mat |ton )?bao nhieu (?:tien )?(?:mot|1|moi) (?:trang|ban|lan|bo|to)')],
  ['fee', b('(?:la |het |mat )?bao nhieu(?=(?: (?:vay|a|ha|nhi|ad|the|nhe|nha))*$)')],
  ['fee', b('(?:phi|le phi) tinh(?: the nao| nhu the nao| ra sao| sao)?|tinh (?:phi|tien)(?: the nao| nhu the nao| ra sao| sao)?')],
  ['fee', b(`(?:mat |het |ton |lay )?${ABOUT}(?:may|bao nhieu) (?:nghin|ngan|tram|trieu|dong|xu|tien|xien)(?: mot| 1)?(?: trang| ban| lan)?`)],
  // Chat spelling of "bao nhiêu" ("tốn bi nhiêu vậy") and the tens asked ("xã thu mấy chục",
  // "tốn vài chục nghìn" — not "mất mấy chục năm"): the fee.
  ['fee', b(`(?:le phi|phi|mat|ton|het|dong|tra|thu) bi nhieu|bi nhieu(?=(?: (?:vay|a|ha|nhe|nha|nhi|ad|rua|ri))*$)|(?:thu|mat|ton|het|dong|tra|lay) ${ABOUT}(?:may|vai) chuc(?: (?:nghin|ngan))?(?! (?:nam|ngai|hom|tuan|thang|gio|phut|nguoi|ban|trang|lan|to))`)],
  ['fee', b(`${ABOUT}bao nhieu (?:tien|xien)|(?:co )?(?:mien phi|ton kem)(?: khong)?|(?:tien )?(?:le phi|chi phi|phi)(?! nong)(?: la| het| mat)?(?: bao nhieu| the nao| nhu the nao)?|gia (?:bao nhieu|the nao)`)],
  ['place', b(`(?:nop|lam|xin|lay|gui|bao)(?: ho so| giay to| don)?(?: (?:o|tai|den|toi|di|len|ra))? ${WHICH_PLACE}|(?:o|tai|den|toi|di|len|ra) ${WHICH_PLACE}`)],
  // "đến công an nào", "lên ủy ban hay công an", "làm ở phường hay ở quận": which office.
  ['place', b('(?:(?:nop|lam) )?(?:o|tai|den|toi|len|ra|nop|lam) (?:cong an|uy ban|ubnd|phuong|xa|quan|huien|co quan|bo phan)(?: (?:phuong|xa|quan|huien))? nao')],
  ['place', b('(?:(?:o|tai|den|toi|len|ra) )?(?:cong an|uy ban(?: nhan dan)?|ubnd|phuong|xa|quan|huien|tinh|so)(?: (?:phuong|xa|quan|huien))?(?: (?:minh|nha minh|toi|em|dang o|cu tru|thuong tru|tam tru))? hai (?:(?:o|tai|den|toi|len|ra) )?(?:cong an|uy ban(?: nhan dan)?|ubnd|phuong|xa|quan|huien|tinh|so|nha)')],
  // "làm ở đây được không", "phường mình có làm không": whether this office does it.
  ['place', b('(?:lam|nop|xin)(?: ho so)? (?:o|tai) dai (?:co )?duoc (?:khong|ko|hong)|(?:phuong|xa|uy ban|cong an)(?: phuong| xa)? (?:minh|nai) co (?:lam|nhan|giai quyet|cap)(?=(?: [a-z0-9]+){0,5} (?:khong|ko|hong)$)')],
  // "có phải ra công an không", "phải lên ủy ban xã à": whether it is that office ("không phải lên
  // công an" is the wish to do it online).
  ['place', b('(?<!(?:khong|ko|chang|hong) )(?:co )?phai (?:ra|len|den|toi|ve|di|xuong) (?:cong an|uy ban(?: nhan dan)?|ubnd|phuong|xa|quan|huien|tinh)(?: (?:phuong|xa|quan|huien))?(?: khong| ko| hong| a)?')],
  // Who takes it: "nộp cho ai", "gửi hồ sơ cho ai", "tìm ai", "ai nhận hồ sơ", "cơ quan nào có thẩm quyền"
  // ("ai nhận" with what is taken: folded, "anh ấy nhận là cha" is "anh ai nhan").
  ['place', b('(?:nop|gui|dua)(?: ho so| giay to| don)? cho ai|tim ai|(?<!(?:anh|chi|ong|ba|co|chu|bac|em|nguoi|cau|ben|nha|hom|luc|cai|do|ki|ngai|thang|nam) )ai (?:ki|cap|duiet)(?=(?: (?:a|ha|vay|the|nhe|nha|nhi|ad|rua|ri))*$)|ai (?:nhan|tiep nhan|giai quyet|lam|ki) (?:ho so|giay to|don)|(?:co quan|cap|noi) nao (?:co )?tham quyen(?: giai quyet)?|tham quyen giai quyet')],
  // Which of two places: "phường nơi đã khai sinh hay nơi đang ở", "ở xã nơi đăng ký trước hay nơi
  // thường trú" — the words after each "nơi" tell the places, not the procedure.
  ['place', b('(?:(?:nop|lam) )?(?:(?:o|tai|den|len|ra) )?(?:(?:phuong|xa|uy ban|cong an) )?noi(?: [a-z0-9]+){1,6} hay (?:la )?(?:(?:o|tai) )?(?:(?:phuong|xa) )?noi(?: [a-z0-9]+){1,4}')],
  // Central "mô" for "đâu" ("nộp ở mô", "đi mô rứa"), and "chỗ nào", "phòng nào" ending the question.
  ['place', b(`(?:(?:nop|lam|xin|lay|gui|bao|o|tai|den|toi|di|len|ra|cho|noi|phong) )+mo${TAIL}|(?:cho|noi|phong|quay|bo phan|co quan) nao${TAIL}`)],
  // … with another verb of going or bringing before it ("gửi về mô", "đem tới chỗ mô", "mang vô
  // mô"), or the one asked named after it ("chỗ mô cô", "nộp ở mô chú", "về mô ơi").
  ['place', b(`(?:gui|dem|mang|dua|nop|di|len|ra|ve|vo|qua|toi|den|o|tai|cho)(?: (?:ve|vo|qua|toi|den|len|ra|o|tai|cho))* mo(?: (?:co|chu|anh|chi|em|bac|oi|hi|ho))+${TAIL}|(?:gui|dem|mang|dua) (?:ve|vo|qua|toi|den|len|ra)(?: (?:o|tai|cho))? mo${TAIL}`)],
  // "Chỗ nào" asked, then another fact: "đi đổi chỗ nào và chờ mấy ngày", "nộp chỗ nào rồi bao lâu có".
  ['place', b('(?:cho|noi|quay|bo phan|co quan) nao(?= (?:va|roi|voi|con|cung|them) )')],
  // … and "mô" with more of the question after it: "lên chỗ mô làm", "nộp ở mô, tốn nhiêu" (not
  // "mô tô", "mô hình": only a word that goes on asking may follow).
  ['place', b('(?:(?:nop|lam|xin|lay|gui|bao) )?(?:o|tai|den|toi|len|ra|cho|noi) mo(?= (?:lam|nop|xin|lai|thi|roi|ton|mat|het|le phi|phi|can|phai|bao lau|may|voi|va|con)(?: |$))')],
  // "báo cho ai", "hồ sơ gửi ai", "đơn nộp ai vậy": who takes it, without "cho" before "ai" at the end.
  ['place', b(`(?:thong )?bao cho ai|(?:nop|gui|dua)(?: ho so| giai to| don)? ai${TAIL}`)],
  // "ghé đâu", "qua chỗ nào", "dẫn nó về đâu": other verbs of going, ending the question or before
  // what it goes on asking — not "vào đầu năm", "qua đầu" (folded, "đầu" is "đâu").
  ['place', b(`(?:ghe|ghe qua|qua|xuong|ve|vo|vao|chai ra|chai len) ${WHICH_PLACE}(?=(?: (?:a|ha|vay|the|nhe|nha|nhi|ad|rua|ri|khong|ko|hong|lam|nop|xin|duoc|de lam))*$)`)],
  // "làm ở phường hay phải lên tới quận", "xin bên công an hay bên ủy ban": which of two offices,
  // with "bên", "phải", "lên tới" between them.
  ['place', b('(?:(?:o|tai|den|toi|len|ra|ben) )?(?:cong an|uy ban(?: nhan dan)?|ubnd|phuong|xa|quan|huien|tinh|so)(?: (?:phuong|xa|quan|huien))? hai(?: la)?(?: phai)?(?: (?:o|tai|den|toi|len|ra|ben|ve|xuong|qua))+ (?:cong an|uy ban(?: nhan dan)?|ubnd|phuong|xa|quan|huien|tinh|so)')],
  // "chứng thực ở phường được không hay ra công chứng": whether that office does it.
  ['place', b('(?:o|tai) (?:phuong|xa|uy ban(?: nhan dan)?|ubnd|cong an)(?: (?:phuong|xa))? (?:co )?(?:lam )?duoc (?:khong|ko|hong)')],
  ['place', b('o dau|(?:xin |cho (?:minh|toi|em) )?dia chi(?= (?:o dau|cua (?:phuong|xa|uy ban|bo phan|mot cua|cong an|trung tam)|phuong|xa|uy ban|bo phan|mot cua|la gi)|$)|(?:co quan|noi|ai) (?:nao )?(?:giai quyet|tiep nhan|cap)')],
  // Which of two offices, the second the commune's: "nộp cho văn phòng đất đai hay đem lên xã",
  // "gửi bên thuế hay ra phường" ("hay" folds to "hai").
  ['place', b(`(?<=(?:nop|gui|dua|dem|mang)(?: [a-z0-9]+){1,14} )hai (?:la )?(?:(?:dem|mang|nop|gui|phai|di) )?(?:len|ra|ve|den|toi|xuong|o|tai|cho) (?:uy ban(?: nhan dan)?|ubnd|phuong|xa|quan|huien|cong an)(?: (?:phuong|xa|quan|huien))?${TAIL}`)],
  // "địa chỉ nộp hồ sơ", "nơi nộp".
  ['place', b('(?:dia chi|noi) (?:nop|tiep nhan|lam)(?: ho so| giay to)?')],
  ['place', b('(?:gio|lich) (?:lam viec|mo cua|hanh chinh|tiep dan)|may gio|gio nao|mo cua|lam viec (?:vao )?(?:gio nao|may gio|ngay nao|thu may)|(?:thu bai|thu 7|chu nhat|cuoi tuan|ngai nghi|ngai le)(?: co)?(?: lam viec| lam| mo cua| nhan| tiep nhan| giai quyet)?(?: (?:ho so|giai to))?')],
  ['online', b('(?:nop |lam |dang ki )?(?:truc tuyen|online|onl|qua mang|tren mang|dich vu cong|cong dich vu cong|qua dien thoai|tren dien thoai|qua app|tren app|qua zalo|qua vneid)(?: duoc)?(?: khong)?')],
  ['online', b('khong (?:can|phai) (?:den|di|len)(?: tan noi)?|(?:hay |hay la )?phai (?:den|di|len|ra) (?:tan noi|truc tiep)(?: khong)?')],
  // "…hay bắt buộc tới trụ sở", "hay phải lên tận ủy ban": going in person, against doing it online.
  ['online', b('(?:hay |hay la )(?:bat buoc|phai|bat buoc phai) (?:den|di|len|ra|toi|xuong)(?: tan)? (?:tan noi|truc tiep|tru so|co quan|uy ban|ubnd|phuong|xa|cong an)')],
  ['steps', b('(?:gom |co )?(?:cac|nhung) buoc(?: nao| gi)?|trinh tu|quy trinh|buoc nao|cach (?:thuc )?(?:lam|thuc hien|nop)|huong dan')],
  // "tờ khai sinh", "tờ khai tử": the certificate itself ("tờ" a sheet), not the form (no syllable
  // of its own here: INTENT_VOCABULARY reads the patterns, and "sanh" must stay a typo to correct).
  ['forms', b('(?:tai )?(?:mau don|mau to khai|to khai(?! (?:sinh|tu)(?: |$))|bieu mau|don mau|mau giai|file mau)(?: o dau)?|tai mau')],
  ['conditions', b('dieu kien|ai (?:duoc|co the) (?:lam|dang ki|nop)')],
  ['papers', b('(?:(?:can|phai) )?(?:mang|chuan bi|nop|gom|co|dem|cam|xuat trinh)(?: theo)?(?: nhung| cac| may)?(?: loai| cai)? (?:giai to|giai|ho so|thu)(?: gi| nao| nhung gi)')],
  ['papers', b('(?:can|phai|ieu cau|doi hoi)(?: co)?(?: nhung| cac)?(?: loai)? (?:giai to|giai|ho so|thu)(?: gi| nao| nhung gi)')],
  ['papers', b('(?:giai to|ho so|thanh phan ho so)(?: can)?(?: phai)?(?: gom)?(?: co)?(?: nhung)? (?:gi|nao)|(?:giai to|ho so)(?: can| phai)?(?: lam)? (?:nhu )?(?:the nao|ra sao)|giai to can thiet')],
  // "cần photo những gì", "có cần mang bản chính không", "còn giấy tờ thì sao".
  ['papers', b(`(?:(?:can|phai) )?(?:photo|pho to|sao|in|chup)(?: nhung| cac)?(?: giai)? gi|(?:co )?(?:can|phai) (?:mang|dem|nop|xuat trinh|co) (?:ban chinh|ban sao|ban goc|ban photo) (?:khong|ko|hong|hay (?:ban )?(?:chinh|sao|photo|goc))|con (?:giai to|ho so)(?: thi)?(?: sao| the nao| ra sao)?${TAIL}`)],
  // The papers named first, then what is done with them: "giấy tờ cần chuẩn bị", "hồ sơ phải mang
  // theo", "cần mang gì theo".
  ['papers', b('(?:giai to|ho so)(?: gi)? (?:can|phai|can phai)(?: (?:chuan bi|mang|dem|nop|co))(?: theo| san)?|(?:can |phai )?(?:mang|dem) (?:gi|chi) theo')],
  // Central "chi" for "gì" ending the question: "đem theo chi", "cần giấy chi", "chuẩn bị sẵn giấy tờ
  // chi nữa" (folded, "chi" is also "chị": only before the question's end).
  ['papers', b(`(?:(?:can|phai) )?(?:mang|dem|cam|chuan bi|gom|can|xuat trinh|sam sua|sam)(?: theo| san| truoc)?(?: nhung| cac| may)?(?: loai| cai| to| thu)?(?: giai to| giai ma| giai me| giai| ho so| thu| to)? chi(?: nua)?${TAIL}`)],
  // "Giấy má" (papers, said loosely; "má" is read as "mẹ" by then) asked: "cần giấy má gì",
  // "chuẩn bị giấy má chi trước khi lên".
  ['papers', b('(?:(?:can|phai) )?(?:(?:mang|dem|cam|chuan bi|nop|co)(?: theo| san| truoc)? )?(?:nhung |cac )?giai (?:ma|me) (?:gi|chi|nao)')],
  // Pass 23 (r8facts), how citizens ask the facts: "mang cái gì", "đem theo mấy cái gì" (the papers);
  // "có kịp thứ sáu này không", "tuần này kịp không" (the time, asked against a day); "có cần giấy
  // đồng ý của chủ hộ không", "có cần hợp đồng thuê nhà không" (a paper named, asked whether it is
  // needed — not "giấy phép", which is the procedure itself); "hết nhiêu, lên đâu nộp" (the fee,
  // then where).
  ['papers', b('(?:(?:can|phai) )?(?:mang|dem|cam|chuan bi|gom|nop|sam)(?: theo| san)?(?: nhung| may| cac)? cai (?:gi|chi|nao)(?: theo)?')],
  ['time', b(`(?:co )?kip(?! thoi)(?=(?: [a-z0-9]+){0,4} (?:khong|ko|hong|chua)${TAIL})`)],
  ['papers', b(`(?:co )?(?:can|phai|bat buoc)(?: phai)?(?: (?:co|mang|dem|nop|xuat trinh))? (?:giai(?! phep)|giai to|hop dong|ban sao|ban chinh|ban goc|ban photo|so ho khau|so hong|so do|the can cuoc|can cuoc|xac nhan|van ban|xet nghiem|anh|hinh|chu ki)(?=(?: [a-z0-9]+){0,6} (?:khong|ko|hong)${TAIL})`)],
  ['fee', b('(?:le phi|phi|ton|het|dong|tra|mat) nhieu(?= (?:len|ra|den|toi|lam|mang|dem|thi|nop|cho|phai)(?: |$))')],
  ['papers', b('(?:(?:can|phai) )?(?:mang|dem|cam|chuan bi|gom|nop)(?: theo)?(?: nhung)? gi|(?:can|phai co|can co)(?: nhung)? gi|thanh phan ho so|can (?:nhung )?giai to|ho so gom|giai to can')],
];

// General "how" words: they say a procedure is wanted, nothing more specific.
const GENERAL = b('nop (?:ho so|giai to)|(?:la )?bao nhieu|nhu the nao|lam the nao|the nao|ra sao|lam sao|the nao|nhu nao|lam gi|kieu gi|kieu nao|cach nao|thu tuc(?: hanh chinh)?|duoc khong|co duoc khong|khong a|duoc ko|nhu vai|voi lai|va lai|(?:cho )?hoi them|(?:a|o|u|ua) quen(?: mat)?|' + MODAL_OBLIGATION)

// The office itself ("bộ phận một cửa", "ủy ban phường"): where to go, not which procedure.
const OFFICE = b('bo phan(?: mot cua)?|mot cua|uy ban(?: nhan dan)?(?: phuong| xa)?|ubnd|trung tam phuc vu hanh chinh cong|trung tam hanh chinh cong|hanh chinh cong|phuong|xa|thi tran|cong an (?:phuong|xa)|van phong');

const STATUS = [
  b('(?:tinh trang|tra cuu|theo doi|kiem tra|xem) (?:ho so|ket qua ho so)'),
  b('ho so (?:cua )?(?:toi|minh|em|anh|chi|tui|nha minh)(?: da| dang| bao gio| den dau| sao)?'),
  b('ho so (?:da|dang) (?:nop|gui|xu li|giai quyet)|ma ho so|(?:den|toi) dau roi|sao chua (?:co|xong|tra)'),
];
// "mới chào đời" is a birth, not a greeting. Staff addressed in it ("thưa cán bộ", "kính gửi anh
// chị cán bộ phường", "cán bộ ơi") are who the citizen writes to, not the "cán bộ" a procedure sends
// home (a mobile registration): the greeting takes them. A letter's salutation ("kính gửi UBND
// phường", "kính thưa") greets too.
const ADDRESSED = '(?:(?:da |vang )?(?:xin chao|chao|thua|kinh thua|kinh gui|gui)(?: cac)?(?: anh| chi| co| chu| bac| ong| ba)*(?: can bo| chu can bo| co can bo)(?: phuong| xa| tu phap| mot cua| tiep dan| dia chinh)?|(?:anh |chi |co |chu |cac )?can bo (?:oi|a oi))';
const GREETING = b(`${ADDRESSED}|kinh gui|kinh thua|xin chao|chao(?! doi)(?: ban| em| anh| chi| ad| admin| tro li| bot| ca nha)?|alo|a lo|hey|hello|good morning`);
const THANKS = b('cam on(?: ban| em| anh| chi| nhieu| nhe| nha| a)*|cam ong|cam onn|thank you|ok(?:e|ay)?|duoc roi|hieu roi|vang a|da vang|tot qua');
const HUMAN = b('(?:gap|noi chuyen(?: voi)?|ket noi(?: voi)?|chuyen(?: cho)?|lien he(?: voi)?|hoi) (?:voi )?(?:can bo|nguoi that|nhan vien|tong dai|tu van vien|nguoi truc)|nguoi that|can bo tu van|tong dai vien');
/**
 * What may follow a paper pointed back to ("tờ đó hết nhiêu", "mấy bản photo đó đem lên đâu",
 * "một tờ như vậy"): the question going on, or its end — not "giấy tờ do lũ cuốn trôi", "giấy tờ
 * do xã cấp", "tờ bản đồ số 7", "giấy tờ, nay đủ 18" (folded, "đó" is "do", "đồ" is "do", "này" is "nay").
 */
const ASKED_NEXT = '(?=(?: (?:thi|la|nop|het|ton|mat|o|can|phai|dem|mang|xin|cua|cho|de|lam|duoc|doi|bao|mai|khi|trong|nua|roi|vai|a|nha|nhe|khong)(?= |$)|$))';
/**
 * Opening the message (pass 24): "tôi chọn cấp lại, …", "dạ em chọn cái …" (one of the procedures
 * discussed, chosen); "đúng rồi, …", "dạ đúng vậy" (the one offered or answered, confirmed).
 */
const CHOSEN = '^(?:(?:da|vang|u) )?(?:(?:toi|em|minh|tui|con) )?(?:xin )?chon(?: (?:cai|thu tuc|so))?(?= )|^(?:(?:da|vang|u|a) )?dung (?:roi|vay|the|a)(?: (?:a|do|day|nha|nhe))?';
const FOLLOW_UP = b(`(?:thu tuc|cai|viec|vu|giai|loai) (?:do|nay|ay|kia|tren|vua roi|vua noi)|${POINTED_MATTER}|(?:(?:(?:mot|may|cai) )?to|(?:mot|may|cai|nhung) ban(?: photo| sao)?) (?:(?:do|nay|ay)${ASKED_NEXT}|nhu vay|nhu the|nhu tren)|^(?:the|vay|the con|vay con|the thi|vay thi|rua|rua con|rua thi)|thi sao|thi the nao|${CHOSEN}`);

// "giá vàng hôm nay", "giá heo hơi hôm nay": market prices.
const PRICE_TODAY = b('gia(?: [a-z0-9]+){1,3} (?:hom nai|bai gio|hien nai)');

const OFF_TOPIC = b(EVERYDAY.join('|'));
const SHOWN = b(PAPER_SHOWN);

// The administrative words, and the papers that keep the story's people and purposes in it
// (assistant.domain-words.ts).
const PAPER_OF_THE_WARD = b(PAPER_OF_THE_WARD_WORDS.join('|'));
const OWN_PAPER_OF_THE_WARD = b(OWN_PAPER_OF_THE_WARD_WORDS.join('|'));
const DOMAIN = b(DOMAIN_WORDS.join('|'));

/** Function words, with their marks: never what a question is about. */
export const ACCENTED_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'gồm tôi mình em anh chị bạn ông bà à ạ ơi nhé nha nhỉ với vậy thì là có không được muốn cần phải làm sao gì nào cho hỏi xin ở của và các những một này đó đấy đây ' +
    'thế cái việc lúc khi đi đến ra vào về nữa rồi đã đang sẽ giúp dùm giùm ừ vâng nhờ biết hả tui tao bị mà nếu để thôi vẫn còn hay hoặc ' +
    'thủ tục hành chính cách vừa luôn cũng cùng ấy nhưng nhau lắm rất như mọi ta ủa ờ rứa dạ'
  )
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => accentForm(normalizeToneSyllable(w))),
);

/** Function words folded (no marks), plus chat shorthand. */
export const STOPWORDS: ReadonlySet<string> = new Set([...[...ACCENTED_STOPWORDS].map((w) => fold(w)), 'ko', 'dc', 'j', 'ad', 'admin', 'shop', 'ak', 'uh', 'um', 'a']);

function spans(text: string, re: RegExp): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + (m[0].startsWith(' ') ? 1 : 0);
    const end = m.index + m[0].length;
    if (end > start) out.push([start, end]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/**
 * Read the intents of a question given its folded syllables. `joins(a, b)`: whether two syllables
 * make a word of the catalogue — "thế chấp" begins with "thế" but is no follow-up ("thế còn…");
 * `isWord(a, b)`: whether the word model reads them as one word (not merely side by side in some
 * name, as "an xã" of "Công an xã") — "xã hội" is no office. `told`: the institutions of the
 * story (`institutionsTold`), passed by a caller that reads them too (assistant.query.ts).
 */
export function readIntents(folded: string[], joins?: (a: string, b: string) => boolean, isWord: (a: string, b: string) => boolean = joins ?? (() => false), told: Set<number> = institutionsTold(folded)): IntentReading {
  const text = folded.join(' ');
  // Character offset → syllable index.
  const starts: number[] = [];
  let pos = 0;
  for (const s of folded) {
    starts.push(pos);
    pos += s.length + 1;
  }
  const consumed = new Set<number>();
  const consume = ([from, to]: [number, number]) => {
    for (let i = 0; i < starts.length; i++) if (starts[i]! >= from && starts[i]! < to) consumed.add(i);
  };
  const found: Array<{ aspect: Aspect; at: number }> = [];
  for (const [aspect, re] of ASPECT_PATTERNS) {
    for (const sp of spans(text, re)) {
      // A span already taken by an earlier pattern ("mất bao nhiêu ngày" is time, not fee).
      const first = starts.findIndex((s) => s >= sp[0]);
      if (first >= 0 && consumed.has(first)) continue;
      consume(sp);
      found.push({ aspect, at: sp[0] });
    }
  }
  found.sort((x, y) => x.at - y.at);
  const aspects = [...new Set(found.map((f) => f.aspect))];
  for (const sp of spans(text, GENERAL)) consume(sp);
  // A lone "xã" or "phường" that makes a word with its neighbour is that word, not the office:
  // "bảo hiểm xã hội", "trợ cấp xã hội", "địa phương".
  const officeSpans = spans(text, OFFICE).filter(([from, to]) => {
    const i = starts.indexOf(from);
    if (i < 0 || (starts[i + 1] ?? Infinity) < to) return true;
    const prev = folded[i - 1];
    const next = folded[i + 1];
    // "xã" begins its words ("xã hội", "xã viên"); "phường" may end one ("địa phương", "đơn phương").
    // A word read with the syllable before "xã" ("ở xã", "lên xã", "đường xã") is no reason.
    return !((next && !consumed.has(i + 1) && isWord(folded[i]!, next)) || (prev && folded[i] === 'phuong' && !consumed.has(i - 1) && isWord(prev, folded[i]!)));
  });
  officeSpans.forEach(consume);

  const statusSpans = STATUS.flatMap((re) => spans(text, re));
  statusSpans.forEach(consume);
  const greetingSpans = spans(text, GREETING);
  greetingSpans.forEach(consume);
  const thanksSpans = spans(text, THANKS);
  thanksSpans.forEach(consume);
  const humanSpans = spans(text, HUMAN);
  humanSpans.forEach(consume);
  const followSpans = spans(text, FOLLOW_UP).filter(([from, to]) => !(from === 0 && to === folded[0]!.length && folded[1] && joins?.(folded[0]!, folded[1])));
  followSpans.forEach(consume);
  const everydayAll = [...spans(text, OFF_TOPIC), ...spans(text, PRICE_TODAY)];
  // A doctor or a sweetheart in a question with an administrative word of its own ("bác sĩ đã ký
  // giấy báo tử", "người yêu em … đăng ký kết hôn") is a person of the story, not everyday life.
  // The administrative words are matched once, when first needed.
  let domain: Array<[number, number]> | undefined;
  const domainSpans = () => (domain ??= spans(text, DOMAIN));
  const domainOutside = (sp: Array<[number, number]>) => domainSpans().some(([from, to]) => !sp.some(([a, b2]) => a <= from && to <= b2));
  // The doctor only as a person of the story (assistant.institutions.ts, `told`): not "hành nghề bác sĩ".
  const paperNamed = spans(text, PAPER_OF_THE_WARD).length > 0;
  const ownPaperNamed = () => spans(text, OWN_PAPER_OF_THE_WARD).length > 0;
  const storyPeople = everydayAll.filter(
    ([from, to]) =>
      (PEOPLE_OF_THE_STORY.has(text.slice(from, to)) && (text.slice(from, to) !== 'bac si' || told.has(starts.indexOf(from)))) ||
      (paperNamed && PURPOSES_OF_THE_STORY.has(text.slice(from, to))) ||
      (text.slice(from, to) === BORROWING && ownPaperNamed()),
  );
  const storySpans = storyPeople.length && domainOutside(everydayAll) ? everydayAll.filter((sp) => !storyPeople.includes(sp)) : everydayAll;
  // A paper of the ward's only shown or handed over in an everyday story is a word of that story (pass 24).
  const everydaySpans = storySpans.length ? [...storySpans, ...spans(text, SHOWN)] : storySpans;
  const everyday = new Set<number>();
  for (const [from, to] of everydaySpans) for (let i = 0; i < starts.length; i++) if (starts[i]! >= from && starts[i]! < to) everyday.add(i);

  return {
    aspects,
    status: statusSpans.length > 0,
    greeting: greetingSpans.length > 0,
    thanks: thanksSpans.length > 0,
    human: humanSpans.length > 0,
    followUp: followSpans.length > 0,
    offTopic: everydaySpans.length > 0,
    // An administrative word inside a phrase of everyday life is that phrase's ("sổ tiết kiệm",
    // "xin nghỉ phép"): no sign of a procedure.
    inDomain: officeSpans.length > 0 || domainSpans().some(([from, to]) => !everydaySpans.some(([a, b]) => a <= from && to <= b)),
    office: officeSpans.length > 0,
    consumed,
    everyday,
  };
}

/** Every syllable the patterns above use: known words, so never "corrected" as typos. */
export const INTENT_VOCABULARY: ReadonlySet<string> = new Set(
  [...ASPECT_PATTERNS.map(([, re]) => re), GENERAL, OFFICE, ...STATUS, GREETING, THANKS, HUMAN, FOLLOW_UP, OFF_TOPIC, DOMAIN]
    .flatMap((re) => re.source.match(/[a-z]+/g) ?? [])
    .filter((w) => w.length > 1 && w !== 'i'),
);

/**
 * Words that tell the story around a question (who, when, whose house) more than which procedure
 * it is about: they count for less when judging how much of a question a procedure covers.
 */
export const LIGHT_WORDS = new Set(
  (
    'vo chong con be chau bo me cha ong ba anh chi em co chu bac gia dinh nguoi nha ' +
    'ngay tuan thang nam hom nay mai qua sang chieu toi moi vua sap xong ' +
    'xuong len sang tan duoc muon biet nghe noi bao ' +
    'cu ca het nhieu it lon nho chua tuoi gio dua trai gai ruot noi quen mua hai ba bon nam sau ' +
    // the southern and central "tui", "tụi", "ổng", "bả", "mần" (làm); courtesy ("làm phiền chút");
    // what happened around it (ốm, nhậu, lo hậu sự, rối) — never a procedure's word
    'tui man phien chut om nhau hau roi'
  )
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/y/g, 'i')),
);
