/// Evaluates the strings of a `.tf.json` file as far as the file alone allows.
///
/// Terraform's JSON syntax writes every expression as a string template: `"${aws_lb.web.arn}"`,
/// `"arn:aws:acm:${var.region}:…"`, `"${file(\"${path.module}/certs/web.pem\")}"`. This
/// evaluator understands literal text, `$${` escapes, variables' defaults, locals, `path.module`,
/// `file("…")` and references to resources and data sources (`type.name.attribute`, instance
/// keys and splats dropped). Anything else is ``TerraformValue/unknown(what:why:)``. Every step
/// through a local or a nested template counts towards ``maxDepth``.
struct TerraformExpression: Sendable {
    /// Variable defaults by name (only variables that have one).
    var defaults: [String: ManifestJSONValue] = [:]
    /// Every declared variable.
    var declared: Set<String> = []
    /// Local values by name.
    var locals: [String: ManifestJSONValue] = [:]

    /// How deep evaluation goes before giving up.
    static let maxDepth = 16
    /// The longest template evaluated.
    static let maxTemplateLength = 64 << 10

    /// The value of a JSON value written as an argument.
    func evaluate(_ value: ManifestJSONValue?, depth: Int = 0) -> TerraformValue {
        guard let value else { return .absent }
        guard depth < TerraformExpression.maxDepth else {
            return .unknown(what: "an expression at \(value.position)", why: "It refers through more than \(TerraformExpression.maxDepth) steps.")
        }
        switch value.kind {
        case .null: return .absent
        case .bool, .number: return .text(value.scalarText ?? "")
        case .string(let text): return template(text, depth: depth)
        case .array(let items): return .list(items.map { evaluate($0, depth: depth + 1) })
        case .object: return .unknown(what: "an object at \(value.position)", why: "An object is not a string.")
        }
    }

    /// The value of a string template.
    func template(_ text: String, depth: Int) -> TerraformValue {
        guard text.utf8.count <= TerraformExpression.maxTemplateLength else {
            return .unknown(what: String(text.prefix(40)) + "…", why: "The string is too long to evaluate.")
        }
        guard depth < TerraformExpression.maxDepth else {
            return .unknown(what: text, why: "It refers through more than \(TerraformExpression.maxDepth) steps.")
        }
        let scalars = Array(text.unicodeScalars)
        var literal = String.UnicodeScalarView()
        var out = ""
        var exact = true
        var onlyExpression: String?
        var pieces = 0
        var i = 0
        func flushLiteral() {
            if !literal.isEmpty {
                out += String(literal)
                literal = String.UnicodeScalarView()
                pieces += 1
            }
        }
        while i < scalars.count {
            let c = scalars[i]
            let next = i + 1 < scalars.count ? scalars[i + 1] : " "
            let third = i + 2 < scalars.count ? scalars[i + 2] : " "
            if (c == "$" || c == "%") && next == c && third == "{" {
                // `$${` and `%%{` are the literal `${` and `%{`.
                literal.append(c)
                literal.append("{")
                i += 3
                continue
            }
            if c == "%" && next == "{" {
                return .unknown(what: text, why: "The string uses a template directive (%{…}), evaluated only when Terraform runs.")
            }
            guard c == "$" && next == "{", let close = TerraformExpression.closingBrace(scalars, from: i + 2) else {
                literal.append(c)
                i += 1
                continue
            }
            flushLiteral()
            var inner = String(String.UnicodeScalarView(scalars[(i + 2)..<close]))
            inner = AWSText.trim(inner)
            if inner.hasPrefix("~") { inner = AWSText.trim(inner.dropFirst()) }
            if inner.hasSuffix("~") { inner = AWSText.trim(inner.dropLast()) }
            let value = expression(inner, depth: depth + 1)
            pieces += 1
            onlyExpression = pieces == 1 ? inner : nil
            if let text = value.text {
                out += text
            } else {
                exact = false
                out += "${" + inner + "}"
            }
            i = close + 1
        }
        flushLiteral()
        if pieces == 1, let onlyExpression {
            return expression(onlyExpression, depth: depth + 1)
        }
        return exact ? .text(out) : .partial(out)
    }

