"""The names people read for the codes the store keeps: audit actions, entities and detail keys,
order statuses, the points ledger's own notes, follow-up kinds.

One definition for both front ends. Each table is a :class:`Labels` of English texts under a Qt
translation context, marked with :func:`QT_TRANSLATE_NOOP` (``tools/i18n.py`` puts them in the
.ts; their Chinese is the context's rows in ``resources/translations/zh_CN/*.tsv``). The app
reads them through ``QCoreApplication.translate``, the CLI (which never loads Qt) through
``sellerdesk.cli.messages.lookup(text, context=…)`` — the same rows, so the two never differ.
An unknown code (a newer feature's) is shown as it is. ``--json`` output keeps the codes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

Translate = Callable[[str, str], str]  # (context, English) -> the text in the user's language


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 — Qt's name, which the tools look for
    """Mark ``text`` as a message of ``context`` translated where it is shown."""
    return text


def english(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Labels:
    context: str
    texts: Mapping[str, str]

    def name(self, code: str, translate: Translate = english) -> str:
        text = self.texts.get(code)
        return code if text is None else translate(self.context, text)


_A = "AuditText"
AUDIT_ACTIONS = Labels(
    _A,
    {
        "create": QT_TRANSLATE_NOOP("AuditText", "Customer added"),
        "update": QT_TRANSLATE_NOOP("AuditText", "Customer changed"),
        "add_address": QT_TRANSLATE_NOOP("AuditText", "Address added"),
        "update_address": QT_TRANSLATE_NOOP("AuditText", "Address changed"),
        "delete_address": QT_TRANSLATE_NOOP("AuditText", "Address deleted"),
        "restore_address": QT_TRANSLATE_NOOP("AuditText", "Address restored"),
        "set_default_address": QT_TRANSLATE_NOOP("AuditText", "Default address set"),
        "verify_address": QT_TRANSLATE_NOOP("AuditText", "Address checked"),
        "unverify_address": QT_TRANSLATE_NOOP("AuditText", "Address check undone"),
        "trash": QT_TRANSLATE_NOOP("AuditText", "Moved to the Trash"),
        "restore": QT_TRANSLATE_NOOP("AuditText", "Restored from the Trash"),
        "purge": QT_TRANSLATE_NOOP("AuditText", "Deleted from the Trash for good"),
        "erase": QT_TRANSLATE_NOOP("AuditText", "Erased for good (personal data)"),
        "merge": QT_TRANSLATE_NOOP("AuditText", "Customers merged"),
        "unmerge": QT_TRANSLATE_NOOP("AuditText", "Merge undone"),
        "import": QT_TRANSLATE_NOOP("AuditText", "Import"),
        "export": QT_TRANSLATE_NOOP("AuditText", "Export"),
        "export_person": QT_TRANSLATE_NOOP("AuditText", "Personal data exported"),
        "backup": QT_TRANSLATE_NOOP("AuditText", "Backup"),
        "restore_backup": QT_TRANSLATE_NOOP("AuditText", "Restored from a backup"),
        "add_order": QT_TRANSLATE_NOOP("AuditText", "Order added"),
        "update_order": QT_TRANSLATE_NOOP("AuditText", "Order changed"),
        "delete_order_lines": QT_TRANSLATE_NOOP("AuditText", "Order lines replaced (old lines kept)"),
        "helper_update": QT_TRANSLATE_NOOP("AuditText", "Changed by a helper (old values kept)"),
        "put_back": QT_TRANSLATE_NOOP("AuditText", "A helper's change put back"),
        "order_status": QT_TRANSLATE_NOOP("AuditText", "Order status changed"),
        "delete_order": QT_TRANSLATE_NOOP("AuditText", "Order deleted"),
        "restore_order": QT_TRANSLATE_NOOP("AuditText", "Order restored"),
        "tier_rules": QT_TRANSLATE_NOOP("AuditText", "Tier rules changed"),
        "tier_set": QT_TRANSLATE_NOOP("AuditText", "Tier set by hand"),
        "tier_clear": QT_TRANSLATE_NOOP("AuditText", "Tier by hand cleared"),
        "points_rule": QT_TRANSLATE_NOOP("AuditText", "Points rule changed"),
        "points_award": QT_TRANSLATE_NOOP("AuditText", "Points given"),
        "points_redeem": QT_TRANSLATE_NOOP("AuditText", "Points redeemed"),
        "demo_generate": QT_TRANSLATE_NOOP("AuditText", "Demo customers added"),
        "demo_remove": QT_TRANSLATE_NOOP("AuditText", "Demo customers removed"),
        "privacy_notice": QT_TRANSLATE_NOOP("AuditText", "Privacy notice changed"),
        "retention_years": QT_TRANSLATE_NOOP("AuditText", "Retention period changed"),
        "consent": QT_TRANSLATE_NOOP("AuditText", "Marketing consent changed"),
        "add_follow_up": QT_TRANSLATE_NOOP("AuditText", "Follow-up recorded"),
        "update_follow_up": QT_TRANSLATE_NOOP("AuditText", "Follow-up changed"),
        "delete_follow_up": QT_TRANSLATE_NOOP("AuditText", "Follow-up deleted"),
        "restore_follow_up": QT_TRANSLATE_NOOP("AuditText", "Follow-up restored"),
        "follow_up_done": QT_TRANSLATE_NOOP("AuditText", "Follow-up done"),
        "follow_up_due": QT_TRANSLATE_NOOP("AuditText", "Follow-up due again"),
        "solve_feedback": QT_TRANSLATE_NOOP("AuditText", "Feedback solved"),
        "reopen_feedback": QT_TRANSLATE_NOOP("AuditText", "Feedback opened again"),
        "team_user_add": QT_TRANSLATE_NOOP("AuditText", "Team user added"),
        "team_user_remove": QT_TRANSLATE_NOOP("AuditText", "Team user removed (login disabled)"),
        "team_user_role": QT_TRANSLATE_NOOP("AuditText", "Team user's role changed"),
        "team_user_regions": QT_TRANSLATE_NOOP("AuditText", "Team user's regions changed"),
        "team_user_phones": QT_TRANSLATE_NOOP("AuditText", "Team user's phones permission changed"),
        "team_region_assign": QT_TRANSLATE_NOOP("AuditText", "Region given to a team user"),
        "team_region_unassign": QT_TRANSLATE_NOOP("AuditText", "Region taken back from a team user"),
    },
)

AUDIT_ENTITIES = Labels(
    _A,
    {
        "customer": QT_TRANSLATE_NOOP("AuditText", "customer"),
        "address": QT_TRANSLATE_NOOP("AuditText", "address"),
        "order": QT_TRANSLATE_NOOP("AuditText", "order"),
        "settings": QT_TRANSLATE_NOOP("AuditText", "settings"),
        "points": QT_TRANSLATE_NOOP("AuditText", "points"),
        "tiers": QT_TRANSLATE_NOOP("AuditText", "tiers"),
        "follow_up": QT_TRANSLATE_NOOP("AuditText", "follow-up"),
        "team": QT_TRANSLATE_NOOP("AuditText", "team"),
    },
)

AUDIT_KEYS = Labels(
    _A,
    {
        "count": QT_TRANSLATE_NOOP("AuditText", "count"),
        "orders": QT_TRANSLATE_NOOP("AuditText", "orders"),
        "rows": QT_TRANSLATE_NOOP("AuditText", "rows"),
        "masked": QT_TRANSLATE_NOOP("AuditText", "masked"),
        "fields": QT_TRANSLATE_NOOP("AuditText", "fields"),
        "addresses": QT_TRANSLATE_NOOP("AuditText", "addresses"),
        "format": QT_TRANSLATE_NOOP("AuditText", "format"),
        "files": QT_TRANSLATE_NOOP("AuditText", "files"),
        "template": QT_TRANSLATE_NOOP("AuditText", "template"),
        "customer": QT_TRANSLATE_NOOP("AuditText", "customer"),
        "reason": QT_TRANSLATE_NOOP("AuditText", "reason"),
        "backup_made": QT_TRANSLATE_NOOP("AuditText", "backup made"),
        "years": QT_TRANSLATE_NOOP("AuditText", "years"),
        "status": QT_TRANSLATE_NOOP("AuditText", "status"),
        "given": QT_TRANSLATE_NOOP("AuditText", "given"),
        "date": QT_TRANSLATE_NOOP("AuditText", "date"),
        "via": QT_TRANSLATE_NOOP("AuditText", "via"),
        "kind": QT_TRANSLATE_NOOP("AuditText", "kind"),
        "closed": QT_TRANSLATE_NOOP("AuditText", "next dates closed"),
        "old": QT_TRANSLATE_NOOP("AuditText", "old values kept"),
        "entry": QT_TRANSLATE_NOOP("AuditText", "entry"),
        "level": QT_TRANSLATE_NOOP("AuditText", "tier"),
        "enabled": QT_TRANSLATE_NOOP("AuditText", "on"),
        "per_yuan_hundredths": QT_TRANSLATE_NOOP("AuditText", "points/¥100"),
        "role": QT_TRANSLATE_NOOP("AuditText", "role"),
        "was": QT_TRANSLATE_NOOP("AuditText", "was"),
        "regions": QT_TRANSLATE_NOOP("AuditText", "regions"),
        "phones": QT_TRANSLATE_NOOP("AuditText", "phones"),
        "unassigned": QT_TRANSLATE_NOOP("AuditText", "regions freed"),
    },
)

ORDER_STATUSES = Labels(
    "OrderText",
    {
        "pending": QT_TRANSLATE_NOOP("OrderText", "To ship"),
        "shipped": QT_TRANSLATE_NOOP("OrderText", "Shipped"),
        "delivered": QT_TRANSLATE_NOOP("OrderText", "Delivered"),
        "cancelled": QT_TRANSLATE_NOOP("OrderText", "Cancelled"),
        "refunded": QT_TRANSLATE_NOOP("OrderText", "Refunded"),
    },
)

# the ledger's own notes (store.points.NOTE_*); a redemption's note is the seller's, shown as written
POINTS_NOTES = Labels(
    "CustomerPointsTab",
    {
        "order": QT_TRANSLATE_NOOP("CustomerPointsTab", "Earned by an order"),
        "order no longer counts": QT_TRANSLATE_NOOP("CustomerPointsTab", "Taken back: the order no longer counts"),
        "order amount changed": QT_TRANSLATE_NOOP("CustomerPointsTab", "The order's amount changed"),
    },
)

FOLLOW_UP_KINDS = Labels(
    "CareText",
    {
        "followup": QT_TRANSLATE_NOOP("CareText", "Follow-up"),
        "feedback": QT_TRANSLATE_NOOP("CareText", "Feedback"),
    },
)

# detail values that are codes of one of the tables above, by the detail's key (``fields``: the
# names of what changed, where a key above names it too)
DETAIL_VALUES: Mapping[str, Labels] = {"status": ORDER_STATUSES, "kind": FOLLOW_UP_KINDS, "fields": AUDIT_KEYS}


def detail_value(key: str, value: str, translate: Translate = english) -> str:
    labels = DETAIL_VALUES.get(key)
    return value if labels is None else labels.name(value, translate)
