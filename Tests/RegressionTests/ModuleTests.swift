import Testing
@testable import Regression
@Suite struct RegressionModuleLoads { @Test func loads() { #expect(String(describing: RegressionModule.self) == "RegressionModule") } }
