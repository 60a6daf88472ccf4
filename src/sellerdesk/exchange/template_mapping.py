"""Bringing a courier's own blank template: find its header row, propose what goes in each
column (:func:`sellerdesk.exchange.headers.guess_waybill_mapping`), and save it as a user
template (:func:`sellerdesk.exchange.templates.save_user_template`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sellerdesk.exchange import headers as hdr
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.importer.read import read_sample
from sellerdesk.exchange.templates import Template, TemplateColumn, save_user_template
from sellerdesk.exchange.waybills import MAPPABLE


@dataclass
class Proposal:
    """A blank template as found: its sheet, header row, headers and a proposed value per column."""

    path: Path
    sheets: list[str]
    sheet: str
    header_row: int
    headers: list[str]
    mapping: list[str | None]

    def columns(self, mapping: list[str | None] | None = None) -> list[TemplateColumn]:
        """The template columns of ``mapping`` (this proposal's when None); unmapped headers
        become empty columns the export leaves as they are."""
        chosen = self.mapping if mapping is None else mapping
        out = []
        for i, (header, value) in enumerate(zip(self.headers, chosen)):
            if not header.strip() and not value:
                continue
            out.append(TemplateColumn(header=header, value=value or "", const=None if value else "", column=i + 1))
        return out


def propose(path: str | Path, sheet: str | None = None, header_row: int | None = None) -> Proposal:
    """Read ``path``'s first rows: its header row (found under title rows, or ``header_row``)
    and a proposed value for each column. Raises :class:`ExchangeError` for a refused file."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        if not path.is_file():
            raise ExchangeError("not_found", name=path)
        raise ExchangeError("bad_blank", name=path.name)
    sample = read_sample(path, sheet, header_row)
    headers = [h.strip() for h in sample.headers]
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        raise ExchangeError("no_header", name=path.name, sheet=sample.sheet)
    return Proposal(
        path,
        [s.name for s in sample.sheets if not s.hidden],
        sample.sheet,
        sample.header_row,
        headers,
        hdr.guess_waybill_mapping(headers),
    )


def parse_map(text: str, headers: list[str]) -> dict[int, str]:
    """``--map '收件人=recipient,收件手机=mobile'`` → {column index: value}. A header is
    matched as written, then normalised (hints like (必填) dropped). ValueError names what is wrong."""
    keys = [hdr.normalize_header(h) for h in headers]
    out: dict[int, str] = {}
    for part in [p for p in text.replace("，", ",").split(",") if p.strip()]:
        if "=" not in part:
            raise ValueError(f"{part.strip()!r}: write HEADER=VALUE")
        header, value = (x.strip() for x in part.split("=", 1))
        if value and value not in MAPPABLE:
            raise ValueError(f"{value!r} is not a value; one of: {', '.join(MAPPABLE)}")
        if header in headers:
            at = headers.index(header)
        elif hdr.normalize_header(header) in keys:
            at = keys.index(hdr.normalize_header(header))
        else:
            raise ValueError(f"no column {header!r} in the template")
        out[at] = value
    return out


def add_template(
    name: str,
    blank: str | Path,
    *,
    mapping: dict[int, str] | None = None,
    use_proposal: bool = True,
    sheet: str | None = None,
    header_row: int | None = None,
    courier: str = "",
) -> tuple[Template, Proposal]:
    """Save ``blank`` as the user template ``name``: the proposal's mapping (unless
    ``use_proposal`` is False) with ``mapping`` (column index → value, '' clears) on top."""
    proposal = propose(blank, sheet, header_row)
    chosen: list[str | None] = list(proposal.mapping) if use_proposal else [None] * len(proposal.headers)
    for at, value in (mapping or {}).items():
        chosen[at] = value or None
    template = save_user_template(
        name,
        proposal.path,
        sheet=proposal.sheet,
        header_row=proposal.header_row,
        columns=proposal.columns(chosen),
        courier=courier,
    )
    return template, proposal
