"""Recognising a person's name among the leftover pieces of a pasted address."""

from __future__ import annotations

import re

SINGLE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰"
    "焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁"
    "蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂"
    "全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠"
    "荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹"
    "井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰"
    "赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯束檀衣信展阴昝"
    "智幸奉植衡富尧闭由"
)
COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "诸葛",
        "南宫",
        "司马",
        "上官",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "令狐",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "轩辕",
        "端木",
        "独孤",
        "西门",
        "百里",
        "呼延",
        "万俟",
        "第五",
        "东郭",
        "拓跋",
        "澹台",
        "公羊",
        "濮阳",
        "钟离",
        "申屠",
        "闻人",
        "赫连",
        "太史",
        "仲孙",
    ]  # noqa: E501 (one table)
)
TITLES = ("先生", "女士", "小姐", "老师", "阿姨", "同学", "师傅", "经理", "老板", "总")

_ADDRESS_CHARS = frozenset("路街道巷弄号栋幢楼室村镇乡区县市省州旗苑座层单元院厦场馆校店园湾港站桥")
# A name glued after a house number: (?<=[0-9A-Za-z号室栋幢楼座层户门])([\u4e00-\u9fff]{2,6})$,
# written with the preceding character consumed (group 1 is the name) so that ``re`` skips
# in C to the positions holding one of those characters.
_TAIL_NAME = re.compile(r"[0-9A-Za-z号室栋幢楼座层户门]([\u4e00-\u9fff]{2,6})$")


_FLOOR_CHARS = frozenset("楼层室号栋幢座")


def has_surname(text: str) -> bool:
    """True when ``text`` starts with a known compound or single surname."""
    return text[:2] in COMPOUND_SURNAMES or text[:1] in SINGLE_SURNAMES


def _name_pattern() -> re.Pattern[str]:
    """The rules of :func:`looks_like_name` as one pattern, for ``fullmatch``.

    A token of 2-6 CJK characters is a name when it is

    * a surname and a given name: a compound surname plus 0-2 characters, or a single
      surname plus 1-3, none of the given name's characters an address character
      (路, 号, 区 …);
    * a title (先生, 女士, … 总) after a compound surname, or after a single surname and
      at most one more character (陈先生, 王总, 张三先生);
    * a title after a surname and given name as above of 3-4 characters (欧阳娜娜小姐).

    (A compound surname's second character is never an address character, so a token
    that starts with a compound surname which is also a single surname gets the same
    answer either way.)  tests/core/test_person.py checks the pattern against these
    rules written out step by step.
    """
    assert not any(c[1] in _ADDRESS_CHARS for c in COMPOUND_SURNAMES)
    assert all("\u4e00" <= ch <= "\u9fff" for ch in _ADDRESS_CHARS)
    # CJK characters other than address characters, as ranges.
    ranges, low = [], 0x4E00
    for code in sorted(ord(ch) for ch in _ADDRESS_CHARS):
        if code > low:
            ranges.append((low, code - 1))
        low = code + 1
    ranges.append((low, 0x9FFF))
    given = "[" + "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges) + "]"
    compound = "(?:" + "|".join(sorted(COMPOUND_SURNAMES)) + ")"
    single = "[" + "".join(sorted(SINGLE_SURNAMES)) + "]"
    title = "(?:" + "|".join(TITLES) + ")"
    return re.compile(
        f"{compound}{given}{{0,2}}|{single}{given}{{1,3}}"
        f"|(?:{compound}|{single}[\u4e00-\u9fff]?){title}"
        f"|(?:{compound}{given}{{1,2}}|{single}{given}{{2,3}}){title}"
    )


_NAME = _name_pattern().fullmatch


def looks_like_name(token: str) -> bool:
    """张三, 欧阳娜娜, 陈先生, 李女士; not 科技园, 3栋, 南山区 (rules: :func:`_name_pattern`)."""
    return 2 <= len(token) <= 6 and _NAME(token) is not None


def split_tail_name(detail: str) -> tuple[str, str]:
    """'…88号林小满' → ('…88号', '林小满') when a name is glued after a house number.

    Compound surnames are tried first (…号欧阳娜娜), then the usual name lengths 3, 2, 4.
    """
    end = detail[:-1] if detail[-1:] == "\n" else detail  # where _TAIL_NAME's $ can match
    if not end or not "\u4e00" <= end[-1] <= "\u9fff":
        return detail, ""
    match = _TAIL_NAME.search(detail)
    if not match:
        return detail, ""
    tail = match.group(1)
    cuts = [i for i in range(len(tail) - 2) if tail[i : i + 2] in COMPOUND_SURNAMES and len(tail) - i <= 4]
    cuts += [len(tail) - n for n in (3, 2, 4) if n <= len(tail)]
    # …3楼李娜: 3楼 is the floor, 李娜 the name; …88号楼李娜, …4号楼中间: 88号楼 is the building.
    # No name starts with 楼/层/室… right after a digit or 号.
    before = detail[match.start(1) - 1] + tail
    cuts = [cut for cut in cuts if not (tail[cut] in _FLOOR_CHARS and (before[cut].isdigit() or before[cut] == "号"))]
    for cut in cuts:
        if looks_like_name(tail[cut:]):
            return detail[: match.start(1) + cut], tail[cut:]
    return detail, ""
