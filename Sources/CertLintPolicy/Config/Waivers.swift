import CertLintCore

/// Applies `.certlint.yml` waivers to findings: a matching, unexpired waiver suppresses a
/// finding; an expired one no longer does and is itself reported; one that matches nothing is
/// reported as stale, so waivers do not outlive their reason.
public enum Waivers {
    /// The rules that report on waivers themselves.
    public static let descriptors = [
        RuleDescriptor(
            id: "waiver-expired", pack: "certlint", summary: "A waiver in .certlint.yml has expired.",
            rationale: "Waivers carry a date so that exceptions are reviewed; past it, the waived findings count again.",
            help: "Fix what the waiver covered, or renew the waiver with a new date and reason.", severity: .warning),
        RuleDescriptor(
            id: "waiver-stale", pack: "certlint", summary: "A waiver in .certlint.yml matches no finding.",
            rationale: "A waiver that matches nothing is left over from something already fixed, or is mistyped and does not do what it says.",
            help: "Remove the waiver, or correct its rule, certificate or path.", severity: .note),
    ]

    /// Applies `waivers` (from `file`) to `findings` at `now`.
    public static func apply(_ waivers: [Configuration.Waiver], file: String, to findings: [Finding], now: Int64) -> [Finding] {
        var result = findings
        var used = Array(repeating: false, count: waivers.count)
        for i in result.indices where result[i].suppression == nil {
            for (w, waiver) in waivers.enumerated() where matches(waiver, result[i]) {
                used[w] = true
                if waiver.expiresAt >= now {
                    result[i].suppression = Suppression(kind: .waiver, justification: waiver.reason, expires: waiver.expires)
                    break
                }
            }
        }
        for (w, waiver) in waivers.enumerated() {
            let location = SourceLocation(path: file, line: waiver.position.line, column: waiver.position.column)
            let what = waiver.certificate.map { "certificate \($0.prefix(16))…" } ?? waiver.path.map { "path \($0.pattern)" } ?? "?"
            if waiver.expiresAt < now {
                result.append(Finding(
                    ruleID: "waiver-expired", severity: .warning,
                    message: "The waiver of \(waiver.rule) for \(what) expired on \(waiver.expires) (\(waiver.reason)); the findings it covered count again.",
                    location: location, fingerprint: "waiver-expired|\(waiver.rule)|\(what)"))
            } else if !used[w] {
                result.append(Finding(
                    ruleID: "waiver-stale", severity: .note,
                    message: "The waiver of \(waiver.rule) for \(what) matches no finding; remove it or correct it.",
                    location: location, fingerprint: "waiver-stale|\(waiver.rule)|\(what)"))
            }
        }
        return result
    }

    static func matches(_ waiver: Configuration.Waiver, _ finding: Finding) -> Bool {
        guard waiver.rule == "*" || waiver.rule == finding.ruleID else { return false }
        if let certificate = waiver.certificate {
            guard let fingerprint = finding.certificateFingerprint, fingerprint.hasPrefix(certificate) else { return false }
        }
        if let path = waiver.path {
            let paths = [finding.location.path] + finding.relatedLocations.map(\.location.path)
            guard paths.contains(where: path.matches) else { return false }
        }
        return true
    }
}
