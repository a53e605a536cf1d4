"""Numbers the number finder keeps that the codebook says are not figures.

The finder (``extractors/text/numbers/``) decides from the words right
before a number; some non-figures only show once the counted noun is known:
administrative make-up (``thị xã có 10 xã, phường``), demographics
(``36.000 nhân khẩu``), per-unit norms (``350 ngàn đồng/suất``), counts that
refer back to one already given (``3 lực lượng này``) and the base of a
percentage (``78% trong tổng số 156 mô hình``). The vocabulary is the
``not_figures`` section of ``indicators.yaml``.
"""

from __future__ import annotations

import re

from extractors.figures.codebook import Codebook

# the first word of each item after a comma in a list of kinds of unit
_ITEM_HEAD = re.compile(r",\s*([^\W\d_]+)")


def not_a_figure(
    codebook: Codebook,
    indicator: str,
    unit: str | None,
    before: str,
    after_unit: str,
    between: str,
    previous_is_percent: bool,
    is_ratio: bool = False,
    value: float | None = None,
    sentence_before: str = "",
    percent: bool = False,
    after_next: str = "",
    previous_unit: str | None = None,
    part_of_figure: bool = False,
) -> str | None:
    """Why this number is not a figure, or None when it is one.

    ``before`` is the clause before the number, ``after_unit`` the text right
    after its unit, ``between`` the text since the previous number, whose
    being a percentage ``previous_is_percent`` says; ``sentence_before`` is the
    sentence up to the number (a norm's ``mỗi tổ`` may stand clauses back);
    ``after_next`` is ``after_unit`` run on past the next number when a slash leads
    to it (the base of a norm: ``4 cán bộ/1 xã``); ``previous_unit`` is
    the unit of the sentence's last figure before this number; ``part_of_figure`` says
    the number is a part of that figure, listed after a part opener.
    """
    spec = codebook.not_figures
    if not spec:
        return None
    unit = (unit or "").lower()
    per_unit = spec["per_unit"]
    if per_unit is not None and (per_unit.match(after_unit) or per_unit.match(after_next)):
        return "per_unit"
    based = unit in spec["per_unit_words"] or unit in spec["rate_words"]
    if value == 1 and based and re.search(r"/\s*$", before):
        return "per_unit"  # the "1 xã" of "4 cán bộ/1 xã": a norm's base
    if _under_norm(spec, sentence_before):
        return "per_unit"
    per_time = spec["per_time"]
    if unit in spec["money_units"] and per_time is not None and per_time.match(after_unit):
        return "per_unit"
    rate = spec.get("rate_lead_ins")
    if unit in spec["money_units"] and rate is not None and rate.search(before):
        return "per_unit"  # an allowance or a wage rate: "phụ cấp chừng 1,3 triệu đồng"
    rate = spec.get("rate")
    if rate is not None and (rate.match(after_unit) or rate.match(after_next)):
        return "per_unit"  # "02 lượt/tuần": a rate, not a count of the period
    workload = spec.get("workload")
    if workload is not None and workload.search(before):
        return "per_unit"  # "mỗi cán bộ phụ trách 3 bản": who is in charge of what
    quota = spec.get("quota")
    if quota is not None and quota.search(before):
        return "target"  # "quy định là 4.600 đồng chí": a quota, what is required
    container = spec.get("container")
    if container is not None and container.search(before):
        return "packaging"  # "đựng trong 5 túi nilon": what the goods seized were packed in
    representative = spec.get("representative")
    if representative is not None and representative.search(before):
        return "audience"  # "đại diện 3 đồn biên phòng": who spoke for whom
    crime = spec.get("crime")
    if crime is not None and crime.search(before):
        undone = spec.get("crime_undone")
        if undone is None or not undone.search(before):
            return "crime_detail"  # "cướp giật 1 điện thoại": what the offender took
    if unit == "trong" and re.match(r"\s*1(?!\d)", after_unit):
        return "name"  # a model named "3 trong 1": its numbers are a name
    if value == 1 and re.fullmatch(r"\s*trong\s*", between):
        return "name"  # ... and its "1" (``between`` is the text since the "3")
    lead = spec["frequency_lead_ins"]
    if unit in spec["frequency_units"] and lead is not None and lead.search(before):
        return "frequency"
    if spec["references_back"] is not None and spec["references_back"].match(after_unit):
        return "reference_back"
    one_of = spec.get("one_of")
    if one_of is not None and one_of.search(before):
        return "reference_back"  # "là 1 trong 13 trường": the set the one belongs to
    if value == 1 and unit in ("trong", "trên") and re.search(r"(?<!\w)là\s*$", before):
        return "reference_back"  # "là 1 trong 13 trường học": one of a set, not a count
    threshold = spec.get("threshold_after")
    # a share's "unit" is the word after the % sign, so its text goes on from there
    after_number = f" {unit}{after_unit}" if percent else after_unit
    if (
        threshold is not None
        and threshold.match(after_number)
        and (percent or spec["threshold_before"].search(before.rstrip()))
    ):
        # "thôn có từ 350 hộ trở lên": a threshold of a rule; a share needs no "từ" ("4 xã chưa
        # đạt 80% trở lên" names the standard, not the rate reached)
        return "per_unit"
    below = spec.get("threshold_below")
    if below is not None and unit in spec["make_up_units"] and below.search(before.rstrip()):
        return "per_unit"  # "nơi dưới 200 hộ thì ...": a threshold too
    average = spec.get("average")
    if (
        average is not None
        and value is not None
        and unit not in spec["money_units"]
        and (
            (value != int(value) and average.search(sentence_before or before))
            or (value == 1 and average.search(before))
        )
    ):
        # "bình quân, 1 cán bộ xử lý 7,5 vụ việc": an average and its base
        return "per_unit"
    openers = spec.get("audience_openers")
    if (
        openers is not None
        and not percent  # "... nhấn mạnh: 100% các xã đã có ...": a share, not who came
        and (unit in spec.get("audience_people", ()) or unit in spec["make_up_units"])
        and openers.search(sentence_before or before)
    ):
        # "Tham dự buổi lễ có ... và hơn 400 người dân": who came; "... trưởng thôn của
        # 12 thôn": the places they came for
        return "audience"
    share = spec["share_of_percent"]
    if previous_is_percent and share is not None and share.match(between):
        return "share_of_percent"
    if indicator != "unclassified" or is_ratio:
        return None  # "27/27 huyện" is a coverage, not the make-up
    if unit in spec["always_units"]:
        return "demographics"
    if unit in spec.get("structure_units", ()):
        return "structure"  # "gồm 4 nội dung, chia 2 giai đoạn": the parts of a plan
    if _describes_building(spec, unit, before, after_unit):
        return "building"  # "nhà 2 tầng, 11 phòng chức năng, diện tích sàn 350 m2"
    work = spec.get("measure_work")
    if unit in spec.get("measure_units", ()) and not (
        work is not None and work.search(sentence_before or before)
    ):
        return "demographics"  # a length or an area of the place, not work of the period

    composition = spec.get("composition")
    if composition is not None and composition.match(f"{unit} {after_unit.lstrip()}"):
        return "demographics"  # "95% là đồng bào Mông": who the people are
    share = spec.get("composition_share")
    if share is not None and share.search(before):
        return "demographics"  # "đồng bào Dao chiếm 60%": the people's share
    if unit in spec.get("audience_units", ()):
        return "audience"
    small = value is not None and value <= spec.get("slogan_max", 10) and value == int(value)
    if small and unit in spec.get("slogan_words", ()):
        return "name"
    if percent:
        return None  # "đạt 100% thôn, khu phố": a share of units reached, not the make-up
    if part_of_figure:
        return None  # a place's share of a total counted before ("trong đó: xã A có 52 hộ")
    lead_in = spec["make_up_lead_in"]
    taking_part = spec["make_up_not_before"]
    rest = spec.get("unit_list_rest")
    verb_after = rest.sub("", after_unit) if rest is not None else after_unit
    if taking_part is not None and taking_part.match(verb_after.lstrip()):
        return None
    existing = spec.get("acting_subject_lead_in")
    subject = existing is not None and existing.search(before) is not None
    acting = spec.get("make_up_acting")
    if subject and acting is not None and acting.match(verb_after.lstrip()):
        return None  # "có 11 phường, xã ra mắt tổ tự quản": units that did the work
    listed_first = spec.get("list_then_taking_part")
    found = listed_first.match(after_unit) if listed_first is not None and subject else None
    if found is not None and all(w[0].islower() for w in _ITEM_HEAD.findall(found.group())):
        # "48 địa phương, cơ quan, bệnh viện ... đạt loại tốt": kinds of unit that did something
        # (not a name after the comma: "Với 210 hộ, Yên Nghĩa đạt chuẩn")
        return None
    reach = spec.get("make_up_reach")
    if reach is not None and reach.search(before):
        return None  # "kết nối với gần 1.000 hộ dân": whom the work reached
    if unit in spec["make_up_units"] and lead_in is not None and lead_in.search(before):
        return "make_up"
    if unit in spec["make_up_units"] and _after_merger(spec, before, sentence_before):
        return "make_up"  # "sau sáp nhập, xã còn 6 thôn": the new make-up
    located = spec.get("located_lead_in")
    if (
        unit in spec["make_up_units"]
        and located is not None
        and previous_unit is not None
        and previous_unit.lower() not in spec["activity_units"]
        # ... not where units counted before did their work ("9 xã tổ chức ngày hội tại
        # 11 thôn": the villages reached are a result too)
        and (
            previous_unit.lower() not in spec["make_up_units"]
            or previous_unit.lower() in spec.get("economy_units", ())  # firms stay where they are
        )
        and located.search(before)
    ):
        return "make_up"  # "95 tổ tự quản ở 12 tổ dân phố": where the teams are
    described = spec.get("make_up_after")
    if unit in spec["make_up_units"] and described is not None and described.match(after_unit):
        return "make_up"  # "14 bản có đồng bào Mông sinh sống": who lives there
    people = spec.get("people_lead_in")
    if unit in spec.get("people_units", ()) and people is not None and people.search(before):
        return "demographics"  # "trên địa bàn có khoảng 700 công nhân": who lives there
    economy = spec.get("economy_lead_in")
    if (
        unit in spec.get("economy_units", ())
        and economy is not None
        and economy.search(sentence_before or before)
    ):
        return "make_up"  # "tỉnh thu hút 380 doanh nghiệp FDI": the firms the place drew
    capital = spec.get("capital_lead_in")
    if unit in spec["money_units"] and capital is not None:
        found = capital.search(before)
        lent = spec["capital_lent"]
        if found is not None and not (
            lent is not None and lent.search(before[max(0, found.start() - 30) : found.start()])
        ):
            return "make_up"  # "tổng vốn đầu tư 2 tỷ USD": the capital the firms hold
    listed = spec.get("make_up_list")
    if unit in spec["make_up_units"] and listed is not None and listed.search(sentence_before):
        return "make_up"
    return None


