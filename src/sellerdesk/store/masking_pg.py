"""Phones masked by the team server itself (issue 20, schema step 18; PostgreSQL only).

A helper without the phones permission reads every phone as the app shows it (``138****5678``,
:func:`sellerdesk.core.phones.mask_phone`), also with ``psql``:

* ``sd_mask_phone(text)`` is ``mask_phone`` in PL/pgSQL (tests/team/test_masking.py holds them to
  the same string); ``sd_mask_json`` masks every ``"phone"`` of a JSON document (order snapshots,
  address history, merge snapshots).
* Schema :data:`SCHEMA` (``sd_masked``) holds a view under the name of each phone-bearing table
  (:data:`MASKED`): the same columns, the phones masked. A view reads its table with its owner's
  privileges, and the tables' owners are not held by the row-level security policies; so the
  views belong to the viewers' group (store.team.apply_phones), which reads every column and is
  held by the policies — whose ``current_user`` is still the reader: the tables' very policies
  choose the rows, as security quals (a function of the reader's own in their WHERE runs only on
  rows the policies let through), with the plans of a read of the table. Such a helper's role has
  ``search_path = sd_masked, public`` (store.team), so the store's unchanged SQL reads the views;
  on the tables themselves they may read every column but the phones (column privileges), so
  ``public.customer`` named in full answers "permission denied" for ``phone``.
* Writes through a view go to its table as the helper (INSTEAD OF triggers, SECURITY INVOKER):
  the policies check them as for everyone. The search table's view writes nothing given: it asks
  the index to be made again from the tables (``sd_search_refresh``).
* A masked phone written back never replaces the stored one (:data:`KEEP_PHONE_SQL`, triggers
  on the tables for every writer): a phone written as the mask of the stored one keeps it, and a
  masked writer's phone with the same mask as the stored one keeps it too (else they could test
  guesses of the hidden digits against the customer's ``version``). An order's snapshot and an
  address change's values written with a masked phone get the address's phone.

The search table carries masked copies of its phones and grams (columns with their own indexes),
so a masked helper's search is served by indexes as an owner's is; they find customers by the
digits the mask shows, as in the app. Since schema 24 the copies are kept only while the team has
a helper whose phones are masked (:func:`keep_copies`): a BEFORE trigger on the search table
(:data:`COPIES_TRIGGER`) makes them from the row's own columns when its argument is ``on`` and
empties them when ``off``, whatever a writer gave (no one else sets them); adding such a helper,
or masking a helper's phones, switches it on and fills every row in the same transaction. Until
then a team's imports skip the copies, which were most of the server's work on a first import
(issue 20: ~80% of it).
"""

from __future__ import annotations

from typing import Any

from sellerdesk.store import search_pg

SCHEMA = "sd_masked"
MASKED_SEARCH_PATH = f"{SCHEMA}, public"

# table → {column: its masked value, over the row ``{r}``}
MASKED: dict[str, dict[str, str]] = {
    "customer": {"phone": "public.sd_mask_phone({r}.phone)"},
    "address": {"phone": "public.sd_mask_phone({r}.phone)"},
    "orders": {"address_snapshot": "public.sd_mask_json({r}.address_snapshot)"},
    "address_change": {
        "old_values": "public.sd_mask_json({r}.old_values)",
        "new_values": "public.sd_mask_json({r}.new_values)",
    },
    "customer_merge": {"before": "public.sd_mask_json({r}.before)", "after": "public.sd_mask_json({r}.after)"},
    "customer_fts": {"phones": "{r}.masked_phones", "grams": "{r}.masked_grams"},
    # schema 22: a helper's update record keeps the old values, a phone among them
    "audit_entry": {"detail": "public.sd_mask_json({r}.detail)"},
}
# columns of a table its view leaves out (the search table's masked copies stand in for the originals)
HIDDEN = {"customer_fts": ("masked_phones", "masked_grams")}
KEYS = {"customer_fts": "rowid"}  # the primary key when not "id"

_MOBILE = "^1[3-9][0-9]{9}$"

