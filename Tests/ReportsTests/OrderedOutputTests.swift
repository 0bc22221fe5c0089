import Foundation
import Testing
import TestSupport
@testable import Reports

/// `OrderedOutput`: plans written in index order whatever order they finish in, a
/// repeated plan id turned into a failure, and a failed write stopping the rest.
@Suite struct OrderedOutputTests {
    final class Collected: @unchecked Sendable {
        var text = ""
        var failAfter: Int?
        func write(_ data: Data) throws {
            if let failAfter, text.split(separator: "\n").count >= failAfter {
                throw CocoaError(.fileWriteOutOfSpace)
            }
            text += String(decoding: data, as: UTF8.self)
        }
    }

    static func rows(_ index: Int, id: String) -> OrderedOutput.Rows {
        OrderedOutput.Rows(folder: "f\(index)", planID: id, bytes: Data("\(id),\(index)\n".utf8))
    }

    @Test func anyFinishingOrderWritesInPlanOrder() throws {
        let seed: UInt64 = 77
        var generator = SeededGenerator(seed: seed)
        for round in 0..<200 {
            let count = Int.random(in: 1...12, using: &generator)
            let order = Array(0..<count).shuffled(using: &generator)
            let failing = Set((0..<count).filter { _ in Bool.random(using: &generator) })
            let sink = Collected()
            let output = OrderedOutput(count: count) { try sink.write($0) }
            for (step, index) in order.enumerated() {
                let outcome: Result<OrderedOutput.Rows, BatchFailure> =
                    failing.contains(index)
                    ? .failure(BatchFailure(folder: "f\(index)", message: "bad \(index)"))
                    : .success(Self.rows(index, id: "p\(index)"))
                #expect(output.store(outcome, at: index) == step + 1)
            }
            try output.finish()
            let expected = (0..<count).filter { !failing.contains($0) }.map { "p\($0),\($0)\n" }
                .joined()
            #expect(sink.text == expected, "seed \(seed), round \(round), order \(order)")
            #expect(output.outcomes.allSatisfy { $0 != nil })
        }
    }

    @Test func aRepeatedIdIsAFailureAndItsRowsAreNotWritten() throws {
        let sink = Collected()
        let output = OrderedOutput(count: 3) { try sink.write($0) }
        _ = output.store(.success(Self.rows(2, id: "a")), at: 2)
        _ = output.store(.success(Self.rows(1, id: "b")), at: 1)
        _ = output.store(.success(Self.rows(0, id: "a")), at: 0)
        #expect(sink.text == "a,0\nb,1\n")
        guard case .failure(let failure)? = output.outcomes[2] else {
            Issue.record("plan 2 should have failed")
            return
        }
        #expect(failure.message.contains("[id]: found \"a\", already the id of the plan in f0"))
    }

    @Test func aFailedWriteStopsTheRestAndIsRethrown() {
        let sink = Collected()
        sink.failAfter = 1
        let output = OrderedOutput(count: 3) { try sink.write($0) }
        _ = output.store(.success(Self.rows(0, id: "a")), at: 0)
        #expect(!output.failed)
        _ = output.store(.success(Self.rows(1, id: "b")), at: 1)
        #expect(output.failed)
        _ = output.store(.success(Self.rows(2, id: "c")), at: 2)
        #expect(sink.text == "a,0\n")
        #expect(throws: CocoaError.self) { try output.finish() }
    }
}
