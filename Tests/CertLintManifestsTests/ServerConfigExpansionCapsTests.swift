import CertLintCore
import Testing

@testable import CertLintManifests

/// The caps nginx and Apache expansion share: each is reported once, where it is first reached.
@Suite struct ServerConfigExpansionCapsTests {
    @Test func directiveBudgetStopsReadingAndSaysSoOnce() {
        var caps = ServerConfigExpansionCaps(maxDirectives: 3, maxDepth: 2, nestedThings: "Blocks")
        var problems: [ManifestProblem] = []
        let places = (1...5).map { SourceLocation(path: "nginx.conf", line: $0, column: 1) }
        #expect(places.map { caps.take(at: $0, problems: &problems) } == [true, true, true, false, false])
        #expect(problems.map(\.location) == [places[3]])
        #expect(problems.first?.message == "The configuration has more than 3 directives with its includes; the rest is not read.")
    }

    @Test func nestingCapRefusesDeeperBlocksAndSaysSoOnce() {
        var caps = ServerConfigExpansionCaps(maxDirectives: 100, maxDepth: 2, nestedThings: "Sections")
        var problems: [ManifestProblem] = []
        let here = SourceLocation(path: "httpd.conf", line: 7, column: 5)
        #expect(caps.mayEnter(depth: 1, at: here, problems: &problems))
        #expect(!caps.mayEnter(depth: 2, at: here, problems: &problems))
        #expect(!caps.mayEnter(depth: 3, at: SourceLocation(path: "httpd.conf", line: 9, column: 1), problems: &problems))
        #expect(problems.map(\.location) == [here])
        #expect(problems.first?.message == "Sections are nested deeper than 2 levels here (counting included files); what is inside is not read.")
    }
}
