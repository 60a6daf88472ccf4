"""Courier bulk-order templates: data files in ``resources/templates/*.json`` (see the
README there). Adding a courier's layout is adding a file."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.paths import resource

VALUES = (
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


@dataclass(frozen=True)
class TemplateColumn:
    header: str
    value: str = ""
    const: str | None = None
    max_length: int = 0
    required: bool = False


@dataclass(frozen=True)
class Template:
    name: str
    title: dict[str, str] = field(default_factory=dict)  # language → title
    sheet: str = "Sheet1"
    charset: str = ""
    columns: tuple[TemplateColumn, ...] = ()
    description: str = ""

    def display_title(self, language: str = "zh_CN") -> str:
        return self.title.get(language) or self.title.get("en") or self.name


def templates_dir() -> Path:
    return resource("templates")


def list_templates() -> list[Template]:
    folder = templates_dir()
    if not folder.is_dir():
        return []
    return [load_template(p.stem) for p in sorted(folder.glob("*.json"))]


def template_names() -> list[str]:
    folder = templates_dir()
    return sorted(p.stem for p in folder.glob("*.json")) if folder.is_dir() else []


def load_template(name: str, path: Path | None = None) -> Template:
    path = path or templates_dir() / f"{name}.json"
    if "/" in name or "\\" in name or not path.is_file():
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
                )
            )
        if doc.get("charset"):
            "".encode(doc["charset"])
        return Template(
            name=path.stem,
            title=dict(doc.get("title", {})),
            sheet=str(doc.get("sheet", "Sheet1")),
            charset=str(doc.get("charset", "")),
            columns=tuple(columns),
            description=str(doc.get("description", "")),
        )
    except (ValueError, KeyError, TypeError, LookupError) as exc:
        raise ExchangeError("bad_template", template=name, reason=str(exc)) from exc
