#!/usr/bin/env python3
"""Benchmark of the workbench under the issue's load pattern (not a test: it prints figures;
the CI load test, load_test.py, checks behaviour on the debug build).

Starts `planforecast serve` (PLANFORECAST_BIN, scripts/bench-workbench passes the release
build) on a free loopback port and runs, in one process:
1. the load test's pattern: 32 concurrent clients x 100 sweep requests of 20,000 paths,
   each client moving the industry growth "slider" over 41 positions (12.0-16.0 %/yr);
2. 32 clients x 2 scenarios never seen before (nothing cached);
3. one user, 40 sequential new 20,000-path scenarios with charts (the live update);
then prints p50/p95/p99/max latency, errors, what was answered from the cache and the
server's peak resident memory (VmHWM); and, side by side, the reference: the same
20,000-path sweep by `planforecast sweep` (the engine's multi-pass route, whole process,
tornado on, median of 5). Exit status 1 if any request failed.
"""
import json
import statistics
import subprocess
import sys
import tempfile
import time

from load_test import CLIENTS, REQUESTS, percentile, run_phase
from server import REPO, Server, binary, post_json, scenario


def main():
    errors = 0
    with Server() as s:
        print(f"server {s.url} started in {s.startup_seconds:.2f} s")
        positions = [round(12 + 0.1 * k, 1) for k in range(41)]
        bodies = [[scenario(positions[(c * 7 + i) % len(positions)]) for i in range(REQUESTS)]
                  for c in range(CLIENTS)]
        _, errs = run_phase(s.url, bodies, f"{CLIENTS} clients x {REQUESTS} sweeps (slider positions)")
        errors += len(errs)
        fresh = [[scenario(10 + 0.001 * (c * 2 + i), name=f"fresh-{c}-{i}") for i in range(2)]
                 for c in range(CLIENTS)]
        _, errs = run_phase(s.url, fresh, f"{CLIENTS} clients x 2 sweeps (all new scenarios, no cache)")
        errors += len(errs)
        trips, engine = [], []
        for k in range(40):
            start = time.perf_counter()
            status, answer = post_json(s.url + "api/plans/an-hung/sweep?samples=20000&charts=1",
                                       scenario(12 + 0.01 * k, name=f"bench-{k}"))
            trips.append(time.perf_counter() - start)
            errors += status != 200 or answer["cached"]
            engine.append(answer["engine_milliseconds"])
        ms = lambda x: f"{x * 1000:.0f} ms"
        print(f"one user, 20,000 paths, new scenario each time, with charts (n=40): round trip median "
              f"{ms(statistics.median(trips))}, p95 {ms(percentile(trips, 95))}, max {ms(max(trips))}; "
              f"engine alone median {statistics.median(engine):.1f} ms")
        rss, peak = s.rss_kib()
        print(f"server memory: resident {rss / 1024:.0f} MiB now, peak {peak / 1024:.0f} MiB")
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
        f.write(json.dumps(scenario(13.5, name="cli")))  # JSON is YAML
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([binary(), "sweep", "--scenario", f.name, "--samples", "20000", "--sobol-samples", "0"],
                       cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    print(f"reference: planforecast sweep --samples 20000 --sobol-samples 0 (whole process, engine route, "
          f"tornado on): median {statistics.median(times) * 1000:.0f} ms")
    print(f"errors {errors}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
