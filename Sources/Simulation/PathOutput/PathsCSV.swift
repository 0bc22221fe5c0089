import Foundation

/// Receives the CSV text of every simulated path, in scenario order, chunk by chunk.
public protocol PathSink: AnyObject {
    func write(_ bytes: [UInt8]) throws
}

/// The paths file, `scenario,series,year,value`, one row per scenario, series and year.
///
/// Written by hand rather than through the project's CSV writer (`CSVText`, module PlanIO)
/// and number formatting (`Formatting.number`) because of speed: the file has
/// N × series × years rows (30 million at a million MC-A scenarios), built by the worker
/// threads inside the sweep's first pass. `Formatting.number` goes through
/// `String(format: "%.12g")`, a parse back and a new `String` for every value;
/// `appendFixed6` appends digits to one byte buffer per chunk, with no allocation per
/// value. No field needs quoting: scenario numbers and years are digits, values are
/// numbers, and series ids are plan indicator ids, which the plan readers restrict to
/// letters, digits, `_`, `-` and `.` (PlanIO `Identifier.check`).
public enum PathsCSV {
    /// The header row (the rows follow without one).
    public static let header = "scenario,series,year,value\n"

    /// CSV rows `scenario,series,year,value` for one chunk (values with up to 6 decimals).
    static func rows(
        values v: UnsafeMutablePointer<Double>, count n: Int, firstScenario: Int, seriesCount: Int,
        yearCount: Int, stride chunk: Int, series: [[UInt8]], years: [Int]
    ) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(n * seriesCount * yearCount * 32)
        let yearBytes = years.map { Array(String($0).utf8) }
        for i in 0..<n {
            let idx = Array(String(firstScenario + i + 1).utf8)
            for s in 0..<seriesCount {
                for t in 0..<yearCount {
                    out += idx; out.append(44); out += series[s]; out.append(44);
                    out += yearBytes[t]; out.append(44)
                    appendFixed6(v[(s * yearCount + t) * chunk + i], to: &out)
                    out.append(10)
                }
            }
        }
        return out
    }

    /// Appends `x` with six decimals, trailing zeros trimmed (C locale; ±Inf/NaN as text).
    static func appendFixed6(_ x: Double, to out: inout [UInt8]) {
        guard x.isFinite, abs(x) < 9e12 else { out += Array("\(x)".utf8); return }
        var scaled = (abs(x) * 1_000_000).rounded()
        if x < 0 && scaled != 0 { out.append(45) }
        let ip = UInt64(scaled / 1_000_000)
        scaled -= Double(ip) * 1_000_000
        var frac = UInt64(scaled)
        out += Array(String(ip).utf8)
        if frac > 0 {
            var digits = 6
            while frac % 10 == 0 { frac /= 10; digits -= 1 }
            let s = String(frac)
            out.append(46)
            for _ in 0..<(digits - s.utf8.count) { out.append(48) }
            out += Array(s.utf8)
        }
    }
}

/// Per-chunk CSV buffers of one wave (each slot written by one worker).
final class PathBuffers: @unchecked Sendable {
    private var slots: [[UInt8]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ b: [UInt8]) { lock.lock(); slots[i] = b; lock.unlock() }
    func take(_ i: Int) -> [UInt8] {
        lock.lock(); defer { lock.unlock() }; let b = slots[i]; slots[i] = []; return b
    }
}