    /// The index of the `}` that closes an interpolation whose content starts at `start`,
    /// skipping nested braces and quoted strings; `nil` when it is not closed.
    static func closingBrace(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var depth = 1
        var inQuote = false
        var i = start
        while i < scalars.count {
            let c = scalars[i]
            if inQuote {
                if c == "\\" {
                    i += 1
                } else if c == "\"" {
                    inQuote = false
                }
            } else if c == "\"" {
                inQuote = true
            } else if c == "{" {
                depth += 1
            } else if c == "}" {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }

    /// The value of one expression (the inside of `${…}`).
    func expression(_ source: String, depth: Int) -> TerraformValue {
        let text = AWSText.trim(source)
        guard depth < TerraformExpression.maxDepth else {
            return .unknown(what: text, why: "It refers through more than \(TerraformExpression.maxDepth) steps.")
        }
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
            guard let unquoted = TerraformExpression.unquote(String(text.dropFirst().dropLast())) else {
                return .unknown(what: text, why: "The string \(text) is malformed.")
            }
            return template(unquoted, depth: depth + 1)
        }
        if text.hasPrefix("file("), text.hasSuffix(")") {
            let argument = String(text.dropFirst(5).dropLast())
            switch expression(argument, depth: depth + 1) {
            case .text(var path):
                while path.hasPrefix("./") { path.removeFirst(2) }
                return .file(path)
            default:
                return .unknown(what: text, why: "The path given to file() is known only when Terraform runs.")
            }
        }
        switch text {
        case "path.module", "path.root", "path.cwd": return .text(".")
        default: break
        }
        let parts = TerraformExpression.traversal(text)
        guard let head = parts.first else {
            return .unknown(what: text, why: "The expression \(text) is evaluated only when Terraform runs.")
        }
        switch head {
        case "var" where parts.count == 2:
            let name = parts[1]
            if let value = defaults[name] { return TerraformExpression.literal(value) }
            if declared.contains(name) {
                return .unknown(what: "var.\(name)", why: "The variable \(name) has no default; its value is given when Terraform runs.")
            }
            return .unknown(what: "var.\(name)", why: "The variable \(name) is not declared in this file.")
        case "local" where parts.count == 2:
            guard let value = locals[parts[1]] else {
                return .unknown(what: text, why: "The local value \(parts[1]) is not defined in this file.")
            }
            return evaluate(value, depth: depth + 1)
        case "data" where parts.count >= 4:
            return .reference(address: "data.\(parts[1]).\(parts[2])", attribute: parts[3...].joined(separator: "."))
        default:
            if parts.count >= 3, head.contains("_"), !["each", "count", "self", "terraform", "module"].contains(head) {
                return .reference(address: "\(head).\(parts[1])", attribute: parts[2...].joined(separator: "."))
            }
            return .unknown(what: text, why: "The expression \(text) is evaluated only when Terraform runs.")
        }
    }

    /// The names of a traversal (`a.b[0].c` gives `[a, b, c]`, splats dropped), or `[]`
    /// when the text is not a plain traversal.
    static func traversal(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var inIndex = 0
        for c in text.unicodeScalars {
            if inIndex > 0 {
                if c == "[" { inIndex += 1 }
                if c == "]" { inIndex -= 1 }
                continue
            }
            switch c {
            case "[":
                inIndex = 1
            case ".":
                if !current.isEmpty { parts.append(current) }
                current = ""
            case "*":
                continue
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-":
                current.unicodeScalars.append(c)
            default:
                return []
            }
        }
        if inIndex > 0 { return [] }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    /// A literal JSON value (a variable's default) as a value.
    static func literal(_ value: ManifestJSONValue) -> TerraformValue {
        switch value.kind {
        case .null: return .absent
        case .array(let items): return .list(items.map(literal))
        case .object: return .unknown(what: "an object at \(value.position)", why: "An object is not a string.")
        default: return .text(value.scalarText ?? "")
        }
    }

    /// The text of an HCL quoted string's inside, escapes decoded; `nil` when malformed.
    static func unquote(_ text: String) -> String? {
        var out = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        while let c = iterator.next() {
            if c == "\"" { return nil }
            guard c == "\\" else {
                out.append(c)
                continue
            }
            switch iterator.next() {
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "\"": out.append("\"")
            case "\\": out.append("\\")
            default: return nil
            }
        }
        return String(out)
    }
}
