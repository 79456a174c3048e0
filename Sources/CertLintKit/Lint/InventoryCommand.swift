import CertLintCore
import CertLintDER
import CertLintManifests
import CertLintPolicy

/// `certlint inventory [PATH…]`: every certificate of the repository with every place it is
/// used: role, endpoint, hostnames, the manifest line, chain status and days to expiry.
enum InventoryCommand {
    static let parser = ArgumentParser(command: "inventory", options: [
        .init("--config"), .init("--format", allowed: ["text", "json", "csv", "markdown"]), .init("--output"), .init("--at"),
        .init("--keystore-password-env", repeatable: true), .init("--root"),
    ])

    /// One row: a certificate at one place (or at none).
    struct Row {
        let certificate: CertificateFacts
        let placement: UsageResolver.Placement?
        /// The certificate is not the one presented at the place but served in its chain.
        var inChain = false
    }

    static func run(_ arguments: [String], environment: Environment) throws(UsageError) -> CertLintExitStatus {
        let options = try parser.parse(arguments)
        let setup: LintCommand.Setup
        switch LintCommand.prepare(options, environment: environment) {
        case .success(let s): setup = s
        case .failure(let failure):
            failure.lines.forEach { environment.standardError("\($0)\n") }
            return .usageError
        }
        let builder = InventoryBuilder(
            repository: setup.repository, configuration: setup.configuration, now: setup.now, passwords: setup.passwords)
        let read = builder.build(files: setup.repository.files(include: setup.configuration.include, exclude: setup.configuration.exclude))
        let wanted = options.positional.map {
            setup.repository.relative(Repository.normalizeAbsolute(InspectCommand.absolute($0, in: environment.workingDirectory)))
        }
        func covered(_ path: String) -> Bool {
            wanted.isEmpty || wanted.contains { $0 == "." || path == $0 || path.hasPrefix($0 + "/") }
        }
        var byCertificate: [ObjectIdentifier: [UsageResolver.Placement]] = [:]
        var inChains: [ObjectIdentifier: [UsageResolver.Placement]] = [:]
        for placement in read.placements {
            byCertificate[ObjectIdentifier(placement.certificate), default: []].append(placement)
            for member in placement.chain?.certificates.dropFirst() ?? [] where member !== placement.certificate {
                inChains[ObjectIdentifier(member), default: []].append(placement)
            }
        }
        var rows: [Row] = []
        for cert in read.table.all.sorted(by: { $0.source.location < $1.source.location }) {
            let places = byCertificate[ObjectIdentifier(cert)] ?? []
            let chains = inChains[ObjectIdentifier(cert)] ?? []
            // A certificate is listed when it, or a place that uses it, is under the paths given.
            guard covered(cert.source.path) || (places + chains).contains(where: { covered($0.usage.location.path) }) else { continue }
            rows += places.map { Row(certificate: cert, placement: $0) }
            rows += chains.map { Row(certificate: cert, placement: $0, inChain: true) }
            if places.isEmpty && chains.isEmpty { rows.append(Row(certificate: cert, placement: nil)) }
        }
        let unresolved = read.unresolved.filter { covered($0.usage.location.path) }
        let text: String
        switch options.value("--format") ?? "text" {
        case "json": text = json(rows, unresolved, now: setup.now)
        case "csv": text = csv(rows, unresolved)
        case "markdown": text = markdown(rows, unresolved)
        default: text = plain(rows, unresolved)
        }
        if let output = options.value("--output") {
            do {
                try environment.writeFile(InspectCommand.absolute(output, in: environment.workingDirectory), Array(text.utf8))
            } catch {
                throw UsageError("inventory: cannot write to \(output).")
            }
        } else {
            environment.standardOutput(text)
        }
        return .success
    }

    // MARK: Cells

