import type { SynonymEntry } from './assistant.synonyms';

/**
 * Citizens' words for civil status (the first block, beside BUILTIN_SYNONYMS's) and for the
 * commune procedures of the national catalogue beyond civil status and residence — vehicles,
 * social insurance, land and building, farming — each mapped to the words the names use (see
 * BUILTIN_SYNONYMS for how an entry is matched and weighed).
 */
export const CITIZEN_WORDS: SynonymEntry[] = [
  // civil status (issue 15, pass 13). Marriage: said as the couple's life ("về chung một nhà"),
  // its certificate's old name, and a paper that one is not married (again).
  { phrase: 'giấy cưới', expansion: 'giấy chứng nhận kết hôn' },
  { phrase: 'về chung một nhà', expansion: 'đăng ký kết hôn' },
  { phrase: 'về ở với nhau', expansion: 'đăng ký kết hôn' },
  { phrase: 'lấy người khác', expansion: 'đăng ký kết hôn' },
  { phrase: 'xác nhận chưa kết hôn', expansion: 'xác nhận tình trạng hôn nhân' },
  { phrase: 'chưa tái hôn', expansion: 'xác nhận tình trạng hôn nhân' },
  { phrase: 'không tái hôn', expansion: 'xác nhận tình trạng hôn nhân' },
  { phrase: 'chưa vợ', expansion: 'xác nhận tình trạng hôn nhân độc thân' },
  // pass 22: the bride's side said alike ("chưa chồng"), and "còn son" (still unmarried)
  { phrase: 'chưa chồng', expansion: 'xác nhận tình trạng hôn nhân độc thân' },
  { phrase: 'còn son', expansion: 'xác nhận tình trạng hôn nhân độc thân' },
  { phrase: 'chưa lập gia đình', expansion: 'xác nhận tình trạng hôn nhân độc thân' },
  { phrase: 'chưa có gia đình', expansion: 'xác nhận tình trạng hôn nhân độc thân' },
  // pass 24: the husband or wife one has not got ("người chưa có chồng", "chưa có vợ con")
  { phrase: 'chưa có chồng', expansion: 'xác nhận tình trạng hôn nhân độc thân' },
  { phrase: 'chưa có vợ', expansion: 'xác nhận tình trạng hôn nhân độc thân' },
  // a death in the family, twins registered (one birth record each)
  { phrase: 'nhà có người mất', expansion: 'khai tử' },
  { phrase: 'sinh đôi', expansion: 'đăng ký khai sinh' },
  // a parent acknowledging a child ("muốn được công nhận là con ông")
  { phrase: 'nhận con đẻ', expansion: 'đăng ký nhận cha mẹ con' },
  { phrase: 'công nhận là con', expansion: 'đăng ký nhận cha mẹ con' },
  { phrase: 'công nhận cháu là con', expansion: 'đăng ký nhận cha mẹ con' },
  // a given or middle name chosen anew is a change of the civil-status record
  { phrase: 'đặt lại tên', expansion: 'thay đổi hộ tịch' },
  // a paper that the old and the new name are one person's, or that shows the changes: the
  // confirmation of the civil-status record
  { phrase: 'là cùng một người', expansion: 'xác nhận thông tin hộ tịch' },
  { phrase: 'cùng là một người', expansion: 'xác nhận thông tin hộ tịch' },
  { phrase: 'tên mới là một người', expansion: 'xác nhận thông tin hộ tịch' },
  { phrase: 'hai tên là một người', expansion: 'xác nhận thông tin hộ tịch' },
  { phrase: 'xác nhận những thay đổi', expansion: 'xác nhận thông tin hộ tịch' },
  // who stands for a child whose parents are gone: the guardian
  { phrase: 'người đại diện hợp pháp', expansion: 'giám hộ' },
  { phrase: 'đại diện cho cháu', expansion: 'giám hộ' },
  // pass 16: the older word for a guardian ("người đỡ đầu"), a wedding told by its rites or an old
  // word ("rước dâu", "thành thân"), a couple's life made lawful, a death told by the mourning or
  // the last breath, a birth by the child "lọt lòng"
  { phrase: 'đỡ đầu', expansion: 'giám hộ' },
  { phrase: 'người đỡ đầu', expansion: 'người giám hộ' },
  // pass 21: who looks after someone who cannot look after himself, in everyday words
  { phrase: 'trông nom', expansion: 'giám hộ' },
  { phrase: 'rước dâu', expansion: 'đăng ký kết hôn' },
  { phrase: 'thành thân', expansion: 'kết hôn' },
  { phrase: 'hợp thức hóa hôn nhân', expansion: 'đăng ký kết hôn' },
  { phrase: 'nhà có tang', expansion: 'khai tử' },
  { phrase: 'trút hơi thở', expansion: 'khai tử' },
  { phrase: 'tắt thở', expansion: 'khai tử' },
  // pass 18: older and gentler words for a death ("khuất núi", "nhắm mắt xuôi tay", "về với tổ tiên")
  { phrase: 'khuất núi', expansion: 'khai tử' },
  { phrase: 'đã khuất', expansion: 'khai tử' },
  { phrase: 'xuôi tay', expansion: 'khai tử' },
  { phrase: 'về với tổ tiên', expansion: 'khai tử' },
  { phrase: 'từ trần', expansion: 'khai tử' },
  { phrase: 'tạ thế', expansion: 'khai tử' },
  { phrase: 'quy tiên', expansion: 'khai tử' },
  { phrase: 'lọt lòng', expansion: 'đăng ký khai sinh' },
  // the proof of a parent's bond as citizens name it: a DNA test (the acknowledgement's paper)
  { phrase: 'xét nghiệm adn', expansion: 'giám định xác nhận quan hệ cha con mẹ con' },
  { phrase: 'giám định adn', expansion: 'giám định xác nhận quan hệ cha con mẹ con' },
  { phrase: 'xét nghiệm huyết thống', expansion: 'giám định xác nhận quan hệ cha con mẹ con' },
  // pass 19: the marital-status paper named by what it says ("tờ không có vợ"); a name changed for a faith or a new gender, or to a stepfather's
  // family name; an older word for a death ("khuất bóng") and for giving birth ("vượt cạn")
  // (never married said of oneself with a paper asked: a situation, assistant.situations.ts)
  { phrase: 'tờ không có vợ', expansion: 'giấy xác nhận tình trạng hôn nhân' },
  { phrase: 'tờ không có chồng', expansion: 'giấy xác nhận tình trạng hôn nhân' },
  { phrase: 'giấy không có vợ', expansion: 'giấy xác nhận tình trạng hôn nhân' },
  { phrase: 'giấy không có chồng', expansion: 'giấy xác nhận tình trạng hôn nhân' },
  { phrase: 'tên thánh', expansion: 'thay đổi hộ tịch' },
  { phrase: 'pháp danh', expansion: 'thay đổi hộ tịch' },
  { phrase: 'chuyển đổi giới tính', expansion: 'thay đổi hộ tịch' },
  { phrase: 'chuyển giới', expansion: 'thay đổi hộ tịch' },
  { phrase: 'họ của dượng', expansion: 'thay đổi họ hộ tịch' },
  { phrase: 'họ dượng', expansion: 'thay đổi họ hộ tịch' },
  { phrase: 'họ cha dượng', expansion: 'thay đổi họ hộ tịch' },
  { phrase: 'họ bố dượng', expansion: 'thay đổi họ hộ tịch' },
  { phrase: 'khuất bóng', expansion: 'khai tử' },
  { phrase: 'vượt cạn', expansion: 'đăng ký khai sinh' },
  // pass 20: the older word for a marriage and its certificate ("đăng ký giá thú", "ghi giá thú")
  { phrase: 'giá thú', expansion: 'kết hôn' },
  { phrase: 'giấy giá thú', expansion: 'giấy chứng nhận kết hôn' },
  { phrase: 'đăng ký giá thú', expansion: 'đăng ký kết hôn' },
  { phrase: 'làm giá thú', expansion: 'đăng ký kết hôn' },
  // vehicles (registration is the commune police's since 2025: Thông tư 79/2024/TT-BCA)
  { phrase: 'sang tên xe', expansion: 'thay đổi chủ xe' },
  { phrase: 'đổi chủ xe', expansion: 'thay đổi chủ xe' },
  { phrase: 'đổi chủ', expansion: 'thay đổi chủ xe' },
  { phrase: 'cà vẹt', expansion: 'chứng nhận đăng ký xe' },
  { phrase: 'cavet', expansion: 'chứng nhận đăng ký xe' },
  { phrase: 'giấy đăng ký xe', expansion: 'chứng nhận đăng ký xe' },
  { phrase: 'biển số', expansion: 'biển số xe' },
  { phrase: 'bấm biển', expansion: 'đăng ký cấp biển số xe lần đầu' },
  { phrase: 'xe mới mua', expansion: 'đăng ký xe lần đầu' },
  { phrase: 'mua xe mới', expansion: 'đăng ký xe lần đầu' },
  { phrase: 'nộp lại biển số', expansion: 'thu hồi chứng nhận đăng ký xe biển số xe' },
  { phrase: 'phế liệu', expansion: 'thu hồi chứng nhận đăng ký xe biển số xe' },
  { phrase: 'biển tạm', expansion: 'đăng ký xe tạm thời' },
  // the APEC business travel card is named by its English initials in the records (ABTC)
  { phrase: 'thẻ apec', expansion: 'thẻ abtc' },
  // social insurance
  { phrase: 'tiền tuất', expansion: 'chế độ tử tuất' },
  { phrase: 'tiền thai sản', expansion: 'hưởng chế độ thai sản' },
  { phrase: 'rút bảo hiểm', expansion: 'hưởng bảo hiểm xã hội một lần' },
  { phrase: 'mua bảo hiểm y tế', expansion: 'đăng ký đóng cấp thẻ bảo hiểm y tế' },
  { phrase: 'bảo hiểm y tế hộ gia đình', expansion: 'đăng ký đóng cấp thẻ bảo hiểm y tế người chỉ tham gia bảo hiểm y tế' },
  // pass 19: the health-insurance card said by what it is for ("thẻ khám bệnh", "thẻ khám chữa
  // bệnh"), the identity card by its chip ("thẻ chip", "căn cước chip")
  { phrase: 'thẻ khám bệnh', expansion: 'thẻ bảo hiểm y tế' },
  { phrase: 'thẻ khám chữa bệnh', expansion: 'thẻ bảo hiểm y tế' },
  { phrase: 'thẻ chip', expansion: 'thẻ căn cước' },
  { phrase: 'căn cước chip', expansion: 'thẻ căn cước' },
  // sickness, maternity and recovery benefits as a worker says them
  { phrase: 'nghỉ ốm', expansion: 'hưởng chế độ ốm đau' },
  { phrase: 'tiền ốm', expansion: 'hưởng chế độ ốm đau' },
  { phrase: 'con ốm', expansion: 'hưởng chế độ ốm đau' },
  { phrase: 'chăm con ốm', expansion: 'hưởng chế độ ốm đau' },
  { phrase: 'dưỡng sức', expansion: 'nghỉ dưỡng sức phục hồi sức khỏe' },
  { phrase: 'sẩy thai', expansion: 'hưởng chế độ thai sản' },
  { phrase: 'tiền sinh', expansion: 'hưởng chế độ thai sản' },
  { phrase: 'trợ cấp tuất', expansion: 'hưởng chế độ tử tuất' },
  // a benefit collected by someone else for the one entitled
  { phrase: 'lãnh giùm', expansion: 'ủy quyền lĩnh thay' },
  { phrase: 'lãnh thay', expansion: 'ủy quyền lĩnh thay' },
  { phrase: 'lĩnh giùm', expansion: 'ủy quyền lĩnh thay' },
  { phrase: 'nhận giùm', expansion: 'ủy quyền lĩnh thay' },
  // another card's details put on the identity card ("đưa thẻ bảo hiểm y tế vào căn cước")
  { phrase: 'vào căn cước', expansion: 'tích hợp thông tin trên thẻ căn cước' },
  { phrase: 'vô căn cước', expansion: 'tích hợp thông tin trên thẻ căn cước' },
  { phrase: 'vào thẻ căn cước', expansion: 'tích hợp thông tin trên thẻ căn cước' },
  // the head of a household changed: the residence record's details are adjusted
  { phrase: 'đổi chủ hộ', expansion: 'điều chỉnh thông tin về cư trú' },
  { phrase: 'thay chủ hộ', expansion: 'điều chỉnh thông tin về cư trú' },
  // land, building, streets
  { phrase: 'hiến đất', expansion: 'tặng cho quyền sử dụng đất cho Nhà nước mở rộng đường giao thông' },
  { phrase: 'nâng tầng', expansion: 'sửa chữa cải tạo' },
  { phrase: 'cơi nới', expansion: 'sửa chữa cải tạo' },
  { phrase: 'dựng rạp', expansion: 'sử dụng tạm thời lòng đường vỉa hè' },
  { phrase: 'dính quy hoạch', expansion: 'cung cấp thông tin quy hoạch' },
  { phrase: 'xem quy hoạch', expansion: 'cung cấp thông tin quy hoạch' },
  { phrase: 'chặt cây', expansion: 'chặt hạ cây xanh' },
  { phrase: 'khoan giếng', expansion: 'khai thác nước dưới đất' },
  { phrase: 'giếng khoan', expansion: 'khai thác nước dưới đất' },
  // (the bare "ghe" is no home, and "bàn ghế" folds to it: a boat lived on is told in assistant.boat-told.ts, pass 23)
  { phrase: 'mét vuông', expansion: 'diện tích bình quân nhà ở' },
  // garden or rice land turned into land to build on: a change of the land's use
  { phrase: 'thổ cư', expansion: 'đất ở' },
  { phrase: 'lên thổ cư', expansion: 'chuyển mục đích sử dụng đất' },
  { phrase: 'lên đất ở', expansion: 'chuyển mục đích sử dụng đất' },
  { phrase: 'sang đất ở', expansion: 'chuyển mục đích sử dụng đất' },
  { phrase: 'sang thổ cư', expansion: 'chuyển mục đích sử dụng đất' },
  // a flat of the State's old housing bought by its tenant
  { phrase: 'hóa giá', expansion: 'bán nhà ở cũ thuộc tài sản công' },
  { phrase: 'nhà tập thể', expansion: 'nhà ở cũ thuộc tài sản công' },
  { phrase: 'nhà nhà nước', expansion: 'nhà ở thuộc tài sản công' },
  { phrase: 'đốn cây', expansion: 'chặt hạ cây xanh' },
  { phrase: 'xin đốn', expansion: 'chặt hạ cây xanh' },
  // works on the banks of a canal or a reservoir: a permit within an irrigation work's protected zone
  { phrase: 'bờ kênh', expansion: 'phạm vi bảo vệ công trình thủy lợi' },
  { phrase: 'hồ thủy lợi', expansion: 'phạm vi bảo vệ công trình thủy lợi' },
  { phrase: 'kênh thủy lợi', expansion: 'phạm vi bảo vệ công trình thủy lợi' },
  { phrase: 'mương thủy lợi', expansion: 'phạm vi bảo vệ công trình thủy lợi' },
  // watering systems the State helps to build on farms
  { phrase: 'tưới nhỏ giọt', expansion: 'tưới tiên tiến tiết kiệm nước' },
  { phrase: 'tưới phun mưa', expansion: 'tưới tiên tiến tiết kiệm nước' },
  { phrase: 'kênh mương nội đồng', expansion: 'thủy lợi nội đồng' },
  { phrase: 'căng rạp', expansion: 'sử dụng tạm thời lòng đường vỉa hè' },
  // a stretch of sea asked to farm shellfish
  { phrase: 'mặt biển', expansion: 'giao khu vực biển' },
  { phrase: 'khúc biển', expansion: 'giao khu vực biển' },
  { phrase: 'khoảnh biển', expansion: 'giao khu vực biển' },
  // fishermen's words for the stretch itself (pass 17): "mặt nước biển", "vạt biển", the tidal
  // flat they farm; "giao biển" the decision allotting it; "vùng biển" only after its verb (folded,
  // "vùng biên giới" reads the same)
  { phrase: 'giao vùng biển', expansion: 'giao khu vực biển' },
  { phrase: 'trả vùng biển', expansion: 'trả lại khu vực biển' },
  { phrase: 'trả lại vùng biển', expansion: 'trả lại khu vực biển' },
  { phrase: 'công nhận vùng biển', expansion: 'công nhận khu vực biển' },
  { phrase: 'mặt nước biển', expansion: 'khu vực biển' },
  { phrase: 'vạt biển', expansion: 'khu vực biển' },
  { phrase: 'bãi triều', expansion: 'khu vực biển' },
  { phrase: 'giao biển', expansion: 'giao khu vực biển' },
  // farming
  { phrase: 'dịch tả', expansion: 'dịch bệnh động vật' },
  { phrase: 'ruộng lúa', expansion: 'đất trồng lúa' },
  { phrase: 'chuyển đổi cây trồng', expansion: 'chuyển đổi cơ cấu cây trồng' },
  { phrase: 'nuôi hàu', expansion: 'nuôi trồng thủy sản' },
  { phrase: 'nuôi cá lồng', expansion: 'nuôi trồng thủy sản lồng bè' },
];

