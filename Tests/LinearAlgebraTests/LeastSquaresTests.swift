import Testing
import Foundation
@testable import LinearAlgebra

@Suite struct PivotedQRTests {
    @Test func fullRankMatrixHasFullRankAndFiniteCondition() throws {
        let qr = try PivotedQR(Matrix([[1, 1], [1, 2], [1, 3]]))
        #expect(qr.rank == 2)
        #expect(qr.reciprocalCondition > 0.01 && qr.reciprocalCondition <= 1)
        // Q is orthogonal: Qᵀ(Q v) = v.
        let v = [0.3, -1.0, 2.5]
        let back = qr.applyQTranspose(qr.applyQ(v))
        #expect(zip(back, v).allSatisfy { abs($0 - $1) < 1e-15 })
    }

    @Test func duplicatedColumnGivesRankOne() throws {
        let qr = try PivotedQR(Matrix([[1, 2], [2, 4], [3, 6]]))
        #expect(qr.rank == 1)
    }

    @Test func nonFiniteEntriesAreAnError() {
        #expect(throws: LinearAlgebraError.nonFinite(what: "matrix")) {
            try PivotedQR(Matrix([[1, .nan], [0, 1]]))
        }
    }
}

@Suite struct LeastSquaresSolverTests {
    @Test func solvesASmallProblemComputedByHand() throws {
        // Fit y = a + b t to (0,1), (1,3), (2,4): normal equations 3a + 3b = 8, 3a + 5b = 11
        // → b = 3/2, a = 7/6; residuals (−1/6, 1/3, −1/6), RSS = 1/6.
        let s = try LeastSquares.solve(Matrix([[1, 0], [1, 1], [1, 2]]), [1, 3, 4])
        #expect(abs(s.coefficients[0] - 7.0 / 6) < 1e-15 && abs(s.coefficients[1] - 1.5) < 1e-15)
        #expect(abs(Double(s.residualSumOfSquares) - 1.0 / 6) < 1e-15)
        // (AᵀA)⁻¹ = [[5, −3], [−3, 3]] / 6.
        #expect(
            abs(Double(s.inverseGram[0, 0]) - 5.0 / 6) < 1e-15
                && abs(Double(s.inverseGram[0, 1]) + 0.5) < 1e-15)
    }

    @Test func rankDeficientDesignThrowsInsteadOfReturningGarbage() {
        #expect(throws: LinearAlgebraError.rankDeficient(rank: 1, required: 2)) {
            try LeastSquares.solve(Matrix([[1, 2], [2, 4], [3, 6]]), [1, 2, 3])
        }
        #expect(throws: LinearAlgebraError.rankDeficient(rank: 1, required: 2)) {
            try LeastSquares.solve(Matrix([[1, 2]]), [1])
        }
    }

    @Test func nonFiniteRightHandSideThrows() {
        #expect(throws: LinearAlgebraError.nonFinite(what: "right-hand side")) {
            try LeastSquares.solve(Matrix([[1, 0], [0, 1], [1, 1]]), [1, .infinity, 2])
        }
    }

    @Test func refinementRecoversDigitsPlainQRLoses() throws {
        // Raw monomials of x = 10…20 to degree 5 (κ ≈ 1e9 after column scaling), y = Σ xᵏ
        // exactly: every true coefficient is 1. Plain double QR leaves an error near
        // κ·1e-16 ≈ 1e-7; refinement in Float80 brings it to near κ·5e-20 (≈ 1e-11; the
        // rest of the way is the job of centring, done by the Regression layer).
        let xs = (10...20).map(Double.init)
        let a = Matrix(xs.map { x in (0...5).map { pow(x, Double($0)) } })
        let y = xs.map { x in (0...5).reduce(0.0) { $0 + pow(x, Double($1)) } }
        let plain = try LeastSquares.solve(a, y, refine: false)
        let refined = try LeastSquares.solve(a, y)
        let errPlain = plain.coefficients.map { abs($0 - 1) }.max()!
        let errRefined = refined.coefficients.map { abs($0 - 1) }.max()!
        #expect(errRefined < 1e-9, "refined error \(errRefined)")
        #expect(errPlain > 100 * errRefined, "plain \(errPlain) vs refined \(errRefined)")
        #expect(refined.refinementSteps >= 2)
    }
}

