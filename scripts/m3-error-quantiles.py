#!/usr/bin/env python3
"""Why interval calibration on M3 blends held-out and model quantiles (docs/forecasting.md).

For the naive forecast of the 562 M3 yearly series (Notebooks-data/m3-yearly), the
standardized error |y(t+h) - y(t)| / (sigma_t * sqrt(h)), sigma_t^2 = mean squared first
difference of the first t values, at h = 1, 3, 6: its 80 % and 95 % quantiles on the test
years (t = the training length) and on rolling origins within the training part
(t = n-10 ... n-h, at least 3 values and half the series), as the Swift calibration uses.
Independent of the Swift code. Run: python3 scripts/m3-error-quantiles.py (numpy).
"""
import csv, collections, pathlib, numpy as np
data = pathlib.Path(__file__).resolve().parent.parent / "Notebooks-data/m3-yearly/series.csv"
train, test = collections.defaultdict(list), collections.defaultdict(list)
for r in csv.DictReader(open(data)):
    (train if r["split"].strip() == "train" else test)[r["series"]].append(float(r["value"]))
def z(y, t, h):
    d = np.diff(y[:t]); s = np.sqrt(np.mean(d * d))
    return abs(y[t + h - 1] - y[t - 1]) / (s * np.sqrt(h))
print("h  test q80 q95   own-past q80 q95   (own-past count)")
for h in (1, 3, 6):
    zt = [z(np.array(train[s] + test[s]), len(train[s]), h) for s in train]
    zr = [z(np.array(train[s]), t, h) for s in train
          for t in range(max(3, len(train[s]) - 10, (len(train[s]) + 1) // 2), len(train[s]) - h + 1)]
    a, b = np.percentile(zt, [80, 95]), np.percentile(zr, [80, 95])
    print(f"{h}  {a[0]:.2f} {a[1]:.2f}        {b[0]:.2f} {b[1]:.2f}        ({len(zr)})")
