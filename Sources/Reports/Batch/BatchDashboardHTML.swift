import Forecasting
import Foundation
import PlanModel

/// `review --plans DIR --format html`: the province dashboard, one self-contained page
/// (inline CSS and a small inline script of our own that sorts tables; no external
/// resources), well-formed XML like the single-plan report.
///
/// Sections: counts per status and the plans that failed to load; a heat map of plans ×
/// target groups (the indicator the targets are about), each cell coloured by the plan's
/// worst status on that group, plans grouped by province, each plan linking to its own
/// page (the single-plan HTML report, written beside the dashboard); the target groups with
/// the plans at risk; the roll-up by province (status counts, sums of additive
/// indicators, and which indicators are not summed); the sortable table of plans with
/// their summary sentence.
public struct BatchDashboardHTML {
    let batch: BatchReview
    let summary: BatchSummary
    let language: ReportLanguage
    /// Folder of the plan pages, relative to the dashboard.
    let pagesFolder: String

    public init(
        batch: BatchReview, summary: BatchSummary, language: ReportLanguage, pagesFolder: String
    ) {
        self.batch = batch; self.summary = summary; self.language = language;
        self.pagesFolder = pagesFolder
    }

    func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
    func e(_ s: String) -> String { XMLText.escape(s) }
    func label(_ s: TargetStatus) -> String { language == .vi ? s.labelVi : s.labelEn }
    func number(_ v: Double) -> String {
        ReportNumberFormat.forLanguage(language).string(v, decimals: v.rounded() == v ? 0 : 1)
    }

    static let css = """
        body{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;margin:0 auto;max-width:1500px;padding:18px 26px;color:#1b1b1b;font-size:14px;line-height:1.4}
        h1{font-size:22px;margin:0 0 6px} h2{font-size:18px;border-bottom:1px solid #ccc;padding-bottom:4px;margin:26px 0 10px}
        .warn{background:#fff3cd;border:1px solid #e0a800;border-left:6px solid #e0a800;padding:8px 12px;margin:12px 0;font-weight:600}
        .err{background:#fbd9d5;border-left:6px solid #8a1c10;padding:6px 12px;margin:8px 0;font-family:monospace;font-size:12px}
        .chips span{display:inline-block;margin:0 8px 6px 0;padding:3px 10px;border-radius:12px;font-weight:600}
        .st-green{background:#d9f2dd;color:#145a23} .st-amber{background:#fff0c2;color:#7a5200}
        .st-red{background:#fbd9d5;color:#8a1c10} .st-grey{background:#ececec;color:#555}
        table{border-collapse:collapse;font-size:12.5px}
        table.data th,table.data td{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left}
        table.data td.n{text-align:right} table.data td:first-child{white-space:nowrap}
        table.sortable th{cursor:pointer;background:#f0f0f0;user-select:none}
        table.sortable th:after{content:" ⇅";color:#999;font-size:10px}
        table.heat td.c{width:14px;height:14px;padding:0;border:1px solid #fff}
        table.heat td.c.green{background:#3a9d4f} table.heat td.c.amber{background:#e8b400}
        table.heat td.c.red{background:#c8372d} table.heat td.c.grey{background:#cfcfcf} table.heat td.c.none{background:#fff}
        table.heat th.v{writing-mode:vertical-rl;transform:rotate(180deg);font-size:11px;font-weight:500;padding:2px;height:130px;text-align:left}
        table.heat td.p{font-size:11.5px;padding:0 8px 0 0;white-space:nowrap}
        table.heat tr.prov td{font-weight:700;padding-top:8px}
        .legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
        a{color:#1f5fa8;text-decoration:none} .muted{color:#666;font-size:12px}
        """

    /// Sorts a table by the clicked column: numbers by value (`data-v` when present),
    /// text in Vietnamese collation; a second click reverses. Ours, 12 lines, no library.
    static let script = """
        document.querySelectorAll('table.sortable').forEach(function(table){
          table.querySelectorAll('th').forEach(function(th){
            th.addEventListener('click',function(){
              var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows),i=th.cellIndex,dir=th.getAttribute('data-dir')==='up'?-1:1;
              th.setAttribute('data-dir',dir===1?'up':'down');
              function key(r){var c=r.cells[i];return c?(c.getAttribute('data-v')||c.textContent):'';}
              rows.sort(function(a,b){var x=key(a),y=key(b),m=parseFloat(x),n=parseFloat(y);
                return dir*((isNaN(m)||isNaN(n))?x.localeCompare(y,'vi'):m-n);});
              rows.forEach(function(r){body.appendChild(r);});
            });
          });
        });
        """

