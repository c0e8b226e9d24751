extension Block {
  /// Calls `body` for every inline in the block and the blocks inside it, depth first, in
  /// document order (a table's header row first, then its rows; an inline before its children).
  public func forEachInline(_ body: (Inline) -> Void) {
    switch self {
    case .heading(_, let inlines), .paragraph(let inlines):
      inlines.forEachInline(body)
    case .list(let list):
      for item in list.items {
        for block in item { block.forEachInline(body) }
      }
    case .blockQuote(let blocks):
      for block in blocks { block.forEachInline(body) }
    case .table(let table):
      for cell in table.header { cell.forEachInline(body) }
      for row in table.rows {
        for cell in row { cell.forEachInline(body) }
      }
    case .codeBlock, .thematicBreak, .directive, .html:
      return
    }
  }
}

extension Array where Element == Inline {
  /// Calls `body` for every inline, and then for its children, in order.
  public func forEachInline(_ body: (Inline) -> Void) {
    for inline in self {
      body(inline)
      switch inline {
      case .emphasis(let children), .strong(let children), .strikethrough(let children),
        .styled(_, let children), .link(_, _, let children):
        children.forEachInline(body)
      case .image(let image):
        image.alt.forEachInline(body)
      case .text, .code, .footnoteReference, .softBreak, .lineBreak, .html:
        continue
      }
    }
  }
}
