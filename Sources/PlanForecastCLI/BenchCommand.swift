import ArgumentParser
import Foundation
import PlanIO
import Regression

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark workloads (see shared/bench/WORKLOADS.md).",
        discussion: """
            Not a test: prints throughput to compare side by side with the numpy
            references, in one run, on the same machine (scripts/bench-lsq-a).

            Examples:
              planforecast bench lsq-a
              planforecast bench lsq-a --series 100000 --seed 2026
              planforecast bench lsq-a --input Y.f64 --estimates ours.f64
            """,
        subcommands: [LSQA.self, ReadTable.self])

    struct LSQA: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lsq-a",
            abstract: "LSQ-A: exponential trends of many 5-year series.",
            discussion: """
                Prints series,S / mean_growth,G / fits_per_second,F like
                numpy_lsq_a.py. Data: generated here (100 (1+g)^t exp(noise),
                g ~ U(2 %, 15 %), noise ~ N(0, 0.02), years 2021..2025; this
                program's own generator: numpy's distribution, other numbers), or
                read with --input from little-endian float64 values, 5 per series
                (numpy's Y.tofile()), so both fit the very same numbers. Timing
                covers the fits only (log, slope, expm1), as numpy_lsq_a.py's does;
                with --repeat R the median of R passes is reported.
                --path fast: ExponentialGrowthBatch (closed form, centred);
                generic: TrendFit (QR/extended precision, with standard errors).
                """)

        @Option(help: "Number of series (ignored with --input).") var series: Int = 100_000
        @Option(help: "Random seed (ignored with --input).") var seed: UInt64 = 2026
        @Option(
            help: ArgumentHelp(
                "Read the series from this float64 file instead of generating them.",
                valueName: "PATH")) var input: String?
        @Option(
            help: ArgumentHelp(
                "Write the fitted growth of each series to this float64 file.", valueName: "PATH"))
        var estimates: String?
        @Option(help: "Timed passes over the data (median reported).") var `repeat`: Int = 1
        @Option(help: "fast or generic.") var path: BenchPath = .fast

        enum BenchPath: String, ExpressibleByArgument, CaseIterable { case fast, generic }

        func validate() throws {
            guard series > 0 else { throw ValidationError("--series must be positive") }
            guard `repeat` > 0 else { throw ValidationError("--repeat must be positive") }
        }

        func run() throws {
            try reportingErrors {
                let years: [Double] = [2021, 2022, 2023, 2024, 2025]
                let y: [Double]
                if let input {
                    let data = try FileInput.read(path: input)
                    guard data.count > 0, data.count % (8 * years.count) == 0 else {
                        throw InputError.badData(
                            location: SourceLocation(file: input), found: "\(data.count) bytes",
                            expected: "a whole number of series of \(years.count) float64 values")
                    }
                    y = data.withUnsafeBytes { raw in Array(raw.bindMemory(to: Double.self)) }
                } else {
                    y = LSQAData.generate(series: series, seed: seed)
                }
                let s = y.count / years.count
                var est = [Double](repeating: 0, count: s)
                var times: [Double] = []
                for _ in 0..<`repeat` {
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    switch path {
                    case .fast:
                        let batch = try ExponentialGrowthBatch(years: years)
                        est = batch.growthRates(y)
                    case .generic:
                        for k in 0..<s {
                            let fit = try TrendFit.fit(
                                .exponential, x: years, y: Array(y[(k * 5)..<(k * 5 + 5)]),
                                series: "\(k)")
                            est[k] = fit.growthRate(levels: [0.95])!.rate
                        }
                    }
                    times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
                }
                let dt = times.sorted()[times.count / 2]
                if let estimates {
                    try AtomicFile.write(
                        est.withUnsafeBufferPointer { Data(buffer: $0) }, to: estimates)
                }
                let mean = est.reduce(0, +) / Double(s)
                print(
                    "series,\(s)\nmean_growth,\(String(format: "%.6f", mean))\nfits_per_second,\(String(format: "%.0f", Double(s) / dt))"
                )
            }
        }
    }
}

/// LSQ-A data with a small self-contained generator (SplitMix64, Box–Muller): the
/// workload's distribution, not numpy's numbers.
enum LSQAData {
    static func generate(series: Int, seed: UInt64) -> [Double] {
        var state = seed
        func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return (Double(z >> 11) + 0.5) / 9_007_199_254_740_992.0
        }
        func normal() -> Double { (-2 * log(next())).squareRoot() * cos(2 * Double.pi * next()) }
        var y = [Double](repeating: 0, count: series * 5)
        for s in 0..<series {
            let g = 0.02 + 0.13 * next()
            for t in 0..<5 { y[s * 5 + t] = 100 * pow(1 + g, Double(t)) * exp(0.02 * normal()) }
        }
        return y
    }
}
