internal import CCmarkGFM
import Foundation

/// Parses GitHub-flavoured Markdown into a ``Document`` with cmark-gfm.
///
/// The table, strikethrough, autolink and task-list extensions and footnotes are enabled.
/// `pia:` directives written as HTML comments alone on a line become ``Block/directive(_:)``;
/// other HTML comments are dropped; other HTML becomes blocks and inlines of the tree
/// (``HTMLConverter``), never text with tags in it.
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

    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
  }

  /// A parsed document and the warnings met on the way (HTML tags the document tree has no
  /// place for).
  public struct Parsed: Sendable, Equatable {
    /// The document tree.
    public var document: Document
    /// Warnings in source order, each `FILE:LINE:COL: warning: …`.
    public var warnings: [Diagnostic]

    /// Creates a parse result.
    public init(document: Document, warnings: [Diagnostic] = []) {
      self.document = document
      self.warnings = warnings
    }
  }

  /// Parses `markdown`.
  ///
  /// - Parameter markdown: GitHub-flavoured Markdown.
  /// - Returns: The document tree.
  /// - Throws: ``ParseError`` for an unknown `pia:` directive, a `pia:` directive that is not
  ///   alone on its line, or a table directive that is not followed by a table.
  public static func parse(_ markdown: String) throws -> Document {
    try parse(markdown, file: "").document
  }

  /// Parses `markdown`, read from `file`, keeping the warnings.
  ///
  /// - Parameters:
  ///   - markdown: GitHub-flavoured Markdown.
  ///   - file: The file's name as the user gave it, for the warnings' locations.
  /// - Returns: The document tree and the warnings (an HTML tag that is neither understood nor
  ///   a comment: its text is kept and the tag dropped).
  /// - Throws: ``ParseError`` as ``parse(_:)`` does.
  public static func parse(_ markdown: String, file: String) throws -> Parsed {
    var source = markdown
    return try source.withUTF8 { bytes in
      try parse(bytes, chunkSize: defaultChunkSize, file: file)
    }
  }

  /// Parses UTF-8 Markdown, such as a rendered report's file contents.
  ///
  /// - Throws: ``ParseError`` as ``parse(_:)`` does.
  static func parse(utf8 bytes: UnsafeRawBufferPointer) throws -> Document {
    try parse(bytes.assumingMemoryBound(to: UInt8.self), chunkSize: defaultChunkSize, file: "")
      .document
  }

  /// Parses in pieces of about this many bytes (see ``parse(_:chunkSize:file:)``).
  static let defaultChunkSize = 128 * 1024

  /// Parses `bytes` a piece at a time, so that only one piece's cmark tree (a few hundred bytes
  /// per node, several times the size of the text) is alive at once.
  ///
  /// A piece ends just before a line that starts a level-1 to level-6 heading at the top level
  /// of the document. Whether a line does is left to cmark-gfm: the piece is parsed together
  /// with that line, and the cut is kept only if the line came out as the document's last block,
  /// a heading (not, say, text inside a fenced code block or an HTML block). After a top-level
  /// heading no block is open, so parsing on from there gives the same blocks as one parse of the
  /// whole text. Link reference definitions and footnote definitions are what reaches across the
  /// whole document, so text that may contain one (an unescaped `]:`) is parsed in one piece.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, chunkSize: Int, file: String) throws
    -> Parsed
  {
    let extensions = CmarkExtensions.shared
    let lines = LineScanner(bytes)
    let mayDefine = lines.mayDefineLinkReference()
    guard bytes.count > chunkSize, !mayDefine else {
      // A footnote definition needs `]:` as a link reference definition does; without one
      // there are no footnotes, and cmark-gfm's footnote pass can be skipped.
      let options = mayDefine ? CMARK_OPT_FOOTNOTES : 0
      return try withTree(UnsafeBufferPointer(rebasing: bytes[...]), extensions, options: options) {
        root in
        let converter = CmarkConverter(file: file, lineOffset: 0)
        let blocks = try converter.blocks(of: root)
        return Parsed(
          document: Document(blocks: blocks, footnotes: converter.footnotes),
          warnings: converter.warnings)
      }
    }
    var blocks: [Block] = []
    var warnings: [Diagnostic] = []
    var start = lines.startOfText
    var skip = chunkSize
    while true {
      guard let cut = lines.nextHeadingLine(from: start, atOrAfter: start.offset + skip) else {
        let rest = UnsafeBufferPointer(rebasing: bytes[start.offset...])
        try withTree(rest, extensions) { root in
          let converter = CmarkConverter(file: file, lineOffset: start.line - 1)
          blocks += try converter.blocks(of: root)
          warnings += converter.warnings
        }
        return Parsed(document: Document(blocks: blocks), warnings: warnings)
      }
      let piece = UnsafeBufferPointer(rebasing: bytes[start.offset..<cut.endOffset])
      let converted: ([Block], [Diagnostic])? = try withTree(piece, extensions) { root in
        guard let last = cmark_node_last_child(root),
          cmark_node_get_type(last) == CMARK_NODE_HEADING,
          Int(cmark_node_get_start_line(last)) == cut.line - start.line + 1
        else { return nil }
        // The heading starts the next piece.
        cmark_node_unlink(last)
        cmark_node_free(last)
        let converter = CmarkConverter(file: file, lineOffset: start.line - 1)
        return (try converter.blocks(of: root), converter.warnings)
      }
      if let (converted, found) = converted {
        blocks += converted
        warnings += found
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
    _ bytes: UnsafeBufferPointer<UInt8>, _ extensions: CmarkExtensions, options: Int32 = 0,
    _ body: (OpaquePointer) throws -> Result
  ) throws -> Result {
    guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT | options) else {
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

/// Serializes cmark-gfm parses (see ``MarkdownParser/parse(_:)``).
let cmarkLock = NSLock()

/// The cmark-gfm extensions, registered and looked up once per process.
struct CmarkExtensions: @unchecked Sendable {
  // The pointers refer to process-lifetime registry entries that are never mutated after
  // registration, so sharing them between threads is safe.
  let all: [OpaquePointer]

  static let shared = CmarkExtensions()

  private init() {
    cmark_gfm_core_extensions_ensure_registered()
    all = ["table", "strikethrough", "autolink", "tasklist"].compactMap { (name: String) in
      cmark_find_syntax_extension(name)
    }
  }
}
