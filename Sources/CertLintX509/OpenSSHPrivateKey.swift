import CertLintDER

/// Reads the public part of an OpenSSH private key (`openssh-key-v1`, PROTOCOL.key in the
/// OpenSSH sources): the key type, size and whether a passphrase protects it.
///
/// ```
/// "openssh-key-v1\0"
/// string ciphername; string kdfname; string kdfoptions; uint32 number-of-keys
/// string publickey1 ... publickeyN
/// string encrypted private keys (padded)
/// ```
/// Only the public keys and the cipher are read; the private section is never decoded.
enum OpenSSHPrivateKey {
    static let magic = Array("openssh-key-v1\0".utf8)

    /// A bounds-checked reader for SSH wire-format fields (RFC 4251 5).
    struct WireReader {
        let bytes: [UInt8]
        var offset: Int
        let end: Int

        mutating func uint32(_ field: String) throws(DERError) -> Int {
            guard end - offset >= 4 else {
                throw DERError(.truncated, at: offset, "The OpenSSH key ends inside the length of \(field)")
            }
            let value = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            offset += 4
            return value
        }

        mutating func string(_ field: String) throws(DERError) -> Range<Int> {
            let length = try uint32(field)
            guard length <= end - offset else {
                throw DERError(.truncated, at: offset - 4, "The OpenSSH field \(field) claims \(length) bytes but only \(end - offset) remain")
            }
            defer { offset += length }
            return offset..<(offset + length)
        }

        mutating func text(_ field: String) throws(DERError) -> String {
            String(decoding: bytes[try string(field)], as: UTF8.self)
        }
    }

    static func read(_ bytes: [UInt8]) throws(DERError) -> PrivateKeyInfo {
        guard bytes.count >= magic.count, bytes[0..<magic.count].elementsEqual(magic) else {
            throw DERError(.unrecognizedFormat, at: 0, "The OpenSSH private key does not start with \"openssh-key-v1\"")
        }
        var reader = WireReader(bytes: bytes, offset: magic.count, end: bytes.count)
        let cipher = try reader.text("ciphername")
        let kdf = try reader.text("kdfname")
        let kdfOptions = try reader.string("kdfoptions")
        let count = try reader.uint32("number of keys")
        guard count >= 1 && count <= 64 else {
            throw DERError(.invalidValue, at: reader.offset - 4, "The OpenSSH key file claims \(count) keys")
        }
        let publicRange = try reader.string("publickey")
        var rounds: Int?
        if kdf == "bcrypt" {
            var options = WireReader(bytes: bytes, offset: kdfOptions.lowerBound, end: kdfOptions.upperBound)
            _ = try options.string("salt")
            rounds = try options.uint32("rounds")
        }
        let (algorithm, bits, curve, key) = try describePublicKey(bytes, publicRange)
        let encrypted = cipher != "none"
        var encryption: String?
        if encrypted {
            encryption = "\(cipher) (\(kdf)\(rounds.map { ", \($0) rounds" } ?? ""))"
        }
        return PrivateKeyInfo(
            format: .openssh, algorithm: algorithm, bits: bits, curve: curve, isEncrypted: encrypted,
            encryption: encryption, publicKey: key)
    }

    /// Describes an SSH public key blob: algorithm, bits, curve, and the key for matching.
    static func describePublicKey(_ bytes: [UInt8], _ range: Range<Int>) throws(DERError) -> (String, Int?, String?, SubjectPublicKeyInfo.Key?) {
        var blob = WireReader(bytes: bytes, offset: range.lowerBound, end: range.upperBound)
        let type = try blob.text("key type")
        func mpint(_ field: String) throws(DERError) -> [UInt8] {
            let r = try blob.string(field)
            return Array(bytes[r].drop { $0 == 0 })
        }
        switch type {
        case "ssh-rsa":
            let e = try mpint("e")
            let n = try mpint("n")
            return ("rsa", SubjectPublicKeyInfo.bitLength(n[...]), nil, .rsa(modulus: n[...], exponent: e[...]))
        case "ssh-ed25519", "sk-ssh-ed25519@openssh.com":
            let pk = Array(bytes[try blob.string("public key")])
            return ("ed25519", 256, nil, .ed25519(pk))
        case "ssh-dss":
            let p = try mpint("p")
            return ("dsa", SubjectPublicKeyInfo.bitLength(p[...]), nil, nil)
        case let t where t.hasPrefix("ecdsa-sha2-") || t.hasPrefix("sk-ecdsa-sha2-"):
            let curveName = try blob.text("curve")
            let point = Array(bytes[try blob.string("Q")])
            let oid: OID?
            switch curveName {
            case "nistp256": oid = OID("1.2.840.10045.3.1.7")
            case "nistp384": oid = OID("1.3.132.0.34")
            case "nistp521": oid = OID("1.3.132.0.35")
            default: oid = nil
            }
            let info = SubjectPublicKeyInfo(algorithm: .ecPublicKey, key: .ec(curve: oid, point: point))
            return ("ec", info.bits, info.curveName ?? curveName, info.key)
        default:
            return (type, nil, nil, nil)
        }
    }
}
