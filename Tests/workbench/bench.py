#!/usr/bin/env python3
"""Benchmark of the workbench's live update (not a test: it prints figures).

Single user: 40 sequential 20,000-path sweeps of scenarios never seen before (no cache),
round trip over HTTP on loopback, beside the engine's own time for the same sweep (as
the server reports it) and `planforecast sweep` on the command line for one such
scenario (process start included). Under load: 32 clients x 10 new scenarios each.
Run: python3 Tests/workbench/bench.py   (after swift build)
"""
import json
import statistics
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

from server import Server, binary, post_json, scenario, REPO
from load_test import client, percentile


def main():
    with Server() as s:
        print(f"server started in {s.startup_seconds:.2f} s")
        post_json(s.url + "api/plans/an-hung/sweep?samples=20000", scenario(13.0, name="warm-up"))
        trips, engine = [], []
        for k in range(40):
            start = time.perf_counter()
            status, answer = post_json(s.url + "api/plans/an-hung/sweep?samples=20000&charts=1", scenario(12 + 0.01 * k, name=f"bench-{k}"))
            trips.append(time.perf_counter() - start)
            assert status == 200 and not answer["cached"]
            engine.append(answer["engine_milliseconds"] / 1000)
        ms = lambda x: f"{x * 1000:.0f} ms"
        print(f"one user, 20,000 paths, new scenario each time (n=40): round trip median {ms(statistics.median(trips))}, "
              f"p95 {ms(percentile(trips, 95))}, max {ms(max(trips))}; engine alone median {ms(statistics.median(engine))}")

        bodies = [[scenario(20 + 0.001 * (c * 10 + i), name=f"load-{c}-{i}") for i in range(10)] for c in range(32)]
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=32) as pool:
            outs = list(pool.map(lambda b: client(s.url, b), bodies))
        wall = time.perf_counter() - started
        lat = [x for o in outs for x in o[0]]
        errors = sum(len(o[1]) for o in outs)
        print(f"32 clients x 10 new scenarios (no cache): p50 {ms(percentile(lat, 50))}, p95 {ms(percentile(lat, 95))}, "
              f"p99 {ms(percentile(lat, 99))}; {len(lat) / wall:.1f} sweeps/s; errors {errors}")
        rss, peak = s.rss_kib()
        print(f"server peak memory {peak / 1024:.0f} MiB")

    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
        d = scenario(13.5, name="cli")
        f.write(json.dumps(d))  # JSON is YAML: the same scenario for the command line
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([binary(), "sweep", "--scenario", f.name, "--samples", "20000", "--sobol-samples", "0"],
                       cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    print(f"reference: planforecast sweep --samples 20000 --sobol-samples 0 (whole process, tornado on): median {ms(statistics.median(times))}")


if __name__ == "__main__":
    main()
