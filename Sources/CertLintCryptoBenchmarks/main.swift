// Throughput of the keystore primitives, best of several rounds, on one core:
//
//   swift run -c release CertLintCryptoBenchmarks [--rounds N]
//
// - SHA-256 over 64 MiB;
// - PBKDF2-HMAC-SHA-256 with 100,000 iterations (password "password", salt "salt" x4, 32 bytes);
// - AES-256-CBC decryption of 64 MiB (no padding).
//
// A benchmark, not a test. Benchmarks/crypto.sh runs this and OpenSSL / Python's hashlib on
// the same work in one go and prints the ratios (the target: within 4x of OpenSSL).
import CertLintCrypto
import Dispatch
import Foundation

let rounds: Int = {
    var rounds = 5
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        if argument == "--rounds", let n = arguments.popFirst().flatMap(Int.init) { rounds = max(1, n) } else {
            FileHandle.standardError.write(Data("usage: CertLintCryptoBenchmarks [--rounds N]\n".utf8))
            exit(2)
        }
    }
    return rounds
}()

/// The best wall time of `body` over `rounds` runs, in seconds.
@MainActor func best(_ body: () -> Int) -> (seconds: Double, sink: Int) {
    var fastest = Double.infinity
    var sink = 0
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        sink &+= body()
        fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (fastest, sink)
}

let mebibytes = 64
var generator = SystemRandomNumberGenerator()
let data = (0..<(mebibytes << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }

let sha = best { Int(SHA256.hash(data)[0]) }
print(String(format: "sha256 %d MiB: %.3f s (%.0f MiB/s)", mebibytes, sha.seconds, Double(mebibytes) / sha.seconds))

let salt = Array("saltsaltsaltsalt".utf8)
let pbkdf2 = best {
    Int((try? PBKDF2.deriveKey(password: Array("password".utf8), salt: salt, iterations: 100_000, keyByteCount: 32, hash: .sha256))?[0] ?? 0)
}
print(String(format: "pbkdf2-hmac-sha256 100000 iterations: %.3f s", pbkdf2.seconds))

let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
let iv = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
let aes = best {
    Int((try? BlockCipher.decryptCBC(data, key: key, iv: iv, algorithm: .aes256, padding: .keep))?[7] ?? 0)
}
print(String(format: "aes-256-cbc decrypt %d MiB: %.3f s (%.0f MiB/s)", mebibytes, aes.seconds, Double(mebibytes) / aes.seconds))
// The same work in cache-resident 16 KiB pieces, as `openssl speed -bytes 16384` measures it:
// 4,096 pieces (64 MiB in all), each decrypted into one reused buffer.
let piece = Array(data[0..<16_384])
let aesPieces = best {
    var sink = 0
    for _ in 0..<4096 {
        sink &+= Int((try? BlockCipher.decryptCBC(piece, key: key, iv: iv, algorithm: .aes256, padding: .keep))?[3] ?? 0)
    }
    return sink
}
let shaPieces = best {
    var sink = 0
    for _ in 0..<4096 { sink &+= Int(SHA256.hash(piece)[0]) }
    return sink
}
print(String(format: "sha256 16 KiB pieces: %.0f MiB/s", Double(mebibytes) / shaPieces.seconds))
print(String(format: "aes-256-cbc decrypt 16 KiB pieces: %.0f MiB/s", Double(mebibytes) / aesPieces.seconds))
print("checksum \((sha.sink &+ pbkdf2.sink &+ aes.sink &+ aesPieces.sink &+ shaPieces.sink) & 0xFF)")
