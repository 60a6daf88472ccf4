"""Masking mode for the CLI (``--mask``, before or after the command): phones as ``138****5678``
in every list, ``show`` and JSON document a command prints, and in ``export --mask``.
The mask itself is ``core.phones.mask_phone`` (the app's and the log's)."""

from __future__ import annotations

import argparse
from typing import Any

from sellerdesk.cli.messages import N_

PHONE_KEYS = frozenset({"phone", "address_phone", "mobile", "landline"})

_state = {"on": False}


def add_option(p: argparse.ArgumentParser) -> None:
    """``--mask`` on a command (the global one, before the command, is in cli/__init__)."""
    p.add_argument(
        "--mask",
        action="store_true",
        default=argparse.SUPPRESS,  # not given: the global option's value stays
        help=N_("show phones masked (138****5678)"),
    )


def set_masking(on: bool) -> None:
    _state["on"] = bool(on)


def masking() -> bool:
    return _state["on"]


def phone(text: str) -> str:
    """``text`` as shown: masked in masking mode."""
    if not _state["on"] or not text:
        return text
    from sellerdesk.core.phones import mask_phone

    return mask_phone(text)


def doc(value: Any) -> Any:
    """A JSON-able document with every phone field masked in masking mode (a copy; the same value otherwise)."""
    if not _state["on"]:
        return value
    if isinstance(value, dict):
        return {k: phone(v) if k in PHONE_KEYS and isinstance(v, str) else doc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [doc(v) for v in value]
    return value
