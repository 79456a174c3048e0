/// A place in YAML text: 1-based line and column, and the byte offset.
///
/// Columns count Unicode scalars from the start of the line, as editors and compilers do,
/// so `é` is one column even though it is two UTF-8 bytes. The offset counts UTF-8 bytes
/// from the start of the text (a byte-order mark included).
public struct YAMLPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Stored as 32-bit values: every node holds two or three positions, and the reader caps
    // its input well below 4 GiB (``YAMLOptions/maxInputBytes``).
    private var storedLine: UInt32
    private var storedColumn: UInt32
    private var storedOffset: UInt32

    /// Creates a position from its parts (values beyond 2³²−1 are clamped).
    public init(line: Int, column: Int, offset: Int) {
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
        storedOffset = UInt32(clamping: offset)
    }

    /// The 1-based line number (lines end at LF, CR or CRLF).
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    /// The 1-based column, in Unicode scalars.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    /// The 0-based UTF-8 byte offset from the start of the text.
    public var offset: Int {
        get { Int(storedOffset) }
        set { storedOffset = UInt32(clamping: newValue) }
    }

    /// The start of a text: line 1, column 1, offset 0.
    public static let start = YAMLPosition(line: 1, column: 1, offset: 0)

    /// `line:column`, as compilers print it.
    public var description: String { "\(line):\(column)" }

    /// Orders by offset (which orders by line, then column, within one text).
    public static func < (lhs: YAMLPosition, rhs: YAMLPosition) -> Bool {
        lhs.storedOffset < rhs.storedOffset
    }
}
