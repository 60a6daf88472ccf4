"""How hard a master password is to guess: the one rule for every place a password is set.

The master password guards the key file *and* every backup's header, so anyone who has a
backup (a copy in a cloud folder, a lost USB stick) can try passwords offline, as fast as
their hardware runs scrypt. A person's password is judged the way such an attacker guesses:
with zxcvbn (the estimator Dropbox wrote; its Python port), which finds dictionary words,
names, dates, keyboard rows, repeats and sequences and estimates the guesses needed.

zxcvbn's dictionaries are English, so Chinese users' usual choices are added
(resources/passwords/, see its SOURCE.md):

* common Chinese passwords and pieces: 5201314, woaini, 1314, 7758521, woaiwojia …;
* pinyin surnames, given-name syllables and every other Mandarin syllable;
* things an attacker who targets one seller knows anyway: an 11-digit mobile or a
  landline number and an 18-digit ID card number (each one of a short list of guesses),
  and pinyin full names (a surname and one or two syllables: zhangsan, liu xiao ming),
  worth the product of their syllables' ranks, as a list of common names would try them.

A password is accepted when zxcvbn's score is 4 — about 10^10 guesses or more, zxcvbn's
"strong protection from an offline slow-hash attack", which is exactly this threat (see
store/keys.py for the scrypt cost). The score drives the meter; the :class:`Weakness`
names the one-line reason for a refusal, which the UI translates and the CLI prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from sellerdesk.core.resources import resources_dir

MIN_LENGTH = 8
REQUIRED_SCORE = 4  # zxcvbn's top score: >= 10^10 estimated guesses
MAX_CHECKED_LENGTH = 72  # zxcvbn refuses longer input; a longer password is judged on its start

_ZH_COMMON = "zh_common"
_ZH_PINYIN = "zh_pinyin"
_ZH_NAMES = "zh_names"
_PERSONAL = "personal_number"
_PERSONAL_RANK = 100  # someone who targets one seller tries their few numbers first
_PERSONAL_NUMBER = re.compile(
    r"(?<!\d)(?:"
    r"1[3-9]\d{9}"  # mobile
    r"|0\d{2,3}-?\d{7,8}"  # landline with its area code
    r"|[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"  # ID card
    r")(?![\dXx])"
)
_MAX_SYLLABLE = 6  # zhuang, shuang
_MAX_SURNAME = 9  # shangguan
_SEPARATORS = " ._-"
# l33t work ~ substitution tables × length²: 4 tables at full length (P@ssw0rd has one),
# 16 at half of it; keeps an estimate near 0.1 s whatever is typed
_L33T_BUDGET = 4 * MAX_CHECKED_LENGTH**2


class Weakness(StrEnum):
    """Why a password is refused (the UI and the CLI each word it)."""

    TOO_SHORT = "too_short"
    PERSONAL_NUMBER = "personal_number"  # a phone or ID card number
    COMMON = "common"  # a very common password, or built on one
    NAME_OR_DATE = "name_or_date"  # a name (pinyin or English), a birthday, a year
    PATTERN = "pattern"  # keyboard rows, repeats, sequences
    GUESSABLE = "guessable"  # none of these stands out: just not enough of it


ENGLISH: dict[Weakness, str] = {
    Weakness.TOO_SHORT: f"too short: at least {MIN_LENGTH} characters",
    Weakness.PERSONAL_NUMBER: "too easy to guess: it contains a phone or ID card number",
    Weakness.COMMON: "too easy to guess: it is, or is built on, one of the most common passwords",
    Weakness.NAME_OR_DATE: "too easy to guess: names in pinyin, birthdays and years are tried first",
    Weakness.PATTERN: "too easy to guess: keyboard rows, repeats and sequences like 1234 are tried first",
    Weakness.GUESSABLE: "not strong enough yet: add another word or two",
}
ADVICE = "Use three or four words that have nothing to do with you or your shop."


@dataclass(frozen=True)
class Strength:
    score: int  # 0 very weak … 4 strong (zxcvbn's scale)
    guesses_log10: float
    weakness: Weakness | None  # None: good enough

    @property
    def acceptable(self) -> bool:
        return self.weakness is None

    def english(self) -> str:
        """The refusal as one English line (empty when acceptable)."""
        return "" if self.weakness is None else ENGLISH[self.weakness]


@dataclass(frozen=True)
class _Words:
    dictionaries: dict[str, dict[str, int]]  # zxcvbn's ranked dictionaries plus ours
    surnames: frozenset[str]
    ranks: dict[str, int]  # every pinyin syllable (surnames first) → its rank


@lru_cache(maxsize=1)
def _words() -> _Words:
    """zxcvbn's ranked dictionaries and the two Chinese lists (read once)."""
    from zxcvbn import matching

    folder = resources_dir() / "passwords"
    common = [
        line.strip()
        for line in (folder / "common_zh.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    rows = [
        line.split("\t")
        for line in (folder / "pinyin.tsv").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    ranks = matching.build_ranked_dict([word for _kind, word in rows])
    # zxcvbn.zxcvbn() keeps a call's user inputs in its module-level dict: leave them out.
    dictionaries = {name: d for name, d in matching.RANKED_DICTIONARIES.items() if name != "user_inputs"}
    dictionaries[_ZH_COMMON] = matching.build_ranked_dict(common)
    dictionaries[_ZH_PINYIN] = ranks
    return _Words(dictionaries, frozenset(word for kind, word in rows if kind == "surname"), ranks)


def _match(text: str, i: int, j: int, rank: int, dictionary: str) -> dict[str, Any]:
    """A zxcvbn dictionary match of ``text[i:j]`` worth ``rank`` guesses (before its variations)."""
    token = text[i:j]
    return {
        "pattern": "dictionary",
        "i": i,
        "j": j - 1,
        "token": token,
        "matched_word": token.lower(),
        "rank": rank,
        "dictionary_name": dictionary,
        "reversed": False,
        "l33t": False,
    }


def _personal_numbers(text: str) -> list[dict[str, Any]]:
    return [_match(text, m.start(), m.end(), _PERSONAL_RANK, _PERSONAL) for m in _PERSONAL_NUMBER.finditer(text)]


def _pinyin_names(text: str, words: _Words) -> list[dict[str, Any]]:
    """Every pinyin full name in ``text``: a surname and one or two syllables, one separator
    allowed between the parts (zhangsan, liuxiaoming, liu xiao ming, Zhang_San), ending where
    the letters end (so "long enough" holds no name). Worth the product of the parts' ranks:
    the order an attacker's list of common full names would try them in."""
    lower = text.lower()
    found: list[dict[str, Any]] = []

    def parts_from(start: int) -> list[tuple[int, int]]:
        """(end, rank) of each syllable that starts at ``start`` or after one separator."""
        begin = start + 1 if start < len(lower) and lower[start] in _SEPARATORS else start
        return [
            (end, words.ranks[lower[begin:end]])
            for end in range(begin + 1, min(len(lower), begin + _MAX_SYLLABLE) + 1)
            if lower[begin:end] in words.ranks
        ]

    def add(start: int, end: int, rank: int) -> None:
        if end == len(lower) or not lower[end].isalpha():
            found.append(_match(text, start, end, rank, _ZH_NAMES))

    for start in range(len(lower)):
        for surname_end in range(start + 1, min(len(lower), start + _MAX_SURNAME) + 1):
            surname = lower[start:surname_end]
            if surname not in words.surnames:
                continue
            for first_end, first_rank in parts_from(surname_end):
                add(start, first_end, words.ranks[surname] * first_rank)
                for second_end, second_rank in parts_from(first_end):
                    add(start, second_end, words.ranks[surname] * first_rank * second_rank)
    return found


def _zxcvbn_matches(text: str, dictionaries: dict[str, dict[str, int]]) -> list[dict[str, Any]]:
    """zxcvbn's omnimatch, except for a long password with many different symbol-for-letter
    stand-ins ('({[<1!|+7'): zxcvbn's l33t matcher then tries every combination of them
    (hundreds) against every dictionary, and its repeat matcher does it again on the
    repeated part — seconds per keystroke. Both are skipped for such a password: they only
    ever lower an estimate, and that many symbols make neither a word nor a short repeat."""
    from zxcvbn import matching

    matchers = [
        matching.dictionary_match,
        matching.reverse_dictionary_match,
        matching.spatial_match,
        matching.sequence_match,
        matching.regex_match,
        matching.date_match,
    ]
    subs = matching.enumerate_l33t_subs(matching.relevant_l33t_subtable(text, matching.L33T_TABLE))
    if len(subs) * len(text) ** 2 <= _L33T_BUDGET:
        matchers += [matching.l33t_match, matching.repeat_match]
    found: list[dict[str, Any]] = []
    for matcher in matchers:
        found.extend(matcher(text, _ranked_dictionaries=dictionaries))
    return found


def _weakness(sequence: list[dict[str, Any]]) -> Weakness:
    """The most telling reason among the pieces zxcvbn found (first in this order)."""
    seen: set[Weakness] = set()
    for match in sequence:
        pattern = match.get("pattern")
        if pattern == "dictionary":
            name = match.get("dictionary_name")
            if name == _PERSONAL:
                seen.add(Weakness.PERSONAL_NUMBER)
            elif name in ("passwords", _ZH_COMMON):
                seen.add(Weakness.COMMON)
            elif name in ("surnames", "male_names", "female_names", _ZH_PINYIN, _ZH_NAMES):
                seen.add(Weakness.NAME_OR_DATE)
        elif pattern == "date" or (pattern == "regex" and match.get("regex_name") == "recent_year"):
            seen.add(Weakness.NAME_OR_DATE)
        elif pattern in ("spatial", "repeat", "sequence"):
            seen.add(Weakness.PATTERN)
    for weakness in (Weakness.PERSONAL_NUMBER, Weakness.COMMON, Weakness.NAME_OR_DATE, Weakness.PATTERN):
        if weakness in seen:
            return weakness
    return Weakness.GUESSABLE


def estimate(password: str) -> Strength:
    """How strong ``password`` is as a master password, and why not if it is not."""
    from zxcvbn import scoring, time_estimates

    if not password:
        return Strength(0, 0.0, Weakness.TOO_SHORT)
    words = _words()
    checked = password[:MAX_CHECKED_LENGTH]
    # zxcvbn.zxcvbn() with our matches added (it has no other way to take a scored match)
    matches = _zxcvbn_matches(checked, words.dictionaries)
    matches += _personal_numbers(checked) + _pinyin_names(checked, words)
    result = scoring.most_guessable_match_sequence(checked, matches)
    guesses = result["guesses"]
    score = int(time_estimates.guesses_to_score(guesses))
    log10 = float(result["guesses_log10"])
    if len(password) < MIN_LENGTH:
        return Strength(min(score, 1), log10, Weakness.TOO_SHORT)
    if score >= REQUIRED_SCORE:
        return Strength(score, log10, None)
    return Strength(score, log10, _weakness(result["sequence"]))
