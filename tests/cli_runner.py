"""``sellerdesk-cli`` for tests: in this process through ``main(argv)``, or as a real process.

In-process is the default: starting a new interpreter for each command took half of the
suite's time. Each run is a clean slate, as a new process would be: the environment is
exactly ``env``, stdin is ``input`` (never a terminal), stdout and stderr are captured at the
file-descriptor level (so a stray line from a native library counts, as it would in a
process), and what a process's exit would end is ended afterwards (the database the command
left bound, the log file handler it added). :meth:`Cli.process` runs a real process, for the
tests where that is the point (kill, Ctrl-C, the installed entry point).
"""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Mapping

PASSPHRASE = "test passphrase 123"


class Cli:
    def __init__(self, env: Mapping[str, str], capfd) -> None:
        self.env = dict(env)
        self.capfd = capfd

    def _env(self, env: Mapping[str, str | None] | None) -> dict[str, str]:
        full = dict(self.env, **(env or {}))
        return {k: v for k, v in full.items() if v is not None}  # None: remove the variable

    def __call__(self, *args: str, input: str | None = None, check: bool = True, env=None):  # noqa: A002 (subprocess.run's name)
        proc = self._in_process(list(args), self._env(env), input)
        return self._checked(proc, check)

    def process(self, *args: str, input: str | None = None, check: bool = True, env=None):  # noqa: A002
        """The same, as a new ``python -m sellerdesk.cli`` process (stdin: ``input``, else empty)."""
        proc = subprocess.run(
            [sys.executable, "-m", "sellerdesk.cli", *args],
            input=input or "",
            capture_output=True,
            text=True,
            env=self._env(env),
            timeout=120,
        )
        return self._checked(proc, check)

    def json_lines(self, *args: str, **kw) -> list:
        return [json.loads(line) for line in self(*args, **kw).stdout.splitlines() if line.strip()]

    @staticmethod
    def _checked(proc: subprocess.CompletedProcess, check: bool) -> subprocess.CompletedProcess:
        if check and proc.returncode != 0:
            raise AssertionError(f"exit {proc.returncode}\nstdout: {proc.stdout}\nstderr: {proc.stderr}")
        return proc

    def _in_process(self, argv: list[str], env: dict[str, str], input: str | None) -> subprocess.CompletedProcess:  # noqa: A002
        from sellerdesk.cli import main
        from sellerdesk.store.models import DB

        self.capfd.readouterr()  # what the test printed before is not the command's output
        saved_env, saved_stdin = dict(os.environ), sys.stdin
        bound = DB.obj  # a store the test itself opened (it is rebound afterwards)
        logger = logging.getLogger("sellerdesk")
        handlers, level = list(logger.handlers), logger.level
        os.environ.clear()
        os.environ.update(env)
        sys.stdin = io.StringIO(input or "")
        try:
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse: --help, --version, usage errors
                if exc.code is None or isinstance(exc.code, int):
                    code = exc.code or 0
                else:
                    print(exc.code, file=sys.stderr)
                    code = 1
        finally:
            _close_what_the_command_left_bound(bound)
            for handler in list(logger.handlers):
                if handler not in handlers:
                    logger.removeHandler(handler)
                    handler.close()
            logger.setLevel(level)
            sys.stdin = saved_stdin
            os.environ.clear()
            os.environ.update(saved_env)
        out, err = self.capfd.readouterr()
        return subprocess.CompletedProcess(["sellerdesk-cli", *argv], code, out, err)


def _close_what_the_command_left_bound(bound) -> None:
    from sellerdesk.store.database import close_store
    from sellerdesk.store.models import DB

    if DB.obj is not bound:
        close_store()  # e.g. `init` leaves the new database bound; a process would exit here
        DB.initialize(bound)
