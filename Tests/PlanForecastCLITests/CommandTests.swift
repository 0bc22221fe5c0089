import Testing
@testable import PlanForecastCLI

@Suite struct CommandParsing {
    @Test func rootCommandHasAName() {
        #expect(PlanForecastCommand.configuration.commandName == "planforecast")
    }
}
