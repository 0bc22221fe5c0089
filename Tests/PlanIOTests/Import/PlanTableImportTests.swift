import Foundation
import Testing
import PlanModel
@testable import PlanIO

/// Paths of the test fixtures (copied into the test bundle).
enum Fixture {
    static var root: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures") }
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static var anHungDocument: String { path("import/ke-hoach-an-hung-2026-2030.txt") }
    /// The hand-made An Hưng targets (Notebooks-data/plans/an-hung/targets.csv).
    static func anHungHandMadeTargets() throws -> [Target] {
        let dir = PlanLoader.embeddedPlanDirectory
        return try TargetsFile.read(
            path: dir + "/targets.csv",
            indicators: IndicatorsFile.read(path: dir + "/indicators.csv"))
    }
}

/// Imports `text` as a document (tab-separated table inside text) or a CSV.
func importTable(_ text: String, name: String = "table.txt") throws -> PlanTableImport.Result {
    try PlanTableImport.importData(Data(text.utf8), fileName: name)
}

@Suite struct AnHungImport {
    let imported: PlanTableImport.Result
    let handMade: [Target]

    init() throws {
        imported = try PlanTableImport.importFile(atPath: Fixture.anHungDocument)
        handMade = try Fixture.anHungHandMadeTargets()
    }

    @Test func everyRowOfPhuLucIIsATargetOrAHeading() {
        // 16 numbered rows and 18 continuation rows = 34 rows; rows 3 and 6 only head the
        // rows below them (no value), so 32 targets and nothing unclassified.
        #expect(imported.targets.count == 32)
        #expect(imported.unclassified.isEmpty, "\(imported.unclassified)")
        let headings = imported.findings.filter { $0.kind == .heading }
        #expect(headings.map(\.number) == ["3", "6"])
        #expect(imported.period == 2026...2030)
        #expect(imported.appendix == "PL I")
        #expect(imported.headerLine == 275)
    }

    @Test func groupHeadersAreSkippedAndContinuationRowsInheritTheNumber() {
        let refs = imported.targets.map(\.appendixRow)
        #expect(refs.prefix(5) == ["PL I.1", "PL I.2", "PL I.2.1", "PL I.2.2", "PL I.2.3"])
        #expect(!imported.targets.contains { $0.nameVi.contains("Nhóm chỉ tiêu") })
        // The row after the blank line inside the table continues row 9.
        let hall = imported.targets.first {
            $0.appendixNameVi.hasPrefix("Đến năm 2030, có ít nhất một nhà đa năng")
        }
        #expect(hall?.appendixRow == "PL I.9.1")
        #expect(hall?.low == 1)  // "01"
        #expect(hall?.unit == "Nhà")
    }

    @Test func incomeRowsShareTheHeadingsIndicator() {
        let income = imported.targets.filter { $0.appendixRow.hasPrefix("PL I.6.") }
        #expect(income.map(\.id) == ["A06.1", "A06.2"])
        #expect(income.map(\.indicator) == ["a06", "a06"])
        #expect(income.map(\.kind) == [.growth, .level])
        #expect(income[0].low == 0.07)  // 7 %/năm held as a fraction
        #expect(income[1].low == 120)
        #expect(income[1].nameVi == "Thu nhập đầu người tăng bình quân - Đến năm 2030")
    }

    /// Where the hand-made file knows more than Phụ lục I (it reads section II.1 too), the
    /// import cannot agree. Each difference, and why:
    static let knownDifferences: [String: [String: String]] = [
        // II.1 (3) is a target with a blank figure; in Phụ lục I row 3 only heads 3.1 and 3.2.
        "PL I.3": ["*": "heading only"],
        // II.1 says "Hàng năm"/"Hằng năm"/"Duy trì" (every year); the appendix row does not.
        "PL I.4": ["kind": "maintained"], "PL I.8.2": ["kind": "maintained"],
        "PL I.13": ["kind": "maintained"], "PL I.13.1": ["kind": "maintained"],
        "PL I.14.1": ["kind": "maintained"], "PL I.15": ["kind": "maintained"],
        "PL I.16": ["kind": "maintained"],
        // II.1 says "97% trở lên" / "90% trở lên" (≥); Phụ lục I says "> 97" / "> 90".
        "PL I.10": ["comparator": ">="],
        "PL I.14": ["kind": "maintained", "comparator": ">="]
    ]

