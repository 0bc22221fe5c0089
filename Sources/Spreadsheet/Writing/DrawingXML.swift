/// The drawing part that places a sheet's charts (`xl/drawings/drawingN.xml`, ECMA-376
/// part 1, §20.5) and its relationships to the chart parts.
enum DrawingXML {
    /// Each chart anchored at its cells; chart `i` is relationship `rId(i+1)`.
    static func drawing(_ charts: [LineChart]) -> String {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        s +=
            "<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\" "
        s += "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
        for (i, chart) in charts.enumerated() {
            s += "<xdr:twoCellAnchor editAs=\"oneCell\">"
            s +=
                "<xdr:from><xdr:col>\(chart.anchorColumn)</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>\(chart.anchorRow)</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
            s +=
                "<xdr:to><xdr:col>\(chart.anchorColumn + chart.widthColumns)</xdr:col><xdr:colOff>0</xdr:colOff>"
            s +=
                "<xdr:row>\(chart.anchorRow + chart.heightRows)</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>"
            s +=
                "<xdr:graphicFrame macro=\"\"><xdr:nvGraphicFramePr><xdr:cNvPr id=\"\(i + 2)\" name=\"Chart \(i + 1)\"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>"
            s +=
                "<xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/></xdr:xfrm><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">"
            s += "<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
            s +=
                "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:id=\"rId\(i + 1)\"/>"
            s +=
                "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
        }
        return s + "</xdr:wsDr>"
    }

    /// `firstChart` is the number of the sheet's first chart part (`chartK.xml`).
    static func relationships(firstChart: Int, count: Int) -> String {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        s +=
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in 0..<count {
            s +=
                "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart\" Target=\"../charts/chart\(firstChart + i).xml\"/>"
        }
        return s + "</Relationships>"
    }

    /// The sheet's relationship to its drawing.
    static func sheetRelationships(drawing: Int) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing\" Target=\"../drawings/drawing\(drawing).xml\"/>"
            + "</Relationships>"
    }
}
