"""The in-process runner of tests/cli_runner.py behaves as a new process would."""

import logging
import os
import signal

from sellerdesk.store.models import DB


def test_in_process_runs_leave_nothing_behind(cli, isolated_environment):
    env = dict(os.environ)
    handlers = list(logging.getLogger("sellerdesk").handlers)
    sigint = signal.getsignal(signal.SIGINT)
    cli("init")
    assert DB.obj is None  # `init` leaves its new database bound; the runner closes it as an exit would
    cli("add", "--name", "张三")
    failed = cli("list", check=False, env={"SELLERDESK_PASSPHRASE": "wrong password!"})
    assert failed.returncode == 1 and failed.stdout == ""
    assert DB.obj is None
    assert dict(os.environ) == env
    assert logging.getLogger("sellerdesk").handlers == handlers
    assert signal.getsignal(signal.SIGINT) is sigint
    assert (isolated_environment / "logs" / "sellerdesk.log").is_file()  # the command's log, in its home


def test_output_and_exit_status_are_the_commands(cli, capfd):
    print("printed by the test")
    proc = cli("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("sellerdesk-cli ") and proc.stderr == ""
    proc = cli("no-such-command", check=False)
    assert proc.returncode == 2 and proc.stdout == "" and "invalid choice" in proc.stderr
    assert capfd.readouterr() == ("", "")  # the test's own line went nowhere near the command's
