import Testing
@testable import CertLintDER

// Block positions are asserted with `⟨name⟩` markers in the input (see MarkedText). The
// Base64 bodies are tiny DER values whose decoding was checked with Python's `base64`:
// "MAMCAQU=" is 30 03 02 01 05 (SEQUENCE { INTEGER 5 }), "BAJhYg==" is 04 02 61 62
// (OCTET STRING "ab"), "AA==" is 00. Expected labels and header values are copied from the
// input text. Case ideas: RFC 7468 (sections 2, 3 and 5.2), Go's `encoding/pem` tests
// (pemData with its broken blocks, badPEMTests, the EMPTY and HEADERS blocks) and
// apple/swift-asn1's PEM tests (CRLF, several blocks).

private let seq5 = hex("30 03 02 01 05")
private let octetsAB = hex("04 02 61 62")

private func blocks(_ text: MarkedText) -> (blocks: [PEMBlock], truncated: Bool) {
    PEM.blocks(in: text.bytes)
}

private func blockError(_ block: PEMBlock) -> DERError? {
    derError { _ = try block.der() }
}

@Suite struct PEMTests {
    @Test func severalBlocksWithTextAround() throws {
        let text = MarkedText(
            """
            subject=CN = example.com
            issuer=CN = Example CA
            ⟨b0⟩-----BEGIN CERTIFICATE-----
            MAMCAQU=
            -----END CERTIFICATE-----⟨e0⟩
            Notes between the blocks: anything at all.
            ⟨b1⟩-----BEGIN PRIVATE KEY-----
            BAJhYg==
            -----END PRIVATE KEY-----⟨e1⟩
            trailing text
            """)
        let (found, truncated) = blocks(text)
        #expect(!truncated)
        try #require(found.count == 2)
        #expect(found[0].label == "CERTIFICATE")
        #expect(try found[0].der() == seq5)
        #expect(found[0].index == 0)
        #expect(found[0].range == text["b0"]..<text["e0"])
        #expect(found[0].headers.isEmpty)
        #expect(found[1].label == "PRIVATE KEY")
        #expect(try found[1].der() == octetsAB)
        #expect(found[1].index == 1)
        #expect(found[1].range == text["b1"]..<text["e1"])
        #expect(PEM.containsPEM(text.bytes))
    }

