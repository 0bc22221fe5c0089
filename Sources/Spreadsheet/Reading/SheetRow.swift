/// One non-empty row of a sheet: its 1-based number and its cells in column order.
public struct SheetRow: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var column: Int
        public var cell: Cell
    }
    public var number: Int
    public var entries: [Entry]

    /// The cell in `column`, if the row has one.
    public func cell(_ column: Int) -> Cell? { entries.first { $0.column == column }?.cell }
}
