"""A big import's indexes left for after its commit (store.index_builds), seen by the team's members."""

from __future__ import annotations

import logging

from sellerdesk.store.postgres import native


def test_a_helper_leaves_the_pending_index_builds_to_an_owner(team, caplog):
    from sellerdesk.store import index_builds
    from sellerdesk.store.database import close_store, connect_team, open_team
    from sellerdesk.store.models import DB

    open_team(team.url)
    native(DB, 'CREATE INDEX "customer_probe" ON customer (name_pinyin)')
    definition = native(DB, "SELECT indexdef FROM pg_indexes WHERE indexname = 'customer_probe'").fetchone()[0]
    with DB.atomic():
        native(DB, 'DROP INDEX "customer_probe"')
        index_builds.defer(DB, [("customer_probe", definition)])
    close_store()
    with caplog.at_level(logging.INFO, logger=index_builds.__name__):
        helper = connect_team(team.url_of("south"), create=False)  # (the app's start as a helper)
        try:
            assert index_builds.pending(helper) == 1 and index_builds.build_pending(helper) == 0
        finally:
            helper.close()
    assert caplog.records == []  # (not tried: no connection opened, nothing to warn about)
    owner = connect_team(team.url_of("boss"), create=False)  # the next owner's start builds it
    try:
        assert index_builds.pending(owner) == 0
        found = native(owner, "SELECT indexdef FROM pg_indexes WHERE indexname = 'customer_probe'").fetchone()
        assert found == (definition,)
    finally:
        owner.close()
