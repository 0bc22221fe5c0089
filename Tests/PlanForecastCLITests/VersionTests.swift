import Foundation
import Testing

/// `planforecast --version`: the release and what this build's least squares promise.
@Suite struct VersionTests {
    @Test func versionNamesTheReleaseAndThePrecision() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0)
        let line = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.hasPrefix("planforecast "))
        #if arch(x86_64) || arch(i386)
            #expect(line.contains("Float80") && line.contains("13.4"))
        #else
            #expect(line.contains("Double") && line.contains("10 digits"))
        #endif
    }

    @Test func completionScriptsAreGenerated() throws {
        let r = try CLI.run(["--generate-completion-script", "bash"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("_planforecast"))
        #expect(r.stdout.contains("review"))
    }
}
