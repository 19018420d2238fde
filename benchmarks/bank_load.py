"""Bank loading speed: quizhall's loader against plain PyYAML, on a 10,000-question bank.

Generates the synthetic bank with ../shared/bench/gen_bank.py into a temporary directory,
then prints, best of three runs each: ``yaml.safe_load`` (pure-Python loader), a bare
``CSafeLoader`` load, quizhall's cold load (full validation, no cache) and warm load (cache
hit), and the ratios against their targets: cold ≤ 1.5 × CSafeLoader, warm ≥ 50 × faster
than ``yaml.safe_load``. Every timing includes reading the file.

Run from the repository: ``PYTHONPATH=src python benchmarks/bank_load.py [N]``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
GENERATOR = REPO.parent / "shared" / "bench" / "gen_bank.py"
RUNS = 3


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The shortest of ``runs`` timings of ``action``, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    count = sys.argv[1] if len(sys.argv) > 1 else "10000"
    if not GENERATOR.is_file():
        print(f"generator not found: {GENERATOR}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="quizhall-bench-") as tmp:
        path = Path(tmp) / "bank.yaml"
        subprocess.run([sys.executable, str(GENERATOR), count, str(path)], check=True,
                       stdout=subprocess.DEVNULL)
        # The cache directory must be set before quizhall decides where its cache lives.
        os.environ["QUIZHALL_CACHE_DIR"] = str(Path(tmp) / "cache")
        from quizhall.bank import loader

        def read() -> str:
            return path.read_text(encoding="utf-8")

        def cold() -> object:
            result = loader.load_bank(path, use_cache=False)
            assert result.ok and result.banks, [d.format() for d in result.diagnostics[:5]]
            return result

        expected = cold().banks
        loader.load_bank(path)  # fills the cache

        def warm() -> object:
            result = loader.load_bank(path)
            assert result.banks == expected
            return result

        real_parse = loader.parse_bank

        def no_parse(*args: object) -> None:
            raise AssertionError("the warm load parsed the file instead of using the cache")

        loader.parse_bank = no_parse  # prove that the warm timings are cache hits
        try:
            warm_s = best_of(RUNS, warm)
        finally:
            loader.parse_bank = real_parse
        csafe_s = best_of(RUNS, lambda: yaml.load(read(), Loader=yaml.CSafeLoader))
        cold_s = best_of(RUNS, cold)
        safe_s = best_of(RUNS, lambda: yaml.safe_load(read()))
        size = path.stat().st_size

    questions = len(expected[0].questions)
    print(f"bank: {questions} questions, {size / 2**20:.1f} MB; best of {RUNS} runs each")
    print(f"  yaml.safe_load (pure Python)      {safe_s * 1000:9.1f} ms")
    print(f"  yaml.load, CSafeLoader            {csafe_s * 1000:9.1f} ms")
    print(f"  quizhall cold (validated, no cache){cold_s * 1000:8.1f} ms")
    print(f"  quizhall warm (cache hit)         {warm_s * 1000:9.1f} ms")
    cold_ratio = cold_s / csafe_s
    warm_ratio = safe_s / warm_s
    print(f"  cold / CSafeLoader     = {cold_ratio:6.2f}   (target <= 1.5: "
          f"{'met' if cold_ratio <= 1.5 else 'MISSED'})")
    print(f"  safe_load / warm       = {warm_ratio:6.1f}   (target >= 50: "
          f"{'met' if warm_ratio >= 50 else 'MISSED'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
