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
}

extension CELObject {
    /// Looks the field up by name.
    public func field(at index: Int, named name: String) -> CELValue? { field(name) }

    /// Identity: the same instance.
    public func isEqual(to other: any CELObject) -> Bool { self === other }
}