    @Test func crlfLineEnds() throws {
        let lf = """
            intro
            ⟨b0⟩-----BEGIN CERTIFICATE-----
            MAMC
            AQU=
            -----END CERTIFICATE-----⟨e0⟩
            ⟨b1⟩-----BEGIN CERTIFICATE-----
            BAJhYg==
            -----END CERTIFICATE-----⟨e1⟩

            """
        let text = MarkedText(lf.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n"))
        let found = blocks(text).blocks
        try #require(found.count == 2)
        #expect(try found[0].der() == seq5)
        #expect(found[0].range == text["b0"]..<text["e0"])
        #expect(try found[1].der() == octetsAB)
        #expect(found[1].range == text["b1"]..<text["e1"])
    }

    // Indentation: PEM pasted into YAML (Kubernetes Secrets, Helm values), with spaces or tabs.
    @Test func indentedBlocks() throws {
        let text = MarkedText(
            """
            data:
              tls.crt: |
                ⟨b0⟩-----BEGIN CERTIFICATE-----
                MAMCAQU=
                -----END CERTIFICATE-----⟨e0⟩
            \t⟨b1⟩-----BEGIN CERTIFICATE-----
            \t\tBAJh
            \t\tYg==
            \t-----END CERTIFICATE-----⟨e1⟩
            """)
        let found = blocks(text).blocks
        try #require(found.count == 2)
        #expect(try found[0].der() == seq5)
        #expect(found[0].range == text["b0"]..<text["e0"])
        #expect(try found[1].der() == octetsAB)
        #expect(found[1].range == text["b1"]..<text["e1"])
    }

    // A UTF-8 byte-order mark before the first BEGIN line (Windows editors write one).
    @Test(arguments: ["", "  ", "\t"])
    func byteOrderMark(indent: String) throws {
        let text = MarkedText("\u{FEFF}\(indent)⟨b⟩-----BEGIN CERTIFICATE-----\nMAMCAQU=\n-----END CERTIFICATE-----⟨e⟩\n")
        #expect(text["b"] == 3 + indent.utf8.count)
        let found = blocks(text).blocks
        try #require(found.count == 1)
        #expect(try found[0].der() == seq5)
        #expect(found[0].range == text["b"]..<text["e"])
    }

    // RFC 1421 encapsulated headers, as OpenSSL writes them for legacy encrypted keys.
    @Test(arguments: ["\n", "\r\n"])
    func procTypeAndDEKInfoHeaders(lineEnd: String) throws {
        let text = [
            "-----BEGIN RSA PRIVATE KEY-----",
            "Proc-Type: 4,ENCRYPTED",
            "DEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF",
            "",
            "MAMCAQU=",
            "-----END RSA PRIVATE KEY-----",
            "",
        ].joined(separator: lineEnd)
        let found = PEM.blocks(in: Array(text.utf8)).blocks
        try #require(found.count == 1)
        let block = found[0]
        #expect(block.label == "RSA PRIVATE KEY")
        #expect(try block.der() == seq5)
        #expect(block.headers.map(\.name) == ["Proc-Type", "DEK-Info"])
        #expect(block.header("Proc-Type") == "4,ENCRYPTED")
        #expect(block.header("proc-type") == "4,ENCRYPTED")
        #expect(block.header("DEK-INFO") == "AES-128-CBC,0123456789ABCDEF0123456789ABCDEF")
        #expect(block.header("Comment") == nil)
    }

    // Continuation lines (RFC 1421 section 4.2 folds long header fields onto lines that start
    // with white space). The pieces are joined with no space, so a hex value split over two
    // lines reads back whole.
    @Test func headerContinuationLines() throws {
        let text = """
            -----BEGIN RSA PRIVATE KEY-----
            Proc-Type: 4,ENCRYPTED
            DEK-Info: AES-256-CBC,
             00112233445566778899
            \tAABBCCDDEEFF
            Comment: second
              header

            MAMCAQU=
            -----END RSA PRIVATE KEY-----
            """
        let block = try #require(PEM.blocks(in: Array(text.utf8)).blocks.first)
        #expect(try block.der() == seq5)
        #expect(block.headers.count == 3)
        #expect(block.header("DEK-Info") == "AES-256-CBC,00112233445566778899AABBCCDDEEFF")
        #expect(block.header("Comment") == "secondheader")
    }

    // Go's pemData refuses headers not followed by a blank line ("Header: 1" then the END
    // line); we accept headers followed directly by the Base64 body.
    @Test func headersWithoutBlankLine() throws {
        let text = """
            -----BEGIN HEADERS-----
            Header: 1
            MAMCAQU=
            -----END HEADERS-----
            """
        let block = try #require(PEM.blocks(in: Array(text.utf8)).blocks.first)
        #expect(block.header("Header") == "1")
        #expect(try block.der() == seq5)
    }

    // An encrypted key pasted, indented, into YAML: every header line carries the indentation,
    // which must not make DEK-Info look like a continuation of Proc-Type.
    @Test func indentedHeaders() throws {
        let text = """
            key: |
              -----BEGIN RSA PRIVATE KEY-----
              Proc-Type: 4,ENCRYPTED
              DEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF

              MAMCAQU=
              -----END RSA PRIVATE KEY-----
            """
        let block = try #require(PEM.blocks(in: Array(text.utf8)).blocks.first)
        #expect(try block.der() == seq5)
        #expect(block.headers.map(\.name) == ["Proc-Type", "DEK-Info"])
        #expect(block.header("Proc-Type") == "4,ENCRYPTED")
        #expect(block.header("DEK-Info") == "AES-128-CBC,0123456789ABCDEF0123456789ABCDEF")
    }

    // Go's pemWrongEndingType; the block after it is still read.
    @Test func mismatchedEndLabel() throws {
        let text = MarkedText(
            """
            ⟨b0⟩-----BEGIN CERTIFICATE-----
            MAMCAQU=
            ⟨end⟩-----END PRIVATE KEY-----
            ⟨b1⟩-----BEGIN CERTIFICATE-----
            BAJhYg==
            -----END CERTIFICATE-----⟨e1⟩
            """)
        let found = blocks(text).blocks
        try #require(found.count == 2)
        let error = try #require(blockError(found[0]))
        #expect(error.code == .invalidPEM)
        #expect(error.offset == text["end"])
        #expect(error.reason == "The PEM block begins as \"CERTIFICATE\" but ends as \"PRIVATE KEY\"")
        #expect(found[0].range == text["b0"]..<text["b1"])
        #expect(try found[1].der() == octetsAB)
        #expect(found[1].index == 1)
        #expect(found[1].range == text["b1"]..<text["e1"])
    }

    // A file cut short: the BEGIN line and some Base64, no END line.
    @Test(arguments: ["MAMCAQU=\n", "MAMCAQU=", "MAMC\nAQ", ""])
    func truncatedFile(body: String) throws {
        let text = MarkedText("junk\n⟨b⟩-----BEGIN CERTIFICATE-----\n" + body + "⟨eof⟩")
        let found = blocks(text).blocks
        try #require(found.count == 1)
        let error = try #require(blockError(found[0]))
        #expect(error.code == .invalidPEM)
        #expect(error.offset == text["eof"])
        #expect(error.reason == "The PEM block \"CERTIFICATE\" has no END line; the file may be truncated")
        #expect(found[0].range == text["b"]..<text["eof"])
    }

    // A block with no END line is followed by a good one: the good one is still read.
    @Test func beginWithoutEndThenAGoodBlock() throws {
        let text = MarkedText(
            """
            ⟨b0⟩-----BEGIN CERTIFICATE-----
            MAMC
            ⟨b1⟩-----BEGIN CERTIFICATE-----
            BAJhYg==
            -----END CERTIFICATE-----⟨e1⟩
            """)
        let found = blocks(text).blocks
        try #require(found.count == 2)
        let error = try #require(blockError(found[0]))
        #expect(error.code == .invalidPEM)
        #expect(error.offset == text["b1"])
        #expect(error.reason == "The PEM block \"CERTIFICATE\" has no END line before the next BEGIN line")
        #expect(found[0].range == text["b0"]..<text["b1"])
        #expect(try found[1].der() == octetsAB)
        #expect(found[1].range == text["b1"]..<text["e1"])
    }

    // Broken Base64 inside a block: the error carries the offset in the file and names the
    // block; scanning resumes after the broken block's END line.
    @Test func badBase64InABlock() throws {
        let text = MarkedText(
            """
            ⟨b0⟩-----BEGIN CERTIFICATE-----
            MAMC⟨bad⟩!QU=
            -----END CERTIFICATE-----
            ⟨b1⟩-----BEGIN CERTIFICATE-----
            MAMCAQU=
            -----END CERTIFICATE-----⟨e1⟩
            """)
        let found = blocks(text).blocks
        try #require(found.count == 2)
        let error = try #require(blockError(found[0]))
        #expect(error.code == .invalidBase64)
        #expect(error.offset == text["bad"])
        #expect(error.path == "")
        #expect(
            error.description
                == "Base64 text holds '!', which is not in the Base64 alphabet (at byte \(text["bad"])).")
        #expect(found[0].range == text["b0"]..<text["b1"])
        #expect(try found[1].der() == seq5)
        #expect(found[1].range == text["b1"]..<text["e1"])
    }

