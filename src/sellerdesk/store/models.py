"""The schema: every table SellerDesk keeps, declared once (text column sizes: core.fields.MAX_LENGTH).

Models are bound late through ``DB`` (a :class:`peewee.Proxy`): ``store.database.open_store``
binds the encrypted database (the app, the CLI, and tests on a temporary data dir alike).

Conventions (see DESIGN.md): timestamps are naive UTC datetimes (``utcnow()``), money is an
integer number of 分, phones are stored normalised, soft delete sets ``deleted_at``.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

import peewee as pw

from sellerdesk.core.fields import MAX_LENGTH

DB = pw.Proxy()


def utcnow() -> _dt.datetime:
    """Current time in UTC, naive (the form every timestamp column stores)."""
    return _dt.datetime.now(_dt.UTC).replace(tzinfo=None, microsecond=0)


_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def dump_json(value: object) -> str | None:
    """The stored text of a JSON column (bulk writers build rows with it directly)."""
    return None if value is None else _JSON.encode(value)


class JSONField(pw.TextField):
    """A JSON document stored as text (old/new values, address snapshots)."""

    def db_value(self, value: object) -> str | None:
        return dump_json(value)

    def python_value(self, value: str | None) -> Any:
        if value is None or value == "":
            return None
        return json.loads(value)


class BaseModel(pw.Model):
    """Every table but ``meta`` has peewee's implicit ``id`` primary key, and a foreign key
    ``x`` gives each row ``x_id`` (the bare id, no query). peewee adds both itself; they are
    declared on the models as bare annotations, for the type checker only (peewee ignores
    annotations: the schema is the same)."""

    class Meta:
        database = DB
        legacy_table_names = False


class Meta(BaseModel):
    """Key/value facts about the database itself; holds the ``schema_version`` row."""

    key = pw.CharField(primary_key=True, max_length=64)
    value = pw.TextField()

    class Meta:
        table_name = "meta"


class Customer(BaseModel):
    id: pw.AutoField[int]
    name = pw.CharField(default="", max_length=MAX_LENGTH["name"])
    name_pinyin = pw.CharField(default="", max_length=400)
    name_initials = pw.CharField(default="", max_length=MAX_LENGTH["name"], index=True)  # a letter a character
    phone = pw.CharField(default="", max_length=MAX_LENGTH["phone"])
    wechat = pw.CharField(default="", max_length=MAX_LENGTH["wechat"])
    tags = pw.TextField(default="")  # comma-separated, see store.customers.split_tags
    tier = pw.CharField(default="", max_length=MAX_LENGTH["tier"])
    birthday = pw.DateField(null=True)
    gender = pw.CharField(default="", max_length=MAX_LENGTH["gender"])  # '', 'F', 'M'
    source = pw.CharField(default="", max_length=MAX_LENGTH["source"])  # channel: 微信, 朋友圈, 小红书…
    notes = pw.TextField(default="")
    flags = pw.TextField(default="")  # comma-separated: needs_check, demo…
    marketing_consent = pw.BooleanField(default=False)
    # Kept by store.orders in the transaction of every order write (all time; cancelled,
    # refunded and deleted orders do not count). The dates are midnight of the order date.
    last_order_at = pw.DateTimeField(null=True)
    order_count = pw.IntegerField(default=0)
    total_spent_fen = pw.BigIntegerField(default=0)
    first_order_at = pw.DateTimeField(null=True)
    # tier: a level key of core.tiers (normal, silver…), or '' before the first computation;
    # with tier_manual set it was chosen by hand and the computation leaves it alone.
    tier_manual = pw.BooleanField(default=False)
    points = pw.BigIntegerField(default=0)  # the balance: the sum of this customer's PointsEntry rows
    created_at = pw.DateTimeField(default=utcnow)
    updated_at = pw.DateTimeField(default=utcnow)
    deleted_at = pw.DateTimeField(null=True, index=True)
    # The default address as one sort key (province, city, district, detail joined by char(1));
    # NULL without one. Kept by triggers of schema step 9 (store/migrations.py): never written here.
    address_key = pw.TextField(null=True)
    # schema 13 (issue 18): a lunar birthday as core.lunar.LunarDay.code (wins over ``birthday`` in
    # the lists); when and how marketing consent was given (core.care.CONSENT_WAYS)
    birthday_lunar = pw.IntegerField(null=True)
    consent_date = pw.DateField(null=True)
    consent_via = pw.CharField(default="", max_length=MAX_LENGTH["consent_via"])
    # schema 14 (issue 20, team mode): the team user who made the customer; on a team server a
    # trigger sets it to the connected user and keeps it (a helper sees a customer they made
    # before it has an address, store/team.py); '' locally
    created_by = pw.CharField(default="", max_length=63)
    # schema 15 (issue 20): optimistic locking. ``version`` counts the writes that change what the
    # editor shows (the customer's own fields or an address), ``updated_by`` says who made the last
    # ('' in a local file; the team user on a server). Kept by triggers (store/migrations.py,
    # step 15); never written here.
    version = pw.IntegerField(default=1)
    updated_by = pw.CharField(default="", max_length=64)


class Address(BaseModel):
    id: pw.AutoField[int]
    customer = pw.ForeignKeyField(Customer, backref="addresses", on_delete="CASCADE", index=False)
    customer_id: pw.ForeignKeyField[int]
    recipient = pw.CharField(default="", max_length=MAX_LENGTH["recipient"])
    phone = pw.CharField(default="", max_length=MAX_LENGTH["phone"])
    province = pw.CharField(default="", max_length=MAX_LENGTH["province"])
    city = pw.CharField(default="", max_length=MAX_LENGTH["city"])
    district = pw.CharField(default="", max_length=MAX_LENGTH["district"])
    detail = pw.TextField(default="")
    postal_code = pw.CharField(default="", max_length=MAX_LENGTH["postal_code"])
    adcode = pw.CharField(default="", max_length=MAX_LENGTH["adcode"])
    label = pw.CharField(default="", max_length=MAX_LENGTH["label"])  # 家, 公司, …
    is_default = pw.BooleanField(default=False)
    verified_at = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField(default=utcnow)
    updated_at = pw.DateTimeField(default=utcnow)
    deleted_at = pw.DateTimeField(null=True)

    class Meta:
        indexes = ((("customer", "is_default"), False),)


class AddressChange(BaseModel):
    """One row for every address edit: what it was, what it became, when and why."""

    id: pw.AutoField[int]
    address = pw.ForeignKeyField(Address, backref="changes", on_delete="CASCADE", index=True)
    address_id: pw.ForeignKeyField[int]
    customer = pw.ForeignKeyField(Customer, backref="address_changes", on_delete="CASCADE", index=True)
    customer_id: pw.ForeignKeyField[int]
    action = pw.CharField(max_length=20)  # create, update, delete, restore, verify
    old_values = JSONField(null=True)
    new_values = JSONField(null=True)
    reason = pw.CharField(default="", max_length=200)
    changed_at = pw.DateTimeField(default=utcnow)


class Order(BaseModel):
    """One order: what was paid (``amount_fen``, 分), when (a local calendar date), its lines
    (``items`` as the seller wrote them, and :class:`OrderItem` rows), and where it went: the
    ``address_snapshot`` is the truth; ``address`` only says which address it was taken from.
    Written only through store.orders; soft-deleted with ``deleted_at``."""

    id: pw.AutoField[int]
    customer = pw.ForeignKeyField(Customer, backref="orders", on_delete="CASCADE", index=False)
    customer_id: pw.ForeignKeyField[int]
    order_date = pw.DateField()
    amount_fen = pw.BigIntegerField(default=0)  # the amount paid
    items = pw.TextField(default="")
    courier = pw.CharField(default="", max_length=40)
    tracking_no = pw.CharField(default="", max_length=60)
    address_snapshot = JSONField(null=True)  # core.fields.ADDRESS_FIELDS at the time of the order
    status = pw.CharField(default="pending", max_length=20)  # core.orders.STATUSES
    created_at = pw.DateTimeField(default=utcnow)
    updated_at = pw.DateTimeField(default=utcnow)
    order_no = pw.CharField(default="", max_length=64)  # 订单号; unique when not empty (partial index)
    notes = pw.TextField(default="")
    shipped_on = pw.DateField(null=True)
    address = pw.ForeignKeyField(Address, backref="orders", null=True, on_delete="SET NULL", index=False)
    address_id: pw.ForeignKeyField[int | None]
    deleted_at = pw.DateTimeField(null=True)
    version = pw.IntegerField(default=1)  # optimistic locking: +1 on every write

    class Meta:
        table_name = "orders"


class OrderItem(BaseModel):
    """A line of an order: product, quantity and unit price (None: not known)."""

    id: pw.AutoField[int]
    order = pw.ForeignKeyField(Order, backref="lines", on_delete="CASCADE", index=False)
    order_id: pw.ForeignKeyField[int]
    position = pw.IntegerField()
    product = pw.CharField(max_length=200)
    quantity = pw.IntegerField(default=1)
    unit_price_fen = pw.BigIntegerField(null=True)

    class Meta:
        indexes = ((("order", "position"), True),)


class PointsEntry(BaseModel):
    """One change of a customer's points: earned by an order (and its reversal), or redeemed."""

    id: pw.AutoField[int]
    customer = pw.ForeignKeyField(Customer, backref="points_entries", on_delete="CASCADE", index=False)
    customer_id: pw.ForeignKeyField[int]
    order = pw.ForeignKeyField(Order, backref="points_entries", null=True, on_delete="SET NULL", index=True)
    order_id: pw.ForeignKeyField[int | None]
    delta = pw.BigIntegerField()
    note = pw.CharField(default="", max_length=200)
    at = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("customer", "at"), False),)


