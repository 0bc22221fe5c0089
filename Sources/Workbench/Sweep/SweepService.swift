import Foundation
import PlanModel
import Simulation

/// Runs the what-if sweeps: Monte Carlo over the scenario's distributions, percentiles
/// 5/25/50/75/95, no tornado or Sobol analysis (those are for `planforecast sweep`), over
/// stored common random numbers when they fit (`CommonDrawCache`, `CommonDrawSweep`: the
/// same result as the engine, without drawing again), on
/// worker threads outside the server's event loops, at most `limits.concurrentSweeps` at a
/// time, with identical requests answered from a cache (or, while one is running, by
/// waiting for it: `InFlightSweeps`). Results never depend on the
/// thread count (the engine's determinism), only the time does.
///
/// ```swift
/// let service = SweepService(limits: WorkbenchLimits(), threads: 2)
/// let outcome = try await service.run(plan: plan, scenario: s, yaml: yaml, samples: 20_000, seed: 2026)
/// outcome.result.targets.map(\.probability)
/// ```
final class SweepService: Sendable {
    static let percentiles: [Double] = [5, 25, 50, 75, 95]

    struct Outcome: Sendable {
        var result: SweepResult
        var model: SweepModel
        /// Seconds the engine took (0 for a cached answer's later uses is not recorded:
        /// this is the time of the run that produced it).
        var engineSeconds: Double
    }

    let limits: WorkbenchLimits
    let threads: Int
    let gate: SweepGate
    let cache: SweepCache<SweepKey, Outcome>
    /// Encoded answers (`cached: true`) by request bytes: a repeated request (a slider
    /// position tried before, by anyone) is answered without parsing, validating or
    /// encoding again.
    let answers: SweepCache<SweepAnswerKey, Data>
    let inFlight = InFlightSweeps<Outcome>()
    let draws: CommonDrawCache

    init(limits: WorkbenchLimits, threads: Int) {
        self.limits = limits
        self.threads = max(1, threads)
        gate = SweepGate(limit: limits.concurrentSweeps, queueLimit: limits.queuedSweeps)
        cache = SweepCache(capacity: limits.cachedSweeps)
        answers = SweepCache(capacity: limits.cachedSweeps)
        draws = CommonDrawCache(capacityBytes: limits.commonDrawBytes)
    }

    /// Sweeps `scenario` (whose canonical text is `yaml`); `cached` is true when the answer
    /// was computed for an earlier or concurrent identical request. Throws `WorkbenchError`
    /// for a sample count outside 1…maxSamples or a full queue, and the engine's errors.
    func run(plan: Plan, scenario: Scenario, yaml: String, samples: Int, seed: UInt64) async throws
        -> (Outcome, cached: Bool)
    {
        guard samples >= 1 && samples <= limits.maxSamples else {
            throw WorkbenchError.badRequest(
                "samples: \(samples) is outside 1…\(limits.maxSamples), the number of paths one request may ask for"
            )
        }
        let key = SweepKey(plan: plan.id, scenarioYAML: yaml, samples: samples, seed: seed)
        if let hit = cache.value(for: key) { return (hit, true) }
        let (task, joined) = await inFlight.task(for: key) { [self] in
            try await self.admitAndCompute(plan: plan, scenario: scenario, key: key)
        }
        do {
            let outcome = try await task.value
            if !joined { await inFlight.finished(key) }
            return (outcome, joined)
        } catch {
            if !joined { await inFlight.finished(key) }
            throw error
        }
    }

    /// Waits for a slot at the gate (503 when the queue is full), computes, caches.
    func admitAndCompute(plan: Plan, scenario: Scenario, key: SweepKey) async throws -> Outcome {
        guard await gate.enter() else {
            throw WorkbenchError(
                status: .serviceUnavailable,
                message:
                    "the workbench is busy (\(limits.queuedSweeps) sweeps waiting); try again in a moment"
            )
        }
        // Alone, a sweep uses every core (lower latency for one user); with others running
        // or waiting, one thread each (no oversubscription, more sweeps per second).
        let running = await gate.running, waiting = await gate.waiting
        let alone = running == 1 && waiting == 0
        do {
            let outcome = try await Self.compute(
                plan: plan, scenario: scenario, samples: key.samples, seed: key.seed,
                threads: alone ? threads : 1, draws: draws,
                inMemoryPathBytes: limits.inMemoryPathBytes
            )
            await gate.leave()
            cache.store(outcome, for: key)
            return outcome
        } catch {
            await gate.leave()
            throw error
        }
    }

    /// The sweep, on a GCD worker (it runs its own threads and blocks until done): over the
    /// stored draws when the draws fit in `draws` and the paths in `inMemoryPathBytes`,
    /// else the engine (same result either way; `CommonDrawSweep`).
    static func compute(
        plan: Plan, scenario: Scenario, samples: Int, seed: UInt64, threads: Int,
        draws: CommonDrawCache, inMemoryPathBytes: Int
    ) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                do {
                    let start = DispatchTime.now().uptimeNanoseconds
                    let model = try SweepModel(plan: plan, scenario: scenario)
                    var options = SweepOptions()
                    options.mode = .montecarlo
                    options.samples = samples
                    options.seed = seed
                    options.threads = threads
                    options.percentiles = percentiles
                    options.sobolSamples = 0
                    options.tornado = false
                    let result: SweepResult
                    if let shape = CommonDraws.Shape(model: model, options: options),
                        CommonDrawSweep.byteCount(model: model, samples: samples)
                            <= inMemoryPathBytes,
                        let stored = draws.draws(for: shape)
                    {
                        result = try CommonDrawSweep.run(
                            model: model, options: options, draws: stored)
                    } else {
                        result = try SweepEngine.run(model: model, options: options)
                    }
                    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                    continuation.resume(
                        returning: Outcome(result: result, model: model, engineSeconds: seconds))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
