import { describe, expect, it } from 'vitest';
import { readIntents } from './assistant.intent';
import { BUILTIN_SYNONYMS, SynonymTable } from './assistant.synonyms';
import { decodeTelex, decodeVni, dialectVariants, editDistance, findDossierCode, findPhone, isSyllableShape, tokenize, TypoIndex } from './assistant.text';
import { fold, syllables } from '../shared/vietnamese';

describe('reading what citizens type', () => {
  it('decodes Telex that the keyboard did not convert', () => {
    expect(decodeTelex('ddawng')).toBe('đăng');
    expect(decodeTelex('kys')).toBe('ký');
    expect(decodeTelex('keets')).toBe('kết');
    expect(decodeTelex('thuwowngf')).toBe('thường');
    expect(decodeTelex('nhaapj')).toBe('nhập');
    expect(decodeTelex('khaaur')).toBe('khẩu');
    // Tone key typed before the final consonant.
    expect(decodeTelex('hoafng')).toBe('hoàng');
    // Plain syllables are not Telex.
    expect(decodeTelex('khai')).toBeUndefined();
    expect(decodeTelex('sinh')).toBeUndefined();
  });

  it('decodes VNI digits left in a word', () => {
    expect(decodeVni('d9a8ng')).toBe('đăng');
    expect(decodeVni('ke61t')).toBe('kết');
    expect(decodeVni('thu7o7ng2')).toBe('thường');
    expect(decodeVni('ct07')).toBeUndefined();
  });

  it('replaces a leftover only when it decodes into a word it knows', () => {
    const known = new Set(['dang', 'ki', 'ket', 'hon', 'kes']);
    const t = tokenize('Ddawng kys keets hoon', (f) => known.has(f));
    expect(t.map((x) => x.folded)).toEqual(['dang', 'ki', 'ket', 'hon']);
    expect(t[0]!.accented).toBe('đăng');
    // "kes" is a word here, so it is left alone.
    expect(tokenize('kes', (f) => known.has(f))[0]!.folded).toBe('kes');
  });

  it('keeps NFD input equal to NFC and unifies tone placement', () => {
    const nfd = 'Hòa giải'.normalize('NFD');
    const a = tokenize(nfd, () => true);
    const b = tokenize('hoà giải', () => true);
    expect(a.map((x) => x.accented)).toEqual(b.map((x) => x.accented));
    expect(a.map((x) => x.folded)).toEqual(['hoa', 'giai']);
  });

  it('finds dossier codes and phone numbers, and does not read one as the other', () => {
    expect(findDossierCode('hồ sơ 00004-261130-0012 của tôi')).toBe('00004-261130-0012');
    expect(findPhone('sđt 0912 345 678 ạ')).toBe('0912 345 678');
    expect(findPhone('+84912345678')).toBe('+84912345678');
    expect(findPhone('mã 00004-261130-0012')).toBeUndefined();
  });
});

describe('typo tolerance', () => {
  it('measures one edit, transpositions included', () => {
    expect(editDistance('sinh', 'sihn')).toBe(1);
    expect(editDistance('thuong', 'thuongg')).toBe(1);
    expect(editDistance('khai', 'khia')).toBe(1);
    expect(editDistance('khai', 'sinh')).toBe(2);
  });

  it('finds known words one edit away', () => {
    const idx = new TypoIndex(['sinh', 'thuong', 'khai', 'tru']);
    expect(idx.near('sihn')).toEqual(['sinh']);
    expect(idx.near('thuongg')).toEqual(['thuong']);
    expect(idx.near('abcd')).toEqual([]);
  });

  it('tells a malformed syllable (a typo) from a real word the catalogue does not use', () => {
    for (const w of ['xuong', 'meo', 'nghieng', 'khuya', 'quyen', 'truong', 'giay'].map(fold)) expect(isSyllableShape(w), w).toBe(true);
    for (const w of ['sihn', 'thuongg', 'kkhai', 'hnoa']) expect(isSyllableShape(w), w).toBe(false);
  });

  it('knows the regional spelling confusions', () => {
    expect(dialectVariants('chu')).toContain('tru');
    expect(dialectVariants('xinh')).toContain('sinh');
    expect(dialectVariants('lam')).toContain('nam');
  });
});

