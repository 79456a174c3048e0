import CertLintCore
import CertLintYAML

/// Reads Spring Boot configuration: `application.properties`, `application.yml`/`.yaml` and
/// their profile variants `application-<profile>.*`.
///
/// Keys recognised (relaxed binding: `keyStore`, `key_store` and `key-store` are one key):
///
/// - `server.ssl.*` (and `management.server.ssl.*` for the management port):
///   `enabled` (`false` turns the rest off), `key-store` (+ `key-store-type`, `key-alias`) and
///   `certificate` (+ `certificate-private-key`) → `server`; `trust-store` and
///   `trust-certificate` → `client-ca` when `client-auth` is `need` (verifyClient `required`) or
///   `want` (`optional`), else `unknown` with a note; `bundle` names the server's SSL bundle;
///   `server-name-bundles[i].server-name`/`.bundle` give SNI hostnames their own bundle.
///   `server.port` / `management.server.port` name the endpoint.
/// - SSL bundles (Spring Boot 3.1+): `spring.ssl.bundle.jks.<name>.keystore.location`
///   (+ `keystore.type`, `key.alias`), `.truststore.location`, and
///   `spring.ssl.bundle.pem.<name>.keystore.certificate` (+ `keystore.private-key`),
///   `.truststore.certificate`. A bundle named by the server is the server's; a bundle named
///   by another `….ssl.bundle` property (`spring.rabbitmq.ssl.bundle`,
///   `spring.data.redis.ssl.bundle`, `spring.kafka.ssl.bundle`…) is that client's (key store
///   → `client`, trust store → `server-ca`); any other bundle is `unknown` with a note (it is
///   used from code: RestTemplate, RestClient, WebClient).
/// - Client stores written directly: `<prefix>.ssl.key-store`, `.key-store-location`,
///   `.key-store-certificate-chain` → `client`; `.trust-store`, `.trust-store-location`,
///   `.trust-store-certificates` → `server-ca` (`spring.rabbitmq.ssl.*`, `spring.kafka.ssl.*`…).
///
/// Locations: `classpath:` is relative to `src/main/resources` (the resources folder the file
/// is in, or the one next to it), `file:` and bare paths to the module folder (the working
/// directory Spring Boot is usually started from), PEM content is inline. `${name:default}`
/// placeholders resolve against the file's own settings, then their defaults; what remains
/// unresolved is `.external` with a note. Documents (`---`, `#---`) with
/// `spring.config.activate.on-profile` are read as that profile laid over the others.
/// Passwords are never kept; one written literally is a warning.
public enum SpringReader: ManifestReader {
    /// `spring-boot`.
    public static let format = "spring-boot"
    /// The platform named in usages.
    public static let platform = "spring-boot"

    /// Whether the file is `application[-profile].properties|yml|yaml`.
    public static func accepts(path: String, text: String) -> Bool {
        profileAndKind(of: path) != nil
    }

    /// The profile named by a file name (`application-prod.yml` → `prod`) and whether it is
    /// a properties file; `nil` when the name is not Spring Boot's.
    static func profileAndKind(of path: String) -> (profile: String?, isProperties: Bool)? {
        let name = ReferenceGuess.fileName(of: path).lowercased()
        let ext = ReferenceGuess.pathExtension(name)
        guard ["properties", "yml", "yaml"].contains(ext) else { return nil }
        let stem = String(name.dropLast(ext.count + 1))
        if stem == "application" { return (nil, ext == "properties") }
        guard stem.hasPrefix("application-"), stem.count > "application-".count else { return nil }
        return (String(ReferenceGuess.fileName(of: path).dropFirst("application-".count).dropLast(ext.count + 1)), ext == "properties")
    }

    /// Profile documents read at most (each is laid over the others and read again).
    static let maxProfileDocuments = 64

