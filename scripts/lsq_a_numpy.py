#!/usr/bin/env python3
"""LSQ-A data and numpy fits for scripts/bench-lsq-a.

Generates the series exactly as shared/bench/numpy_lsq_a.py does (same generator, seed
and order of draws), writes them for planforecast, fits them with the reference's own
loop (numpy.linalg.lstsq per series, timed the same way) and writes the estimates.

Usage: lsq_a_numpy.py S SEED OUTDIR  ->  OUTDIR/Y.f64 (S x 5 float64, row-major),
OUTDIR/est_numpy.f64 (S float64), OUTDIR/lsq.csv (long: series,year,value),
and prints fits_per_second."""
import sys, time, numpy as np
S, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = np.random.default_rng(seed)
years = np.arange(2021, 2026, dtype=float)
X = np.column_stack([np.ones_like(years), years - years[0]])
growth = rng.uniform(0.02, 0.15, S)
noise = rng.normal(0.0, 0.02, (S, years.size))
Y = 100.0 * (1.0 + growth)[:, None] ** (years - years[0]) * np.exp(noise)
np.ascontiguousarray(Y).tofile(f"{out}/Y.f64")
t0 = time.perf_counter()
est = np.empty(S)
for s in range(S):
    beta, *_ = np.linalg.lstsq(X, np.log(Y[s]), rcond=None)
    est[s] = np.expm1(beta[1])
dt = time.perf_counter() - t0
est.tofile(f"{out}/est_numpy.f64")
# Long CSV for the batch comparison; %.17g round-trips every double exactly.
with open(f"{out}/lsq.csv", "w") as f:
    f.write("series,year,value\n")
    yr = [str(int(v)) for v in years]
    f.write("".join(f"s{s},{yr[t]},{Y[s, t]:.17g}\n" for s in range(S) for t in range(years.size)))
print(f"fits_per_second,{S/dt:.0f}")
