"""Address parser benchmark: parses per second (one core) and accuracy on both case tables,
with cpca (github.com/DQinYuan/chinese_province_city_area_mapper) measured beside it.

    python benchmarks/bench_parse.py [--n 10000]
    bash benchmarks/setup_cpca.sh      # once: cpca in the benchmark's own environment

Accuracy counts a case as right only when every field it specifies matches.  The strings
are drawn from both tables (tests/core/parse_cases.py and parse_cases_public.tsv).  cpca
reads only regions, so beside it the "regions right" line compares province, city and
district alone, on the same case texts; its throughput is its batch API on the same
strings (``cpca.transform`` of the whole list).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "core"))

from parse_cases import CASES, PUBLIC_CASES  # noqa: E402  (needs the paths above)

from sellerdesk.core import address  # noqa: E402
from sellerdesk.core.address import parse  # noqa: E402

NOISE = [
    "麻烦快点发货",
    "谢谢",
    "",
    "",
    "",
    "（放快递柜）",
    "不要发邮政",
    "🙏",
    "邮编：518000",
]


_HOUSE_NUMBER = re.compile(r"\d+(?=[号栋弄室])")


def mixed_strings(n: int, seed: int = 7) -> list[str]:
    """``n`` distinct realistic inputs: the case table shuffled, re-ordered and decorated.

    Every string is different (the house number is rewritten per string), so no cache
    inside the parser can turn this into a cache-hit test.
    """
    rng = random.Random(seed)
    texts = [text for text, _ in CASES] + [text for text, _, _ in PUBLIC_CASES]
    out = []
    for i in range(n):
        text = texts[i % len(texts)]
        house = str(rng.randrange(1, 9999)) + "-" + str(i)
        if _HOUSE_NUMBER.search(text):
            text = _HOUSE_NUMBER.sub(house, text, count=1)
        else:
            text = text + " " + house + "号"
        if i % 3 == 1:
            text = text + " " + rng.choice(NOISE)
        elif i % 3 == 2:
            text = rng.choice(NOISE) + text.replace(" ", rng.choice([",", "，", "\n", " "]))
        out.append(text)
    rng.shuffle(out)
    assert len(set(out)) == n, "benchmark strings must be distinct"
    return out


TABLES = {
    "first table (parse_cases.py)": CASES,
    "second table (parse_cases_public.tsv)": [(text, expected) for text, expected, _ in PUBLIC_CASES],
}
CPCA_PYTHON = ROOT / "benchmarks" / ".venv-cpca" / "bin" / "python"
_REGION_KEYS = ("province", "city", "district")


def accuracy(cases: list[tuple[str, dict[str, str]]]) -> tuple[int, int, list[str]]:
    """(cases fully right, total cases, descriptions of the misses)."""
    right, misses = 0, []
    for text, expected in cases:
        got = parse(text).to_dict()
        wrong = {k: (got[k], v) for k, v in expected.items() if got[k] != v}
        if wrong:
            misses.append(f"{text!r}: {wrong}")
        else:
            right += 1
    return right, len(cases), misses


def regions_right(cases: list[tuple[str, dict[str, str]]], got: list[list[str]]) -> int:
    """Cases whose province, city and district (where the case gives them) all match."""
    return sum(
        all(found[i] == expected[key] for i, key in enumerate(_REGION_KEYS) if key in expected)
        for (_, expected), found in zip(cases, got, strict=True)
    )


def run_cpca(python: Path, texts: list[str], runs: int) -> dict[str, object] | None:
    """cpca's numbers from its own environment (None when it is not set up)."""
    if not python.exists():
        return None
    cases = [text for table in TABLES.values() for text, _ in table]
    with tempfile.TemporaryDirectory() as tmp:
        strings_path, cases_path = Path(tmp, "strings.json"), Path(tmp, "cases.json")
        strings_path.write_text(json.dumps(texts, ensure_ascii=False), "utf-8")
        cases_path.write_text(json.dumps(cases, ensure_ascii=False), "utf-8")
        out = subprocess.run(
            [str(python), str(ROOT / "benchmarks" / "cpca_runner.py"), str(strings_path), str(cases_path), str(runs)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    """Print throughput and accuracy."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5, help="timed passes; the best is reported")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument(
        "--uncached",
        action="store_true",
        help="clear the parser's region-decision cache before every parse (worst case: every address new)",
    )
    ap.add_argument("--cpca-python", default=str(CPCA_PYTHON), help="python of the benchmark's cpca environment")
    ap.add_argument("--no-cpca", action="store_true", help="skip cpca")
    args = ap.parse_args()

    start = time.perf_counter()
    parse("广东省深圳市南山区")  # builds the region index once
    warm = time.perf_counter() - start
    # Fresh strings for every pass too, so a later pass never meets a string seen before.
    everything = mixed_strings(args.n * args.runs)
    times, cpu_times = [], []
    for run in range(args.runs):
        texts = everything[run * args.n : (run + 1) * args.n]
        cpu = time.process_time()
        if args.uncached:
            clear = address._matcher().cache_clear
            start = time.perf_counter()
            for text in texts:
                clear()
                parse(text)
        else:
            start = time.perf_counter()
            for text in texts:
                parse(text)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu)
    elapsed = min(times)  # the machine is shared: the best pass is the least disturbed
    print(f"index build + first parse: {warm * 1000:.0f} ms")
    mode = "region cache cleared before each parse" if args.uncached else "region decisions cached"
    print(
        f"throughput: {args.n / elapsed:,.0f} parses/s ({args.n} distinct mixed strings, one core, {mode}, "
        f"{elapsed * 1e6 / args.n:.1f} µs each; best of {args.runs}, "
        f"all: {', '.join(f'{args.n / t:,.0f}' for t in times)})"
    )
    # On a shared machine the process is often descheduled: CPU time shows the work done.
    print(f"cpu-time throughput: {args.n / min(cpu_times):,.0f} parses/s (best of {args.runs}, process CPU time)")
    for label, cases in TABLES.items():
        right, total, misses = accuracy(cases)
        print(f"accuracy, {label}: {right}/{total} cases fully right ({100 * right / total:.1f}%)")
        if args.show_misses:
            for miss in misses:
                print("  MISS", miss)
    cpca = None if args.no_cpca else run_cpca(Path(args.cpca_python), everything[: args.n], args.runs)
    if cpca is None:
        print(f"cpca: not measured (run benchmarks/setup_cpca.sh; looked for {args.cpca_python})")
        return
    print(
        f"cpca {cpca['version']} (same {args.n} strings, batch transform, best of {args.runs}): "
        f"{cpca['per_second']:,.0f} parses/s, cpu-time {cpca['cpu_per_second']:,.0f} parses/s"
    )
    found = list(cpca["regions"])  # type: ignore[call-overload]
    ours = [[parse(text).to_dict()[k] for k in _REGION_KEYS] for table in TABLES.values() for text, _ in table]
    offset = 0
    for label, cases in TABLES.items():
        n = len(cases)
        theirs = regions_right(cases, found[offset : offset + n])
        mine = regions_right(cases, ours[offset : offset + n])
        print(f"regions right, {label}: SellerDesk {mine}/{n}, cpca {theirs}/{n}")
        offset += n


if __name__ == "__main__":
    main()
