import LinearAlgebra

/// What `planforecast --version` prints: the release, and the facts about this build that
/// change what the README's accuracy statements promise.
///
/// ```
/// $ planforecast --version
/// planforecast 0.9.0 (least-squares refinement in Float80: NIST StRD ≥ 13.4 digits)
/// ```
enum Version {
    static let release = "0.9.0"

    static var text: String {
        let precision =
            LinearAlgebra.hasExtendedPrecision
            ? "least-squares refinement in Float80: NIST StRD ≥ 13.4 digits"
            : "least-squares refinement in Double (no Float80 here): NIST StRD ≥ 10 digits"
        return "planforecast \(release) (\(precision))"
    }
}
