"""Each menu's Alt+letter picks one entry (QA: 文件 had (&S) twice and 订单 had (&T) four times;
Qt then cycles between the entries instead of choosing)."""

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QMenu


def _letters(menu: QMenu) -> dict[str, list[str]]:
    texts = [a.text() for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    letters = Counter()
    named: dict[str, list[str]] = {}
    for text in texts:
        found = re.search(r"&([^&\s])", text.replace("&&", ""))
        if found:
            letter = found.group(1).lower()
            letters[letter] += 1
            named.setdefault(letter, []).append(text)
    return {letter: named[letter] for letter, count in letters.items() if count > 1}


def _menus(window) -> list[QMenu]:
    found = []
    todo = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    while todo:
        menu = todo.pop()
        found.append(menu)
        todo.extend(a.menu() for a in menu.actions() if a.menu() is not None)
    return found


def _check(window) -> None:
    bar = window.menuBar()
    clashes = {menu.title(): _letters(menu) for menu in [*_menus(window)]}
    clashes = {title: letters for title, letters in clashes.items() if letters}
    top = _letters(bar)
    assert not top, top
    assert not clashes, clashes


@pytest.mark.usefixtures("chinese")
def test_menu_letters_are_unique_in_chinese(laptop_window):
    _check(laptop_window)


def test_menu_letters_are_unique_in_english(laptop_window):
    _check(laptop_window)
