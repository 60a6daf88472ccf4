"""Master-password unlock cost: the current scrypt parameters against the old ones.

    python benchmarks/bench_kdf.py [--runs 5]

Times a real wrap (new envelope) and unwrap (unlock) with store/keys.py, plus the strength
estimate the first-run wizard runs per keystroke. An attacker pays the unwrap cost per
guess (on a GPU, scrypt's memory keeps that near the CPU figure per 128 MiB of memory).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sellerdesk.core.passwords import estimate
from sellerdesk.store import keys

OLD = (2**15, 8, 1)  # SellerDesk before the master-password hardening
PASSWORD = "hidden kettle morning river"


def _time(fn, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), min(samples)


def bench_params(n: int, r: int, p: int, runs: int) -> None:
    saved = keys.SCRYPT_N, keys.SCRYPT_R, keys.SCRYPT_P
    keys.SCRYPT_N, keys.SCRYPT_R, keys.SCRYPT_P = n, r, p
    try:
        key = b"k" * keys.KEY_BYTES
        envelope = keys.wrap(key, PASSWORD)
        wrap_median, _ = _time(lambda: keys.wrap(key, PASSWORD), runs)
        unwrap_median, unwrap_min = _time(lambda: keys.unwrap(envelope, PASSWORD), runs)
    finally:
        keys.SCRYPT_N, keys.SCRYPT_R, keys.SCRYPT_P = saved
    memory = 128 * n * r >> 20
    print(
        f"N=2^{n.bit_length() - 1:<2} r={r} p={p} ({memory:>3} MiB): unwrap {unwrap_median * 1000:6.0f} ms median, "
        f"{unwrap_min * 1000:6.0f} ms best; wrap {wrap_median * 1000:6.0f} ms; "
        f"one core tries {1 / unwrap_min:5.1f} passwords/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print("old:     ", end="")
    bench_params(*OLD, args.runs)
    print("current: ", end="")
    bench_params(keys.SCRYPT_N, keys.SCRYPT_R, keys.SCRYPT_P, args.runs)
    estimate("warm up")  # loads the word lists once
    typed = ["z", "zhangsan", "zhangsan1990", PASSWORD, "4@8({[<369!|170$5+%2" * 3]
    median, _ = _time(lambda: [estimate(text) for text in typed], args.runs)
    print(f"strength estimate: {median / len(typed) * 1000:.1f} ms per call (median over {len(typed)} inputs)")


if __name__ == "__main__":
    main()
