import Dispatch
import Foundation

/// A one-line progress indicator for people at a terminal: nothing for runs under a second,
/// then `certlint: reading 1200 of 10000 files…`, redrawn in place at most ten times a
/// second, and erased before the report. Safe to advance from every reading core.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let write: @Sendable (String) -> Void
    private let clock: @Sendable () -> Double
    private let started: Double
    private var done = 0
    private var lastDrawn: Double?

    /// How long a run goes before the line appears, in seconds.
    static let delay = 1.0

    /// A progress line over `total` files, written with `write` (standard error); `clock`
    /// gives seconds from any fixed origin (monotonic by default).
    init(total: Int, write: @escaping @Sendable (String) -> Void, clock: @escaping @Sendable () -> Double = ProgressLine.monotonic) {
        self.total = total
        self.write = write
        self.clock = clock
        started = clock()
    }

    /// Seconds since boot.
    static let monotonic: @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// One more file read.
    func advance() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        let now = clock()
        guard now - started >= ProgressLine.delay else { return }
        if let lastDrawn, now - lastDrawn < 0.1, done < total { return }
        lastDrawn = now
        write("\r\u{1B}[2Kcertlint: reading \(done) of \(total) files…")
    }

    /// Erases the line, if it was drawn.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if lastDrawn != nil { write("\r\u{1B}[2K") }
        lastDrawn = nil
    }
}