    // Base64 cut mid-quantum right before the next BEGIN line.
    @Test func strayCharacterBeforeNextBegin() throws {
        let text = MarkedText(
            """
            ⟨b0⟩-----BEGIN CERTIFICATE-----
            MAMCA
            ⟨b1⟩-----BEGIN CERTIFICATE-----
            MAMCAQU=
            -----END CERTIFICATE-----
            """)
        let found = blocks(text).blocks
        try #require(found.count == 2)
        let error = try #require(blockError(found[0]))
        #expect(error.code == .invalidBase64)
        #expect(error.offset == text["b1"])
        #expect(error.path == "")
        #expect(try found[1].der() == seq5)
    }

    // A '-' that starts neither an END nor a BEGIN line (Go's pemMissingEndingSpace too).
    @Test(arguments: [
        "MAMC⟨dash⟩-AQU=\n-----END CERTIFICATE-----\n",
        "MAMCAQU=\n⟨dash⟩-----ENDCERTIFICATE-----\n",
        "MAMCAQU=\n ⟨dash⟩- ---END CERTIFICATE-----\n",
    ])
    func strayDashInBody(body: String) throws {
        let text = MarkedText(
            "⟨b0⟩-----BEGIN CERTIFICATE-----\n" + body + "⟨b1⟩-----BEGIN X-----\nAA==\n-----END X-----\n")
        let found = blocks(text).blocks
        try #require(found.count == 2)
        let error = try #require(blockError(found[0]))
        #expect(error.code == .invalidPEM)
        #expect(error.offset == text["dash"])
        #expect(error.reason == "The PEM block \"CERTIFICATE\" has a stray '-' in its Base64 text")
        #expect(try found[1].der() == [0])
        #expect(found[1].index == 1)
    }

