import Reports

/// `GET /`: the plans served, each with its period and target count.
enum PlanListPage {
    static func render(workspaces: [PlanWorkspace], language: ReportLanguage) -> String {
        let text = WorkbenchText(language: language)
        let e = PageLayout.escape
        var body = "<h1>\(e(text.appName))</h1>\n<ul class=\"plans\">\n"
        for w in workspaces {
            let p = w.plan
            let name = language == .vi || p.nameEn.isEmpty ? p.nameVi : p.nameEn
            body += "<li><a href=\"/plans/\(e(p.id))?lang=\(language.rawValue)\">\(e(name))</a> "
            body +=
                "<span class=\"meta\">\(p.firstYear)–\(p.lastYear) · \(p.targets.count) \(e(text.t("chỉ tiêu", "targets")))</span></li>\n"
        }
        body += "</ul>\n"
        return PageLayout.page(
            title: text.appName, language: language, text: text, plans: workspaces, current: nil,
            languageLinks: ("/?lang=vi", "/?lang=en"), body: body)
    }
}
