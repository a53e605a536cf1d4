"""Figures in the kinds of prose real reports use (issue 9, point 5).

Every sentence here is written for the test; none is copied from a report.
Each case names the kind of text, the sentence, and the figures it must give
(value -> indicator, ``None`` meaning the number is not a figure at all).
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from extractors.extract import Metadata, extract_document
from extractors.records import Figure
from extractors.text.numbers import find_numbers
from extractors.text.word_numbers import parse_number_words


@lru_cache(maxsize=128)
def figures_of(text: str) -> tuple[Figure, ...]:
    return extract_document(text, with_entities=False).figures


# (kind of text, sentence, {value: indicator or None})
CASES: list[tuple[str, str, dict[float, str | None]]] = [
    (
        "fire-safety propaganda classes, not the fire teams' training",
        "Năm qua, lực lượng chữa cháy mở 145 lớp tuyên truyền về PCCC cho các hộ kinh doanh; "
        "cán bộ dân phòng học 42 lớp huấn luyện nghiệp vụ PCCC.",
        {145: "fire_safety_campaigns", 42: "trainings_held"},
    ),
    (
        "a charity house given",
        "Dịp này, Đoàn thanh niên tặng 2 căn nhà cho hộ nghèo.",
        {2: "charity_houses"},
    ),
    (
        "fishermen's teams: groups, boats and crews in one run",
        "Huyện đảo có 52 tổ đoàn kết trên biển, trong đó nhóm đánh bắt xa bờ có 17 tổ/60 tàu/310 "
        "lao động.",
        {52: "model_groups", 17: "model_groups", 310: "model_members"},
    ),
    (
        "workers found jobs are no model's members",
        "Xã giải quyết việc làm cho 230 lao động trong năm.",
        {230: "unclassified"},
    ),
    (
        "group/member pairs written with a slash share what follows",
        "Biên phòng đã giúp dân lập 31 tổ/190 thành viên tự quản ở các bản vùng cao.",
        {31: "model_groups", 190: "model_members"},
    ),
    (
        "models spread out from the ones a province keeps",
        "Từ các mô hình điểm, huyện đã nhân rộng ra 45 mô hình ở các thôn, bản.",
        {45: "models_replicated_provincial"},
    ),
    (
        "an award to people named by their post",
        "Dịp này, UBND xã tặng giấy khen cho 6 công an viên.",
        {6: "awards_individual"},
    ),
    (
        "who came to an award ceremony",
        "Hội nghị khen thưởng 12 tập thể, có 60 đồng chí dự.",
        {12: "awards_collective", 60: "unclassified"},
    ),
    (
        "administrative offences are not criminal cases solved through tips",
        "Nhờ 215 nguồn tin quần chúng cung cấp, công an đã xử lý 19 vụ việc vi phạm hành chính.",
        {19: "unclassified"},
    ),
    (
        "hot spots turned round are not sites of a model",
        "Trong năm, tỉnh duy trì 48 mô hình tự quản; riêng công an đã chuyển hóa 17 xã phức tạp.",
        {48: "models_active", 17: "unclassified"},
    ),
    (
        "what weapons campaigns brought in, named after them",
        "Trong đợt cao điểm, các đồn đã mở 265 buổi vận động, thu hồi 130 khẩu súng tự chế.",
        {265: "weapons_campaigns", 130: "weapons_surrendered"},
    ),
    (
        "detonator parts in a list of what was handed in",
        "Tuần qua, người dân giao nộp cho Công an xã 3 khẩu súng kíp, 45 hạt nổ, 7 kim hỏa "
        "và 4 nụ xòe.",
        {
            3: "weapons_surrendered",
            45: "weapons_surrendered",
            7: "weapons_surrendered",
            4: "weapons_surrendered",
        },
    ),
    (
        "fishermen's teams at sea and their members",
        "Các xã ven biển đã lập 26 tổ đoàn kết trên biển với 310 thành viên.",
        {26: "model_groups", 310: "model_members"},
    ),
    (
        "village security teams of another name",
        "Huyện hiện có 142 tổ an ninh xã hội ở các khu dân cư.",
        {142: "model_groups"},
    ),
    (
        "communes that got regular police, counted without a ratio",
        "Năm 2020, lực lượng công an chính quy đã về đứng chân ở 54 xã của tỉnh.",
        {54: "grassroots_police_coverage"},
    ),
    (
        "officers posted to commune police titles are not the part-time force",
        "Tỉnh đã cử 9 đồng chí về đảm nhiệm chức danh Công an xã ở vùng biên.",
        {9: "unclassified"},
    ),
    (
        "members of street-guard teams",
        "Quận kiện toàn 61 tổ bảo vệ dân phố với 240 đội viên.",
        {240: "grassroots_force_members"},
    ),
    (
        "the loot in the story of a case",
        "Trước đó, một đối tượng đã cướp giật 2 điện thoại và 6 triệu đồng của người đi đường.",
        {2: None},
    ),
    (
        "goods recovered from a theft are a result",
        "Công an xã đã thu hồi 3 xe máy bị trộm để trả lại cho người dân.",
        {3: "unclassified"},
    ),
    (
        "a model named by its numbers",
        "Các thành viên tổ tự quản “4 trong 1” ở thôn Tân Lập đã kịp thời báo tin cho công an.",
        {1: None},
    ),
    (
        "counts at two levels sharing one predicate",
        "Các đài truyền thanh xã, huyện phát tin an ninh, trật tự được 132 lượt cấp huyện và "
        "1.020 lượt cấp xã.",
        {132: "media_campaigns", 1020: "media_campaigns"},
    ),
    (
        "officer turns on patrol are not patrols",
        "Trong tháng, xã tổ chức tuần tra đêm với 415 lượt CBCS.",
        {415: "unclassified"},
    ),
    (
        "numbers in words, award cue after the count",
        "Có sáu tập thể và ba mươi hai cá nhân được Chủ tịch UBND huyện tặng giấy khen.",
        {6: "awards_collective", 32: "awards_individual"},
    ),
    (
        "suspects and weapons counted in words",
        "Qua truy xét, công an bắt hai nghi phạm và ba kẻ cầm đầu, thu bốn khẩu súng tự chế.",
        {2: "unclassified", 3: "unclassified", 4: "weapons_surrendered"},
    ),
    (
        "award cue after the count",
        "Nhân dịp này, 14 tập thể và 57 cá nhân có thành tích xuất sắc được trao bằng khen.",
        {14: "awards_collective", 57: "awards_individual"},
    ),
    (
        "awards proposed, not given",
        "Hội nghị lựa chọn 02 tập thể, 03 cá nhân để đề nghị Bộ Công an khen thưởng.",
        {2: "unclassified", 3: "unclassified"},
    ),
    (
        "collectives and individuals counted together",
        "Dịp này, Ban Chỉ đạo khen thưởng 25 tập thể, cá nhân có thành tích tốt.",
        {25: "unclassified"},
    ),
    (
        "word multiplier with a decimal comma",
        "Các nhà hảo tâm ủng hộ quỹ an sinh tổng số tiền 118,5 tỷ đồng để hỗ trợ hộ nghèo.",
        {118.5e9: "charity_value_vnd"},
    ),
    (
        "number after its verb: sessions, then attendance",
        "Các xã phát động phong trào toàn dân bảo vệ an ninh Tổ quốc được 1.250 buổi với "
        "61.300 lượt người tham dự.",
        {1250: "campaign_sessions", 61300: "campaign_participants"},
    ),
    (
        # the codebook counts sessions launching the movement: propaganda alone is other_*
        # (round 11's annotators, 13 of 15 such sessions; earlier rounds' read them as launches)
        "propaganda sessions and their attendance, the movement not named",
        "Năm qua, các ngành đã tổ chức 3.410 buổi tuyên truyền, vận động với 205.000 lượt người "
        "tham gia.",
        {3410: "unclassified", 205000: "unclassified"},
    ),
    (
        "propaganda sessions for the movement and their attendance",
        "Năm qua, các ngành đã tổ chức 3.410 buổi tuyên truyền, vận động bà con hưởng ứng phong "
        "trào toàn dân bảo vệ an ninh Tổ quốc với 205.000 lượt người tham gia.",
        {3410: "campaign_sessions", 205000: "campaign_participants"},
    ),
    (
        "attendance without a session count, where the movement was launched",
        "Đồn Biên phòng đã phát động phong trào cho hơn 5.600 người dân vùng biên.",
        {5600: "campaign_participants"},
    ),
    (
        "attendance of legal education alone",
        "Lực lượng công an đã tuyên truyền pháp luật cho hơn 5.600 người dân vùng biên.",
        {5600: "unclassified"},
    ),
    (
        "forums counted in times",
        'Trong năm, Công an các xã mở 312 lần Diễn đàn "Công an lắng nghe ý kiến Nhân dân", '
        "thu hút hơn 20.000 lượt người tham dự.",
        {312: "forums_held", 20000: "forum_participants"},
    ),
    (
        "loudspeaker propaganda",
        "Các xã phát 48 lượt tuyên truyền qua loa phóng thanh về phòng, chống ma túy.",
        {48: "media_campaigns"},
    ),
    (
        "posts with reports or pictures are not tips",
        "Các đơn vị phối hợp với báo, đài đưa 1.240 tin, phóng sự về an ninh, trật tự.",
        {1240: "online_posts"},
    ),
    (
        "valuable tips without 'có'",
        "Trong năm, người dân đã báo cho công an 37 nguồn tin giá trị.",
        {37: "tips_valuable"},
    ),
    (
        "handled administratively is not an arrest",
        "Người dân cung cấp 22 nguồn tin có giá trị, giúp công an lập hồ sơ xử lý hành chính "
        "41 đối tượng.",
        {22: "tips_valuable", 41: "unclassified"},
    ),
    (
        "a wanted person arrested is not persuaded",
        "Công an huyện bắt giữ 02 đối tượng truy nã trong tháng.",
        {2: "unclassified"},
    ),
    (
        "weapons handed in although also seized",
        "Bà con tự giác giao nộp, phối hợp công an thu giữ 4 khẩu súng tự chế, "
        "12 hung khí các loại.",
        {4: "weapons_surrendered", 12: "weapons_surrendered"},
    ),
    (
        "money for cameras is not charity",
        "Người dân đóng góp kinh phí trên 2 tỷ đồng để lắp đặt 95 mắt camera an ninh.",
        {2e9: "unclassified", 95: "unclassified"},
    ),
    (
        "kinds of models",
        "Hiện nay toàn tỉnh có 32 loại mô hình với 415 mô hình phòng, chống tội phạm.",
        {32: "models_active", 415: "models_active"},
    ),
    (
        "clubs of the movement",
        "Hội Phụ nữ duy trì 126 CLB phòng, chống tệ nạn xã hội với 4.200 thành viên, góp phần "
        "thực hiện mô hình tự quản.",
        {126: "model_groups", 4200: "model_members"},
    ),
    (
        "models of another movement",
        "Công an tỉnh đang thực hiện 31 mô hình dân vận khéo.",
        {31: "unclassified"},
    ),
    (
        "grassroots forces named by their abbreviation",
        "Lực lượng tham gia bảo vệ ANTT ở cơ sở của huyện có 210 tổ với 640 thành viên.",
        {640: "grassroots_force_members"},
    ),
    (
        "a count after its noun",
        "Trong đó, 41 người là công an xã bán chuyên trách và 77 người là bảo vệ dân phố.",
        {41: "grassroots_force_members", 77: "grassroots_force_members"},
    ),
    (
        "members of civil-defence teams are not grassroots forces (codebook)",
        "Xã duy trì 3 chốt dân phòng với 18 thành viên thay phiên trực đêm.",
        {18: "unclassified"},
    ),
    (
        "a text cut off mid-word keeps its unit",
        "Mô hình được nhân rộng với 150 nhóm Zalo an ninh tổ dân phố với hơn 12 nghìn thàn",
        {12000: "model_members"},
    ),
    (
        "a text cut off inside a two-word unit keeps it",
        "Đến cuối năm 2022, người dân đã giao nộp 3 khẩu súng tự chế và 14 viên đ",
        {14: "weapons_surrendered"},
    ),
    (
        "administrative make-up and demographics are not figures",
        "Thị trấn có 9 khu phố với 4.300 hộ, 15.200 nhân khẩu.",
        {9: None, 4300: None, 15200: None},
    ),
    (
        "households taking part are a result",
        "Toàn xã có 45 tổ tự quản với trên 2.100 hộ tham gia.",
        {2100: "unclassified"},
    ),
    (
        "per-unit norms are not figures",
        "Xã tặng 40 suất quà (500 ngàn đồng/suất); mỗi ấp bố trí 6 thành viên/ấp.",
        {40: "unclassified", 500000: None, 6: None},
    ),
    (
        "a per-unit norm past the rest of the counted noun and its abbreviation",
        "Huyện bố trí đủ 3 chiến sĩ công an (CA)/thôn; đã có 120 chiến sĩ về thôn.",
        {3: None, 120: "unclassified"},
    ),
    (
        "a count referring back is not a new figure",
        "Huyện có 4 lực lượng nòng cốt. 4 lực lượng này phối hợp chặt chẽ với công an xã.",
        {4: "unclassified"},
    ),
    (
        "members of the grassroots teams named earlier in the sentence",
        "Ở phường Tân Lợi, 9 tổ bảo vệ an ninh trật tự đã đi vào nề nếp với tất cả 33 thành viên.",
        {33: "grassroots_force_members"},
    ),
    (
        "a merged province's administrative units",
        "Kể từ tháng 7/2025, toàn tỉnh gồm 72 đơn vị hành chính cấp xã.",
        {72: None},
    ),
    (
        "a directive's norm for every province",
        "Văn bản hướng dẫn nêu rõ, mỗi huyện lựa chọn 2 xã làm điểm.",
        {2: None},
    ),
    (
        "a list of models may name a fire-safety one",
        "Xã đang duy trì 26 mô hình, trong đó có camera đầu ngõ, tổ tự quản đường làng và khu "
        "dân cư an toàn về phòng cháy chữa cháy.",
        {26: "models_active"},
    ),
    (
        "awards to collectives and individuals counted together, joined by và",
        "Nhân dịp này, 85 tập thể và cá nhân được nhận giấy khen của Giám đốc Công an tỉnh.",
        {85: "unclassified"},
    ),
    (
        "the people's self-management teams are model groups",
        "Lực lượng quần chúng của tỉnh gồm 8.430 tổ nhân dân và 512 đội dân phòng.",
        {8430: "model_groups"},
    ),
    (
        "models weeded out are not active models",
        "Huyện mạnh dạn thanh loại 120 mô hình hoạt động cầm chừng, rồi củng cố 64 mô hình "
        "tự quản.",
        {120: "unclassified", 64: "models_active"},
    ),
    (
        "a commune's make-up listed after its lead-in",
        "Toàn xã Tà Xùa gồm 15 bản, hơn 870 hộ, chừng 4.200 nhân khẩu.",
        {15: None, 870: None, 4200: None},
    ),
    (
        "spelled ranges are norms; papers read at a conference are its make-up",
        "Mỗi tổ bố trí từ bốn đến sáu người; hội nghị nhận 09 tham luận.",
        {6: None, 9: None},
    ),
    (
        "models replicated (nhân rộng is not the measure rộng)",
        "Tới nay, các xã đã nhân rộng 248 mô hình tự quản.",
        {248: "models_active"},
    ),
    (
        "a cluster in lower case before a count of communes",
        "Huyện chọn cụm 4 xã giáp biên để tổ chức diễn tập phòng thủ.",
        {4: "unclassified"},
    ),
    (
        "money with its unit glued to the digits",
        "Nhà hảo tâm ủng hộ 45.000.000đ để sửa nhà cho các hộ khó khăn trong khu phố.",
        {45e6: "charity_value_vnd"},
    ),
    (
        "people honoured for prestige are awards, not outreach",
        "Dịp này, huyện biểu dương 41 người có uy tín ở các buôn làng.",
        {41: "awards_individual"},
    ),
    (
        "the audience of propaganda sessions introduced by cho",
        "Trong năm 2023, xã mở 64 buổi tuyên truyền về phong trào, dành cho gần 9.100 lượt người.",
        {64: "campaign_sessions", 9100: "campaign_participants"},
    ),
    (
        "members of the models counted in people, and where the models are",
        "Tỉnh đang có 212 mô hình tự quản, được nhân rộng tại 530 cơ quan, doanh nghiệp; thành "
        "viên tham gia gần 8.200 người.",
        {212: "models_active", 530: "model_sites", 8200: "model_members"},
    ),
    (
        "cases handled from information the people gave",
        "Dựa trên gần 150 thông tin do nhân dân cung cấp, lực lượng Công an làm rõ 19 vụ việc.",
        {19: "cases_solved_via_tips"},
    ),
    (
        "a rating of models is not the count of active models",
        "Qua chấm điểm, có 14 mô hình đạt loại khá, 9 mô hình ở mức trung bình và 3 mô hình yếu.",
        {14: "unclassified", 9: "unclassified", 3: "unclassified"},
    ),
    (
        "ethnic groups, people by age, households and head counts describe a place",
        "Vùng này có 12 dân tộc cùng sống; xã Cư Pui có 3 buôn với 420 hộ, 1.905 khẩu.",
        {12: None, 3: None, 420: None, 1905: None},
    ),
    (
        "age of offenders is not a count",
        "Công an xã gọi hỏi răn đe 6 thanh niên 17 tuổi tụ tập đua xe.",
        {6: "unclassified", 17: None},
    ),
    (
        "the audience of a meeting",
        "Có 85 đại biểu đến dự hội nghị sơ kết của huyện.",
        {85: None},
    ),
    (
        "a slogan model named without quotes",
        "Các khu dân cư duy trì mô hình 4 an toàn, 2 không với sự đồng thuận của người dân.",
        {4: None, 2: None},
    ),
    (
        "a per-unit norm spelled with mỗi, its breakdown, and the total after it",
        "Huyện có 240 tổ bảo vệ an ninh, trật tự; quy định mỗi tổ gồm 4 thành viên (1 tổ trưởng, "
        "1 tổ phó, 2 tổ viên), và tổng cộng 960 người đang tham gia các tổ bảo vệ an ninh, trật "
        "tự ở cơ sở.",
        {
            240: "unclassified",  # teams, not members of the force
            1: None,
            4: None,
            2: None,
            960: "grassroots_force_members",
        },
    ),
    (
        "population and area with a qualifier before the number",
        "Huyện rộng, diện tích tự nhiên gần 61.200ha, dân số trên 95.000 người.",
        {61200: None, 95000: None},
    ),
    (
        "a quota set by a regulation is what is required; the shortfall is a figure",
        "Biên chế theo Nghị quyết của tỉnh quy định là 3.120 người, hiện còn thiếu 410 người.",
        {3120: None, 410: "unclassified"},
    ),
    (
        "the police of so many localities are bodies, not a count",
        "Tháng 8, Bộ Công an họp với Công an 12 địa phương về xây trụ sở cho 90 xã.",
        {12: None},
    ),
    (
        "a share of the population is demographics",
        "Ở bản, đồng bào Mông chiếm gần 88% dân số; năm 2023 bản lập 4 tổ tự quản.",
        {88: None},
    ),
    (
        "population with a word of degree between the measure and its number",
        "Thị xã có 7 phường, xã, với dân số khá đông 28.140 hộ, 101.300 nhân khẩu.",
        {28140: None, 101300: None},
    ),
    (
        "what a district holds (its people, hot spots, rooms and roads) is its make-up",
        "Quận có 250.000 nhân khẩu, 45,2% là nhân khẩu tạm trú; quận có 8 địa bàn phức tạp, "
        "với 30.000 phòng cho thuê và 150 tuyến đường. Công an lắp camera tại 40 tuyến đường.",
        {45.2: None, 8: None, 30000: None, 150: None, 40: "unclassified"},
    ),
    (
        "levels of government and an area after 'là' are not figures",
        "Tỉnh vận hành chính quyền 2 cấp từ tháng 7. Bản có tổng diện tích là 412,5 ha.",
        {2: None, 412.5: None},
    ),
    (
        "the price of each animal or camera is a per-unit norm",
        "Có tháng gia đình mất 2 con, mỗi con giá khoảng 3 triệu đồng. Mỗi camera trị giá "
        "5 triệu đồng, tổng cộng 1,2 tỷ đồng.",
        {2: "unclassified", 3000000: None, 5000000: None, 1200000000: "unclassified"},
    ),
    (
        "firecrackers held by offenders are seized, not handed in",
        "Công an xử lý 2 đối tượng tàng trữ 6,5kg pháo nổ.",
        {6.5: "unclassified"},
    ),
    (
        "a mass organisation's membership and branches are its make-up",
        "Hội Nông dân tỉnh có trên 95.000 hội viên sinh hoạt ở 120 cơ sở hội, 1.100 chi hội. "
        "Năm qua, hội kết nạp 310 hội viên mới; có 300 hội viên tham gia tổ an ninh.",
        {95000: None, 120: None, 1100: None, 310: "unclassified", 300: "grassroots_force_members"},
    ),
    (
        "a place's economy (the firms it drew, their capital, its workers) is its make-up",
        "Thị xã có 6 khu, cụm công nghiệp thu hút gần 900 doanh nghiệp có vốn nước ngoài "
        "và hơn 2.100 doanh nghiệp trong nước, với tổng vốn đầu tư trên 3,4 tỷ USD. Hiện có "
        "khoảng 85.000 lao động. Năm qua, 40 doanh nghiệp đã lắp 300 camera.",
        {
            6: None,
            900: None,
            2100: None,
            3400000000: None,
            85000: None,
            40: "unclassified",
            300: "unclassified",
        },
    ),
    (
        "units counted after 'có' that did the work themselves are a result",
        "Trong đợt cao điểm, thị xã có 11 phường, xã ra mắt tổ tự quản; phường có 7 khu phố.",
        {11: "unclassified", 7: None},
    ),
    (
        "villages where units counted before held their event are reached, not where they lie",
        "Năm nay, thị xã có 9 phường, xã tổ chức ngày hội tại 11 khu phố, thôn. Huyện có 95 "
        "tổ tự quản ở 12 tổ dân phố.",
        {9: "unclassified", 11: "unclassified", 95: "model_groups", 12: None},
    ),
    (
        "capital lent to a person is no capital of the place",
        "Ngân hàng hỗ trợ vốn vay 30 triệu đồng cho người mới ra tù.",
        {30000000: "unclassified"},
    ),
    (
        "kinds of unit listed before the verb that makes them a result",
        "Năm nay có 48 địa phương, cơ quan, bệnh viện, trường học đạt loại tốt. Với 210 hộ, "
        "Tân An đạt chuẩn.",
        {48: "unclassified", 210: None},
    ),
    (
        "the place's budget revenue is not a result of the movement",
        "Năm qua, tỉnh thu ngân sách được 4.120 tỷ đồng; người dân góp 3 tỷ đồng lắp camera.",
        {4120000000000: None, 3000000000: "unclassified"},
    ),
    (
        "a project approved for funding is a plan",
        "Tỉnh có chủ trương đầu tư 80 camera giám sát mới ở các ngã tư. Năm qua, "
        "huyện đã lắp 45 camera.",
        {80: None, 45: "unclassified"},
    ),
    (
        "the base of a percentage is not its own figure",
        "Đánh giá cho thấy 82% trong tổng số 240 mô hình hoạt động hiệu quả.",
        {82: "unclassified", 240: None},
    ),
    # round 3
    (
        "the whole list of what people handed in",
        "Sau đợt vận động, bà con mang đến giao nộp 12 khẩu súng kíp, 7 quả lựu đạn, 4 đầu đạn, "
        "2 cái nỏ và 9 dao kiếm các loại.",
        {
            12: "weapons_surrendered",
            7: "weapons_surrendered",
            4: "weapons_surrendered",
            9: "weapons_surrendered",
        },
    ),
    (
        "weapons destroyed are not weapons handed in",
        "Hội đồng của huyện đã tiêu hủy 40 khẩu súng tự chế và 15 vũ khí thô sơ thu được.",
        {40: "unclassified", 15: "unclassified"},
    ),
    (
        "cases solved with the help of valuable tips",
        "Quần chúng đã báo cho công an hơn 600 tin có giá trị, giúp điều tra, khám phá 212 vụ "
        "việc, bắt 250 đối tượng.",
        {212: "cases_solved_via_tips", 250: "suspects_arrested_via_tips"},
    ),
    (
        "cases only checked after a tip are not cases solved",
        "Từ 30 nguồn tin của nhân dân, lực lượng chức năng đã xác minh 6 vụ.",
        {6: "unclassified"},
    ),
    (
        "ward guards abbreviated",
        "Hiện lực lượng BVDP của phường có 22 thành viên thường trực.",
        {22: "grassroots_force_members"},
    ),
    (
        "people's security teams are groups of the models",
        "Xã đang duy trì 46 tổ an ninh nhân dân ở các thôn.",
        {46: "model_groups"},
    ),
    (
        "model sites counted with the unit in quotes",
        "Cả năm, các địa phương nhân rộng thêm 58 “điểm” mô hình tự quản.",
        {58: "model_sites"},
    ),
    (
        "former members and unfilled posts are not the force's strength",
        "Tỉnh đã tìm việc làm mới cho 210 người nguyên là công an xã bán chuyên trách; các tổ "
        "bảo vệ ANTT còn thiếu 35 người.",
        {210: "unclassified", 35: "unclassified"},
    ),
    (
        "the force at the grassroots, with an abbreviation in brackets",
        "Đến cuối năm, huyện còn 640 người tiếp tục tham gia giữ gìn an ninh trật tự (ANTT) "
        "tại cơ sở.",
        {640: "grassroots_force_members"},
    ),
    (
        "an allowance is a rate, not money spent",
        "Mỗi tháng phụ cấp của tổ viên chưa tới 1,5 triệu đồng; có người chỉ nhận 900 nghìn "
        "đồng một tháng.",
        {1.5e6: None, 900e3: None},
    ),
    (
        "what is needed is not a result",
        "So với định mức, huyện còn hụt 85 người; phải có khoảng 400 người thì lực lượng mới đủ.",
        {400: None},
    ),
    (
        "cases investigated and resolved after tips are cases solved",
        "Người dân báo 640 nguồn tin, nhờ đó lực lượng chức năng điều tra giải quyết 512 vụ việc.",
        {512: "cases_solved_via_tips"},
    ),
    (
        "individuals and collectives counted together, either order",
        "Dịp này có 45 cá nhân, tập thể được khen. Trong đó, 20 cá nhân, tập thể là hội viên.",
        {45: "unclassified", 20: "unclassified"},
    ),
    (
        "awards counted in turns, and emulation flags",
        "Năm qua có 118 lượt tập thể, 264 lượt cá nhân được khen thưởng; tỉnh tặng 3 cờ thi "
        "đua cho các đơn vị dẫn đầu.",
        {118: "awards_collective", 264: "awards_individual", 3: "awards_collective"},
    ),
    (
        "the length of a border describes the province",
        "Tỉnh có 4 huyện biên giới, đường biên giới dài 198 km; năm qua bà con báo 57 nguồn tin.",
        {198: None, 57: "tips_received"},
    ),
    (
        "who the villagers are is not a result",
        "Trưởng thôn kể: bà con trong thôn 100% là đồng bào Xơ Đăng, nhiều nhà còn nghèo.",
        {100: None},
    ),
    (
        "a breakdown by year in the next sentence",
        "Hai năm qua, đồn biên phòng vận động bà con giao nộp 48 khẩu súng kíp. Trong đó, năm "
        "2023 có 20 khẩu, năm nay thêm 28 khẩu.",
        {48: "weapons_surrendered", 20: "weapons_surrendered", 28: "weapons_surrendered"},
    ),
    (
        "incidents settled are not cases solved through tips",
        "Bà con báo 15 nguồn tin có giá trị; công an xã phối hợp giải quyết 31 vụ việc về trật tự.",
        {31: "unclassified"},
    ),
    (
        "a standard's equipment for one team is a norm",
        "Theo quy chuẩn, cấp phát cho một đội xung kích thôn gồm 4 bình chữa cháy, 2 đèn pin.",
        {4: None, 2: None},
    ),
    (
        "where border communes lie is administrative make-up",
        "Tỉnh có 21 xã biên giới thuộc 5 huyện miền núi.",
        {5: None},
    ),
    (
        "a list of weapons named by their kind after a recovery verb",
        "Đợt này, lực lượng Công an phường vận động, thu hồi được nhiều vũ khí gồm: 05 súng hơi, "
        "03 súng kíp, 06 kiếm và 12 bánh pháo hoa.",
        {
            5: "weapons_surrendered",
            3: "weapons_surrendered",
            6: "weapons_surrendered",
            12: "weapons_surrendered",
        },
    ),
    (
        "the movement launched in villages: one session per village",
        "Năm 2023, huyện mở lễ phát động phong trào bảo vệ an ninh Tổ quốc tại 212 thôn, "
        "tổ dân phố, thu hút 40.120 lượt người tham gia.",
        {212: "campaign_sessions", 40120: "campaign_participants"},
    ),
    (
        "denunciation slips are tips",
        "Qua các buổi họp, người dân đã gửi 830 phiếu tố giác tội phạm tới cơ quan Công an.",
        {830: "tips_received"},
    ),
    (
        "arrests after tips reported as 'tin báo'",
        "Công an phường tiếp nhận 91 tin báo của người dân, qua đó điều tra làm rõ 7 vụ án, "
        "bắt 11 đối tượng.",
        {91: "tips_received", 7: "cases_solved_via_tips", 11: "suspects_arrested_via_tips"},
    ),
    (
        "a steering committee's number behind its bracketed abbreviation is a name",
        "Dự hội nghị có ông Trần Văn Bình, thành viên Ban chỉ đạo (BCĐ) 138 huyện.",
        {138: None},
    ),
    (
        "a total broken down by place in brackets",
        "Cả vùng hiện duy trì 129 mô hình tự quản (Long An 38, Tây Ninh 27, Bình Dương 45, "
        "Đồng Tháp 19).",
        {
            129: "models_active",
            38: "models_active",
            27: "models_active",
            45: "models_active",
            19: "models_active",
        },
    ),
    (
        "a capitalised unit the segmenter reads as one name",
        "Phường hiện duy trì 27 Tổ Nhân dân tự quản và 6 Tổ bảo vệ an ninh, trật tự.",
        {27: "model_groups"},
    ),
    (
        "an uncounted share of the tips is valuable, not the count",
        "Năm qua, quần chúng báo cho Công an gần 3.400 nguồn tin, trong đó nhiều tin có giá "
        "trị giúp phá án.",
        {3400: "tips_received"},
    ),
    (
        "offenders arrested thanks to tips",
        "Hơn 9.000 tin báo của quần chúng giúp lực lượng Công an bắt giữ gần 2.100 tội phạm.",
        {9000: "tips_received", 2100: "suspects_arrested_via_tips"},
    ),
    (
        "the country as the place that has models",
        "Hiện cả nước có trên 3.900 mô hình phòng, chống tội phạm ở khu dân cư.",
        {3900: "models_active"},
    ),
    (
        "a door-to-door visit sets no norm for the list after it",
        "Cán bộ đến từng hộ vận động, bà con đã giao nộp cho Công an xã: 3,5 kg pháo tự chế, "
        "2 súng cồn và 4 kíp nổ.",
        {3.5: "weapons_surrendered", 2: "weapons_surrendered", 4: "weapons_surrendered"},
    ),
    (
        "an electric fishing device handed in is not a weapon",
        "Người dân giao nộp 6 súng tự chế và 15 kích điện dùng để đánh bắt cá.",
        {6: "weapons_surrendered", 15: "unclassified"},
    ),
    (
        "a sentence that opens with a target lists targets in every clause",
        "Phấn đấu kéo giảm trên 5% tội phạm về trật tự xã hội; tỷ lệ khám phá án đạt trên 78%, "
        "riêng án nghiêm trọng trên 92%.",
        {5: None, 78: None, 92: None},
    ),
    (
        "who the people are, with the people named after the share",
        "Xã có 3.100 hộ, trong đó gần 85% người dân theo đạo Thiên Chúa; năm qua xã tổ chức "
        "14 buổi họp dân.",
        {85: None, 14: "campaign_sessions"},
    ),
    (
        "fines are not money for social work",
        "Năm qua, Công an huyện phạt tiền 41 trường hợp vi phạm hành chính, tổng số tiền là "
        "96 triệu đồng.",
        {96e6: "unclassified"},
    ),
    (
        "the 2024+ grassroots security teams are no count of the force's members",
        "Huyện vừa ra mắt 48 tổ bảo vệ an ninh, trật tự ở cơ sở gồm 152 thành viên; 27 tổ "
        "hòa giải tiếp tục hoạt động.",
        {48: "unclassified", 152: "grassroots_force_members"},
    ),
    (
        "a bracket after a total that is not a list of places",
        "Toàn huyện có 86 mô hình tự quản (tăng 12 mô hình so với năm trước), thu hút 310 hộ.",
        {86: "models_active", 12: "models_active"},
    ),
    (
        "a model named by a number and a word is not a count",
        "Nhiều thôn áp dụng mô hình 5 an và phong trào 3 sạch, với 240 hộ đăng ký tham gia.",
        {5: None, 3: None},
    ),
    (
        "part-time commune police under their other name",
        "Toàn tỉnh hiện có gần 1.900 công an xã không chuyên trách đang làm nhiệm vụ.",
        {1900: "grassroots_force_members"},
    ),
    (
        "the people at a single forum, named rather than counted",
        "Sáng 9/6, Công an thị trấn tổ chức diễn đàn lắng nghe ý kiến; tham dự diễn đàn có "
        "95 người dân các khu phố.",
        {95: "forum_participants"},
    ),
    (
        "wards in general after communes, then a count (not a numbered ward)",
        "Năm qua, Công an huyện lập hồ sơ đề nghị áp dụng biện pháp giáo dục tại xã, phường "
        "19 người; tại Phường 4, tổ hòa giải họp 6 lần.",
        {19: "unclassified", 4: None},
    ),
    (
        "residential areas describing a commune, then areas that reached a standard",
        "Phường Tân An có 28 khu dân cư với hơn 20.000 nhân khẩu. Năm 2024, phường có 19 "
        "khu dân cư đạt chuẩn an toàn về an ninh, trật tự.",
        {28: None, 20000: None, 19: "unclassified"},
    ),
    (
        "the workers who live in a commune are demographics; those reached are not",
        "Trên địa bàn xã có khoảng 650 công nhân làm việc tại các công trình. Đoàn tuyên "
        "truyền đã đến với 1.200 giáo dân của hai giáo xứ.",
        {650: None, 1200: "unclassified"},
    ),
    (
        "the households and residents of a town, after its total",
        "Thị trấn là trung tâm của huyện với tổng số 2.900 hộ/12.650 nhân khẩu, có 9 tổ dân "
        "phố. Toàn thị trấn có tổng số 1.200 hộ ký cam kết không vi phạm pháp luật.",
        {2900: None, 12650: None, 9: None, 1200: "unclassified"},
    ),
    (
        "cases in a long review list, a tip count only in a later item",
        "Quý I, công an huyện điều tra làm rõ 8 vụ trộm cắp, 11 đối tượng liên quan; phát "
        "hiện 5 vụ ma túy; tiếp nhận 16 tin báo về tội phạm.",
        {8: "unclassified", 11: "unclassified", 5: "unclassified", 16: "tips_received"},
    ),
    (
        "cases from tips named at the start of the sentence, in every item after it",
        "Từ nguồn tin do nhân dân cung cấp, công an các xã đã khám phá 26 vụ án; bắt giữ 31 "
        "đối tượng.",
        {26: "cases_solved_via_tips", 31: "suspects_arrested_via_tips"},
    ),
    (
        "an administrative fine is not money for social work, whatever its spelling",
        "Công an xã sử phạt hành chính 2 đối tượng đánh bạc với số tiền 3 triệu đồng.",
        {2: "unclassified", 3e6: "unclassified"},
    ),
    (
        "medals counted by the medal each person received",
        "Nhân dịp này, Bộ trưởng trao tặng 25 Kỷ niệm chương cho cán bộ làm tốt công tác dân vận.",
        {25: "awards_individual"},
    ),
    (
        "seminars are not launch sessions",
        "Hội Phụ nữ tổ chức 6 buổi tọa đàm về phòng chống bạo lực gia đình cho hội viên.",
        {6: "unclassified"},
    ),
    (
        "a mass organisation's members who joined the grassroots security teams",
        "Nhiệm kỳ qua, 820 cựu chiến binh tham gia tổ an ninh ở thôn, xóm; 310 hội viên vào tổ "
        "hòa giải.",
        {820: "grassroots_force_members", 310: "unclassified"},
    ),
    (
        "the points an online meeting connects are not a figure",
        "Hội nghị được truyền trực tuyến đến 150 điểm cầu cấp xã.",
        {150: None},
    ),
    (
        "the first month of a span whose end carries the year",
        "Kế hoạch chia hai đợt: đợt đầu từ 4 – 7/2024, đợt sau từ 8 – 11/2024; xã đã tổ chức "
        "5 buổi họp dân.",
        {4: None, 8: None, 5: "campaign_sessions"},
    ),
    (
        "a support tool handed in, counted by its container",
        "Người dân đã tự nguyện giao nộp 3 súng tự chế, 2 bình xịt hơi cay và 6 viên đạn.",
        {3: "weapons_surrendered", 2: "weapons_surrendered", 6: "weapons_surrendered"},
    ),
    (
        "a wage named between the money and its month is a rate",
        "Cán bộ ở thôn chỉ được nhận 1,2 triệu đồng tiền phụ cấp mỗi tháng. Năm qua, hội "
        "đã trao tặng 30 triệu đồng cho các gia đình khó khăn.",
        {1.2e6: None, 30e6: "charity_value_vnd"},
    ),
    (
        "a population reaching a size is demographics",
        "Xã đông dân nhất huyện, dân số lên tới 25.000 người; năm qua xã phát hiện 9 vụ việc.",
        {25000: None, 9: "unclassified"},
    ),
    (
        "the communes where something happens are the place, not a count",
        "Trên địa bàn 42 xã, 3 thị trấn của huyện hiện có 45 tổ bảo vệ an ninh, trật tự ở cơ sở.",
        {42: None, 3: None},
    ),
    (
        "one of a set is no count, and the set it names is said elsewhere",
        "Trường Tiểu học Hòa Bình là 1 trong 9 trường đạt chuẩn an toàn về an ninh, trật tự "
        "năm học này.",
        {1: None, 9: None},
    ),
    (
        "a number opening its clause before a future verb is a plan",
        "Xã đã mở 5 lớp tập huấn; 12 lớp còn lại sẽ được mở trong quý IV.",
        {5: "trainings_held", 12: None},
    ),
    (
        "a norm in parentheses does not govern the count after it",
        "Toàn huyện (mỗi thôn lập một đội dân phòng) có 1.250 đội viên dân phòng.",
        {1250: "unclassified"},
    ),
    (
        "the households a group reaches are counted, not the place's make-up",
        "Công an xã lập 8 nhóm Zalo để kết nối với gần 900 hộ dân.",
        {900: "unclassified"},
    ),
    (
        "units listed with their types before a passive verb are a result",
        "Đến nay, 45 xã, thị trấn được công nhận đạt chuẩn an toàn về an ninh, trật tự.",
        {45: "unclassified"},
    ),
    (
        "the people listed among those who attended are the audience",
        "Tham dự ngày hội có lãnh đạo huyện và hơn 300 người dân.",
        {300: None},
    ),
    (
        "respected guests by their honorific classifier are the audience; won over, a result",
        "Cùng dự lễ có 75 vị già làng, trưởng bản. Năm qua, huyện vận động được 30 vị chức "
        "sắc tham gia tổ hòa giải.",
        {75: None, 30: "unclassified"},
    ),
    (
        "where people live and a rule's threshold are not results",
        "Xã có 1.200 hộ dân sinh sống tại 9 thôn. Thôn có từ 300 hộ trở lên được bố trí "
        "thêm thành viên.",
        {1200: None, 9: None, 300: None},
    ),
    (
        "patrols counted in times; who took part in them is not a patrol count",
        "Năm 2023, lực lượng biên phòng tuần tra được 420 lần với 2.100 lượt cán bộ tham gia.",
        {420: "patrols", 2100: "unclassified"},
    ),
    (
        "recordings handed out are materials; money to set up a model is not charity",
        "Hội đã phát hành 300 đĩa CD tuyên truyền pháp luật. Tổng kinh phí xây dựng mô hình "
        "là 95 triệu đồng, do người dân đóng góp.",
        {300: "materials_distributed", 95e6: "unclassified"},
    ),
    (
        "village security teams are groups of the movement's models",
        "Xã duy trì 18 tổ an ninh trật tự hoạt động thường xuyên.",
        {18: "model_groups"},
    ),
    (
        "a need named early in the clause does not make the counts after it targets",
        "Vẫn còn những vụ việc cần đến chính quyền giải quyết như 14 trường hợp tranh chấp "
        "đất đai, 6 trường hợp đánh nhau.",
        {14: "unclassified", 6: "unclassified"},
    ),
    (
        "what a plan provides is a plan",
        "Theo kế hoạch, toàn tỉnh có 30 lớp tập huấn với trên 4.000 học viên.",
        {30: None, 4000: None},
    ),
    (
        "a time stamp after a date, its minutes unpadded",
        "Cập nhật 12.3.2023 - 9:5. Năm qua, xã nhận được 12 tin báo.",
        {9: None, 12: "tips_received"},
    ),
    # round 13 (session 13): kinds of prose seen on real pages, sentences written here
    (
        "numbered hamlets listed after one type word: each number is part of a name",
        "Tuyến đèn chạy qua ấp Long Hòa 1, Long Hòa 2 và ấp Tân Lập, xã Phú Hưng.",
        {1: None, 2: None},
    ),
    (
        "a commune whose name ends with a number",
        "Camera của xã Hòa Thắng 4, huyện Ea Súp hoạt động ổn định. Tháng trước, bà con ở xã "
        "Kim Sơn 3 đến trụ sở giao nộp 5 khẩu súng tự chế.",
        {4: None, 3: None, 5: "weapons_surrendered"},
    ),
    (
        "the area a cluster spans, and the bodies of its units, are make-up",
        "Vùng biên giữa 03 huyện, 2 tỉnh có nhiều đường mòn. Lãnh đạo chính quyền địa phương "
        "19 xã đã ký quy chế phối hợp.",
        {3: None, 2: None, 19: None},
    ),
    (
        "the units a set is drawn from",
        "Huyện Krông Pắc dẫn đầu trong số 11 huyện, thị xã của tỉnh về số camera.",
        {11: None},
    ),
    (
        "members on a patrol are not patrols",
        "Năm 2024, đội xung kích tuần tra 940 lượt với 4.700 lượt thành viên, giữ yên xóm làng.",
        {940: "patrols", 4700: "unclassified"},
    ),
    (
        "people warned or reviewed before the village are not arrests",
        "Nhờ tin báo của quần chúng, công an xã đã răn đe, giáo dục 29 đối tượng.",
        {29: "unclassified"},
    ),
    (
        "traffic as one topic of general legal education",
        "Đoàn thanh niên mở 61 buổi nói chuyện chuyên đề an toàn giao thông và phòng chống ma "
        "túy ở các trường.",
        {61: "unclassified"},
    ),
    (
        "what lights of a lighting model cost is no social work",
        "Chi hội hỗ trợ 36 triệu đồng mua 48 bóng đèn thắp sáng ngõ xóm.",
        {48: "unclassified", 36e6: "unclassified"},
    ),
    (
        "gun barrels and boxed fireworks in a list of what was handed in",
        "Tại buổi lễ, bà con giao nộp 2 hộp pháo hoa, 80 nòng súng và 4 khẩu súng kíp.",
        {4: "weapons_surrendered", 80: "weapons_surrendered", 2: "weapons_surrendered"},
    ),
    (
        "who sits on a model's board for how many places is its make-up, no figure",
        "Ban chủ nhiệm mô hình gồm đại diện 6 thôn trong xã.",
        {6: None},
    ),
    (
        "a place below a size is a rule's threshold",
        "Theo quy định mới, nơi nào dưới 300 hộ thì chỉ cần một tổ viên. Năm qua, xã còn 14 "
        "hộ nghèo.",
        {300: None, 14: "unclassified"},
    ),
    (
        "dignitaries attending the sessions just counted are attendance, not outreach",
        "Năm qua, giáo xứ mở 40 buổi nói chuyện pháp luật có 2.000 lượt chức sắc, chức việc "
        "và giáo dân tham dự.",
        {2000: "unclassified"},
    ),
    (
        "reports the police accept and resolve are case handling, not citizens' tips",
        "Từ đầu năm, Công an huyện tiếp nhận 640 tin báo, đã giải quyết xong 590 tin. "
        "Năm qua, nhân dân cung cấp 75 tin báo giúp công an giải quyết nhiều vụ việc.",
        {640: "unclassified", 590: "unclassified", 75: "tips_received"},
    ),
    (
        "the parts of a place's make-up are make-up too",
        "Huyện hiện có 24 xã, trong đó 15 xã vùng cao và 9 xã đồng bằng.",
        {24: None, 15: None, 9: None},
    ),
    (
        "what a regulation requires is no result",
        "Theo quy định, thôn loại một được bố trí 4 thành viên, thôn loại hai là 3 người.",
        {4: None, 3: None},
    ),
    (
        "an average and its base are no count",
        "Bình quân, 1 cán bộ phụ trách địa bàn xử lý 7,5 vụ việc trong năm; cấp huyện là "
        "12,3 vụ việc.",
        {1: None, 7.5: None, 12.3: None},
    ),
    (
        "the wars a place fought are history",
        "Trong hai cuộc kháng chiến, quê hương này có 9 xã được tuyên dương Anh hùng.",
        {2: None},
    ),
    (
        "spent cartridges in a list of what was handed in",
        "Bà con đã giao nộp 6 khẩu súng săn, 15 vỏ đạn và 40 viên đạn các loại.",
        {6: "weapons_surrendered", 15: "weapons_surrendered", 40: "weapons_surrendered"},
    ),
    (
        "the movement's patrol teams are groups of its models",
        "Thôn duy trì 7 tổ tuần tra với 28 thành viên hoạt động vào ban đêm.",
        {7: "model_groups"},
    ),
    (
        "a day and month after 'hôm qua' are a date",
        "Cụ thể, hôm qua 14.9, tổ tự quản phát hiện 3 đối tượng trộm cắp.",
        {14.9: None, 3: "unclassified"},
    ),
    (
        "regular police posted to communes are not the part-time force",
        "Năm 2020, tỉnh đưa 150 đồng chí Công an chính quy về giữ các chức danh Công an "
        "xã; toàn tỉnh còn 420 công an viên bán chuyên trách. Nhiều xã vẫn giao 30 Công "
        "an xã bán chuyên trách làm việc cùng Công an chính quy.",
        {150: "unclassified", 420: "grassroots_force_members", 30: "grassroots_force_members"},
    ),
    (
        "criteria a result is judged by are not a count",
        "Tai nạn giao thông năm nay đều giảm trên 3 tiêu chí: số vụ, số người chết và bị thương.",
        {3: None},
    ),
    (
        "a norm governs its own clause, not a caption and a lead run on after it",
        "Năm 2021, huyện bố trí mỗi xã 3 điểm tiếp nhận vũ khí Ảnh: người dân đến nộp súng "
        "tại trụ sở Công an xã Tân Hòa trong ngày đầu ra quân Sau hai tuần vận động, lực lượng "
        "Công an ở các xã của huyện đã tiếp nhận 27 khẩu súng tự chế.",
        {3: None, 27: "weapons_surrendered"},
    ),
    (
        "what is left after a merger is the new make-up, not a result",
        "Năm 2025, sau khi sáp nhập các thôn, xã Hòa Bình còn 7 thôn với 21 thành viên tổ tự quản.",
        {7: None, 21: "model_members"},
    ),
    (
        "units still short of a standard are a result",
        "Năm 2025, huyện còn 12 xã chưa đạt chuẩn an toàn về an ninh, trật tự.",
        {12: "unclassified"},
    ),
    (
        "regular police named by their capitalised title are people, not the list's last unit",
        "Năm 2020, toàn tỉnh có Công an chính quy ở 150/150 xã, thị trấn với tổng số "
        "480 Công an xã chính quy; sau đó điều động thêm 210 Công an chính quy về cơ sở.",
        {150: "grassroots_police_coverage", 480: "unclassified", 210: "unclassified"},
    ),
    (
        "commune police abbreviated CAX are the part-time force",
        "Hiện nay, tổng số CAX trong huyện là 320 người, trong đó có 40 công an viên thường trực.",
        {320: "grassroots_force_members", 40: "grassroots_force_members"},
    ),
    (
        "a share of communes a guest speaks of is no count of who came",
        "Năm 2021. Đến dự buổi lễ, ông Trần Văn Bình, Chủ tịch UBND tỉnh, khen ngợi việc "
        "đưa lực lượng chính quy về đủ 100% các xã của tỉnh; dự lễ còn có 60 đại biểu.",
        {100: "grassroots_police_coverage", 60: None},
    ),
    (
        "the aspects a result is judged by are not a count",
        "So với năm trước, các vụ cháy trên địa bàn xã giảm ở cả 2 mặt, còn 4 vụ.",
        {2: None, 4: "unclassified"},
    ),
    (
        "a count of explosives by their kind in a hand-in story, and explosive charges",
        "Đợt này, người dân trong xã giao nộp 15 loại vật liệu nổ, trong đó có 3 nguyên liệu "
        "nổ và 40 viên đạn.",
        {15: "weapons_surrendered", 3: "weapons_surrendered", 40: "weapons_surrendered"},
    ),
    (
        "leaflets as the south calls them, and letters for reporting crimes",
        "Tổ công tác in và rải 2.350 tờ bướm, gửi 640 thư tố giác tội phạm tới từng nhà.",
        {2350: "materials_distributed", 640: "materials_distributed"},
    ),
    (
        "villages where a model runs are not copies of a document",
        "Đoàn viên dựng nhà văn hóa ở 5 bản của xã vùng cao.",
        {5: "unclassified"},
    ),
    (
        "models replicated in a local report, no place named",
        "Năm qua, huyện nhân rộng 6 mô hình ra các thôn, tổ dân phố.",
        {6: "models_replicated_provincial"},
    ),
    (
        "models replicated across the country, with 'ra'",
        "Trong số đó, 9 mô hình được Bộ Công an biểu dương và nhân rộng ra cả nước.",
        {9: "models_replicated_national"},
    ),
    (
        "models replicated beside models built and the new total",
        "Tỉnh xây dựng thêm 7 mô hình mới, nhân rộng 12 mô hình, đưa tổng số mô hình hiện có "
        "lên 58.",
        {12: "models_replicated_provincial"},
    ),
    (
        "the members of a steering committee are not model members",
        "Ban Chỉ đạo của mô hình có 25 thành viên, do Chủ tịch UBND xã đứng đầu.",
        {25: "unclassified"},
    ),
    (
        "a board counted by its own noun, not by the commune named before it",
        "Để vận hành mô hình, xã Tân Hòa lập 1 ban điều hành và 2 tổ trực.",
        {1: "unclassified"},
    ),
    (
        "a share of the communes reached is a figure, not the make-up",
        "Đến cuối năm, có 100% xã, thị trấn và 96% khu dân cư đã ra mắt tổ tự quản.",
        {100: "unclassified", 96: "unclassified"},
    ),
    (
        "pledges signed with households are a result",
        "Đoàn công tác vận động và ký cam kết với 340 hộ dân ở các bản vùng cao.",
        {340: "unclassified"},
    ),
    (
        "a province's firms and a town's clans are its make-up",
        "Tỉnh hiện có 380 doanh nghiệp có vốn nước ngoài; thị trấn có 12 dòng họ lớn.",
        {380: None, 12: None},
    ),
    (
        "what an offender did is no result",
        "Nghi phạm đã gây ra ba vụ cướp tài sản trước khi bị bắt.",
        {3: None},
    ),
    (
        "a rate of the police's handling is no count of tips",
        "Tỉ lệ giải quyết tin báo về tội phạm đạt 93,4%; tỷ lệ phá án đạt 81%.",
        {93.4: "unclassified", 81: "unclassified"},
    ),
    (
        "chat groups the police keep are not groups of a model",
        "Cả phường hiện duy trì 37 nhóm Zalo do cảnh sát khu vực quản lý.",
        {37: "unclassified"},
    ),
    (
        "groups kept running",
        "Năm 2024, xã tiếp tục duy trì hoạt động 64 nhóm hộ liên kết.",
        {64: "model_groups"},
    ),
    (
        "records drawn up are a count, not a village named by a number",
        "Năm 2023, lực lượng chức năng lập biên bản 1.326 trường hợp vi phạm giao thông.",
        {1326: "unclassified"},
    ),
    (
        "collectives and individuals commended as one total are neither",
        "Từ năm 2018 đến nay, 96 lượt tập thể, cá nhân của huyện được biểu dương, khen thưởng.",
        {96: "unclassified"},
    ),
    (
        "the wanted persons a place has on its list are not persuaded",
        "Đầu năm 2024, toàn huyện có 21 đối tượng truy nã, trong đó 4 đối tượng truy nã quốc tế.",
        {21: "unclassified"},
    ),
    (
        "money lent to people after rehab is not charity",
        "Năm 2024, câu lạc bộ giải ngân cho 9 người sau cai nghiện vay với số tiền 45 triệu đồng.",
        {45_000_000: "unclassified"},
    ),
    (
        "models replicated across the whole province",
        "Năm 2024, Công an tỉnh đã xây dựng 20 mô hình, trong đó có 4 mô hình được Công an "
        "tỉnh nhân rộng trong toàn tỉnh.",
        {20: "models_active", 4: "models_replicated_provincial"},
    ),
    (
        "a province's cities and towns are its make-up",
        "Tỉnh có 2 thành phố, 1 thị xã và 7 huyện; Bộ chọn 5 TP trực thuộc Trung ương "
        "làm thí điểm.",
        {2: None, 1: None, 7: None, 5: None},
    ),
    (
        "a page's followers online are no force",
        "Trang Facebook của Công an xã hiện có hơn 31 nghìn người theo dõi.",
        {31_000: "unclassified"},
    ),
    (
        "the price of one thing is no money spent",
        "Bà Lan cho biết chiếc bình có giá 320 nghìn đồng, bảo hành 2 năm.",
        {320_000: None},
    ),
    (
        "the one-stop office is no count",
        "Sản phẩm được trưng bày tại bộ phận 1 cửa của xã.",
        {1: None},
    ),
    (
        "a share's threshold is a standard, not a rate reached",
        "Năm 2023, tỷ lệ hòa giải thành ở 4 xã chưa đạt 80% trở lên.",
        {80: None},
    ),
    (
        "the two sides of a dispute are no count",
        "Tổ hòa giải đã mời 2 bên đến nhà văn hóa thôn để nói chuyện.",
        {2: None},
    ),
    (
        "the rounds of a contest are its make-up",
        "Hội thi gồm 03 phần thi: chào hỏi, kiến thức pháp luật và xử lý tình huống.",
        {3: None},
    ),
    (
        "a residential group named by its abbreviation and number",
        "Bà Mai ở TDP 4 phường Nam Hà đã lắp một bình chữa cháy tại nhà.",
        {4: None},
    ),
    (
        "propaganda over the loudspeakers",
        "Năm 2024, xã đã phát trên hệ thống loa phát thanh 310 lượt tin về phòng chống tội phạm.",
        {310: "media_campaigns"},
    ),
]


def test_a_place_share_is_a_part_of_its_total() -> None:
    text = "Cả vùng hiện duy trì 129 mô hình tự quản (Long An 38, Tây Ninh 27, Đồng Tháp 64)."
    figures = figures_of(text)
    total = next(f for f in figures if f.value == 129)
    parts = [(f.value, f.breakdown, f.unit) for f in figures if f.part_of == total.figure_id]
    assert parts == [
        (38, "Long An", "mô hình"),
        (27, "Tây Ninh", "mô hình"),
        (64, "Đồng Tháp", "mô hình"),
    ]


def test_sessions_held_up_to_now_are_a_flow() -> None:
    """Activity counted "up to now" is still activity: the codebook makes sessions a flow."""
    text = "Đến nay, toàn huyện đã tổ chức 2.310 buổi họp dân với 96.400 lượt người dự."
    kinds = {f.value: f.kind for f in figures_of(text)}
    assert kinds == {2310: "flow", 96400: "flow"}


def test_teams_set_up_in_the_period_are_a_flow() -> None:
    """Codebook, "Kind": "thành lập được N tổ in the period is flow"."""
    text = "Trong năm, huyện đã thành lập được 31 tổ bảo vệ an ninh, trật tự ở cơ sở."
    found = [(f.indicator, f.kind) for f in figures_of(text)]
    # the teams are no count of the force's members (the indicator counts people)
    assert found == [("unclassified", "flow")]
    text = "Ngày 1/7, xã thành lập 9 tổ bảo vệ ANTT ở các thôn."
    assert [f.kind for f in figures_of(text)] == ["flow"]


def test_the_members_of_teams_set_up_are_a_stock() -> None:
    """Setting up reaches the teams, not what they are made of (codebook, "Kind")."""
    text = (
        "Tháng 7, phường ra quyết định thành lập 14 tổ bảo vệ ANTT ở cơ sở, với tổng cộng "
        "57 người tham gia."
    )
    assert [f.kind for f in figures_of(text)] == ["flow", "stock"]


def test_teams_set_up_up_to_now_are_a_total() -> None:
    """A standing-count frame before the verb makes the count what stands now."""
    text = "Đến nay, huyện đã thành lập 640 đội xung kích với gần 9.000 thành viên."
    assert [f.kind for f in figures_of(text)] == ["stock", "stock"]


def test_models_up_to_now_stay_a_stock() -> None:
    text = "Đến nay, toàn huyện duy trì 87 mô hình tự quản ở khu dân cư."
    assert [f.kind for f in figures_of(text)] == ["stock"]


@pytest.mark.parametrize(("kind", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_real_prose(kind: str, text: str, expected: dict[float, str | None]) -> None:
    figures = figures_of(text)
    for value, indicator in expected.items():
        found = [f for f in figures if abs(f.value - value) < 1e-6]
        if indicator is None:
            assert not found, f"{kind}: {value} should not be a figure: {found}"
            continue
        assert found, f"{kind}: {value} missing in {[(f.value, f.indicator) for f in figures]}"
        assert found[-1].indicator == indicator, f"{kind}: {value} -> {found[-1].rule}"


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("sáu", 6),
        ("mười", 10),
        ("mười lăm", 15),
        ("ba mươi tám", 38),
        ("hai mươi mốt", 21),
        ("bốn mươi tư", 44),
        ("một trăm linh năm", 105),
        ("hai trăm", 200),
    ],
)
def test_number_words(words: str, value: int) -> None:
    assert parse_number_words(words) == value


@pytest.mark.parametrize(
    "text",
    [
        "Lần thứ hai tổ chức hội nghị.",  # ordinal
        "Số vụ giảm gấp hai lần so với năm trước.",  # comparison
        "Một số mô hình còn hình thức; một tổ chưa hoạt động.",  # "some", "a"
        "Công an phường và ba tổ chức hội nói trên phối hợp.",  # "tổ chức" is not "tổ"
    ],
)
def test_number_words_that_are_not_counts(text: str) -> None:
    assert not [m for m in find_numbers(text) if not m.raw[0].isdigit()]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("Chiều 21.7, tại nhà văn hóa khu phố diễn ra ngày hội.", "21.7"),  # day.month
        ("Tính đến 1.7, toàn tỉnh có 300 tổ.", "1.7"),
        ("Căn cứ Thông tư 23/2012 của Bộ Công an.", "23/2012"),  # document number
        ("Hợp nhất các phường 1, 2 và 4 của quận 5.", "2"),  # digits in names
        ("Ngày hội tại P.3, TP.Cao Lãnh.", "3"),
        ("Hội nghị Trung ương 8 khóa XI.", "8"),
        ("Thực hiện chỉ tiêu 19.2 tại các xã.", "19.2"),
        ("Xã có diện tích 81,5 km2 và nhiều đồi.", "81,5"),
        ("Hà Tiên, 29°C/ 28°C - 31°C Mưa rào", "29"),  # a weather box
        ("Toàn cảnh buổi lễ. 27.jpg", "27"),  # a picture's file name
        ("Công an xã giúp người dân nâng định danh từ mức 1 lên mức 2.", "1"),  # levels
        ("Công an xã giúp người dân nâng định danh từ mức 1 lên mức 2.", "2"),
        ("Các ấp duy trì mô hình 3+1 về giữ gìn trật tự.", "3"),  # a name joined by +
        ("Sáng nay 21.4, Ban Chỉ đạo huyện họp sơ kết.", "21.4"),  # "sáng nay" dates it
        ("Camera được lắp dọc đường ĐT 741 qua xã.", "741"),  # a provincial road
        ("Hội nghị kết thúc tốt đẹp.\n\n245\n\nTin cùng chuyên mục", "245"),  # a view counter
        ("Mỗi tổ có từ 4 đến 6 người tham gia.", "4"),  # a range is a norm
        ("Mỗi tổ có từ 4 đến 6 người tham gia.", "6"),
        ("Cụm 2 gồm bốn huyện phía tây.", "2"),  # a cluster's name, capitalised
        ("Chia sẻ bài viết\n\n03\n\nNăm qua, phường có 8 tổ.", "03"),  # a counter alone on its line
        ("ẢNH TU LIEU.04_11_52_09.Still008", "11"),  # a video still's file name
        ("ẢNH TU LIEU.04_11_52_09.Still008", "04"),
        # round 3
        ("Mỗi trụ sở được bố trí 02 đến 03 phòng làm việc.", "02"),  # a range without "từ"
        ("Mỗi trụ sở được bố trí 02 đến 03 phòng làm việc.", "03"),
        ("Chốt trực 24/24 giờ trong dịp lễ.", "24/24"),  # round the clock
        ("Người dân ấp Tân Phú 2 góp tiền lắp đèn.", "2"),  # a hamlet's name with its number
        ("Ngày hội ở làng Kon Brai 3 diễn ra vui tươi.", "3"),
        ("Vùng biên cùng chung tay giữ bình yên thôn bản - 2\nNội dung bài", "2"),  # gallery no.
        # round 15
        ("Ông Trần Văn K, Phó trưởng ban 389 của tỉnh, phát biểu.", "389"),  # a committee's no.
        ("Tổ tuần tra dọc cột mốc 1085, 1086 vào mỗi tuần.", "1085"),  # border markers
        ("Tổ tuần tra dọc cột mốc 1085, 1086 vào mỗi tuần.", "1086"),
        ("Tổ tuần tra dọc cột mốc biên giới 214 trong đêm.", "214"),
        ("Năm 2021, tổ tình nguyện giúp 30 hộ bị ảnh hưởng bởi dịch COVID- 19.", "19"),  # a code
        ("Mô hình được triển khai tại Trường THPT Nguyễn Huệ 2 và thôn An Lạc.", "2"),  # a school
        ("Lễ ra quân diễn ra tại quảng trường 26.3, sát đường 3.2 của phường.", "26.3"),  # named
        ("Lễ ra quân diễn ra tại quảng trường 26.3, sát đường 3.2 của phường.", "3.2"),
        # round 16
        ("Đường dây nóng: 0258 3822 119\nXã tổ chức ngày hội.", "0258"),  # a phone number
        ("Đường dây nóng: 0258 3822 119\nXã tổ chức ngày hội.", "3822"),
        ("Mọi tin báo xin gọi số điện thoại 113 của lực lượng Công an.", "113"),
        ("Thanh niên xã ứng dụng công nghệ 4.0 để tiếp nhận tin báo.", "4.0"),  # a generation
        ("Ý kiến bạn đọc\nCòn lại 300/300 ký tự", "300/300"),  # a comment box's counter
        ("Posted by Phòng nội dung on 12 March 2021", "12"),  # a byline's date in English
        ("Đêm 30 Tết, tổ tự quản vẫn đi tuần.", "30"),  # a day of the lunar new year
        ("Các khu trọ giảm 20%-40% tiền thuê cho công nhân.", "20"),  # a range of shares
        ("Các khu trọ giảm 20%-40% tiền thuê cho công nhân.", "40"),
        # a version in a name, not a count
        ("Thôn triển khai mô hình Sổ tay điện tử 4.0 từ tháng 3.", "4.0"),
        # the span a review looks back on, whatever follows it
        ("Ngày 5/6, huyện tổ chức sơ kết 3 năm công tác tuyên truyền về phong trào.", "3"),
    ],
)
def test_numbers_that_are_not_figures(text: str, raw: str) -> None:
    assert raw not in [m.raw for m in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # who lives there and how the place is divided are not results (codebook)
        ("Ở xã biên giới này, đồng bào Dao chiếm hơn 60%, còn lại là người Kinh.", 60),
        ("Phường được chia thành 5 khu phố với 31 tổ dân phố.", 5),
        ("Phường được chia thành 5 khu phố với 31 tổ dân phố.", 31),
        ("Đoàn công tác về thăm 11 xã có đồng bào Thái sinh sống.", 11),
        ("Tại diễn đàn, đại diện các xã trình bày 7 báo cáo tham luận.", 7),  # papers read
        ("Tai nạn giao thông năm nay giảm trên cả 3 chỉ số.", 3),  # criteria
        # round 16: what seized goods were packed in; who spoke for how many bodies
        ("Tổ công tác thu giữ 3 kg pháo nổ gói trong 4 bao tải nhỏ.", 4),
        ("Tại buổi lễ, đại diện 4 trường học phát biểu cam kết.", 4),
        # round 21: a routine of shifts each night is no count of the period's patrols
        ("Mỗi đêm, các thành viên thay nhau đi tuần ít nhất 2 ca.", 2),
        # how many bodies sent the reports a figure is summed from
        ("Theo báo cáo của 41 tỉnh, thành phố, đã có 6.300 tổ tự quản ra mắt.", 41),
        # the value of each gift is a norm, but the next count of the list is not under it
        (
            "Đoàn trao 30 phần quà, mỗi phần quà 300.000 đồng, 12 suất học bổng cho học sinh.",
            300000,
        ),
        # the parts of a plan; the places a guest list names
        ("Kế hoạch gồm 5 nội dung, 3 nhóm giải pháp, chia 2 giai đoạn.", 5),
        ("Kế hoạch gồm 5 nội dung, 3 nhóm giải pháp, chia 2 giai đoạn.", 2),
        ("Đến dự buổi lễ có các trưởng thôn và tổ viên tổ tự quản của 14 thôn.", 14),
    ],
)
def test_make_up_and_composition_are_not_figures(text: str, value: float) -> None:
    assert value not in [f.value for f in figures_of(text)]


def test_a_value_under_its_table_label_stays_a_number() -> None:
    # a counter alone on its line is page furniture, a table cell under its label is not
    assert "1.245" in [m.raw for m in find_numbers("Số nguồn tin quần chúng cung cấp\n1.245\n")]


def test_a_change_over_the_period_is_a_flow() -> None:
    """A rise or fall compared with last year describes the period (codebook, "Kind")."""
    text = "So với năm trước, số vụ trộm cắp trên địa bàn xã giảm 7,4%."
    assert [(f.value, f.kind) for f in figures_of(text)] == [(7.4, "flow")]


def test_what_a_model_has_since_its_launch_is_a_stock() -> None:
    """ "Ra mắt từ <date>" dates a standing model; its members are a stock (codebook, "Kind")."""
    text = "Ra mắt từ ngày 3/2/2020, mô hình đã thu hút 12 thành viên tham gia tuần tra."
    assert [(f.indicator, f.kind) for f in figures_of(text)] == [("model_members", "stock")]


def test_grams_and_kilograms_glued_to_the_number_are_its_unit() -> None:
    """ "9,27g": the unit written on the digits; what was confiscated is activity (a flow)."""
    text = "Năm qua, công an xã tịch thu 4,5g heroin và 2,1kg pháo nổ."
    assert [(f.value, f.unit, f.kind) for f in figures_of(text)] == [
        (4.5, "g", "flow"),
        (2.1, "kg", "flow"),
    ]


def test_the_base_after_tren_tong_so_is_the_denominator() -> None:
    """``N nhóm trên tổng số M ấp``: M is the base of the count, not a figure."""
    text = "Đến nay, 28 thôn trên tổng số 35 thôn của huyện đã có camera."
    assert [(f.value, f.denominator) for f in figures_of(text)] == [(28, 35)]
    text = "Năm 2023, công an làm rõ 12 vụ trong số 15 vụ do nhân dân cung cấp nguồn tin."
    assert [(f.value, f.denominator) for f in figures_of(text)] == [(12, 15)]


def test_people_dealt_with_are_a_flow_unless_framed_as_on_file() -> None:
    text = "Mặt trận xã nhận giúp đỡ, giáo dục 18 đối tượng ở khu dân cư."
    assert [f.kind for f in figures_of(text)] == ["flow"]
    text = "Công an huyện đã đưa vào diện quản lý 140 đối tượng có biểu hiện vi phạm."
    assert [f.kind for f in figures_of(text)] == ["stock"]


def test_cases_on_file_now_are_a_stock() -> None:
    """Cases are a flow only when nothing frames them: "đến nay còn ... đang chấp hành"
    counts who stands on file now."""
    text = "Đến nay, thôn còn 8 trường hợp đang được quản lý tại địa phương."
    assert [f.kind for f in figures_of(text)] == ["stock"]


def test_lights_stand_and_cases_are_activity() -> None:
    """Codebook, "Kind": cameras (and so the lights of a lighting model) are a stock,
    cases handled in the period a flow."""
    text = "Năm nay chi đoàn dựng thêm 52 trụ đèn ven đường làng."
    assert [(f.unit, f.kind) for f in figures_of(text)] == [("trụ đèn", "stock")]
    text = "Đội cứu hộ bãi biển kịp thời cứu 318 trường hợp gặp nạn."
    assert [f.kind for f in figures_of(text)] == ["flow"]
    # ... and so do alarm gongs and tip boxes put up
    text = "Xã đã treo 17 kẻng báo động và đặt 4 hòm thư tố giác tội phạm."
    assert [(f.unit, f.kind) for f in figures_of(text)] == [("kẻng", "stock"), ("hòm thư", "stock")]


def test_an_abbreviated_noun_and_an_amount_in_words_keep_their_unit() -> None:
    text = "Hội Nông dân xã kết nối được 4 DN nhận người hoàn lương vào làm việc."
    assert [(f.unit, f.indicator) for f in figures_of(text)] == [("dn", "unclassified")]
    text = "Cả công trình hết 1,8 tỉ trong đó nhà nước hỗ trợ 300 triệu đồng."
    assert [f.unit for f in figures_of(text)][0] == "đồng"


def test_a_count_after_a_price_per_unit_is_a_count_of_its_own() -> None:
    """ "mỗi phần quà 300.000 đồng, 12 suất học bổng": the norm ends with its price."""
    values = [
        f.value
        for f in figures_of(
            "Đoàn trao 30 phần quà, mỗi phần quà 300.000 đồng, 12 suất học bổng cho học sinh."
        )
    ]
    assert 30 in values and 12 in values
    # a norm listed without a price still governs its list ("mỗi đội có 1 đội trưởng, 3 đội viên")
    normed = [f.value for f in figures_of("Xã lập 9 tổ, mỗi tổ có 1 tổ trưởng, 2 tổ viên.")]
    assert 9 in normed and 2 not in normed


def test_teams_and_addicts_are_no_force_members() -> None:
    """The indicator counts people of the force: not the 2024+ teams themselves, not the
    addicts a commune police keeps files on."""
    figures = figures_of(
        "Toàn huyện có 214 tổ bảo vệ an ninh, trật tự với 642 thành viên. Công an xã lập "
        "hồ sơ 35 người nghiện."
    )
    by_value = {f.value: f.indicator for f in figures}
    assert by_value[642] == "grassroots_force_members"
    assert by_value[214] != "grassroots_force_members"
    assert by_value[35] != "grassroots_force_members"


def test_only_disputes_mediated_successfully_are_disputes_mediated() -> None:
    figures = figures_of(
        "Năm 2023, các tổ đã tiến hành hòa giải 95 vụ, thành công 80 vụ, còn lại "
        "hòa giải không thành 15 vụ."
    )
    assert {f.value: f.indicator for f in figures} == {
        95: "unclassified",
        80: "disputes_mediated",
        15: "unclassified",
    }


def test_households_taking_part_are_a_result_unlike_those_living_there() -> None:
    assert [f.value for f in figures_of("Có 140 hộ gia đình đăng ký lắp đèn an ninh.")] == [140]
    assert figures_of("Thôn có 320 hộ gia đình, phần lớn làm nông.") == ()


def test_a_proposed_number_is_a_plan() -> None:
    text = "Phường lập dự án lắp đèn; số lượng đề xuất: 600 bóng đèn, gồm 250 bóng mới."
    assert figures_of(text) == ()


def test_a_report_of_no_province_with_the_countrys_figures_is_national() -> None:
    doc = extract_document(
        "Tính đến cuối năm 2022, cả nước có 98.000 tổ hòa giải với 600.000 hòa giải viên; "
        "các tổ hòa giải thành công 41.000 vụ việc."
    )
    assert doc.document.province is None
    assert doc.document.scope == "national"
    assert {f.scope for f in doc.figures} == {"national"}


def test_a_count_after_a_hotline_is_a_count() -> None:
    assert [f.value for f in figures_of("Người dân gọi qua đường dây nóng 12 lần.")] == [12]


def test_people_helped_after_the_tips_are_no_arrests() -> None:
    text = (
        "Nhân dân cung cấp 2.100 nguồn tin, giúp bắt giữ 96 đối tượng; vận động 14 đối tượng "
        "ra đầu thú; giúp đỡ 230 người lầm lỡ hoàn lương."
    )
    by_value = {f.value: f.indicator for f in figures_of(text)}
    assert by_value[96] == "suspects_arrested_via_tips"
    assert by_value[14] != "suspects_arrested_via_tips"
    assert by_value[230] != "suspects_arrested_via_tips"


def test_a_straight_quote_after_a_comma_closes_the_name() -> None:
    """The name ends at its second straight quote, comma or not: the count after it is a figure."""
    text = 'Sau 5 năm thực hiện "Ngày hội toàn dân," huyện đã tổ chức 1.240 buổi họp dân.'
    assert 1240 in [f.value for f in figures_of(text)]


def test_an_english_decimal_percentage_is_no_version() -> None:
    assert "10.0" in [m.raw for m in find_numbers("Số vụ trộm cắp giảm 10.0% so với năm trước.")]


def test_a_count_referred_back_to_is_counted_once() -> None:
    text = (
        "Năm 2024, huyện xây dựng 4 khu dân cư kiểu mẫu về trật tự. "
        "Tình hình trật tự ở 4 khu dân cư vừa đề cập đã chuyển biến rõ."
    )
    assert [f.value for f in figures_of(text)] == [4.0]


@pytest.mark.parametrize(
    "text",
    [
        "Trong dịp cao điểm, lực lượng chức năng giải tỏa 40 điểm lấn chiếm vỉa hè.",
        "Tổ công tác lập biên bản 300 phương tiện đỗ sai quy định.",
        "Công an xã đã gặp gỡ 14 gia đình có người đi làm ăn xa.",
        "Từ chỉ thị của tỉnh, Công an huyện cụ thể hóa 60 văn bản hướng dẫn.",
    ],
)
def test_work_done_in_the_period_is_a_flow(text: str) -> None:
    """An action verb before a count nothing else classifies: activity of the period."""
    assert [f.kind for f in figures_of(text)] == ["flow"]


def test_what_is_to_be_reached_by_a_later_year_is_a_target() -> None:
    """A share for a year after the page's own is a goal; with no date, nothing tells."""
    text = (
        "Huyện xây dựng 40% số xã không có tội phạm và tới năm 2030, 90% số xã không có "
        "tội phạm. Năm 2024, huyện có 11 xã đạt chuẩn."
    )
    dated = extract_document(text, Metadata(published="2025-01-10"), with_entities=False)
    assert 90 not in [f.value for f in dated.figures]
    assert 11 in [f.value for f in dated.figures]
    # a span that ended before the page's date is history, not a goal
    past = "Từ năm 2015 đến năm 2020, toàn huyện đã xây dựng 45 mô hình tự quản."
    assert [f.value for f in figures_of(past)] == [45]
    later = extract_document(past, Metadata(published="2021-01-10"), with_entities=False)
    assert [f.value for f in later.figures] == [45]


def test_models_taken_down_in_the_period_are_a_flow() -> None:
    """Dissolving models is an event of the period, like setting them up."""
    figures = figures_of("Qua rà soát, huyện giải thể 12 tổ tự quản và thanh loại 9 mô hình yếu.")
    assert [(f.value, f.kind) for f in figures] == [(12, "flow"), (9, "flow")]