describe('synonyms and abbreviations', () => {
  it('matches colloquial phrases on whole syllables, with or without marks', () => {
    const t = new SynonymTable(BUILTIN_SYNONYMS);
    const m = t.match(syllables(fold('muốn lấy vợ thì làm gì')));
    expect(m.some((x) => x.expansion.join(' ') === 'dang ki ket hon')).toBe(true);
    expect(t.match(syllables(fold('so do'))).map((x) => x.expansion.join(' '))).toContain(syllables(fold('giấy chứng nhận quyền sử dụng đất')).join(' '));
    // "số đo" is not in the text "số đông": whole syllables only.
    expect(t.match(syllables(fold('so dong')))).toEqual([]);
  });

  it('can be extended', () => {
    const t = new SynonymTable([]);
    t.add({ phrase: 'giấy báo tử', expansion: 'đăng ký khai tử' });
    expect(t.match(['giai', 'bao', 'tu'])[0]!.expansion).toEqual(['dang', 'ki', 'khai', 'tu']);
  });
});

describe('intents', () => {
  const read = (q: string) => readIntents(syllables(fold(q)));

  it('reads what is asked and takes those words out of the search', () => {
    const r = read('đăng ký kết hôn mất bao lâu');
    expect(r.aspects).toEqual(['time']);
    expect([...r.consumed].sort()).toEqual([4, 5, 6]);
    expect(read('làm khai sinh cần những giấy tờ gì').aspects).toEqual(['papers']);
    expect(read('chứng thực di chúc có mất phí không').aspects).toEqual(['fee']);
    expect(read('nộp hồ sơ ở đâu, mấy giờ mở cửa').aspects).toEqual(['place']);
    expect(read('tạm trú nộp online được không').aspects).toEqual(['online']);
    expect(read('tải mẫu tờ khai khai sinh').aspects).toEqual(['forms']);
    expect(read('các bước làm thủ tục nhận con nuôi').aspects).toEqual(['steps']);
    expect(read('đăng ký tạm trú online phí bao nhiêu').aspects).toEqual(['online', 'fee']);
  });

  it('reads the place asked with "mô" inside the question, "báo cho ai", "gửi ai", "ở phường được không"; the fee and time with "nhiêu" before more', () => {
    expect(read('sao y thì lên chỗ mô làm').aspects).toEqual(['place']);
    expect(read('tạm trú nộp ở mô, lệ phí bao nhiêu').aspects).toEqual(['place', 'fee']);
    expect(read('xe mô tô cũ bán cho ai').aspects).toEqual([]);
    expect(read('có người đến ở nhờ thì báo cho ai').aspects).toEqual(['place']);
    expect(read('đơn xin tách hộ gửi ai vậy').aspects).toEqual(['place']);
    expect(read('hợp đồng làm ở xã được không hay lên huyện').aspects).toEqual(['place']);
    expect(read('khai sinh tốn nhiêu, mấy ngày có').aspects).toEqual(['fee', 'time']);
    expect(read('tốn nhiều thời gian không').aspects).not.toContain('fee');
    expect(read('tạm trú mất nhiêu ngày').aspects).toEqual(['time']);
    expect(read('khai tử phải đem theo mấy cái giấy gì').aspects).toEqual(['papers']);
  });

  it('reads "xã" as the office only when it makes no word with the next syllable ("xã hội")', () => {
    const words = (a: string, b: string) => ['xa hoi', 'dia phuong'].includes(`${a} ${b}`);
    const office = (q: string) => readIntents(syllables(fold(q)), words, words).office;
    expect(office('đóng bảo hiểm xã hội tự nguyện')).toBe(false);
    expect(office('trợ cấp xã hội hàng tháng')).toBe(false);
    expect(office('giấy tờ của địa phương')).toBe(false);
    expect(office('ủy ban xã ở đâu')).toBe(true);
    expect(office('lên xã làm khai sinh')).toBe(true);
    expect(office('phường mở cửa mấy giờ')).toBe(true);
  });

  it('takes out every word that only asks the fact, however it is put', () => {
    // [question, aspect, syllables left for the search]
    const cases: Array<[string, string, string]> = [
      ['kết hôn khoảng bao lâu', 'time', 'ket hon'],
      ['ket hon may hom thi lay duoc giay', 'time', 'ket hon'],
      ['kết hôn bao lâu thì có kết quả', 'time', 'ket hon'],
      ['ket hon nop xong bao lau co', 'time', 'ket hon'],
      ['tạm trú mất tầm mấy ngày là xong', 'time', 'tam tru'],
      ['kết hôn phải đóng bao nhiêu', 'fee', 'ket hon'],
      ['kết hôn hết mấy tiền', 'fee', 'ket hon'],
      ['kết hôn tiền lệ phí là bao nhiêu', 'fee', 'ket hon'],
      ['kết hôn nộp lệ phí bao nhiêu', 'fee', 'ket hon'],
      ['ket hon co ton kem khong', 'fee', 'ket hon'],
      ['chi phi ket hon la bao nhieu', 'fee', 'ket hon'],
      ['kết hôn cần nộp những gì', 'papers', 'ket hon'],
      ['kết hôn yêu cầu giấy tờ gì', 'papers', 'ket hon'],
      ['kết hôn cần những loại giấy tờ nào', 'papers', 'ket hon'],
      ['kết hôn hồ sơ như thế nào', 'papers', 'ket hon'],
      ['kết hôn nộp hồ sơ chỗ nào', 'place', 'ket hon'],
      ['địa chỉ nộp hồ sơ kết hôn', 'place', 'ket hon'],
      ['kết hôn nộp ở bộ phận nào', 'place', 'ket hon'],
      ['kết hôn nộp ở đâu, giờ nào', 'place', 'ket hon'],
    ];
    for (const [q, aspect, left] of cases) {
      const words = syllables(fold(q));
      const r = read(q);
      expect(r.aspects, q).toEqual([aspect]);
      expect(
        words.filter((_, i) => !r.consumed.has(i)).join(' '),
        q,
      ).toBe(left);
    }
    // "phí" of "phi nông nghiệp" is no fee; "bao nhiêu bản" is no amount of money.
    expect(read('thuế sử dụng đất phi nông nghiệp').aspects).toEqual([]);
    expect(read('chứng thực nộp bao nhiêu bản').aspects).toEqual([]);
  });

  it('reads the fact asked in the words of the centre and of chat: "ở mô", "nhiêu", "lấy tiền", "với lại", "nơi … hay nơi …"', () => {
    // [question, aspects, syllables left for the search]
    const cases: Array<[string, string[], string]> = [
      ['tạm vắng thì khai ở mô', ['place'], 'tam vang thi khai'],
      ['giấy độc thân xin ở mô rứa', ['place'], 'giai doc than rua'],
      ['khai tu nop o mo', ['place'], 'khai tu'],
      ['xác nhận cư trú phòng nào', ['place'], 'xac nhan cu tru'],
      ['chứng thực di chúc lên ủy ban nhân dân hay công an', ['place'], 'chung thuc di chuc'],
      ['khai tử làm ở phường nơi người mất hay nơi thường trú', ['place'], 'khai tu'],
      ['kết hôn tốn nhiêu tiền', ['fee'], 'ket hon'],
      ['tách hộ lệ phí nhiêu', ['fee'], 'tach ho'],
      ['sao y giá nhiêu 1 trang', ['fee'], 'sao i'],
      ['căn cước có lấy tiền không', ['fee'], 'can cuoc'],
      ['kết hôn hết bao nhiêu tiền với lại bao lâu', ['fee', 'time'], 'ket hon'],
      ['khai sinh có làm online được không hay phải lên tận nơi', ['online'], 'khai sinh co'],
      ['hộ kinh doanh mấy ngày có giấy chứng nhận', ['time'], 'ho kinh doanh'],
      ['khai tử nộp cho ai', ['place'], 'khai tu'],
      ['tách hộ cơ quan nào có thẩm quyền giải quyết', ['place'], 'tach ho'],
      ['kết hôn khi nào đi lấy được giấy', ['time'], 'ket hon'],
      ['kết hôn bao lâu được cấp giấy', ['time'], 'ket hon'],
      ['tạm trú một tuần có xong không', ['time'], 'tam tru'],
      ['khai sinh cần photo những gì', ['papers'], 'khai sinh'],
      ['chứng thực chữ ký có cần mang bản chính không', ['papers'], 'chung thuc chu ki'],
      ['à quên, kết hôn mất bao nhiêu tiền', ['fee'], 'ket hon'],
      ['cho hỏi thêm kết hôn bao lâu thì có', ['time'], 'ket hon'],
      ['khai sinh bao lâu thì cầm được giấy', ['time'], 'khai sinh'],
      ['tạm trú bao lâu được duyệt', ['time'], 'tam tru'],
      ['tạm trú đăng ký tại công an phường nào', ['place'], 'tam tru dang ki'],
      ['kết hôn ở phường mình hay phường bên vợ', ['place'], 'ket hon ben vo'],
      ['sao y bao nhiêu 1 trang', ['fee'], 'sao i'],
      ['thường trú có phải ra công an không', ['place'], 'thuong tru'],
      ['tạm trú làm ở công an phường hay ở nhà', ['place'], 'tam tru lam'],
      ['xác nhận độc thân thì ai ký', ['place'], 'xac nhan doc than thi'],
      ['hộ kinh doanh nộp hôm nay thì khi nào có', ['time'], 'ho kinh doanh'],
      ['sao y làm ở đây được không', ['place'], 'sao i'],
      ['phường mình có làm khai sinh không', ['place'], 'khai sinh khong'],
    ];
    for (const [q, aspects, left] of cases) {
      const words = syllables(fold(q));
      const r = read(q);
      expect(r.aspects, q).toEqual(aspects);
      expect(
        words.filter((_, i) => !r.consumed.has(i)).join(' '),
        q,
      ).toBe(left);
    }
    // "mất nhiều thời gian" asks no amount; "mở" is no "mô"; "nhiều giấy tờ" no fee.
    expect(read('kết hôn có mất nhiều thời gian không').aspects).not.toContain('fee');
    expect(read('giờ nào mở cửa').aspects).toEqual(['place']);
    expect(read('đăng ký hộ kinh doanh mở quán').aspects).toEqual([]);
    expect(read('tách hộ cần nhiều giấy tờ không').aspects).not.toContain('fee');
    // "lấy tiền", "thu tiền" ask a charge only at the end: not "lấy tiền bảo hiểm một lần", "thu tiền sử dụng đất".
    expect(read('lấy tiền bảo hiểm xã hội một lần').aspects).toEqual([]);
    expect(read('giao đất có thu tiền sử dụng đất').aspects).toEqual([]);
    // "ấy" folds as "ai": "anh ấy nhận là cha" asks no place; "phải có bản sao" names a paper, asks none.
    expect(read('anh ấy nhận là cha đứa bé').aspects).toEqual([]);
    expect(read('giấy ủy quyền anh ấy ký').aspects).toEqual([]);
    expect(read('xin lại trên mạng mà không phải lên công an').aspects).not.toContain('place');
    expect(read('trước đó phải có bản sao giấy khai sinh').aspects).toEqual([]);
  });

  it('does not take "mất" (lost) for a question about time or fee', () => {
    const r = read('mất giấy khai sinh làm lại');
    expect(r.aspects).toEqual([]);
    expect(r.consumed.has(0)).toBe(false);
  });

  it('reads greetings, thanks, a wish for a person, a dossier status question', () => {
    expect(read('xin chào').greeting).toBe(true);
    expect(read('cảm ơn nhé').thanks).toBe(true);
    expect(read('cho tôi gặp cán bộ').human).toBe(true);
    expect(read('hồ sơ của tôi đến đâu rồi').status).toBe(true);
    expect(read('thế phí bao nhiêu').followUp).toBe(true);
  });

  it('knows topics no one-stop office handles', () => {
    expect(read('thời tiết ngày mai').offTopic).toBe(true);
    expect(read('giá vàng hôm nay').offTopic).toBe(true);
    expect(read('đặt vé máy bay').offTopic).toBe(true);
    expect(read('đăng ký kết hôn').offTopic).toBe(false);
  });

  it('reads an administrative word inside a phrase of everyday life as that phrase', () => {
    // "sổ" of a savings book, "xin" of a day off: no sign of a procedure.
    expect(read('mở sổ tiết kiệm ngân hàng nào lãi cao').inDomain).toBe(false);
    expect(read('xin nghỉ phép hai hôm về quê').inDomain).toBe(false);
    expect(read('xin nghỉ phép hai hôm về quê').offTopic).toBe(true);
    // Said outside it, the word still counts.
    expect(read('mất sổ đỏ rồi xin cấp lại').inDomain).toBe(true);
    expect(read('xin cấp lại sổ tiết kiệm bị mất').inDomain).toBe(true);
  });

  it('knows another country’s own rules are not a procedure here', () => {
    expect(read('luật bên Nhật bao nhiêu tuổi thì được lấy vợ').offTopic).toBe(true);
    expect(read('quy định ly hôn của Mỹ thế nào').offTopic).toBe(true);
    // Marrying someone of that country is still the ward's registration; "anh" is a pronoun.
    expect(read('lấy chồng Hàn Quốc đăng ký kết hôn ở đâu').offTopic).toBe(false);
    expect(read('theo quy định thì hồ sơ của anh thiếu gì').offTopic).toBe(false);
    // Named right after the word, without "ở / của / bên"; "luật pháp" names no country.
    expect(read('o nhat ban ket hon can giay to gi theo luat nhat').offTopic).toBe(true);
    expect(read('luật pháp quy định kết hôn mấy tuổi').offTopic).toBe(false);
  });

  it('knows a visa to go abroad is that country’s, and a foreigner’s visa here is not everyday', () => {
    expect(read('xin visa du lịch Pháp cần sổ tiết kiệm bao nhiêu').inDomain).toBe(false);
    expect(read('làm visa đi Nhật mất bao lâu').offTopic).toBe(true);
    expect(read('người nước ngoài xin gia hạn visa ở Việt Nam').offTopic).toBe(false);
  });

  it('reads "xin" of a job or a school, and the State’s leaders, as everyday life', () => {
    expect(read('xin việc làm bán thời gian cho sinh viên').inDomain).toBe(false);
    expect(read('xin phép chuyển trường cho con lên lớp 6').inDomain).toBe(false);
    expect(read('ai là chủ tịch nước hiện nay').offTopic).toBe(true);
    // Beside an administrative word of its own, the job is the reason.
    expect(read('chứng thực sơ yếu lý lịch để xin việc').inDomain).toBe(true);
    expect(read('sao y giấy phép lái xe để nộp hồ sơ xin việc').offTopic).toBe(false);
    expect(read('xin giấy phép xây dựng').offTopic).toBe(false);
  });

  it('reads shopping advice, a pet name, a newborn’s care and a fish tank as everyday life (issue 15, out-of-scope-12)', () => {
    expect(read('muốn mua gạch lát sân ở đâu giá tốt').offTopic).toBe(true);
    expect(read('mua bình giữ nhiệt cho con chỗ nào rẻ').offTopic).toBe(true);
    expect(read('tiệm nhỏ lấy hàng ở chợ đầu mối nào').offTopic).toBe(true);
    expect(read('nghĩ giúp tên con trai vừa hay vừa ý nghĩa').offTopic).toBe(true);
    expect(read('tên gọi ở nhà cho bé trai sao cho dễ thương').offTopic).toBe(true);
    expect(read('bé mới đẻ bị vàng da sinh lý thì phơi nắng thế nào').offTopic).toBe(true);
    expect(read('bể cá cảnh nuôi cá vàng bị đục nước').offTopic).toBe(true);
    // The naming of a child on its birth certificate is still the ward's.
    expect(read('đặt tên cho con khi đăng ký khai sinh có giới hạn số chữ không').offTopic).toBe(false);
    expect(read('mua đất ở phường cần chứng thực hợp đồng ở đâu').offTopic).toBe(false);
  });
});
