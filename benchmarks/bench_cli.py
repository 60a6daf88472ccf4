"""Start-up and listing time of ``sellerdesk-cli``, as whole processes, beside ``python -c pass``.

    python benchmarks/bench_cli.py [--customers 100000] [--runs 9] [--home DIR]

Builds a throw-away data dir in a temp folder (never the user's) in master-password mode, as a
scheduled job runs (``SELLERDESK_PASSPHRASE`` set, no keyring), fills it with
``sellerdesk-cli demo --customers N`` (about 30 s for 100k; ``--home DIR`` builds it there once
and reuses it on the next run), then starts each command ``--runs`` times after one warm-up run
(which also writes the byte-code cache an installed app has) and prints the median, min and max
wall time of the whole process, its CPU time, and the ratio of the median to the floor
(``python -c pass``):

* ``sellerdesk-cli --version`` — start-up alone: the parser of every command is built;
* ``sellerdesk-cli list --json --search 张`` — unlock, search, print ~2% of the customers.

Unlocking with a passphrase derives a key with scrypt (its cost is stored in the key file),
so the listing is also split into phases measured inside one process each (median of the
runs): imports, unlock (the key derivation), open, and search + rows + JSON; "without
unlock" is the whole process less the unlock phase. Targets (issue 13): --version within 5x
the floor, the listing under 0.5 s at 100k customers. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import resource
except ImportError:  # Windows: wall time only
    resource = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "benchmark passphrase"

PHASES = """
import io, json, sys, time
t0 = time.perf_counter()
from sellerdesk.cli import context
from sellerdesk.store import queries
t1 = time.perf_counter()
datadir = context.data_dir()
key = context.unlock(datadir)
t2 = time.perf_counter()
datadir.open(key)
t3 = time.perf_counter()
out = io.StringIO()
flt = queries.CustomerFilter(search=sys.argv[1])
for customer, addresses in queries.iter_customers(flt):
    out.write(json.dumps(queries.customer_to_dict(customer, addresses), ensure_ascii=False) + "\\n")
t4 = time.perf_counter()
datadir.close()
t5 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "unlock": t2 - t1, "open": t3 - t2, "search+rows": t4 - t3, "close": t5 - t4}))
"""


def cli_command() -> list[str]:
    """The installed entry point beside this Python (what a user and a scheduler start), else -m."""
    script = shutil.which("sellerdesk-cli", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "sellerdesk.cli"]


def environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(SELLERDESK_HOME=str(home), SELLERDESK_PASSPHRASE=PASSPHRASE)
    # An installed app starts from compiled byte code; without the cache every start compiles
    # our modules again (~15 ms each for the big ones). The warm-up run writes it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return env


def child_cpu() -> float:
    if resource is None:
        return float("nan")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv: list[str], env: dict[str, str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of ``runs`` whole processes (after one warm-up run)."""
    walls, cpus = [], []
    for i in range(runs + 1):
        cpu0, start = child_cpu(), time.perf_counter()
        subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, check=True)
        wall, cpu = time.perf_counter() - start, child_cpu() - cpu0
        if i:
            walls.append(wall)
            cpus.append(cpu)
    return walls, cpus


def prepare(home: Path, customers: int, env: dict[str, str]) -> None:
    if (home / "sellerdesk.db").exists():
        print(f"using the data dir {home}")
        return
    print(f"building {customers} demo customers in {home} …", flush=True)
    subprocess.run([*cli_command(), "init", "--json"], env=env, stdout=subprocess.DEVNULL, check=True)
    started = time.perf_counter()
    subprocess.run([*cli_command(), "demo", "--customers", str(customers), "--seed", "1"], env=env, check=True)
    print(f"  built in {time.perf_counter() - started:.1f} s")


def row(label: str, walls: list[float], cpus: list[float], floor: float | None) -> str:
    median = statistics.median(walls)
    ratio = f"{median / floor:6.1f}x" if floor else "  floor"
    return f"{label:<44} {median:7.3f} {min(walls):7.3f} {max(walls):7.3f} {statistics.median(cpus):7.3f} {ratio}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--search", default="张")
    parser.add_argument("--home", type=Path, default=None, help="data dir to build or reuse (default: a temp dir)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sellerdesk-bench-cli-") as tmp:
        home = args.home or Path(tmp) / "home"
        env = environment(home)
        prepare(home, args.customers, env)
        cli = cli_command()
        floor_walls, floor_cpus = timed([sys.executable, "-c", "pass"], env, args.runs)
        floor = statistics.median(floor_walls)
        version = timed([*cli, "--version"], env, args.runs)
        listing = timed([*cli, "list", "--json", "--search", args.search], env, args.runs)
        phases = [
            json.loads(
                subprocess.run(
                    [sys.executable, "-c", PHASES, args.search], env=env, capture_output=True, text=True, check=True
                ).stdout
            )
            for _ in range(args.runs)
        ]

    print(f"\n{args.runs} runs each, whole processes ({Path(cli[-1]).name}); seconds")
    print(f"{'command':<44} {'median':>7} {'min':>7} {'max':>7} {'cpu':>7}  ratio")
    print(row("python -c pass", floor_walls, floor_cpus, None))
    print(row("sellerdesk-cli --version", *version, floor))
    print(row(f"sellerdesk-cli list --json --search {args.search}", *listing, floor))
    medians = {name: statistics.median(p[name] for p in phases) for name in phases[0]}
    print(f"\nlist --search {args.search}, phases inside one process (median):")
    for name, seconds in medians.items():
        print(f"  {name:<14} {seconds:7.3f}")
    whole = statistics.median(listing[0])
    print(f"  whole process less the unlock: {whole - medians['unlock']:.3f} s (unlock: scrypt key derivation)")


if __name__ == "__main__":
    main()
