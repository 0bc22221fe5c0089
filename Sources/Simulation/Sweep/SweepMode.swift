/// How scenarios' mean growths are chosen.
public enum SweepMode: String, Sendable, CaseIterable {
    /// Every combination of each driver's grid points (`SweepOptions.gridStep`).
    case grid
    /// Independent draws from each driver's distribution.
    case montecarlo
    /// Latin hypercube: each driver's distribution cut into N equal-probability strata,
    /// one draw in each, strata matched across drivers by independent random permutations.
    case lhs
}