class AuditEntry(BaseModel):
    """What happened to the data, without personal details (ids and counts only)."""

    id: pw.AutoField[int]
    at = pw.DateTimeField(default=utcnow, index=True)
    action = pw.CharField(max_length=40)
    entity = pw.CharField(default="", max_length=40)
    entity_id = pw.IntegerField(null=True)
    detail = JSONField(null=True)
    # schema 14: the team user who did it (set by a trigger on a team server from the connected
    # PostgreSQL user, whatever the client sends); '' locally
    actor = pw.CharField(default="", max_length=63)


class CustomerMerge(BaseModel):
    """One merge of customers into a survivor (store.merges), with what undoing it needs.

    No foreign keys: the record outlives its customers. When one of them is deleted for good
    (``purge_customers``) its snapshots are dropped (``purged_at``) and the merge can no longer
    be undone. ``moved``: the child rows that moved, per table and column, with the customer
    each came from (and the addresses' default flags); ``before``: every merged customer's row
    as it was (column → stored value); ``after``: the survivor's values the merge set."""

    id: pw.AutoField[int]
    at = pw.DateTimeField(default=utcnow)
    keep_id = pw.IntegerField(index=True)
    other_ids = JSONField()
    moved = JSONField(null=True)
    before = JSONField(null=True)
    after = JSONField(null=True)
    undone_at = pw.DateTimeField(null=True)
    purged_at = pw.DateTimeField(null=True)

    class Meta:
        table_name = "customer_merge"


