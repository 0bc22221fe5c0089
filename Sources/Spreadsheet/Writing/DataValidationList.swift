/// A drop-down list on a column (Excel data validation of type list), with an optional
/// prompt shown when a cell is selected — also used alone, as the explanation of a column
/// on its header cell.
public struct DataValidationList: Sendable, Hashable {
    /// Cells it applies to, e.g. `H2:H1000`.
    public var range: String
    /// Allowed values; empty for a prompt only.
    public var values: [String]
    public var promptTitle: String
    public var prompt: String

    public init(range: String, values: [String] = [], promptTitle: String = "", prompt: String = "")
    {
        self.range = range; self.values = values; self.promptTitle = promptTitle;
        self.prompt = prompt
    }
}
