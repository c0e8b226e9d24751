internal import CCmarkGFM
import Foundation

/// Parses GitHub-flavoured Markdown into a ``Document`` with cmark-gfm.
///
/// The table, strikethrough and autolink extensions are enabled. `pia:` directives written as
/// HTML comments alone on a line become ``Block/directive(_:)``; other HTML comments are dropped.
/// The C tree is converted to Swift values and freed before `parse` returns; concurrent calls are
/// safe (each call has its own parser, and the extension registry is set up once).
public enum MarkdownParser {
  /// A Markdown input the parser rejects, with the 1-based line it starts on.
  public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line of the offending construct.
    public var line: Int
    /// What is wrong, in words.
    public var message: String

    /// Creates a parse error.
    public init(line: Int, message: String) {
      self.line = line
      self.message = message
    }

    public var description: String { "line \(line): \(message)" }
  }

  /// Parses `markdown`.
  ///
  /// - Parameter markdown: GitHub-flavoured Markdown.
  /// - Returns: The document tree.
  /// - Throws: ``ParseError`` for an unknown `pia:` directive, a `pia:` directive that is not
  ///   alone on its line, or a table directive that is not followed by a table.
  public static func parse(_ markdown: String) throws -> Document {
    var source = markdown
    return try source.withUTF8 { bytes in
      Document(blocks: try parse(bytes, chunkSize: defaultChunkSize))
    }
  }

  /// Parses UTF-8 Markdown, such as a rendered report's file contents.
  ///
  /// - Throws: ``ParseError`` as ``parse(_:)`` does.
  static func parse(utf8 bytes: UnsafeRawBufferPointer) throws -> Document {
    Document(
      blocks: try parse(bytes.assumingMemoryBound(to: UInt8.self), chunkSize: defaultChunkSize))
  }

  /// Parses in pieces of about this many bytes (see ``parse(_:chunkSize:)``).
  static let defaultChunkSize = 128 * 1024

  /// Parses `bytes` a piece at a time, so that only one piece's cmark tree (a few hundred bytes
  /// per node, several times the size of the text) is alive at once.
  ///
  /// A piece ends just before a line that starts a level-1 to level-6 heading at the top level
  /// of the document. Whether a line does is left to cmark-gfm: the piece is parsed together
  /// with that line, and the cut is kept only if the line came out as the document's last block,
  /// a heading (not, say, text inside a fenced code block or an HTML block). After a top-level
  /// heading no block is open, so parsing on from there gives the same blocks as one parse of the
  /// whole text. Link reference definitions are the one thing that reaches across the whole
  /// document, so text that may contain one (an unescaped `]:`) is parsed in one piece.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, chunkSize: Int) throws -> [Block] {
    let extensions = CmarkExtensions.shared
    let lines = LineScanner(bytes)
    guard bytes.count > chunkSize, !lines.mayDefineLinkReference() else {
      return try withTree(UnsafeBufferPointer(rebasing: bytes[...]), extensions) { root in
        try Converter(extensions: extensions, lineOffset: 0).blocks(of: root)
      }
    }
    var blocks: [Block] = []
    var start = lines.startOfText
    var skip = chunkSize
    while true {
      guard let cut = lines.nextHeadingLine(from: start, atOrAfter: start.offset + skip) else {
        let rest = UnsafeBufferPointer(rebasing: bytes[start.offset...])
        blocks += try withTree(rest, extensions) { root in
          try Converter(extensions: extensions, lineOffset: start.line - 1).blocks(of: root)
        }
        return blocks
      }
      let piece = UnsafeBufferPointer(rebasing: bytes[start.offset..<cut.endOffset])
      let converted: [Block]? = try withTree(piece, extensions) { root in
        guard let last = cmark_node_last_child(root),
          cmark_node_get_type(last) == CMARK_NODE_HEADING,
          Int(cmark_node_get_start_line(last)) == cut.line - start.line + 1
        else { return nil }
        // The heading starts the next piece.
        cmark_node_unlink(last)
        cmark_node_free(last)
        return try Converter(extensions: extensions, lineOffset: start.line - 1).blocks(of: root)
      }
      if let converted {
        blocks += converted
        start = cut.start
        skip = chunkSize
      } else {
        // Not a cut (the line is inside a code or HTML block): look further on, twice as far
        // each time, so that a long block is parsed again only a few times.
        skip = cut.endOffset - start.offset + skip
      }
    }
  }

  /// Parses `bytes` with cmark-gfm and passes the root to `body`; the tree is freed afterwards.
  private static func withTree<Result>(
    _ bytes: UnsafeBufferPointer<UInt8>, _ extensions: CmarkExtensions,
    _ body: (OpaquePointer) throws -> Result
  ) throws -> Result {
    guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else {
      throw ParseError(line: 1, message: "cmark-gfm could not create a parser (out of memory)")
    }
    defer { cmark_parser_free(parser) }
    // cmark-gfm keeps the inline parser's table of special characters in a
    // process-wide array: finishing a parse adds the extensions' characters and
    // removes them again, so two parses at once can lose autolinks or
    // strikethrough (seen as a DOCX that differed between concurrent renders).
    // One parse at a time; converting the finished tree needs no lock.
    cmarkLock.lock()
    for syntaxExtension in extensions.all {
      cmark_parser_attach_syntax_extension(parser, syntaxExtension)
    }
    bytes.withMemoryRebound(to: CChar.self) { chars in
      if let base = chars.baseAddress {
        cmark_parser_feed(parser, base, chars.count)
      }
    }
    let finished = cmark_parser_finish(parser)
    cmarkLock.unlock()
    guard let root = finished else {
      throw ParseError(line: 1, message: "cmark-gfm could not parse the document (out of memory)")
    }
    defer { cmark_node_free(root) }
    return try body(root)
  }
}

