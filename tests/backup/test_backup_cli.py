"""sellerdesk-cli backup / verify / restore, end to end in subprocesses."""

import json

from backup_data import snapshot_dir


def _init(cli, home, n=1):
    out = cli("init", "--json", env={"SELLERDESK_HOME": str(home)})
    code = json.loads(out.stdout)["recovery_code"]
    for name, phone in (("张三", "13812345678"), ("李四", "13912345678"), ("王五", "13712345678"))[:n]:
        cli(
            "add",
            "--name",
            name,
            "--phone",
            phone,
            "--address",
            "广东省深圳市南山区科技园1号",
            env={"SELLERDESK_HOME": str(home)},
        )
    return code


def test_backup_verify_restore_into_an_empty_home(cli, tmp_path):
    old = tmp_path / "old-laptop"
    code = _init(cli, old, 3)
    usb = tmp_path / "usb"
    usb.mkdir()
    out = cli("backup", "--to", str(usb), env={"SELLERDESK_HOME": str(old)})
    (line,) = out.stdout.splitlines()
    assert line.startswith(str(usb / "sellerdesk-")) and line.endswith(".sdbackup")
    backup = usb / line.rsplit("/", 1)[-1]
    assert backup.exists()

    verified = cli("verify", str(backup), env={"SELLERDESK_HOME": str(tmp_path / "elsewhere")})
    assert verified.stdout.startswith("OK: authentic") and "customers 3," in verified.stdout
    keyless = cli("verify", "--no-key", "--json", str(backup), env={"SELLERDESK_PASSPHRASE": None})
    assert json.loads(keyless.stdout)["counts"]["customers"] == 3

    new = tmp_path / "new-laptop"
    restored = cli("restore", str(backup), env={"SELLERDESK_HOME": str(new)})
    assert "All 3 customers restored." in restored.stdout
    listed = cli("list", "--json", env={"SELLERDESK_HOME": str(new)})
    assert sorted(json.loads(line)["name"] for line in listed.stdout.splitlines()) == ["张三", "李四", "王五"]

    # the recovery code opens it too, on yet another machine
    other = tmp_path / "third"
    cli("restore", str(backup), env={"SELLERDESK_HOME": str(other), "SELLERDESK_PASSPHRASE": code})
    assert (
        cli("list", "--json", env={"SELLERDESK_HOME": str(other), "SELLERDESK_PASSPHRASE": code}).stdout.count("\n")
        == 3
    )


def test_wrong_passphrase_is_one_line_and_changes_nothing(cli, tmp_path):
    home = tmp_path / "home"
    _init(cli, home)
    backup = cli("backup", "--to", str(tmp_path), env={"SELLERDESK_HOME": str(home)}).stdout.strip()
    target = tmp_path / "target"
    _init(cli, target, 0)
    before = snapshot_dir(target)
    proc = cli(
        "restore", backup, env={"SELLERDESK_HOME": str(target), "SELLERDESK_PASSPHRASE": "wrong password!"}, check=False
    )
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "does not unlock this backup" in proc.stderr
    assert snapshot_dir(target) == before
    proc = cli("verify", backup, env={"SELLERDESK_PASSPHRASE": "wrong password!"}, check=False)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1


def test_tampered_file_and_bad_folder_are_one_line_errors(cli, tmp_path):
    home = tmp_path / "home"
    _init(cli, home)
    backup = tmp_path / cli("backup", "--to", str(tmp_path), env={"SELLERDESK_HOME": str(home)}).stdout.strip()
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0x10
    backup.write_bytes(bytes(data))
    for args in (("verify", str(backup)), ("verify", "--no-key", str(backup)), ("restore", str(backup))):
        proc = cli(*args, env={"SELLERDESK_HOME": str(home)}, check=False)
        assert proc.returncode == 1, args
        assert proc.stderr.count("\n") == 1 and "damaged" in proc.stderr, proc.stderr
    proc = cli("backup", "--to", str(tmp_path / "no-such-drive"), env={"SELLERDESK_HOME": str(home)}, check=False)
    assert proc.returncode == 1 and "does not exist" in proc.stderr and proc.stdout == ""


