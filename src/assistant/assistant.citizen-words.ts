import type { SynonymEntry } from './assistant.synonyms';

/**
 * Citizens' words for the commune procedures of the national catalogue beyond civil status and
 * residence — vehicles, social insurance, land and building, farming — each mapped to the words
 * the national names use (see BUILTIN_SYNONYMS for how an entry is matched and weighed).
 */
export const CITIZEN_WORDS: SynonymEntry[] = [
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
  { phrase: 'ghe', expansion: 'phương tiện để ở nơi thường xuyên đậu đỗ' },
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
  // farming
  { phrase: 'dịch tả', expansion: 'dịch bệnh động vật' },
  { phrase: 'ruộng lúa', expansion: 'đất trồng lúa' },
  { phrase: 'chuyển đổi cây trồng', expansion: 'chuyển đổi cơ cấu cây trồng' },
  { phrase: 'nuôi hàu', expansion: 'nuôi trồng thủy sản' },
  { phrase: 'nuôi cá lồng', expansion: 'nuôi trồng thủy sản lồng bè' },
];