MASK_SQL = [
    # core.phones.mask_phone, step by step as normalize_phone reads a value (its comments name them)
    "CREATE OR REPLACE FUNCTION sd_mask_phone(value text) RETURNS text LANGUAGE plpgsql IMMUTABLE "
    "PARALLEL SAFE AS $$\n"
    "DECLARE\n"
    "  typed text; clean text; compact text; kind text := 'other'; v text; m text[]; num numeric;\n"
    "  area text; number text; chars text[]; n int; k int; out text := '';\n"
    "BEGIN\n"
    f"  IF value ~ '{_MOBILE}' THEN RETURN left(value, 3) || '****' || substr(value, 8); END IF;\n"
    "  typed := regexp_replace(coalesce(value, ''), '^\\s+|\\s+$', '', 'g');\n"
    "  IF typed = '' THEN RETURN ''; END IF;\n"
    # a mask is its own mask (phones._is_mask)
    "  IF position('*' in typed) > 0 THEN\n"
    "    IF typed ~ '^1[3-9][0-9]\\*{4}[0-9]{4}$' OR typed ~ '^0[0-9]{2,3}-[0-9]{2}\\*{3,4}[0-9]{2}$' "
    "THEN RETURN typed; END IF;\n"
    "    IF (SELECT count(*) FROM unnest(regexp_split_to_array(typed, '')) AS c WHERE c ~ '[[:alnum:]]') <= 4 "
    "THEN RETURN typed; END IF;\n"
    "  END IF;\n"
    "  clean := regexp_replace(normalize(typed, NFKC), '^\\s+|\\s+$', '', 'g');\n"
    # _EXCEL_FLOAT / _from_excel_number
    "  IF clean ~ '^\\+?[0-9]+\\.0+$' OR clean ~ '^\\+?[0-9](\\.[0-9]+)?[eE]\\+?[0-9]{1,2}$' THEN\n"
    "    num := ltrim(clean, '+')::numeric;\n"
    "    IF num = trunc(num) THEN\n"
    "      clean := CASE WHEN left(clean, 1) = '+' THEN '+' ELSE '' END || trunc(num)::text;\n"
    "    END IF;\n"
    "  END IF;\n"
    "  compact := regexp_replace(clean, '[\\s\\-()（）.·/]+', '', 'g');\n"
    "  v := public.sd_phone_mobile(compact);\n"
    "  IF v <> '' THEN kind := 'mobile'; END IF;\n"
    "  IF kind = 'other' THEN\n"
    "    v := public.sd_phone_landline(compact); IF v <> '' THEN kind := 'landline'; END IF;\n"
    "  END IF;\n"
    # _as_service: a service number is masked as 'other' text
    "  IF kind = 'other' AND length(compact) = 10 AND left(compact, 3) IN ('400', '800') "
    "AND compact ~ '^[0-9]+$' THEN\n"
    "    v := left(compact, 3) || '-' || substr(compact, 4, 3) || '-' || substr(compact, 7); kind := 'service';\n"
    "  END IF;\n"
    "  IF kind = 'other' THEN\n"  # _EXTENSION
    "    m := regexp_match(clean, '^(.*[0-9])\\s*(?:转|分机|ext\\.?|x|#|-)\\s*([0-9]{1,6})$', 'i');\n"
    "    IF m IS NOT NULL THEN\n"
    "      v := public.sd_phone_landline(regexp_replace(m[1], '[\\s\\-()（）.·/]+', '', 'g'));\n"
    "      IF v <> '' THEN v := v || '-' || m[2]; kind := 'landline'; END IF;\n"
    "    END IF;\n"
    "  END IF;\n"
    "  IF kind = 'mobile' THEN RETURN left(v, 3) || '****' || substr(v, 8); END IF;\n"
    "  IF kind = 'landline' THEN\n"
    "    area := split_part(v, '-', 1); number := split_part(v, '-', 2);\n"
    "    RETURN area || '-' || left(number, 2) || repeat('*', length(number) - 4) || right(number, 2);\n"
    "  END IF;\n"
    "  IF kind = 'other' THEN v := typed; END IF;\n"
    "  chars := regexp_split_to_array(v, '');\n"
    "  n := (SELECT count(*) FROM unnest(chars) AS c WHERE c ~ '[[:alnum:]]');\n"
    "  IF n <= 4 THEN RETURN repeat('*', length(v)); END IF;\n"
    "  k := 0;\n"
    "  FOR i IN 1 .. cardinality(chars) LOOP\n"
    "    IF chars[i] ~ '[[:alnum:]]' THEN\n"
    "      k := k + 1;\n"
    "      out := out || CASE WHEN k <= 2 OR k > n - 2 THEN chars[i] ELSE '*' END;\n"
    "    ELSE\n"
    "      out := out || chars[i];\n"
    "    END IF;\n"
    "  END LOOP;\n"
    "  RETURN out;\n"
    "END$$",
    # _as_mobile
    "CREATE OR REPLACE FUNCTION sd_phone_mobile(compact text) RETURNS text LANGUAGE plpgsql IMMUTABLE "
    "PARALLEL SAFE AS $$\n"
    "DECLARE p text;\n"
    "BEGIN\n"
    "  FOREACH p IN ARRAY ARRAY['+86', '0086', '86', '+'] LOOP\n"
    "    IF left(compact, length(p)) = p AND length(compact) - length(p) = 11 THEN\n"
    "      compact := substr(compact, length(p) + 1); EXIT;\n"
    "    END IF;\n"
    "  END LOOP;\n"
    f"  RETURN CASE WHEN compact ~ '{_MOBILE}' THEN compact ELSE '' END;\n"
    "END$$",
    # _as_landline
    "CREATE OR REPLACE FUNCTION sd_phone_landline(compact text) RETURNS text LANGUAGE plpgsql IMMUTABLE "
    "PARALLEL SAFE AS $$\n"
    "DECLARE p text; area_len int; number text;\n"
    "BEGIN\n"
    "  FOREACH p IN ARRAY ARRAY['+86', '0086', '86'] LOOP\n"
    "    IF left(compact, length(p)) = p AND length(compact) > length(p) + 8 THEN\n"
    "      compact := '0' || ltrim(substr(compact, length(p) + 1), '0'); EXIT;\n"
    "    END IF;\n"
    "  END LOOP;\n"
    "  IF compact !~ '^[0-9]+$' OR left(compact, 1) <> '0' OR left(compact, 2) = '00' THEN RETURN ''; END IF;\n"
    "  area_len := CASE WHEN left(compact, 3) IN ('010', '020', '021', '022', '023', '024', '025', '027', "
    "'028', '029') THEN 3 ELSE 4 END;\n"
    "  number := substr(compact, area_len + 1);\n"
    "  IF length(number) NOT IN (7, 8) OR left(number, 1) IN ('0', '1') THEN RETURN ''; END IF;\n"
    "  RETURN left(compact, area_len) || '-' || number;\n"
    "END$$",
    # the search table's phones: each phone (its dashes left out) masked
    "CREATE OR REPLACE FUNCTION sd_mask_phones(phones text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$"
    "SELECT coalesce(string_agg(public.sd_mask_phone(p), ' ' ORDER BY i), '') "
    "FROM unnest(string_to_array(phones, ' ')) WITH ORDINALITY AS x(p, i)$$",
    # every "phone" of a JSON document, at any depth
    "CREATE OR REPLACE FUNCTION sd_mask_jsonb(doc jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE "
    "PARALLEL SAFE AS $$\n"
    "DECLARE k text; v jsonb; out jsonb := '{}';\n"
    "BEGIN\n"
    "  IF jsonb_typeof(doc) = 'object' THEN\n"
    "    FOR k, v IN SELECT * FROM jsonb_each(doc) LOOP\n"
    "      out := out || jsonb_build_object(k, CASE WHEN k = 'phone' AND jsonb_typeof(v) = 'string' "
    "THEN to_jsonb(public.sd_mask_phone(v #>> '{}')) ELSE public.sd_mask_jsonb(v) END);\n"
    "    END LOOP;\n"
    "    RETURN out;\n"
    "  ELSIF jsonb_typeof(doc) = 'array' THEN\n"
    "    RETURN coalesce((SELECT jsonb_agg(public.sd_mask_jsonb(e) ORDER BY i) "
    "FROM jsonb_array_elements(doc) WITH ORDINALITY AS x(e, i)), '[]');\n"
    "  END IF;\n"
    "  RETURN doc;\n"
    "END$$",
    "CREATE OR REPLACE FUNCTION sd_mask_json(doc text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$"
    "SELECT CASE WHEN doc IS NULL OR position('\"phone\"' in doc) = 0 THEN doc "
    "ELSE public.sd_mask_jsonb(doc::jsonb)::text END$$",
]

