import CertLintCore

/// Builds the directive tree of one nginx file from its tokens, recovering from the mistakes
/// nginx itself refuses: a `}` with no open block, a block never closed, a directive missing
/// its `;`, a `;` or `{` with no directive name.
///
/// Nothing recurses: open blocks are kept on a stack of at most `maxDepth` levels; blocks
/// nested deeper are reported once and their contents dropped.
enum NginxParser {
    /// An open block on the stack.
    private struct Frame {
        var header: NginxDirective
        var children: [NginxDirective] = []
        /// Nested too deep: its contents are dropped.
        var discarded: Bool
    }

    /// The directives of `text`, a file at `path`, and the syntax problems found.
    static func parse(
        _ text: String, path: String, maxTokens: Int, maxDepth: Int
    ) -> (directives: [NginxDirective], problems: [ManifestProblem], tokenCount: Int) {
        let (tokens, tokenProblems) = NginxTokenizer.tokenize(text, path: path, maxTokens: maxTokens)
        var problems = tokenProblems
        var root: [NginxDirective] = []
        var stack: [Frame] = []
        var words: [NginxToken] = []
        var reportedDepth = false

        func location(_ token: NginxToken) -> SourceLocation {
            SourceLocation(path: path, line: token.line, column: token.column)
        }
        func append(_ directive: NginxDirective) {
            if stack.isEmpty {
                root.append(directive)
            } else if !stack[stack.count - 1].discarded {
                stack[stack.count - 1].children.append(directive)
            }
        }
        func directive(from words: [NginxToken], block: [NginxDirective]?) -> NginxDirective? {
            guard let name = words.first else { return nil }
            return NginxDirective(
                name: name.text, arguments: Array(words.dropFirst()), path: path, line: name.line, column: name.column,
                block: block)
        }

        for token in tokens {
            switch token.kind {
            case .word:
                words.append(token)
            case .semicolon:
                if let simple = directive(from: words, block: nil) {
                    append(simple)
                } else {
                    problems.append(ManifestProblem(location: location(token), message: "Unexpected \";\": no directive comes before it."))
                }
                words = []
            case .openBrace:
                let header: NginxDirective
                if let named = directive(from: words, block: []) {
                    header = named
                } else {
                    problems.append(ManifestProblem(location: location(token), message: "Unexpected \"{\": the block has no directive name."))
                    header = NginxDirective(name: "", arguments: [], path: path, line: token.line, column: token.column, block: [])
                }
                words = []
                let tooDeep = stack.count >= maxDepth
                if tooDeep && !reportedDepth {
                    reportedDepth = true
                    problems.append(
                        ManifestProblem(
                            location: header.location,
                            message: "Blocks are nested deeper than \(maxDepth) levels here; what is inside is not read."))
                }
                stack.append(Frame(header: header, discarded: tooDeep || (stack.last?.discarded ?? false)))
            case .closeBrace:
                if let pending = directive(from: words, block: nil) {
                    problems.append(
                        ManifestProblem(
                            location: pending.location,
                            message: "The directive \"\(pending.name)\" is not ended by \";\" before the \"}\" that closes its block."))
                    append(pending)
                }
                words = []
                guard let frame = stack.popLast() else {
                    problems.append(ManifestProblem(location: location(token), message: "Unexpected \"}\": no block is open here."))
                    continue
                }
                var closed = frame.header
                closed.block = frame.children
                append(closed)
            }
        }
        if let pending = directive(from: words, block: nil) {
            problems.append(
                ManifestProblem(
                    location: pending.location,
                    message: "The file ends inside the directive \"\(pending.name)\", which is not ended by \";\"."))
            append(pending)
        }
        while let frame = stack.popLast() {
            let name = frame.header.name.isEmpty ? "block" : "\"\(frame.header.name)\" block"
            problems.append(
                ManifestProblem(
                    location: frame.header.location,
                    message: "The \(name) opened here is never closed: the file ends before its \"}\"."))
            var closed = frame.header
            closed.block = frame.children
            append(closed)
        }
        return (root, problems, tokens.count)
    }
}