/// Finds lines in UTF-8 Markdown, numbered as cmark-gfm numbers them (`\n`, `\r\n` and a lone
/// `\r` each end a line).
private struct LineScanner {
  struct Line {
    /// Where the line starts, and its 1-based number.
    var start: Position
    /// Just after the line's end of line (or the end of the text).
    var endOffset: Int
    var line: Int { start.line }
  }

  struct Position {
    var offset: Int
    var line: Int
  }

  let bytes: UnsafeBufferPointer<UInt8>
  var startOfText: Position { Position(offset: 0, line: 1) }

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// The first line starting at or after `offset` that begins with one to six `#` and then a
  /// space, a tab or the end of the line: an ATX heading if nothing around it says otherwise.
  /// Lines are counted from `start`, which must be the start of a line.
  func nextHeadingLine(from start: Position, atOrAfter offset: Int) -> Line? {
    guard offset < bytes.count else { return nil }
    var position = start
    while position.offset < bytes.count {
      let end = lineEnd(from: position.offset)
      if position.offset >= offset && isHeadingLine(at: position.offset) {
        return Line(start: position, endOffset: end)
      }
      position = Position(offset: end, line: position.line + 1)
    }
    return nil
  }

  /// Just after the end of the line that starts at `offset`.
  private func lineEnd(from offset: Int) -> Int {
    var index = offset
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "\n") { return index }
      if byte == UInt8(ascii: "\r") {
        if index < bytes.count && bytes[index] == UInt8(ascii: "\n") { index += 1 }
        return index
      }
    }
    return index
  }

  private func isHeadingLine(at offset: Int) -> Bool {
    var index = offset
    while index < bytes.count, bytes[index] == UInt8(ascii: "#"), index - offset < 7 {
      index += 1
    }
    let level = index - offset
    guard (1...6).contains(level) else { return false }
    guard index < bytes.count else { return true }
    let next = bytes[index]
    return next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\n")
      || next == UInt8(ascii: "\r")
  }

  /// Whether the text has `]:` with the `]` not escaped by a backslash: what ends the label of
  /// a link reference definition.
  func mayDefineLinkReference() -> Bool {
    var backslashes = 0
    for index in bytes.indices {
      let byte = bytes[index]
      if byte == UInt8(ascii: "]"), backslashes % 2 == 0, index + 1 < bytes.count,
        bytes[index + 1] == UInt8(ascii: ":")
      {
        return true
      }
      backslashes = byte == UInt8(ascii: "\\") ? backslashes + 1 : 0
    }
    return false
  }
}

/// Serializes cmark-gfm parses (see ``MarkdownParser/parse(_:)``).
private let cmarkLock = NSLock()

/// The cmark-gfm extensions, registered and looked up once per process.
private struct CmarkExtensions: @unchecked Sendable {
  // The pointers refer to process-lifetime registry entries that are never mutated after
  // registration, so sharing them between threads is safe.
  let all: [OpaquePointer]

  static let shared = CmarkExtensions()

  private init() {
    cmark_gfm_core_extensions_ensure_registered()
    all = ["table", "strikethrough", "autolink"].compactMap { (name: String) in
      cmark_find_syntax_extension(name)
    }
  }
}

/// Converts a cmark node tree to ``Block`` and ``Inline`` values.
private struct Converter {
  let extensions: CmarkExtensions
  /// Lines before the parsed piece of text (parse errors name lines of the whole text).
  let lineOffset: Int