    // An END line that does not start its line is not an END line.
    @Test func endMarkerNotAtLineStart() throws {
        let text = MarkedText("-----BEGIN X-----\nAA==⟨dash⟩-----END X-----\n")
        let block = try #require(blocks(text).blocks.first)
        let error = try #require(blockError(block))
        #expect(error.offset == text["dash"])
        #expect(error.reason == "The PEM block \"X\" has a stray '-' in its Base64 text")
    }

    // Go's EMPTY blocks: Go returns empty bytes; a certificate file with an empty block is a
    // finding for us, so it is an error.
    @Test(arguments: ["", "\n", "\n\n", "  \r\n"])
    func emptyBlock(inside: String) throws {
        let text = MarkedText("⟨b⟩-----BEGIN EMPTY-----\n\(inside)-----END EMPTY-----\n⟨next⟩")
        let block = try #require(blocks(text).blocks.first)
        let error = try #require(blockError(block))
        #expect(error.code == .invalidPEM)
        #expect(error.offset == text["b"])
        #expect(error.reason == "The PEM block \"EMPTY\" is empty")
        #expect(block.range == text["b"]..<text["next"])
    }

    // BEGIN must start a line (after optional blanks): quoted or inline markers are text.
    @Test(arguments: [
        "Subject: x -----BEGIN CERTIFICATE-----\nMAMCAQU=\n-----END CERTIFICATE-----\n",
        "> -----BEGIN CERTIFICATE-----\n> MAMCAQU=\n> -----END CERTIFICATE-----\n",
        "#-----BEGIN CERTIFICATE-----\nMAMCAQU=\n-----END CERTIFICATE-----\n",
        "----BEGIN CERTIFICATE-----\nMAMCAQU=\n-----END CERTIFICATE-----\n",
        "-----BEGINCERTIFICATE-----\nMAMCAQU=\n-----END CERTIFICATE-----\n",
        "no PEM here at all",
        "",
    ])
    func beginNotAtLineStartIsIgnored(text: String) {
        let bytes = Array(text.utf8)
        let result = PEM.blocks(in: bytes)
        #expect(result.blocks.isEmpty)
        #expect(!result.truncated)
        #expect(!PEM.containsPEM(bytes))
    }

