import Dispatch
import Forecasting
import Foundation
import PlanIO
import PlanModel
import Spreadsheet

/// What a batch review keeps of one plan: enough for the summaries, the roll-up and the
/// dashboard, without the fits and charts (3,321 plans must fit in memory).
public struct BatchPlanResult: Sendable {
    public struct TargetVerdict: Sendable, Hashable {
        public var target: String
        public var indicator: String
        public var status: TargetStatus
    }

    /// One indicator's baseline and latest actual, for the roll-up.
    public struct IndicatorValues: Sendable, Hashable {
        public var indicator: String
        public var name: String
        public var unit: String
        /// `BatchSummary.isAdditive`: summed in the roll-up.
        public var additive: Bool
        public var baseline: Double?
        public var latestYear: Int?
        public var latest: Double?
    }

    public var folder: String
    public var planID: String
    public var name: String
    public var province: String
    public var group: String
    public var asOf: Int
    /// The language of the plan's outputs (`--lang`, else the plan's own).
    public var language: ReportLanguage
    public var illustrative: Bool
    public var verdicts: [TargetVerdict]
    public var values: [IndicatorValues]
    public var sentence: ReviewSummarySentence
    /// The plan's rows of the review CSV (no header), when the batch asked for them.
    public var csvRows: String
    /// File name of the plan's HTML page, when the batch wrote one.
    public var page: String?

    public func count(_ status: TargetStatus) -> Int {
        verdicts.filter { $0.status == status }.count
    }
}

/// A plan folder that could not be reviewed, with the reader's message (file, line,
/// field and what was expected).
public struct BatchFailure: Sendable, Hashable {
    public var folder: String
    public var message: String
}

/// `review --plans DIR`: every plan folder under a directory reviewed in one process, in
/// parallel (`DispatchQueue.concurrentPerform`), each against its own actuals
/// (`actuals.csv`, else `actuals-example.csv`). A plan that fails to load is recorded with
/// its error and the others go on; so is a plan whose id another plan of the batch
/// already has (ids name the output rows and the plan pages).
///
/// ```swift
/// let batch = try BatchReview.run(directory: "communes", options: .init())
/// batch.failures.map(\.message)          // ["communes/x/targets.csv:7 [kind]: found …"]
/// BatchSummary(batch).byIndicator        // plans at risk per target group
/// ```
public struct BatchReview: Sendable {
    public struct Options: Sendable {
        public var recursive = false
        public var review = ReviewEngine.Options()
        public var decimalMark: DecimalMark? = nil
        public var language: ReportLanguage?
        /// Keep each plan's CSV rows (`BatchPlanResult.csvRows`).
        public var csv = false
        /// Write each plan's HTML report into this folder (`BatchPlanResult.page`).
        public var pagesDirectory: String?
        public init() {}
    }

    /// Reviewed plans in folder order.
    public var plans: [BatchPlanResult]
    public var failures: [BatchFailure]
    /// Total number of plan folders found.
    public var folderCount: Int { plans.count + failures.count }

    public init(plans: [BatchPlanResult], failures: [BatchFailure]) {
        self.plans = plans; self.failures = failures
    }

