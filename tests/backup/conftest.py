import os
import subprocess
import sys

import pytest
from backup_data import populate


@pytest.fixture
def filled(data_dir):
    populate()
    return data_dir


class Cli:
    def __init__(self, env):
        self.env = env

    def __call__(self, *args, env=None, check=True):
        full = dict(self.env, **(env or {}))
        full = {k: v for k, v in full.items() if v is not None}
        proc = subprocess.run(
            [sys.executable, "-m", "sellerdesk.cli", *args],
            capture_output=True,
            text=True,
            env=full,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
        if check and proc.returncode != 0:
            raise AssertionError(f"exit {proc.returncode}\nstdout: {proc.stdout}\nstderr: {proc.stderr}")
        return proc


@pytest.fixture
def cli(isolated_environment):
    env = dict(os.environ)
    env["SELLERDESK_PASSPHRASE"] = "test passphrase 123"
    return Cli(env)