# A masked phone written back keeps the stored one (see the module's docstring). The trigger's
# name sorts before customer_version's: the version sees the phone kept.
KEEP_PHONE_SQL = [
    "CREATE OR REPLACE FUNCTION sd_keep_phone() RETURNS trigger LANGUAGE plpgsql "
    "SET search_path = public, pg_catalog AS $$\n"
    "BEGIN\n"
    "  IF NEW.phone IS DISTINCT FROM OLD.phone AND OLD.phone <> '' AND (NEW.phone = sd_mask_phone(OLD.phone) "
    "OR sd_mask_phone(NEW.phone) = sd_mask_phone(OLD.phone) AND NOT sd_team_phones(current_user::text)) THEN\n"
    "    NEW.phone := OLD.phone;\n"
    "  END IF;\n"
    "  RETURN NEW;\n"
    "END$$",
    'CREATE OR REPLACE TRIGGER "customer_keep_phone" BEFORE UPDATE OF "phone" ON "customer" '
    "FOR EACH ROW EXECUTE FUNCTION sd_keep_phone()",
    'CREATE OR REPLACE TRIGGER "address_keep_phone" BEFORE UPDATE OF "phone" ON "address" '
    "FOR EACH ROW EXECUTE FUNCTION sd_keep_phone()",
    # "phone" of a JSON document: the raw one when the written one is its mask
    "CREATE OR REPLACE FUNCTION sd_unmask_json(doc text, raw text) RETURNS text LANGUAGE plpgsql STABLE "
    "SET search_path = public, pg_catalog AS $$\n"
    "DECLARE written text;\n"
    "BEGIN\n"
    "  IF doc IS NULL OR raw IS NULL OR raw = '' OR position('*' in doc) = 0 THEN RETURN doc; END IF;\n"
    "  written := doc::jsonb ->> 'phone';\n"
    "  IF written IS NULL OR position('*' in written) = 0 OR written IS DISTINCT FROM sd_mask_phone(raw) "
    "THEN RETURN doc; END IF;\n"
    "  RETURN (doc::jsonb || jsonb_build_object('phone', raw))::text;\n"
    "END$$",
    # an order's snapshot: the stored snapshot's phone (an edit), else its address's phone
    "CREATE OR REPLACE FUNCTION sd_keep_snapshot_phone() RETURNS trigger LANGUAGE plpgsql "
    "SECURITY DEFINER SET search_path = public, pg_catalog AS $$\n"
    "DECLARE raw text;\n"
    "BEGIN\n"
    "  IF NEW.address_snapshot IS NULL OR position('*' in NEW.address_snapshot) = 0 THEN RETURN NEW; END IF;\n"
    "  IF TG_OP = 'UPDATE' AND OLD.address_snapshot IS NOT NULL THEN\n"
    "    NEW.address_snapshot := sd_unmask_json(NEW.address_snapshot, OLD.address_snapshot::jsonb ->> 'phone');\n"
    "  END IF;\n"
    "  IF position('*' in NEW.address_snapshot) > 0 THEN\n"
    "    raw := (SELECT phone FROM address WHERE id = NEW.address_id AND customer_id = NEW.customer_id);\n"
    "    NEW.address_snapshot := sd_unmask_json(NEW.address_snapshot, raw);\n"
    "  END IF;\n"
    "  RETURN NEW;\n"
    "END$$",
    'CREATE OR REPLACE TRIGGER "orders_keep_phone" BEFORE INSERT OR UPDATE OF "address_snapshot" ON "orders" '
    "FOR EACH ROW EXECUTE FUNCTION sd_keep_snapshot_phone()",
    # an address's change record: its values' phone, when masked, is the address's
    "CREATE OR REPLACE FUNCTION sd_keep_change_phone() RETURNS trigger LANGUAGE plpgsql "
    "SECURITY DEFINER SET search_path = public, pg_catalog AS $$\n"
    "DECLARE raw text;\n"
    "BEGIN\n"
    "  IF position('*' in coalesce(NEW.old_values, '') || coalesce(NEW.new_values, '')) = 0 THEN RETURN NEW; END IF;\n"
    "  raw := (SELECT phone FROM address WHERE id = NEW.address_id AND customer_id = NEW.customer_id);\n"
    "  NEW.old_values := sd_unmask_json(NEW.old_values, raw);\n"
    "  NEW.new_values := sd_unmask_json(NEW.new_values, raw);\n"
    "  RETURN NEW;\n"
    "END$$",
    'CREATE OR REPLACE TRIGGER "address_change_keep_phone" BEFORE INSERT ON "address_change" '
    "FOR EACH ROW EXECUTE FUNCTION sd_keep_change_phone()",
    # (they read addresses as their owner: no one may hang them on a table of their own)
    "REVOKE EXECUTE ON FUNCTION sd_keep_snapshot_phone(), sd_keep_change_phone() FROM PUBLIC",
]