def test_backup_uses_the_folders_from_the_settings_file(cli, tmp_path):
    home = tmp_path / "home"
    _init(cli, home)
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (home / "backup-settings.json").write_text(json.dumps({"destinations": [str(a), str(b)], "keep_last": 2}))
    for _ in range(2):
        out = cli("backup", env={"SELLERDESK_HOME": str(home)})
        assert len(out.stdout.splitlines()) == 2
    settings = json.loads((home / "backup-settings.json").read_text())
    assert settings["last_backup_at"] and settings["destinations"] == [str(a), str(b)]
    assert len(list(a.glob("*.sdbackup"))) >= 1


def test_backup_defaults_to_documents(cli, tmp_path, isolated_environment):
    home = tmp_path / "home"
    _init(cli, home, 0)
    out = cli("backup", env={"SELLERDESK_HOME": str(home)})
    assert "SellerDesk Backups" in out.stdout


def test_restore_refuses_while_the_app_runs(cli, tmp_path):
    import os
    import subprocess
    import sys

    home = tmp_path / "home"
    _init(cli, home)
    backup = cli("backup", "--to", str(tmp_path), env={"SELLERDESK_HOME": str(home)}).stdout.strip()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (home / "sellerdesk.lock").write_text(f"{sleeper.pid}\nsellerdesk\n{os.uname().nodename}\n")
        proc = cli("restore", backup, env={"SELLERDESK_HOME": str(home)}, check=False)
        assert proc.returncode == 1 and "close it first" in proc.stderr
    finally:
        sleeper.kill()
        sleeper.wait()
    cli("restore", backup, env={"SELLERDESK_HOME": str(home)})  # a stale lock does not block


def test_restore_while_the_app_runs_names_the_menu_the_app_has(cli, isolated_environment, tmp_path):
    """QA (M6): the refusal pointed at a 备份 menu the app does not have; it is 文件 › 从备份恢复…."""
    import os

    isolated_environment.mkdir(parents=True, exist_ok=True)
    (isolated_environment / "sellerdesk.lock").write_text(
        f"{os.getppid()}\nsellerdesk\n", encoding="utf-8"
    )  # a live process, not this one
    target = tmp_path / "x.sdbackup"
    target.write_bytes(b"not checked: the running app is said first")
    proc = cli("restore", str(target), check=False, env={"SELLERDESK_LANG": "zh_CN"})
    assert proc.returncode == 1 and "文件 › 从备份恢复…" in proc.stderr and "“备份”菜单" not in proc.stderr
    proc = cli("--lang", "en", "restore", str(target), check=False)
    assert "File › Restore from backup…" in proc.stderr and "Backup menu" not in proc.stderr


def test_backup_skips_a_saved_folder_in_the_data_folder_but_honours_to(cli, tmp_path):
    """A backup folder in the data folder (saved before the app refused it) is not written to by
    `sellerdesk-cli backup`: one line names the cause and the fix. --to a folder inside the data
    folder is the user's explicit choice and kept; --to the data folder itself is refused."""
    from sellerdesk.backup import settings as backup_settings

    home = tmp_path / "home"
    _init(cli, home)
    env = {"SELLERDESK_HOME": str(home)}
    inside = home / "backups"
    inside.mkdir()
    backup_settings.save(home, backup_settings.BackupSettings(destinations=[str(inside)]))
    out = cli("backup", env=env, check=False)
    assert out.returncode != 0 and out.stdout == "" and list(inside.iterdir()) == []
    (line,) = out.stderr.strip().splitlines()
    assert f"Not backed up to {inside}: it is in the data folder {home}" in line and "--to DIR" in line
    written = cli("backup", "--to", str(inside), env=env).stdout.strip()
    assert written.startswith(str(inside / "sellerdesk-"))
    refused = cli("backup", "--to", str(home), env=env, check=False)
    assert refused.returncode != 0 and "Not backed up to" in refused.stderr
    assert not list(home.glob("*.sdbackup"))


def test_every_folder_failing_is_said_folder_by_folder_in_chinese(cli, tmp_path):
    home = tmp_path / "home"
    _init(cli, home)
    env = {"SELLERDESK_HOME": str(home)}
    gone, also_gone = tmp_path / "gone", tmp_path / "also-gone"
    out = cli("--lang", "zh_CN", "backup", "--to", str(gone), "--to", str(also_gone), env=env, check=False)
    assert out.returncode != 0 and out.stdout == ""
    assert str(gone) in out.stderr and str(also_gone) in out.stderr
    assert "failed" not in out.stderr and out.stderr.count("失败") == 2
