/// Arithmetic modulo an odd prime of at most 576 bits, on elements kept in Montgomery form.
///
/// A number is an array of `limbCount` 64-bit limbs, least significant first. The field element
/// `a` is stored as `a·R mod p` with `R = 2^(64·limbCount)`, so a product needs no division:
/// `multiply` computes `x·y·R⁻¹ mod p` by Montgomery reduction interleaved with the schoolbook
/// product (the CIOS method of Koç, Acar and Kaliski, "Analyzing and Comparing Montgomery
/// Multiplication Algorithms", IEEE Micro 1996). Elements are always fully reduced (`< p`), so
/// equal elements have equal limbs and `==` on the arrays is field equality.
///
/// This is for deriving public keys from private keys that are already in the clear: it is
/// correct for every input but makes no attempt to run in constant time.
struct MontgomeryField: Sendable {
    /// An element in Montgomery form: `limbCount` limbs, least significant first, value `< p`.
    typealias Element = [UInt64]

    /// The prime `p`, `limbCount` limbs, least significant first.
    let modulus: [UInt64]

    /// How many 64-bit limbs an element has: the smallest number that holds `p`.
    let limbCount: Int

    /// `−p⁻¹ mod 2⁶⁴`, the per-limb factor of the reduction.
    private let negatedModulusInverse: UInt64

    /// `R² mod p`: multiplying by it converts a plain number into Montgomery form.
    private let rSquared: [UInt64]

    /// `p − 2`, the exponent of inversion by Fermat's little theorem.
    private let inversionExponent: [UInt64]

    /// The element 0.
    let zero: Element

    /// The element 1 (`R mod p` in Montgomery form).
    let one: Element

    /// Creates the field of integers modulo `modulusHex`, a big-endian hexadecimal prime.
    ///
    /// The caller promises that the number is an odd prime of at most 576 bits; constants in
    /// this module are the only callers.
    init(modulusHex: String) {
        let modulusBytes = Self.bytes(fromHex: modulusHex)
        let limbCount = max(1, (modulusBytes.count + 7) / 8)
        let modulus = Self.limbs(fromBigEndian: modulusBytes, limbCount: limbCount)
        precondition(limbCount <= 9, "MontgomeryField holds at most 576-bit moduli")
        precondition(modulus[0] & 1 == 1, "the modulus must be odd")
        precondition(modulus[limbCount - 1] != 0, "the modulus must have no leading zero limb")
        self.modulus = modulus
        self.limbCount = limbCount

        // p⁻¹ mod 2⁶⁴ by Newton's iteration: an odd p is its own inverse modulo 8 (3 bits), and
        // each step doubles the number of correct bits: 3, 6, 12, 24, 48, 96.
        var inverse = modulus[0]
        for _ in 0..<5 {
            inverse = inverse &* (2 &- modulus[0] &* inverse)
        }
        self.negatedModulusInverse = 0 &- inverse

        // R² mod p: start from 1 and double 2·64·limbCount times, reducing after each doubling;
        // halfway, the value is R mod p, the Montgomery form of 1.
        var power = [UInt64](repeating: 0, count: limbCount)
        power[0] = 1
        var montgomeryOne = power
        for doubling in 0..<(2 * 64 * limbCount) {
            if doubling == 64 * limbCount {
                montgomeryOne = power
            }
            var carry: UInt64 = 0
            for index in 0..<limbCount {
                let limb = power[index]
                power[index] = (limb &<< 1) | carry
                carry = limb &>> 63
            }
            if carry != 0 || !Self.isLess(power, than: modulus) {
                Self.subtractInPlace(&power, modulus)
            }
        }
        self.rSquared = power

        var exponent = modulus
        var borrow: UInt64 = 2
        for index in 0..<limbCount where borrow != 0 {
            let (difference, overflow) = exponent[index].subtractingReportingOverflow(borrow)
            exponent[index] = difference
            borrow = overflow ? 1 : 0
        }
        self.inversionExponent = exponent

        self.zero = [UInt64](repeating: 0, count: limbCount)
        self.one = montgomeryOne
    }

    // MARK: Conversions

    /// The element whose plain value is the big-endian hexadecimal `hex`, which must be `< p`.
    ///
    /// For this module's constants only: a malformed constant is a programming error.
    func element(fromHex hex: String) -> Element {
        guard let element = element(fromBigEndian: Self.bytes(fromHex: hex)) else {
            preconditionFailure("field constant is not reduced")
        }
        return element
    }

    /// The element whose plain value is the big-endian number `bytes`, or nil when that number
    /// is not less than p (leading zero bytes are allowed).
    func element(fromBigEndian bytes: [UInt8]) -> Element? {
        let significant = bytes.drop { $0 == 0 }
        guard significant.count <= 8 * limbCount else {
            return nil
        }
        let plain = Self.limbs(fromBigEndian: Array(significant), limbCount: limbCount)
        guard Self.isLess(plain, than: modulus) else {
            return nil
        }
        return multiply(plain, rSquared)
    }

