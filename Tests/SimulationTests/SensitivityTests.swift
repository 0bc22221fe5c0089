import Testing
import Foundation
import PlanModel
@testable import Simulation

@Suite struct SobolIndices {
    /// Ishigami function f = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁, xᵢ ~ U(−π, π), a = 7, b = 0.1.
    /// Analytic variances (Ishigami & Homma 1990; Saltelli et al. 2008, §4.5):
    /// V₁ = bπ⁴/5 + b²π⁸/50 + 1/2, V₂ = a²/8, V₃ = 0, V₁₃ = b²π⁸/18 − b²π⁸/50,
    /// V = V₁ + V₂ + V₁₃; S₁ = V₁/V ≈ 0.3139, S₂ ≈ 0.4424, S₃ = 0; ST₁ = (V₁+V₁₃)/V ≈ 0.5576,
    /// ST₂ = S₂, ST₃ = V₁₃/V ≈ 0.2437.
    @Test func ishigamiIndicesWithinTolerance() {
        let a = 7.0, b = 0.1, pi = Double.pi
        let v1 = b * pow(pi, 4) / 5 + b * b * pow(pi, 8) / 50 + 0.5
        let v2 = a * a / 8
        let v13 = b * b * pow(pi, 8) / 18 - b * b * pow(pi, 8) / 50
        let v = v1 + v2 + v13
        let first = [v1 / v, v2 / v, 0]
        let total = [(v1 + v13) / v, v2 / v, v13 / v]
        let r = SobolAnalysis.analyze(
            inputs: 3, outputs: 1, samples: 20_000, bootstrap: 100, seed: 1
        ) { u in
            let x = u.map { -pi + 2 * pi * $0 }
            return [sin(x[0]) + a * sin(x[1]) * sin(x[1]) + b * pow(x[2], 4) * sin(x[0])]
        }
        for i in 0..<3 {
            #expect(abs(r[0][i].firstOrder - first[i]) < 0.03, "S\(i + 1)")
            #expect(abs(r[0][i].total - total[i]) < 0.03, "ST\(i + 1)")
            #expect(
                r[0][i].totalInterval.contains(total[i]) || abs(r[0][i].total - total[i]) < 0.01)
        }
    }

    /// Linear model Y = Σ cᵢ Xᵢ with independent Xᵢ ~ U(0,1): Sᵢ = STᵢ = cᵢ² / Σ cⱼ².
    @Test func linearModelIndices() {
        let c = [1.0, 2.0, 3.0]
        let r = SobolAnalysis.analyze(
            inputs: 3, outputs: 2, samples: 10_000, bootstrap: 50, seed: 3
        ) { u in
            [c[0] * u[0] + c[1] * u[1] + c[2] * u[2], 5]
        }
        for i in 0..<3 {
            let s = c[i] * c[i] / 14
            #expect(abs(r[0][i].firstOrder - s) < 0.03)
            #expect(abs(r[0][i].total - s) < 0.03)
            #expect(r[1][i].total == 0 && r[1][i].firstOrder == 0)  // constant output
        }
    }

    @Test func planIndicesNameTheDriverThatMatters() throws {
        // Budget revenue depends only on its own driver and its volatility.
        var o = Fixture.options(samples: 2000)
        o.sobolSamples = 1024; o.bootstrap = 50; o.tornado = true
        let r = try SweepEngine.run(plan: Fixture.plan, scenario: Fixture.mcA(), options: o)
        let rev = r.sobol.filter { $0.target == "T_rev" }
        #expect(Set(rev.map(\.factor)) == ["agri", "ind", "serv", "rev", "inc", "volatility"])
        for s in rev where s.factor != "rev" && s.factor != "volatility" {
            #expect(abs(s.total) < 1e-12)
        }
        #expect(r.mostInfluential(for: "T_rev")?.factor == "rev")
        // Total production is driven by industry and services (2600 and 1500 of 4500), not agriculture.
        let tot = r.sobol.filter { $0.target == "T_total" }
        let ind = tot.first { $0.factor == "ind" }!.total,
            agri = tot.first { $0.factor == "agri" }!.total
        #expect(ind > 10 * agri)
    }
}

@Suite struct Tornado {
    @Test func barsMoveOneDriverAcrossItsRange() throws {
        var o = Fixture.options(samples: 10)
        o.tornado = true
        let r = try SweepEngine.run(plan: Fixture.plan, scenario: Fixture.mcA(), options: o)
        let bars = r.tornado.filter { $0.target == "T_rev" }
        // Revenue CAGR with its driver at 10 % and 15 % and no volatility is exactly 10 % and 15 %.
        let rev = bars.first { $0.driver == "rev" }!
        #expect(abs(rev.metricAtLow - 0.10) < 1e-12 && abs(rev.metricAtHigh - 0.15) < 1e-12)
        #expect(abs(rev.metricAtCentre - 0.125) < 1e-12)
        #expect(bars.first?.driver == "rev")
        // Income level in 2030 with growth at 5 % and 9 %.
        let inc = r.tornado.first { $0.target == "T_inc" && $0.driver == "inc" }!
        #expect(abs(inc.metricAtLow - 85.56 * pow(1.05, 5)) < 1e-9)
        #expect(abs(inc.metricAtHigh - 85.56 * pow(1.09, 5)) < 1e-9)
        #expect(r.mostInfluential(for: "T_inc")!.factor == "inc")
    }
}
