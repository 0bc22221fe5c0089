import CGSL

/// Quantiles and distribution functions from GSL (GNU Scientific Library, Debian
/// `libgsl-dev`), used rather than hand-written special functions. GSL's `gsl_cdf_*`
/// routines are accurate to close to double precision over the ranges used here
/// (probabilities in [1e-12, 1 - 1e-12], degrees of freedom ≥ 1).
public enum StudentT {
    /// The quantile `t` with P(T ≤ t) = `p` for Student's t with `degreesOfFreedom`.
    ///
    /// `quantile(0.975, 10) ≈ 2.228138851986274` (R: `qt(0.975, 10)`).
    /// Precondition: 0 < p < 1 and degreesOfFreedom > 0.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(p > 0 && p < 1, "probability must lie strictly between 0 and 1")
        precondition(nu > 0, "degrees of freedom must be positive")
        return gsl_cdf_tdist_Pinv(p, nu)
    }

    /// P(T ≤ t) for Student's t with `degreesOfFreedom`.
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "degrees of freedom must be positive")
        return gsl_cdf_tdist_P(t, nu)
    }

    /// The two-sided critical value for a central interval of coverage `level` (0.95 → the
    /// 97.5 % quantile).
    public static func critical(level: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(level > 0 && level < 1, "level must lie strictly between 0 and 1")
        return quantile(0.5 + level / 2, degreesOfFreedom: nu)
    }
}

/// The standard normal distribution (GSL).
public enum StandardNormal {
    /// Φ⁻¹(p). `quantile(0.975) ≈ 1.959963984540054`.
    public static func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "probability must lie strictly between 0 and 1")
        return gsl_cdf_ugaussian_Pinv(p)
    }
    /// Φ(x).
    public static func cdf(_ x: Double) -> Double { gsl_cdf_ugaussian_P(x) }
}