    @Test func matchesTheHandMadeTargetsFieldByField() throws {
        let byRow = Dictionary(
            imported.targets.map { ($0.appendixRow, $0) }, uniquingKeysWith: { a, _ in a })
        var compared = 0
        for h in handMade where !h.appendixRow.isEmpty {
            let known = Self.knownDifferences[h.appendixRow] ?? [:]
            guard let t = byRow[h.appendixRow] else {
                #expect(known["*"] != nil, "hand-made \(h.id) (\(h.appendixRow)) not imported")
                continue
            }
            compared += 1
            let ctx = "\(h.id) / \(t.id) \(h.appendixRow)"
            // The appendix's own text, unit and value, exactly as written.
            #expect(t.appendixNameVi == h.appendixNameVi, "\(ctx)")
            #expect(t.appendixUnit == h.appendixUnit, "\(ctx)")
            #expect(t.appendixValue == h.appendixValue, "\(ctx)")
            // What the appendix determines.
            if known["kind"] == nil {
                #expect(t.kind == h.kind, "\(ctx)")
            } else {
                #expect(h.kind.rawValue == known["kind"])
            }
            if known["comparator"] == nil {
                #expect(t.comparator == h.comparator, "\(ctx)")
            } else {
                #expect(h.comparator.rawValue == known["comparator"])
            }
            #expect(t.low == h.low, "\(ctx)")
            #expect(t.high == h.high, "\(ctx)")
            #expect(t.responsibleUnit == h.responsibleUnit, "\(ctx)")
            #expect(t.direction == h.direction, "\(ctx)")
            #expect(t.startYear == h.startYear && t.targetYear == h.targetYear, "\(ctx)")
            if h.kind == .growth { #expect(t.unit == h.unit, "\(ctx)") }  // %/năm
        }
        // Every imported row is in the hand-made file, and all 32 were compared.
        #expect(compared == 32)
        #expect(
            Set(imported.targets.map(\.appendixRow)).isSubset(of: Set(handMade.map(\.appendixRow))))
    }

    @Test func theTargetsFileItWritesReadsBack() throws {
        let csv = PlanTableImport.targetsCSV(imported.targets)
        let table = try CSVTable.parse(text: csv, file: "targets.csv")
        #expect(table.header == TargetsFile.columns)
        #expect(table.rows.count == 32)
        let row2 = table.rowAccessors[1]
        #expect(row2["id"] == "A02" && row2["kind"] == "growth" && row2["comparator"] == "range")
        #expect(row2["value_low"] == "12" && row2["value_high"] == "14" && row2["unit"] == "%/năm")
        let row21 = table.rowAccessors[2]
        #expect(row21["value_low"] == "1.5" && row21["value_high"] == "2")
        let qualitative = table.rowAccessors.first { $0["id"] == "A12" }!
        #expect(
            qualitative["comparator"] == "" && qualitative["value_low"] == ""
                && qualitative["kind"] == "qualitative")
    }
}

@Suite struct SpreadsheetExports {
    func signature(_ r: PlanTableImport.Result) -> [String] {
        r.targets.map { t in
            [
                t.id, t.indicator, t.appendixRow, t.nameVi, t.unit, t.kind.rawValue,
                t.comparator.rawValue,
                "\(t.low ?? -1)", "\(t.high ?? -1)", "\(t.targetYear)", t.direction.rawValue,
                t.responsibleUnit,
                t.appendixNameVi, t.appendixUnit, t.appendixValue
            ].joined(separator: "|")
        }
    }