    /// Reads the file into usages.
    public static func read(path: String, text: String, context: ManifestContext) -> ManifestContents {
        var contents = ManifestContents()
        guard let (fileProfile, isProperties) = profileAndKind(of: path) else { return contents }
        let documents: [SpringSettings]
        if isProperties {
            let (parsed, problems) = SpringSettings.fromProperties(text)
            documents = parsed
            for problem in problems {
                contents.problems.append(ManifestProblem(
                    location: SourceLocation(path: path, line: problem.line, column: problem.column), message: problem.message))
            }
        } else {
            do {
                documents = try SpringSettings.fromYAML(text)
            } catch {
                contents.problems.append(ManifestProblem(
                    location: SourceLocation(path: path, line: error.line, column: error.column),
                    message: "The file is not valid YAML: \(error.message)"))
                return contents
            }
        }

        var reading = Reading(path: path, fileName: ReferenceGuess.fileName(of: path))
        for document in documents { reading.checkPasswords(in: document) }

        // Documents activated by a profile are laid over the others (which Spring applies in order).
        var base = SpringSettings()
        var profiled: [(String, SpringSettings)] = []
        for document in documents {
            let profileSetting = document["spring.config.activate.on-profile"] ?? document["spring.profiles"]
            if let profileSetting, !profileSetting.value.isEmpty {
                guard profiled.count < maxProfileDocuments else {
                    reading.addProblem(ManifestProblem(
                        location: reading.location(profileSetting),
                        message: "The file holds more than \(maxProfileDocuments) profile documents; the rest are not read.", severity: .warning))
                    break
                }
                profiled.append((profileSetting.value, document))
            } else {
                base = base.overlaid(with: document)
            }
        }
        let baseUsages = reading.usages(for: base, profile: fileProfile)
        contents.usages = baseUsages
        for (profile, document) in profiled {
            let label = fileProfile.map { "\($0), \(profile)" } ?? profile
            for usage in reading.usages(for: base.overlaid(with: document), profile: label)
            where !baseUsages.contains(where: { sameInstallation($0, usage) }) {
                contents.usages.append(usage)
            }
        }
        contents.problems.append(contentsOf: reading.problems)
        return contents
    }

    /// Whether two usages install the same thing the same way (they may name the endpoint differently).
    private static func sameInstallation(_ a: CertificateUsage, _ b: CertificateUsage) -> Bool {
        a.role == b.role && a.certificate == b.certificate && a.privateKey == b.privateKey && a.location == b.location
            && a.verifyClient == b.verifyClient && a.hostnames == b.hostnames
    }

    // MARK: - Folders

    /// The folders `classpath:` and relative paths start from, and whether the classpath
    /// folder is a guess (the file is not inside a resources folder).
    static func bases(for path: String) -> (classpath: String, workingDirectory: String, classpathGuessed: Bool) {
        let components = ReferenceGuess.folder(of: path).split(separator: "/").map(String.init)
        if components.count >= 3 {
            for index in stride(from: components.count - 1, through: 2, by: -1)
            where components[index] == "resources" && components[index - 2] == "src" {
                let resources = components[...index].joined(separator: "/")
                let module = components[..<(index - 2)].joined(separator: "/")
                return (resources, module, false)
            }
        }
        var module = components
        if module.last == "config" { module.removeLast() }
        let moduleFolder = module.joined(separator: "/")
        return (ReferenceGuess.join(moduleFolder, "src/main/resources"), moduleFolder, true)
    }
}

// MARK: - One read

