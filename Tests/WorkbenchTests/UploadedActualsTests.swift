import Foundation
import HTTPTypes
import PlanIO
import PlanModel
import Spreadsheet
import Testing

@testable import Workbench

/// Actuals uploaded as .xlsx: read by the command line's reader (`ActualsInput`, as
/// `planforecast review --actuals FILE.xlsx` reads them), errors naming the uploaded file,
/// sheet and cell; the review downloadable as .xlsx.
@Suite struct UploadedActualsTests {
    /// A workbook with an `actuals` sheet holding `rows` (indicator, year, value).
    static func workbook(_ rows: [(String, Double, OutputCell)]) throws -> Data {
        var sheet = OutputSheet(name: "actuals", header: ["indicator", "year", "value"])
        sheet.rows = rows.map { [.text($0.0), .number($0.1), $0.2] }
        return try WorkbookWriter.data([sheet])
    }

    /// What the command line prints for `data` saved as `name` (run in a fresh folder, the
    /// path then replaced by the name, as a planner passing `--actuals name` would see it).
    static func commandLineMessage(_ data: Data, name: String) throws -> String {
        let plan = try PlanLoader.load(directory: nil)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "upload-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        do {
            _ = try ActualsInput.read(path: path, plan: plan)
            return ""
        } catch {
            return "\(error)".replacingOccurrences(of: path, with: name)
        }
    }

    @Test func aGoodWorkbookReplacesTheReview() async throws {
        let data = try Self.workbook([
            ("gpv_industry", 2026, .number(650)), ("gpv_industry", 2027, .number(720))
        ])
        try await WorkbenchFixture().with { c in
            let r = try await c.send(
                .post, "/api/plans/an-hung/review?file=mine.xlsx&lang=en", bytes: data)
            #expect(r.status == .ok, "\(r.text)")
            #expect(r.object["actuals"] as? String == "mine.xlsx")
            let rows = r.object["targets"] as? [[String: Any]] ?? []
            let t02b = rows.first { $0["id"] as? String == "T02b" }
            #expect(t02b?["latest"] as? Double == 720)
            #expect(t02b?["latest_year"] as? Int == 2027)
        }
    }

    /// A text where a number belongs: the message names the uploaded file, the sheet and
    /// the cell, word for word the command line's.
    @Test func aMalformedWorkbookGivesTheCommandLinesMessage() async throws {
        let data = try Self.workbook([
            ("gpv_industry", 2026, .number(650)), ("gpv_industry", 2027, .text("abc"))
        ])
        let cli = try Self.commandLineMessage(data, name: "bad.xlsx")
        #expect(cli.hasPrefix("bad.xlsx"), "\(cli)")
        #expect(cli.contains("C3"), "\(cli)")
        try await WorkbenchFixture().with { c in
            let r = try await c.send(.post, "/api/plans/an-hung/review?file=bad.xlsx", bytes: data)
            #expect(r.status == .unprocessableContent)
            #expect(r.object["error"] as? String == cli)
            #expect(!(r.object["error"] as? String ?? "").contains("planforecast-upload-"))
        }
    }

    /// Not a workbook although named one (or a zip that is not): the reader's message.
    @Test func aBrokenWorkbookIsRefusedWithAMessage() async throws {
        let junk = Data("PK\u{3}\u{4}not really a zip".utf8)
        let cli = try Self.commandLineMessage(junk, name: "broken.xlsx")
        #expect(cli.hasPrefix("broken.xlsx"), "\(cli)")
        try await WorkbenchFixture().with { c in
            let r = try await c.send(
                .post, "/api/plans/an-hung/review?file=broken.xlsx", bytes: junk)
            #expect(r.status.code >= 400 && r.status.code < 500)
            #expect(r.object["error"] as? String == cli)
        }
    }

    /// The review as a workbook, for the example actuals (GET) and an upload (POST): our
    /// reader opens it and finds the review sheet's target ids.
    @Test func theReviewDownloadsAsAWorkbook() async throws {
        let upload = try Self.workbook([("gpv_industry", 2026, .number(650))])
        try await WorkbenchFixture().with { c in
            for (method, bytes) in [(HTTPRequest.Method.get, Data?.none), (.post, upload)] {
                let r = try await c.send(
                    method, "/plans/an-hung/report.xlsx?lang=en&file=mine.xlsx", bytes: bytes)
                #expect(r.status == .ok)
                #expect(r.headers[.contentDisposition]?.contains("review-an-hung.xlsx") == true)
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "download-test-\(UUID().uuidString)")
                try FileManager.default.createDirectory(
                    at: folder, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: folder) }
                let path = folder.appendingPathComponent("review.xlsx").path
                try r.data.write(to: URL(fileURLWithPath: path))
                var book = try Workbook(path: path)
                #expect(!book.sheetNames.isEmpty)
                let first = try book.sheet(.first)
                #expect(first.rows.count > 5)
            }
        }
    }
}
