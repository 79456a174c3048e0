import Testing
@testable import CertLintDER

// Every expected value in this file was recomputed with Python 3.11's `base64` module
// (`base64.b64encode`, `base64.b64decode(..., validate=True)` after removing whitespace and
// adding the missing padding); `python3 -c 'import base64; print(base64.b64decode("Zm9="))'`
// is the pattern. The random-string tests were replayed with a Python port of SplitMix64.

@Suite struct Base64Tests {
    // RFC 4648 section 10, "Test Vectors", BASE64 column.
    static let rfc4648Vectors: [(plain: String, encoded: String)] = [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ]

    @Test(arguments: rfc4648Vectors)
    func rfc4648Encode(plain: String, encoded: String) {
        #expect(Base64.encode(Array(plain.utf8)) == encoded)
    }

    @Test(arguments: rfc4648Vectors)
    func rfc4648Decode(plain: String, encoded: String) throws {
        #expect(try Base64.decode(encoded) == Array(plain.utf8))
        let bytes = Array(encoded.utf8)
        let result = try Base64.decode(bytes, in: 0..<bytes.count, stopAtDash: false)
        #expect(result.bytes == Array(plain.utf8))
        #expect(result.end == bytes.count)
    }

    // Whitespace anywhere: the line breaks of PEM (RFC 7468 section 3 lets parsers ignore
    // whitespace, "lax" parsing), CRLF files, indentation from YAML, vertical tab and form feed
    // (Go's `encoding/base64` TestDecoderIssue3577 and TestDecodeWithWhitespace ideas, where
    // `\r` and `\n` are skipped; we also skip space, tab, VT and FF).
    @Test(arguments: [
        ("Zm9v\nYmFy", "foobar"),
        ("Zm9v\r\nYmFy\r\n", "foobar"),
        ("  Zm9v\n  YmFy\n", "foobar"),
        ("Z m 9 v Y m F y", "foobar"),
        ("Z\r\nm\r\n9\r\nv", "foo"),
        ("\tZm9vYg==\t", "foob"),
        ("Zm9vYg=\n=", "foob"),
        ("Zm9vYg = =", "foob"),
        ("Zm9vYmE\r\n=", "fooba"),
        ("\u{0B}Zm9v\u{0C}YmFy", "foobar"),
        ("\n\n\n", ""),
        ("   ", ""),
        ("Zm9vYmFy\n\n\n", "foobar"),
    ])
    func whitespaceIsIgnored(text: String, plain: String) throws {
        #expect(try Base64.decode(text) == Array(plain.utf8))
    }

    // Characters outside the alphabet, with the offset of the offending byte. Ideas from Go's
    // `encoding/base64` TestDecodeCorrupt (its table gives the offset of the first bad byte too)
    // and from the URL-safe alphabet of RFC 4648 section 5, which the standard one must refuse.
    @Test(arguments: [
        ("Zm9v!mFy", 4, "'!'"),
        ("!Zm9v", 0, "'!'"),
        ("Zm9vYmF*", 7, "'*'"),
        ("Zm9v_mFy", 4, "'_'"),
        ("Zm9v-mFy", 4, "'-'"),
        ("-----", 0, "'-'"),
        ("Zm9vYm.y", 6, "'.'"),
        ("Zm9v\u{0}YmFy", 4, "byte 0x00"),
        ("Zm9vé", 4, "byte 0xC3"),
        ("Zm 9v\r\n\u{7F}", 7, "byte 0x7F"),
        ("Zm9vYmFy\n:", 9, "':'"),
    ])
    func invalidCharacterOffset(text: String, offset: Int, shown: String) throws {
        let error = try #require(derError { _ = try Base64.decode(text) })
        #expect(error.code == .invalidBase64)
        #expect(error.offset == offset)
        #expect(error.reason == "Base64 text holds \(shown), which is not in the Base64 alphabet")
        #expect(error.path.isEmpty)
    }