    // Malformed BEGIN and END lines (Go's pemTooFewEndingDashes and a BEGIN line with text after
    // its dashes, which RFC 7468 section 3 does not allow).
    @Test func malformedArmourLines() throws {
        let fourDashes = MarkedText("⟨b⟩-----BEGIN CERTIFICATE----\nMAMCAQU=\n-----END CERTIFICATE-----\n")
        let e1Block = try #require(blocks(fourDashes).blocks.first)
        let e1 = try #require(blockError(e1Block))
        #expect(e1.code == .invalidPEM)
        #expect(e1.offset == fourDashes["b"])
        // The label runs to the five closing dashes (labels may hold hyphens), so the four
        // dashes read as part of it.
        #expect(e1.reason == "The PEM BEGIN line for \"CERTIFICATE----\" does not end with five dashes")

        let trailing = MarkedText("-----BEGIN CERTIFICATE-----⟨t⟩ junk\nMAMCAQU=\n-----END CERTIFICATE-----\n")
        let e2Block = try #require(blocks(trailing).blocks.first)
        let e2 = try #require(blockError(e2Block))
        #expect(e2.offset == trailing["t"])
        #expect(e2.reason == "Text follows the PEM BEGIN line for \"CERTIFICATE\"")

        let shortEnd = MarkedText("-----BEGIN FOO-----\ndGVzdA==\n⟨end⟩-----END FOO----")
        let e3Block = try #require(blocks(shortEnd).blocks.first)
        let e3 = try #require(blockError(e3Block))
        #expect(e3.offset == shortEnd["end"])
        #expect(e3.reason == "The PEM END line for \"FOO\" does not end with five dashes")
    }

    // RFC 7468 section 3's grammar lets a label hold single hyphens and spaces between its
    // characters (`labelchar *( ["-" / SP] labelchar )`).
    @Test func labelWithHyphen() throws {
        let text = MarkedText("⟨b⟩-----BEGIN X9-42 DH PARAMS-----\nMAMCAQU=\n-----END X9-42 DH PARAMS-----⟨e⟩\n")
        let block = try #require(blocks(text).blocks.first)
        #expect(block.label == "X9-42 DH PARAMS")
        #expect(try block.der() == seq5)
        #expect(block.range == text["b"]..<text["e"])
    }

    // A reduced copy of Go's pemData: four broken CERTIFICATE blocks (an indented BEGIN, a BEGIN
    // followed by "---", Base64 with no END line, BEGIN after BEGIN), then a good one whose BEGIN
    // and END lines carry trailing blanks.
    @Test func goPEMDataPrefix() throws {
        let text = """
            verify return:0
            -----BEGIN CERTIFICATE-----
            sdlfkjskldfj
              -----BEGIN CERTIFICATE-----
            ---
            Certificate chain
             0 s:/C=AU/ST=Somewhere/L=Someplace/O=Foo Bar/CN=foo.example.com
               i:/C=ZA/O=CA Inc./CN=CA Inc
            -----BEGIN CERTIFICATE-----
            testing
            -----BEGIN CERTIFICATE-----
            -----BEGIN CERTIFICATE----- \("")
            MAMCAQU=
            -----END CERTIFICATE-----   \("")
             1 s:/C=ZA/O=Ca Inc./CN=CA Inc
            """
        let found = PEM.blocks(in: Array(text.utf8)).blocks
        #expect(found.count == 5)
        #expect(found.map(\.index) == Array(0..<found.count))
        for block in found.dropLast() {
            #expect(blockError(block) != nil)
        }
        #expect(try found.last?.der() == seq5)
    }

    // The cap on blocks per file (habit 3): 10,001 tiny blocks give the first 10,000 and say so.
    @Test func maxBlocksCap() throws {
        let one = "-----BEGIN A-----\nAA==\n-----END A-----\n"
        let overCap = PEM.blocks(in: Array(String(repeating: one, count: PEM.maxBlocks + 1).utf8))
        #expect(PEM.maxBlocks == 10_000)
        #expect(overCap.truncated)
        #expect(overCap.blocks.count == PEM.maxBlocks)
        #expect(overCap.blocks.last?.index == PEM.maxBlocks - 1)
        #expect(overCap.blocks.last?.range.lowerBound == (PEM.maxBlocks - 1) * one.utf8.count)
        #expect(try overCap.blocks.last?.der() == [0])

        let atCap = PEM.blocks(in: Array(String(repeating: one, count: PEM.maxBlocks).utf8))
        #expect(!atCap.truncated)
        #expect(atCap.blocks.count == PEM.maxBlocks)
    }

