/// Why an expression produced no value: the runtime errors of the expression language.
///
/// Evaluation never throws; an error is a value (``CELValue/error(_:)``) that flows through the
/// expression like any other, except that `&&`, `||`, `?:` and the macros `all` and `exists` can
/// absorb it (CEL's commutative logical operators: `false && error` is `false`).
public struct CELEvaluationError: Error, Hashable, Sendable {
    /// A stable identifier for the kind of error, for tests and reports.
    public struct Code: RawRepresentable, Hashable, Sendable {
        /// The stable text of the code, such as `"division-by-zero"`.
        public let rawValue: String

        /// Creates a code from its stable text.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// No overload of a function or operator accepts the runtime values it was given.
        public static let noMatchingOverload = Code(rawValue: "no-matching-overload")
        /// An object has no such field, or the field is not set.
        public static let noSuchField = Code(rawValue: "no-such-field")
        /// A map has no such key.
        public static let noSuchKey = Code(rawValue: "no-such-key")
        /// A list index is negative or past the end.
        public static let indexOutOfRange = Code(rawValue: "index-out-of-range")
        /// An integer was divided by zero, or its remainder taken by zero.
        public static let divisionByZero = Code(rawValue: "division-by-zero")
        /// An integer, timestamp or duration result does not fit its range.
        public static let overflow = Code(rawValue: "overflow")
        /// A function was given an argument it cannot use (an unparsable string, a bad regex…).
        public static let invalidArgument = Code(rawValue: "invalid-argument")
        /// The activation has no value for a variable the expression uses.
        public static let unboundVariable = Code(rawValue: "unbound-variable")
        /// The evaluation took more steps than its cost limit allows.
        public static let costLimitExceeded = Code(rawValue: "cost-limit-exceeded")
        /// A map literal names the same key twice.
        public static let duplicateKey = Code(rawValue: "duplicate-key")
        /// The expression produced a value of another type than its caller expects (a `dyn`
        /// result that is not a bool where a condition is required).
        public static let wrongResultType = Code(rawValue: "wrong-result-type")
    }

    /// The fields, boxed so that a ``CELValue`` stays small (errors are rare; values are copied often).
    private final class Storage: Sendable {
        let code: Code
        let message: String
        let offset: Int?

        init(_ code: Code, _ message: String, _ offset: Int?) {
            self.code = code
            self.message = message
            self.offset = offset
        }
    }

    private var storage: Storage

    /// The kind of error.
    public var code: Code {
        get { storage.code }
        set { storage = Storage(newValue, storage.message, storage.offset) }
    }

    /// A whole sentence saying what went wrong, naming the values involved.
    public var message: String {
        get { storage.message }
        set { storage = Storage(storage.code, newValue, storage.offset) }
    }

    /// The UTF-8 offset, within the expression's source, of the operation that failed, when known.
    public var offset: Int? {
        get { storage.offset }
        set { storage = Storage(storage.code, storage.message, newValue) }
    }

    /// Creates an error.
    public init(_ code: Code, _ message: String, offset: Int? = nil) {
        storage = Storage(code, message, offset)
    }

    /// Equal code, message and offset.
    public static func == (lhs: CELEvaluationError, rhs: CELEvaluationError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.offset == rhs.offset
    }

    /// Hashes the code, message and offset.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
        hasher.combine(offset)
    }
}

extension CELEvaluationError: CustomStringConvertible {
    /// The message.
    public var description: String { message }
}