    // Padding in the wrong place. Go's TestDecodeCorrupt cases `"A="`, `"AA=="` + more,
    // `"AAA=AAAA"`, `"AA=A"`; Python's `binascii.a2b_base64(..., strict_mode=True)` ("Excess
    // data after padding", "Discontinuous padding", "Leading padding") refuses them all too
    // (without strict_mode Python accepts "Zm9v=").
    @Test(arguments: [
        ("=Zg=", 0, "Base64 text has '=' padding in the wrong place"),
        ("Z===", 1, "Base64 text has '=' padding in the wrong place"),
        ("Zm9v=", 4, "Base64 text has '=' padding in the wrong place"),
        ("Zg===", 4, "Base64 text has '=' padding in the wrong place"),
        ("Zm8==", 4, "Base64 text has '=' padding in the wrong place"),
        ("====", 0, "Base64 text has '=' padding in the wrong place"),
        ("Zg=a", 3, "Base64 text continues after its '=' padding"),
        ("Zg==Zg==", 4, "Base64 text continues after its '=' padding"),
        ("Zm8=\nZm8=", 5, "Base64 text continues after its '=' padding"),
        ("Zg=", 3, "Base64 text has too little '=' padding"),
        ("Zg= \n", 5, "Base64 text has too little '=' padding"),
    ])
    func paddingErrors(text: String, offset: Int, reason: String) throws {
        let error = try #require(derError { _ = try Base64.decode(text) })
        #expect(error.code == .invalidBase64)
        #expect(error.offset == offset)
        #expect(error.reason == reason)
    }

    // A single character left over cannot encode a byte (6 bits). The error points at the end of
    // the text, where the missing characters should have been.
    @Test(arguments: [("Z", 1), ("Zm9vY", 5), ("Zm9vY\n", 6), ("Zm9vYmFyZ\r\n", 11)])
    func singleTrailingCharacter(text: String, offset: Int) throws {
        let error = try #require(derError { _ = try Base64.decode(text) })
        #expect(error.code == .invalidBase64)
        #expect(error.offset == offset)
        #expect(error.reason == "Base64 text ends with a single stray character")
    }

    // Missing padding is accepted, as many Kubernetes and JSON producers omit it (Go's
    // RawStdEncoding vectors are these RFC 4648 strings without '=').
    @Test(arguments: [("Zg", "f"), ("Zm8", "fo"), ("Zm9vYg", "foob"), ("Zm9vYmE", "fooba"), ("Zm9vYmE\n", "fooba")])
    func missingPaddingAccepted(text: String, plain: String) throws {
        #expect(try Base64.decode(text) == Array(plain.utf8))
    }

    // Non-zero bits below the last full byte are ignored (RFC 4648 section 3.5 lets decoders
    // accept them; Python's `b64decode` and Go's non-Strict encoding do).
    @Test(arguments: [("Zh==", "f"), ("Zm9=", "fo"), ("Zm/=", "fo")])
    func nonCanonicalTrailingBitsAccepted(text: String, plain: String) throws {
        #expect(try Base64.decode(text) == Array(plain.utf8))
    }

    @Test func stopAtDashReturnsWhereItStopped() throws {
        let input = Array("Zm9v\n-----END X-----\n".utf8)
        let result = try Base64.decode(input, in: 0..<input.count, stopAtDash: true)
        #expect(result.bytes == Array("foo".utf8))
        #expect(result.end == 5)

        let error = try #require(derError { _ = try Base64.decode(input, in: 0..<input.count, stopAtDash: false) })
        #expect(error.code == .invalidBase64)
        #expect(error.offset == 5)
    }

    @Test func stopAtDashWithinASubrange() throws {
        // The range starts after "xx"; offsets stay offsets in the whole input.
        let input = Array("xxZm9vYg==-rest".utf8)
        let result = try Base64.decode(input, in: 2..<input.count, stopAtDash: true)
        #expect(result.bytes == Array("foob".utf8))
        #expect(result.end == 10)

        let bad = Array("xx!!".utf8)
        let error = try #require(derError { _ = try Base64.decode(bad, in: 2..<4, stopAtDash: true) })
        #expect(error.offset == 2)
    }

    @Test(arguments: [
        // Text stops at the dash; what precedes it must still be well padded.
        ("Zg-", 2, "f"),
        ("Zg==-", 4, "f"),
        ("-", 0, ""),
        ("Zm9v\r\n  -", 8, "foo"),
    ])
    func stopAtDashCases(text: String, end: Int, plain: String) throws {
        let input = Array(text.utf8)
        let result = try Base64.decode(input, in: 0..<input.count, stopAtDash: true)
        #expect(result.end == end)
        #expect(result.bytes == Array(plain.utf8))
    }