    public func render() -> String {
        var h =
            "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\" />\n"
        h +=
            "<title>\(e(t("Rà soát giữa kỳ: bảng tổng hợp", "Mid-term review: dashboard")))</title>\n<style>\n\(Self.css)\n</style>\n</head>\n<body>\n"
        h +=
            "<h1>\(e(t("Rà soát giữa kỳ — bảng tổng hợp \(batch.plans.count) kế hoạch", "Mid-term review — dashboard of \(batch.plans.count) plans")))</h1>\n"
        if batch.plans.contains(where: \.illustrative) {
            h +=
                "<div class=\"warn\">\(e(t("Có dùng số liệu MINH HỌA / TỔNG HỢP GIẢ LẬP (SYNTHETIC), không phải số liệu chính thức.", "Uses ILLUSTRATIVE / SYNTHETIC data, not official figures.")))</div>\n"
        }
        h += statusChips()
        if !batch.failures.isEmpty {
            h +=
                "<h2>\(e(t("Kế hoạch không đọc được (\(batch.failures.count))", "Plans that could not be read (\(batch.failures.count))")))</h2>\n"
            for failure in batch.failures {
                h += "<div class=\"err\">\(e(failure.folder)): \(e(failure.message))</div>\n"
            }
        }
        h += heatMap() + groupsTable() + provincesTable() + plansTable()
        h += "<script>\n//<![CDATA[\n\(Self.script)//]]>\n</script>\n</body>\n</html>\n"
        return h
    }

    func statusChips() -> String {
        var h = "<div class=\"chips\">"
        for status in TargetStatus.allCases {
            guard let n = summary.statusCounts[status], n > 0 else { continue }
            h += "<span class=\"st-\(status.light)\">\(e(label(status))): \(n)</span>"
        }
        h +=
            "</div>\n<p>\(e(t("Kế hoạch có ít nhất một chỉ tiêu khó đạt: \(summary.plansAtRisk)/\(batch.plans.count).", "Plans with at least one target unlikely to be met: \(summary.plansAtRisk)/\(batch.plans.count).")))</p>\n"
        return h
    }

    func pageLink(_ plan: BatchPlanResult, _ text: String) -> String {
        guard let page = plan.page else { return e(text) }
        return "<a href=\"\(e(pagesFolder + "/" + page))\">\(e(text))</a>"
    }

