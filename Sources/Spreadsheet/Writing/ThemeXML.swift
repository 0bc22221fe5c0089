/// `xl/theme/theme1.xml`: the workbook's theme (colours, fonts, line and fill styles that
/// theme-relative formatting refers to).
///
/// Our sheets use only explicit colours, so no cell depends on it; it is written because
/// Excel expects every workbook to have one (the Open XML SDK's application checks, as run
/// by `scripts/validate-ooxml`, report a workbook without a theme as one Excel repairs).
/// The values are Office 2013–2022's default theme ("Office"): the smallest theme the
/// DrawingML schema accepts — twelve colours, the major and minor fonts, and three styles
/// in each list of the format scheme.
enum ThemeXML {
    static let path = "xl/theme/theme1.xml"
    static let contentType = "application/vnd.openxmlformats-officedocument.theme+xml"
    static let relationshipType =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"

    static let xml: String = {
        let colours = [
            ("dk1", "<a:sysClr val=\"windowText\" lastClr=\"000000\"/>"),
            ("lt1", "<a:sysClr val=\"window\" lastClr=\"FFFFFF\"/>"),
            ("dk2", "<a:srgbClr val=\"44546A\"/>"), ("lt2", "<a:srgbClr val=\"E7E6E6\"/>"),
            ("accent1", "<a:srgbClr val=\"4472C4\"/>"), ("accent2", "<a:srgbClr val=\"ED7D31\"/>"),
            ("accent3", "<a:srgbClr val=\"A5A5A5\"/>"), ("accent4", "<a:srgbClr val=\"FFC000\"/>"),
            ("accent5", "<a:srgbClr val=\"5B9BD5\"/>"), ("accent6", "<a:srgbClr val=\"70AD47\"/>"),
            ("hlink", "<a:srgbClr val=\"0563C1\"/>"), ("folHlink", "<a:srgbClr val=\"954F72\"/>")
        ].map { "<a:\($0.0)>\($0.1)</a:\($0.0)>" }.joined()
        let fill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
        let line = "<a:ln w=\"6350\">\(fill)</a:ln>"
        let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>"
        func three(_ s: String) -> String { s + s + s }
        func font(_ face: String) -> String {
            "<a:latin typeface=\"\(face)\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme">\
            <a:themeElements><a:clrScheme name="Office">\(colours)</a:clrScheme>\
            <a:fontScheme name="Office"><a:majorFont>\(font("Calibri Light"))</a:majorFont>\
            <a:minorFont>\(font("Calibri"))</a:minorFont></a:fontScheme>\
            <a:fmtScheme name="Office"><a:fillStyleLst>\(three(fill))</a:fillStyleLst>\
            <a:lnStyleLst>\(three(line))</a:lnStyleLst>\
            <a:effectStyleLst>\(three(effect))</a:effectStyleLst>\
            <a:bgFillStyleLst>\(three(fill))</a:bgFillStyleLst></a:fmtScheme></a:themeElements>\
            <a:objectDefaults/><a:extraClrSchemeLst/></a:theme>
            """
    }()
}
