import Foundation
import PlanIO

/// The long CSV of `BatchSweep`, written in plan order while workers finish in any order.
///
/// Each worker stores its plan's outcome; every plan whose predecessors are all stored is
/// then handed to `write` (under the lock, so writes never interleave) and its rows are
/// dropped, so memory holds only the plans finished ahead of a slower one. A plan whose id
/// an earlier plan already had becomes a failure before its rows are written (plan ids
/// name the rows). After `write` throws, nothing more is written and `failed` tells the
/// workers to stop; `finish` rethrows the error.
final class OrderedOutput: @unchecked Sendable {
    /// A plan's rendered rows.
    struct Rows {
        var folder: String
        var planID: String
        var bytes: Data
        var notes: [String] = []
    }

    private let lock = NSLock()
    private let write: (Data) throws -> Void
    /// Outcomes by plan index, nil until the plan is written or has failed.
    private var stored: [Result<BatchSweep.Swept, BatchFailure>?]
    /// Rendered rows waiting for an earlier plan.
    private var pending: [Int: Rows] = [:]
    private var nextToWrite = 0
    private var done = 0
    private var firstFolder: [String: String] = [:]
    private var writeError: (any Error)?

    init(count: Int, write: @escaping (Data) throws -> Void) {
        stored = Array(repeating: nil, count: count)
        self.write = write
    }

    /// True once a write has failed: workers skip the plans not started.
    var failed: Bool { lock.withLock { writeError != nil } }

    var outcomes: [Result<BatchSweep.Swept, BatchFailure>?] { lock.withLock { stored } }

    func writeHeader(_ data: Data) throws { try lock.withLock { try write(data) } }

    /// Stores plan `index`'s outcome and writes every plan now ready; returns how many
    /// plans are stored so far.
    func store(_ outcome: Result<Rows, BatchFailure>, at index: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        switch outcome {
        case .success(let rows): pending[index] = rows
        case .failure(let failure): stored[index] = .failure(failure)
        }
        done += 1
        while nextToWrite < stored.count {
            if stored[nextToWrite] == nil {
                guard let rows = pending.removeValue(forKey: nextToWrite) else { break }
                stored[nextToWrite] = emit(rows)
            }
            nextToWrite += 1
        }
        return done
    }

    /// Writes one plan's rows, or turns a repeated id into a failure; under the lock.
    private func emit(_ rows: Rows) -> Result<BatchSweep.Swept, BatchFailure> {
        if let other = firstFolder[rows.planID] {
            return .failure(
                .duplicateID(folder: rows.folder, planID: rows.planID, firstFolder: other))
        }
        firstFolder[rows.planID] = rows.folder
        if writeError == nil {
            do { try write(rows.bytes) } catch { writeError = error }
        }
        return .success(
            BatchSweep.Swept(folder: rows.folder, planID: rows.planID, notes: rows.notes))
    }

    /// Rethrows the first write error.
    func finish() throws {
        if let writeError = lock.withLock({ writeError }) { throw writeError }
    }
}
