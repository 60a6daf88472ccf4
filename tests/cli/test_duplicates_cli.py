"""``duplicates``, ``merge``, ``unmerge`` end to end, in English and in Chinese."""


def _add(cli, *args):
    cli("add", *args)


def _setup(cli):
    _add(cli, "--name", "王小明", "--phone", "13800001234", "--tags", "VIP", "--address", "广东省深圳市南山区科技园1号")
    _add(cli, "--name", "王小民", "--phone", "138-0000-1234", "--wechat", "wxm", "--tags", "回头客")
    _add(cli, "--name", "李四", "--phone", "13900002222")
    ids = {row["name"]: row["id"] for row in cli.json_lines("list", "--json")}
    return ids["王小明"], ids["王小民"], ids["李四"]


def test_duplicates_merge_unmerge(initialized_cli):
    cli = initialized_cli
    keep, other, alone = _setup(cli)
    (group,) = cli.json_lines("duplicates", "--json")
    assert group["ids"] == [keep, other]
    assert group["reasons"] == ["similar_name_phone", "phone"]
    assert [c["name"] for c in group["customers"]] == ["王小明", "王小民"]
    text = cli("--lang", "en", "duplicates").stdout
    assert "similar names, same phone" in text and text.rstrip().endswith("1 group of likely duplicates")
    phone = group["customers"][0]["phone"]
    (masked,) = cli.json_lines("--mask", "duplicates", "--json")
    assert phone not in str(masked) and masked["customers"][0]["phone"] == phone[:3] + "****" + phone[-4:]
    assert phone not in cli("--mask", "duplicates").stdout

    out = cli("merge", str(keep), str(other), "--field", "name=" + str(other))
    merge_id = int(out.stdout.strip())
    assert "unmerge" in out.stderr
    rows = cli.json_lines("list", "--json")
    assert [(r["id"], r["name"], r["wechat"], r["tags"]) for r in rows if r["id"] == keep] == [
        (keep, "王小民", "wxm", ["VIP", "回头客"])
    ]
    assert [r["id"] for r in cli.json_lines("list", "--json", "--trash")] == [other]
    assert cli.json_lines("duplicates", "--json") == []

    out = cli("--lang", "en", "unmerge", str(merge_id))
    assert f"Undid merge {merge_id}" in out.stdout
    names = {r["id"]: r["name"] for r in cli.json_lines("list", "--json")}
    assert names == {keep: "王小明", other: "王小民", alone: "李四"}


def test_refusals_are_one_translated_line(initialized_cli):
    cli = initialized_cli
    keep, other, _alone = _setup(cli)
    out = cli("--lang", "zh_CN", "merge", str(keep), "999", check=False)
    assert out.returncode == 1 and "没有编号为 999 的客户" in out.stderr
    out = cli("--lang", "zh_CN", "merge", str(keep), str(keep), check=False)
    assert out.returncode == 1 and "不能合并到自己" in out.stderr
    out = cli("merge", str(keep), str(other), "--field", "colour=1", check=False)
    assert out.returncode == 2 and "--field" in out.stderr
    out = cli("--lang", "zh_CN", "unmerge", "7", check=False)
    assert out.returncode == 1 and "没有编号为 7 的合并记录" in out.stderr
    assert len(cli.json_lines("list", "--json")) == 3  # nothing changed
    merge_id = cli("merge", str(keep), str(other)).stdout.strip()
    cli("unmerge", merge_id)
    out = cli("--lang", "zh_CN", "unmerge", merge_id, check=False)
    assert out.returncode == 1 and "已经撤销过了" in out.stderr