_WORD = re.compile(r"[^\W\d_]+")


def _describes_building(spec: dict, unit: str, before: str, after_unit: str) -> bool:
    """How a building is made: its floors ("2 tầng"), its rooms named by their use or
    size ("11 phòng chức năng", "1 phòng rộng 20 m2"), an area after "diện tích" or
    "rộng"; unless the clause finds it wanting ("chỉ có 1 phòng ... chật hẹp": a
    shortfall is a negative result)."""
    rooms, area = spec.get("room_after"), spec.get("area_lead_in")
    made = (
        unit in spec.get("building_units", ())
        or (unit in spec.get("room_units", ()) and rooms is not None and rooms.match(after_unit))
        or (unit in spec.get("measure_units", ()) and area is not None and area.search(before))
    )
    if not made:
        return False
    shortfall = spec.get("building_shortfall")
    return shortfall is None or not (shortfall.search(before) or shortfall.search(after_unit[:40]))


def _after_merger(spec: dict, before: str, sentence_before: str) -> bool:
    """``còn`` before the number, with a merger word earlier in the sentence."""
    lead_in, merger = spec.get("after_merger_lead_in"), spec.get("merger_cue")
    if lead_in is None or merger is None or not lead_in.search(before):
        return False
    return merger.search(sentence_before) is not None