    @Test func stopAtDashStillChecksPadding() throws {
        let input = Array("Zg=-".utf8)
        let error = try #require(derError { _ = try Base64.decode(input, in: 0..<input.count, stopAtDash: true) })
        #expect(error.reason == "Base64 text has too little '=' padding")
        #expect(error.offset == 3)

        let stray = Array("Zm9vY-".utf8)
        let strayError = try #require(derError { _ = try Base64.decode(stray, in: 0..<stray.count, stopAtDash: true) })
        #expect(strayError.reason == "Base64 text ends with a single stray character")
        #expect(strayError.offset == 5)
    }

    // Line breaking as PEM does (RFC 7468 section 2: 64 characters a line). Values from
    // `"\n".join(textwrap.wrap(base64.b64encode(bytes(range(n))).decode(), 64))`; Go's
    // pem TestLineBreaker covers the same 64/65/128 boundaries.
    @Test func encodeWithLineLength64() {
        #expect(Base64.encode([UInt8](), lineLength: 64) == "")
        #expect(
            Base64.encode(Array(UInt8(0)..<48), lineLength: 64)
                == "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4v")
        #expect(
            Base64.encode(Array(UInt8(0)..<49), lineLength: 64)
                == "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4v\nMA==")
        #expect(Base64.encode(Array("foobar".utf8), lineLength: 4) == "Zm9v\nYmFy")
        #expect(Base64.encode(Array("foob".utf8), lineLength: 4) == "Zm9v\nYg==")
    }

    @Test(arguments: [1, 47, 48, 49, 95, 96, 97, 300])
    func encodedLinesAreAtMost64(count: Int) throws {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let text = Base64.encode(bytes, lineLength: 64)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.dropLast().allSatisfy { $0.count == 64 })
        #expect((1...64).contains(lines.last?.count ?? 0))
        #expect(!text.hasSuffix("\n"))
        #expect(lines.joined() == Base64.encode(bytes))
        #expect(try Base64.decode(text) == bytes)
    }

    @Test func splitMix64MatchesTheReferenceOutput() {
        // First outputs for seed 0, as printed by the reference C code and a Python port.
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    // Round trip over 1000 seeded random byte strings, with and without line breaks, with LF and
    // with CRLF. A Python replay of the same generator gave the samples and the totals below.
    @Test func randomRoundTrip() throws {
        var generator = SplitMix64(seed: 0x0B5E_64)
        var totalLength = 0
        var totalWrappedLength = 0
        for index in 0..<1000 {
            let bytes = generator.bytes(count: generator.next(below: 200))
            let plain = Base64.encode(bytes)
            let wrapped = Base64.encode(bytes, lineLength: 64)
            totalLength += plain.utf8.count
            totalWrappedLength += wrapped.utf8.count
            switch index {
            case 0: #expect(plain == "Y6UllMfr2Yar6FZyNNRD6gjE26x9ztFOOIdoIv90Fyt+uBpP8T0=")
            case 1:
                #expect(
                    plain
                        == "ILnND93UNvgaMQsTW02W3mujBfvTu0yUh4pbU+FaNwi9Ez7IpNlrcHQEeRVmPwoMxMFkVAhuVMvAkohTKJOEX152fcX9qDBnGQ==")
            default: break
            }
            #expect(plain.utf8.count == (bytes.count + 2) / 3 * 4)
            #expect(try Base64.decode(plain) == bytes)
            #expect(try Base64.decode(wrapped) == bytes)
            let crlf = wrapped.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
            #expect(try Base64.decode(crlf) == bytes)
            let unpadded = String(plain.prefix { $0 != "=" })
            #expect(try Base64.decode(unpadded) == bytes)
        }
        #expect(totalLength == 133_148)
        #expect(totalWrappedLength == 134_714)
    }

    // Seeded random text over an alphabet rich in the characters that matter (padding, dashes,
    // whitespace, a high byte) must decode or throw, never trap; a success must decode to
    // 6 bits per alphabet character, rounded down to whole bytes.
    @Test func randomTextNeverTraps() {
        let pool = Array("AZaz09+/==-- \r\n\t!".utf8) + [0xC3, 0x00]
        var generator = SplitMix64(seed: 42)
        var successes = 0
        for _ in 0..<5000 {
            let text = (0..<generator.next(below: 24)).map { _ in pool[generator.next(below: pool.count)] }
            for stopAtDash in [false, true] {
                do {
                    let result = try Base64.decode(text, in: 0..<text.count, stopAtDash: stopAtDash)
                    successes += 1
                    #expect(result.end <= text.count)
                    let symbols = text[..<result.end].filter { $0 != UInt8(ascii: "=") && !" \r\n\t".utf8.contains($0) }
                    #expect(result.bytes.count == symbols.count * 6 / 8)
                } catch {
                    #expect(error.code == .invalidBase64)
                    #expect((0...text.count).contains(error.offset))
                }
            }
        }
        #expect(successes > 0)
    }

    @Test func errorDescriptionNamesTheByte() throws {
        let error = try #require(derError { _ = try Base64.decode("Zm9v!") })
        #expect(error.description == "Base64 text holds '!', which is not in the Base64 alphabet (at byte 4).")
    }
}

