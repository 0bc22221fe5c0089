/// Escaping for XML text and attribute values (the workbook parts here; Reports' HTML and
/// SVG through `XMLText`): `&` `<` `>` `"` `'` as entities (only the five XML predefines),
/// and control characters XML 1.0 forbids (U+0000–U+001F except tab, line feed and
/// carriage return; U+FFFE, U+FFFF) replaced by U+FFFD, so text from any input file stays
/// text and the document stays well-formed.
public enum XMLEscape {
    public static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }
}
