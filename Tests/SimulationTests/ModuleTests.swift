import Testing
@testable import Simulation
@Suite struct SimulationModuleLoads { @Test func loads() { #expect(String(describing: SimulationModule.self) == "SimulationModule") } }
