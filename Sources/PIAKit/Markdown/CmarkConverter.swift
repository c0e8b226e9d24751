internal import CCmarkGFM

/// Converts a cmark-gfm node tree to ``Block`` and ``Inline`` values.
///
/// HTML becomes blocks and inlines of the tree (``HTMLConverter``); an HTML tag it does not
/// know is dropped with a warning in ``warnings``. Footnote definitions, which cmark-gfm moves
/// to the end of the document in the order they are first referenced, are collected in
/// ``footnotes``. One converter per parsed piece, on one thread.
final class CmarkConverter {
  /// The file's name for warnings.
  let file: String
  /// Lines before the parsed piece of text (parse errors name lines of the whole text).
  let lineOffset: Int
  /// Warnings met so far.
  private(set) var warnings: [Diagnostic] = []
  /// Footnote definitions in number order.
  private(set) var footnotes: [[Block]] = []

  init(file: String, lineOffset: Int) {
    self.file = file
    self.lineOffset = lineOffset
  }

  func line(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_line(node)) + lineOffset }

  /// Where `node` starts, or the position of `fallback` when cmark-gfm gives it none (some
  /// inline nodes have no source position).
  func position(_ node: OpaquePointer, fallback: SourcePosition) -> SourcePosition {
    let line = Int(cmark_node_get_start_line(node))
    guard line > 0 else { return fallback }
    return SourcePosition(
      line: line + lineOffset, column: max(Int(cmark_node_get_start_column(node)), 1))
  }

  private func warn(_ message: String, at position: SourcePosition) {
    warnings.append(
      .warning(
        message, at: SourceLocation(file: file, line: position.line, column: position.column)))
  }

  // MARK: - Blocks

  func blocks(of parent: OpaquePointer) throws -> [Block] {
    var result: [Block] = []
    var pendingTableDirective: (Directive, Int)?
    var child = cmark_node_first_child(parent)
    while let node = child {
      child = cmark_node_next(node)
      if cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION {
        footnotes.append(try blocks(of: node))
        continue
      }
      for block in try blocks(node) {
        if let (directive, line) = pendingTableDirective {
          guard case .table = block else {
            throw MarkdownParser.ParseError(
              line: line,
              message: "<!-- pia:\(directive.name) --> must be followed directly by a table")
          }
          pendingTableDirective = nil
        }
        if case .directive(let directive) = block, directive.appliesToNextTable {
          pendingTableDirective = (directive, line(node))
        }
        result.append(block)
      }
    }
    if let (directive, line) = pendingTableDirective {
      throw MarkdownParser.ParseError(
        line: line, message: "<!-- pia:\(directive.name) --> must be followed directly by a table")
    }
    return result
  }

  /// The blocks of one cmark block node (an HTML block may give several, or none).
  func blocks(_ node: OpaquePointer) throws -> [Block] {
    let start = SourcePosition(line: line(node), column: 1)
    switch cmark_node_get_type(node) {
    case CMARK_NODE_HEADING:
      return [
        .heading(level: Int(cmark_node_get_heading_level(node)), try inlines(of: node, start))
      ]
    case CMARK_NODE_PARAGRAPH:
      let inlines = try inlines(of: node, start)
      return inlines.isEmpty ? [] : [.paragraph(inlines)]
    case CMARK_NODE_BLOCK_QUOTE:
      return [.blockQuote(try blocks(of: node))]
    case CMARK_NODE_LIST:
      return [try list(node)]
    case CMARK_NODE_CODE_BLOCK:
      return [
        .codeBlock(
          info: string(cmark_node_get_fence_info(node)), text: string(cmark_node_get_literal(node)))
      ]
    case CMARK_NODE_THEMATIC_BREAK:
      return [.thematicBreak]
    case CMARK_NODE_HTML_BLOCK:
      return try htmlBlock(node)
    default:
      if typeName(node) == "table" {
        return [.table(try table(node))]
      }
      // Other extension blocks (none are enabled) keep their text as a paragraph.
      let children = try inlines(of: node, start)
      return children.isEmpty ? [] : [.paragraph(children)]
    }
  }

  private func list(_ node: OpaquePointer) throws -> Block {
    var items: [[Block]] = []
    var checkboxes: [Bool?] = []
    var item = cmark_node_first_child(node)
    while let current = item {
      items.append(try blocks(of: current))
      checkboxes.append(
        typeName(current) == "tasklist"
          ? cmark_gfm_extensions_get_tasklist_item_checked(current) : nil)
      item = cmark_node_next(current)
    }
    let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
    return .list(
      List(
        ordered: ordered,
        start: ordered ? Int(cmark_node_get_list_start(node)) : 1,
        tight: cmark_node_get_list_tight(node) != 0,
        items: items,
        delimiter: cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? .parenthesis : .period,
        checkboxes: checkboxes.contains { $0 != nil } ? checkboxes : []))
  }

  private func htmlBlock(_ node: OpaquePointer) throws -> [Block] {
    let literal = string(cmark_node_get_literal(node))
    let line = self.line(node)
    switch try HTMLComment.classify(literal, line: line) {
    case .directive(let directive): return [.directive(directive)]
    case .plainComment: return []
    case .notAComment: break
    }
    try rejectDirectives(in: literal, line: line)
    var converter = HTMLConverter()
    let blocks = converter.blocks(ofHTML: literal)
    warnUnknown(converter.unknownTags, in: SourcePosition(line: line, column: 1))
    return blocks.map { placeImages($0, at: SourcePosition(line: line, column: 1)) }
  }

  /// A `pia:` directive inside a larger piece of HTML is an error, as inside a paragraph.
  private func rejectDirectives(in html: String, line: Int) throws {
    guard html.contains("pia:") else { return }
    for located in HTMLTokenizer.tokens(html) {
      guard case .comment(let body) = located.token else { continue }
      _ = try HTMLComment.classify("<!--\(body)-->", line: line + located.line - 1)
      if body.trimmingASCIIWhitespace().hasPrefix("pia:") {
        throw MarkdownParser.ParseError(
          line: line + located.line - 1,
          message: "<!-- \(body.trimmingASCIIWhitespace()) --> must be alone on its own line")
      }
    }
  }

  /// The warning for an HTML tag the document tree has no place for.
  static func message(forTag name: String) -> String {
    if HTMLConverter.Vocabulary.hidden.contains(name) {
      return "HTML <\(name)> is left out with its content: a browser shows none of it"
    }
    return "unknown HTML tag <\(name)>: its text is kept and the tag left out"
  }

  private func warnUnknown(_ tags: [HTMLConverter.UnknownTag], in start: SourcePosition) {
    for tag in tags {
      let position = SourcePosition(
        line: start.line + tag.line - 1,
        column: tag.line == 1 ? start.column + tag.column - 1 : tag.column)
      warn(Self.message(forTag: tag.name), at: position)
    }
  }

  /// The block with the position of its HTML block given to every image in it.
  private func placeImages(_ block: Block, at position: SourcePosition) -> Block {
    func place(_ inlines: [Inline]) -> [Inline] {
      inlines.map { inline in
        switch inline {
        case .image(var image):
          image.position = image.position ?? position
          return .image(image)
        case .strong(let children): return .strong(place(children))
        case .emphasis(let children): return .emphasis(place(children))
        case .strikethrough(let children): return .strikethrough(place(children))
        case .styled(let style, let children): return .styled(style, place(children))
        case .link(let destination, let title, let children):
          return .link(destination: destination, title: title, place(children))
        default: return inline
        }
      }
    }
    switch block {
    case .paragraph(let inlines): return .paragraph(place(inlines))
    case .heading(let level, let inlines): return .heading(level: level, place(inlines))
    case .blockQuote(let blocks): return .blockQuote(blocks.map { placeImages($0, at: position) })
    case .list(var list):
      list.items = list.items.map { $0.map { placeImages($0, at: position) } }
      return .list(list)
    case .table(var table):
      table.header = table.header.map(place)
      table.rows = table.rows.map { $0.map(place) }
      return .table(table)
    default: return block
    }
  }

  private func table(_ node: OpaquePointer) throws -> Table {
    let columns = Int(cmark_gfm_extensions_get_table_columns(node))
    var alignments = [Alignment](repeating: .none, count: columns)
    if let raw = cmark_gfm_extensions_get_table_alignments(node) {
      for column in 0..<columns {
        switch raw[column] {
        case UInt8(ascii: "l"): alignments[column] = .left
        case UInt8(ascii: "c"): alignments[column] = .center
        case UInt8(ascii: "r"): alignments[column] = .right
        default: alignments[column] = .none
        }
      }
    }
    var header: [[Inline]] = []
    var rows: [[[Inline]]] = []
    var row = cmark_node_first_child(node)
    while let current = row {
      var cells: [[Inline]] = []
      var cell = cmark_node_first_child(current)
      let start = SourcePosition(line: line(current), column: 1)
      while let currentCell = cell {
        cells.append(try inlines(of: currentCell, start))
        cell = cmark_node_next(currentCell)
      }
      if cmark_gfm_extensions_get_table_row_is_header(current) != 0 {
        header = cells
      } else {
        rows.append(cells)
      }
      row = cmark_node_next(current)
    }
    return Table(alignments: alignments, header: header, rows: rows)
  }

  // MARK: - Inlines

  /// The inlines of `parent`, with inline HTML tags resolved (``InlineHTML``).
  func inlines(of parent: OpaquePointer, _ fallback: SourcePosition) throws -> [Inline] {
    var result: [Inline] = []
    var child = cmark_node_first_child(parent)
    while let node = child {
      child = cmark_node_next(node)
      guard cmark_node_get_type(node) != CMARK_NODE_HTML_INLINE else {
        // Tags pair up across siblings: take the slower path for the whole sequence.
        return try inlinesResolvingHTML(of: parent, fallback)
      }
      guard let inline = try inline(node, fallback) else { continue }
      // Adjacent text nodes (cmark splits at escapes and entities) are merged.
      if case .text(let text) = inline, case .text(let previous)? = result.last {
        result[result.count - 1] = .text(previous + text)
      } else {
        result.append(inline)
      }
    }
    return result
  }

  private func inlinesResolvingHTML(of parent: OpaquePointer, _ fallback: SourcePosition) throws
    -> [Inline]
  {
    var pieces: [InlineHTML.Piece] = []
    var child = cmark_node_first_child(parent)
    while let node = child {
      child = cmark_node_next(node)
      if cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE {
        let position = self.position(node, fallback: fallback)
        let literal = string(cmark_node_get_literal(node))
        switch try HTMLComment.classify(literal, line: position.line) {
        case .directive(let directive):
          throw MarkdownParser.ParseError(
            line: position.line,
            message: "<!-- pia:\(directive.name) --> must be alone on its own line")
        case .plainComment: continue
        case .notAComment:
          try rejectDirectives(in: literal, line: position.line)
          pieces += HTMLTokenizer.tokens(literal).map { .tag($0.token, position) }
        }
      } else if let inline = try inline(node, fallback) {
        pieces.append(.inline(inline))
      }
    }
    var resolver = InlineHTML()
    let result = resolver.resolve(pieces[...])
    for (name, position) in resolver.unknownTags {
      warn(Self.message(forTag: name), at: position)
    }
    return result
  }

  /// One inline node; `fallback` is the place of the nearest node that has one.
  private func inline(_ node: OpaquePointer, _ fallback: SourcePosition) throws -> Inline? {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
    case CMARK_NODE_SOFTBREAK: return .softBreak
    case CMARK_NODE_LINEBREAK: return .lineBreak
    case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
    case CMARK_NODE_EMPH: return .emphasis(try inlines(of: node, fallback))
    case CMARK_NODE_STRONG: return .strong(try inlines(of: node, fallback))
    case CMARK_NODE_LINK:
      return .link(
        destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
        try inlines(of: node, fallback))
    case CMARK_NODE_IMAGE:
      let position = self.position(node, fallback: fallback)
      return .image(
        Image(
          source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
          alt: try inlines(of: node, position), position: position))
    case CMARK_NODE_FOOTNOTE_REFERENCE:
      guard let number = Int(string(cmark_node_get_literal(node))), number > 0 else {
        return nil
      }
      return .footnoteReference(number)
    default:
      if typeName(node) == "strikethrough" {
        return .strikethrough(try inlines(of: node, fallback))
      }
      let children = try inlines(of: node, fallback)
      return children.isEmpty ? nil : .emphasis(children)
    }
  }

  func typeName(_ node: OpaquePointer) -> String {
    string(cmark_node_get_type_string(node))
  }

  func string(_ pointer: UnsafePointer<CChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
  }
}
