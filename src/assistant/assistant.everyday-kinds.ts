/**
 * Pass 25 (r10every): kinds of everyday wording that borrow the ward's words, read unseen on a
 * fresh probe (tuning/out-of-scope-22.jsonl) and answered with a record on one catalogue or both:
 * a carrier's number kept when changing network ("chuyển mạng giữ số" — "giữ số" is also the
 * register the ward keeps), a card topped up; a bank's own cards ("làm lại thẻ ATM bị mất" was the
 * identity card's reissue); the rites after a death or a birth ("cúng 49 ngày", "lễ vật");
 * advice on when to have a child after the wedding; a company's own staff asked for its paper
 * ("hỏi kế toán hay nhân sự"); a ward's paper asked for a pet. Folded patterns, as
 * assistant.everyday-words.ts writes them, spread into its EVERYDAY (assistant.intent.ts's
 * OFF_TOPIC). Each was checked against every in-scope line of the tuning, training and dev sets.
 * A question that also names one of the ward's own records, sure enough, stays answered
 * (assistant.decide.ts, `ownTopic`: "nhận lương hưu qua thẻ ATM", "mất cả căn cước lẫn thẻ ngân
 * hàng, làm lại căn cước").
 */
export const EVERYDAY_KINDS: string[] = [
  // A carrier's services: porting a number to another network, a prepaid card topped up.
  'chuien mang(?: giu so)?',
  'nap the',
  // The carriers by name ("đổi từ mạng Viettel qua Vinaphone mà vẫn giữ số cũ"), with the number
  // kept after them (folded, "giữ số" is the register a copy is made from); not Viettel's post.
  '(?:viettel(?! post)|vinaphone|mobifone|vietnamobile|itelecom)(?:(?: [a-z0-9]+){0,6} giu(?: nguien| lai)? so(?: cu)?)?',
  // A bank's own card lost, blocked or made again: the bank's matter, not the identity card's.
  // Not the card named as where a pension is paid or why the bank wants a paper ("mở thẻ tín dụng
  // cần giấy xác nhận nơi ở": the residence confirmation, in scope).
  '(?:lam lai|mat|khoa|mo khoa|cap lai)(?: luon| ca| het)? the (?:atm|ngan hang|tin dung|ghi no|visa|mastercard)',
  'the (?:atm|ngan hang|tin dung|ghi no|visa|mastercard)(?: [a-z0-9]+){0,2} bi (?:mat|khoa|nuot)',
  'khoa the',
  // The rites after a death or for a baby: what to cook or offer, not the death's registration.
  'cung (?:49|bon muoi chin|100|tram|50|nam muoi) ngai',
  'le vat',
  // Advice after the wedding ("cưới xong bao lâu thì nên sinh em bé").
  'nen sinh (?:em be|con|be)',
  // A company's own staff asked for its paper ("hỏi kế toán hay nhân sự", "xin phòng nhân sự").
  '(?:hoi|gap|xin|nho|lien he) (?:ben |phong )?(?:ke toan|nhan su|hr|hanh chinh nhan su)',
  'bang cham cong',
];

/**
 * One of the ward's papers asked for a pet ("làm giấy khai sinh cho con mèo được không, hihi"): the
 * paper is a word of that joke, not a record asked — the span holds the paper's name, so the
 * ward's record is not named outside the everyday words (Candidate.plainTopic) and the question
 * is declined. Not "con chó" (folded "cho con cho" is also "for the child, for…").
 */
export const PAPER_FOR_A_PET =
  '(?:giai |the |so )?(?:khai sinh|khai tu|can cuoc|ho khau|tam tru|thuong tru|chung minh)(?: [a-z0-9]+){0,3} (?:cho|cua) (?:con |em |be )?(?:meo|cun|thu cung|cho cung|cho meo)';
