/// Makes JSON-with-comments (as .NET's configuration reads `appsettings.json`: `//` and
/// `/* */` comments, trailing commas) plain JSON for ``ManifestJSON`` without moving anything:
/// each comment character and each trailing comma becomes a space, line breaks stay, so every
/// line and column (counted in Unicode scalars) is where it was in the original text.
enum JSONWithComments {
    /// A comment that never closes.
    struct Problem: Sendable, Hashable {
        /// 1-based line of the `/*`.
        var line: Int
        /// 1-based column of the `/*`.
        var column: Int
        /// One sentence.
        var message: String
    }

    /// The text with comments and trailing commas blanked, and an unclosed comment if any.
    static func strip(_ text: String) -> (text: String, problem: Problem?) {
        var scalars = Array(text.unicodeScalars)
        var problem: Problem?
        var i = 0
        var line = 1
        var column = 1
        var inString = false
        // Pass 1: comments.
        while i < scalars.count {
            let scalar = scalars[i]
            if inString {
                if scalar == "\\" {
                    i += 2
                    column += 2
                    continue
                }
                if scalar == "\"" { inString = false }
                if scalar == "\n" {
                    // A raw line break ends a (malformed) string: keep positions honest.
                    inString = false
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                i += 1
                continue
            }
            if scalar == "\"" {
                inString = true
            } else if scalar == "/", i + 1 < scalars.count, scalars[i + 1] == "/" {
                while i < scalars.count, scalars[i] != "\n", scalars[i] != "\r" {
                    scalars[i] = " "
                    i += 1
                }
                continue
            } else if scalar == "/", i + 1 < scalars.count, scalars[i + 1] == "*" {
                let startLine = line
                let startColumn = column
                scalars[i] = " "
                scalars[i + 1] = " "
                i += 2
                column += 2
                var closed = false
                while i < scalars.count {
                    if scalars[i] == "*", i + 1 < scalars.count, scalars[i + 1] == "/" {
                        scalars[i] = " "
                        scalars[i + 1] = " "
                        i += 2
                        column += 2
                        closed = true
                        break
                    }
                    if scalars[i] == "\n" {
                        line += 1
                        column = 1
                    } else if scalars[i] == "\r" {
                        if i + 1 >= scalars.count || scalars[i + 1] != "\n" {
                            line += 1
                            column = 1
                        }
                    } else {
                        scalars[i] = " "
                        column += 1
                    }
                    i += 1
                }
                if !closed {
                    problem = Problem(line: startLine, column: startColumn, message: "The comment that starts at \(startLine):\(startColumn) is never closed with */.")
                }
                continue
            }
            if scalar == "\n" || (scalar == "\r" && (i + 1 >= scalars.count || scalars[i + 1] != "\n")) {
                line += 1
                column = 1
            } else if scalar != "\r" {
                column += 1
            }
            i += 1
        }
        // Pass 2: trailing commas (a comma whose next significant character closes).
        inString = false
        i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if inString {
                if scalar == "\\" {
                    i += 2
                    continue
                }
                if scalar == "\"" || scalar == "\n" { inString = false }
            } else if scalar == "\"" {
                inString = true
            } else if scalar == "," {
                var next = i + 1
                while next < scalars.count, scalars[next] == " " || scalars[next] == "\t" || scalars[next] == "\n" || scalars[next] == "\r" {
                    next += 1
                }
                if next < scalars.count, scalars[next] == "}" || scalars[next] == "]" { scalars[i] = " " }
            }
            i += 1
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return (String(out), problem)
    }
}