    /// "complete", "incomplete: missing CN=…", "out of order", … for a served chain; "-" for a CA bundle.
    static func chainStatus(_ chain: ChainFacts.Analysis?) -> String {
        guard let chain else { return "-" }
        var parts: [String] = []
        if !chain.startsWithLeaf { parts.append("does not start with the leaf") }
        if !chain.complete { parts.append("incomplete: missing \(chain.missingIssuer)") }
        if chain.startsWithLeaf && !chain.ordered { parts.append("out of order") }
        if chain.includesRoot { parts.append("includes the root") }
        if !chain.expiredIssuer.isEmpty { parts.append("expired intermediate \(chain.expiredIssuer)") }
        if parts.isEmpty { return chain.certificates.count == 1 ? "complete (leaf only)" : "complete (\(chain.certificates.count) certificates)" }
        return parts.joined(separator: "; ")
    }

    static func expiry(_ cert: CertificateFacts) -> (date: String, days: Int64) {
        let days: Int64
        if case .int(let d)? = cert.field("daysUntilExpiry") { days = d } else { days = 0 }
        return (cert.notAfter.map { String($0.iso8601.prefix(10)) } ?? "?", days)
    }

    static func role(_ row: Row) -> String {
        guard let placement = row.placement else { return "unused" }
        if row.inChain { return "chain of \(leafName(placement))" }
        return placement.usage.role.rawValue + (placement.mtls ? " (mTLS)" : "")
    }

    static func leafName(_ placement: UsageResolver.Placement) -> String { placement.certificate.displayName }

    // MARK: Formats

    static func plain(_ rows: [Row], _ unresolved: [(usage: CertificateUsage, reason: String)]) -> String {
        var out = ""
        var last: ObjectIdentifier?
        var certificates = 0
        for row in rows {
            let cert = row.certificate
            if last != ObjectIdentifier(cert) {
                last = ObjectIdentifier(cert)
                certificates += 1
                let (date, days) = expiry(cert)
                let when = days < 0 ? "expired \(date) (\(-days) days ago)" : "expires \(date) (\(days) days)"
                out += (out.isEmpty ? "" : "\n") + "\(cert.displayName)  \(cert.source.location.description)  \(when)\n"
                out += "  issuer: \(cert.issuer.isEmpty ? "(empty)" : cert.issuer.rfc4514String)\n"
            }
            guard let place = row.placement else {
                out += "  not used by any manifest\n"
                continue
            }
            out += "  \(role(row)) at \(place.usage.endpoint) [\(place.usage.platform)]  \(place.usage.location.description)\n"
            if row.inChain { continue }
            if !place.usage.hostnames.isEmpty {
                out += "    \(place.usage.role == .client ? "calls" : "hostnames"): \(place.usage.hostnames.joined(separator: ", "))\n"
            }
            if place.chain != nil { out += "    chain: \(chainStatus(place.chain))\n" }
        }
        if !unresolved.isEmpty {
            out += (out.isEmpty ? "" : "\n") + "Places whose certificate certlint cannot see:\n"
            for (usage, reason) in unresolved {
                out += "  \(usage.role.rawValue) at \(usage.endpoint) [\(usage.platform)]  \(usage.location.description): \(reason)\n"
            }
        }
        let places = rows.filter { $0.placement != nil && !$0.inChain }.count
        out += "\n\(certificates) certificate\(certificates == 1 ? "" : "s"), \(places) place\(places == 1 ? "" : "s") of use"
        out += unresolved.isEmpty ? ".\n" : ", \(unresolved.count) unresolved.\n"
        return out
    }

    static let columns = ["certificate", "file", "expires", "days_left", "role", "endpoint", "platform", "hostnames", "location", "chain"]

    static func cells(_ row: Row) -> [String] {
        let (date, days) = expiry(row.certificate)
        let place = row.placement
        return [
            row.certificate.displayName, row.certificate.source.location.description, date, String(days), role(row),
            place?.usage.endpoint ?? "", place?.usage.platform ?? "", place?.usage.hostnames.joined(separator: " ") ?? "",
            place?.usage.location.description ?? "", place == nil || row.inChain ? "" : chainStatus(place?.chain),
        ]
    }

    static func unresolvedCells(_ entry: (usage: CertificateUsage, reason: String)) -> [String] {
        ["", "", "", "", entry.usage.role.rawValue, entry.usage.endpoint, entry.usage.platform,
         entry.usage.hostnames.joined(separator: " "), entry.usage.location.description, "unresolved: \(entry.reason)"]
    }

