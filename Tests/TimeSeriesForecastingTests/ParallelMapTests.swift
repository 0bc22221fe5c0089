import Testing
@testable import TimeSeriesForecasting

struct ParallelMapTests {
    @Test func keepsIndexOrder() {
        for count in [0, 1, 63, 64, 1000, 12345] {
            #expect(
                ParallelMap.map(count, minimumChunk: 8) { $0 * 3 } == (0..<count).map { $0 * 3 },
                "count \(count)")
        }
    }
}