# The search table's masked copies, indexed as the originals are (search_pg: DOC, grams). Step 18
# made them generated columns; step 24 makes them plain ones kept by COPIES_TRIGGER; step 28 (the
# grams as integer codes, search_pg.GRAMS_FUNCTION_SQL) makes a team's text copy int8[].
SEARCH_SQL = [
    "ALTER TABLE customer_fts ADD COLUMN IF NOT EXISTS masked_phones TEXT "
    "GENERATED ALWAYS AS (sd_mask_phones(phones)) STORED",
    "ALTER TABLE customer_fts ADD COLUMN IF NOT EXISTS masked_grams int8[] "
    "GENERATED ALWAYS AS (sd_grams(name, wechat, sd_mask_phones(phones), address)) STORED",
    "CREATE INDEX IF NOT EXISTS customer_fts_masked_trgm ON customer_fts USING gin "
    f"({search_pg.doc_sql('masked_phones')} gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS customer_fts_masked_grams ON customer_fts USING gin "
    f"({search_pg.grams_sql('masked_grams')})",
]


# Schema 24: the masked copies kept by a trigger, only while a helper reads masked phones. Its
# argument is the switch ('on' / 'off'; pg_trigger.tgargs): nothing looked up per row. Every
# INSERT and UPDATE of the search table passes it, so the copies never hold what a writer put there
# (a helper may write the table, under its policy): they are this row's, or NULL.
# No SET search_path of its own (its functions named with their schema instead): a function's SET
# clause made each row cost ~175 µs more (30k rows: 8.0 s of the server's CPU instead of 2.7 s,
# the generated columns' 2.9 s) — so _pin_trigger_functions leaves it out (UNPINNED).
COPIES_TRIGGER = "customer_fts_masked_copies"
COPIES_FUNCTION = "sd_masked_copies"
UNPINNED = (COPIES_FUNCTION, search_pg.SCOPE_ROW_FUNCTION)  # (schema 27: the same reason)
COPIES_FUNCTION_SQL = (
    f"CREATE OR REPLACE FUNCTION public.{COPIES_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    "  IF TG_ARGV[0] = 'on' THEN\n"
    "    NEW.masked_phones := public.sd_mask_phones(NEW.phones);\n"
    "    NEW.masked_grams := public.sd_grams(NEW.name, NEW.wechat, NEW.masked_phones, NEW.address);\n"
    "  ELSE\n"
    "    NEW.masked_phones := NULL; NEW.masked_grams := NULL;\n"
    "  END IF;\n"
    "  RETURN NEW;\n"
    "END$$"
)


