"""Courier bulk-order templates.

Two kinds, one :class:`Template`:

* **shipped layouts**: data files in ``resources/templates/*.json`` (see the README there);
  adding a courier's layout is adding a file. The export writes a new workbook (or CSV).
* **user templates**: a blank workbook the seller downloaded from a courier's portal and
  mapped once (``template add`` / the mapping dialog). Kept in the data folder's
  ``templates/`` (``NAME.json`` beside ``NAME.xlsx``, the blank copy), so an update never
  touches them. The export fills a copy of the blank workbook under its header row,
  keeping its other sheets, formats and drop-down lists.

A template column takes a *value* (what we put in it, :data:`VALUES`) or a fixed text
(``const``). Customer exports read the customer values; waybill exports
(:mod:`sellerdesk.exchange.waybills`) read every value from an order, its customer and the
chosen sender.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sellerdesk import private_files
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.paths import data_dir, resource

# What a customer export can fill (a customer and its address).
CUSTOMER_VALUES = (
    "name",
    "recipient",
    "phone",
    "mobile",
    "landline",
    "wechat",
    "province",
    "city",
    "district",
    "detail",
    "address",
    "region",
    "postal_code",
    "label",
    "tags",
    "tier",
    "notes",
    "id",
)
# What only a waybill (an order) fills; a customer export leaves these columns empty.
ORDER_VALUES = (
    "order_no",
    "items",
    "quantity",
    "parcels",
    "order_notes",
    "order_date",
    "amount",
    "sender_name",
    "sender_phone",
    "sender_company",
    "sender_address",
    "sender_province",
    "sender_city",
    "sender_district",
    "sender_detail",
)
VALUES = CUSTOMER_VALUES + ORDER_VALUES

USER_FOLDER = "templates"
REMOVED_FOLDER = "removed"
_NAME = re.compile(r"^[^\\/:*?\"<>|\x00-\x1f.][^\\/:*?\"<>|\x00-\x1f]{0,39}$")


@dataclass(frozen=True)
class TemplateColumn:
    header: str
    value: str = ""
    const: str | None = None
    max_length: int = 0
    required: bool = False
    column: int = 0  # user templates: the 1-based column in the blank sheet (0: in order)


@dataclass(frozen=True)
class Template:
    name: str
    title: dict[str, str] = field(default_factory=dict)  # language → title
    sheet: str = "Sheet1"
    charset: str = ""
    columns: tuple[TemplateColumn, ...] = ()
    description: str = ""
    blank: Path | None = None  # user templates: the blank workbook the export fills a copy of
    header_row: int = 1
    courier: str = ""  # the courier's name written back on orders (顺丰, 中通 …)

    def display_title(self, language: str = "zh_CN") -> str:
        return self.title.get(language) or self.title.get("en") or self.name

    @property
    def is_user(self) -> bool:
        return self.blank is not None


def templates_dir() -> Path:
    return resource("templates")


def user_templates_dir(create: bool = False) -> Path:
    """The data folder's ``templates/`` (0700 when created)."""
    folder = data_dir(create=create) / USER_FOLDER
    if create:
        private_files.make_dir(folder)
    return folder


def _user_paths() -> list[Path]:
    folder = user_templates_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def _shipped_paths() -> list[Path]:
    folder = templates_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def list_templates() -> list[Template]:
    """The shipped layouts, then the user's templates (an unreadable user file is skipped)."""
    out = [load_template(p.stem, p) for p in _shipped_paths()]
    for path in _user_paths():
        try:
            out.append(load_template(path.stem, path))
        except ExchangeError:
            continue
    return out


def template_names() -> list[str]:
    return [p.stem for p in _shipped_paths()] + [p.stem for p in _user_paths()]


def _find(name: str) -> Path | None:
    if not name or "/" in name or "\\" in name or name.startswith("."):
        return None
    for folder in (templates_dir(), user_templates_dir()):
        path = folder / f"{name}.json"
        if path.is_file():
            return path
    return None