    /// Reviews every plan folder under `directory`. `progress(done, total)` is called after
    /// each plan (from worker threads, one call at a time).
    public static func run(
        directory: String, options: Options, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> BatchReview {
        let folders = try PlanFolderDiscovery.folders(in: directory, recursive: options.recursive)
        if let pages = options.pagesDirectory {
            do {
                try FileManager.default.createDirectory(
                    atPath: pages, withIntermediateDirectories: true)
            } catch {
                throw InputError.io(
                    path: pages, reason: "cannot create the folder (\(error.localizedDescription))")
            }
        }
        let slots = ResultSlots(count: folders.count)
        DispatchQueue.concurrentPerform(iterations: folders.count) { index in
            let outcome: Result<BatchPlanResult, BatchFailure>
            do {
                outcome = .success(try reviewOne(folder: folders[index], options: options))
            } catch {
                outcome = .failure(
                    BatchFailure(folder: folders[index], message: String(describing: error)))
            }
            let done = slots.store(outcome, at: index)
            progress?(done, folders.count)
        }
        var plans: [BatchPlanResult] = []
        var failures: [BatchFailure] = []
        var firstFolder: [String: String] = [:]
        for outcome in slots.results {
            switch outcome {
            case .success(let plan)?:
                // Plan ids name the rows of every output and the plan pages: a second plan
                // with the same id is an error, not a silent overwrite.
                if let other = firstFolder[plan.planID] {
                    failures.append(
                        .duplicateID(folder: plan.folder, planID: plan.planID, firstFolder: other))
                } else {
                    firstFolder[plan.planID] = plan.folder
                    plans.append(plan)
                }
            case .failure(let failure)?: failures.append(failure)
            case nil: break
            }
        }
        return BatchReview(plans: plans, failures: failures)
    }

    /// Loads, reviews and summarises one plan folder.
    static func reviewOne(folder: String, options: Options) throws -> BatchPlanResult {
        // Each table a CSV file or a workbook (`targets.xlsx`; docs/office-formats.md).
        let plan = try PlanLoader.load(directory: folder, tables: .csvOrWorkbook)
        guard let actualsPath = try PlanLoader.actualsPath(directory: folder) else {
            throw InputError.io(
                path: (folder as NSString).appendingPathComponent("actuals.csv"),
                reason:
                    "no actuals file (actuals.csv, actuals.xlsx or actuals-example.csv) in the plan folder"
            )
        }
        let actuals = try ActualsInput.read(
            path: actualsPath, plan: plan, decimalMark: options.decimalMark)
        var reviewOptions = options.review
        reviewOptions.charts = options.pagesDirectory != nil
        if let asOf = reviewOptions.asOf, asOf <= plan.baselineYear || asOf > plan.lastYear {
            throw InputError.usage(
                "--as-of \(asOf): expected a year from \(plan.baselineYear + 1) to \(plan.lastYear) for the plan in \(folder)"
            )
        }
        let review = ReviewEngine.review(
            plan: plan, actuals: actuals, options: reviewOptions, actualsSource: actualsPath)
        let language = options.language ?? ReportLanguage.default(for: plan)
        var page: String?
        if let pages = options.pagesDirectory {
            let name = ReviewReport.defaultFileName(
                planId: BatchNames.fileSafe(plan.id), format: .html)
            try AtomicFile.write(
                ReviewReport.data(review, format: .html, language: language),
                to: (pages as NSString).appendingPathComponent(name))
            page = name
        }
        var csvRows = ""
        if options.csv {
            let text = ReviewReport.render(review, format: .csv, language: language)
            csvRows = text.firstIndex(of: "\n").map { String(text[text.index(after: $0)...]) } ?? ""
        }
        let latestByIndicator = Dictionary(
            grouping: actuals.filter { $0.year <= review.asOf }, by: \.indicator
        ).mapValues { $0.max { $0.year < $1.year }! }
        let values = plan.indicators.filter { $0.measure != .qualitative }.map { indicator in
            BatchPlanResult.IndicatorValues(
                indicator: indicator.id,
                name: language == .vi || indicator.nameEn.isEmpty
                    ? indicator.nameVi : indicator.nameEn,
                unit: indicator.unit, additive: BatchSummary.isAdditive(indicator),
                baseline: plan.baselineValue(of: indicator.id),
                latestYear: latestByIndicator[indicator.id]?.year,
                latest: latestByIndicator[indicator.id]?.value)
        }
        return BatchPlanResult(
            folder: folder, planID: plan.id,
            name: language == .vi || plan.nameEn.isEmpty ? plan.nameVi : plan.nameEn,
            province: plan.province, group: plan.group, asOf: review.asOf, language: language,
            illustrative: review.usesIllustrative,
            verdicts: review.assessments.map {
                .init(target: $0.target.id, indicator: $0.target.indicator, status: $0.status)
            },
            values: values, sentence: ReviewSummarySentence(review: review), csvRows: csvRows,
            page: page)
    }
}

/// Results written by worker threads into their own slots, under a lock.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<BatchPlanResult, BatchFailure>?]
    private var done = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Stores one result; returns how many are stored so far.
    func store(_ result: Result<BatchPlanResult, BatchFailure>, at index: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        slots[index] = result
        done += 1
        return done
    }

    var results: [Result<BatchPlanResult, BatchFailure>?] {
        lock.lock(); defer { lock.unlock() }
        return slots
    }
}

extension BatchFailure: Error {
    /// A plan whose id an earlier plan of the batch already has (plan ids name the rows of
    /// every output and the plan pages).
    static func duplicateID(folder: String, planID: String, firstFolder: String) -> BatchFailure {
        BatchFailure(
            folder: folder,
            message:
                "\((folder as NSString).appendingPathComponent("plan.yaml")) [id]: found \"\(planID)\", already the id of the plan in \(firstFolder); expected an id used by one plan only"
        )
    }
}

/// File names derived from plan ids.
enum BatchNames {
    /// Letters, digits, `-`, `_` and `.` kept; anything else becomes `_`.
    static func fileSafe(_ id: String) -> String {
        String(
            id.unicodeScalars.map {
                CharacterSet.alphanumerics.contains($0) && $0.isASCII
                    || "-_.".unicodeScalars.contains($0) ? Character($0) : "_"
            })
    }
}