def copies_trigger_sql(on: bool) -> str:
    return (
        f'CREATE OR REPLACE TRIGGER "{COPIES_TRIGGER}" BEFORE INSERT OR UPDATE ON {search_pg.TABLE} '
        f"FOR EACH ROW EXECUTE FUNCTION public.{COPIES_FUNCTION}('{'on' if on else 'off'}')"
    )


# whether the team has a helper whose phones the server masks (store.team: phones off)
MASKED_HELPERS_SQL = "SELECT EXISTS (SELECT 1 FROM team_user WHERE role = 'helper' AND phones = 0)"


def copies_kept(conn: Any) -> bool | None:
    """Whether the search table's masked copies are kept now (None: no such trigger, before schema
    24); ``conn``: a psycopg connection."""
    row = conn.execute(
        "SELECT tgargs = convert_to('on', 'UTF8') || '\\x00'::bytea FROM pg_trigger "
        "WHERE tgrelid = to_regclass('public.customer_fts') AND tgname = %s",
        (COPIES_TRIGGER,),
    ).fetchone()
    return None if row is None else bool(row[0])


def keep_copies(conn: Any, on: bool = True) -> bool:
    """Switch the masked copies on (a helper reads masked phones: every row's made now, inside the
    caller's transaction) or off (emptied); nothing when already so, or before schema 24. Returns
    whether anything changed. Needs the search table's owner (an owner of the team)."""
    kept = copies_kept(conn)
    if kept is None or kept == on:
        return False
    conn.execute(copies_trigger_sql(on))
    # the trigger makes (or empties) them: whatever is set here is replaced
    conn.execute(f"UPDATE {search_pg.TABLE} SET masked_phones = NULL")
    return True