@Suite struct TwoColumnPathTests {
    @Test func closedFormAgreesWithPivotedQR() throws {
        // Uncentred years as the second column (κ ≈ 3e3 after column scaling): the
        // two-column path and QR (refine: false takes QR) must agree to double precision.
        let years = [2019.0, 2020, 2022, 2023, 2025]
        let a = Matrix(years.map { [1, $0 - 2000] })
        let y = [10.2, 11.1, 12.9, 13.4, 15.8]
        let fast = try LeastSquares.solve(a, y)
        let qr = try LeastSquares.solve(a, y, refine: false)
        #expect(fast.refinementSteps == 0)  // the closed form was used
        for k in 0..<2 {
            #expect(
                abs(fast.coefficients[k] - qr.coefficients[k]) <= 1e-12 * abs(qr.coefficients[k]))
        }
        for i in 0..<2 {
            for j in 0..<2 {
                #expect(
                    abs(Double(fast.inverseGram[i, j] - qr.inverseGram[i, j])) <= 1e-12
                        * abs(Double(qr.inverseGram[i, j])))
            }
        }
        // By hand: slope = Sxy / Sxx = 20.68 / 22.8 (x̄ = 2021.8).
        #expect(abs(fast.coefficients[1] - 20.68 / 22.8) < 1e-15)
    }

    @Test func illConditionedPairFallsBackToQR() throws {
        let a = Matrix((0..<5).map { [1, 1e6 + Double($0)] })  // κ ≈ 1e6 > 1e4
        let s = try LeastSquares.solve(a, [1, 2, 3, 4, 5])
        #expect(s.refinementSteps >= 1)
        #expect(abs(s.coefficients[1] - 1) < 1e-9)
    }
}

@Suite struct SingularValueTests {
    @Test func singularValuesOfAKnownMatrix() throws {
        // [[3, 0], [0, -4], [0, 0]]: singular values 4 and 3 (by hand), condition 4/3.
        let s = try SingularValues.of(Matrix([[3, 0], [0, -4], [0, 0]]))
        #expect(abs(s[0] - 4) < 1e-15 && abs(s[1] - 3) < 1e-15)
        #expect(
            abs(try SingularValues.conditionNumber(Matrix([[3, 0], [0, -4], [0, 0]])) - 4.0 / 3)
                < 1e-15)
    }

    @Test func rawDegreeTenVandermondeIsAsIllConditionedAsNumpySays() throws {
        // The Filip-like design of PolynomialAccuracyTests: numpy.linalg.cond = 1.12e15
        // (printed by scripts/make-polynomial-fixtures.py).
        let x = (0..<82).map { i in -9.0 + 6.0 * Double(i) / 81.0 }
        let a = Matrix(x.map { v in (0...10).map { pow(v, Double($0)) } })
        let c = try SingularValues.conditionNumber(a)
        #expect(c > 0.5e15 && c < 2.5e15, "condition \(c)")
    }
}

@Suite struct CompensatedResidualTests {
    @Test func cancellationBetweenHugeTermsLosesNothing() {
        // b − A x with A = [2⁷⁰, 1, −2⁷⁰], x = [1, 1, 1], b = 0: exactly −1. Plain
        // accumulation (64-bit significand) loses the 1 against 2⁷⁰ and returns 0.
        var a = ExtendedMatrix(rows: 1, columns: 3)
        a[0, 0] = 0x1p70; a[0, 1] = 1; a[0, 2] = -0x1p70
        let plain = 0 - a.multiply([1, 1, 1])[0]
        let compensated = a.compensatedResidual([0], x: [1, 1, 1])[0]
        #expect(compensated == -1)
        #expect(plain == 0)  // documents what the compensation is for
        #expect(a.compensatedMultiplyTransposed([1])[1] == 1)
    }
}
