import type { SynonymEntry } from './assistant.synonyms';

/**
 * Citizens' words for commune records of the national catalogue that CITIZEN_WORDS does not read
 * yet (issue 15, pass 20): water, boats, cooperatives, the old identity card, a building moved,
 * a benefit left unpaid at a death — each mapped to the words the records' names use (see
 * BUILTIN_SYNONYMS for how an entry is matched and weighed). A phrase is matched folded: none may
 * read as everyday words once its marks are gone ("xuồng máy" is "xưởng may", "bến đò" "bên đó",
 * "dời nhà" "đổi nhà", "ghe chở" "ghé cho").
 */
export const COMMUNE_WORDS: SynonymEntry[] = [
  // groundwater and a permit handed back ("giấy phép hút nước ngầm", "nộp trả giấy phép")
  { phrase: 'nước ngầm', expansion: 'nước dưới đất' },
  { phrase: 'nộp trả', expansion: 'trả lại' },
  // reservoirs, dams and ditches told without "thủy lợi": an irrigation work's protected zone
  { phrase: 'hồ chứa nước', expansion: 'phạm vi bảo vệ công trình thủy lợi hồ chứa' },
  { phrase: 'đập chứa nước', expansion: 'phạm vi bảo vệ công trình thủy lợi đập' },
  { phrase: 'mương dẫn nước', expansion: 'phạm vi bảo vệ công trình thủy lợi' },
  { phrase: 'kênh dẫn nước', expansion: 'phạm vi bảo vệ công trình thủy lợi' },
  { phrase: 'kênh tưới', expansion: 'phạm vi bảo vệ công trình thủy lợi' },
  { phrase: 'mương tưới', expansion: 'phạm vi bảo vệ công trình thủy lợi' },
  // pass 25 (r10full): the works themselves named as the village does — the pump station, the
  // dam, a dam's water ("lòng đập nước của xã"), the "vùng bảo vệ" of a canal
  { phrase: 'trạm bơm', expansion: 'phạm vi bảo vệ công trình thủy lợi' },
  { phrase: 'đập nước', expansion: 'phạm vi bảo vệ công trình thủy lợi đập' },
  { phrase: 'đập thủy lợi', expansion: 'phạm vi bảo vệ công trình thủy lợi đập' },
  { phrase: 'vùng bảo vệ', expansion: 'phạm vi bảo vệ' },
  // fish farmed on rafts (not "lồng bè": a cage farm's own confirmation is another record), blasting rock
  { phrase: 'bè nuôi cá', expansion: 'nuôi trồng thủy sản' },
  { phrase: 'thả bè', expansion: 'nuôi trồng thủy sản' },
  { phrase: 'lồng nuôi cá', expansion: 'nuôi trồng thủy sản' },
  { phrase: 'dùng thuốc nổ', expansion: 'nổ mìn hoạt động gây nổ' },
  { phrase: 'phá đá', expansion: 'nổ mìn' },
  // boats as the south names them, where they moor, and the ones hired out for fun
  { phrase: 'ghe máy', expansion: 'phương tiện thủy nội địa' },
  { phrase: 'thuyền máy', expansion: 'phương tiện thủy nội địa' },
  { phrase: 'sà lan', expansion: 'phương tiện thủy nội địa' },
  { phrase: 'neo đậu', expansion: 'bến thủy nội địa' },
  { phrase: 'bến ghe', expansion: 'bến thủy nội địa' },
  { phrase: 'mô tô nước', expansion: 'phương tiện hoạt động vui chơi giải trí dưới nước' },
  { phrase: 'xe đạp nước', expansion: 'phương tiện hoạt động vui chơi giải trí dưới nước' },
  { phrase: 'thuyền kayak', expansion: 'phương tiện hoạt động vui chơi giải trí dưới nước' },
  // the old nine-digit identity card
  { phrase: 'chứng minh thư', expansion: 'chứng minh nhân dân' },
  { phrase: 'chín số', expansion: 'chứng minh nhân dân 09 số' },
  { phrase: 'chín chữ số', expansion: 'chứng minh nhân dân 09 số' },
  { phrase: '9 chữ số', expansion: 'chứng minh nhân dân 09 số' },
  // a cooperative's application taken back, its certificate misprinted, a farm-to-buyer contract
  { phrase: 'rút hồ sơ', expansion: 'dừng thực hiện thủ tục đăng ký' },
  { phrase: 'rút lại hồ sơ', expansion: 'dừng thực hiện thủ tục đăng ký' },
  { phrase: 'lỗi đánh máy', expansion: 'hiệu đính' },
  { phrase: 'lỗi gõ máy', expansion: 'hiệu đính' },
  { phrase: 'bao tiêu', expansion: 'dự án liên kết' },
  { phrase: 'liên kết chuỗi', expansion: 'dự án liên kết' },
  // a shop or a karaoke closed by the fire police opened again
  { phrase: 'cho mở lại', expansion: 'phục hồi hoạt động' },
  { phrase: 'mở cửa lại', expansion: 'phục hồi hoạt động' },
  // a house taken down and put up elsewhere
  { phrase: 'dịch chuyển công trình', expansion: 'giấy phép di dời công trình' },
  { phrase: 'dời công trình', expansion: 'giấy phép di dời công trình' },
  { phrase: 'di chuyển công trình', expansion: 'giấy phép di dời công trình' },
  // a flat of the State's old housing rented on by an heir
  { phrase: 'khu tập thể', expansion: 'nhà ở cũ thuộc tài sản công' },
  { phrase: 'thuê tiếp', expansion: 'nhận chuyển quyền thuê nhà ở' },
  // biometrics: the voice
  { phrase: 'tiếng nói', expansion: 'giọng nói' },
  // the guardian's supervisor stepping down
  { phrase: 'thôi giám sát', expansion: 'chấm dứt giám sát việc giám hộ' },
  { phrase: 'thôi việc giám sát', expansion: 'chấm dứt giám sát việc giám hộ' },
  // a benefit the dead had no time to collect
  { phrase: 'chưa kịp lãnh', expansion: 'truy lĩnh còn chế độ chưa nhận' },
  { phrase: 'chưa kịp nhận', expansion: 'truy lĩnh còn chế độ chưa nhận' },
  { phrase: 'chưa kịp lĩnh', expansion: 'truy lĩnh còn chế độ chưa nhận' },
];
