"""Another process that holds one of our locks until told to stop (for the leftovers tests).

    python holder.py lock PATH         create PATH locked (a backup's snapshot lock), hold it
    python holder.py part FOLDER NAME  write FOLDER/.sellerdesk-…-NAME.part through write_safely, hold it

Prints ``ready`` once it holds the lock, then waits for a line on stdin and exits.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sellerdesk.backup.safewrite import write_safely
from sellerdesk.store.filelocks import create_locked


def main() -> None:
    what = sys.argv[1]
    if what == "lock":
        lock = create_locked(Path(sys.argv[2]))
        assert lock is not None
        print("ready", flush=True)
        sys.stdin.readline()
        lock.release()
    elif what == "part":

        def write(fh) -> None:
            fh.write(b"half a backup")
            fh.flush()
            print("ready", flush=True)
            sys.stdin.readline()

        write_safely(Path(sys.argv[2]), sys.argv[3], write)


if __name__ == "__main__":
    main()
