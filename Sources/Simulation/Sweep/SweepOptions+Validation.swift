extension SweepOptions {
    /// Throws `SimulationError.invalidConfiguration` (a usage error, exit 64) for an option
    /// out of its range. Invariant after it returns (with the engine's check of the sample
    /// count): every count the engine multiplies is positive and at most `maximumSamples`,
    /// so no size computation can overflow.
    public func validate() throws {
        // The upper limit (`maximumSamples`) is checked by the engine after the memory
        // estimate, so a run far too large is told what fits.
        if mode != .grid && samples < 1 {
            throw SimulationError.invalidConfiguration(
                "--samples must be at least 1 (got \(samples))")
        }
        if threads < 1 {
            throw SimulationError.invalidConfiguration(
                "--threads must be at least 1 (got \(threads))")
        }
        if percentiles.isEmpty || percentiles.contains(where: { !($0 >= 0 && $0 <= 100) }) {
            throw SimulationError.invalidConfiguration("percentiles must lie in [0, 100]")
        }
        if case .percentagePoints(let s) = gridStep, !(s > 0 && s.isFinite) {
            throw SimulationError.invalidConfiguration(
                "--step must be a positive number of percentage points")
        }
        if case .points(let k) = gridStep, !(1...Self.maximumSamples).contains(k) {
            throw SimulationError.invalidConfiguration(
                "grid points per driver must be from 1 to \(Self.maximumSamples)")
        }
        if !(1...Self.maximumSamples).contains(gridReplicates) {
            throw SimulationError.invalidConfiguration(
                "grid replicates must be from 1 to \(Self.maximumSamples)")
        }
        if !(1...(1 << 20)).contains(chunkSize) || !(2...(1 << 24)).contains(histogramBins) {
            throw SimulationError.invalidConfiguration(
                "chunk size must be from 1 to 2^20 and histogram bins from 2 to 2^24")
        }
        if !(1...Self.maximumSamples).contains(pilotScenarios) {
            throw SimulationError.invalidConfiguration(
                "the pilot must have from 1 to \(Self.maximumSamples) scenarios")
        }
        if !(0...Self.maximumSamples).contains(sobolSamples)
            || !(0...Self.maximumSamples).contains(bootstrap)
        {
            throw SimulationError.invalidConfiguration(
                "Sobol samples and bootstrap count must be from 0 to \(Self.maximumSamples)")
        }
        if let memoryLimit, memoryLimit < 0 {
            throw SimulationError.invalidConfiguration("the memory limit must not be negative")
        }
    }
}
