"""Importing customers from a spreadsheet: read → prepare → plan → write → report, all or nothing.

One module per stage, each usable alone (the wizard shows them one by one; the CLI runs
them in a row):

* :mod:`.read` opens the file, picks the sheet (visible sheets first, the one that looks
  most like customer data), finds the header row under title rows, and returns the data
  rows as text (:func:`read_table`), or the first rows for the wizard (:func:`read_sample`);
* :mod:`.prepare` turns each row into cleaned customer and address fields with the column
  mapping (:func:`~sellerdesk.exchange.headers.guess_mapping` or the user's), normalising
  phones, splitting a whole-address column with the smart-paste parser and normalising
  split 省/市/区 columns to official names (:func:`prepare`);
* :mod:`.plan` matches every row by normalised phone, then WeChat ID (then the file's
  客户编号) against the database and the rows before it, and decides per row: new, merge,
  update, skip or reject (:func:`make_plan`); a phone joins only a customer with a
  compatible name (:mod:`sellerdesk.core.same_person`), else the row is a possible duplicate;
* :mod:`.write` writes planned rows in ONE transaction with bulk inserts, through
  :mod:`sellerdesk.store.bulk_import`; cancel, an error or ``kill -9`` leave the database
  as it was;
* :mod:`.report` writes the rejected, flagged and skipped rows with the reason
  (:func:`write_report`) and makes the :class:`ImportResult`;
* :mod:`.run` runs a whole import: :func:`import_file` (the CLI's one call: rows checked,
  planned and written as they come; a file with orders is read three times, its orders
  decided first, in flat memory) and :func:`write_plan` (the wizard's last step: the
  plan it showed, written); for a big customer file the wizard shows :func:`preview_file`
  (the whole file's counts, its first rows) and imports with :func:`import_file`.

Normalisation of stored values is owned by :mod:`sellerdesk.store.customers`
(``clean_customer_fields`` / ``clean_address_fields``); history and audit semantics are
the same as for edits: each added address gets an AddressChange ``create`` row with reason
``import``, each address changed by ``--on-duplicate update`` an ``update`` row with old →
new, and the import one AuditEntry with counts only.
"""

from __future__ import annotations

from sellerdesk.exchange.importer.plan import ON_DUPLICATE, SAME_PHONE_DIFFERENT_NAME, Plan, make_plan
from sellerdesk.exchange.importer.prepare import prepare, ref_key, refs_are_distinct, refs_of, validate_mapping
from sellerdesk.exchange.importer.read import Sample, Table, read_sample, read_table
from sellerdesk.exchange.importer.record import Action, Existing, InFile, Record
from sellerdesk.exchange.importer.report import ImportResult, write_report
from sellerdesk.exchange.importer.run import PREVIEW_ROWS, import_file, preview_file, write_plan

__all__ = [
    "ON_DUPLICATE",
    "SAME_PHONE_DIFFERENT_NAME",
    "PREVIEW_ROWS",
    "Action",
    "Existing",
    "InFile",
    "ImportResult",
    "Plan",
    "Record",
    "Sample",
    "Table",
    "import_file",
    "make_plan",
    "prepare",
    "preview_file",
    "read_sample",
    "read_table",
    "ref_key",
    "refs_are_distinct",
    "refs_of",
    "validate_mapping",
    "write_plan",
    "write_report",
]
