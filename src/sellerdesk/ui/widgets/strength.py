"""The password strength meter: a bar, a word, and the translated reason for a refusal.

The rule is :func:`sellerdesk.core.passwords.estimate` (the CLI and the store apply the same
one); this widget only shows it. Any dialog that sets a master password uses it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from sellerdesk.core.passwords import MIN_LENGTH, REQUIRED_SCORE, Strength, Weakness, estimate
from sellerdesk.ui.widgets.forms import ERROR_COLOUR

_COLOURS = {0: ERROR_COLOUR, 1: ERROR_COLOUR, 2: "#c26401", 3: "#c26401", 4: "#1e7d32"}


class StrengthMeter(QWidget):
    """Shows how strong the typed password is; :meth:`update_for` returns the verdict."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar()
        self.bar.setRange(0, REQUIRED_SCORE + 1)  # empty field: empty bar; very weak: one red step
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.label = QLabel()
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.label)
        self._levels = [
            self.tr("Very weak"),
            self.tr("Weak"),
            self.tr("Still weak"),
            self.tr("Almost strong enough"),
            self.tr("Strong"),
        ]
        self.update_for("")

    def update_for(self, password: str) -> Strength:
        strength = estimate(password)
        self.bar.setValue(strength.score + 1 if password else 0)
        colour = _COLOURS[strength.score]
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        self.label.setText(self.tr("Strength: %1").replace("%1", self._levels[strength.score]) if password else "")
        self.label.setStyleSheet(f"color: {colour}" if password else "")
        return strength

    def refusal(self, strength: Strength) -> str:
        """The one translated line that says why ``strength`` is not enough ("" if it is)."""
        texts = {
            Weakness.TOO_SHORT: self.tr("Too short: at least %n characters.", "", MIN_LENGTH),
            Weakness.PERSONAL_NUMBER: self.tr("Too easy to guess: it contains a phone or ID card number."),
            Weakness.COMMON: self.tr("Too easy to guess: it is, or is built on, one of the most common passwords."),
            Weakness.NAME_OR_DATE: self.tr("Too easy to guess: names in pinyin, birthdays and years are tried first."),
            Weakness.PATTERN: self.tr(
                "Too easy to guess: keyboard rows, repeats and sequences like 1234 are tried first."
            ),
            Weakness.GUESSABLE: self.tr("Not strong enough yet: add another word or two."),
        }
        return "" if strength.weakness is None else texts[strength.weakness]

    def new_password_problem(self, strength: Strength, password: str, confirm: str) -> str:
        """Why a new password typed twice can't be taken ("" when it can): too weak, or the two differ."""
        if not strength.acceptable:
            return self.refusal(strength)
        if password != confirm:
            return self.tr("The two passwords differ.")
        return ""

    def shown_problem(self, strength: Strength, password: str, confirm: str) -> str:
        """The problem to show while typing: none before the password can be judged, and no
        "the two differ" before the second one is typed (stranger QA: a red 两次输入的密码不一致
        under a 再输入一次 still empty)."""
        if not self.judged(password, confirm) or (strength.acceptable and not confirm):
            return ""
        return self.new_password_problem(strength, password, confirm)

    @staticmethod
    def judged(password: str, confirm: str) -> bool:
        """Whether to show the problem yet: once the password is long enough to judge, or confirmed."""
        return bool(confirm) or len(password) >= MIN_LENGTH
