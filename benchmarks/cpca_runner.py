"""Runs inside the benchmark's own cpca environment (benchmarks/setup_cpca.sh), not the app's.

    benchmarks/.venv-cpca/bin/python benchmarks/cpca_runner.py STRINGS.json CASES.json RUNS

Prints one JSON object: cpca's throughput on the strings (its batch API, ``cpca.transform``
over the whole list, as it is meant to be used) and its (province, city, district) for
each case text, for bench_parse.py to score beside SellerDesk's parser.
"""

from __future__ import annotations

import json
import sys
import time

import cpca  # type: ignore[import-not-found]


def _regions(frame: object) -> list[list[str]]:
    out = []
    for _, row in frame.iterrows():  # type: ignore[attr-defined]
        province, city, district = (row[k] if isinstance(row[k], str) else "" for k in ("省", "市", "区"))
        if city == "市辖区":  # municipalities: cpca's placeholder city is the province here
            city = province
        out.append([province, city, district])
    return out


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        strings = json.load(handle)
    with open(sys.argv[2], encoding="utf-8") as handle:
        cases = json.load(handle)
    runs = int(sys.argv[3])
    cpca.transform(["广东省深圳市南山区"])  # loads its tables once
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        cpca.transform(strings)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    print(
        json.dumps(
            {
                "version": cpca.__version__ if hasattr(cpca, "__version__") else "",
                "per_second": len(strings) / min(times),
                "cpu_per_second": len(strings) / min(cpu),
                "regions": _regions(cpca.transform(cases)),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
