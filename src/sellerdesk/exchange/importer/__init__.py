"""Importing customers from a spreadsheet: read → prepare → plan → write → report, all or nothing.

One module per stage, each usable alone (the wizard shows them one by one; the CLI runs
them in a row):

* :mod:`.read` opens the file, picks the sheet (visible sheets first, the one that looks
  most like customer data), finds the header row under title rows, and returns the data
  rows as text (:func:`read_table`);
* :mod:`.prepare` turns each row into cleaned customer and address fields with the column
  mapping (:func:`~sellerdesk.exchange.headers.guess_mapping` or the user's), normalising
  phones, splitting a whole-address column with the smart-paste parser and normalising
  split 省/市/区 columns to official names (:func:`prepare`);
* :mod:`.plan` matches every row by normalised phone, then WeChat ID (then the file's
  客户编号) against the database and the rows before it, and decides per row: new, merge,
  update, skip or reject (:func:`make_plan`);
* :mod:`.write` writes the plan in ONE transaction with bulk inserts; cancel, an error or
  ``kill -9`` leave the database as it was (:func:`execute`);
* :mod:`.report` writes the rejected, flagged and skipped rows with the reason
  (:func:`write_report`) and holds the :class:`ImportResult`;
* :mod:`.run` runs them all: :func:`import_file` (the CLI's one call) and :func:`finish`
  (what the wizard's last step runs).

Normalisation of stored values is owned by :mod:`sellerdesk.store.customers`
(``clean_customer_fields`` / ``clean_address_fields``); history and audit semantics are
the same as for edits: each added address gets an AddressChange ``create`` row with reason
``import``, each address changed by ``--on-duplicate update`` an ``update`` row with old →
new, and the import one AuditEntry with counts only.
"""

from __future__ import annotations

from sellerdesk.exchange.importer.plan import ON_DUPLICATE, Plan, Planner, make_plan
from sellerdesk.exchange.importer.prepare import prepare, prepare_row, refs_of, validate_mapping
from sellerdesk.exchange.importer.read import Table, choose_sheet, find_header_row, read_table, sample_rows
from sellerdesk.exchange.importer.record import ISSUES, Record, issue_text
from sellerdesk.exchange.importer.report import ImportResult, default_report_path, write_report
from sellerdesk.exchange.importer.run import finish, import_file
from sellerdesk.exchange.importer.write import execute

__all__ = [
    "ISSUES",
    "ON_DUPLICATE",
    "ImportResult",
    "Plan",
    "Planner",
    "Record",
    "Table",
    "choose_sheet",
    "default_report_path",
    "execute",
    "find_header_row",
    "finish",
    "import_file",
    "issue_text",
    "make_plan",
    "prepare",
    "prepare_row",
    "read_table",
    "refs_of",
    "sample_rows",
    "validate_mapping",
    "write_report",
]