    @Test(arguments: [
        "import/phu-luc-1-excel.csv", "import/phu-luc-1-quoted.csv", "import/phu-luc-1-unicode.tsv"
    ])
    func sameTargetsAsTheDocument(_ file: String) throws {
        let doc = try PlanTableImport.importFile(atPath: Fixture.anHungDocument)
        let sheet = try PlanTableImport.importFile(atPath: Fixture.path(file))
        #expect(sheet.unclassified.isEmpty, "\(sheet.unclassified)")
        #expect(signature(sheet) == signature(doc))
    }

    @Test func semicolonExportIsDetected() throws {
        let r = try PlanTableImport.importFile(atPath: Fixture.path("import/phu-luc-1-excel.csv"))
        #expect(r.delimiter == ";")
        #expect(r.headerLine == 2)  // a title row above the header
    }

    @Test func quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() throws {
        let csv = """
            STT,Chỉ tiêu,ĐVT,Mục tiêu 2026-2030,Đơn vị chủ trì
            1,"Tỷ lệ ""hộ nghèo"", đa chiều",%,< 3,"Phòng
            Kinh tế"
            2,Số hộ,hộ,1.500,
            """
        let r = try importTable(csv, name: "t.csv")
        #expect(r.targets.count == 2)
        #expect(r.targets[0].nameVi == "Tỷ lệ \"hộ nghèo\", đa chiều")
        #expect(r.targets[0].responsibleUnit == "Phòng\nKinh tế")
        #expect(r.targets[1].low == 1500)  // a count: dots group thousands
        #expect(r.targets[1].responsibleUnit == "Phòng\nKinh tế")  // merged cell carried down
    }
}

@Suite struct ImportFindings {
    let header = "STT\tNội dung chỉ tiêu\tĐơn vị tính\tKế hoạch 2026 - 2030\tĐơn vị tham mưu\n"

