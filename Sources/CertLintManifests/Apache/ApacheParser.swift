import CertLintCore

/// Builds the directive tree of one Apache httpd file from its logical lines: sections nest
/// (`<VirtualHost>` in `<IfModule>`), close by name in any letter case, and are checked the
/// way httpd checks them — a closing tag that matches no open section, a section never closed,
/// an opening tag without its `>`. Recovery keeps as much as possible: a closing tag for a
/// section further out closes the ones inside it (each reported); a stray one is ignored.
///
/// Nothing recurses: open sections are a stack of at most `maxDepth`; deeper sections are
/// reported once and their contents dropped.
enum ApacheParser {
    private struct Frame {
        var header: ApacheDirective
        var children: [ApacheDirective] = []
        var discarded: Bool
    }

    /// The directives of `text`, a file at `path`, and the problems found.
    static func parse(_ text: String, path: String, maxWords: Int, maxDepth: Int) -> (directives: [ApacheDirective], problems: [ManifestProblem]) {
        let (lines, lexProblems) = ApacheLexer.lines(text, path: path, maxWords: maxWords)
        var problems = lexProblems
        var root: [ApacheDirective] = []
        var stack: [Frame] = []
        var reportedDepth = false

        func append(_ directive: ApacheDirective) {
            if stack.isEmpty {
                root.append(directive)
            } else if !stack[stack.count - 1].discarded {
                stack[stack.count - 1].children.append(directive)
            }
        }
        func close(_ frame: Frame) {
            var closed = frame.header
            closed.section = frame.children
            append(closed)
        }

        for line in lines {
            guard let first = line.words.first else { continue }
            let location = SourceLocation(path: path, line: first.line, column: first.column)
            if first.text.hasPrefix("</") {
                var name = String(first.text.dropFirst(2))
                if name.hasSuffix(">") { name.removeLast() }
                let key = name.lowercased()
                guard let match = stack.lastIndex(where: { $0.header.key == key }) else {
                    problems.append(
                        ManifestProblem(location: location, message: "</\(name)> closes no open <\(name)> section; httpd refuses it."))
                    continue
                }
                while stack.count > match + 1, let inner = stack.popLast() {
                    problems.append(
                        ManifestProblem(
                            location: inner.header.location,
                            message: "The section \(inner.header.tag) opened here is not closed before </\(name)>; httpd refuses it."))
                    close(inner)
                }
                if let frame = stack.popLast() { close(frame) }
            } else if first.text.hasPrefix("<"), first.text.count > 1 {
                var words = line.words
                var name = String(first.text.dropFirst())
                var closedTag = false
                if name.hasSuffix(">") {
                    name.removeLast()
                    closedTag = true
                    words = Array(words.dropFirst())
                } else {
                    words = Array(words.dropFirst())
                    if let last = words.last, !last.quoted, last.text.hasSuffix(">") {
                        closedTag = true
                        if last.text == ">" {
                            words.removeLast()
                        } else {
                            words[words.count - 1].text.removeLast()
                        }
                    }
                }
                let header = ApacheDirective(
                    name: name, key: name.lowercased(), arguments: words, path: path, line: first.line, column: first.column, section: [])
                if !closedTag {
                    problems.append(ManifestProblem(location: location, message: "<\(name) is missing its closing \">\"; httpd refuses it."))
                }
                let tooDeep = stack.count >= maxDepth
                if tooDeep && !reportedDepth {
                    reportedDepth = true
                    problems.append(
                        ManifestProblem(location: location, message: "Sections are nested deeper than \(maxDepth) levels here; what is inside is not read."))
                }
                stack.append(Frame(header: header, discarded: tooDeep || (stack.last?.discarded ?? false)))
            } else {
                append(
                    ApacheDirective(
                        name: first.text, key: first.text.lowercased(), arguments: Array(line.words.dropFirst()), path: path,
                        line: first.line, column: first.column, section: nil))
            }
        }
        while let frame = stack.popLast() {
            problems.append(
                ManifestProblem(
                    location: frame.header.location,
                    message: "The section \(frame.header.tag) opened here is never closed: the file ends before </\(frame.header.name)>."))
            close(frame)
        }
        return (root, problems)
    }
}
