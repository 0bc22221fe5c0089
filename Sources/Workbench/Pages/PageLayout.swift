import Reports

/// The frame of every page: head (our stylesheet and script only; nothing from elsewhere),
/// a header with the plans and the language switch, a skip link for keyboard users.
/// Every text from a file or a user goes through `PageLayout.escape`.
enum PageLayout {
    static func escape(_ s: String) -> String { XMLText.escape(s) }

    /// An id usable in markup and in `name="growth.<id>"` (ids are letters, digits, `_ - .`;
    /// anything else is escaped like any attribute value).
    static func attribute(_ s: String) -> String { XMLText.escape(s) }

    static func page(
        title: String, language: ReportLanguage, text: WorkbenchText, plans: [PlanWorkspace],
        current: String?, languageLinks: (vi: String, en: String), body: String,
        dataAttributes: String = ""
    ) -> String {
        let e = escape
        var h =
            "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>\(e(title)) — PlanForecast</title>\n"
        h +=
            "<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"/assets/workbench.css\">\n"
        h += "<script src=\"/assets/workbench.js\" defer></script>\n</head>\n"
        h +=
            "<body\(dataAttributes)>\n<a class=\"skip\" href=\"#main\">\(e(text.t("Bỏ qua đến nội dung", "Skip to content")))</a>\n"
        h +=
            "<header class=\"top\">\n<a class=\"brand\" href=\"/?lang=\(language.rawValue)\">PlanForecast</a>\n<nav aria-label=\"\(e(text.plans))\"><ul>"
        for w in plans {
            let name = language == .vi || w.plan.nameEn.isEmpty ? w.plan.nameVi : w.plan.nameEn
            let here = w.id == current ? " aria-current=\"page\"" : ""
            h +=
                "<li><a href=\"/plans/\(e(w.id))?lang=\(language.rawValue)\"\(here)>\(e(name))</a></li>"
        }
        h += "</ul></nav>\n<p class=\"lang\">"
        h +=
            language == .vi
            ? "<strong>Tiếng Việt</strong> · <a href=\"\(e(languageLinks.en))\" hreflang=\"en\">English</a>"
            : "<a href=\"\(e(languageLinks.vi))\" hreflang=\"vi\">Tiếng Việt</a> · <strong>English</strong>"
        h += "</p>\n</header>\n<main id=\"main\">\n" + body + "</main>\n"
        h +=
            "<footer class=\"foot\"><p>PlanForecast — \(e(text.t("chạy trên máy của bạn; không gửi dữ liệu đi đâu.", "runs on your machine; sends no data anywhere.")))</p></footer>\n"
        h += "</body>\n</html>\n"
        return h
    }
}
