#!/usr/bin/env python3
# Reference values for Tests/RegressionTests/TrendModelTests.swift, computed independently
# with statsmodels 0.15 (OLS/WLS + get_prediction(...).summary_frame) and scipy.stats.t,
# on years centred at 2020 so the reference itself is well conditioned.
# Independent reference values with statsmodels 0.15 (OLS/WLS, get_prediction) and scipy.
import numpy as np, statsmodels.api as sm
from scipy import stats
np.set_printoptions(precision=17)
def run(name, x, y, deg=1, w=None, tf=None, inv=None, x0=2030.0):
    x = np.array(x, float); y = np.array(y, float)
    z = tf(y) if tf else y
    X = np.column_stack([(x-2020)**k for k in range(deg+1)])
    m = (sm.WLS(z, X, weights=w) if w is not None else sm.OLS(z, X)).fit()
    print(name, "params", repr(list(m.params)), "bse", repr(list(m.bse)), "sigma", repr(float(np.sqrt(m.scale))), "r2", repr(float(m.rsquared)), "df", m.df_resid)
    X0 = np.array([[(x0-2020)**k for k in range(deg+1)]])
    for lev in (0.8, 0.95):
        f = m.get_prediction(X0).summary_frame(alpha=1-lev)
        vals = [f["mean"][0], f["mean_ci_lower"][0], f["mean_ci_upper"][0], f["obs_ci_lower"][0], f["obs_ci_upper"][0]]
        if inv: vals = [inv(v) for v in vals]
        print(" ", lev, repr([float(v) for v in vals]))
    return m
run("linear", [2019, 2020, 2022, 2023, 2025], [10.2, 11.1, 12.9, 13.4, 15.8])
run("linearW", [2019, 2020, 2022, 2023, 2025], [10.2, 11.1, 12.9, 13.4, 15.8], w=np.array([1, 2, 1, 2, 1.0]))
m = run("exp", [2021, 2022, 2023, 2024, 2025], [85.56, 91.2, 97.0, 104.3, 111.0], tf=np.log, inv=np.exp)
b, se = m.params[1], m.bse[1]
for lev in (0.8, 0.95):
    t = stats.t.ppf(0.5+lev/2, m.df_resid); print("  growth", lev, repr([float(np.expm1(b)), float(np.expm1(b-t*se)), float(np.expm1(b+t*se))]))
run("logistic", [2018, 2019, 2021, 2022, 2024], [62.0, 66.5, 70.1, 74.8, 77.0], tf=lambda y: np.log(y/(100-y)), inv=lambda z: 100/(1+np.exp(-z)))
run("poly2", list(range(2016, 2026)), [3.1, 3.4, 3.9, 4.1, 4.0, 4.6, 5.2, 5.9, 6.1, 7.0], deg=2)

# WeightedMultipleRegressionTests: WLS with and without a constant.
X = np.array([[1.0, 2.0], [2.0, 1.5], [3.0, 4.0], [4.0, 3.0], [5.0, 6.5], [6.0, 5.0]])
y = np.array([3.1, 3.9, 7.2, 7.1, 11.8, 11.2])
w = np.array([1.0, 2.0, 1.0, 0.5, 1.0, 3.0])
for name, design in (("wls_int", sm.add_constant(X)), ("wls_noint", X)):
    m = sm.WLS(y, design, weights=w).fit()
    print(name, list(map(float, m.params)), list(map(float, m.bse)), float(np.sqrt(m.scale)), float(m.rsquared), float(m.rsquared_adj))
