import CertLintDER

/// The Certificate Transparency SCT list embedded in a certificate (RFC 6962 3.3).
///
/// The extension value is an OCTET STRING holding a TLS-encoded structure:
/// ```
/// opaque SerializedSCT<1..2^16-1>;
/// struct { SerializedSCT sct_list <1..2^16-1>; } SignedCertificateTimestampList;
/// struct { Version sct_version; LogID id; uint64 timestamp; CtExtensions extensions;
///          digitally-signed struct { ... }; } SignedCertificateTimestamp;
/// ```
public struct SignedCertificateTimestampList: Sendable, Hashable {
    /// One SCT.
    public struct Timestamp: Sendable, Hashable {
        /// The SCT version (0 for v1).
        public let version: UInt8
        /// The log's ID (SHA-256 of its key), for v1 SCTs.
        public let logID: [UInt8]
        /// Milliseconds since the epoch.
        public let timestampMilliseconds: UInt64
    }

    /// The SCTs in order.
    public let timestamps: [Timestamp]

    /// Reads the extension value.
    public init(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
        try node.expect(.octetString, "SignedCertificateTimestampList")
        var i = node.contentStart
        let end = node.contentEnd
        func u16() throws(DERError) -> Int {
            guard i + 2 <= end else { throw DERError(.truncated, at: i, "The SCT list ends inside a length") }
            defer { i += 2 }
            return Int(bytes[i]) << 8 | Int(bytes[i + 1])
        }
        let total = try u16()
        guard total == end - i else {
            throw DERError(.invalidValue, at: node.contentStart, "The SCT list claims \(total) bytes but holds \(end - i)")
        }
        var result: [Timestamp] = []
        while i < end {
            let length = try u16()
            guard length >= 1, length <= end - i else {
                throw DERError(.invalidValue, at: i - 2, "An SCT claims \(length) bytes but \(end - i) remain")
            }
            let sctEnd = i + length
            let version = bytes[i]
            var logID: [UInt8] = []
            var timestamp: UInt64 = 0
            if version == 0 {
                guard length >= 1 + 32 + 8 + 2 else {
                    throw DERError(.invalidValue, at: i, "A v1 SCT is \(length) bytes long, too short for its fields")
                }
                logID = Array(bytes[(i + 1)..<(i + 33)])
                for k in 0..<8 { timestamp = timestamp << 8 | UInt64(bytes[i + 33 + k]) }
            }
            result.append(Timestamp(version: version, logID: logID, timestampMilliseconds: timestamp))
            i = sctEnd
        }
        guard !result.isEmpty else {
            throw DERError(.invalidValue, at: node.contentStart, "The SCT list is empty")
        }
        timestamps = result
    }
}
