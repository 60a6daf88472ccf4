import json

KEYS = ("name", "phone", "province", "city", "district", "detail")


def test_parse_address_text(cli):
    proc = cli("parse-address", "收货人：张三 手机：138-1234-5678 地址：广东省深圳市南山区科技园南区1栋101")
    doc = json.loads(proc.stdout)
    assert {k: doc[k] for k in KEYS} == {
        "name": "张三",
        "phone": "13812345678",
        "province": "广东省",
        "city": "深圳市",
        "district": "南山区",
        "detail": "科技园南区1栋101",
    }
    assert all(isinstance(doc[k], str) for k in KEYS)


def test_parse_address_batch_keeps_order(cli):
    lines = [
        json.dumps(t, ensure_ascii=False)
        for t in (
            "李四15612345678浙江杭州西湖区文三路90号",
            "",
            "什么也不是",
            "北京朝阳区建国路88号 王五 13900001111",
        )
    ]
    proc = cli("parse-address", "--batch", input="\n".join(lines) + "\n")
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(docs) == 4
    assert docs[0]["name"] == "李四" and docs[0]["district"] == "西湖区"
    assert all(docs[1][k] == "" for k in KEYS)
    assert docs[2]["province"] == ""
    assert (docs[3]["province"], docs[3]["city"], docs[3]["district"]) == ("北京市", "北京市", "朝阳区")


def test_parse_address_bad_input(cli):
    proc = cli("parse-address", "--batch", input="not json\n", check=False)
    assert proc.returncode != 0 and "line 1" in proc.stderr and "Traceback" not in proc.stderr
    proc = cli("parse-address", check=False)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
