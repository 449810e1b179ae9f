import type { Aspect } from './assistant.intent';

/**
 * Pass 24 (r9facts): more of the ways citizens ask a fact, read before the patterns of
 * assistant.intent.ts (the first pattern to take a span keeps it). Written without marks, folded
 * as the question is (đ→d, y→i: "lấy" is "lai", "quầy" is "quai", "mấy" is "mai"); assistant.intent.ts
 * makes each a whole-words pattern with its `b`, as it does its own.
 */

/** "không", "hông", "ko" closing a yes-or-no question. */
const NO = '(?:khong|ko|hong|hok)';
/** The days and hours a citizen is free ("thứ bảy", "cuối tuần", "giờ trưa", "ngoài giờ"). */
const FREE_DAY = '(?:thu bai|thu 7|chu nhat|cuoi tuan|ngai nghi|ngai le|buoi trua|gio trua|buoi toi|ngoai gio(?: hanh chinh)?)';

/**
 * Pass 28 (r13facts): "vụ sửa này", "việc khai đó", "chuyện nhập khẩu kia": the matter discussed
 * pointed back to with one word of it between — a follow-up (assistant.intent.ts' FOLLOW_UP). Only
 * "vụ", "việc", "chuyện" are taken; the word between stays a word of the question ("đó" then the
 * question going on: not "vụ cháy do chập điện").
 */
export const POINTED_MATTER = '(?:vu|viec|chuyen)(?= [a-z]+ (?:(?:nay|ay|kia)(?: |$)|do(?: (?:thi|la|co|het|ton|mat|nop|can|phai|o|bao|may|khi|lam|xin|a|ha|vay)(?= |$)|$)))';