def keep_copies_as_needed(conn: Any) -> bool:
    """:func:`keep_copies` on when the team has a masked helper (a move or restore brought one)."""
    if conn.execute("SELECT to_regclass('public.team_user') IS NULL").fetchone()[0]:
        return False
    return bool(conn.execute(MASKED_HELPERS_SQL).fetchone()[0]) and keep_copies(conn, True)


def make_copies_kept(db: Any) -> None:
    """Schema step 24 on PostgreSQL: the masked copies become plain columns kept by
    :data:`COPIES_TRIGGER`, on when the team has a masked helper already (their values stay as step
    18 made them), else off and emptied."""
    from sellerdesk.store.postgres import native

    for column in ("masked_grams", "masked_phones"):
        native(db, f"ALTER TABLE {search_pg.TABLE} ALTER COLUMN {column} DROP EXPRESSION IF EXISTS")
    native(db, COPIES_FUNCTION_SQL)
    _owners_own_copies_function(db)
    # (step 24 made the grams indexes anew in collation "C": step 28 makes them anew as integer codes)
    needed = native(db, "SELECT to_regclass('public.team_user') IS NOT NULL").fetchone()[0] and bool(
        native(db, MASKED_HELPERS_SQL).fetchone()[0]
    )
    native(db, copies_trigger_sql(bool(needed)))
    if not needed:
        native(db, f"UPDATE {search_pg.TABLE} SET masked_phones = NULL")


def _owners_own_copies_function(db: Any) -> None:
    """The copies' trigger function the owners' group's, as `team init` leaves every other function
    (review: made by whichever owner migrated, it stayed theirs, and made helper or viewer later they
    could drop it, and the trigger with it)."""
    from sellerdesk.store import team
    from sellerdesk.store.postgres import native

    group = team.group_role(team.OWNER, db)
    if native(db, "SELECT 1 FROM pg_roles WHERE rolname = %s", (group,)).fetchone() is not None:
        native(db, f'ALTER FUNCTION {COPIES_FUNCTION}() OWNER TO "{group}"')