class FollowUp(BaseModel):
    """A follow-up (回访) or feedback (反馈) on a customer: when, by which channel, what was said,
    the outcome, an optional next date (due until ``next_done_at``), and for feedback a status
    (open/solved). Written only through store.followups; soft-deleted with ``deleted_at``."""

    id: pw.AutoField[int]
    customer = pw.ForeignKeyField(Customer, backref="follow_ups", on_delete="CASCADE", index=False)
    customer_id: pw.ForeignKeyField[int]
    kind = pw.CharField(default="followup", max_length=20)  # core.care.KINDS
    on_date = pw.DateField()
    channel = pw.CharField(default="", max_length=20)  # core.care.CHANNELS
    note = pw.TextField(default="")
    outcome = pw.TextField(default="")
    next_date = pw.DateField(null=True)
    next_done_at = pw.DateTimeField(null=True)
    status = pw.CharField(default="", max_length=20)  # feedback: open, solved; '' for a follow-up
    solved_at = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField(default=utcnow)
    updated_at = pw.DateTimeField(default=utcnow)
    deleted_at = pw.DateTimeField(null=True)

    class Meta:
        table_name = "follow_up"


class TeamUser(BaseModel):
    """A user of a team server (store/team.py): a PostgreSQL login role of the same name, its
    role (owner, helper, viewer), the regions as given (大区 or provinces, comma-separated; the
    provinces they stand for are in :class:`TeamGrant`) and whether phones are shown unmasked.
    Empty in a local database."""

    name = pw.CharField(primary_key=True, max_length=63)
    role = pw.CharField(max_length=20)
    regions = pw.TextField(default="")
    phones = pw.BooleanField(default=False)
    created_at = pw.DateTimeField(default=utcnow)

    class Meta:
        table_name = "team_user"


class TeamGrant(BaseModel):
    """One province (full official name) a helper may see: the row-level security policies of
    a team server read these (through ``sd_team_provinces``), 大区 stored expanded."""

    id: pw.AutoField[int]
    user_name = pw.CharField(max_length=63)
    province = pw.CharField(max_length=40)

    class Meta:
        table_name = "team_grant"
        indexes = ((("user_name", "province"), True),)


class TeamRegionOwner(BaseModel):
    """专人负责: the user in charge of a 大区 or a province (full official name); a province's
    own entry wins over its 大区's (store.team.responsible_provinces)."""

    region = pw.CharField(primary_key=True, max_length=40)
    user_name = pw.CharField(max_length=63)

    class Meta:
        table_name = "team_region_owner"


ALL_MODELS = [
    Meta,
    Customer,
    Address,
    AddressChange,
    Order,
    OrderItem,
    PointsEntry,
    AuditEntry,
    CustomerMerge,
    FollowUp,
    TeamUser,
    TeamGrant,
    TeamRegionOwner,
]
