/// The rule packs built into certlint: the YAML files of `rules/`, embedded as text by a
/// generator (the `GeneratedFilesTests` suite, which fails when the embedded copy is stale).
public enum BuiltinPacks {
    /// Loads every built-in pack; errors name `rules/<file>.yml` lines and columns.
    public static func load() -> Result<[RulePack], PolicyErrors> {
        var packs: [RulePack] = []
        var errors: [PolicyError] = []
        for (file, text) in files {
            switch PolicyNode.parse(text, file: file) {
            case .failure(let error): errors.append(error)
            case .success(nil): errors.append(PolicyError(file: file, position: FilePosition(line: 1, column: 1), message: "The rule pack is empty."))
            case .success(let root?):
                switch RuleLoader.load(root, file: file) {
                case .success(let pack): packs.append(pack)
                case .failure(let failures): errors += failures.errors
                }
            }
        }
        return errors.isEmpty ? .success(packs) : .failure(PolicyErrors(errors))
    }

    /// The Swift source that embeds `files` (path, text), as the generator writes it.
    public static func generatedSource(_ files: [(path: String, text: String)]) -> String {
        var out = """
            // Generated from rules/*.yml by `CERTLINT_REGENERATE=1 swift test --filter GeneratedFilesTests`.
            // Do not edit: edit the YAML and regenerate (a test fails while this copy is stale).

            extension BuiltinPacks {
                /// The built-in packs' files: path and text.
                static let files: [(path: String, text: String)] = [

            """
        for file in files.sorted(by: { $0.path < $1.path }) {
            out += "        (\n            \"\(file.path)\",\n            ####\"\"\"\n"
            for line in file.text.split(separator: "\n", omittingEmptySubsequences: false) {
                out += line.isEmpty ? "\n" : "            \(line)\n"
            }
            out += "            \"\"\"####\n        ),\n"
        }
        out += "    ]\n}\n"
        return out
    }
}