    // PEM.encode writes RFC 7468's strict form: 64-character lines and a final newline.
    @Test func encodeExact() {
        #expect(PEM.encode(seq5, label: "X") == "-----BEGIN X-----\nMAMCAQU=\n-----END X-----\n")
        let text = PEM.encode(Array(UInt8(0)..<49), label: "CERTIFICATE")
        #expect(
            text == """
                -----BEGIN CERTIFICATE-----
                AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4v
                MA==
                -----END CERTIFICATE-----

                """)
    }

    // Habit 10: seeded random mutations of a file with headers, indentation, CRLF and a BOM
    // never trap; blocks come back in order, inside the file, without overlapping, and every
    // error points inside the file.
    @Test func randomMutationsNeverTrap() {
        let original = Array(
            ("\u{FEFF}-----BEGIN CERTIFICATE-----\r\nMAMCAQU=\r\n-----END CERTIFICATE-----\r\ntext: x\n"
                + "  -----BEGIN RSA PRIVATE KEY-----\n  Proc-Type: 4,ENCRYPTED\n  DEK-Info: AES-128-CBC,00\n   11\n\n"
                + "  BAJh\n  Yg==\n  -----END RSA PRIVATE KEY-----\n-----BEGIN X-----\nAA==\n-----END X-----").utf8)
        let pool = Array("-\n\r :=ABEGINDX ".utf8) + [0xEF, 0xBB, 0xBF, 0x00]
        var generator = SplitMix64(seed: 1421)
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0...generator.next(below: 6) {
                let at = generator.next(below: bytes.count)
                switch generator.next(below: 3) {
                case 0: bytes[at] = pool[generator.next(below: pool.count)]
                case 1: bytes.insert(pool[generator.next(below: pool.count)], at: at)
                default: bytes.remove(at: at)
                }
            }
            let found = PEM.blocks(in: bytes).blocks
            #expect(found.map(\.index) == Array(0..<found.count))
            var previousEnd = 0
            for block in found {
                #expect(block.range.lowerBound >= previousEnd)
                #expect(block.range.upperBound <= bytes.count)
                previousEnd = block.range.upperBound
                if let error = blockError(block) {
                    #expect((0...bytes.count).contains(error.offset))
                }
            }
            _ = LineIndex(bytes).position(of: bytes.count / 2)
        }
    }

    // Round trip: seeded random payloads under several labels, concatenated with text between.
    @Test func encodeRoundTrip() throws {
        let labels = ["CERTIFICATE", "PRIVATE KEY", "X509 CRL", "EC PARAMETERS", "CERTIFICATE REQUEST"]
        var generator = SplitMix64(seed: 7468)
        var file = "# bundle\n"
        var expected: [(String, [UInt8], Int)] = []
        for index in 0..<60 {
            let payload = generator.bytes(count: 1 + generator.next(below: 300))
            let label = labels[generator.next(below: labels.count)]
            expected.append((label, payload, file.utf8.count))
            file += PEM.encode(payload, label: label)
            file += index % 3 == 0 ? "\n" : "comment \(index)\n"
        }
        let result = PEM.blocks(in: Array(file.utf8))
        try #require(result.blocks.count == expected.count)
        for (block, (label, payload, start)) in zip(result.blocks, expected) {
            #expect(block.label == label)
            #expect(try block.der() == payload)
            #expect(block.range.lowerBound == start)
            let encoded = PEM.encode(payload, label: label)
            // The range ends after the END line's dashes, before its newline.
            #expect(block.range.count == encoded.utf8.count - 1)
        }
    }
}