    @Test func rowsThatCannotBeClassifiedAreReportedWithTheReason() throws {
        let text =
            header + """
                1\tTỷ lệ A\t%\t\tPhòng X
                2\tGiá trị B\ttriệu đồng\t1.500\t
                3\tTỷ lệ C\t%\t14-12\t
                4\tTỷ lệ D\t%\tNaN\t
                5\tSố DN\tDN\t5%\t
                6\tTỷ lệ E\t%\tĐạt\t
                A1\tDòng lạ\t%\t5\t
                7\tTỷ lệ F\t%\t12,5\t
                """
        let r = try importTable(text)
        #expect(r.targets.map(\.appendixRow) == ["PL.7"])
        let reasons = r.unclassified.map { "\($0.line) \($0.reason)" }
        #expect(reasons.count == 7)
        #expect(reasons[0] == "2 no value (unit %)")
        #expect(
            reasons[1].hasPrefix(
                "3 value: found \"1.500\" (unit \"triệu đồng\"), which could be 1500 or 1,5"))
        #expect(reasons[2].hasPrefix("4 value: found \"14-12\" (low end 14 above high end 12)"))
        #expect(reasons[3].hasPrefix("5 value: found \"NaN\"; expected a finite number"))
        #expect(
            reasons[4].hasPrefix("6 value: found \"5%\" (a percentage) where the unit is \"DN\""))
        #expect(
            reasons[5]
                == "7 value: found \"Đạt\" where the unit is \"%\"; expected a number for a unit of %, or the unit Đạt for a pass/fail target"
        )
        #expect(reasons[6] == "8 row number \"A1\" is neither a number, a letter nor empty")
    }

    @Test func aHeadingWithNothingBelowIsUnclassified() throws {
        let r = try importTable(header + "1\tChỉ tiêu treo\t\t\t\n2\tTỷ lệ\t%\t5\t\n")
        #expect(
            r.unclassified.map(\.reason) == [
                "no value and no unit, and no continuation rows below it"
            ])
        #expect(r.targets.count == 1)
    }

    @Test func continuationBeforeAnyNumberedRowIsUnclassified() throws {
        let r = try importTable(header + "\t- Tỷ lệ mồ côi\t%\t5\t\n")
        #expect(
            r.unclassified.first?.reason
                == "a continuation row (no row number) before any numbered row")
    }

    @Test func aNoteBelowTheTableEndsIt() throws {
        let r = try importTable(
            header + "1\tTỷ lệ\t%\t5\t\nGhi chú: số liệu ước tính\n2\tKhác\t%\t7\t\n")
        #expect(r.targets.count == 1)
        #expect(r.findings.last?.kind == .endOfTable)
        #expect(r.findings.last?.line == 3)
    }

    @Test func kindsFromTheWording() throws {
        let text =
            header + """
                1\tDoanh thu tăng bình quân\t%\t10\t
                2\tTỷ lệ hộ nghèo hằng năm giảm\t%\t1,5\t
                3\tĐến năm 2028 số nhà văn hóa\tnhà\t12\t
                4\tTrạm y tế đạt chuẩn\tĐạt\tĐạt\t
                5\tTỷ lệ bao phủ\t%\t95\t
                """
        let r = try importTable(text)
        #expect(r.targets.map(\.kind) == [.growth, .maintained, .level, .qualitative, .level])
        #expect(r.targets[0].low == 0.1)
        #expect(r.targets[1].direction == .lower)  // hộ nghèo: lower is better
        #expect(r.targets[1].comparator == .lessOrEqual)  // so a bare value is a ceiling
        #expect(r.targets[2].targetYear == 2028)
        #expect(r.targets[4].comparator == .greaterOrEqual)
        #expect(r.targets.allSatisfy { $0.startYear == 2026 })
    }

    @Test func windowsLineEndsAndNonBreakingSpacesChangeNothing() throws {
        let lf = header + "1\tTỷ lệ hộ nghèo\t%\t< 3\tPhòng Kinh tế\n\t- Tỷ lệ cận nghèo\t%\t5\t\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
            .replacingOccurrences(of: "< 3", with: "<\u{00A0}3\u{00A0}")
        let a = try importTable(lf), b = try importTable(crlf)
        #expect(a.targets.map(\.low) == b.targets.map(\.low))
        #expect(a.targets.map(\.comparator) == [.less, .greaterOrEqual])
        #expect(b.targets.map(\.comparator) == [.less, .greaterOrEqual])
        #expect(b.targets.map(\.responsibleUnit) == ["Phòng Kinh tế", "Phòng Kinh tế"])
    }

    @Test func thePlanColumnNotThePastPeriods() throws {
        let text =
            "TT\tChỉ tiêu\tĐVT\tThực hiện 2021-2025\tKế hoạch 2026-2030\tĐơn vị chủ trì\n"
            + "1\tTỷ lệ hộ nghèo\t%\t4,2\t< 3\tPhòng Kinh tế\n"
        let r = try importTable(text)
        #expect(r.period == 2026...2030)
        #expect(r.targets.first?.appendixValue == "< 3")
        #expect(r.targets.first?.responsibleUnit == "Phòng Kinh tế")
    }

    @Test func periodFromAboveTheTableOrTheOption() throws {
        let noPeriod = "STT\tChỉ tiêu\tĐVT\tKế hoạch\n1\tTỷ lệ\t%\t5\n"
        #expect(throws: InputError.self) { try importTable(noPeriod) }
        let above = "KẾ HOẠCH GIAI ĐOẠN 2021 - 2025\n" + noPeriod
        #expect(try importTable(above).period == 2021...2025)
        let forced = try PlanTableImport.importData(
            Data(noPeriod.utf8), fileName: "t.txt",
            options: .init(period: 2026...2030))
        #expect(forced.targets.first?.targetYear == 2030)
    }
}
