"""Keeping in touch: the codes of follow-ups, feedback and marketing consent, declared once.

Codes are stored; the Chinese words are what exports write and imports read back (the app
words the codes through ``tr()`` in ``ui/care/texts.py``, the CLI through ``cli.tsv``).
"""

from __future__ import annotations

#: How a follow-up reached the customer: code → the word in a spreadsheet.
CHANNELS: dict[str, str] = {"wechat": "微信", "phone": "电话", "sms": "短信", "other": "其他"}

#: A follow-up (回访) or feedback (反馈: has a status, open until solved).
KINDS: tuple[str, ...] = ("followup", "feedback")
FEEDBACK_STATUSES: tuple[str, ...] = ("open", "solved")

#: How marketing consent was given: code → the word in a spreadsheet.
CONSENT_WAYS: dict[str, str] = {
    "wechat": "微信聊天",
    "verbal": "口头",
    "paper": "纸质",
    "import": "导入",
    "other": "其他",
}

#: Words a spreadsheet may use for each way (the export's word first).
CONSENT_WAY_WORDS: dict[str, tuple[str, ...]] = {
    "wechat": ("微信聊天", "微信", "wechat"),
    "verbal": ("口头", "电话", "verbal"),
    "paper": ("纸质", "书面", "paper"),
    "import": ("导入", "import"),
    "other": ("其他", "other"),
}

#: Cells that say yes / no to marketing (同意营销 column).
YES_WORDS = frozenset(("是", "同意", "已同意", "y", "yes", "true", "1", "√", "✓", "对"))
NO_WORDS = frozenset(("否", "不同意", "未同意", "拒绝", "n", "no", "false", "0", "×", "✗", "不"))


def consent_way(text: str) -> str | None:
    """The code of a way as written (微信聊天, 口头 …); None when the word is unknown ('' → '')."""
    word = text.strip().lower()
    if not word:
        return ""
    for code, words in CONSENT_WAY_WORDS.items():
        if word in words:
            return code
    return None


def consent_answer(text: str) -> bool | None:
    """True/False for a yes/no cell; None when it says neither."""
    word = text.strip().lower()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    return None
