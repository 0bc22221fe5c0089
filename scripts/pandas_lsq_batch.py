#!/usr/bin/env python3
"""numpy+pandas reference for the LSQ-A batch: read a long CSV (series,year,value), fit an
exponential trend to every series, write one CSV row per series (series, b0, b1,
growth_pct). Times read_csv through to_csv (interpreter start and imports excluded).

Usage: pandas_lsq_batch.py IN.csv OUT.csv [loop|vectorized]
  loop        groupby + numpy.linalg.lstsq per series (the reference method, as in
              numpy_lsq_a.py)
  vectorized  one closed-form least-squares pass over all series (pivot to a matrix)"""
import sys, time, numpy as np, pandas as pd
src, dst = sys.argv[1], sys.argv[2]
mode = sys.argv[3] if len(sys.argv) > 3 else "loop"
t0 = time.perf_counter()
df = pd.read_csv(src)
if mode == "loop":
    rows = []
    for name, g in df.groupby("series", sort=False):
        x = g["year"].to_numpy(float)
        X = np.column_stack([np.ones_like(x), x])
        (b0, b1), *_ = np.linalg.lstsq(X, np.log(g["value"].to_numpy()), rcond=None)
        rows.append((name, b0, b1, np.expm1(b1) * 100))
    out = pd.DataFrame(rows, columns=["series", "b0", "b1", "growth_pct"])
else:
    z = df.assign(z=np.log(df["value"])).pivot(index="series", columns="year", values="z")
    z = z.loc[df["series"].unique()]
    x = z.columns.to_numpy(float)
    d = x - x.mean()
    Z = z.to_numpy()
    b1 = ((Z - Z.mean(axis=1, keepdims=True)) @ d) / (d @ d)
    b0 = Z.mean(axis=1) - b1 * x.mean()
    out = pd.DataFrame({"series": z.index, "b0": b0, "b1": b1, "growth_pct": np.expm1(b1) * 100})
out.to_csv(dst, index=False, float_format="%.17g")
print(f"seconds,{time.perf_counter() - t0:.3f}")
