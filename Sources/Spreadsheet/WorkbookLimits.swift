/// Bounds on what a workbook may make the reader do, so a hostile or broken file is refused
/// quickly and in bounded memory.
///
/// A zip bomb is refused twice over: before inflating, when an entry's uncompressed size in
/// the central directory exceeds `maxPartBytes`; and while inflating, by counting the bytes
/// the inflater produces (the sizes in a zip are only claims).
public struct WorkbookLimits: Sendable, Hashable {
    /// Largest uncompressed size of one part (a sheet, the shared strings): 512 MiB by
    /// default, about five times a full 1,048,576-row sheet of three numeric columns.
    public var maxPartBytes: UInt64
    /// Largest sum of uncompressed sizes of the parts read: 1 GiB by default.
    public var maxTotalBytes: UInt64
    /// Largest number of parts in the archive (a real workbook has tens).
    public var maxEntries: Int

    public init(
        maxPartBytes: UInt64 = 512 << 20, maxTotalBytes: UInt64 = 1 << 30, maxEntries: Int = 10_000
    ) {
        self.maxPartBytes = maxPartBytes; self.maxTotalBytes = maxTotalBytes;
        self.maxEntries = maxEntries
    }

    public static let standard = WorkbookLimits()
}
