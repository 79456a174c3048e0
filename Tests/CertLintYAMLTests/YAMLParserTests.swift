import Testing

@testable import CertLintYAML

// The block and flow structures real files use, each compared with the same data written in
// flow style (so the expectation is itself YAML the reader must agree on), and a few event
// streams in the yaml-test-suite's notation for what data cannot show.

@Suite struct YAMLParserTests {
    static let structures: [(block: String, flow: String)] = [
        // Compact nested sequences and mappings in sequences (spec 8.15, 8.22).
        ("- - a\n  - b\n- - c\n", "[[a, b], [c]]"),
        ("- name: a\n  port: 1\n- name: b\n", "[{name: a, port: 1}, {name: b}]"),
        ("- - x: 1\n    y: 2\n", "[[{x: 1, y: 2}]]"),
        // A sequence at the same indentation as its key (indentless), and nested deeper.
        ("key:\n- a\n- b\nnext: c\n", "{key: [a, b], next: c}"),
        ("key:\n  - a\n  -\n  - c\n", "{key: [a, null, c]}"),
        ("a:\n  b:\n    c: d\n  e: f\n", "{a: {b: {c: d}, e: f}}"),
        // Empty values and empty entries.
        ("a:\nb: \nc: # comment\n", "{a: null, b: null, c: null}"),
        ("- \n-\n- x\n", "[null, null, x]"),
        // Explicit keys.
        ("? a\n: b\n? c\n", "{a: b, c: null}"),
        ("? |\n  block key\n: value\n", "{\"block key\\n\": value}"),
        // Flow collections over several lines, trailing commas, implicit pairs.
        ("[a,\n  b,\n  c,\n]\n", "[a, b, c]"),
        ("{a: 1,\n b: 2,\n}\n", "{a: 1, b: 2}"),
        ("[a: 1, b, c: ]\n", "[{a: 1}, b, {c: null}]"),
        ("{a, b: c}\n", "{a: null, b: c}"),
        ("[\"a\":1, [x]: y]\n", "[{a: 1}, {[x]: y}]"),
        ("key: [a, {b: c}]\n", "{key: [a, {b: c}]}"),
        // Properties on their own line before a collection.
        ("a: &x\n  b: c\nd: *x\n", "{a: {b: c}, d: {b: c}}"),
        ("a: !!map\n  b: c\n", "{a: !!map {b: c}}"),
        // Comments everywhere.
        ("# head\na: 1 # after\n# between\nb: [ # open\n  2, # inner\n]\n# tail\n", "{a: 1, b: [2]}"),
        // Multi-line plain and quoted values in a mapping.
        ("a: one\n  two\nb: \"three\n  four\"\n", "{a: one two, b: three four}"),
        // Keys that look like other things.
        ("\"quoted key\": 1\n'single': 2\n", "{quoted key: 1, single: 2}"),
        ("-1: a\n? -2\n: b\n", "{-1: a, -2: b}"),
    ]

    @Test(arguments: 0..<structures.count)
    func blockMatchesFlow(index: Int) throws {
        let (block, flow) = Self.structures[index]
        let blockNode = try #require(try YAML.parse(block).root, "\(block)")
        let flowNode = try #require(try YAML.parse(flow).root, "\(flow)")
        #expect(blockNode.isEquivalent(to: flowNode), "\(block) ≠ \(flow)")
    }

    /// Kubernetes-style manifests: several documents, block scalars holding certificates,
    /// base64 in Secrets, lists of mappings.
    @Test func kubernetesManifest() throws {
        let documents = try YAML.parseDocuments(
            """
            apiVersion: v1
            kind: Secret
            type: kubernetes.io/tls
            metadata:
              name: web-tls
              namespace: prod
            data:
              tls.crt: LS0tLS1CRUdJTg==
              tls.key: LS0tLS1CRUdJTg==
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
              annotations:
                nginx.ingress.kubernetes.io/auth-tls-verify-client: "on"
            spec:
              tls:
                - hosts:
                    - web.example.com
                    - www.example.com
                  secretName: web-tls
              rules:
                - host: web.example.com
            """)
        #expect(documents.count == 2)
        #expect(documents[0].root?["data"]?["tls.crt"]?.stringValue == "LS0tLS1CRUdJTg==")
        let ingress = try #require(documents[1].root)
        #expect(ingress["metadata"]?["annotations"]?["nginx.ingress.kubernetes.io/auth-tls-verify-client"]?.stringValue == "on")
        #expect(ingress["spec"]?["tls"]?[0]?["hosts"]?.sequence?.compactMap(\.stringValue) == ["web.example.com", "www.example.com"])
        #expect(ingress["spec"]?["tls"]?[0]?["secretName"]?.position.line == 22)
        #expect(documents[1].startMarker?.line == 10)
    }

    /// Event streams in the suite's notation, for what JSON cannot show: styles, tags,
    /// anchors, flow markers, explicit document markers.
    @Test func eventStreams() throws {
        let events = try YAML.events("--- !!map\n&a k: [\"v\", 'w', x, *a]\n...\n")
        #expect(
            YAMLEventFormatter.format(events) == """
                +STR
                +DOC ---
                +MAP <tag:yaml.org,2002:map>
                =VAL &a :k
                +SEQ []
                =VAL "v
                =VAL 'w
                =VAL :x
                =ALI *a
                -SEQ
                -MAP
                -DOC ...
                -STR

                """)
    }
}
