import Testing

@testable import CertLintYAML

// Anchors, aliases, `<<` merge keys, duplicate keys and the caps that keep hostile input
// bounded. Merge semantics follow the YAML 1.1 merge type (yaml.org/type/merge.html) as
// go-yaml (Kubernetes) and Docker Compose apply it; the expectations below were checked by
// hand against that page's examples.

@Suite struct YAMLComposerTests {
    private func root(_ text: String, options: YAMLOptions = YAMLOptions()) throws -> YAMLNode {
        try #require(try YAML.parse(text, options: options).root)
    }

    private func error(_ text: String, options: YAMLOptions = YAMLOptions()) -> YAMLError? {
        do {
            _ = try YAML.parseDocuments(text, options: options)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Anchors and aliases

    @Test func aliasesCopyTheirAnchoredNode() throws {
        let node = try root(
            """
            defaults: &defaults {timeout: 30, retries: [1, 2]}
            a: *defaults
            b: &name web
            c: *name
            """)
        #expect(node["a"]?.isEquivalent(to: try #require(node["defaults"])) == true)
        #expect(node["a"]?["retries"]?[1]?.intValue == 2)
        #expect(node["b"]?.anchor == "name")
        #expect(node["c"]?.stringValue == "web")
        #expect(node["c"]?.anchor == "name")
        #expect(node["c"]?.isAlias == true)
    }

    /// An anchor may be defined again; an alias refers to the latest definition before it.
    @Test func redefinedAnchorsUseTheLatest() throws {
        let node = try root("- &a one\n- *a\n- &a two\n- *a\n")
        #expect(node.sequence?.compactMap(\.stringValue) == ["one", "one", "two", "two"])
    }

    @Test func anchorsDoNotCrossDocuments() {
        #expect(error("--- &a x\n--- *a\n")?.code == .undefinedAlias)
    }

    @Test func aliasesCannotReferToTheirOwnCollection() {
        #expect(error("&a [*a]")?.code == .recursiveAlias)
        #expect(error("a: &a\n  b: *a\n")?.code == .recursiveAlias)
        // An earlier anchor of the same name does not help: the latest one is still open.
        #expect(error("- &a x\n- &a [*a]\n")?.code == .recursiveAlias)
    }

    // MARK: - Merge keys

    @Test func mergeOneMapping() throws {
        let node = try root(
            """
            base: &base {image: nginx, replicas: 1}
            web:
              name: web
              <<: *base
              replicas: 3
            """)
        let web = try #require(node["web"])
        // Explicit keys win wherever they are; merged keys take the place of '<<'.
        #expect(web.keys.compactMap(\.scalarValue) == ["name", "image", "replicas"])
        #expect(web["replicas"]?.intValue == 3)
        #expect(web["image"]?.stringValue == "nginx")
        #expect(web["<<"] == nil)
    }

    /// yaml.org/type/merge.html: in a sequence of mappings, earlier mappings win.
    @Test func mergeASequenceOfMappings() throws {
        let node = try root(
            """
            - &CENTER {x: 1, y: 2}
            - &LEFT {x: 0, y: 2}
            - &BIG {r: 10}
            - &SMALL {r: 1}
            - # Merge one map
              << : *CENTER
              r: 10
              label: center/big
            - # Merge multiple maps
              << : [*CENTER, *BIG]
              label: center/big
            - # Override
              << : [*BIG, *LEFT, *SMALL]
              x: 1
              label: center/big
            """)
        let expected = try root("{x: 1, y: 2, r: 10, label: center/big}")
        for index in 4...6 {
            let entry = try #require(node[index])
            #expect(entry.isEquivalent(to: expected), "entry \(index): \(entry.keys.compactMap(\.scalarValue))")
        }
    }

    @Test func mergeWithTagAndInlineMapping() throws {
        let node = try root("a: 1\n!!merge <<: {a: 2, b: 3}\n")
        #expect(node["a"]?.intValue == 1)
        #expect(node["b"]?.intValue == 3)
    }

    /// Only a plain `<<` (or one tagged !!merge) merges; a quoted one is an ordinary key, and
    /// merging can be switched off.
    @Test func quotedOrDisabledMergeKeysAreOrdinary() throws {
        let quoted = try root("\"<<\": {a: 1}\n")
        #expect(quoted["<<"]?["a"]?.intValue == 1)
        let off = try root("<<: {a: 1}\nb: 2\n", options: YAMLOptions(appliesMergeKeys: false))
        #expect(off.keys.compactMap(\.scalarValue) == ["<<", "b"])
    }

    @Test func mergeValuesMustBeMappings() {
        #expect(error("<<: 1\n")?.code == .invalidMerge)
        #expect(error("<<: [{a: 1}, 2]\n")?.code == .invalidMerge)
        #expect(error("x: &x [1]\ny:\n  <<: *x\n")?.code == .invalidMerge)
    }

    /// A Compose file's usual shape: an extension field anchored and merged into services.
    @Test func composeExtensionFields() throws {
        let node = try root(
            """
            x-tls: &tls
              environment:
                SSL_CERT_FILE: /certs/ca.pem
              volumes: [./certs:/certs:ro]
            services:
              api:
                <<: *tls
                image: api:1.2
              worker:
                <<: *tls
                volumes: []
            """)
        #expect(node["services"]?["api"]?["environment"]?["SSL_CERT_FILE"]?.stringValue == "/certs/ca.pem")
        #expect(node["services"]?["worker"]?["volumes"]?.count == 0)
        #expect(node["services"]?["worker"]?.keys.compactMap(\.scalarValue) == ["environment", "volumes"])
    }

    // MARK: - Duplicate keys

    @Test(arguments: [
        "a: 1\na: 2\n",
        "{a: 1, 'a': 2}",
        "\"a\": 1\na: 2\n",
        "1: x\n0x1: y\n",
        "true: x\nTrue: y\n",
        "~: x\nnull: y\n",
        ": x\n: y\n",
        "? [a, b]\n: 1\n? [a, b]\n: 2\n",
        "? {x: 1, y: 2}\n: 1\n? {y: 2, x: 1}\n: 2\n",
        "&k [a]: 1\n*k : 2\n",
        "!Ref a: 1\n!Ref a: 2\n",
    ])
    func duplicateKeysAreErrors(text: String) {
        let found = error(text)
        #expect(found?.code == .duplicateKey, "\(text): \(String(describing: found))")
        #expect(error(text, options: YAMLOptions(rejectsDuplicateKeys: false)) == nil)
    }

    @Test(arguments: [
        "a: 1\nb: 2\n",
        "'1': x\n1: y\n",
        "a: 1\nA: 2\n",
        "!Ref a: 1\na: 2\n",
        "!Ref a: 1\n!Sub a: 2\n",
        "[a]: 1\n[b]: 2\n",
        "1: x\n1.0: y\n",
        "a: {x: 1}\nb: {x: 1}\n",
    ])
    func distinctKeysAreFine(text: String) {
        #expect(error(text) == nil, "\(text)")
    }

    @Test func duplicateKeysInLargeMappings() {
        let keys = (0..<500).map { "key\($0): \($0)" }
        let text = keys.joined(separator: "\n") + "\nkey250: again\n"
        let found = error(text)
        #expect(found?.code == .duplicateKey)
        #expect(found?.position.line == 501)
        #expect(found?.message.contains("251:1") == true)
        #expect(error(keys.joined(separator: "\n")) == nil)
    }

    // MARK: - Caps

    /// The "billion laughs": ten levels of ten aliases each. It must fail fast, not expand.
    @Test func billionLaughsFailsFast() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let clock = ContinuousClock()
        var found: YAMLError?
        let elapsed = clock.measure { found = error(text) }
        #expect(found?.code == .aliasExpansionLimit)
        #expect(found?.message.contains("1000000") == true)
        #expect(elapsed < .seconds(2))
        // The cap is an option; a smaller one fails sooner.
        #expect(error(text, options: YAMLOptions(maxAliasExpansion: 100))?.position.line == 2)
        // Three levels (1,110 copied nodes) are fine under the default cap.
        let small = text.split(separator: "\n").prefix(3).joined(separator: "\n")
        #expect(error(small) == nil)
    }

    @Test func nestingDepthIsCapped() {
        let depth = YAMLOptions().maxDepth
        let flowOK = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let flowDeep = String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1)
        #expect(error(flowOK) == nil)
        #expect(error(flowDeep)?.code == .tooDeep)
        let mixedDeep = String(repeating: "{a: [", count: 200) + String(repeating: "]}", count: 200)
        #expect(error(mixedDeep)?.code == .tooDeep)
        var block = ""
        for level in 0...depth { block += String(repeating: " ", count: level) + "k:\n" }
        #expect(error(block)?.code == .tooDeep)
        let sequences = String(repeating: "- ", count: depth + 1) + "x\n"
        #expect(error(sequences)?.code == .tooDeep)
        #expect(error(String(repeating: "- ", count: depth) + "x\n") == nil)
        #expect(error(String(repeating: "[", count: 10) + "]]]", options: YAMLOptions(maxDepth: 5))?.code == .tooDeep)
    }

    /// An alias cannot be used to nest deeper than the cap either.
    @Test func aliasesCannotExceedTheDepthCap() {
        let inner = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        let text = "a: &a \(inner)\nb: " + String(repeating: "[", count: 100) + "*a" + String(repeating: "]", count: 100) + "\n"
        #expect(error(text)?.code == .tooDeep)
        let fine = "a: &a \(inner)\nb: [[*a]]\n"
        #expect(error(fine) == nil)
    }
}
