/// Walks over one object written by Java's `ObjectOutputStream` without creating anything, to
/// find where it ends. A JCEKS secret key entry is such a stream (a `SealedObjectForKeyProtector`
/// holding the encrypted key), and the next entry starts right after it; certlint never
/// deserializes it, it only skips it.
///
/// The grammar (Java Object Serialization Specification, 6.4), as walked here:
///
/// ```
/// stream        ::= 0xACED 0x0005 object
/// object        ::= TC_OBJECT classDesc newHandle classdata[]   -- one per class, superclass first
///                 | TC_CLASS classDesc newHandle | TC_ARRAY classDesc newHandle (int)size values[size]
///                 | TC_STRING newHandle (utf) | TC_LONGSTRING newHandle (long-utf)
///                 | TC_ENUM classDesc newHandle (String)object | newClassDesc
///                 | TC_REFERENCE (int)handle | TC_NULL | TC_RESET object   -- reset at the top level only
/// newClassDesc  ::= TC_CLASSDESC (utf)className (long)serialVersionUID newHandle
///                     (byte)flags (short)count fieldDesc[count] classAnnotation superClassDesc
///                 | TC_PROXYCLASSDESC newHandle (int)count (utf)interface[count] classAnnotation superClassDesc
/// fieldDesc     ::= primitive-typecode (utf)name | ('L' | '[') (utf)name (String)className
/// classdata     ::= values                                  -- SC_SERIALIZABLE
///                 | values contents TC_ENDBLOCKDATA         -- SC_SERIALIZABLE | SC_WRITE_METHOD
///                 | contents TC_ENDBLOCKDATA                -- SC_EXTERNALIZABLE | SC_BLOCK_DATA
/// contents      ::= (object | TC_BLOCKDATA (u1)size bytes | TC_BLOCKDATALONG (int)size bytes)*
/// ```
///
/// TC_EXCEPTION (a writer that failed half-way) is malformed here, as Java's reader refuses it too.
///
/// Bounded: nesting at most ``maxDepth``, class hierarchies at most ``maxHierarchy`` deep
/// (a class that names itself as its superclass is malformed, not a loop), every count checked
/// against the bytes that remain, and each step consumes at least one byte.
struct JavaSerializedObject {
    /// The deepest nesting of objects walked.
    static let maxDepth = 64
    /// The longest class hierarchy walked.
    static let maxHierarchy = 64

    /// What a handle refers to: a class description (nil while it is still being read, so a
    /// class that refers to itself is caught) or any other object.
    private enum Handle {
        case classDescription(ClassDescription?)
        case other
    }

    /// A field's value in classdata: a primitive of a known size, or an object.
    private enum FieldValue {
        case primitive(Int)
        case object
    }

    private struct ClassDescription {
        var name: String
        var flags: UInt8
        var fields: [FieldValue]
        /// The handle of the superclass description, if any.
        var superclass: Int?
    }

    private var input: JavaDataInput
    private var handles: [Handle] = []

    private init(_ input: JavaDataInput) {
        self.input = input
    }

    /// Skips one serialization stream (header and one object) starting at `input`'s offset,
    /// and returns the cursor after it.
    static func skip(_ input: JavaDataInput, field: String) throws(KeystoreError) -> JavaDataInput {
        var walker = JavaSerializedObject(input)
        let start = walker.input.offset
        let magic = try walker.input.readUInt16("the serialization header of \(field)")
        let version = try walker.input.readUInt16("the serialization header of \(field)")
        guard magic == 0xACED, version == 5 else {
            throw KeystoreError(
                .malformed, "The serialized form of \(field) (byte \(start)) is not a Java serialization stream (it starts \(hex(magic)) \(hex(version)), not ACED 0005).",
                offset: start)
        }
        try walker.object(depth: 0, field: field)
        return walker.input
    }

