import Foundation

/// The terminal standard output goes to, if any.
enum Terminal {
    /// Columns of the terminal on standard output; nil when standard output is not a
    /// terminal (a pipe or a file), so piped output never depends on a window's size.
    /// `COLUMNS` wins when set (as `ls` and `git` honour it); otherwise the window size.
    static var outputColumns: Int? {
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text),
            columns > 0
        {
            return columns
        }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
            return nil
        }
        return Int(size.ws_col)
    }
}
