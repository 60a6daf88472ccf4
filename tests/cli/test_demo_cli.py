import json

from sellerdesk.core.phones import normalize_phone


def test_demo_adds_fake_customers_and_removes_them(initialized_cli):
    out = initialized_cli("demo", "--customers", "40", "--seed", "1", "--json")
    assert json.loads(out.stdout)["added"] == 40
    people = initialized_cli.json_lines("list", "--json")
    assert len(people) == 40
    for person in people:
        assert "demo" in person["flags"]
        assert person["phone"][3:7] == "0000" and normalize_phone(person["phone"]).valid
        assert not person["wechat"] or person["wechat"].startswith("demo_")
    assert sum(len(p["addresses"]) for p in people) > 20
    assert any(p["addresses"] and p["addresses"][0]["district"] for p in people)
    # searchable right away (the index is filled by the bulk load)
    name = people[0]["name"]
    assert any(p["name"] == name for p in initialized_cli.json_lines("list", "--json", "--search", name))
    initialized_cli("add", "--name", "真实客户", "--phone", "13812345678")
    out = initialized_cli("demo", "--remove", "--json")
    assert json.loads(out.stdout)["removed"] == 40
    left = initialized_cli.json_lines("list", "--json")
    assert [p["name"] for p in left] == ["真实客户"]


def test_demo_refuses_bad_arguments(initialized_cli):
    for args in (("demo",), ("demo", "--customers", "0"), ("demo", "--customers", "5", "--remove")):
        proc = initialized_cli(*args, check=False)
        assert proc.returncode != 0 and "error" in proc.stderr
    assert initialized_cli.json_lines("list", "--json") == []