/**
 * Citizens' words for the ward's own certification, residence and identity procedures (pass 13):
 * what they say for the act ("lăn tay", "bản dịch", "ngủ nhờ") rather than the catalogue's name.
 */
export const WARD_WORDS: SynonymEntry[] = [
  // certification: a fingerprint instead of a signature, a copy from the register, a translation
  { phrase: 'lăn tay', expansion: 'điểm chỉ' },
  { phrase: 'dấu vân tay', expansion: 'điểm chỉ' },
  { phrase: 'in dấu tay', expansion: 'điểm chỉ' },
  { phrase: 'ký không nổi', expansion: 'không thể ký' },
  { phrase: 'không ký được', expansion: 'không thể ký' },
  { phrase: 'sổ lưu', expansion: 'sổ gốc' },
  { phrase: 'giữ sổ', expansion: 'sổ gốc' },
  { phrase: 'bản dịch', expansion: 'chứng thực chữ ký người dịch' },
  { phrase: 'dịch công chứng', expansion: 'chứng thực chữ ký người dịch' },
  // pass 20: a certified copy called by the notary's word ("bản sao công chứng căn cước", "sao
  // công chứng học bạ"): the copy's certification, not a signature's
  { phrase: 'bản sao công chứng', expansion: 'chứng thực bản sao từ bản chính' },
  { phrase: 'sao công chứng', expansion: 'chứng thực bản sao từ bản chính' },
  // pass 24: the photocopy named as the paper to certify ("chứng thực giấy tờ photo", "bản phô tô")
  { phrase: 'giấy tờ photo', expansion: 'chứng thực bản sao từ bản chính' },
  { phrase: 'bản photo', expansion: 'chứng thực bản sao từ bản chính' },
  { phrase: 'bản phô tô', expansion: 'chứng thực bản sao từ bản chính' },
  { phrase: 'photo chứng thực', expansion: 'chứng thực bản sao từ bản chính' },
  // a wish to leave one's house or land to someone is a will
  { phrase: 'muốn để lại', expansion: 'di chúc' },
  { phrase: 'tính để lại', expansion: 'di chúc' },
  { phrase: 'định để lại', expansion: 'di chúc' },
  { phrase: 'để của lại', expansion: 'di chúc' },
  // residence
  { phrase: 'ngủ nhờ', expansion: 'thông báo lưu trú' },
  { phrase: 'khách đến ở', expansion: 'thông báo lưu trú' },
  { phrase: 'cho thuê phòng theo ngày', expansion: 'thông báo lưu trú' },
  { phrase: 'trả phòng', expansion: 'xóa đăng ký tạm trú' },
  // pass 23: a tenant said as one living in a rented place ("người ở thuê phải khai với công an")
  { phrase: 'ở thuê', expansion: 'đăng ký tạm trú' },
  { phrase: 'hộ riêng', expansion: 'tách hộ' },
  { phrase: 'làm ăn ở tỉnh khác', expansion: 'khai báo tạm vắng' },
  { phrase: 'đi tỉnh khác', expansion: 'khai báo tạm vắng' },
  { phrase: 'án treo', expansion: 'khai báo tạm vắng' },
  { phrase: 'quản chế', expansion: 'khai báo tạm vắng' },
  { phrase: 'cải tạo không giam giữ', expansion: 'khai báo tạm vắng' },
  { phrase: 'xác nhận chỗ ở', expansion: 'xác nhận thông tin về cư trú' },
  { phrase: 'xác nhận hộ khẩu', expansion: 'xác nhận thông tin về cư trú' },
  { phrase: 'chứng minh nơi thường trú', expansion: 'xác nhận thông tin về cư trú' },
  // land: a boundary moved is a dispute
  { phrase: 'mốc giới', expansion: 'tranh chấp đất đai' },
  { phrase: 'lấn vào', expansion: 'tranh chấp đất đai' },
  { phrase: 'lấn sang', expansion: 'tranh chấp đất đai' },
  { phrase: 'lấn qua', expansion: 'tranh chấp đất đai' },
  // pass 17: the southern "ranh" for a plot's boundary ("lấn ranh", "giành ranh đất")
  { phrase: 'lấn ranh', expansion: 'tranh chấp đất đai' },
  { phrase: 'giành ranh', expansion: 'tranh chấp đất đai' },
  { phrase: 'ranh đất', expansion: 'tranh chấp đất đai' },
  { phrase: 'lấn bờ', expansion: 'tranh chấp đất đai' },
  // identity: the southern "làm rớt" (dropped, lost) is a card lost; a small child ("con nít",
  // "trẻ con") is one under 14, the card's own age line
  { phrase: 'làm rớt', expansion: 'cấp lại' },
  { phrase: 'rớt mất', expansion: 'cấp lại' },
  // pass 17: a card dropped said as "rớt thẻ", "đánh rớt" (the southern "rớt" for "rơi")
  { phrase: 'rớt thẻ', expansion: 'cấp lại thẻ căn cước' },
  { phrase: 'đánh rớt', expansion: 'cấp lại' },
  { phrase: 'con nít', expansion: 'trẻ em dưới 14 tuổi' },
  { phrase: 'trẻ con', expansion: 'trẻ em dưới 14 tuổi' },
  // the household business's registered details
  { phrase: 'tăng vốn', expansion: 'thay đổi nội dung đăng ký hộ kinh doanh' },
  { phrase: 'giảm vốn', expansion: 'thay đổi nội dung đăng ký hộ kinh doanh' },
  // the dates one left the country and came back, confirmed by the commune police (pass 14)
  { phrase: 'lịch sử xuất nhập cảnh', expansion: 'cung cấp thông tin liên quan đến xuất nhập cảnh' },
  { phrase: 'lịch sử xuất cảnh', expansion: 'cung cấp thông tin liên quan đến xuất nhập cảnh' },
  { phrase: 'xác nhận đã xuất cảnh', expansion: 'cung cấp thông tin liên quan đến xuất nhập cảnh' },
  { phrase: 'xác nhận ngày xuất cảnh', expansion: 'cung cấp thông tin liên quan đến xuất nhập cảnh' },
  // land leased with a yearly rent, its rent paid at once from now on: the form of the lease changed
  { phrase: 'sang trả tiền một lần', expansion: 'chuyển hình thức cho thuê đất' },
  { phrase: 'sang thuê trả tiền một lần', expansion: 'chuyển hình thức cho thuê đất' },
  // residence (pass 16): an absence "báo vắng" without "tạm"; a registration "hủy" or "cắt" is removed
  { phrase: 'báo vắng', expansion: 'khai báo tạm vắng' },
  { phrase: 'hủy tạm trú', expansion: 'xóa đăng ký tạm trú' },
  { phrase: 'hủy đăng ký tạm trú', expansion: 'xóa đăng ký tạm trú' },
  { phrase: 'cắt tạm trú', expansion: 'xóa đăng ký tạm trú' },
  { phrase: 'hủy thường trú', expansion: 'xóa đăng ký thường trú' },
  { phrase: 'hủy đăng ký thường trú', expansion: 'xóa đăng ký thường trú' },
  { phrase: 'hủy hộ khẩu', expansion: 'xóa đăng ký thường trú' },
  { phrase: 'hủy hộ khẩu thường trú', expansion: 'xóa đăng ký thường trú' },
  // pass 20: a name taken off a register said "gỡ" ("gỡ tên tạm trú", "gỡ ra khỏi hộ khẩu")
  { phrase: 'gỡ tên', expansion: 'xóa đăng ký' },
  { phrase: 'gỡ ra', expansion: 'xóa đăng ký' },
  { phrase: 'gỡ bỏ', expansion: 'xóa đăng ký' },
  // an identity card dropped on the street or picked from a pocket
  { phrase: 'rớt thẻ', expansion: 'cấp lại thẻ căn cước' },
  { phrase: 'rớt căn cước', expansion: 'cấp lại thẻ căn cước' },
  { phrase: 'móc túi', expansion: 'cấp lại' },
  // pass 16: the ward's acts said in everyday words. Staying "tạm" is the temporary residence
  // ("khai ở tạm", "cư trú tạm thời"); a notice of being away is "báo vắng"; the household moved
  // in is "chuyển khẩu"; one's own household head ("chủ hộ riêng") is a split household.
  { phrase: 'ở tạm', expansion: 'tạm trú' },
  { phrase: 'cư trú tạm', expansion: 'tạm trú' },
  { phrase: 'chuyển khẩu', expansion: 'đăng ký thường trú' },
  { phrase: 'chủ hộ riêng', expansion: 'tách hộ' },
  { phrase: 'chủ hộ khác', expansion: 'tách hộ' },
  { phrase: 'thuê theo ngày', expansion: 'thông báo lưu trú' },
  { phrase: 'qua đêm', expansion: 'thông báo lưu trú' },
  // certification: the commune's stamp ("đem ra xã đóng dấu", "phải có xã chứng") on a paper or a
  // contract, and the old words of a contract's kinds and of an estate
  { phrase: 'đóng dấu', expansion: 'chứng thực' },
  { phrase: 'xã chứng', expansion: 'chứng thực' },
  { phrase: 'phường chứng', expansion: 'chứng thực' },
  { phrase: 'cầm cố', expansion: 'thế chấp' },
  { phrase: 'sang nhượng', expansion: 'chuyển nhượng' },
  { phrase: 'khước từ', expansion: 'từ chối' },
  // ("gia tài" is left out: folded, it is also the "giá tài" of "đấu giá tài sản")
  { phrase: 'gia sản', expansion: 'di sản' },
  // land: the southern "giấy chủ quyền" is the land-use certificate; a dispute "phân xử" is resolved
  { phrase: 'giấy chủ quyền', expansion: 'giấy chứng nhận quyền sử dụng đất' },
  { phrase: 'phân xử', expansion: 'giải quyết tranh chấp' },
  // the mediation of the village: "giảng hòa" is the everyday word of "hòa giải" (pass 19)
  { phrase: 'giảng hòa', expansion: 'hòa giải' },
  { phrase: 'đứng đầu tổ', expansion: 'tổ trưởng' },
];
