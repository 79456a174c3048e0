import Testing

@testable import CertLintYAML

// Scalars in every style, tags and directives. Expected values are the YAML 1.2.2 spec's
// examples where it has one (chapter 6–8 example numbers are given) and were cross-checked
// with the yaml-test-suite's event files for the same examples.

@Suite struct YAMLScannerTests {
    private func value(_ text: String) throws -> YAMLNode {
        try #require(try YAML.parse(text).root)
    }

    private func text(_ yaml: String) throws -> String? {
        try value(yaml).scalarValue
    }

    // MARK: - Double-quoted

    @Test(arguments: [
        (#""\x41\u00e9\U0001F600""#, "Aé😀"),
        (#""tab\there\nnew\\back\"quote\/slash""#, "tab\there\nnew\\back\"quote/slash"),
        (#""\0\a\b\e\f\r\v""#, "\u{0}\u{7}\u{8}\u{1B}\u{C}\r\u{B}"),
        (#""\N\_\L\P""#, "\u{85}\u{A0}\u{2028}\u{2029}"),
        ("\"\\ space\\\ttab\"", " space\ttab"),
        ("\"folded\n  line\"", "folded line"),
        ("\"kept\n\n  empty\"", "kept\nempty"),
        ("\"trailing  \n  spaces\"", "trailing spaces"),
        ("\"escaped \\\n  break\"", "escaped break"),
        ("\"escaped\\\n\n  then empty\"", "escaped\nthen empty"),
        ("\"\"", ""),
    ])
    func doubleQuoted(yaml: String, expected: String) throws {
        #expect(try text(yaml) == expected)
    }

    /// Spec example 7.5, "Double Quoted Line Breaks".
    @Test func doubleQuotedLineBreaks() throws {
        let yaml = "\"folded \nto a space,\t\n \nto a line feed, or \t\\\n \\ \tnon-content\""
        #expect(try text(yaml) == "folded to a space,\nto a line feed, or \t \tnon-content")
    }

    // MARK: - Single-quoted and plain

    @Test(arguments: [
        ("'it''s'", "it's"),
        ("'a\n  b\n\n  c'", "a b\nc"),
        ("'#not a comment'", "#not a comment"),
        ("'  spaced  '", "  spaced  "),
        ("''", ""),
    ])
    func singleQuoted(yaml: String, expected: String) throws {
        #expect(try text(yaml) == expected)
    }

    @Test(arguments: [
        ("a b", "a b"),
        ("a\n b\n\n c", "a b\nc"),
        ("url: http://x.example/a#frag", "http://x.example/a#frag"),
        ("- -1", "-1"),
        ("k: a:b", "a:b"),
        ("k: value # comment", "value"),
        ("k: ?x", "?x"),
        ("k: :x", ":x"),
        ("k: 1 - 3", "1 - 3"),
    ])
    func plain(yaml: String, expected: String) throws {
        let node = try value(yaml)
        let scalar = node.scalarValue ?? node.sequence?.first?.scalarValue ?? node.mapping?.first?.value.scalarValue
        #expect(scalar == expected)
    }

    /// Plain scalars in flow context stop at flow indicators; `:` without a space does not end
    /// them, and a JSON-like key may be followed directly by its `:`.
    @Test func plainInFlowContext() throws {
        let node = try value("{a:b, \"c\":d, e: [f:g, h: i], url: http://x:80/y}")
        #expect(node.keys.compactMap(\.scalarValue) == ["a:b", "c", "e", "url"])
        #expect(node["a:b"]?.isNull == true)
        #expect(node["c"]?.stringValue == "d")
        #expect(node["e"]?[0]?.stringValue == "f:g")
        #expect(node["e"]?[1]?["h"]?.stringValue == "i")
        #expect(node["url"]?.stringValue == "http://x:80/y")
    }

    // MARK: - Block scalars

    @Test(arguments: [
        ("|\n  a\n  b\n\n", "a\nb\n"),
        ("|-\n  a\n  b\n\n", "a\nb"),
        ("|+\n  a\n  b\n\n", "a\nb\n\n"),
        (">\n  a\n  b\n\n  c\n", "a b\nc\n"),
        (">-\n  a\n  b\n", "a b"),
        (">+\n  a\n\n", "a\n\n"),
        (">\n  a\n    indented\n  b\n", "a\n  indented\nb\n"),
        ("|2\n   x\n  y\n", " x\ny\n"),
        ("|-2\n    x\n", "  x"),
        ("|2-\n    x\n", "  x"),
        ("|\n\n  after empty\n", "\nafter empty\n"),
        ("|\n  no final break", "no final break\n"),
        ("|\n", ""),
        ("|+\n\n", "\n"),
        ("| # comment\n  x\n", "x\n"),
        ("|\n  # not a comment\n", "# not a comment\n"),
        ("|\n  \ttab content\n", "\ttab content\n"),
    ])
    func blockScalars(yaml: String, expected: String) throws {
        #expect(try text(yaml) == expected)
    }

    /// Spec example 8.10–8.13 (folded lines, spaced lines, empty lines).
    @Test func foldedScalarExample() throws {
        let yaml = ">\n\n folded\n line\n\n next\n line\n   * bullet\n\n   * list\n   * lines\n\n last\n line\n\n# Comment\n"
        #expect(try text(yaml) == "\nfolded line\nnext line\n  * bullet\n\n  * list\n  * lines\n\nlast line\n")
    }

    @Test func blockScalarsEndAtLessIndentedLines() throws {
        let node = try value("cert: |\n  -----BEGIN-----\n  MIIB\n  -----END-----\nkey: x\n")
        #expect(node["cert"]?.stringValue == "-----BEGIN-----\nMIIB\n-----END-----\n")
        #expect(node["key"]?.stringValue == "x")
        #expect(node["cert"]?.scalarStyle == .literal)
    }

    // MARK: - Tags

    /// CloudFormation's short-form intrinsic functions stay as tags on their nodes.
    @Test func cloudFormationShortForms() throws {
        let node = try value(
            """
            Resources:
              Listener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !Ref LoadBalancer
                  Certificates:
                    - CertificateArn: !GetAtt Certificate.Arn
                  Arn: !Sub "arn:aws:acm:${AWS::Region}:${AWS::AccountId}:certificate/${Id}"
                  Port: !If [IsProd, 443, 8443]
                  Hosts: !Split [",", !Ref HostList]
                  UserData: !Base64
                    Fn::Sub: |
                      #!/bin/bash
                      echo ${Domain}
                  Names: !GetAtt [Certificate, DomainName]
                  Empty: !Ref
            """)
        let properties = try #require(node["Resources"]?["Listener"]?["Properties"])
        #expect(properties["LoadBalancerArn"]?.tag == "!Ref")
        #expect(properties["LoadBalancerArn"]?.stringValue == "LoadBalancer")
        #expect(properties["Certificates"]?[0]?["CertificateArn"]?.tag == "!GetAtt")
        #expect(properties["Certificates"]?[0]?["CertificateArn"]?.stringValue == "Certificate.Arn")
        #expect(properties["Arn"]?.tag == "!Sub")
        #expect(properties["Arn"]?.stringValue == "arn:aws:acm:${AWS::Region}:${AWS::AccountId}:certificate/${Id}")
        #expect(properties["Port"]?.tag == "!If")
        #expect(properties["Port"]?[2]?.intValue == 8443)
        #expect(properties["Hosts"]?[1]?.tag == "!Ref")
        #expect(properties["UserData"]?.tag == "!Base64")
        #expect(properties["UserData"]?["Fn::Sub"]?.stringValue == "#!/bin/bash\necho ${Domain}\n")
        #expect(properties["Names"]?.tag == "!GetAtt")
        #expect(properties["Names"]?.count == 2)
        #expect(properties["Empty"]?.tag == "!Ref")
        #expect(properties["Empty"]?.scalarValue == "")
    }

    @Test func tagForms() throws {
        let node = try value(
            """
            %TAG !e! tag:example.com,2000:app/
            %TAG ! tag:local.example/
            ---
            core: !!str 1
            verbatim: !<tag:yaml.org,2002:int> 2
            named: !e!foo x
            escaped: !e!a%21b y
            primary: !thing z
            nonSpecific: ! 3
            """)
        #expect(node["core"]?.tag == "tag:yaml.org,2002:str")
        #expect(node["verbatim"]?.tag == "tag:yaml.org,2002:int")
        #expect(node["named"]?.tag == "tag:example.com,2000:app/foo")
        #expect(node["escaped"]?.tag == "tag:example.com,2000:app/a!b")
        #expect(node["primary"]?.tag == "tag:local.example/thing")
        #expect(node["nonSpecific"]?.tag == "!")
        // %TAG applies to its own document only.
        #expect(throws: YAMLError.self) { try YAML.parseDocuments("%TAG !e! tag:e/\n--- !e!a x\n--- !e!b y\n") }
    }

    // MARK: - Directives, markers, comments

    @Test func streamsAndMarkers() throws {
        let documents = try YAML.parseDocuments(
            "\u{FEFF}%YAML 1.2\n%FOO reserved directive # ignored\n--- # first\na: 1\n...\n# between\n--- !!str\n---\n...\n"
        )
        #expect(documents.count == 3)
        #expect(documents[0].version == "1.2")
        #expect(documents[0].root?["a"]?.intValue == 1)
        #expect(documents[1].root?.tag == "tag:yaml.org,2002:str")
        #expect(documents[1].root?.stringValue == "")
        #expect(documents[2].root == nil)
        #expect(try YAML.parseDocuments("").isEmpty)
        #expect(try YAML.parseDocuments("# only a comment\n\n").isEmpty)
        #expect(try YAML.parseDocuments("...\n").isEmpty)
        #expect(try YAML.parseDocuments("a\n...\nb\n").count == 2)
    }

    @Test func tabsAsSeparationAreFine() throws {
        let node = try value("a:\tb\nc: d\t# comment\nlist:\n- x\t\n-\t-1\n")
        #expect(node["a"]?.stringValue == "b")
        #expect(node["c"]?.stringValue == "d")
        #expect(node["list"]?[1]?.intValue == -1)
    }
}