/// The vector decoder (CertLintDERAccel, where the CPU has SSSE3) against the Swift decoder
/// alone: the same bytes, the same end and the same error, over every encoding of every length
/// up to 200 bytes, with line breaks, and over seeded random mutations that put each non-
/// alphabet character class (white space, padding, '-', invalid and high bytes) at every
/// position of a 16-character group.
@Suite struct Base64VectorDecoderTests {
    static func outcome(_ text: [UInt8], stopAtDash: Bool, vector: Bool) -> Result<(bytes: [UInt8], end: Int), DERError> {
        do throws(DERError) {
            return .success(try Base64.decode(text, in: 0..<text.count, stopAtDash: stopAtDash, vector: vector))
        } catch {
            return .failure(error)
        }
    }

    static func expectSame(_ text: [UInt8], stopAtDash: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) {
        switch (outcome(text, stopAtDash: stopAtDash, vector: true), outcome(text, stopAtDash: stopAtDash, vector: false)) {
        case (.success(let a), .success(let b)):
            #expect(a.bytes == b.bytes && a.end == b.end, "\(String(decoding: text, as: UTF8.self))", sourceLocation: sourceLocation)
        case (.failure(let a), .failure(let b)):
            #expect(a == b, sourceLocation: sourceLocation)
        case (let a, let b):
            Issue.record("vector \(a), Swift \(b) for \(String(decoding: text, as: UTF8.self))", sourceLocation: sourceLocation)
        }
    }

    @Test func theCPUHasTheVectorDecoderHere() {
        // The machines this project runs on are x86-64 with SSSE3; elsewhere this test would
        // say the comparisons below exercised the Swift decoder twice.
        #if arch(x86_64)
        #expect(Base64.hasVectorDecoder)
        #endif
    }

    @Test func everyLengthAndLineLength() {
        var rng = SplitMix64(seed: 0xB64)
        for length in 0...200 {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let encoded = Array(Base64.encode(bytes).utf8)
            Self.expectSame(encoded)
            #expect((try? Base64.decode(encoded, in: 0..<encoded.count, stopAtDash: false, vector: true).bytes) == bytes)
            for lineLength in [4, 16, 60, 64, 76] {
                var wrapped: [UInt8] = []
                for (i, c) in encoded.enumerated() {
                    if i > 0 && i % lineLength == 0 { wrapped += [0x0D, 0x0A] }
                    wrapped.append(c)
                }
                Self.expectSame(wrapped + Array("\n-----END X-----\n".utf8))
            }
        }
    }

    @Test func mutationsAtEveryPositionOfAGroup() {
        var rng = SplitMix64(seed: 0x5EED)
        let specials: [UInt8] = [0x20, 0x0A, 0x0D, 0x09, 0x3D, 0x2D, 0x00, 0x2E, 0x3A, 0x40, 0x5B, 0x60, 0x7B, 0x7F, 0x80, 0xC3, 0xFF, 0x2B, 0x2F]
        var failures = 0
        for _ in 0..<20_000 {
            let length = 16 + Int(rng.next() % 120)
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            var text = Array(Base64.encode(bytes).utf8)
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                text[Int(rng.next() % UInt64(text.count))] = specials[Int(rng.next() % UInt64(specials.count))]
            }
            Self.expectSame(text, stopAtDash: rng.next() % 2 == 0)
            if case .failure = Self.outcome(text, stopAtDash: true, vector: false) { failures += 1 }
        }
        // Both outcomes occur.
        #expect(failures > 2000)
        #expect(failures < 18_000)
    }
}
