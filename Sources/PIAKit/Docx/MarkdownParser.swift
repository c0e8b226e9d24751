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
    let extensions = CmarkExtensions.shared
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
    var source = markdown
    source.withUTF8 { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        if let base = chars.baseAddress {
          cmark_parser_feed(parser, base, chars.count)
        }
      }
    }
    let finished = cmark_parser_finish(parser)
    cmarkLock.unlock()
    guard let root = finished else {
      throw ParseError(line: 1, message: "cmark-gfm could not parse the document (out of memory)")
    }
    defer { cmark_node_free(root) }
    let converter = Converter(extensions: extensions)
    return Document(blocks: try converter.blocks(of: root))
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
        pendingTableDirective = (directive, Int(cmark_node_get_start_line(node)))
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
    let line = Int(cmark_node_get_start_line(node))
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
      switch try Comment.classify(literal, line: Int(cmark_node_get_start_line(node))) {
      case .directive(let directive):
        throw MarkdownParser.ParseError(
          line: Int(cmark_node_get_start_line(node)),
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
