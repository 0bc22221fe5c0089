/// Escaping for the XML parts this module writes. (Reports has `XMLText` for HTML; this
/// module sits below Reports and cannot use it.) The five predefined entities, and the
/// control characters XML 1.0 forbids replaced by U+FFFD, so text from any input file
/// stays text and the part stays well-formed.
enum XMLEscape {
    static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { out += "\u{FFFD}" } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}
