"""Rotation policy (pure, with fake dates) and the settings file."""

import datetime as dt

from sellerdesk.backup import settings as backup_settings
from sellerdesk.backup.rotation import BackupFile, backup_name, list_backups, parse_name, rotate, select_to_keep

NOW = dt.datetime(2026, 11, 22, 15, 30, 0)


def _files(moments):
    return [parse_name(backup_name(m)) for m in moments]


def test_names_round_trip():
    assert backup_name(NOW) == "sellerdesk-20261122-153000.sdbackup"
    assert backup_name(NOW, 2) == "sellerdesk-20261122-153000-2.sdbackup"
    assert parse_name("sellerdesk-20261122-153000-2.sdbackup") == BackupFile(NOW, 2, backup_name(NOW, 2))
    for other in (
        "sellerdesk-20261322-153000.sdbackup",
        "notes.sdbackup",
        "sellerdesk-20261122-153000.sdbackup.part",
        "Sellerdesk-20261122-153000.sdbackup",
        "sellerdesk-20261122-153000.db",
    ):
        assert parse_name(other) is None


def test_keeps_newest_n_when_all_are_recent():
    daily = _files([NOW - dt.timedelta(hours=h) for h in range(30)])
    keep = select_to_keep(daily, NOW, keep_last=10, keep_months=12)
    newest_ten = {f.name for f in sorted(daily, reverse=True)[:10]}
    assert keep == newest_ten  # all in November: the month's newest is already among them


def test_keeps_one_per_month_for_a_year():
    # one backup every 10 days for two years
    moments = [NOW - dt.timedelta(days=10 * i) for i in range(73)]
    files = _files(moments)
    keep = select_to_keep(files, NOW, keep_last=3, keep_months=12)
    kept = sorted((f for f in files if f.name in keep), reverse=True)
    newest_three = sorted(files, reverse=True)[:3]
    assert set(newest_three) <= set(kept)
    months = {(f.taken_at.year, f.taken_at.month) for f in kept}
    expected_months = set()
    y, m = NOW.year, NOW.month
    for _ in range(12):
        expected_months.add((y, m))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    assert months == expected_months  # nothing older than a year, every month of the year present
    for month in expected_months:  # and it is the newest backup of that month
        in_month = [f for f in files if (f.taken_at.year, f.taken_at.month) == month]
        assert max(in_month).name in keep
    assert len(keep) <= 3 + 12


def test_monthly_off_and_small_inputs():
    files = _files([NOW - dt.timedelta(days=40 * i) for i in range(6)])
    assert select_to_keep(files, NOW, keep_last=2, keep_months=0) == {f.name for f in sorted(files)[-2:]}
    assert select_to_keep([], NOW, keep_last=10) == set()
    # the newest is never deleted, whatever the settings
    assert select_to_keep(files, NOW, keep_last=0, keep_months=0) == {max(files).name}


def test_rotate_touches_only_our_files(tmp_path):
    for i in range(15):
        (tmp_path / backup_name(NOW - dt.timedelta(minutes=i))).write_bytes(b"x")
    (tmp_path / "my-notes.txt").write_text("keep me")
    (tmp_path / "sellerdesk-old.sdbackup").write_text("not our name pattern")
    deleted = rotate(tmp_path, NOW, keep_last=10, keep_months=12)
    assert len(deleted) == 5
    assert len(list_backups(tmp_path)) == 10
    assert (tmp_path / "my-notes.txt").exists() and (tmp_path / "sellerdesk-old.sdbackup").exists()


def test_settings_defaults_round_trip_and_garbage(tmp_path):
    s = backup_settings.load(tmp_path)
    assert s.destinations == [] and s.keep_last == 10 and s.keep_monthly and s.remind_days == 7
    assert not s.backup_on_exit and s.last_backup_time() is None
    assert s.destination_paths() == [backup_settings.default_destination()]
    assert backup_settings.default_destination().name == "SellerDesk Backups"
    s.destinations = ["/媒体/U盘/备份", "/cloud/SellerDesk"]
    s.keep_last = 3
    s.backup_on_exit = True
    moment = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    s.mark_backup(moment, tmp_path / "x.sdbackup")
    backup_settings.save(tmp_path, s)
    again = backup_settings.load(tmp_path)
    assert again == s
    assert again.last_backup_time() == moment
    (tmp_path / backup_settings.FILE_NAME).write_text("{not json")
    assert backup_settings.load(tmp_path) == backup_settings.BackupSettings()
    (tmp_path / backup_settings.FILE_NAME).write_text(
        '{"keep_last": "many", "destinations": [1, "/ok"], "remind_days": -3}'
    )
    odd = backup_settings.load(tmp_path)
    assert odd.keep_last == 10 and odd.destinations == ["/ok"] and odd.remind_days == 7
