import Spreadsheet

/// Escaping for HTML and SVG written as well-formed XML (XHTML style), so a report parses
/// with any XML parser and text from input files can never become markup.
public enum XMLText {
    /// Text content and attribute values: `&` `<` `>` `"` `'` as entities (only the five
    /// XML predefines), and control characters XML 1.0 forbids (U+0000–U+001F except tab,
    /// line feed and carriage return; U+FFFE, U+FFFF) replaced by U+FFFD.
    public static func escape(_ s: String) -> String { XMLEscape.text(s) }
}
