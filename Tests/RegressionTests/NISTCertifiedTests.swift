import Foundation
import Testing
import LinearAlgebra
@testable import Regression

/// A NIST StRD linear-regression dataset, parsed from the `.dat` file itself: the data
/// block and the certified values block are located from the header lines
/// "Certified Values (lines A to B)" and "Data (lines C to D)".
struct NISTDataset {
    var name: String
    var certifiedEstimates: [Double] = []
    var certifiedSDs: [Double] = []
    var certifiedResidualSD = Double.nan
    var certifiedRSquared = Double.nan
    var hasIntercept = false
    var y: [Double] = []
    var x: [[Double]] = []  // observation-major

    /// The folder holding the StRD files: `$PLANFORECAST_NIST_DIR`, else the copies in
    /// `Fixtures/nist-strd` beside this file (public domain; see the README there).
    static var directory: URL {
        if let env = ProcessInfo.processInfo.environment["PLANFORECAST_NIST_DIR"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/nist-strd")
    }

    static func load(_ name: String) throws -> NISTDataset {
        let url = directory.appendingPathComponent("\(name).dat")
        let lines = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "\r", with: "").components(separatedBy: "\n")
        func range(_ key: String) -> ClosedRange<Int>? {
            for l in lines where l.contains(key) && l.contains("lines") {
                let nums = l.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
                if nums.count >= 2 { return nums[nums.count - 2]...nums[nums.count - 1] }
            }
            return nil
        }
        guard let cert = range("Certified Values"), let data = range("Data") else {
            throw CocoaError(.fileReadCorruptFile)
        }
        var d = NISTDataset(name: name)
        func numbers(_ l: String) -> [Double] { l.split(separator: " ").compactMap { Double($0) } }
        for l in lines[(cert.lowerBound - 1)...(cert.upperBound - 1)] {
            let t = l.trimmingCharacters(in: .whitespaces)
            let f = t.split(separator: " ")
            if f.count >= 3, f[0].hasPrefix("B"), Int(f[0].dropFirst()) != nil,
                let est = Double(f[1]), let sd = Double(f[2])
            {
                if f[0] == "B0" { d.hasIntercept = true }
                d.certifiedEstimates.append(est); d.certifiedSDs.append(sd)
            } else if t.hasPrefix("Standard Deviation"), let v = numbers(t).last {
                d.certifiedResidualSD = v
            } else if t.hasPrefix("R-Squared"), let v = numbers(t).last {
                d.certifiedRSquared = v
            }
        }
        for l in lines[(data.lowerBound - 1)...(data.upperBound - 1)] {
            let v = numbers(l)
            guard !v.isEmpty else { continue }
            d.y.append(v[0]); d.x.append(Array(v.dropFirst()))
        }
        return d
    }
}

/// Log relative error: the number of correct significant digits (capped at 16).
func lre(_ value: Double, _ certified: Double) -> Double {
    let err = certified == 0 ? abs(value) : abs(value - certified) / abs(certified)
    return err == 0 ? 16 : min(16, -log10(err))
}

/// The digits the README states: with extended-precision refinement (x86 `Float80`) every
/// certified value to ≥ 13.4 significant digits and Longley's to ≥ 14.5 (measured on x86-64:
/// the least is Pontius B0, 13.51; Longley's least 14.62); without it, ≥ 10.
let nistDigits: Double = LinearAlgebra.hasExtendedPrecision ? 13.4 : 10
let longleyDigits: Double = LinearAlgebra.hasExtendedPrecision ? 14.5 : 10

@Suite struct NISTCertifiedTests {
    /// Fits the dataset as NIST specifies: an intercept when B0 is certified; a polynomial
    /// when there are more slope parameters than x columns (Pontius: y on x, x²).
    static func fit(_ d: NISTDataset) throws -> LinearFit {
        let slopes = d.certifiedEstimates.count - (d.hasIntercept ? 1 : 0)
        let columns = d.x[0].count
        if slopes > columns {
            return try PolynomialRegression.fit(
                x: d.x.map { $0[0] }, y: d.y, degree: slopes, series: d.name)
        }
        return try LinearLeastSquares.fit(
            design: Matrix(d.x), response: d.y, intercept: d.hasIntercept, series: d.name)
    }

    /// Every coefficient, its SD, the residual SD and R² to the README's digits
    /// (`nistDigits`, Longley `longleyDigits`).
    @Test(arguments: ["Longley", "Norris", "Pontius", "NoInt1", "NoInt2"])
    func agreesWithCertifiedValuesToTheStatedDigits(_ name: String) throws {
        let need = name == "Longley" ? longleyDigits : nistDigits
        let d = try NISTDataset.load(name)
        #expect(d.certifiedEstimates.count >= 1 && d.y.count == d.x.count && d.y.count >= 3)
        #expect(d.certifiedResidualSD.isFinite && d.certifiedRSquared.isFinite)
        let f = try Self.fit(d)
        var report: [String] = []
        for k in 0..<d.certifiedEstimates.count {
            let b = lre(f.coefficients[k], d.certifiedEstimates[k])
            let s = lre(f.standardErrors![k], d.certifiedSDs[k])
            report.append(String(format: "B%d %.2f/%.2f", k + (d.hasIntercept ? 0 : 1), b, s))
            #expect(
                b >= need,
                "\(name) B\(k): \(f.coefficients[k]) vs \(d.certifiedEstimates[k]) (LRE \(b))")
            #expect(
                s >= need,
                "\(name) SD(B\(k)): \(f.standardErrors![k]) vs \(d.certifiedSDs[k]) (LRE \(s))")
        }
        let rsd = lre(f.residualStandardDeviation!, d.certifiedResidualSD)
        let r2 = lre(f.rSquared!, d.certifiedRSquared)
        #expect(rsd >= need, "\(name) residual SD LRE \(rsd)")
        #expect(r2 >= need, "\(name) R² LRE \(r2)")
        print(
            "NIST \(name): " + report.joined(separator: ", ")
                + String(format: ", resSD %.2f, R2 %.2f", rsd, r2))
    }

    @Test func pontiusAsAGeneralLinearModelAlsoMeetsTenDigits() throws {
        let d = try NISTDataset.load("Pontius")
        let design = Matrix(d.x.map { [$0[0], $0[0] * $0[0]] })
        let f = try LinearLeastSquares.fit(design: design, response: d.y, series: "Pontius")
        for k in 0..<3 {
            #expect(lre(f.coefficients[k], d.certifiedEstimates[k]) >= 10)
            #expect(lre(f.standardErrors![k], d.certifiedSDs[k]) >= 10)
        }
    }

    @Test func degreesOfFreedomMatchTheCertifiedAnova() throws {
        // Residual df from the ANOVA tables: Longley 9, Norris 34, Pontius 37, NoInt1 10, NoInt2 2.
        let expected = ["Longley": 9, "Norris": 34, "Pontius": 37, "NoInt1": 10, "NoInt2": 2]
        for (name, df) in expected {
            #expect(try Self.fit(try NISTDataset.load(name)).residualDegreesOfFreedom == df)
        }
    }
}