    func heatMap() -> String {
        let columns = summary.byIndicator.map(\.indicator)
        var h =
            "<h2>\(e(t("Bản đồ nhiệt: kế hoạch × nhóm chỉ tiêu", "Heat map: plans × target groups")))</h2>\n"
        h +=
            "<p class=\"legend muted\">\(e(t("Mỗi ô: trạng thái kém nhất của kế hoạch trong nhóm chỉ tiêu đó.", "Each cell: the plan's worst status on that target group.")))"
        for (light, text) in [
            ("#3a9d4f", t("đã đạt / đúng hướng", "achieved / on track")),
            ("#e8b400", t("cần tăng tốc", "acceleration needed")),
            ("#c8372d", t("khó đạt", "unlikely to be met")),
            ("#cfcfcf", t("chưa đánh giá", "not judged"))
        ] {
            h += "<span style=\"background:\(light)\"></span>\(e(text))"
        }
        h += "</p>\n<table class=\"heat\">\n<thead><tr><th></th>"
        for id in columns {
            let name = summary.indicators.first { $0.id == id }?.name ?? id
            h += "<th class=\"v\" title=\"\(e(name))\">\(e(id))</th>"
        }
        h += "</tr></thead>\n<tbody>\n"
        var currentProvince: String?
        for plan in batch.plans.sorted(by: { ($0.province, $0.planID) < ($1.province, $1.planID) })
        {
            if plan.province != currentProvince {
                currentProvince = plan.province
                h +=
                    "<tr class=\"prov\"><td colspan=\"\(columns.count + 1)\">\(e(plan.province.isEmpty ? t("(không ghi tỉnh)", "(no province)") : plan.province))</td></tr>\n"
            }
            h += "<tr><td class=\"p\">\(pageLink(plan, plan.planID))</td>"
            for id in columns {
                if let worst = BatchSummary.worst(plan, indicator: id) {
                    h +=
                        "<td class=\"c \(worst.light)\" title=\"\(e(id + ": " + label(worst)))\"></td>"
                } else {
                    h += "<td class=\"c none\"></td>"
                }
            }
            h += "</tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    func groupsTable() -> String {
        var h =
            "<h2>\(e(t("Nhóm chỉ tiêu: số kế hoạch có nguy cơ", "Target groups: plans at risk")))</h2>\n"
        h += "<table class=\"data sortable\">\n<thead><tr>"
        for c in [
            t("Mã", "ID"), t("Chỉ tiêu", "Indicator"), t("Kế hoạch", "Plans"), t("Xanh", "Green"),
            t("Vàng", "Amber"), t("Đỏ (có nguy cơ)", "Red (at risk)"), t("Xám", "Grey")
        ] {
            h += "<th>\(e(c))</th>"
        }
        h += "</tr></thead>\n<tbody>\n"
        for row in summary.byIndicator {
            let name = summary.indicators.first { $0.id == row.indicator }?.name ?? ""
            h += "<tr><td>\(e(row.indicator))</td><td>\(e(name))</td>"
            for n in [row.plans, row.green, row.amber, row.red, row.grey] {
                h += "<td class=\"n\" data-v=\"\(n)\">\(n)</td>"
            }
            h += "</tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    func provincesTable() -> String {
        let additive = summary.indicators.filter(\.additive)
        let notSummed = summary.indicators.filter { !$0.additive }.map(\.id)
        var h = "<h2>\(e(t("Tổng hợp theo tỉnh", "Roll-up by province")))</h2>\n"
        h +=
            "<p class=\"muted\">\(e(t("Cộng các chỉ tiêu số lượng và giá trị (đơn vị không có “/”): số năm gốc và số thực hiện năm gần nhất của các xã có số liệu năm đó. Không cộng tỷ lệ và chỉ tiêu bình quân: ", "Amounts and counts (units without “/”) are summed: the baseline and the latest year's actuals of the communes reporting that year. Rates and per-unit figures are not summed: ")))\(e(notSummed.joined(separator: ", ")))</p>\n"
        h +=
            "<table class=\"data sortable\">\n<thead><tr><th>\(e(t("Tỉnh", "Province")))</th><th>\(e(t("Kế hoạch", "Plans")))</th><th>\(e(t("Có nguy cơ", "At risk")))</th>"
        for status in [
            TargetStatus.achieved, .onTrack, .accelerationNeeded, .limitedProgress, .deterioration
        ] { h += "<th>\(e(label(status)))</th>" }
        for indicator in additive {
            h += "<th title=\"\(e(indicator.name))\">\(e(indicator.id)) (\(e(indicator.unit)))</th>"
        }
        h += "</tr></thead>\n<tbody>\n"
        for row in summary.byProvince {
            h +=
                "<tr><td>\(e(row.province.isEmpty ? "—" : row.province))</td><td class=\"n\">\(row.plans)</td><td class=\"n\">\(row.plansAtRisk)</td>"
            for status in [
                TargetStatus.achieved, .onTrack, .accelerationNeeded, .limitedProgress,
                .deterioration
            ] {
                h += "<td class=\"n\">\(row.statusCounts[status] ?? 0)</td>"
            }
            for indicator in additive {
                guard let v = row.values.first(where: { $0.indicator == indicator.id }),
                    let sum = v.latestSum, let year = v.latestYear
                else {
                    h += "<td class=\"n\">—</td>"; continue
                }
                h +=
                    "<td class=\"n\" data-v=\"\(sum)\" title=\"\(e(t("\(v.plansReporting) xã có số liệu \(year); năm gốc: ", "\(v.plansReporting) communes reporting \(year); baseline: ") + (v.baselineSum.map(number) ?? "—")))\">\(e(number(sum))) (\(year))</td>"
            }
            h += "</tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    func plansTable() -> String {
        var h =
            "<h2>\(e(t("Các kế hoạch", "Plans")))</h2>\n<table class=\"data sortable\">\n<thead><tr>"
        for c in [
            t("Kế hoạch", "Plan"), t("Tỉnh", "Province"), t("Nhóm", "Group"),
            t("Đạt/đúng hướng", "Met/on track"), t("Cần tăng tốc", "Acceleration"),
            t("Khó đạt", "Unlikely"), t("Chưa đánh giá", "Not judged"), t("Tóm tắt", "Summary")
        ] {
            h += "<th>\(e(c))</th>"
        }
        h += "</tr></thead>\n<tbody>\n"
        for plan in batch.plans {
            let s = plan.sentence
            h +=
                "<tr><td>\(pageLink(plan, plan.planID))</td><td>\(e(plan.province))</td><td>\(e(plan.group))</td>"
            for n in [s.expectedMet, s.accelerationNeeded, s.unlikely, s.notJudged] {
                h += "<td class=\"n\">\(n)</td>"
            }
            h += "<td>\(e(s.text(language)))</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }
}
