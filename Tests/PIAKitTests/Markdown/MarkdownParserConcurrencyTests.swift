import Foundation
import PIAKit
import Testing

/// cmark-gfm keeps a process-wide table of special inline characters that each
/// parse changes; concurrent parses once lost autolinks and strikethrough.
@Suite struct MarkdownParserConcurrencyTests {
  static let markdown = (1...200).map {
    "Row \($0): see https://example.org/\($0) and www.example.com, ~~old~~ *new* `code`."
  }.joined(separator: "\n\n")

  @Test func concurrentParsesGiveTheSameDocument() async throws {
    let expected = try MarkdownParser.parse(Self.markdown)
    let documents = try await withThrowingTaskGroup(of: Document.self) { group in
      for _ in 0..<32 {
        group.addTask { try MarkdownParser.parse(Self.markdown) }
      }
      var all: [Document] = []
      for try await document in group { all.append(document) }
      return all
    }
    #expect(documents.count == 32)
    #expect(documents.allSatisfy { $0 == expected })
    let links = expected.debugDump().components(separatedBy: "link").count - 1
    #expect(links >= 400)
  }
}