    /// RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled. Fields
    /// that a spreadsheet would run as a formula are prefixed with a quote mark (OWASP CSV injection).
    static func csv(_ rows: [Row], _ unresolved: [(usage: CertificateUsage, reason: String)]) -> String {
        func field(_ text: String) -> String {
            var value = text
            if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
            if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return value
        }
        var out = columns.joined(separator: ",") + "\r\n"
        for row in rows { out += cells(row).map(field).joined(separator: ",") + "\r\n" }
        for entry in unresolved { out += unresolvedCells(entry).map(field).joined(separator: ",") + "\r\n" }
        return out
    }

    static func markdown(_ rows: [Row], _ unresolved: [(usage: CertificateUsage, reason: String)]) -> String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "`", with: "\\`")
        }
        var out = "| " + ["Certificate", "File", "Expires", "Days left", "Role", "Endpoint", "Platform", "Hostnames", "Location", "Chain"].joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: columns.count) + "\n"
        for row in rows { out += "| " + cells(row).map(cell).joined(separator: " | ") + " |\n" }
        for entry in unresolved { out += "| " + unresolvedCells(entry).map(cell).joined(separator: " | ") + " |\n" }
        return out
    }

    static func json(_ rows: [Row], _ unresolved: [(usage: CertificateUsage, reason: String)], now: DERTime) -> String {
        var certificates: [JSONValue] = []
        var index: [ObjectIdentifier: Int] = [:]
        var usages: [[JSONValue]] = []
        for row in rows {
            let id = ObjectIdentifier(row.certificate)
            if index[id] == nil {
                index[id] = certificates.count
                let cert = row.certificate
                let (date, days) = expiry(cert)
                certificates.append(.object([
                    "subject": .string(cert.subject.rfc4514String), "issuer": .string(cert.issuer.rfc4514String),
                    "name": .string(cert.displayName), "fingerprint": .string(cert.fingerprint),
                    "path": .string(cert.source.path), "line": .optional(cert.source.line),
                    "notAfter": .string(date), "daysUntilExpiry": .int(Int(days)),
                ]))
                usages.append([])
            }
            guard let place = row.placement, let i = index[id] else { continue }
            var usage: [String: JSONValue] = [
                "role": .string(row.inChain ? "chain" : place.usage.role.rawValue), "mtls": .bool(place.mtls), "endpoint": .string(place.usage.endpoint),
                "platform": .string(place.usage.platform), "installedOn": .string(place.usage.installedOn.rawValue),
                "hostnames": .strings(place.usage.hostnames), "path": .string(place.usage.location.path),
                "line": .optional(place.usage.location.line), "column": .optional(place.usage.location.column),
            ]
            if let chain = place.chain, !row.inChain {
                usage["chain"] = .object([
                    "status": .string(chainStatus(chain)), "complete": .bool(chain.complete), "ordered": .bool(chain.ordered),
                    "startsWithLeaf": .bool(chain.startsWithLeaf), "includesRoot": .bool(chain.includesRoot),
                    "missingIssuer": .string(chain.missingIssuer), "expiredIssuer": .string(chain.expiredIssuer),
                    "length": .int(chain.certificates.count),
                ])
            }
            usages[i].append(.object(usage))
        }
        let list: [JSONValue] = certificates.enumerated().map { i, value in
            guard case .object(var fields) = value else { return value }
            fields["usages"] = .array(usages[i])
            return .object(fields)
        }
        let document: JSONValue = .object([
            "evaluatedAt": .string(now.iso8601),
            "certificates": .array(list),
            "unresolved": .array(unresolved.map { entry in
                .object([
                    "role": .string(entry.usage.role.rawValue), "endpoint": .string(entry.usage.endpoint),
                    "platform": .string(entry.usage.platform), "path": .string(entry.usage.location.path),
                    "line": .optional(entry.usage.location.line), "reason": .string(entry.reason),
                ])
            }),
        ])
        return document.serialized(pretty: true)
    }
}
