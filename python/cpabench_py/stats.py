"""JMH's aggregation of iteration scores, so a row here reads like a row JMH writes.

JMH (``ListStatistics``): the score is the mean over every iteration of every fork; the error is the
half-width of the 99.9% Student-t interval, only for more than two values (else "NaN" and an interval
of zero width); percentiles as Apache Commons Math's default estimator. The t quantile needs the
regularized incomplete beta function, done here by its continued fraction (no scipy).
"""

import math

CONFIDENCE = 0.999
PERCENTILES = ("0.0", "50.0", "90.0", "95.0", "99.0", "99.9", "99.99", "99.999", "99.9999", "100.0")


def _betacf(a, b, x):
    # Lentz's continued fraction for the incomplete beta function (Numerical Recipes, betacf).
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1, a - 1
    c, d = 1.0, 1 - qab * x / qap
    d = 1 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        for aa in (m * (b - m) * x / ((qam + m2) * (a + m2)), -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))):
            d = 1 + aa * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + aa / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1) < 1e-15:
            break
    return h


def _betainc(a, b, x):
    """The regularized incomplete beta function I_x(a, b)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1) / (a + b + 2):
        return front * _betacf(a, b, x) / a
    return 1 - front * _betacf(b, a, 1 - x) / b


def t_cdf(t, df):
    """P(T <= t) for Student's t with ``df`` degrees of freedom."""
    tail = 0.5 * _betainc(df / 2, 0.5, df / (df + t * t))
    return 1 - tail if t >= 0 else tail


def t_quantile(p, df):
    """The t with P(T <= t) = p, for p in (0.5, 1): bisection on the CDF, to 1e-12 relative."""
    lo, hi = 0.0, 1.0
    while t_cdf(hi, df) < p:
        hi *= 2
    for _ in range(200):
        mid = (lo + hi) / 2
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
        if hi - lo <= 1e-12 * hi:
            break
    return (lo + hi) / 2


def percentile(values, p):
    """Commons Math's default (legacy) estimate: position p(n+1)/100, interpolated."""
    s = sorted(values)
    n = len(s)
    if n == 0:
        return math.nan
    pos = p * (n + 1) / 100
    if pos < 1:
        return s[0]
    if pos >= n:
        return s[-1]
    lower = s[int(pos) - 1]
    return lower + (pos - int(pos)) * (s[int(pos)] - lower)


def metric(raw_data, unit, policy="mean"):
    """A JMH metric block from per-fork iteration values; ``policy`` is "mean" or "max" (latency.max)."""
    values = [v for fork in raw_data for v in fork]
    n = len(values)
    score = (max(values) if policy == "max" else math.fsum(values) / n) if n else math.nan
    error = "NaN"
    confidence = [score, score]
    if policy == "mean" and n > 2:
        sd = math.sqrt(math.fsum((v - score) ** 2 for v in values) / (n - 1))
        e = t_quantile(1 - (1 - CONFIDENCE) / 2, n - 1) * sd / math.sqrt(n)
        error, confidence = e, [score - e, score + e]
    return {
        "score": score,
        "scoreError": error,
        "scoreConfidence": confidence,
        "scorePercentiles": {p: percentile(values, float(p)) for p in PERCENTILES},
        "scoreUnit": unit,
        "rawData": raw_data,
    }