export const FACT_ASKS: Array<[Aspect, string]> = [
  // Pass 27 (r12facts): "thứ mấy được cầm giấy", "hôm nào được nhận kết quả": the day the paper is
  // had, "được" before the getting (read before the next pattern, which would stop at "được").
  ['time', '(?:bao gio|khi nao|hom nao|bua nao|ngai nao|thu mai)(?: thi)?(?: (?:moi|se))? duoc (?:cam|lai|nhan|lanh|tra)(?: (?:giai to|giai|ket qua|the|so))?'],
  // The money given out, asked: "có phải bỏ ra đồng bạc nào không", "phải bỏ tiền ra không", "bỏ
  // ra bao nhiêu", "tốn đồng bạc nào" — not "bố ra đồng" (folded, "bố" is "bỏ": money is named),
  // nor "bỏ tiền ra mua đất" (the story: only a question's end or "nào", "gì" after it).
  ['fee', `(?:co )?(?:phai )?bo (?:ra )?(?:tien|dong bac|xu)(?: ra)?(?: (?:nao|gi))?(?: ${NO})?(?=$| (?:vai|a|ha|nhe|nha|the|chi|anh|em|co|chu|oi)(?: |$))|bo ra (?:bao nhieu|nhieu|may (?:dong|chuc|tram|nghin|ngan|tien))(?: tien)?|(?:het|ton|mat|dong|tra|lay) (?:dong bac|tien bac)(?: (?:nao|gi))?(?: ${NO})?`],
  // "thu có mấy chục không", "lấy chừng vài chục": the tens asked with "có", "chừng", "tầm" between.
  ['fee', `(?:thu|mat|ton|het|dong|tra|lay) (?:co|chung|tam|khoang) (?:may|vai) chuc(?: (?:nghin|ngan))?(?: ${NO})?`],
  // "giá cả thế nào", "tính bao nhiêu một chữ ký": the price asked, or charged by the piece — not
  // "tính bao nhiêu ngày" (the time), "tính mấy tuổi".
  ['fee', 'gia ca(?: (?:the nao|ra sao|nhu the nao|bao nhieu|sao))?|tinh (?:bao nhieu|nhieu|may)(?: tien)?(?: (?:mot|1|moi) (?:chu ki|ban|trang|to|cai|lan|bo))?(?! (?:ngai|hom|bua|tuan|thang|nam|tuoi|gio|tieng|lau|nguoi|lan|ban))'],
  // "bữa nào lấy được", "bao giờ cầm được", "thứ mấy thì lãnh": the day the result is had.
  ['time', '(?:bao gio|khi nao|hom nao|bua nao|ngai nao|chung nao|luc nao|thu may)(?: thi)?(?: (?:moi|di|den|toi|ra|len|qua))? (?:co|xong|lay|nhan|duoc|tra|cam|lanh|rut)(?: duoc)?(?: (?:ket qua|giay to|giay|the|so))?'],
  // "trong ngày có xong không", "trong buổi sáng có lấy được không": the time, the day named first.
  ['time', `trong (?:ngai|buoi|hom nai|buoi sang|buoi chieu|sang nai|chieu nai)(?: (?:co|thi|la))? (?:xong|lay|nhan|duoc|tra|co ket qua)(?: (?:duoc|luon|ngai|lien))?(?: ${NO})?`],
  // "có lâu lắm không", "lâu quá không", "lâu hông": how long, asked as a worry.
  ['time', `(?:co )?lau (?:lam|qua) ${NO}|(?:co )?lau (?:hong|hok)`],
  // "sáng nộp chiều có lấy được không": handed in, then had the same day.
  ['time', `(?:sang|buoi sang|hom nai) nop(?: ho so)? (?:chieu|trua|buoi chieu|chieu nai)(?: (?:co|thi|la))? (?:lay|nhan|xong|duoc|co)(?: duoc)?(?: ${NO})?`],
  // "chuẩn bị sẵn gì", "sửa soạn hồ sơ ra sao", "soạn giấy tờ thế nào": what to get ready.
  ['papers', '(?:(?:can|phai) )?(?:chuan bi|sua soan|soan|sam sua|sam|mang|dem|cam) (?:san|truoc)(?: nhung| cac)? gi|(?:chuan bi|sua soan|soan|sam sua)(?: san)? (?:ho so|giai to)(?: (?:ra sao|the nao|nhu the nao|nhu nao|sao|gi|nhung gi))?'],
  // "tới văn phòng nào nộp", "trụ sở nào", "quầy số mấy": which office or desk.
  ['place', '(?:(?:o|tai|den|toi|len|ra|vao|ghe|nop|lam|gap) )?(?:van phong|tru so|phong ban|toa nha|dia diem) nao|(?:o |tai |nop )?quay(?: so)? may'],
  // A day the citizen is free, asked against the office's days: "hôm thứ bảy tôi mới rảnh",
  // "chủ nhật em mới nghỉ", "chỉ rảnh chủ nhật" — the opening hours, not a word of the topic.
  ['place', `(?:hom |sang |chieu )?${FREE_DAY}(?: (?:toi|em|minh|tui|con|chau|anh|chi))?(?: (?:moi|chi))? (?:ranh|nghi|di duoc|len duoc|ghe duoc|qua duoc)|(?:(?:moi|chi) )?ranh (?:vao )?(?:hom |sang |chieu )?${FREE_DAY}`],
  // Pass 25 (r10facts): "có thu đồng nào không", "lấy xu nào không": the money taken, asked with
  // the office's verbs (the giver's, "tốn đồng nào", are intent.ts').
  ['fee', `(?:thu|lai|tinh) (?:dong|xu|dong bac|tien bac)(?: (?:nao|gi|chi))(?: ${NO})?`],
  // "mấy thứ giấy gì", "cầm theo những thứ gì", "đem mấy thứ chi": what to bring, the things counted.
  ['papers', `(?:(?:can|phai) )?(?:mang|dem|cam|chuan bi|gom|nop|sam)(?: theo| san)?(?: nhung| may| cac)? thu(?: (?:giai to|giai ma|giai|ho so))? (?:gi|chi|nao)(?: theo)?`],
  // "bao lâu mới có giấy trích lục", "mấy ngày thì nhận bản chứng nhận": the time, the paper had named.
  ['time', '(?:bao lau|may ngai|may hom|may bua|bao nhieu ngai)(?: (?:thi|moi|la))* (?:co|lai|nhan|cam|duoc)(?: duoc)? (?:giai|ban|to) (?:trich luc|chung nhan|xac nhan|khai sinh|khai tu|ket hon)'],
  // "làm gấp trong ngày được không", "có làm gấp được không", "…kết hôn gấp trong ngày được không": the time, hurried.
  ['time', `(?:co )?(?:lam|giai quiet|xu li|lai|nhan|xong) (?:gap|kip)(?: (?:trong|ngai trong) (?:ngai|buoi|hom nai|buoi sang|buoi chieu))?(?: (?:duoc|kip))?(?: ${NO})?|gap (?:trong|ngai trong) (?:ngai|buoi|hom nai|buoi sang|buoi chieu)(?: (?:duoc|kip))?(?: ${NO})?`],
  // "có cần đến tận nơi không", "cần lên trực tiếp không": whether one must go there — where and
  // when ("phải đến tận nơi không" is the online wish of intent.ts, read after these).
  ['place', `(?:co )?can(?: phai)? (?:den|toi|len|ra|di) (?:tan noi|truc tiep|tan phuong|tan xa|tan uy ban)(?: ${NO})?`],
  // "nếu làm trên VNeID thì…", "khai qua app VNeID": the channel, not the electronic identity asked for.
  ['online', '(?:neu )?(?:lam|nop|dang ki|khai|gui|xin)(?: ho so)? (?:tren|qua|bang) (?:app |ung dung )?vneid'],
  // "phường có tiếp dân không", "giờ giấc làm việc", "trưa có nhận hồ sơ không": the office's hours —
  // not the "cán bộ tiếp dân" a citizen greets.
  ['place', `(?<!can bo )(?:co )?tiep (?:cong )?dan(?: ${NO})?|gio giac(?: (?:lam viec|mo cua|hanh chinh))?|(?:${FREE_DAY}|trua|sang som|chieu muon|buoi (?:sang|chieu))(?: (?:co|thi))? (?:lam|lam viec|nhan|tiep nhan|mo cua|mo|tiep dan)(?: (?:ho so|giai to))?(?= ${NO}|$)`],
  // Pass 26 (r11facts): the fact asked as a comparison, a short amount, the days counted, the
  // papers brought somewhere, the office one must go to, a paper named as a thing to bring.
  // "rẻ hơn", "đỡ tốn tiền hơn", "mắc hơn", "chỗ nào rẻ nhất": which way costs less — the fee
  // ("đất hơn" folds alike but is not said).
  ['fee', '(?:re|mac|dat|do ton(?: (?:tien|kem))?|ton(?: (?:tien|kem))?|it (?:tien|ton)|tiet kiem(?: tien)?) (?:hon|nhat)'],
  // "nhanh hơn", "lấy mau hơn", "lẹ hơn", "có lâu hơn không", "đỡ mất thời gian hơn": which way is
  // quicker — the time.
  ['time', `(?:nhanh|mau|le|lau|som|cham|(?:do|it) (?:mat |ton )?thoi gian) (?:hon|nhat)(?: (?:nhieu|chut|ti|ko|khong|hong))?`],
  // "tốn mấy, chờ mấy hôm", "mất bao tiền": the amount asked in two words ("mấy" folds to "mai":
  // only at the end or before what is asked next, never "mất mấy ngày").
  ['fee', `(?:ton|mat|het|dong|tra|lai|thu) bao (?:tien|xien)|(?:ton|het|dong|tra) mai(?: (?:tien|xien))?(?= (?:cho|doi|bao|mai|voi|va|con|thi|lam|nop|o|lai|a|ha|vai|the|nhe|nha|chi|anh|em|co|chu|tien)(?: |$)|$)|mat mai(?=(?: (?:a|ha|vai|the|nhe|nha|chi|anh|em|co|chu))*$)`],
  // "bao nhiêu hôm thì xong", "bao nhiêu bữa mới lấy": the days counted in other words.
  ['time', '(?:(?:mat|trong|het|doi|cho|lam) )?bao nhieu (?:hom|bua)(?: lam viec)?(?: (?:thi|moi|la))?(?: (?:co|xong|lai|nhan|cam|duoc|tra|ve)(?: duoc)?(?: (?:giai to|giai|the|ket qua|so))?(?: ve)?)?'],
  // "đem giấy chi theo", "mang giấy tờ gì lên", "cầm hồ sơ gì ra": the papers, brought somewhere
  // ("mang cái gì, lên đâu nộp": the going is the place's, asked next).
  ['papers', '(?:(?:can|phai) )?(?:mang|dem|cam|xach)(?: (?:nhung|cac|may))? (?:giai|giai to|giai ma|ho so|thu|cai) (?:gi|chi|nao)(?: (?:theo|len|ra|toi|den|di|vo|vao|qua|ve)(?! (?:dau|mo|cho|noi|o|tai|phuong|xa|ui ban|cong an|quan|huien)(?: |$)))?'],
  // "có phải ra tận công an phường không", "phải lên tận ủy ban à": whether one must go to that
  // office — where and when ("phải đến tận nơi không" stays the online wish of intent.ts).
  ['place', `(?<!(?:khong|ko|chang|hong) )(?:co )?(?:phai|can)(?: phai)? (?:ra|len|den|toi|ve|di|xuong) tan (?:cong an|uy ban(?: nhan dan)?|ubnd|phuong|xa|quan|huien|tinh|tru so)(?: (?:phuong|xa|quan|huien|tinh))?(?: ${NO}| a)?`],
  // "có phải mang theo căn cước không", "có cần mang căn cước theo không", "chắc phải đem sổ hộ khẩu
  // nhỉ", "có phải đem theo giấy khai sinh của cháu không": a paper named as a thing to bring — the
  // papers; the paper is no topic of its own (a follow-up stays on the procedure discussed).
  ['papers', `(?:(?:co|chac|chac la) )?(?:can|phai|bat buoc)(?: phai)? (?:mang|dem|cam|nop|xuat trinh|trinh)(?: theo)? (?:the can cuoc|can cuoc|cccd|cmnd|chung minh(?: nhan dan| thu)?|ho chieu|giai to tui than|so ho khau|ho khau|giai khai sinh|ban chinh|ban goc|ban sao|ban photo)(?: (?:cu|goc|chinh))?(?: theo)?(?: cua [a-z]+){0,2}(?: (?:${NO}|nhi|ha|a|phai ${NO}|dung ${NO}|chu)(?= |$)|$)`],
  // "bữa mô thì lấy", "hôm mô có": the day the result is had, asked in central words.
  ['time', '(?:bua|hom|ngai|khi|chung|luc) mo(?: thi)?(?: (?:moi|di|ra|len|toi))? (?:co|xong|lai|nhan|duoc|tra|cam|lanh)(?: duoc)?'],
  // "mất mấy ngày thì tụi em cầm được giấy chứng nhận", "bao lâu thì con nhận được thẻ": the time,
  // the one who gets the paper said between (the paper is what is waited for, no topic of its own).
  ['time', '(?:bao lau|may ngai|may hom|may bua|bao nhieu ngai|bao nhieu hom)(?: (?:thi|moi|la))? (?:toi|em|minh|tui|tui em|tui toi|chung toi|chung em|con|chau|anh|chi|vo chong (?:toi|em|minh))(?: (?:moi|se))? (?:co|lai|nhan|cam|lanh)(?: duoc)? (?:giai chung nhan|giai to|giai|ket qua|the|so|trich luc)(?: (?:ket hon|khai sinh|khai tu|xac nhan))?'],
  // Pass 27 (r12facts): the fact asked indirectly, as the office, the floor, the desk, a day.
  // "đến đó thì gặp ai", "lên gặp ai", "gặp cán bộ nào", "hỏi ai ở phường": whom to see — where and when.
  ['place', '(?:(?:den|toi|len|ra|vo|vao|xuong|ghe) (?:do |day |phuong |xa |uy ban |cong an )?(?:thi |roi )?)?(?:gap|hoi) (?:ai|nguoi nao|can bo nao|bo phan nao|phong nao)(?! (?:cung|het|ca|do|nua))'],
  // "nằm tầng mấy", "ở tầng nào", "phòng đó ở tầng mấy": the floor of the office — where (the
  // room said first is the office's, no topic of its own).
  ['place', '(?:(?:phong|bo phan|quai|cho|noi) (?:do|ai|nai|nay|mot cua|tiep nhan) )?(?:(?:o|nam|len|tai|lam|nop) )?tang (?:may|nao|so may)'],
  // "…hay phải ra quầy", "hay ra một cửa": the counter, against doing it online — where and when
  // (the online wish beside it is intent.ts' own span; "hay phải lên tận ủy ban" stays online).
  ['place', '(?:hay |hay la )(?:bat buoc |phai |can |van )*(?:den|di|len|ra|toi|xuong|vo|vao) (?:tan )?(?:quai|quai mot cua|bo phan mot cua|mot cua|quai tiep nhan)'],
  // "chỗ nộp và lệ phí", "chỗ nộp với thời gian": the place named as a thing asked among others.
  ['place', '(?:cho|noi) nop(?: ho so)?(?= (?:va|voi|cung|la|o dau|the nao|ra sao)(?: |$)|$)'],
  // "có thu tiền gì không", "lấy tiền chi không": the money taken, asked with "gì" between.
  ['fee', `(?:co )?(?:thu|lai|tinh) tien (?:gi|chi|nao)(?: ${NO})?`],
  // "thì có tốn không", "có mất tiền không", "có được miễn không", "bố tôi có miễn không": the fee,
  // asked without naming the money ("miền" folds alike: only "có"/"được" before, "không" after).
  ['fee', `(?:co )?(?:ton|ton kem|ton tien|mat tien)(?: (?:gi|chi))? ${NO}|(?:co |duoc )+mien(?: (?:phi|le phi|tien|giam))? ${NO}`],
  // "bao nhiu tiền", "mất bao nhiu" — the amount typed short (not "bao nhiu ngày": the time).
  ['fee', '(?:(?:mat|ton|het|dong|tra|thu|la) )?bao nhiu(?: (?:tien|xien))?(?! (?:ngai|hom|bua|tuan|thang|nam|tuoi|gio|tieng|lau|nguoi|lan|ban|trang))'],
  // "cần thêm giấy gì", "phải đưa những giấy gì", "chuẩn bị gì trước không", "có cần mang theo
  // người làm chứng không": the papers, asked with "thêm", "đưa", the readiness or a witness.
  ['papers', '(?:(?:can|phai) )?(?:(?:co|mang|nop|dem|bo sung|dua|trinh) )?them(?: nhung| cac)?(?: loai)? (?:giai to|giai|ho so|thu)(?: (?:gi|nao|chi))|(?:(?:can|phai) )?(?:dua|trinh)(?: (?:nhung|cac|may))? (?:giai to|giai|ho so|thu)(?: (?:gi|nao|chi))'],
  ['papers', `(?:(?:co )?(?:can|phai) )?(?:chuan bi|sua soan|sam sua|soan) (?:gi|nhung gi|chi|cai gi)(?: (?:truoc|san|theo))+(?: ${NO})?`],
  ['papers', `(?:co )?(?:can|phai)(?: (?:mang|dem|dan|di|co))?(?: theo)? (?:ai|nguoi) lam chung(?: ${NO})?`],
  // "có lấy ngay trong hôm đó được không", "nhận luôn trong ngày ấy": the time, the day said after.
  ['time', `(?:co )?(?:lai|nhan|lam|xong|tra|co)(?: duoc)? (?:ngai|luon|lien) trong (?:hom|ngai|buoi) (?:do|ai|nai|nay)(?: duoc)?(?: ${NO})?`],
  // "hôm thứ ba … thì thứ mấy được cầm giấy": the day handed in, then the day the paper is had.
  ['time', '(?:hom |sang |chieu |ngai )?thu (?:hai|ba|tu|nam|sau|bai|2|3|4|5|6|7)(?: (?:nop|gui|lam))?(?: thi)?(?= (?:bao gio|khi nao|hom nao|ngai nao|thu mai|bao lau|mai ngai|mai hom)(?: |$))'],
  // Pass 28 (r13facts): the fact asked with a word the patterns had not, left as a content word
  // that sent a follow-up to another record or a hand-over. "phải có những loại gì", "chuẩn bị các
  // loại giấy tờ nào": the papers, counted by kind ("giấy má kiểu gì": folded, "má" may read "mẹ").
  ['papers', '(?:can|phai) (?:co|chuan bi|nop|mang|dem|cam|sam)(?: (?:nhung|cac|may))? loai (?:gi|nao|chi)|(?:(?:can|phai) )?(?:(?:co|chuan bi|nop|mang|dem|cam|sam) )?(?:(?:nhung|cac|may) )?loai (?:giai to|giai ma|giai me|giai|ho so) (?:gi|nao|chi)|(?:chuan bi|sua soan|soan|sam sua|lam|mang|dem) (?:giai ma|giai me|giai to|ho so)(?: (?:kieu|loai) (?:gi|nao|chi))'],
  // "cần mang những gì theo", "đem cái gì theo": the papers, "theo" said after what is brought.
  ['papers', '(?:(?:can|phai) )?(?:mang|dem|cam|xach)(?: (?:nhung|cac|may))? (?:gi|cai gi|chi|thu gi) theo'],
  // "tới lúc nào quay lại nhận kết quả", "bao giờ ghé lấy": the day the result is had, the coming
  // back said between.
  ['time', '(?:(?:toi|den) )?(?:bao gio|khi nao|luc nao|hom nao|bua nao|ngai nao|chung nao)(?: thi)?(?: (?:moi|se))? (?:quai|ghe|tro|di|len|ra|toi|den)(?: (?:lai|ve|qua|ra|len))? (?:nhan|lai|lanh|cam|rut)(?: (?:ket qua|giai to|giai|the|so))?'],
  // "làm một buổi là có luôn", "một ngày là xong liền được không": a time named, asked whether it is
  // enough, "có" or "luôn" after.
  ['time', `(?:mot|1|hai|2|nua) (?:buoi|ngai|hom|bua) (?:(?:la|thi) (?:co|xong|lai|nhan|duoc)(?: (?:luon|lien|ngai|ket qua))?|(?:co|xong|lai|nhan) (?:luon|lien))(?: duoc)?(?: ${NO}| chua)?`],
  // "mất thời gian bao lâu", "tốn nhiều thời gian không": how long, "thời gian" said after the verb
  // (asked: not "đỡ mất thời gian đi lại").
  ['time', `(?:mat|ton|het) (?:nhieu |bao nhieu )?thoi gian(?: (?:la|khoang|chung|tam))? (?:bao lau|bao nhieu|may ngai|may hom|may bua|${NO})`],
  // "còn tiền lệ phí thì tính thế nào", "phí thì tính sao": the fee, "thì" between.
  ['fee', '(?:(?:con )?(?:tien )?(?:le phi|phi|tien)) thi tinh(?: (?:the nao|nhu the nao|ra sao|sao))?'],
  // "free ko", "free hả": the fee, asked in English ("free" is no word of a record).
  ['fee', `free(?: ${NO}| ha| a)?`],
  // "phải đi những đâu", "lên những chỗ nào": the offices, more than one — the place.
  ['place', '(?:di|den|toi|len|ra|nop|lam|ghe) (?:nhung|may) (?:dau|cho nao|noi nao|co quan nao)'],
  // "tuần sau có lấy được chưa", "nộp hôm nay mai có không": a day named, asked whether the paper
  // is had by then ("mai" also folds "mấy": only with "có … không/chưa" after).
  ['time', `(?:tuan sau|tuan toi|ngai mai|mai|hom sau|chieu mai|sang mai|cuoi tuan)(?: (?:thi|la))? (?:co )?(?:lai|nhan|xong|co|duoc|cam|lanh)(?: duoc)?(?: (?:giai|the|so|ket qua))?(?: ${NO}| chua)`],
  // "nộp kèm những gì", "kèm theo giấy gì": the papers handed in with the form; "xếp những thứ gì
  // vào bìa hồ sơ", "bỏ giấy gì vào hồ sơ": the papers put in the file.
  ['papers', '(?:(?:can|phai) )?(?:(?:nop|gui|mang|dem) )?kem(?: theo)?(?: (?:nhung|cac|may))?(?: (?:giai to|giai|ho so|thu|cai))? (?:gi|chi|nao)|(?:(?:can|phai) )?(?:xep|bo|de|kep)(?: (?:nhung|cac|may))? (?:thu|giai to|giai|cai) (?:gi|chi|nao) vao(?: (?:bia|tui|bo))? ho so'],
];
