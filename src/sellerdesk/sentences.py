"""Putting translated sentences together without doubling or spacing Chinese punctuation.

A translated sentence ends with its own full stop (``。`` in Chinese, ``.`` in English). Placed
inside another sentence — ``(%1)``, ``…: %1.`` — it must lose it, or Chinese reads ``（…。）。``;
placed after another sentence, Chinese wants no space after ``。`` where English wants one.
:func:`clause` and :func:`sentences` are the one way both are done (the app's and the CLI's).
"""

from __future__ import annotations

# a sentence's own end, dropped when it becomes part of another sentence
_FULL_STOPS = ("。", "．", ".")
# punctuation that already closes a Chinese sentence: no space follows it
_CJK_ENDS = ("。", "！", "？", "；", "）", "」", "』", "：", "，")


def clause(sentence: str) -> str:
    """``sentence`` as part of another one: trimmed, its final full stop dropped (not ``…``)."""
    text = sentence.strip()
    if text.endswith(_FULL_STOPS) and not text.endswith(("...", "…")):
        return text[:-1]
    return text


def sentences(*parts: str) -> str:
    """The non-empty ``parts`` one after another: a space between English sentences, none after
    a Chinese one (``…。没有改动任何内容。``)."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and not out.endswith(_CJK_ENDS):
            out += " "
        out += part
    return out