    /// The element whose plain value is the small integer `value` (which must be `< p`).
    func element(_ value: UInt64) -> Element {
        var plain = zero
        plain[0] = value
        precondition(Self.isLess(plain, than: modulus), "field constant is not reduced")
        return multiply(plain, rSquared)
    }

    /// The plain value of `element` (out of Montgomery form), least significant limb first.
    func plainLimbs(_ element: Element) -> [UInt64] {
        var plainOne = zero
        plainOne[0] = 1
        return multiply(element, plainOne)
    }

    /// The plain value of `element` as exactly `byteCount` big-endian bytes.
    func bigEndianBytes(_ element: Element, byteCount: Int) -> [UInt8] {
        let limbs = plainLimbs(element)
        var bytes = [UInt8](repeating: 0, count: byteCount)
        for index in 0..<byteCount {
            // Byte `index` from the least significant end.
            let limbIndex = index / 8
            if limbIndex < limbs.count {
                bytes[byteCount - 1 - index] = UInt8(truncatingIfNeeded: limbs[limbIndex] &>> UInt64((index % 8) * 8))
            }
        }
        return bytes
    }

    /// The plain value of `element` as exactly `byteCount` little-endian bytes.
    func littleEndianBytes(_ element: Element, byteCount: Int) -> [UInt8] {
        bigEndianBytes(element, byteCount: byteCount).reversed()
    }

    // MARK: Arithmetic

    /// `a + b mod p`.
    func add(_ a: Element, _ b: Element) -> Element {
        var sum = a
        var carry = false
        for index in 0..<limbCount {
            let (partial, overflow1) = sum[index].addingReportingOverflow(b[index])
            let (total, overflow2) = partial.addingReportingOverflow(carry ? 1 : 0)
            sum[index] = total
            carry = overflow1 || overflow2
        }
        if carry || !Self.isLess(sum, than: modulus) {
            Self.subtractInPlace(&sum, modulus)
        }
        return sum
    }

    /// `a − b mod p`.
    func subtract(_ a: Element, _ b: Element) -> Element {
        var difference = a
        let borrow = Self.subtractInPlace(&difference, b)
        if borrow {
            var carry = false
            for index in 0..<limbCount {
                let (partial, overflow1) = difference[index].addingReportingOverflow(modulus[index])
                let (total, overflow2) = partial.addingReportingOverflow(carry ? 1 : 0)
                difference[index] = total
                carry = overflow1 || overflow2
            }
        }
        return difference
    }

    /// `−a mod p`.
    func negate(_ a: Element) -> Element {
        subtract(zero, a)
    }