    private static func hex(_ value: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private func malformed(_ reason: String, at offset: Int) -> KeystoreError {
        KeystoreError(.malformed, "The serialized secret key is malformed: \(reason) (byte \(offset)).", offset: offset)
    }

    private mutating func newHandle(_ handle: Handle) -> Int {
        handles.append(handle)
        return handles.count - 1
    }

    private mutating func reference(_ field: String) throws(KeystoreError) -> Int {
        let at = input.offset
        let wire = Int(try input.readInt32(field))
        let index = wire - 0x7E_0000
        guard index >= 0, index < handles.count else { throw malformed("the reference 0x\(String(wire, radix: 16, uppercase: true)) names no earlier object", at: at) }
        return index
    }

    /// Reads one `object` (or, inside `contents`, a block of data where `allowBlockData` and
    /// TC_ENDBLOCKDATA where `allowEnd`); returns whether it was TC_ENDBLOCKDATA.
    @discardableResult
    private mutating func object(depth: Int, field: String, allowBlockData: Bool = false, allowEnd: Bool = false) throws(KeystoreError) -> Bool {
        guard depth <= Self.maxDepth else { throw malformed("objects nest more than \(Self.maxDepth) deep", at: input.offset) }
        let at = input.offset
        let code = try input.readUInt8(field)
        switch code {
        case 0x70:  // TC_NULL
            break
        case 0x71:  // TC_REFERENCE
            _ = try reference(field)
        case 0x72, 0x7D:  // TC_CLASSDESC, TC_PROXYCLASSDESC
            _ = try classDescriptionBody(code, at: at, depth: depth + 1, field: field)
        case 0x73:  // TC_OBJECT
            let classHandle = try classDescription(depth: depth + 1, field: field)
            _ = newHandle(.other)
            try classData(classHandle, depth: depth + 1, field: field)
        case 0x74:  // TC_STRING
            _ = newHandle(.other)
            try input.skip(try input.readUInt16(field), field)
        case 0x7C:  // TC_LONGSTRING
            _ = newHandle(.other)
            let length = try input.readInt64(field)
            guard length >= 0, length <= Int64(input.remaining) else { throw malformed("a long string claims \(length) bytes", at: at) }
            try input.skip(Int(length), field)
        case 0x75:  // TC_ARRAY
            let handle = try classDescription(depth: depth + 1, field: field)
            _ = newHandle(.other)
            guard let description = description(handle) else { throw malformed("an array has no class", at: at) }
            let count = try input.readCount("array length in \(field)")
            let element = description.name.utf8.dropFirst().first
            if description.name.first == "[", let element, let size = Self.primitiveSize(element) {
                try input.skip(count * size, field)  // count is at most the bytes that remain: no overflow
            } else if description.name.first == "[", element == UInt8(ascii: "L") || element == UInt8(ascii: "[") {
                for _ in 0..<count { try object(depth: depth + 1, field: field) }
            } else {
                throw malformed("an array's class is named \"\(description.name)\"", at: at)
            }
        case 0x76:  // TC_CLASS
            _ = try classDescription(depth: depth + 1, field: field)
            _ = newHandle(.other)
        case 0x7E:  // TC_ENUM
            _ = try classDescription(depth: depth + 1, field: field)
            _ = newHandle(.other)
            try object(depth: depth + 1, field: field)
        case 0x79 where depth == 0:  // TC_RESET, which Java accepts only between top-level objects
            handles.removeAll()
            try object(depth: depth + 1, field: field)
        case 0x77 where allowBlockData:  // TC_BLOCKDATA
            try input.skip(Int(try input.readUInt8(field)), field)
        case 0x7A where allowBlockData:  // TC_BLOCKDATALONG
            try input.skip(try input.readCount("block length in \(field)"), field)
        case 0x78 where allowEnd:  // TC_ENDBLOCKDATA
            return true
        default:
            throw malformed("unexpected type code 0x\(String(code, radix: 16, uppercase: true))", at: at)
        }
        return false
    }

    /// `classDesc`: a new description, a reference to a finished one, or null; returns the
    /// description's handle.
    private mutating func classDescription(depth: Int, field: String) throws(KeystoreError) -> Int? {
        guard depth <= Self.maxDepth else { throw malformed("objects nest more than \(Self.maxDepth) deep", at: input.offset) }
        let at = input.offset
        let code = try input.readUInt8(field)
        switch code {
        case 0x70:
            return nil
        case 0x71:
            let index = try reference(field)
            guard case .classDescription(.some) = handles[index] else {
                throw malformed("a class reference names something that is not a finished class description", at: at)
            }
            return index
        case 0x72, 0x7D:
            return try classDescriptionBody(code, at: at, depth: depth, field: field)
        default:
            throw malformed("expected a class description but found type code 0x\(String(code, radix: 16, uppercase: true))", at: at)
        }
    }

    /// The rest of a new class description after its type code; returns its handle.
    private mutating func classDescriptionBody(_ code: UInt8, at: Int, depth: Int, field: String) throws(KeystoreError) -> Int {
        var description: ClassDescription
        let handle: Int
        if code == 0x72 {
            let name = try input.readUTF("a class name in \(field)")
            _ = try input.readInt64(field)  // serialVersionUID
            handle = newHandle(.classDescription(nil))
            let flags = try input.readUInt8(field)
            let count = try input.readUInt16(field)
            var fields: [FieldValue] = []
            for _ in 0..<count {
                let typeAt = input.offset
                let type = try input.readUInt8(field)
                _ = try input.readUTF("a field name in \(field)")
                if let size = Self.primitiveSize(type) {
                    fields.append(.primitive(size))
                } else if type == UInt8(ascii: "L") || type == UInt8(ascii: "[") {
                    try object(depth: depth + 1, field: field)  // the field's class name, a String
                    fields.append(.object)
                } else {
                    throw malformed("a field has the type code 0x\(String(type, radix: 16, uppercase: true))", at: typeAt)
                }
            }
            description = ClassDescription(name: name, flags: flags, fields: fields, superclass: nil)
        } else {
            handle = newHandle(.classDescription(nil))
            let count = try input.readCount("interface count in \(field)", minimumItemSize: 2)
            for _ in 0..<count { _ = try input.readUTF("an interface name in \(field)") }
            description = ClassDescription(name: "(proxy)", flags: 0x02, fields: [], superclass: nil)
        }
        try contents(depth: depth + 1, field: field)  // classAnnotation
        description.superclass = try classDescription(depth: depth + 1, field: field)
        handles[handle] = .classDescription(description)
        return handle
    }

    /// `contents TC_ENDBLOCKDATA`.
    private mutating func contents(depth: Int, field: String) throws(KeystoreError) {
        while try !object(depth: depth, field: field, allowBlockData: true, allowEnd: true) {}
    }

    /// The finished class description with handle `handle`.
    private func description(_ handle: Int?) -> ClassDescription? {
        guard let handle, handles.indices.contains(handle), case .classDescription(let description?) = handles[handle] else { return nil }
        return description
    }

    /// The class data of an object whose class description has handle `handle`: its
    /// superclasses' first.
    private mutating func classData(_ handle: Int?, depth: Int, field: String) throws(KeystoreError) {
        var chain: [ClassDescription] = []
        var current = handle
        while let index = current {
            guard chain.count < Self.maxHierarchy else { throw malformed("a class hierarchy is more than \(Self.maxHierarchy) deep", at: input.offset) }
            guard let known = description(index) else { throw malformed("a class names no finished class description", at: input.offset) }
            chain.append(known)
            current = known.superclass
        }
        for known in chain.reversed() {
            let at = input.offset
            if known.flags & 0x04 != 0 {  // SC_EXTERNALIZABLE
                guard known.flags & 0x08 != 0 else {
                    throw KeystoreError(
                        .unsupported, "The serialized secret key uses Java's old externalizable protocol, which certlint cannot skip (byte \(at)).", offset: at)
                }
                try contents(depth: depth + 1, field: field)
                continue
            }
            for value in known.fields {
                switch value {
                case .primitive(let size): try input.skip(size, field)
                case .object: try object(depth: depth + 1, field: field)
                }
            }
            if known.flags & 0x01 != 0 {  // SC_WRITE_METHOD: then what writeObject added
                try contents(depth: depth + 1, field: field)
            }
        }
    }

    /// The size of a primitive field or array element of type `code`, or nil for objects.
    private static func primitiveSize(_ code: UInt8) -> Int? {
        switch code {
        case UInt8(ascii: "B"), UInt8(ascii: "Z"): return 1
        case UInt8(ascii: "C"), UInt8(ascii: "S"): return 2
        case UInt8(ascii: "F"), UInt8(ascii: "I"): return 4
        case UInt8(ascii: "D"), UInt8(ascii: "J"): return 8
        default: return nil
        }
    }
}
