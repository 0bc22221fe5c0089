#!/usr/bin/env python3
"""Reference values for Tests/DistributionsTests (scipy 1.17, numpy; pip install scipy).

Prints, as Swift literals pasted into the tests:
  * Student t quantiles and CDF values (scipy.stats.t.ppf / .cdf), standard normal
    quantiles and CDF (scipy.stats.norm.ppf / .cdf), to 17 significant digits;
  * the standard normal CDF on a grid x = -4, -3.95, ..., 4 (for the ziggurat's
    Kolmogorov-Smirnov check against scipy);
  * the ziggurat's layer area v = r*f(r) + integral_r^inf f for f(x) = exp(-x^2/2) and
    r = 3.6541528853610088 (Marsaglia & Tsang's constants for 256 layers);
  * the first outputs of xoshiro256** seeded through SplitMix64, from an independent
    Python implementation of the published reference C code (Blackman & Vigna,
    https://prng.di.unimi.it/xoshiro256starstar.c and splitmix64.c).

Run: python3 scripts/distribution-reference-values.py
"""
from scipy import stats

def f(x): return repr(float(x))

print("// Student t: (p, df, ppf)")
for p, df in [(0.975, 10), (0.975, 1), (0.90, 3), (0.995, 30), (0.025, 5), (0.5, 7)]:
    print(f"({p}, {df}, {f(stats.t.ppf(p, df))}),")
print("// Student t: (t, df, cdf)")
for t, df in [(2.0, 10), (-1.5, 4), (0.3, 1), (3.7, 25)]:
    print(f"({t}, {df}, {f(stats.t.cdf(t, df))}),")
print("// normal: (p, ppf)")
for p in [0.975, 0.5, 1e-6, 0.8413447460685429, 0.999]:
    print(f"({p}, {f(stats.norm.ppf(p))}),")
print("// normal: (x, cdf)")
for x in [-3.0, -1.0, 0.0, 0.5, 2.5, 6.0]:
    print(f"({x}, {f(stats.norm.cdf(x))}),")
print("// normal cdf on x = -4 + 0.05 k, k = 0...160")
grid = [stats.norm.cdf(-4 + 0.05 * k) for k in range(161)]
for i in range(0, 161, 4):
    print(", ".join(f(v) for v in grid[i:i + 4]) + ",")
r = 3.6541528853610088
# The ziggurat uses the unnormalised density exp(-x^2/2); its layer area is v for that density.
import math
print("// ziggurat v for f(x) = exp(-x^2/2)")
print(f(r * math.exp(-0.5 * r * r) + math.sqrt(math.pi / 2) * math.erfc(r / math.sqrt(2))))

M = (1 << 64) - 1
def splitmix64(state):
    while True:
        state = (state + 0x9E3779B97F4A7C15) & M
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        yield z ^ (z >> 31)
def rotl(x, k): return ((x << k) | (x >> (64 - k))) & M
def xoshiro(s):
    s = list(s)
    while True:
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        yield result
def seeded(seed):
    g = splitmix64(seed)
    return xoshiro([next(g) for _ in range(4)])
for seed in [0, 2026]:
    g = seeded(seed)
    print(f"// xoshiro256** seeded with SplitMix64({seed}): first 5 outputs")
    print(", ".join(hex(next(g)) for _ in range(5)))
g = xoshiro([1, 2, 3, 4])
print("// xoshiro256** from state (1, 2, 3, 4): first 6 outputs")
print(", ".join(str(next(g)) for _ in range(6)))
# uniformOpen: (k >> 11 + 0.5) * 2^-53
g = seeded(2026)
print("// uniformOpen, seed 2026: first 3")
print(", ".join(f(((next(g) >> 11) + 0.5) * 2.0 ** -53) for _ in range(3)))
def stream(seed, s):
    a = next(splitmix64(seed))
    b = next(splitmix64(a ^ ((s * 0xD1B54A32D192ED03) & M)))
    return seeded(b ^ s)
g = stream(2026, 3)
print("// xoshiro256** stream (seed 2026, stream 3): first 3 outputs")
print(", ".join(hex(next(g)) for _ in range(3)))
