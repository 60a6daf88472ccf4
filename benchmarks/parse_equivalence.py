"""Safety net for parser optimisations: record every output of ``parse`` on a large corpus, check later.

    python benchmarks/parse_equivalence.py --record /tmp/parse_before.jsonl.gz
    # … change the parser …
    python benchmarks/parse_equivalence.py --check /tmp/parse_before.jsonl.gz
    python benchmarks/parse_equivalence.py --check /tmp/parse_before.jsonl.gz --uncached

The corpus is deterministic (fixed seeds): the case table, the benchmark's mixed strings
(several seeds) and random/adversarial mixes of region names, aliases, phones, digit runs,
labels, chatter, punctuation, emoji, full-width and radical look-alikes, lone surrogates,
region names glued together.  Each record is
``parse(text).to_dict()`` (fields, confidence, warnings, candidates) for one input; the
check reports the first differences and exits 1 when any output changed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "core"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from parse_cases import CASES  # noqa: E402

from bench_parse import mixed_strings  # noqa: E402
from sellerdesk.core import (  # noqa: E402
    address,  # noqa: E402
    noise,
    person,
    regions,
)
from sellerdesk.core.address import parse  # noqa: E402

LABELS = [
    "收货人",
    "收件人",
    "姓名",
    "联系人",
    "电话",
    "手机",
    "手机号码",
    "联系电话",
    "地址",
    "收货地址",
    "所在地区",
    "详细地址",
    "邮编",
    "邮政编码",
    "tel",
    "Tel",
    "名字",
    "收货人姓名",
]
CHATTER = [
    "麻烦快点发货",
    "谢谢",
    "（放快递柜）",
    "不要发邮政",
    "发顺丰",
    "放门卫",
    "打电话",
    "订单号：AB12345678",
    "复制整段话",
    "送货上门",
    "周末不收",
    "【备注：尽快】",
    "(工作日送货)",
    "谢谢亲",
    "请尽快发货哦",
    "到付",
    "别发EMS",
    "放菜鸟驿站",
    "先打我电话",
    "多谢啦",
]
STREET = [
    "路",
    "街",
    "巷",
    "弄",
    "道",
    "里",
    "村",
    "桥",
    "花园",
    "小区",
    "大道",
    "大街",
    "大厦",
    "公寓",
    "广场",
    "新村",
    "市场",
    "南路",
    "东门",
    "北站",
    "中环",
    "工业园区",
    "高新区",
    "开发区",
    "镇",
    "乡",
    "号",
    "栋",
    "室",
    "单元",
]
PUNCT = list(" ,，；;|/\t\n、。!！?？~:：-_()（）[]【】{}<>#*+=.·\"'") + ["  ", "\n\n", " - "]
ODD = [
    "🙏",
    "😀",
    "❤️",
    "☎",
    "\u3000",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "⻄",
    "⻓",
    "⻔",
    "⽇",
    "①",
    "㈠",
    "ﬁ",
    "１３８",
    "－",
    "—",
    "１２３４５６",
    "Ａ座",
    "ＳＯＨＯ",
    "\x01",
    "\x00",
    "é",
    "ß",
    "𠀀",
    "\ud800",
    "\udfff",
    "\U0001f600\ud83d",
]


def _phones(rng: random.Random) -> str:
    digits = "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))
    style = rng.randrange(12)
    if style == 0:
        return digits
    if style == 1:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if style == 2:
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    if style == 3:
        return "+86 " + digits
    if style == 4:
        return "86-" + digits
    if style == 5:
        return "(+86)" + digits
    if style == 6:
        return "0086" + digits
    if style == 7:  # buried in a longer run
        return str(rng.randrange(10)) + digits + str(rng.randrange(10))
    if style == 8:  # landline
        area = rng.choice(["010", "021", "020", "0755", "0571", "0512", "(021)", "(0755)"])
        return (
            area
            + rng.choice(["", "-", " "])
            + str(rng.randrange(2, 10))
            + "".join(rng.choice("0123456789") for _ in range(rng.choice([6, 7])))
            + rng.choice(["", "", "转123", "-8"])
        )
    if style == 9:
        return digits[:-1]  # 10 digits
    if style == 10:
        return "".join(rng.choice("0123456789") for _ in range(rng.randrange(5, 20)))
    return rng.choice(["518000", "100000", "200135", "#518000", "518000号", "610041"])


def random_strings(n: int, seed: int) -> list[str]:
    """Random mixes of everything the parser reacts to (deterministic for a seed)."""
    rng = random.Random(seed)
    all_regions = regions.all_regions()
    names = [r.name for r in all_regions] + [r.short for r in all_regions]
    aliases = [a for r in all_regions for a in regions.aliases_of(r)] + [a for a, _ in regions.former_aliases()]
    surnames = sorted(person.SINGLE_SURNAMES) + sorted(person.COMPOUND_SURNAMES)
    given = "小明娜娜雷亮满伟芳静强敏丽军杰磊洋勇艳娟涛"
    out = []
    for _ in range(n):
        pieces = []
        for _ in range(rng.randrange(1, 12)):
            kind = rng.randrange(14)
            if kind in (0, 1):
                pieces.append(rng.choice(names))
            elif kind == 2:
                pieces.append(rng.choice(aliases))
            elif kind == 3:
                pieces.append(_phones(rng))
            elif kind == 4:
                label = rng.choice(LABELS)
                pieces.append(label + rng.choice(["：", ":", " ", "", "： ", "\t"]))
            elif kind == 5:
                pieces.append(rng.choice(CHATTER))
            elif kind == 6:
                pieces.append(rng.choice(STREET))
            elif kind == 7:
                pieces.append(str(rng.randrange(1, 10 ** rng.randrange(1, 12))))
            elif kind == 8:
                pieces.append(rng.choice(PUNCT))
            elif kind == 9:
                pieces.append(rng.choice(ODD))
            elif kind == 10:
                name = rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.randrange(0, 3)))
                pieces.append(name + rng.choice(["", "", "先生", "女士", "小姐"]))
            elif kind == 11:
                pieces.append(rng.choice(["市辖区", "市辖县", "市中区", "市南区", "市", "省", "区", "县", "州"]))
            elif kind == 12:
                pieces.append(rng.choice(noise._NAME_LABELS) + rng.choice(["", "：", ":"]))
            else:
                pieces.append("".join(chr(rng.randrange(0x20, 0x9FFF)) for _ in range(rng.randrange(1, 6))))
        sep = rng.choice(["", "", " ", ",", "\n", "，"])
        out.append(sep.join(pieces))
    return out


def dense_region_strings(n: int, seed: int) -> list[str]:
    """Region aliases glued to each other and to street words (北京市中山路南山区市中区…)."""
    rng = random.Random(seed)
    all_regions = regions.all_regions()
    aliases = [a for r in all_regions for a in regions.aliases_of(r)] + [a for a, _ in regions.former_aliases()]
    glue = STREET + [
        "市",
        "区",
        "县",
        "省",
        "州",
        "市中区",
        "市南区",
        "市北区",
        "东",
        "南",
        "西",
        "北",
        "中",
        "场",
        "门",
    ]
    out = []
    for _ in range(n):
        pieces = [rng.choice(aliases) if rng.random() < 0.6 else rng.choice(glue) for _ in range(rng.randrange(1, 16))]
        out.append("".join(pieces))
    return out


def mutated_cases(seed: int) -> list[str]:
    """The case table with random character deletions, duplications and swaps."""
    rng = random.Random(seed)
    out = []
    for text, _ in CASES:
        for _ in range(4):
            chars = list(text)
            for _ in range(rng.randrange(1, 4)):
                if not chars:
                    break
                i = rng.randrange(len(chars))
                op = rng.randrange(4)
                if op == 0:
                    del chars[i]
                elif op == 1:
                    chars.insert(i, chars[i])
                elif op == 2:
                    j = rng.randrange(len(chars))
                    chars[i], chars[j] = chars[j], chars[i]
                else:
                    chars.insert(i, rng.choice(PUNCT + ODD + ["1", "12", "号"]))
            out.append("".join(chars))
    return out


def corpus(mixed: int, randoms: int) -> Iterator[object]:
    """Every input, in a fixed order."""
    yield from (text for text, _ in CASES)
    yield from (None, "", " ", "\n", 12345678901, 3.5, "a" * 2500, "北京市朝阳区" * 400 + "13812345678")
    per_seed = mixed // 7
    for seed in range(7):
        yield from mixed_strings(per_seed, seed=seed + 1)
    yield from mutated_cases(11)
    yield from random_strings(randoms, seed=3)
    yield from dense_region_strings(randoms // 2, seed=5)


def _record(text: object, uncached: bool = False) -> str:
    if uncached:
        address._matcher().cache_clear()
    # ASCII escapes: lone surrogates survive the file round trip unchanged.
    return json.dumps(parse(text).to_dict(), sort_keys=True)


def main() -> None:
    """Record or check."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--record", metavar="FILE", help="write the outputs of the current code (gzip JSON Lines)")
    mode.add_argument("--check", metavar="FILE", help="compare the current outputs with a recorded FILE")
    ap.add_argument("--mixed", type=int, default=70_000, help="benchmark-style strings (over 7 seeds)")
    ap.add_argument("--random", type=int, default=40_000, help="random/adversarial strings")
    ap.add_argument("--show", type=int, default=10, help="differences printed at most")
    ap.add_argument(
        "--uncached",
        action="store_true",
        help="clear the parser's region-decision cache before every parse (the cache must not change outputs)",
    )
    args = ap.parse_args()
    sys.stdout.reconfigure(errors="backslashreplace")  # inputs hold lone surrogates

    start = time.perf_counter()
    inputs = list(corpus(args.mixed, args.random))
    if args.record:
        with gzip.open(args.record, "wt", encoding="utf-8") as out:
            for text in inputs:
                out.write(json.dumps({"in": repr(text), "out": _record(text, args.uncached)}) + "\n")
        print(f"recorded {len(inputs)} inputs to {args.record} in {time.perf_counter() - start:.1f} s")
        return
    with gzip.open(args.check, "rt", encoding="utf-8") as f:
        recorded = [json.loads(line) for line in f]
    if len(recorded) != len(inputs):
        sys.exit(f"corpus size changed: recorded {len(recorded)}, now {len(inputs)} (same --mixed/--random?)")
    diffs = 0
    for text, rec in zip(inputs, recorded):
        if repr(text) != rec["in"]:
            sys.exit(f"corpus changed at input {rec['in']}: now {text!r}")
        got = _record(text, args.uncached)
        if got != rec["out"]:
            diffs += 1
            if diffs <= args.show:
                print(f"DIFF {text!r}\n  was {rec['out']}\n  now {got}")
    print(f"checked {len(inputs)} inputs in {time.perf_counter() - start:.1f} s: {diffs} differences")
    sys.exit(1 if diffs else 0)


if __name__ == "__main__":
    main()