extension SpringReader {
    /// The state of reading one file: its folders and the problems found.
    fileprivate struct Reading {
        let path: String
        let fileName: String
        let classpath: String
        let workingDirectory: String
        let classpathGuessed: Bool
        var problems: [ManifestProblem] = []

        init(path: String, fileName: String) {
            self.path = path
            self.fileName = fileName
            (classpath, workingDirectory, classpathGuessed) = SpringReader.bases(for: path)
        }

        func location(_ setting: SpringSettings.Setting) -> SourceLocation {
            SourceLocation(path: path, line: setting.line, column: setting.column)
        }

        mutating func addProblem(_ problem: ManifestProblem) {
            if !problems.contains(problem) { problems.append(problem) }
        }

        // MARK: Passwords

        mutating func checkPasswords(in settings: SpringSettings) {
            for setting in settings.ordered {
                let last = setting.canonical.split(separator: ".").last.map(String.init) ?? ""
                guard last.hasSuffix("password"), setting.canonical.contains("ssl") || setting.canonical.contains("store"),
                    !setting.value.isEmpty, !setting.value.contains("${")
                else { continue }
                addProblem(ManifestProblem(
                    location: location(setting),
                    message: "The password \(setting.key) is written in \(fileName); load it from the environment with a ${…} placeholder.",
                    severity: .warning, check: .secretInManifest))
            }
        }

        // MARK: References

        /// The reference a location setting makes, with a note.
        func reference(
            _ setting: SpringSettings.Setting, in settings: SpringSettings, keystore: Bool, alias: String? = nil
        ) -> (CertificateReference, String?)? {
            let (value, unresolved) = settings.resolve(setting.value)
            if !unresolved.isEmpty {
                let names = unresolved.map { "${\($0)}" }.joined(separator: ", ")
                return (.external(value), "\(setting.key) refers to \(names), which this file does not set; it is set where the application is deployed.")
            }
            let trimmed = ReferenceGuess.trim(value)
            if trimmed.isEmpty { return nil }
            if ReferenceGuess.isPEM(trimmed) { return (.inline(trimmed), nil) }
            func make(_ file: String, base: String) -> CertificateReference {
                keystore ? .keystore(path: file, base: base, alias: alias) : .file(path: file, base: base)
            }
            for prefix in ["classpath*:", "classpath:"] where trimmed.hasPrefix(prefix) {
                var file = String(trimmed.dropFirst(prefix.count))
                while file.hasPrefix("/") { file.removeFirst() }
                let note = classpathGuessed
                    ? "\(fileName) is not inside src/main/resources; classpath: is taken as \(classpath.isEmpty ? "src/main/resources" : classpath)."
                    : nil
                return (make(file, base: classpath), note)
            }
            if trimmed.hasPrefix("file:") {
                var file = String(trimmed.dropFirst("file:".count))
                if file.hasPrefix("//") { file = String(file.dropFirst(2)) }
                return (make(file, base: workingDirectory), nil)
            }
            if ReferenceGuess.isExternalAddress(trimmed) { return (.external(trimmed), nil) }
            return (make(trimmed, base: workingDirectory), nil)
        }

        // MARK: Usages

        mutating func usages(for settings: SpringSettings, profile: String?) -> [CertificateUsage] {
            let bundles = SpringBundle.all(in: settings)
            var usages: [CertificateUsage] = []
            var serverBundles: Set<String> = []
            for server in [("server.ssl", "server", "server.port"), ("management.server.ssl", "management server", "management.server.port")] {
                usages += serverUsages(
                    prefix: server.0, label: server.1, portKey: server.2, settings: settings, bundles: bundles, profile: profile,
                    serverBundles: &serverBundles)
            }
            usages += clientUsages(settings: settings, bundles: bundles, serverBundles: serverBundles, profile: profile)
            return usages
        }

        private func endpointSuffix(_ profile: String?) -> (name: String, id: String) {
            guard let profile else { return ("", "") }
            return (" (profile \(profile))", "@\(profile)")
        }

        private mutating func serverUsages(
            prefix: String, label: String, portKey: String, settings: SpringSettings, bundles: [String: SpringBundle], profile: String?,
            serverBundles: inout Set<String>
        ) -> [CertificateUsage] {
            func get(_ key: String) -> SpringSettings.Setting? { settings["\(prefix).\(key)"] }
            func value(_ key: String) -> String? { get(key).map { settings.resolve($0.value).value } }
            if value("enabled")?.lowercased() == "false" { return [] }

            var verifyClient = CertificateUsage.VerifyClient.none
            if let clientAuth = get("client-auth") {
                switch settings.resolve(clientAuth.value).value.lowercased() {
                case "need": verifyClient = .required
                case "want": verifyClient = .optional
                case "none", "": verifyClient = .none
                default:
                    addProblem(ManifestProblem(
                        location: location(clientAuth),
                        message: "\(clientAuth.key) must be need, want or none; Spring Boot refuses the value written.", severity: .warning))
                }
            }
            let port = settings[portKey].map { settings.resolve($0.value).value }
            let suffix = endpointSuffix(profile)
            let endpoint = "spring-boot \(label)" + (port.map { " :\($0)" } ?? "") + suffix.name
            let endpointID = "spring-boot:\(path)#\(prefix)\(suffix.id)"
            var usages: [CertificateUsage] = []

            func add(_ role: CertificateUsage.Role, _ reference: CertificateReference, key: CertificateReference? = nil,
                     hostnames: [String] = [], at setting: SpringSettings.Setting, note: String?, id: String = endpointID,
                     name: String = endpoint) {
                usages.append(CertificateUsage(
                    role: role, certificate: reference, privateKey: key, hostnames: hostnames, endpoint: name, platform: SpringReader.platform,
                    installedOn: .appServer, verifyClient: verifyClient, endpointID: id, location: location(setting), note: note))
            }
            let trustRole: CertificateUsage.Role = verifyClient == .none ? .unknown : .clientCA
            let unusedTrustNote = verifyClient == .none
                ? "\(prefix).client-auth is not need or want, so the server does not use this trust store to verify callers."
                : nil

            if let keyStore = get("key-store") {
                if value("key-store-type")?.uppercased() == "PKCS11" {
                    add(.server, .external("PKCS#11 token"), at: keyStore, note: "The key store is a PKCS#11 token, outside the repository.")
                } else if let (reference, note) = self.reference(keyStore, in: settings, keystore: true, alias: value("key-alias")) {
                    add(.server, reference, at: keyStore, note: note)
                }
            }
            if let certificate = get("certificate"), let (reference, note) = self.reference(certificate, in: settings, keystore: false) {
                let key = get("certificate-private-key").flatMap { self.reference($0, in: settings, keystore: false)?.0 }
                add(.server, reference, key: key, at: certificate, note: note)
            }
            var hasTrust = false
            for (key, isKeystore) in [("trust-store", true), ("trust-certificate", false)] {
                if let trust = get(key), let (reference, note) = self.reference(trust, in: settings, keystore: isKeystore) {
                    hasTrust = true
                    add(trustRole, reference, at: trust, note: [note, unusedTrustNote].compactMap { $0 }.first)
                }
            }
            if let bundleSetting = get("bundle") {
                let name = settings.resolve(bundleSetting.value).value
                if let bundle = bundles[SpringSettings.canonical(name)] {
                    serverBundles.insert(bundle.canonicalName)
                    for store in bundle.stores(reading: self, settings: settings) {
                        if store.isTrust {
                            hasTrust = true
                            add(trustRole, store.reference, at: store.setting, note: [store.note, unusedTrustNote].compactMap { $0 }.first)
                        } else {
                            add(.server, store.reference, key: store.privateKey, at: store.setting, note: store.note)
                        }
                    }
                } else {
                    addProblem(ManifestProblem(
                        location: location(bundleSetting),
                        message: "\(bundleSetting.key) names the SSL bundle \(name), which \(fileName) does not define under spring.ssl.bundle.",
                        severity: .note))
                }
            }
            // SNI: server-name-bundles[i].server-name and .bundle.
            var index = 0
            while let serverName = get("server-name-bundles[\(index)].server-name") {
                defer { index += 1 }
                guard let bundleSetting = get("server-name-bundles[\(index)].bundle") else { continue }
                let host = settings.resolve(serverName.value).value
                guard let bundle = bundles[SpringSettings.canonical(settings.resolve(bundleSetting.value).value)] else {
                    addProblem(ManifestProblem(
                        location: location(bundleSetting),
                        message: "\(bundleSetting.key) names an SSL bundle that \(fileName) does not define under spring.ssl.bundle.",
                        severity: .note))
                    continue
                }
                serverBundles.insert(bundle.canonicalName)
                for store in bundle.stores(reading: self, settings: settings) where !store.isTrust {
                    add(.server, store.reference, key: store.privateKey, hostnames: [host], at: store.setting, note: store.note)
                }
            }
            if verifyClient != .none, !hasTrust {
                let note = "\(prefix).client-auth asks callers for certificates but no trust store is set here; the JVM's default trust store (cacerts) verifies them."
                for i in usages.indices where usages[i].role == .server {
                    usages[i].note = [usages[i].note, note].compactMap { $0 }.joined(separator: " ")
                }
            }
            return usages
        }

        private static let clientKeyStoreSuffixes = [".ssl.key-store", ".ssl.key-store-location", ".ssl.key-store-certificate-chain"]
        private static let clientTrustStoreSuffixes = [".ssl.trust-store", ".ssl.trust-store-location", ".ssl.trust-store-certificates"]

        private func clientUsages(
            settings: SpringSettings, bundles: [String: SpringBundle], serverBundles: Set<String>, profile: String?
        ) -> [CertificateUsage] {
            let suffix = endpointSuffix(profile)
            var usages: [CertificateUsage] = []
            var consumers: [String: [String]] = [:]
            let isServerKey = { (key: String) in key.hasPrefix("server.ssl.") || key.hasPrefix("management.server.ssl.") }
            for setting in settings.ordered where !isServerKey(setting.canonical) && settings[setting.canonical] == setting {
                let key = setting.canonical
                if key.hasSuffix(".ssl.bundle") {
                    let consumer = String(key.dropLast(".ssl.bundle".count))
                    consumers[SpringSettings.canonical(settings.resolve(setting.value).value), default: []].append(consumer)
                    continue
                }
                let isKeyStore = Self.clientKeyStoreSuffixes.contains { key.hasSuffix($0) }
                let isTrustStore = Self.clientTrustStoreSuffixes.contains { key.hasSuffix($0) }
                guard isKeyStore || isTrustStore, !key.hasPrefix("spring.ssl.bundle.") else { continue }
                let consumer = String(key[..<(key.range(ofLast: ".ssl.") ?? key.endIndex)])
                let keystore = !key.hasSuffix("-certificate-chain") && !key.hasSuffix("-certificates")
                let typeKey = consumer + (isKeyStore ? ".ssl.key-store-type" : ".ssl.trust-store-type")
                let alias = isKeyStore ? settings[consumer + ".ssl.key-alias"].map { settings.resolve($0.value).value } : nil
                if settings[typeKey].map({ settings.resolve($0.value).value.uppercased() }) == "PKCS11" { continue }
                guard let (reference, note) = reference(setting, in: settings, keystore: keystore, alias: alias) else { continue }
                usages.append(CertificateUsage(
                    role: isKeyStore ? .client : .serverCA, certificate: reference, endpoint: "spring-boot client \(consumer)\(suffix.name)",
                    platform: SpringReader.platform, installedOn: .application, endpointID: "spring-boot:\(path)#client:\(consumer)\(suffix.id)",
                    location: location(setting), note: note))
            }
            for bundle in bundles.values.sorted(by: { $0.firstLine < $1.firstLine }) where !serverBundles.contains(bundle.canonicalName) {
                let stores = bundle.stores(reading: self, settings: settings)
                if let users = consumers[bundle.canonicalName] {
                    for consumer in users {
                        for store in stores {
                            usages.append(CertificateUsage(
                                role: store.isTrust ? .serverCA : .client, certificate: store.reference, privateKey: store.privateKey,
                                endpoint: "spring-boot client \(consumer) (bundle \(bundle.name))\(suffix.name)", platform: SpringReader.platform,
                                installedOn: .application, endpointID: "spring-boot:\(path)#client:\(consumer)\(suffix.id)",
                                location: location(store.setting), note: store.note))
                        }
                    }
                } else {
                    let note = "The SSL bundle \(bundle.name) is not named by server.ssl.bundle or by a client's ssl.bundle property in this file; code (RestTemplate, RestClient, WebClient) may use it as a server or a client."
                    for store in stores {
                        usages.append(CertificateUsage(
                            role: .unknown, certificate: store.reference, privateKey: store.privateKey,
                            endpoint: "spring-boot SSL bundle \(bundle.name)\(suffix.name)", platform: SpringReader.platform,
                            installedOn: .application, endpointID: "spring-boot:\(path)#bundle:\(bundle.canonicalName)\(suffix.id)",
                            location: location(store.setting), note: [store.note, note].compactMap { $0 }.joined(separator: " ")))
                    }
                }
            }
            return usages.sorted { ($0.location.line ?? 0, $0.location.column ?? 0) < ($1.location.line ?? 0, $1.location.column ?? 0) }
        }
    }