    /// `a·b mod p` (both operands and the result in Montgomery form).
    func multiply(_ a: Element, _ b: Element) -> Element {
        let count = limbCount
        precondition(a.count == count && b.count == count, "operands must have limbCount limbs")
        return [UInt64](unsafeUninitializedCapacity: count) { result, initializedCount in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count + 2) { t in
                a.withUnsafeBufferPointer { a in
                    b.withUnsafeBufferPointer { b in
                        modulus.withUnsafeBufferPointer { p in
                            Self.montgomeryProduct(a, b, p, negatedModulusInverse, into: t, result: result)
                        }
                    }
                }
            }
            initializedCount = count
        }
    }

    /// The CIOS loop: `result = a·b·R⁻¹ mod p`, using `t` (count + 2 limbs) as scratch.
    ///
    /// `a`, `b` and `p` have `result.count` limbs; `a, b < p`. The running value in `t` stays
    /// below 2p, so one conditional subtraction of p finishes the reduction.
    private static func montgomeryProduct(
        _ a: UnsafeBufferPointer<UInt64>,
        _ b: UnsafeBufferPointer<UInt64>,
        _ p: UnsafeBufferPointer<UInt64>,
        _ negatedModulusInverse: UInt64,
        into t: UnsafeMutableBufferPointer<UInt64>,
        result: UnsafeMutableBufferPointer<UInt64>
    ) {
        let count = result.count
        t.initialize(repeating: 0)
        for i in 0..<count {
            // t += a·b[i]
            let multiplier = b[i]
            var carry: UInt64 = 0
            for j in 0..<count {
                (carry, t[j]) = multiplyAdd(a[j], multiplier, t[j], carry)
            }
            let (top, topOverflow) = t[count].addingReportingOverflow(carry)
            t[count] = top
            t[count + 1] = topOverflow ? 1 : 0

            // t = (t + m·p) / 2⁶⁴, with m chosen so that the low limb becomes zero.
            let m = t[0] &* negatedModulusInverse
            (carry, _) = multiplyAdd(m, p[0], t[0], 0)
            for j in 1..<count {
                (carry, t[j - 1]) = multiplyAdd(m, p[j], t[j], carry)
            }
            let (shifted, shiftedOverflow) = t[count].addingReportingOverflow(carry)
            t[count - 1] = shifted
            t[count] = t[count + 1] &+ (shiftedOverflow ? 1 : 0)
        }

        // t < 2p: subtract p once when t ≥ p, that is when t[count] is set or the low limbs
        // are not less than p.
        var needsSubtraction = t[count] != 0
        if !needsSubtraction {
            needsSubtraction = true  // equal to p counts as "not less"
            for index in stride(from: count - 1, through: 0, by: -1) where t[index] != p[index] {
                needsSubtraction = t[index] > p[index]
                break
            }
        }
        var borrow = false
        for index in 0..<count {
            if needsSubtraction {
                let (partial, overflow1) = t[index].subtractingReportingOverflow(p[index])
                let (total, overflow2) = partial.subtractingReportingOverflow(borrow ? 1 : 0)
                result.initializeElement(at: index, to: total)
                borrow = overflow1 || overflow2
            } else {
                result.initializeElement(at: index, to: t[index])
            }
        }
    }

    /// `a² mod p`.
    func square(_ a: Element) -> Element {
        multiply(a, a)
    }

    /// `a^exponent mod p`, `exponent` a plain number given as limbs, least significant first.
    func power(_ base: Element, _ exponent: [UInt64]) -> Element {
        var result = one
        for limb in exponent.reversed() {
            for bit in stride(from: 63, through: 0, by: -1) {
                result = square(result)
                if (limb &>> UInt64(bit)) & 1 == 1 {
                    result = multiply(result, base)
                }
            }
        }
        return result
    }

    /// `a⁻¹ mod p` by Fermat's little theorem (`a^(p−2)`); the inverse of 0 comes out as 0.
    func inverse(_ a: Element) -> Element {
        power(a, inversionExponent)
    }

    /// Whether `a` is the zero element.
    func isZero(_ a: Element) -> Bool {
        a.allSatisfy { $0 == 0 }
    }

    // MARK: Limb helpers

    /// `(high, low)` of `x·y + addend1 + addend2`, which always fits in 128 bits.
    @inline(__always)
    static func multiplyAdd(
        _ x: UInt64,
        _ y: UInt64,
        _ addend1: UInt64,
        _ addend2: UInt64
    ) -> (high: UInt64, low: UInt64) {
        let (high, low) = x.multipliedFullWidth(by: y)
        let (low1, overflow1) = low.addingReportingOverflow(addend1)
        let (low2, overflow2) = low1.addingReportingOverflow(addend2)
        return (high &+ (overflow1 ? 1 : 0) &+ (overflow2 ? 1 : 0), low2)
    }

    /// Whether the number `a` is less than `b` (same limb count, least significant limb first).
    static func isLess(_ a: [UInt64], than b: [UInt64]) -> Bool {
        for index in stride(from: a.count - 1, through: 0, by: -1) where a[index] != b[index] {
            return a[index] < b[index]
        }
        return false
    }

    /// `a −= b` modulo 2^(64·count); returns whether it borrowed (whether `a < b`).
    @discardableResult
    static func subtractInPlace(_ a: inout [UInt64], _ b: [UInt64]) -> Bool {
        var borrow = false
        for index in 0..<a.count {
            let (partial, overflow1) = a[index].subtractingReportingOverflow(b[index])
            let (total, overflow2) = partial.subtractingReportingOverflow(borrow ? 1 : 0)
            a[index] = total
            borrow = overflow1 || overflow2
        }
        return borrow
    }

    /// The big-endian `bytes` as `limbCount` limbs, least significant first; excess high bytes
    /// are dropped.
    static func limbs(fromBigEndian bytes: [UInt8], limbCount: Int) -> [UInt64] {
        var limbs = [UInt64](repeating: 0, count: limbCount)
        for (offset, byte) in bytes.reversed().enumerated() where offset < 8 * limbCount {
            limbs[offset / 8] |= UInt64(byte) &<< UInt64((offset % 8) * 8)
        }
        return limbs
    }

    /// The bytes of a hexadecimal constant (no prefix; an odd digit count gets a leading zero).
    ///
    /// For this module's constants only: a non-hexadecimal character is a programming error.
    static func bytes(fromHex hex: String) -> [UInt8] {
        var digits: [UInt8] = hex.utf8.map { character in
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
            default: preconditionFailure("not a hexadecimal digit in a curve constant")
            }
        }
        if digits.count % 2 == 1 {
            digits.insert(0, at: 0)
        }
        return stride(from: 0, to: digits.count, by: 2).map { digits[$0] &<< 4 | digits[$0 + 1] }
    }
}
