"""Looking into the data folder from a file dialog never costs the app its database locks
(stranger QA): Qt's file dialog opened sellerdesk.db and its -shm to guess their type, which
dropped the process's POSIX locks, and the next sellerdesk-cli command deleted the WAL and the
shared memory under the running app (its later saves lost). Real processes: the locks are the
point, and Qt's MIME database is read once per process."""

import json
import os
import subprocess
import sys

APP_SIDE = r"""
import json, os, subprocess, sys
from PySide6.QtCore import QCoreApplication, QFileInfo, QMimeDatabase
from sellerdesk.store.database import connect
from sellerdesk.ui import data_files

guard = sys.argv[1] == "guard"
if guard:
    data_files.guard()  # as app.main does first
app = QCoreApplication([])
home, key = sys.argv[2], bytes.fromhex(sys.argv[3])
path = os.path.join(home, "sellerdesk.db")
db = connect(path, key, create=True)
db.execute_sql("CREATE TABLE t (x INTEGER)")
db.execute_sql("INSERT INTO t VALUES (1)")
# what Qt's file dialog does for each file of a folder it shows
types = {name: QMimeDatabase().mimeTypeForFile(QFileInfo(os.path.join(home, name))).name()
         for name in ("sellerdesk.db", "sellerdesk.db-wal", "sellerdesk.db-shm")}
# another program (a scheduled sellerdesk-cli job) writes and closes
other = (
    "import sys; from sellerdesk.store.database import connect; "
    "db = connect(sys.argv[1], bytes.fromhex(sys.argv[2])); "
    "db.execute_sql('INSERT INTO t VALUES (2)'); db.close()"
)
subprocess.run([sys.executable, "-c", other, path, key.hex()], check=True)
seen = db.execute_sql("SELECT count(*) FROM t").fetchone()[0]
print(json.dumps({"types": types, "seen": seen, "files": sorted(os.listdir(home))}))
os._exit(0)
"""


def _run(tmp_path, mode: str) -> dict:
    home = tmp_path / mode
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_DIRS"}
    proc = subprocess.run(
        [sys.executable, "-c", APP_SIDE, mode, str(home), os.urandom(32).hex()],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_a_file_dialogs_type_guess_never_costs_the_app_its_database(tmp_path):
    from sellerdesk.ui.data_files import MIME_TYPE

    result = _run(tmp_path, "guard")
    assert "sellerdesk.db-shm" in result["files"] and "sellerdesk.db-wal" in result["files"]
    assert result["seen"] == 2  # the other program's row: the app reads the live database
    assert set(result["types"].values()) == {MIME_TYPE}  # named by pattern, never opened