def _columns(db: Any, table: str) -> list[tuple[str, str | None, bool]]:
    """``table``'s columns in order: name, default expression, generated."""
    from sellerdesk.store.postgres import native

    sql = (
        "SELECT a.attname, pg_get_expr(d.adbin, d.adrelid), a.attgenerated <> '' FROM pg_attribute a "
        "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
        "WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"
    )
    return [(r[0], r[1], bool(r[2])) for r in native(db, sql, (f"public.{table}",)).fetchall()]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def view_sql(db: Any, table: str) -> list[str]:
    """The masked view of ``table`` (CREATE OR REPLACE: a column a later step adds at the end
    joins it, the grants stay), its columns' defaults and its write trigger."""
    columns = [c for c in _columns(db, table) if c[0] not in HIDDEN.get(table, ())]
    masked = MASKED[table]
    key = KEYS.get(table, "id")
    row = _q(table)
    select = ", ".join(
        f"{masked[c].format(r=row)} AS {_q(c)}" if c in masked else f"{row}.{_q(c)}" for c, _d, _g in columns
    )
    view = f"{SCHEMA}.{_q(table)}"
    # No condition of its own: the view's owner is held by the policies (OWNER), which see the
    # reader as current_user — the tables' very policies choose its rows, as security quals
    out = [f"CREATE OR REPLACE VIEW {view} AS SELECT {select} FROM public.{row} AS {row}"]
    out += [f"ALTER VIEW {view} ALTER COLUMN {_q(c)} SET DEFAULT {d}" for c, d, g in columns if d and not g]
    writable = [c for c, _d, g in columns if not g]
    names = ", ".join(_q(c) for c in writable)
    values = ", ".join(f"NEW.{_q(c)}" for c in writable)
    mask_new = "".join(f"    NEW.{_q(c)} := {e.format(r='NEW')};\n" for c, e in masked.items() if c in writable)
    if table == "customer_fts":  # the index is made from the tables, whatever is written
        insert = f"    PERFORM public.sd_search_refresh(NEW.{key});\n"
        update = f"    PERFORM public.sd_search_refresh(OLD.{key}); PERFORM public.sd_search_refresh(NEW.{key});\n"
        mask_new = ""
    else:
        insert = f"    INSERT INTO public.{_q(table)} ({names}) VALUES ({values}) RETURNING {key} INTO NEW.{key};\n"
        # only the columns that differ from the row read (a masked phone left as read is not
        # written), so the table's triggers on those columns run as for the statement itself
        changed = "".join(
            f"    IF NEW.{_q(c)} IS DISTINCT FROM OLD.{_q(c)} THEN sets := sets || ', {_q(c)} = ($1).{_q(c)}'; "
            "END IF;\n"
            for c in writable
        )
        update = changed + (
            "    IF sets <> '' THEN\n"
            f"      EXECUTE 'UPDATE public.{_q(table)} SET ' || substr(sets, 3) || ' WHERE {key} = $2' "
            f"USING NEW, OLD.{key};\n"
            "      GET DIAGNOSTICS n = ROW_COUNT;\n"
            "      IF n = 0 THEN RETURN NULL; END IF;\n"
            "    END IF;\n"
        )
    function = f"{SCHEMA}.{_q(table + '_write')}"
    out.append(
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql "
        "SET search_path = public, pg_catalog AS $$\n"
        "DECLARE sets text := ''; n bigint;\n"
        "BEGIN\n"
        "  IF TG_OP = 'INSERT' THEN\n" + insert + mask_new + "    RETURN NEW;\n"
        "  ELSIF TG_OP = 'UPDATE' THEN\n" + update + mask_new + "    RETURN NEW;\n"
        "  END IF;\n"
        f"  DELETE FROM public.{_q(table)} WHERE {key} = OLD.{key};\n"
        "  IF NOT FOUND THEN RETURN NULL; END IF;\n"
        "  RETURN OLD;\n"
        "END$$"
    )
    out.append(
        f"CREATE OR REPLACE TRIGGER {_q(table + '_write')} INSTEAD OF INSERT OR UPDATE OR DELETE ON {view} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()"
    )
    return out


def create(db: Any) -> None:
    """Schema step 18 on PostgreSQL: the mask functions, the triggers that keep stored phones,
    the search table's masked copies, the views."""
    from sellerdesk.store.postgres import native

    for sql in (*MASK_SQL, *KEEP_PHONE_SQL, *SEARCH_SQL):
        native(db, sql)
    create_views(db)


def _pin_trigger_functions(db: Any) -> None:
    """Every trigger function of ``public`` without a search path of its own gets ``public``: a
    masked helper's search path names the views first, and a trigger that writes ``customer``
    by name is to write the table."""
    from sellerdesk.store.postgres import native

    functions = native(
        db,
        "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = 'public' AND p.prorettype = 'trigger'::regtype AND p.proconfig IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') "
        "AND p.proname <> ALL(%s)",
        (list(UNPINNED),),
    ).fetchall()
    for (signature,) in functions:
        native(db, f"ALTER FUNCTION {signature} SET search_path = public, pg_catalog")


def create_views(db: Any) -> None:
    """The schema and its views, made again (after a later step changed a table, or made a
    trigger function anew)."""
    from sellerdesk.store.postgres import native

    _pin_trigger_functions(db)
    if native(db, "SELECT to_regnamespace(%s) IS NULL", (SCHEMA,)).fetchone()[0]:
        # (not CREATE SCHEMA IF NOT EXISTS: that asks for CREATE on the database even when the schema is
        # there, which an owner added later lacks — they may still make the views anew in a later step)
        native(db, f"CREATE SCHEMA {SCHEMA}")
    for table in MASKED:
        for sql in view_sql(db, table):
            native(db, sql)


def has_views(db: Any) -> bool:
    from sellerdesk.store.postgres import native

    row = native(db, "SELECT to_regclass(%s) IS NOT NULL", (f"{SCHEMA}.customer",)).fetchone()
    return bool(row and row[0])


def readable_columns(db: Any, table: str) -> list[str]:
    """The columns of ``table`` a masked helper may read on the table itself: all but its phones."""
    hidden = set(MASKED[table]) | ({"phones", "grams"} if table == "customer_fts" else set())
    return [c for c, _d, _g in _columns(db, table) if c not in hidden]
