"""The seller's 偏远地区 list, stored with the data, and the remote customers and orders.

The list is a ``meta`` row (``remote_areas``: official names, ``港澳台`` as a group), so a
backup carries it and the app and the CLI read the same one; no row means the shipped
default (``core.remote.DEFAULT_ENTRIES``). The rule is ``core.remote.is_remote``; here it is
the same test in SQL: a province list (``IN``) plus a few (province, city[, district])
pairs, over the live default addresses (index ``address_default_place``) and the orders'
ship-to snapshots (province from the expression index ``orders_live_province``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import peewee as pw

from sellerdesk.core import remote
from sellerdesk.core.remote import Place
from sellerdesk.store import settings
from sellerdesk.store.errors import ValidationError
from sellerdesk.store.models import DB

REMOTE_AREAS = "remote_areas"


def entries(db: pw.Database | None = None) -> list[str]:
    """The list as saved (official names), or the shipped default when none was saved."""
    stored = settings.read(REMOTE_AREAS, db)
    if isinstance(stored, list):
        return [str(e) for e in stored if isinstance(e, str)]
    return list(remote.DEFAULT_ENTRIES)


def places(db: pw.Database | None = None) -> tuple[Place, ...]:
    return remote.places_of(entries(db))


def check_entries(items: Iterable[str]) -> list[str]:
    """Each entry by its official name, duplicates and blanks dropped; ValidationError naming
    the first entry that is not a region (or names several), before anything is written."""
    out: dict[str, None] = {}
    for item in items:
        text = str(item).strip()
        if not text:
            continue
        try:
            out[remote.canonical(text)] = None
        except remote.UnknownEntry as exc:
            code = "ambiguous_region" if exc.ambiguous else "unknown_region"
            raise ValidationError(str(exc), code=code, field=text) from exc
    if len(out) > remote.MAX_ENTRIES:
        raise ValidationError(
            f"At most {remote.MAX_ENTRIES} remote areas can be saved.", code="too_many", field="remote_areas"
        )
    return list(out)


def save_entries(items: Iterable[str], db: pw.Database | None = None) -> list[str]:
    """Replace the list in one transaction (an empty list is allowed: nothing is remote)."""
    cleaned = check_entries(items)
    database = db if db is not None else DB.obj
    with database.atomic():
        settings.write(REMOTE_AREAS, cleaned, database)
    return cleaned


def condition(found: Sequence[Place], province: str, city: str, district: str) -> tuple[str, list[Any]]:
    """``core.remote.is_remote`` as an SQL condition on three column expressions; ``1 = 0`` (false on
    both backends) for no places."""
    whole = sorted({p.province for p in found if not p.city})
    parts: list[str] = []
    params: list[Any] = []
    if whole:
        parts.append(f"{province} IN ({', '.join('?' * len(whole))})")
        params.extend(whole)
    for place in found:
        if not place.city or place.province in whole:
            continue
        clause = f"({province} = ? AND {city} = ?"
        params.extend([place.province, place.city])
        if place.district:
            clause += f" AND {district} = ?"
            params.append(place.district)
        parts.append(clause + ")")
    return ("(" + " OR ".join(parts) + ")" if parts else "1 = 0"), params


def customer_subquery(found: Sequence[Place] | None = None) -> tuple[str, list[Any]]:
    """SQL selecting the customer ids whose live default address is remote (any customer state)."""
    found = places() if found is None else found
    where, params = condition(found, 'a."province"', 'a."city"', 'a."district"')
    sql = (
        'SELECT a."customer_id" FROM "address" AS a INDEXED BY "address_default_place" '
        f'WHERE a."is_default" = 1 AND a."deleted_at" IS NULL AND {where}'
    )
    return sql, params


def customer_ids(trashed: bool = False, found: Sequence[Place] | None = None) -> set[int]:
    """Customers (live, or in the Trash) whose live default address is remote."""
    from sellerdesk.store.queries import id_list

    found = places() if found is None else found
    if not found:
        return set()
    sub, params = customer_subquery(found)
    state = "IS NOT NULL AND c.\"flags\" <> 'erased'" if trashed else "IS NULL"
    sql = f'SELECT c."id" FROM "customer" AS c WHERE c."id" IN ({sub}) AND c."deleted_at" {state}'
    return set(id_list(sql, params))


_SNAP = "json_extract(\"address_snapshot\", '$.{}')"


def order_ids(deleted: bool = False, found: Sequence[Place] | None = None) -> set[int]:
    """Orders (live, or deleted) whose ship-to snapshot is remote."""
    from sellerdesk.store.orders import SHIP_PROVINCE_SQL
    from sellerdesk.store.queries import id_list

    found = places() if found is None else found
    if not found:
        return set()
    where, params = condition(found, SHIP_PROVINCE_SQL, _SNAP.format("city"), _SNAP.format("district"))
    state = '"deleted_at" IS ' + ("NOT NULL" if deleted else "NULL")
    sql = f'SELECT "id" FROM "orders" INDEXED BY "orders_live_province" WHERE {state} AND {where}'
    return set(id_list(sql, params))


def is_remote_address(address: Mapping[str, Any] | None, found: Sequence[Place]) -> bool:
    """The rule for one address mapping (a ship-to snapshot, a customer's address fields)."""
    if not address:
        return False
    return remote.is_remote(
        str(address.get("province") or ""), str(address.get("city") or ""), str(address.get("district") or ""), found
    )


def count_orders(ids: Iterable[int]) -> int:
    """How many of the orders ``ids`` ship to a remote area (the export summary's number)."""
    wanted = sorted({int(i) for i in ids})
    if not wanted:
        return 0
    found = places()
    if not found:
        return 0
    where, params = condition(
        found,
        "json_extract(o.\"address_snapshot\", '$.province')",
        "json_extract(o.\"address_snapshot\", '$.city')",
        "json_extract(o.\"address_snapshot\", '$.district')",
    )
    row = DB.obj.execute_sql(
        f'SELECT count(*) FROM "orders" AS o WHERE o."id" IN (SELECT value FROM json_each(?)) AND {where}',
        [json.dumps(wanted), *params],
    ).fetchone()
    return int(row[0]) if row else 0


def count_in_view(flt: Any) -> int:
    """How many customers of the view ``flt`` (a ``queries.CustomerFilter``: an export's
    rows) have a default address in a 偏远地区 (the export summary's number)."""
    from sellerdesk.store import queries

    return len(customer_ids(flt.trashed) & set(queries.customer_ids(flt, "id")))


def count_customers(ids: Iterable[int] | None = None, trashed: bool = False) -> int:
    """How many customers (of ``ids``, or all live ones) have a remote default address."""
    found = customer_ids(trashed)
    return len(found) if ids is None else len(found & {int(i) for i in ids})
