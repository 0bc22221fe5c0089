import Foundation
import Testing
import TestSupport
@testable import Workbench

@Suite struct SweepGateTests {
    /// Invariant: never more than `limit` inside, whatever the interleaving (checked over
    /// seeded random work lengths).
    @Test func neverMoreThanTheLimitInside() async throws {
        for seed in UInt64(1)...5 {
            var g = SeededGenerator(seed: seed)
            let limit = Int.random(in: 1...3, using: &g)
            let gate = SweepGate(limit: limit, queueLimit: 100)
            let counter = Counter()
            let delays = (0..<24).map { _ in UInt64.random(in: 0...2_000_000, using: &g) }
            await withTaskGroup(of: Void.self) { group in
                for d in delays {
                    group.addTask {
                        guard await gate.enter() else { return }
                        await counter.enter()
                        try? await Task.sleep(nanoseconds: d)
                        await counter.leave()
                        await gate.leave()
                    }
                }
            }
            let (maxInside, total) = await counter.result
            #expect(maxInside <= limit, "seed \(seed)")
            #expect(total == 24, "seed \(seed)")
            let running = await gate.running
            #expect(running == 0, "seed \(seed)")
        }
    }

    @Test func aFullQueueRefusesAtOnce() async throws {
        let gate = SweepGate(limit: 1, queueLimit: 0)
        let first = await gate.enter(), second = await gate.enter()
        #expect(first && !second)
        await gate.leave()
        let third = await gate.enter()
        #expect(third)
        await gate.leave()
    }

    @Test func cacheKeepsTheMostRecentlyUsed() {
        let cache = SweepCache<SweepKey, Int>(capacity: 2)
        func key(_ s: String) -> SweepKey {
            SweepKey(plan: "p", scenarioYAML: s, samples: 1, seed: 1)
        }
        cache.store(1, for: key("a"))
        cache.store(2, for: key("b"))
        #expect(cache.value(for: key("a")) == 1)  // a is now the most recent
        cache.store(3, for: key("c"))  // evicts b
        #expect(cache.value(for: key("b")) == nil)
        #expect(cache.value(for: key("a")) == 1)
        #expect(cache.value(for: key("c")) == 3)
        #expect(cache.count == 2)
    }
}

actor Counter {
    var inside = 0, maxInside = 0, total = 0
    func enter() { inside += 1; total += 1; maxInside = max(maxInside, inside) }
    func leave() { inside -= 1 }
    var result: (Int, Int) { (maxInside, total) }
}

@Suite struct InFlightSweepsTests {
    /// Identical requests that overlap share one computation; a later one starts anew.
    @Test func overlappingIdenticalRequestsComputeOnce() async throws {
        let inFlight = InFlightSweeps<Int>()
        let counter = Counter()
        let key = SweepKey(plan: "p", scenarioYAML: "x", samples: 1, seed: 1)
        let results = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for _ in 0..<10 {
                group.addTask {
                    let (task, joined) = await inFlight.task(for: key) {
                        await counter.enter()
                        try await Task.sleep(nanoseconds: 50_000_000)
                        await counter.leave()
                        return 42
                    }
                    return (try await task.value, joined)
                }
            }
            var out: [(Int, Bool)] = []
            for try await r in group { out.append(r) }
            return out
        }
        #expect(results.allSatisfy { $0.0 == 42 })
        #expect(results.filter { !$0.1 }.count == 1)
        let (_, computed) = await counter.result
        #expect(computed == 1)
        await inFlight.finished(key)
        let left = await inFlight.count
        #expect(left == 0)
    }
}
