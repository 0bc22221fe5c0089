import Forecasting
import Foundation
import Hummingbird
import PlanIO
import PlanModel
import Reports
import Spreadsheet

/// The workbench's routes. Pages (`/`, `/plans/<id>`), downloads (`/plans/<id>/report.html`
/// `.csv` `.md`, `/plans/<id>/sweep.csv`), the JSON API under `/api/plans`, and the two
/// assets. Nothing in a request's path or query names a file: plans and assets are looked up
/// in memory, scenario files through `ScenarioStore`.
struct WorkbenchRoutes: Sendable {
    let workspaces: [PlanWorkspace]
    let configuration: WorkbenchConfiguration
    let sweeps: SweepService
    let store: ScenarioStore
    let assets: WorkbenchAssets

    var limits: WorkbenchLimits { configuration.limits }
    /// Answers above this size (many charts) are not kept by `SweepService.answers`.
    static let largestStoredAnswer = 512 * 1024

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in
            HTTPReplies.html(
                PlanListPage.render(
                    workspaces: workspaces,
                    language: try language(request, default: workspaces.first)))
        }
        router.get("/assets/workbench.js") { _, _ in
            HTTPReplies.reply(assets.script, type: "text/javascript; charset=utf-8", cache: true)
        }
        router.get("/assets/workbench.css") { _, _ in
            HTTPReplies.reply(assets.stylesheet, type: "text/css; charset=utf-8", cache: true)
        }
        router.get("/plans/:id") { request, context in try dashboard(request, context) }
        router.get("/plans/:id/:file") { request, context in try await download(request, context) }
        router.post("/plans/:id/:file") { request, context in try await download(request, context) }

        router.get("/api/plans") { _, _ in
            try HTTPReplies.json(PlanListJSON(workspaces: workspaces))
        }
        router.get("/api/plans/:id/review") { request, context in
            let w = try workspace(context)
            let lang = try language(request, default: w)
            return try HTTPReplies.json(
                ReviewJSON(review: w.review, findings: w.findings, language: lang))
        }
        router.post("/api/plans/:id/review") { request, context in
            let w = try workspace(context)
            let lang = try language(request, default: w)
            let review = try await uploadedReview(request, w)
            let table = ReviewTableHTML.rows(review: review, language: lang)
            var json = ReviewJSON(
                review: review, findings: w.findings, language: lang, tableHTML: table)
            json.tableHTML =
                table + "<!--foot-->" + ReviewTableHTML.footnotes(review: review, language: lang)
            return try HTTPReplies.json(json)
        }
        router.post("/api/plans/:id/sweep") { request, context in
            let w = try workspace(context)
            let lang = try language(request, default: w)
            let body = try await HTTPReplies.body(request, limit: limits.jsonBodyBytes)
            let (samples, seed) = try sweepSize(request)
            let key = SweepAnswerKey(
                plan: w.id, body: body, samples: samples, seed: seed, language: lang.rawValue,
                charts: request.uri.queryParameters.get("charts") == "1")
            if let answer = sweeps.answers.value(for: key) {
                return HTTPReplies.reply(answer, type: HTTPReplies.jsonType)
            }
            let json = try HTTPReplies.decodeJSON(body)
            let reply = try await sweep(json, w, request: request, language: lang)
            var repeated = reply
            repeated.cached = true
            let encoded = try HTTPReplies.encoder.encode(repeated)
            if encoded.count <= Self.largestStoredAnswer { sweeps.answers.store(encoded, for: key) }
            return try HTTPReplies.json(reply)
        }
        router.post("/api/plans/:id/compare") { request, context in
            let w = try workspace(context)
            return try HTTPReplies.json(try await compare(request, w))
        }
        router.get("/api/plans/:id/scenarios") { _, context in
            let w = try workspace(context)
            return try HTTPReplies.json(["scenarios": store.list(plan: w.plan)])
        }
        router.get("/api/plans/:id/scenarios/:file") { _, context in
            let w = try workspace(context)
            let file = context.parameters.get("file") ?? ""
            if let builtIn = file.hasPrefix("builtin:")
                ? w.builtInScenario(named: String(file.dropFirst(8))) : nil
            {
                return try HTTPReplies.json(
                    LoadedScenarioJSON(file: nil, scenario: builtIn.json, yaml: builtIn.yaml))
            }
            let (scenario, name) = try store.load(file: file, plan: w.plan)
            let named = try PlanWorkspace.named(scenario, plan: w.plan)
            return try HTTPReplies.json(
                LoadedScenarioJSON(file: name, scenario: named.json, yaml: named.yaml))
        }
        router.post("/api/plans/:id/scenarios") { request, context in
            let w = try workspace(context)
            let json = try await HTTPReplies.jsonBody(request, limit: limits.jsonBodyBytes)
            let (scenario, yaml) = try ScenarioCodec.scenario(from: json, plan: w.plan)
            let overwrite = ["1", "true", "yes"].contains(
                request.uri.queryParameters.get("overwrite") ?? "")
            let file = try store.save(
                yaml: yaml, name: scenario.name, plan: w.plan, overwrite: overwrite)
            return try HTTPReplies.json(["file": file], status: .created)
        }
    }

    // MARK: Handlers

    func dashboard(_ request: Request, _ context: BasicRequestContext) throws -> Response {
        let w = try workspace(context)
        let lang = try language(request, default: w)
        var scenario = w.startScenario
        var problem: String?
        if let link = request.uri.queryParameters.get("what-if") {
            do {
                guard link.utf8.count <= limits.jsonBodyBytes else {
                    throw WorkbenchError(
                        status: .contentTooLarge, message: "the what-if link is too long")
                }
                let json = try JSONDecoder().decode(JSONValue.self, from: Data(link.utf8))
                let (s, _) = try ScenarioCodec.scenario(from: json, plan: w.plan)
                scenario = try PlanWorkspace.named(s, plan: w.plan)
            } catch {
                let message =
                    (error as? DecodingError).map { _ in "the link's scenario is not valid JSON" }
                    ?? WorkbenchError(error).message
                problem =
                    WorkbenchText(language: lang).t(
                        "Không đọc được kịch bản trong đường dẫn: ",
                        "The scenario in the link could not be read: ") + message
            }
        }
        let page = DashboardPage.render(
            .init(
                workspace: w, workspaces: workspaces, scenario: scenario, scenarioError: problem,
                language: lang, limits: limits, seed: 2026))
        return HTTPReplies.html(page)
    }

    func download(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let w = try workspace(context)
        let lang = try language(request, default: w)
        let file = context.parameters.get("file") ?? ""
        if file == "sweep.csv" {
            guard request.method == .post else {
                throw WorkbenchError(
                    status: .methodNotAllowed,
                    message: "POST the scenario as JSON to get its sweep as CSV")
            }
            let json = try await HTTPReplies.jsonBody(request, limit: limits.jsonBodyBytes)
            let (scenario, yaml) = try ScenarioCodec.scenario(from: json, plan: w.plan)
            let (samples, seed) = try sweepSize(request)
            let (outcome, _) = try await sweeps.run(
                plan: w.plan, scenario: scenario, yaml: yaml, samples: samples, seed: seed)
            let stem = ScenarioStore.fileStem(for: scenario.name) ?? "scenario"
            return HTTPReplies.attachment(
                Data(configuration.sweepCSV(outcome.result, outcome.model).utf8),
                fileName: "sweep-\(stem).csv", type: "text/csv; charset=utf-8")
        }
        let formats: [String: (ReportFormat, String)] = [
            "report.html": (.html, "text/html; charset=utf-8"),
            "report.csv": (.csv, "text/csv; charset=utf-8"),
            "report.md": (.markdown, "text/markdown; charset=utf-8")
        ]
        if file == "report.xlsx" {
            let review = request.method == .post ? try await uploadedReview(request, w) : w.review
            return HTTPReplies.attachment(
                try WorkbookWriter.data(ReviewWorkbook.sheets(review, language: lang)),
                fileName: "review-\(w.id).xlsx",
                type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
        guard let (format, type) = formats[file] else {
            throw WorkbenchError.notFound(
                "no download \"\(file)\"; try report.html, report.csv, report.md, report.xlsx or sweep.csv"
            )
        }
        let review = request.method == .post ? try await uploadedReview(request, w) : w.review
        return HTTPReplies.attachment(
            ReviewReport.data(review, format: format, language: lang),
            fileName: ReviewReport.defaultFileName(planId: w.id, format: format), type: type)
    }

    func uploadedReview(_ request: Request, _ w: PlanWorkspace) async throws -> Review {
        let data = try await HTTPReplies.body(request, limit: limits.uploadBytes)
        let given = request.uri.queryParameters.get("file") ?? "actuals.csv"
        // Shown in messages only (escaped there); never used as a path.
        let name = String(given.prefix(120)).isEmpty ? "actuals.csv" : String(given.prefix(120))
        return try w.review(uploaded: data, fileName: name)
    }

    func sweep(_ json: JSONValue, _ w: PlanWorkspace, request: Request, language: ReportLanguage)
        async throws -> SweepJSON
    {
        let (scenario, yaml) = try ScenarioCodec.scenario(from: json, plan: w.plan)
        let (samples, seed) = try sweepSize(request)
        let (outcome, cached) = try await sweeps.run(
            plan: w.plan, scenario: scenario, yaml: yaml, samples: samples, seed: seed)
        let charts = request.uri.queryParameters.get("charts") == "1"
        return SweepJSON(
            outcome: outcome, cached: cached, workspace: w, yaml: yaml, language: language,
            charts: charts)
    }

    func compare(_ request: Request, _ w: PlanWorkspace) async throws -> CompareJSON {
        let lang = try language(request, default: w)
        let body = try await HTTPReplies.jsonBody(request, limit: limits.jsonBodyBytes)
        guard case .array(let mine)? = body["scenarios"] else {
            throw WorkbenchError.badRequest(
                "expected {\"scenarios\": [scenario, …]} with up to \(limits.userScenarios) scenarios"
            )
        }
        guard mine.count <= limits.userScenarios else {
            throw WorkbenchError.badRequest(
                "\(mine.count) scenarios to compare; at most \(limits.userScenarios) of your own")
        }
        var columns: [ComparisonTableHTML.Column] = []
        for s in w.planScenarios {
            columns.append(
                .init(
                    name: s.scenario.name, json: s.json,
                    sweep: try await sweep(s.json, w, request: request, language: lang),
                    isUsers: false))
        }
        for json in mine {
            let reply = try await sweep(json, w, request: request, language: lang)
            columns.append(.init(name: reply.scenario, json: json, sweep: reply, isUsers: true))
        }
        let base = w.planScenarios.first { $0.scenario.name == "plan-mid" }?.json ?? .object([:])
        let html = ComparisonTableHTML.render(
            columns: columns, base: base, workspace: w, text: WorkbenchText(language: lang))
        return CompareJSON(scenarios: columns.map(\.name), html: html)
    }

    // MARK: Request values

    func workspace(_ context: BasicRequestContext) throws -> PlanWorkspace {
        let id = context.parameters.get("id") ?? ""
        guard let w = workspaces.first(where: { $0.id == id }) else {
            throw WorkbenchError.notFound(
                "no plan \"\(id)\"; plans served: \(workspaces.map(\.id).joined(separator: ", "))")
        }
        return w
    }

    func language(_ request: Request, default w: PlanWorkspace?) throws -> ReportLanguage {
        guard let given = request.uri.queryParameters.get("lang") else {
            return w.map { ReportLanguage.default(for: $0.plan) } ?? .vi
        }
        guard let lang = ReportLanguage(rawValue: String(given)) else {
            throw WorkbenchError.badRequest("lang: \"\(given)\"; expected vi or en")
        }
        return lang
    }

    /// `samples` (default `limits.defaultSamples`, at most `limits.maxSamples`) and `seed`.
    func sweepSize(_ request: Request) throws -> (Int, UInt64) {
        let q = request.uri.queryParameters
        var samples = limits.defaultSamples
        if let s = q.get("samples") {
            guard let n = Int(s) else {
                throw WorkbenchError.badRequest("samples: \"\(s)\" is not a whole number")
            }
            guard n >= 1 && n <= limits.maxSamples else {
                throw WorkbenchError.badRequest(
                    "samples: \(n) is outside 1…\(limits.maxSamples), the number of paths one request may ask for"
                )
            }
            samples = n
        }
        var seed: UInt64 = 2026
        if let s = q.get("seed") {
            guard let n = UInt64(s) else {
                throw WorkbenchError.badRequest("seed: \"\(s)\" is not a whole number ≥ 0")
            }
            seed = n
        }
        return (samples, seed)
    }
}

/// `GET /api/plans/<id>/scenarios/<file>`: a saved (or built-in) scenario for the controls.
struct LoadedScenarioJSON: Codable, Sendable {
    var file: String?
    var scenario: JSONValue
    var yaml: String
}

/// `POST /api/plans/<id>/compare`: the comparison table as HTML and its column names.
struct CompareJSON: Codable, Sendable {
    var scenarios: [String]
    var html: String
}
