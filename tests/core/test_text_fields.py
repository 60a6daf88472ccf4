"""core.text.clean_field: invisible characters out of every field, and each field's length limit."""

import sys
import unicodedata

import peewee as pw
import pytest

from sellerdesk.core.fields import MAX_LENGTH
from sellerdesk.core.text import _INVISIBLE, FieldTooLong, clean_field, cut_field, strip_invisible
from sellerdesk.store.models import Address, Customer

KEPT = {"\t", "\n", "\x0b", "\x0c", "\r", "\x85", "\u2028", "\u2029", "\u200d"}  # white space, or handled apart


def test_the_invisible_class_is_every_control_format_and_surrogate_character():
    missing = [
        hex(cp)
        for cp in range(sys.maxunicode + 1)
        if unicodedata.category(chr(cp)) in ("Cc", "Cf", "Cs")
        and chr(cp) not in KEPT
        and not _INVISIBLE.fullmatch(chr(cp))
    ]
    assert missing == []
    extra = [hex(cp) for cp in range(sys.maxunicode + 1) if _INVISIBLE.fullmatch(chr(cp))]
    extra = [cp for cp in extra if unicodedata.category(chr(int(cp, 16))) not in ("Cc", "Cf", "Cs", "Cn")]
    assert extra == []  # (Cn: format characters of a newer Unicode than this Python's)


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("张三\u202e", "张三"),  # right-to-left override
        ("\u202e三张\u202c", "三张"),  # override … pop
        ("\u2067张三\u2069", "张三"),  # isolates
        ("张\u200b三", "张三"),  # zero-width space
        ("\ufeff张三", "张三"),  # BOM
        ("张\u00ad三", "张三"),  # soft hyphen
        ("张\x07三\x00", "张三"),  # controls
        ("zs\u200dwx", "zswx"),  # a joiner between letters draws nothing
        ("👨\u200d👩\u200d👧 王", "👨\u200d👩\u200d👧 王"),  # between emoji it draws the family
        ("科技园\n1栋", "科技园 1栋"),  # one line
        ("科技园\r\n1栋", "科技园 1栋"),
        ("引号\t制表", "引号\t制表"),  # a tab is white space, kept
    ],
)
def test_strip_invisible(text, clean):
    assert strip_invisible(text) == clean
    assert clean_field("name", f" {text} ") == clean.strip()


def test_notes_keep_their_lines():
    assert clean_field("notes", "第一行\r\n第二行\u2028第三行\u202e") == "第一行\n第二行\n第三行"


def test_a_value_over_its_limit_is_refused_naming_the_field():
    assert clean_field("name", "张" * 100) == "张" * 100
    with pytest.raises(FieldTooLong) as info:
        clean_field("name", "张" * 101)
    assert (info.value.field, info.value.length, info.value.limit) == ("name", 101, 100)
    assert "name" in str(info.value) and "101" in str(info.value)
    assert clean_field("name", " 张" * 50 + "\u200b" * 50) == ("张 " * 50).strip()  # invisible characters do not count


def test_cut_field():
    assert cut_field("name", "张" * 3_500_000) == ("张" * 100, True)
    assert cut_field("name", "张三") == ("张三", False)
    assert cut_field("name", "张三" + "\u200b" * 200) == ("张三", False)  # only invisible characters made it long
    assert cut_field("notes", "x" * 20_000)[0] == "x" * MAX_LENGTH["notes"]


def test_the_schema_takes_its_column_sizes_from_max_length():
    sized = {}
    for model in (Customer, Address):
        for field in model._meta.sorted_fields:
            if isinstance(field, pw.CharField) and field.name in MAX_LENGTH:
                sized[field.name] = field.max_length
    assert sized and all(sized[name] == MAX_LENGTH[name] for name in sized)
    fields = [f for m in (Customer, Address) for f in m._meta.sorted_fields]
    text_fields = {f.name for f in fields if isinstance(f, (pw.CharField, pw.TextField))}
    as_typed = {"birthday", "birthday_lunar", "marketing_consent", "consent_date"}  # read into dates, codes, yes/no
    assert set(MAX_LENGTH) - as_typed <= text_fields  # every other limit is a stored text field