def load_template(name: str, path: Path | None = None) -> Template:
    path = path or _find(name)
    if path is None or not path.is_file():
        raise ExchangeError("unknown_template", template=name, available=", ".join(template_names()) or "-")
    try:
        doc = json.loads(path.read_text("utf-8"))
        columns = []
        for col in doc["columns"]:
            value = col.get("value", "")
            if value and value not in VALUES:
                raise ValueError(f"unknown value {value!r}")
            if not value and "const" not in col:
                raise ValueError(f"column {col.get('header')!r} has neither value nor const")
            columns.append(
                TemplateColumn(
                    str(col["header"]),
                    value,
                    None if value else str(col.get("const", "")),
                    int(col.get("max_length", 0)),
                    bool(col.get("required", False)),
                    int(col.get("column", 0)),
                )
            )
        if doc.get("charset"):
            "".encode(doc["charset"])
        blank = None
        if doc.get("blank"):
            blank = path.parent / str(doc["blank"])
            if blank.parent != path.parent or not blank.is_file():
                raise ValueError(f"its blank workbook {doc['blank']!r} is missing")
        header_row = int(doc.get("header_row", 1))
        if header_row < 1:
            raise ValueError("header_row must be 1 or more")
        return Template(
            name=path.stem,
            title=dict(doc.get("title", {})),
            sheet=str(doc.get("sheet", "Sheet1")),
            charset=str(doc.get("charset", "")),
            columns=tuple(columns),
            description=str(doc.get("description", "")),
            blank=blank,
            header_row=header_row,
            courier=str(doc.get("courier", "")),
        )
    except (ValueError, KeyError, TypeError, LookupError, OSError) as exc:
        raise ExchangeError("bad_template", template=name, reason=str(exc)) from exc


def check_template_name(name: str) -> str:
    """A new user template's name (also its file name): refused when empty, odd or taken."""
    name = name.strip()
    if not _NAME.match(name):
        raise ExchangeError("bad_template_name", template=name)
    if name in template_names():
        raise ExchangeError("template_exists", template=name)
    return name


# What a courier needs on every waybill: someone to hand it to, a number to call, a place.
ESSENTIALS: tuple[tuple[str, ...], ...] = (
    ("recipient", "name"),
    ("phone", "mobile", "landline"),
    ("address", "detail"),
)


def missing_essentials(columns: Sequence[TemplateColumn]) -> list[tuple[str, ...]]:
    """The groups of :data:`ESSENTIALS` no column of a mapping fills (a template saved without a
    phone column wrote waybills without phones, and said nothing)."""
    mapped = {c.value for c in columns if c.value}
    return [group for group in ESSENTIALS if not mapped.intersection(group)]


def save_user_template(
    name: str,
    blank: Path,
    *,
    sheet: str,
    header_row: int,
    columns: list[TemplateColumn],
    courier: str = "",
    charset: str = "gbk",
) -> Template:
    """Copy ``blank`` into the user's templates folder and write its mapping beside it.

    The JSON is written last (under a temporary name, then renamed): a template exists only
    once both files are complete."""
    name = check_template_name(name)
    if not blank.is_file():
        raise ExchangeError("not_found", name=blank)
    if blank.suffix.lower() != ".xlsx":
        raise ExchangeError("bad_blank", name=blank.name)
    if missing_essentials(columns):
        raise ExchangeError("empty_mapping", template=name)
    folder = user_templates_dir(create=True)
    target = folder / f"{name}{blank.suffix.lower()}"
    tmp = target.with_name(target.name + ".part")
    private_files.touch(tmp)
    shutil.copyfile(blank, tmp)
    os.replace(tmp, target)
    doc = {
        "name": name,
        "title": {"zh_CN": name, "en": name},
        "courier": courier,
        "blank": target.name,
        "sheet": sheet,
        "header_row": header_row,
        "charset": charset,
        "source": f"user template from {blank.name}, {time.strftime('%Y-%m-%d')}",
        "columns": [
            {"header": c.header, "column": c.column, **({"value": c.value} if c.value else {"const": c.const or ""})}
            for c in columns
        ],
    }
    path = folder / f"{name}.json"
    part = path.with_name(path.name + ".part")
    with open(part, "w", encoding="utf-8", opener=private_files.opener) as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
    os.replace(part, path)
    return load_template(name, path)


def remove_user_template(name: str) -> Path:
    """Move a user template (its JSON and blank workbook) to ``templates/removed/`` — a way
    back: moving the files back restores it. Shipped layouts cannot be removed."""
    path = user_templates_dir() / f"{name}.json"
    if not path.is_file() or "/" in name or "\\" in name:
        if (templates_dir() / f"{name}.json").is_file():
            raise ExchangeError("shipped_template", template=name)
        raise ExchangeError("unknown_template", template=name, available=", ".join(template_names()) or "-")
    removed = private_files.make_dir(user_templates_dir() / REMOVED_FOLDER / time.strftime("%Y%m%d-%H%M%S"))
    try:
        blank = load_template(name, path).blank
    except ExchangeError:
        blank = None
    if blank is not None and blank.is_file():
        os.replace(blank, removed / blank.name)
    os.replace(path, removed / path.name)
    return removed
