"""The words of keeping in touch, through ``tr()`` (context CareText): channels, kinds, ways of
consent and holiday names (codes and English names are declared in ``core.care`` / ``core.holidays``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sellerdesk.core.lunar import LunarDay

translate = QCoreApplication.translate


def channel_names() -> dict[str, str]:
    return {
        "": translate("CareText", "—"),
        "wechat": translate("CareText", "WeChat"),
        "phone": translate("CareText", "Phone call"),
        "sms": translate("CareText", "SMS"),
        "other": translate("CareText", "Other"),
    }


def kind_names() -> dict[str, str]:
    from sellerdesk.core.labels import FOLLOW_UP_KINDS

    return {code: FOLLOW_UP_KINDS.name(code, translate) for code in FOLLOW_UP_KINDS.texts}


def status_names() -> dict[str, str]:
    return {"": "", "open": translate("CareText", "Open"), "solved": translate("CareText", "Solved")}


def consent_way_names() -> dict[str, str]:
    return {
        "": translate("CareText", "Not recorded"),
        "wechat": translate("CareText", "WeChat chat"),
        "verbal": translate("CareText", "In person or by phone"),
        "paper": translate("CareText", "On paper"),
        "import": translate("CareText", "Imported"),
        "other": translate("CareText", "Other"),
    }


def holiday_name(key: str, english: str) -> str:
    names = {
        "new_year": translate("CareText", "New Year's Day"),
        "valentine": translate("CareText", "Valentine's Day"),
        "new_year_eve": translate("CareText", "New Year's Eve (lunar)"),
        "spring": translate("CareText", "Spring Festival"),
        "lantern": translate("CareText", "Lantern Festival"),
        "women": translate("CareText", "Women's Day"),
        "labour": translate("CareText", "Labour Day"),
        "mother": translate("CareText", "Mother's Day"),
        "520": translate("CareText", "520"),
        "dragon_boat": translate("CareText", "Dragon Boat Festival"),
        "father": translate("CareText", "Father's Day"),
        "qixi": translate("CareText", "Qixi Festival"),
        "mid_autumn": translate("CareText", "Mid-Autumn Festival"),
        "national": translate("CareText", "National Day"),
        "double_ninth": translate("CareText", "Double Ninth Festival"),
        "singles": translate("CareText", "Double 11"),
        "winter_solstice": translate("CareText", "Winter Solstice"),
        "laba": translate("CareText", "Laba Festival"),
        "christmas": translate("CareText", "Christmas"),
    }
    return names.get(key, english)


def lunar_text(day: LunarDay) -> str:
    """农历八月十五 in Chinese; "lunar 8/15" (闰: "leap 4/8") in English."""
    if translate("CareText", "lunar") == "农历":
        return day.text()
    return ("lunar leap " if day.leap else "lunar ") + f"{day.month}/{day.day}"


def date_text(month: int, day: int) -> str:
    return translate("CareText", "%1/%2").replace("%1", str(month)).replace("%2", str(day))
