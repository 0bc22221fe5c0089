#!/usr/bin/env python3
"""Load test of `planforecast serve` (loopback only, bounded in count and time).

1. 32 concurrent clients × 100 sweep requests (20,000 paths each), every client moving
   the industry growth "slider" over 12.0–16.0 %/yr in 0.1 steps (41 positions, so later
   requests for a position already computed are answered from the server's cache, as
   they would be for planners trying the same values): no error allowed; p50/p95/p99
   latency and the cache's share printed.
2. 32 clients × 2 requests, every one a scenario never seen before (no cache): latency
   printed, no error allowed.
3. Responsiveness: while a heavy 200,000-path sweep runs, GET /api/plans and a fresh
   20,000-path sweep must answer (each GET under 1 s).
4. Memory: the server's peak resident memory stays under 1.5 GiB.
Exit status 0 when all hold; prints 'N passed, N failed'.
"""
import http.client
import json
import statistics
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlparse

from server import Checks, Server, scenario

CLIENTS, REQUESTS = 32, 100
check = Checks()


def percentile(xs, p):
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100
    f = int(k)
    return xs[f] + (xs[min(f + 1, len(xs) - 1)] - xs[f]) * (k - f)


def client(url, bodies, samples=20000):
    u = urlparse(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
    latencies, errors, cached = [], [], 0
    for body in bodies:
        data = json.dumps(body)
        start = time.perf_counter()
        try:
            conn.request("POST", f"/api/plans/an-hung/sweep?samples={samples}", body=data,
                         headers={"Content-Type": "application/json"})
            r = conn.getresponse()
            payload = r.read()
            latencies.append(time.perf_counter() - start)
            if r.status != 200:
                errors.append(f"{r.status} {payload[:200]!r}")
            elif json.loads(payload).get("cached"):
                cached += 1
        except Exception as e:  # a refused or dropped connection is an error too
            errors.append(repr(e))
            conn.close()
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
    conn.close()
    return latencies, errors, cached


def run_phase(url, bodies_per_client, label):
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(bodies_per_client)) as pool:
        outs = list(pool.map(lambda b: client(url, b), bodies_per_client))
    wall = time.perf_counter() - started
    lat = [x for o in outs for x in o[0]]
    errs = [e for o in outs for e in o[1]]
    hits = sum(o[2] for o in outs)
    ms = lambda x: f"{x * 1000:.0f} ms"
    print(f"{label}: {len(lat)} requests in {wall:.1f} s ({len(lat) / wall:.0f}/s); latency p50 {ms(percentile(lat, 50))}, "
          f"p95 {ms(percentile(lat, 95))}, p99 {ms(percentile(lat, 99))}, max {ms(max(lat))}; "
          f"answered from cache {hits}/{len(lat)}; errors {len(errs)}", flush=True)
    for e in errs[:5]:
        print("   error:", e)
    return lat, errs


def main():
    with Server() as s:
        print(f"server {s.url} started in {s.startup_seconds:.2f} s (pid {s.pid})")
        positions = [round(12 + 0.1 * k, 1) for k in range(41)]
        bodies = [[scenario(positions[(c * 7 + i) % len(positions)]) for i in range(REQUESTS)] for c in range(CLIENTS)]
        lat, errs = run_phase(s.url, bodies, f"{CLIENTS} clients x {REQUESTS} sweeps (slider positions)")
        check(not errs and len(lat) == CLIENTS * REQUESTS, f"{CLIENTS * REQUESTS} sweep requests, no error")

        fresh = [[scenario(10 + 0.001 * (c * 2 + i), name=f"fresh-{c}-{i}") for i in range(2)] for c in range(CLIENTS)]
        lat2, errs2 = run_phase(s.url, fresh, f"{CLIENTS} clients x 2 sweeps (all new scenarios, no cache)")
        check(not errs2, "new scenarios under load, no error")

        heavy_done = {}
        def heavy():
            start = time.perf_counter()
            req = urllib.request.Request(s.url + "api/plans/an-hung/sweep?samples=200000", method="POST",
                                         data=json.dumps(scenario(13.37, name="heavy")).encode(),
                                         headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=300) as r:
                heavy_done["status"] = r.status
            heavy_done["seconds"] = time.perf_counter() - start
        t = threading.Thread(target=heavy)
        t.start()
        time.sleep(0.05)
        gets = []
        for _ in range(10):
            start = time.perf_counter()
            with urllib.request.urlopen(s.url + "api/plans", timeout=30) as r:
                r.read()
            gets.append(time.perf_counter() - start)
            time.sleep(0.02)
        small_lat, small_err, _ = client(s.url, [scenario(14.77, name="during-heavy")])
        t.join()
        print(f"during a 200,000-path sweep ({heavy_done.get('seconds', 0):.2f} s): GET /api/plans max {max(gets) * 1000:.0f} ms; "
              f"a new 20,000-path sweep {small_lat[0] * 1000:.0f} ms", flush=True)
        check(heavy_done.get("status") == 200, "heavy sweep completed")
        check(max(gets) < 1.0 and not small_err, "server responsive during a heavy sweep (GET < 1 s)")

        rss, peak = s.rss_kib()
        print(f"server memory: resident {rss / 1024:.0f} MiB now, peak {peak / 1024:.0f} MiB")
        check(peak < 1.5 * 1024 * 1024, "peak memory under 1.5 GiB")
        code = s.stop()
        check(code == 0, f"server stopped cleanly on SIGTERM (exit {code})")
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
