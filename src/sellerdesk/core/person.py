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
    "欧阳 诸葛 南宫 司马 上官 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 夏侯 轩辕 端木 独孤 "
    "西门 百里 呼延 万俟 第五 东郭 拓跋 澹台 公羊 濮阳 钟离 申屠 闻人 赫连 太史 仲孙".split()
)
TITLES = ("先生", "女士", "小姐", "老师", "阿姨", "同学", "师傅", "经理", "老板", "总")

_ADDRESS_CHARS = frozenset("路街道巷弄号栋幢楼室村镇乡区县市省州旗苑座层单元院厦场馆校店园湾港站桥")
# A name glued after a house number: (?<=[0-9A-Za-z号室栋幢楼座层户门])([\u4e00-\u9fff]{2,6})$,
# written with the preceding character consumed (group 1 is the name) so that ``re`` skips
# in C to the positions holding one of those characters.
_TAIL_NAME = re.compile(r"[0-9A-Za-z号室栋幢楼座层户门]([\u4e00-\u9fff]{2,6})$")


_NAME_STARTS = SINGLE_SURNAMES | {surname[0] for surname in COMPOUND_SURNAMES}
"""Every name that looks_like_name accepts starts with one of these (a surname)."""


def has_surname(text: str) -> bool:
    """True when ``text`` starts with a known compound or single surname."""
    return text[:2] in COMPOUND_SURNAMES or text[:1] in SINGLE_SURNAMES


_TITLE_BY_LAST = {title[-1]: title for title in TITLES}
assert len(_TITLE_BY_LAST) == len(TITLES), "titles must end in different characters"


def looks_like_name(token: str) -> bool:
    """张三, 欧阳娜娜, 陈先生, 李女士; not 科技园, 3栋, 南山区."""
    # The cheap test first: every accepted token starts with a surname.  Then all of it
    # must be CJK (U+4E00..U+9FFF): min/max of at most 6 characters.
    if not 2 <= len(token) <= 6 or token[0] not in _NAME_STARTS or not "\u4e00" <= min(token) <= max(token) <= "\u9fff":
        return False
    base = token
    # At most one title can match: each ends in a different character.
    title = _TITLE_BY_LAST.get(token[-1])
    if title is not None and len(token) > len(title) and token.endswith(title):
        base = token[: -len(title)]
        if len(base) <= 2 and has_surname(base):
            return True
    if not 2 <= len(base) <= 4:
        return False
    if base[:2] in COMPOUND_SURNAMES:
        body = base[2:]
    elif base[0] in SINGLE_SURNAMES:
        body = base[1:]
    else:
        return False
    return _ADDRESS_CHARS.isdisjoint(body)


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
    for cut in cuts:
        if looks_like_name(tail[cut:]):
            return detail[: match.start(1) + cut], tail[cut:]
    return detail, ""
