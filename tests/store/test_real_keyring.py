"""A real Secret Service round trip: gnome-keyring in a private D-Bus session.

Runs in a child process under ``dbus-run-session`` with its own HOME, so the user's real
keyring is never touched. Skipped on machines without gnome-keyring, except in CI
(``CI=true``), where a missing daemon is a failure.
"""

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent(
    r"""
    import os, subprocess, sys
    out = subprocess.run(
        ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--daemonize"],
        input=b"test-login-password", capture_output=True, check=True,
    ).stdout.decode()
    for line in out.splitlines():
        if "=" in line:
            name, value = line.split("=", 1)
            os.environ[name] = value
    from pathlib import Path
    from keyring.backends.SecretService import Keyring
    from sellerdesk.store.secrets import SystemKeyring
    from sellerdesk.store.keys import Vault

    ring = SystemKeyring(service="sellerdesk-test", backend=Keyring())
    ring.check()
    ring.set("probe", "value-1")
    assert ring.get("probe") == "value-1", ring.get("probe")
    ring.delete("probe")
    assert ring.get("probe") is None
    vault = Vault(Path(sys.argv[1]) / "keys.json", ring)
    key, code = vault.create("keyring")
    assert vault.unlock_with_keyring() == key
    assert vault.unlock_with_secret(code) == key
    assert key.hex() not in (Path(sys.argv[1]) / "keys.json").read_text()
    print("ROUND-TRIP-OK", ring.describe())
    """
)


@pytest.mark.keyring_real
def test_secret_service_round_trip(tmp_path):
    missing = [tool for tool in ("dbus-run-session", "gnome-keyring-daemon") if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must provide {missing}")
        pytest.skip(f"needs {missing}")
    home = tmp_path / "home"
    (home / ".local" / "share").mkdir(parents=True)
    env = dict(
        os.environ,
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_RUNTIME_DIR=str(tmp_path),
        XDG_CONFIG_HOME=str(home / ".config"),
    )
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("PYTHON_KEYRING_BACKEND", None)
    proc = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "ROUND-TRIP-OK" in proc.stdout
