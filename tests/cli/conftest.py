import json
import os
import subprocess
import sys

import pytest


class Cli:
    def __init__(self, env):
        self.env = env

    def __call__(self, *args, input=None, check=True, env=None):  # noqa: A002 (subprocess.run's name)
        full_env = dict(self.env, **(env or {}))
        proc = subprocess.run(
            [sys.executable, "-m", "sellerdesk.cli", *args],
            input=input,
            capture_output=True,
            text=True,
            env=full_env,
            timeout=120,
        )
        if check and proc.returncode != 0:
            raise AssertionError(f"exit {proc.returncode}\nstdout: {proc.stdout}\nstderr: {proc.stderr}")
        return proc

    def json_lines(self, *args, **kw):
        return [json.loads(line) for line in self(*args, **kw).stdout.splitlines() if line.strip()]


@pytest.fixture
def cli(isolated_environment):
    env = dict(os.environ)
    env["SELLERDESK_PASSPHRASE"] = "test passphrase 123"
    return Cli(env)


@pytest.fixture
def initialized_cli(cli):
    out = cli("init", "--json")
    cli.recovery_code = json.loads(out.stdout)["recovery_code"]
    return cli
