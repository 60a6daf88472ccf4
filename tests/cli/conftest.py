import json

import pytest


@pytest.fixture
def initialized_cli(cli):
    out = cli("init", "--json")
    cli.recovery_code = json.loads(out.stdout)["recovery_code"]
    return cli
