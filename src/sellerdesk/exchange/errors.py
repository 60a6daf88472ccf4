"""Why a file is refused. Each error has a stable ``code`` (the UI translates it) and an
English one-line message (the CLI prints it). Nothing has been changed when one is raised."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

MESSAGES = {
    "not_found": "File not found: {name}",
    "not_a_file": "{name} is not a file (it is a folder or a device): choose a spreadsheet file.",
    "unreadable": "Cannot read {name}: {reason}",
    "empty_file": "{name} is empty.",
    "not_spreadsheet": "{name} is not a spreadsheet (.xlsx, .xls, .ods or .csv).",
    "corrupt": "{name} is damaged or truncated and cannot be read ({reason}).",
    "encrypted": "{name} is protected by a password; save it without the password and try again.",
    "encoding": "{name} is not UTF-8, GBK/GB18030 or Big5 text.",
    "binary": (
        "{name} holds binary data (NUL bytes or broken UTF-16), not text: it is not a CSV file, or it is damaged."
    ),
    "foreign_encoding": (
        '{name} looks like {encoding} text, not Chinese: save it from Excel as "CSV UTF-8" and try again.'
    ),
    "csv_quote": (
        'Row {row} of {name} opens a quote (") that is not closed where its cell ends, so the rows after it '
        "would run together: fix that quote (or save the file again from Excel) and try again."
    ),
    "sheet_too_big": (
        "Sheet {sheet!r} of {name} spans {rows} rows × {cols} columns, more than SellerDesk reads "
        "({limit} cells): delete the cells outside your data, or copy the data to a new sheet, and try again."
    ),
    "book_too_big": "The sheets of {name} together hold more than {limit} cells; split it into smaller files.",
    "unpacks_too_big": "{name} unpacks to more than {limit} MB: it is damaged or made to exhaust memory.",
    "file_changed": (
        "{name} changed while it was being imported (it is read more than once): nothing was imported. "
        "Close the program that writes it, then import it again."
    ),
    "no_sheet": "{name} has no sheet called {sheet!r}.",
    "no_visible_sheet": "{name} has no visible sheet with data.",
    "no_data": "{name} has no rows of data.",
    "no_header": "No header row found in {name} (sheet {sheet!r}); add a header such as 姓名 / 手机 / 地址.",
    "no_identity_column": "No column of {name} is a name, phone or WeChat ID column.",
    "bad_header_row": "Row {row} is outside the sheet {sheet!r}.",
    "header_too_long": (
        "Column {column} of the header row (row {row}) of {name} is {length} characters long, more than a "
        "header has (at most {limit}): choose the header row, or shorten that cell, and try again."
    ),
    "unknown_template": "Unknown courier template {template!r}; available: {available}.",
    "bad_template": "The courier template {template!r} is invalid: {reason}",
    "bad_target": "Cannot write {name}: exports are .xlsx files.",
    "bad_audit_target": "Cannot write {name}: the audit log is written as .csv or .xlsx.",
    "bad_person_target": "Cannot write {name}: a person's data is written as .json or .xlsx.",
    "nothing_to_export": "Nothing to export: the view is empty.",
    "no_folder": "Cannot write {name}: the folder {folder} does not exist.",
    "cannot_write": "Cannot write {name}: {reason}.",
    "bad_template_name": (
        "{template!r} cannot be a template name: use up to 40 characters, no slashes and none of : * ? < > |."
    ),
    "template_exists": "A courier template called {template!r} already exists; choose another name.",
    "bad_blank": "{name} is not an .xlsx workbook: save the courier's template as .xlsx and try again.",
    "empty_mapping": "The template {template!r} needs the recipient, phone and address columns mapped.",
    "shipped_template": "{template!r} is a layout shipped with SellerDesk and cannot be removed.",
    "bad_waybill_target": "Cannot write {name}: waybills are written as .xlsx or .csv.",
    "no_orders": "No orders to export: nothing matches.",
    "no_tracking_column": "No tracking-number column (运单号) found in {name}.",
    "no_match_column": (
        "No order-number (订单号) or phone (收件人手机) column found in {name}, so no row can be matched to an order."
    ),
}


# Why a file is damaged, in words (a ``corrupt`` error's reason): the zipfile, zlib, calamine or
# expat text it matches (lower case) → the English the CLI and the app translate. Another reason
# keeps its own words.
CORRUPT_REASONS = {
    "not_zip": "it is not a whole .xlsx (zip) file: it was cut short, or it is another kind of file",
    "bad_data": "its compressed data is damaged",
    "bad_crc": "its content does not match its checksum",
    "missing_part": "a part of the workbook is missing",
    "bad_xml": "its XML is broken",
}
_CORRUPT_MATCHES = (
    (("file is not a zip file", "invalid zip archive", "could not find eocd", "truncated file header",
      "bad magic number"), "not_zip"),
    (("while decompressing", "invalid stored block", "invalid distance", "incorrect header check"), "bad_data"),
    (("bad crc", "crc-32", "crc32"), "bad_crc"),
    # calamine: "File not found '_rels/.rels'" (a zip without a workbook in it); .xls: no Workbook stream
    (("there is no item named", "not found in archive", "file not found '", "no workbook stream"), "missing_part"),
    (("not well-formed", "mismatched tag", "unclosed token", "no element found", "syntax error", "junk after"),
     "bad_xml"),
)  # fmt: skip


def plain_reason(reason: str) -> str:
    """``reason`` in words of :data:`CORRUPT_REASONS` when it is one of the usual ones."""
    lower = reason.lower()
    for needles, key in _CORRUPT_MATCHES:
        if any(needle in lower for needle in needles):
            return CORRUPT_REASONS[key]
    return reason


class ExchangeError(Exception):
    """A refused file: ``code`` for the UI, ``params`` for its message, ``str()`` for the CLI."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        if code == "corrupt" and isinstance(params.get("reason"), str):
            params["reason"] = plain_reason(str(params["reason"]))  # (the exact words go to the log)
        self.params = {k: str(v) if not isinstance(v, (int, float)) else v for k, v in params.items()}
        try:
            message = MESSAGES[code].format(**params)
        except (KeyError, IndexError):
            message = code
        super().__init__(message)


