/** Word lists for the demo province (invented people and places; NFC Vietnamese). */

export const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
export const MIDDLE_MALE = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thành', 'Xuân'];
export const MIDDLE_FEMALE = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Mỹ', 'Phương', 'Hồng'];
export const GIVEN_MALE = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hiếu', 'Hùng', 'Khánh', 'Long', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tài', 'Thắng', 'Tùng', 'Việt'];
export const GIVEN_FEMALE = ['Anh', 'Châu', 'Diệp', 'Giang', 'Hà', 'Hằng', 'Hương', 'Lan', 'Linh', 'Mai', 'Ngân', 'Nhung', 'Oanh', 'Quyên', 'Thảo', 'Trang', 'Yến'];

/** Departments of a provincial Youth Union office (Ban / Văn phòng). */
export const DEPARTMENTS = ['Văn phòng', 'Ban Tổ chức - Kiểm tra', 'Ban Tuyên giáo', 'Ban Phong trào', 'Ban Thanh niên trường học', 'Ban Mặt trận - Quốc tế', 'Hội đồng Đội'];

/** Place-name words; a unit is "Xã"/"Phường" + two of them. */
export const PLACE_WORDS = ['An', 'Bình', 'Phú', 'Tân', 'Hòa', 'Thạnh', 'Long', 'Mỹ', 'Phước', 'Đông', 'Tây', 'Hưng', 'Lộc', 'Thuận', 'Quang', 'Trung', 'Sơn', 'Hải', 'Lâm', 'Thành', 'Vĩnh', 'Đức'];

/** What a trip's description says, by category code. */
export const DESCRIPTIONS: Record<string, string[]> = {
  khao_sat: ['Khảo sát tình hình thanh niên địa phương', 'Nắm tình hình tổ chức cơ sở Đoàn sau sắp xếp'],
  nghien_cuu: ['Nghiên cứu tình hình đoàn viên công nhân', 'Tìm hiểu nhu cầu việc làm của thanh niên nông thôn'],
  phoi_hop: ['Phối hợp tổ chức Ngày hội thanh niên khởi nghiệp', 'Phối hợp tổ chức chiến dịch Mùa hè xanh'],
  kiem_tra: ['Kiểm tra công tác Đoàn 6 tháng đầu năm', 'Giám sát việc thực hiện nghị quyết đại hội'],
  sinh_hoat: ['Dự sinh hoạt chi đoàn thôn', 'Dự hội nghị Ban Chấp hành Đoàn xã'],
  dai_hoi: ['Chỉ đạo đại hội chi đoàn điểm', 'Hướng dẫn công tác chuẩn bị đại hội Đoàn cơ sở'],
  khac: ['Làm việc với cấp ủy về công tác thanh niên'],
};

export const POSITIONS = { head: 'Trưởng ban', deputy: 'Phó Trưởng ban', staff: 'Chuyên viên', office: 'Chánh Văn phòng' } as const;
