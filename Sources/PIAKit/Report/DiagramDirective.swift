import Foundation

/// The template directive that places the data-flow diagram: `<!-- pia:data-flow-diagram -->`
/// (the full drawing, for the PIA's data-flow section) or `<!-- pia:data-flow-diagram simplified
/// -->` (the council appendix's), an HTML comment alone on its line.
///
/// Unlike the DOCX writer's directives (``Directive``), this one is expanded by the report
/// renderer before the Markdown is parsed: the line becomes a paragraph holding an image link,
/// `![the flows in words](NAME.data-flows.svg)`, whose alternative text is the diagram's
/// ``DataFlowDiagram/altText(_:)``. The Markdown refers to the SVG written beside it; the DOCX
/// embeds the same picture (SVG with its PNG fallback) from memory.
public enum DiagramDirective {
  /// One directive in rendered Markdown.
  public struct Placement: Sendable, Hashable {
    /// The drawing asked for.
    public var variant: DataFlowDiagram.Variant
    /// The 1-based line of the directive.
    public var line: Int
  }

  /// The directive's name as written after `pia:`.
  public static let name = "data-flow-diagram"

  /// The file a variant's SVG is written to, beside the Markdown: `NAME.data-flows.svg` and
  /// `NAME.data-flows-simplified.svg`.
  public static func fileName(baseName: String, variant: DataFlowDiagram.Variant) -> String {
    baseName + (variant == .full ? ".data-flows.svg" : ".data-flows-simplified.svg")
  }

  /// The file name as a Markdown link destination: every byte other than ASCII letters,
  /// digits and `-._~` percent-encoded, so a name with spaces or brackets stays one link.
  public static func linkTarget(_ fileName: String) -> String {
    var target = ""
    for byte in fileName.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"):
        target.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        target += String(format: "%%%02X", byte)
      }
    }
    return target
  }

  /// Finds the directives in rendered Markdown.
  ///
  /// - Parameters:
  ///   - markdown: The template's output.
  ///   - file: The template's path, for the diagnostics.
  /// - Returns: Each directive with its line, in order.
  /// - Throws: ``DiagnosticsError`` for a directive naming an unknown variant
  ///   (`<!-- pia:data-flow-diagram tiny -->`).
  public static func placements(in markdown: String, file: String) throws(DiagnosticsError)
    -> [Placement]
  {
    var placements: [Placement] = []
    var problems: [Diagnostic] = []
    for found in directiveLines(markdown) {
      switch found.parsed {
      case .success(let variant): placements.append(Placement(variant: variant, line: found.line))
      case .failure(let unknown):
        problems.append(
          .error(
            "rendered output: '<!-- pia:\(name) \(unknown.word) -->' names no drawing (expected "
              + "'<!-- pia:\(name) -->' or '<!-- pia:\(name) simplified -->')",
            at: SourceLocation(file: file, line: found.line, column: 1)))
      }
    }
    if !problems.isEmpty { throw DiagnosticsError(problems) }
    return placements
  }

  /// Replaces every directive line with a paragraph holding the image link `images` gives for
  /// its variant (blank lines around it, so it never joins a table or paragraph beside it).
  ///
  /// - Parameters:
  ///   - markdown: The template's output; its directives were checked by
  ///     ``placements(in:file:)``.
  ///   - images: For each variant, the link target and the alternative text (plain text; it is
  ///     escaped here).
  /// - Returns: The Markdown with the links in place of the directives.
  public static func expand(
    _ markdown: String, images: [DataFlowDiagram.Variant: (target: String, altText: String)]
  ) -> String {
    var output = ""
    var copied = markdown.startIndex
    for found in directiveLines(markdown) {
      guard case .success(let variant) = found.parsed, let image = images[variant] else {
        continue
      }
      if output.isEmpty { output.reserveCapacity(markdown.utf8.count + 4_096) }
      output += markdown[copied..<found.range.lowerBound]
      let alt = MarkdownEscaper.escapeTableCell(image.altText)
      output += "\n![\(alt)](\(image.target))\n"
      copied = found.range.upperBound
    }
    if copied == markdown.startIndex { return markdown }
    output += markdown[copied...]
    return output
  }

  /// The lines that are this directive, with their 1-based numbers. Only lines whose first
  /// character after blanks is `<` are looked at, so a long report is scanned as bytes.
  private static func directiveLines(_ markdown: String) -> [(
    range: Range<String.Index>, line: Int, parsed: Result<DataFlowDiagram.Variant, WordError>
  )] {
    let bytes = markdown.utf8
    var found:
      [(
        range: Range<String.Index>, line: Int,
        parsed: Result<DataFlowDiagram.Variant, WordError>
      )] = []
    var start = bytes.startIndex
    var line = 1
    while start < bytes.endIndex {
      let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
      var first = start
      while first < end, bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t") {
        first = bytes.index(after: first)
      }
      if first < end, bytes[first] == UInt8(ascii: "<"), let parsed = parse(markdown[start..<end]) {
        found.append((start..<end, line, parsed))
      }
      line += 1
      start = end == bytes.endIndex ? end : bytes.index(after: end)
    }
    return found
  }

  /// The variant a line asks for; nil when the line is not this directive; the unknown word.
  private static func parse(_ line: Substring) -> Result<DataFlowDiagram.Variant, WordError>? {
    let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
    let opening = "<!-- pia:\(name)"
    guard text.hasPrefix(opening), text.hasSuffix("-->") else { return nil }
    let tail = text.dropFirst(opening.count)
    guard tail.first == " " || tail == "-->" else { return nil }
    let word = tail.dropLast(3).trimmingCharacters(in: .whitespaces)
    switch word {
    case "": return .success(.full)
    case DataFlowDiagram.Variant.simplified.rawValue: return .success(.simplified)
    default: return .failure(WordError(word: word))
    }
  }

  /// A directive's unknown variant word.
  private struct WordError: Error {
    var word: String
  }
}
