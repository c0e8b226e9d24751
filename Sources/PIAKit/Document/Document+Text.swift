extension Inline {
  /// The text a reader sees: markup removed, soft breaks as spaces, hard breaks as newlines.
  public var plainText: String {
    switch self {
    case .text(let text), .code(let text), .html(let text): return text
    case .emphasis(let children), .strong(let children), .strikethrough(let children),
      .styled(_, let children):
      return children.plainText
    case .link(_, _, let children): return children.plainText
    case .image(let image): return image.alt.plainText
    case .footnoteReference: return ""
    case .softBreak: return " "
    case .lineBreak: return "\n"
    }
  }
}

extension Array where Element == Inline {
  /// The concatenated plain text of the inlines.
  public var plainText: String {
    var result = ""
    for inline in self {
      result += inline.plainText
    }
    return result
  }
}

extension Block {
  /// The text a reader sees, one line per paragraph-like block and per table row
  /// (cells separated by tabs). Directives have no text.
  public var plainText: String {
    switch self {
    case .heading(_, let inlines), .paragraph(let inlines): return inlines.plainText
    case .list(let list): return list.items.map(\.plainText).joined(separator: "\n")
    case .blockQuote(let blocks): return blocks.plainText
    case .codeBlock(_, let text): return text.hasSuffix("\n") ? String(text.dropLast()) : text
    case .thematicBreak, .directive: return ""
    case .table(let table):
      let lines = [table.header] + table.rows
      return lines.map { $0.map(\.plainText).joined(separator: "\t") }.joined(separator: "\n")
    case .html(let html): return html
    }
  }
}

extension Array where Element == Block {
  /// The plain text of the blocks, separated by newlines (blocks without text are skipped).
  public var plainText: String {
    map(\.plainText).filter { !$0.isEmpty }.joined(separator: "\n")
  }
}

extension Document {
  /// A heading found anywhere in a document.
  public struct Heading: Sendable, Equatable {
    /// The level, 1 to 6.
    public var level: Int
    /// The heading's plain text.
    public var text: String

    /// Creates a heading entry.
    public init(level: Int, text: String) {
      self.level = level
      self.text = text
    }
  }

  /// Every heading in document order, including those inside lists and block quotes.
  public var headings: [Heading] {
    var collector = HeadingCollector()
    // The collector never throws.
    try? accept(&collector)
    return collector.headings
  }

  /// The plain text of the whole document.
  public var plainText: String { blocks.plainText }
}

private struct HeadingCollector: DocumentVisitor {
  var headings: [Document.Heading] = []

  mutating func visitHeading(level: Int, _ inlines: [Inline]) {
    headings.append(Document.Heading(level: level, text: inlines.plainText))
  }
}