  func line(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_line(node)) + lineOffset }

  func blocks(of parent: OpaquePointer) throws -> [Block] {
    var result: [Block] = []
    var pendingTableDirective: (Directive, Int)?
    var child = cmark_node_first_child(parent)
    while let node = child {
      child = cmark_node_next(node)
      guard let block = try block(node) else { continue }
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
    if let (directive, line) = pendingTableDirective {
      throw MarkdownParser.ParseError(
        line: line, message: "<!-- pia:\(directive.name) --> must be followed directly by a table")
    }
    return result
  }

  func block(_ node: OpaquePointer) throws -> Block? {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_HEADING:
      return .heading(level: Int(cmark_node_get_heading_level(node)), try inlines(of: node))
    case CMARK_NODE_PARAGRAPH:
      return .paragraph(try inlines(of: node))
    case CMARK_NODE_BLOCK_QUOTE:
      return .blockQuote(try blocks(of: node))
    case CMARK_NODE_LIST:
      var items: [[Block]] = []
      var item = cmark_node_first_child(node)
      while let current = item {
        items.append(try blocks(of: current))
        item = cmark_node_next(current)
      }
      let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
      return .list(
        List(
          ordered: ordered,
          start: ordered ? Int(cmark_node_get_list_start(node)) : 1,
          tight: cmark_node_get_list_tight(node) != 0,
          items: items))
    case CMARK_NODE_CODE_BLOCK:
      return .codeBlock(
        info: string(cmark_node_get_fence_info(node)), text: string(cmark_node_get_literal(node)))
    case CMARK_NODE_THEMATIC_BREAK:
      return .thematicBreak
    case CMARK_NODE_HTML_BLOCK:
      return try htmlBlock(node)
    default:
      if typeName(node) == "table" {
        return .table(try table(node))
      }
      // Other extension blocks (none are enabled) keep their text as a paragraph.
      let children = try inlines(of: node)
      return children.isEmpty ? nil : .paragraph(children)
    }
  }

  func htmlBlock(_ node: OpaquePointer) throws -> Block? {
    let literal = string(cmark_node_get_literal(node))
    let line = self.line(node)
    switch try Comment.classify(literal, line: line) {
    case .directive(let directive): return .directive(directive)
    case .plainComment: return nil
    case .notAComment: return .html(literal)
    }
  }

  func table(_ node: OpaquePointer) throws -> Table {
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
      while let currentCell = cell {
        cells.append(try inlines(of: currentCell))
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

  func inlines(of parent: OpaquePointer) throws -> [Inline] {
    var result: [Inline] = []
    var child = cmark_node_first_child(parent)
    while let node = child {
      child = cmark_node_next(node)
      if let inline = try inline(node) {
        // Adjacent text nodes (cmark splits at escapes and entities) are merged.
        if case .text(let text) = inline, case .text(let previous)? = result.last {
          result[result.count - 1] = .text(previous + text)
        } else {
          result.append(inline)
        }
      }
    }
    return result
  }

  func inline(_ node: OpaquePointer) throws -> Inline? {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
    case CMARK_NODE_SOFTBREAK: return .softBreak
    case CMARK_NODE_LINEBREAK: return .lineBreak
    case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
    case CMARK_NODE_EMPH: return .emphasis(try inlines(of: node))
    case CMARK_NODE_STRONG: return .strong(try inlines(of: node))
    case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
      // An image becomes a link to the image showing its alternative text.
      return .link(
        destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
        try inlines(of: node))
    case CMARK_NODE_HTML_INLINE:
      let literal = string(cmark_node_get_literal(node))
      switch try Comment.classify(literal, line: line(node)) {
      case .directive(let directive):
        throw MarkdownParser.ParseError(
          line: line(node),
          message: "<!-- pia:\(directive.name) --> must be alone on its own line")
      case .plainComment: return nil
      case .notAComment: return .html(literal)
      }
    default:
      if typeName(node) == "strikethrough" {
        return .strikethrough(try inlines(of: node))
      }
      let children = try inlines(of: node)
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

/// Classifies HTML that might be a comment or a `pia:` directive.
private enum Comment {
  case directive(Directive)
  case plainComment
  case notAComment

  static func classify(_ html: String, line: Int) throws -> Comment {
    let trimmed = html.trimmingASCIIWhitespace()
    guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->"), trimmed.count >= 7 else {
      return .notAComment
    }
    let body = trimmed.dropFirst(4).dropLast(3)
    // Two comments on one line, or text after the comment, are not a single comment.
    if body.contains("-->") { return .notAComment }
    let content = String(body).trimmingASCIIWhitespace()
    guard content.hasPrefix("pia:") else { return .plainComment }
    let name = content.dropFirst(4)
    guard let directive = Directive(rawValue: String(name)) else {
      let known = Directive.allCases.map { "pia:\($0.name)" }.joined(separator: ", ")
      throw MarkdownParser.ParseError(
        line: line, message: "unknown directive <!-- \(content) --> (known: \(known))")
    }
    return .directive(directive)
  }
}

extension String {
  fileprivate func trimmingASCIIWhitespace() -> String {
    let scalars = unicodeScalars
    let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = scalars.firstIndex(where: { !isSpace($0) }),
      let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(scalars[first...last])
  }
}