# Why a file could not be written, by the OS error's kind: the English of each (the CLI and the
# app translate it); another error keeps the OS's own words.
OS_REASONS = {
    "is_a_directory": "a folder has that name",
    "not_a_directory": "part of the path is a file, not a folder",
    "permission": "the folder is read-only or belongs to another user",
    "missing": "the folder does not exist",
    "refused": "the folder exists but no file can be made in it",
}


# The OS errors that mean "this file cannot be made there" (a read-only or odd folder, a name
# that is a folder, a folder that vanished): an export turns them into ``cannot_write``.
UNWRITABLE = (PermissionError, IsADirectoryError, NotADirectoryError, FileNotFoundError)


def os_reason(exc: OSError) -> str:
    """The reason of ``exc`` as written into an ``ExchangeError``'s params: its English text."""
    kind = (
        "is_a_directory"
        if isinstance(exc, IsADirectoryError)
        else "not_a_directory"
        if isinstance(exc, NotADirectoryError)
        else "permission"
        if isinstance(exc, PermissionError)
        else _missing_kind(exc)
        if isinstance(exc, FileNotFoundError)
        else ""
    )
    return OS_REASONS[kind] if kind else exc.strerror or type(exc).__name__


def _missing_kind(exc: FileNotFoundError) -> str:
    """``missing``, or ``refused`` when the folder is there (``/proc`` answers ENOENT to a new file)."""
    name = exc.filename
    if isinstance(name, (str, Path)) and Path(name).parent.is_dir():
        return "refused"
    return "missing"


def require_folder(path: Path) -> None:
    """The folder a file is to be written into exists: said now, about the user's path, not later
    about the ``.part`` file written beside it (``no_folder``)."""
    if not path.parent.is_dir():
        raise ExchangeError("no_folder", name=path, folder=path.parent)


@contextlib.contextmanager
def naming_the_target(path: Path, part: Path) -> Iterator[None]:
    """An OSError of writing ``part`` (the file written beside ``path``, then renamed) names
    ``path``: a full disk's ENOSPC comes with no file name, and the CLI and the app then named the
    data folder as the full disk (stranger QA); a read-only folder's named the ``.part`` file."""
    try:
        yield
    except OSError as exc:
        if exc.errno is None or exc.filename not in (None, str(part), part):
            raise
        raise type(exc)(exc.errno, exc.strerror or os.strerror(exc.errno), str(path)) from exc
