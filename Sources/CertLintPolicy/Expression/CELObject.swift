/// A value of a declared object type, such as a certificate's facts.
///
/// Objects are lazy: the evaluator asks for a field only when an expression reads it, so a
/// provider may compute fields on first access. Objects are class instances (a value holding
/// one stays two words, and copying it is one retain), so caches live naturally in them; mark
/// a class with mutable caches `@unchecked Sendable` and guard them with a lock if it is shared
/// between threads. The declared fields of each type are given to
/// the checker through ``CELEnvironment/objectTypes``; `field(_:)` must return values of the
/// declared types (or `null`, or an error value).
public protocol CELObject: AnyObject, Sendable {
    /// The declared type name, a key of ``CELEnvironment/objectTypes`` (`"Certificate"`).
    var typeName: String { get }

    /// The value of a field, or `nil` when the object does not carry it: `has(x.f)` is then
    /// `false`, and reading `x.f` is a `no-such-field` error. Called at most a few times per
    /// evaluation; cache expensive fields.
    func field(_ name: String) -> CELValue?

    /// The value of the field that is `index`th of the declared type's fields sorted by name
    /// (the checker resolves names to these positions), or `nil`. The default looks the field
    /// up by `name`; types with many fields answer by position without comparing strings.
    func field(at index: Int, named name: String) -> CELValue?

    /// Whether two objects are the same value, for `==` and `in`. The default is identity.
    func isEqual(to other: any CELObject) -> Bool

    /// The typed reads of the engine's fast path (``CELFastProgram``): the field at `index`
    /// (as ``field(at:named:)`` numbers them) when it holds a value of that kind, else `nil`,
    /// which sends the evaluation back to the general evaluator. The defaults unwrap
    /// ``field(at:named:)``; a type read in bulk answers them from its stored properties, with
    /// exactly the values ``field(at:named:)`` would give.
    func boolField(at index: Int, named name: String) -> Bool?
    /// An `int` field (see ``boolField(at:named:)``).
    func intField(at index: Int, named name: String) -> Int64?
    /// A `timestamp` field, in seconds since the epoch (see ``boolField(at:named:)``).
    func timestampField(at index: Int, named name: String) -> Int64?
    /// A `string` field (see ``boolField(at:named:)``).
    func stringField(at index: Int, named name: String) -> String?
    /// A `list(string)` field (see ``boolField(at:named:)``).
    func stringsField(at index: Int, named name: String) -> [String]?
    /// An object field (see ``boolField(at:named:)``).
    func objectField(at index: Int, named name: String) -> (any CELObject)?
    /// A `string` field of an object field (`cert.subject.cn`: field `index` of the object in
    /// field `outer`), which a type may answer without making the intermediate object (see
    /// ``boolField(at:named:)``).
    func stringField(at index: Int, named name: String, inField outer: Int, named outerName: String) -> String?
    /// A `list(string)` field of an object field (`cert.san.dns`; see
    /// ``stringField(at:named:inField:named:)``).
    func stringsField(at index: Int, named name: String, inField outer: Int, named outerName: String) -> [String]?
}

extension CELObject {
    /// Looks the field up by name.
    public func field(at index: Int, named name: String) -> CELValue? { field(name) }

    /// Identity: the same instance.
    public func isEqual(to other: any CELObject) -> Bool { self === other }

    /// Unwraps ``field(at:named:)``.
    public func boolField(at index: Int, named name: String) -> Bool? {
        if case .bool(let b)? = field(at: index, named: name) { return b }
        return nil
    }
    /// Unwraps ``field(at:named:)``.
    public func intField(at index: Int, named name: String) -> Int64? {
        if case .int(let i)? = field(at: index, named: name) { return i }
        return nil
    }
    /// Unwraps ``field(at:named:)``.
    public func timestampField(at index: Int, named name: String) -> Int64? {
        if case .timestamp(let s)? = field(at: index, named: name) { return s }
        return nil
    }
    /// Unwraps ``field(at:named:)``.
    public func stringField(at index: Int, named name: String) -> String? {
        if case .string(let s)? = field(at: index, named: name) { return s }
        return nil
    }
    /// Unwraps ``field(at:named:)``; `nil` when an element is not a string.
    public func stringsField(at index: Int, named name: String) -> [String]? {
        field(at: index, named: name)?.stringList
    }
    /// Unwraps ``field(at:named:)``.
    public func objectField(at index: Int, named name: String) -> (any CELObject)? {
        if case .object(let o)? = field(at: index, named: name) { return o }
        return nil
    }
    /// Reads the intermediate object, then its field.
    public func stringField(at index: Int, named name: String, inField outer: Int, named outerName: String) -> String? {
        objectField(at: outer, named: outerName)?.stringField(at: index, named: name)
    }
    /// Reads the intermediate object, then its field.
    public func stringsField(at index: Int, named name: String, inField outer: Int, named outerName: String) -> [String]? {
        objectField(at: outer, named: outerName)?.stringsField(at: index, named: name)
    }
}
