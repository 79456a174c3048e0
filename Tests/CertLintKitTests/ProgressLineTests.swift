import Foundation
import Testing

@testable import CertLintKit

/// The progress line, on a clock the test sets: silent for the first second, then redrawn in
/// place at most ten times a second (and always for the last file), erased at the end.
@Suite struct ProgressLineTests {
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [String] = []
        var time = 0.0
        func append(_ text: String) { lock.withLock { storage.append(text) } }
        var written: [String] { lock.withLock { storage } }
    }

    @Test func silentForASecondThenThrottledThenErased() {
        let recorder = Recorder()
        let progress = ProgressLine(total: 4, write: { recorder.append($0) }, clock: { recorder.time })
        recorder.time = 0.5
        progress.advance()
        #expect(recorder.written.isEmpty)
        recorder.time = 1.2
        progress.advance()
        recorder.time = 1.25
        progress.advance()  // within 0.1 s of the last drawing: not drawn
        recorder.time = 1.26
        progress.advance()  // the last file: drawn
        progress.finish()
        #expect(recorder.written == [
            "\r\u{1B}[2Kcertlint: reading 2 of 4 files…", "\r\u{1B}[2Kcertlint: reading 4 of 4 files…", "\r\u{1B}[2K",
        ])
    }

    @Test func aQuickRunWritesNothing() {
        let recorder = Recorder()
        let progress = ProgressLine(total: 2, write: { recorder.append($0) }, clock: { recorder.time })
        progress.advance()
        progress.advance()
        progress.finish()
        #expect(recorder.written.isEmpty)
    }
}