def _under_norm(spec: dict, sentence_before: str) -> bool:
    """A per-unit norm (``mỗi tổ gồm 4 người``) governs the number: its cue stands
    earlier in the sentence with no total (``tổng số``) or semicolon since."""
    norm = spec.get("norm")
    if norm is None or not sentence_before:
        return False
    matches = list(norm.finditer(sentence_before))
    if not matches:
        return False
    last = matches[-1]
    since = sentence_before[last.end() :]
    opened = sentence_before.rfind("(", 0, last.start())
    if opened > sentence_before.rfind(")", 0, last.start()) and ")" in since:
        return False  # "(mỗi thôn lập một đội) có 12.932 đội viên": the norm was an aside
    breakers = spec.get("norm_breakers")
    if _price_given(spec, since):
        return False
    reach = spec.get("norm_reach_words", 0)
    if reach and len(_WORD.findall(since)) > reach:
        return False  # the text has moved on: the norm governs its own clause
    return ";" not in since and not (breakers is not None and breakers.search(since))


def _price_given(spec: dict, since: str) -> bool:
    """The norm's own value, a price, stands before a comma since the cue: "mỗi bộ quà
    300.000 đồng, 40 bộ quà khác ..." (the next item of the list is a count of its
    own). A comma inside brackets ("mỗi tổ 4 người (1 tổ trưởng, ...)") closes nothing."""
    price = spec.get("price_then_comma")
    outside = re.sub(r"\([^()]*\)", " ", since)
    if price is None or "(" in outside or "," not in outside:
        return False
    return price.search(outside) is not None
