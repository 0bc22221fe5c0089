#!/usr/bin/env python3
"""Records statsmodels reference values for the TimeSeriesForecasting tests.

Writes Tests/TimeSeriesForecastingTests/Fixtures/statsmodels-reference.json.
Run: pip install statsmodels==0.15.0 numpy; python3 scripts/statsmodels-reference.py

Parameterisations (matched in the Swift models):
- statsmodels ETSModel follows Hyndman et al. (2008): additive error, states level and
  trend, b(t) = phi*b(t-1) + beta*e(t) -- the same beta as ours (not holtwinters' beta*).
  Initial states are the states *before* the first observation, as ours.
- statsmodels ThetaModel(deseasonalize=False).fit() estimates b0 by OLS of y on (1, t-1)
  and alpha by SES with the initial level fixed at y[0] (initialization_method="known");
  the forecast is SES + b0*(1 - 1/theta)*[h - 1 + 1/alpha - (1-alpha)^T/alpha], theta = 2.
"""
import json, pathlib, numpy as np, pandas as pd, statsmodels
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
from statsmodels.tsa.forecasting.theta import ThetaModel

rng = np.random.default_rng(20261202)
series = {
    # M3 yearly N0001, training part (Notebooks-data/m3-yearly/series.csv).
    "N0001": [940.66, 1084.86, 1244.98, 1445.02, 1683.17, 2038.15, 2342.52, 2602.45, 2927.87,
              3103.96, 3360.27, 3807.63, 4387.88, 4936.99],
    # Synthetic: trend 3/yr + noise (seed above).
    "trend_noise": list(np.round(50 + 3 * np.arange(18) + rng.normal(0, 4, 18), 4)),
    # Synthetic: a level shifting down with noise.
    "declining": list(np.round(200 - 1.5 * np.arange(16) + np.cumsum(rng.normal(0, 3, 16)), 4)),
}
H = 6
out = {"statsmodels": statsmodels.__version__, "horizon": H, "series": {}}
for name, y in series.items():
    y = pd.Series(np.asarray(y, float)); n = len(y)
    rec = {"y": list(map(float, y)), "ets": {}, "theta": {}}
    for code, trend, damped in [("ANN", None, False), ("AAN", "add", False), ("AAdN", "add", True)]:
        mod = ETSModel(y, error="add", trend=trend, damped_trend=damped, initialization_method="estimated")
        res = mod.fit(disp=False, maxiter=10000)
        p = dict(zip(mod.param_names, map(float, res.params)))
        pred = res.get_prediction(start=n, end=n + H - 1)
        rec["ets"][code] = {
            "params": p, "forecast": list(map(float, np.asarray(res.forecast(H)))),
            "variance": list(map(float, np.asarray(pred.var_pred_mean))), "sse": float(np.sum(res.resid ** 2)),
            "aicc": float(res.aicc),
        }
    # A fixed-parameter damped run (deterministic: no optimiser involved).
    mod = ETSModel(y, error="add", trend="add", damped_trend=True, initialization_method="known",
                   initial_level=float(y.iloc[0]), initial_trend=float(y.iloc[1] - y.iloc[0]))
    res = mod.smooth([0.5, 0.2, 0.9])
    pred = res.get_prediction(start=n, end=n + H - 1)
    rec["ets"]["AAdN_fixed"] = {"alpha": 0.5, "beta": 0.2, "phi": 0.9, "level0": float(y.iloc[0]),
                                "trend0": float(y.iloc[1] - y.iloc[0]), "forecast": list(map(float, np.asarray(res.forecast(H)))),
                                "variance": list(map(float, np.asarray(pred.var_pred_mean)))}
    th = ThetaModel(y, period=1, deseasonalize=False).fit()
    rec["theta"] = {"alpha": float(th.params["alpha"]), "b0": float(th.params["b0"]),
                    "level0": float(y.iloc[0]), "forecast": list(map(float, np.asarray(th.forecast(H, theta=2))))}
    out["series"][name] = rec
path = pathlib.Path(__file__).resolve().parent.parent / "Tests/TimeSeriesForecastingTests/Fixtures/statsmodels-reference.json"
path.write_text(json.dumps(out, indent=1) + "\n")
print("wrote", path)
