/// A walker over the blocks of a ``Document``, with one method per block kind.
///
/// Every method has a default: leaves do nothing, containers (lists and block quotes) visit
/// their children. Implement only the kinds you care about and call ``Document/accept(_:)``.
public protocol DocumentVisitor {
  /// Visits a heading.
  mutating func visitHeading(level: Int, _ inlines: [Inline]) throws
  /// Visits a paragraph.
  mutating func visitParagraph(_ inlines: [Inline]) throws
  /// Visits a list; the default visits every item's blocks.
  mutating func visitList(_ list: List) throws
  /// Visits a block quote; the default visits its blocks.
  mutating func visitBlockQuote(_ blocks: [Block]) throws
  /// Visits a code block.
  mutating func visitCodeBlock(info: String, text: String) throws
  /// Visits a thematic break.
  mutating func visitThematicBreak() throws
  /// Visits a table.
  mutating func visitTable(_ table: Table) throws
  /// Visits a directive.
  mutating func visitDirective(_ directive: Directive) throws
  /// Visits a raw HTML block.
  mutating func visitHTML(_ html: String) throws
}

extension DocumentVisitor {
  /// Does nothing.
  public mutating func visitHeading(level: Int, _ inlines: [Inline]) throws {}
  /// Does nothing.
  public mutating func visitParagraph(_ inlines: [Inline]) throws {}
  /// Visits every item's blocks.
  public mutating func visitList(_ list: List) throws {
    for item in list.items {
      try visit(item)
    }
  }
  /// Visits the quote's blocks.
  public mutating func visitBlockQuote(_ blocks: [Block]) throws {
    try visit(blocks)
  }
  /// Does nothing.
  public mutating func visitCodeBlock(info: String, text: String) throws {}
  /// Does nothing.
  public mutating func visitThematicBreak() throws {}
  /// Does nothing.
  public mutating func visitTable(_ table: Table) throws {}
  /// Does nothing.
  public mutating func visitDirective(_ directive: Directive) throws {}
  /// Does nothing.
  public mutating func visitHTML(_ html: String) throws {}

  /// Dispatches one block to the method for its kind.
  public mutating func visit(_ block: Block) throws {
    switch block {
    case .heading(let level, let inlines): try visitHeading(level: level, inlines)
    case .paragraph(let inlines): try visitParagraph(inlines)
    case .list(let list): try visitList(list)
    case .blockQuote(let blocks): try visitBlockQuote(blocks)
    case .codeBlock(let info, let text): try visitCodeBlock(info: info, text: text)
    case .thematicBreak: try visitThematicBreak()
    case .table(let table): try visitTable(table)
    case .directive(let directive): try visitDirective(directive)
    case .html(let html): try visitHTML(html)
    }
  }

  /// Visits a sequence of blocks in order.
  public mutating func visit(_ blocks: [Block]) throws {
    for block in blocks {
      try visit(block)
    }
  }
}

extension Document {
  /// Walks every block of the document with `visitor`.
  ///
  /// - Parameter visitor: The visitor; it is mutated as it walks.
  /// - Throws: Whatever the visitor throws.
  public func accept<V: DocumentVisitor>(_ visitor: inout V) throws {
    try visitor.visit(blocks)
  }
}
