import Foundation
import Testing

@testable import PIAKit

/// Converts every example of the GFM spec and cmark-gfm's extension tests to DOCX.
///
/// The corpus lives in `../shared/test-data/gfm-spec/` beside the clone; when it is absent the
/// test is skipped with a message rather than failing.
@Suite struct GFMSpecCorpusTests {
  struct Example {
    var file: String
    var number: Int
    var flags: String
    var markdown: String
    var html: String
  }

  static func examples(in url: URL) throws -> [Example] {
    let fence = String(repeating: "`", count: 32)
    let text = try String(contentsOf: url, encoding: .utf8)
    var examples: [Example] = []
    var state = 0  // 0 outside, 1 markdown, 2 html
    var current = Example(file: url.lastPathComponent, number: 0, flags: "", markdown: "", html: "")
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      switch state {
      case 0 where line.hasPrefix(fence + " example"):
        current = Example(
          file: url.lastPathComponent, number: examples.count + 1,
          flags: String(line.dropFirst(fence.count + 8)).trimmingWhiteSpace, markdown: "", html: "")
        state = 1
      case 1 where line == ".":
        state = 2
      case 1:
        current.markdown += line.replacingOccurrences(of: "→", with: "\t") + "\n"
      case 2 where line == fence:
        examples.append(current)
        state = 0
      case 2:
        current.html += line.replacingOccurrences(of: "→", with: "\t") + "\n"
      default:
        break
      }
    }
    return examples
  }

  /// The text of cmark's expected HTML: tags removed, the four escaped entities decoded.
  static func text(ofHTML html: String) -> String {
    var result = ""
    var inTag = false
    for character in html {
      if character == "<" {
        inTag = true
      } else if character == ">" && inTag {
        inTag = false
      } else if !inTag {
        result.append(character)
      }
    }
    return result.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(
      of: "&gt;", with: ">"
    )
    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
  }

  static func withoutWhitespace(_ text: String) -> String {
    String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
  }

  static func containsHTML(_ blocks: [Block]) -> Bool {
    blocks.contains { block in
      switch block {
      case .html: return true
      case .heading(_, let inlines), .paragraph(let inlines): return containsHTML(inlines)
      case .blockQuote(let children): return containsHTML(children)
      case .list(let list): return list.items.contains(where: containsHTML)
      case .table(let table):
        return (table.header + table.rows.flatMap { $0 }).contains(where: containsHTML)
      default: return false
      }
    }
  }

  static func containsHTML(_ inlines: [Inline]) -> Bool {
    inlines.contains { inline in
      switch inline {
      case .html: return true
      case .emphasis(let children), .strong(let children), .strikethrough(let children),
        .link(_, _, let children):
        return containsHTML(children)
      default: return false
      }
    }
  }

  @Test(
    .enabled(
      if: RepositoryPaths.gfmSpec != nil,
      "../shared/test-data/gfm-spec is not beside the clone: GFM corpus test skipped"))
  func everyExampleConvertsToWellFormedDocxKeepingItsText() throws {
    let folder = try #require(RepositoryPaths.gfmSpec)
    let examples =
      try Self.examples(in: folder.appendingPathComponent("spec.txt"))
      + Self.examples(in: folder.appendingPathComponent("extensions.txt"))
    #expect(examples.count == 701)
    var compared = 0
    var skipped: [String: Int] = [:]
    var failures: [String] = []
    for example in examples {
      let name = "\(example.file) example \(example.number)"
      let document: Document
      let xml: XMLNode
      do {
        document = try MarkdownParser.parse(example.markdown)
        let docx = try DocxWriter.write(document, options: DocxFixture.options)
        xml = try DocxFixture.documentXML(docx)
      } catch {
        failures.append("\(name): \(error)")
        continue
      }
      if ["disabled", "tagfilter"].contains(example.flags) {
        skipped["extension not enabled in pia (\(example.flags))", default: 0] += 1
        continue
      }
      if example.html.hasPrefix("<IGNORE>") {
        skipped["no expected output (crash test only)", default: 0] += 1
        continue
      }
      if example.html.contains("<input") {
        skipped["task lists: extension not enabled in pia", default: 0] += 1
        continue
      }
      if example.html.contains("footnote") {
        skipped["footnotes: extension not enabled in pia", default: 0] += 1
        continue
      }
      if example.html.contains("<img") {
        skipped["image: the alt text is an HTML attribute", default: 0] += 1
        continue
      }
      if Self.containsHTML(document.blocks) {
        skipped["raw HTML: shown literally in DOCX, as markup in HTML", default: 0] += 1
        continue
      }
      let expected = Self.withoutWhitespace(Self.text(ofHTML: example.html))
      let actual = Self.withoutWhitespace(
        XMLText.sanitized(DocxFixture.text(of: try #require(xml.child("body")))))
      if XMLText.sanitized(expected) != actual {
        failures.append("\(name): text differs\n  expected: \(expected)\n  actual:   \(actual)")
      } else {
        compared += 1
      }
    }
    let skipSummary = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
    print(
      "GFM corpus: \(examples.count) examples converted, \(compared) text-compared,"
        + " \(skipped.values.reduce(0, +)) not compared (\(skipSummary.joined(separator: "; "))),"
        + " \(failures.count) failures")
    #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
  }
}