    /// An SSL bundle: `spring.ssl.bundle.jks.<name>` or `spring.ssl.bundle.pem.<name>`.
    fileprivate struct SpringBundle {
        /// `jks` or `pem`.
        var kind: String
        /// The name as written.
        var name: String
        /// The name's canonical form.
        var canonicalName: String
        /// The line of its first setting, to keep file order.
        var firstLine: Int

        /// One store of a bundle, as a reference.
        struct Store {
            var isTrust: Bool
            var reference: CertificateReference
            var privateKey: CertificateReference?
            var setting: SpringSettings.Setting
            var note: String?
        }

        /// Every bundle defined in the settings, by canonical name.
        static func all(in settings: SpringSettings) -> [String: SpringBundle] {
            var bundles: [String: SpringBundle] = [:]
            for setting in settings.ordered {
                for kind in ["jks", "pem"] {
                    let prefix = "spring.ssl.bundle.\(kind)."
                    guard setting.canonical.hasPrefix(prefix) else { continue }
                    let rest = setting.canonical.dropFirst(prefix.count)
                    guard let dot = rest.firstIndex(of: ".") else { continue }
                    let canonicalName = String(rest[..<dot])
                    // The name as written: the key segment after the kind.
                    let rawSegments = setting.key.split(separator: ".")
                    let name = rawSegments.count > 4 ? String(rawSegments[4]) : canonicalName
                    if bundles[canonicalName] == nil {
                        bundles[canonicalName] = SpringBundle(kind: kind, name: name, canonicalName: canonicalName, firstLine: setting.line)
                    }
                }
            }
            return bundles
        }

        /// The bundle's key store and trust store as references.
        func stores(reading: Reading, settings: SpringSettings) -> [Store] {
            let prefix = "spring.ssl.bundle.\(kind).\(canonicalName)."
            func get(_ key: String) -> SpringSettings.Setting? { settings[prefix + key] }
            let alias = get("key.alias").map { settings.resolve($0.value).value }
            var stores: [Store] = []
            if kind == "jks" {
                for (key, typeKey, isTrust) in [("keystore.location", "keystore.type", false), ("truststore.location", "truststore.type", true)] {
                    guard let setting = get(key) else { continue }
                    if get(typeKey).map({ settings.resolve($0.value).value.uppercased() }) == "PKCS11" { continue }
                    if let (reference, note) = reading.reference(setting, in: settings, keystore: true, alias: isTrust ? nil : alias) {
                        stores.append(Store(isTrust: isTrust, reference: reference, setting: setting, note: note))
                    }
                }
            } else {
                if let setting = get("keystore.certificate"), let (reference, note) = reading.reference(setting, in: settings, keystore: false) {
                    let key = get("keystore.private-key").flatMap { reading.reference($0, in: settings, keystore: false)?.0 }
                    stores.append(Store(isTrust: false, reference: reference, privateKey: key, setting: setting, note: note))
                }
                if let setting = get("truststore.certificate"), let (reference, note) = reading.reference(setting, in: settings, keystore: false) {
                    stores.append(Store(isTrust: true, reference: reference, setting: setting, note: note))
                }
            }
            return stores
        }
    }
}

extension String {
    /// The start of the last occurrence of `needle`, or `nil`.
    fileprivate func range(ofLast needle: String) -> String.Index? {
        var found: String.Index?
        var search = startIndex
        while search < endIndex, let range = self[search...].firstRange(of: needle) {
            found = range.lowerBound
            search = index(after: range.lowerBound)
        }
        return found
    }
}
