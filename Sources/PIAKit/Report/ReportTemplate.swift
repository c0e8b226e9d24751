import Foundation
import Mustache

/// A report template: Mustache that renders Markdown, parsed once and rendered
/// many times, and strict about the names it uses.
///
/// - Every `{{name}}`, `{{#name}}` and `{{^name}}` must name a field of the report
///   model visible at that point (``check(against:)``); an unknown name is an
///   error at its line and column, never a blank.
/// - `{{name}}` prints text escaped for Markdown by where it lands: on a line
///   that starts with `|` (a table row) or `#` (a heading) the text is kept on
///   one line and `|` is escaped (``MarkdownEscaper/escapeTableCell(_:)``);
///   anywhere else newlines become hard breaks (``MarkdownEscaper/escapeInline(_:)``).
///   Answer text can therefore never add a heading, a list, a table column or a
///   directive.
/// - Unescaped output (`{{{x}}}`, `{{&x}}`), partials, set-delimiter and pragma
///   tags are not supported in report templates.
public struct ReportTemplate: Sendable {
  /// The template's path as shown in diagnostics (`Templates/pia-report.md`).
  public let path: String
  /// The template text.
  public let source: String
  /// The whole template parsed, the first time a render needs it (most renders parse only the
  /// pieces of ``ParallelLayout``).
  private let whole: WholeTemplate
  private let tags: [MustacheTag]
  private let layout: ParallelLayout

  /// The content-type name registered with swift-mustache for Markdown escaping.
  static let contentTypeName = "PIA_MARKDOWN"
  /// Marks the start and end of printed text until the escaping pass.
  static let open: Unicode.Scalar = "\u{E000}"
  static let close: Unicode.Scalar = "\u{E001}"

  /// Registers the Markdown content type once per process (swift-mustache keeps
  /// content types in a process-wide table; ours is stateless).
  private static let registration: Void = {
    MustacheContentTypes.register(MarkdownContentType(), named: contentTypeName)
  }()

  /// Parses a template.
  ///
  /// - Parameters:
  ///   - source: The template text.
  ///   - path: The path shown in diagnostics.
  /// - Throws: ``DiagnosticsError`` with every syntax problem found, at its line and column.
  public init(source: String, path: String) throws(DiagnosticsError) {
    _ = Self.registration
    self.path = path
    self.source = source
    var diagnostics: [Diagnostic] = []
    let tags = TagScanner.scan(source, path: path, diagnostics: &diagnostics)
    for (offset, line) in source.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }
    ).enumerated() {
      if let column = line.firstIndex(where: {
        $0.unicodeScalars.contains(Self.open) || $0.unicodeScalars.contains(Self.close)
      }) {
        diagnostics.append(
          .error(
            "private-use characters U+E000 and U+E001 are reserved by the renderer",
            at: SourceLocation(
              file: path, line: offset + 1,
              column: line.distance(from: line.startIndex, to: column) + 1)))
      }
    }
    let layout = ParallelLayout(source: source, tags: tags)
    // The syntax is checked run by run (see ParallelLayout.syntaxRuns); the whole template is
    // parsed here only when a run fails, for the error and its place.
    let runsParse = !diagnostics.hasErrors && MustacheSyntax.runsParse(layout)
    do {
      // The pragma sits alone on an extra first line, so swift-mustache drops
      // it; its line numbers are one more than the file's.
      whole = WholeTemplate(
        text: Self.pragma + source,
        parsed: runsParse ? nil : try MustacheTemplate(string: Self.pragma + source))
    } catch {
      diagnostics.append(Self.parseProblem(error, path: path))
      throw DiagnosticsError(diagnostics.sortedByLocation())
    }
    if diagnostics.hasErrors { throw DiagnosticsError(diagnostics.sortedByLocation()) }
    self.tags = tags
    self.layout = layout
  }

  /// What swift-mustache's refusal of a whole template (with the pragma line in front) says,
  /// at the template's own line and column.
  static func parseProblem(_ error: any Error, path: String) -> Diagnostic {
    guard let error = error as? MustacheTemplate.ParserError else {
      return .error(
        "cannot parse the template: \(error)", at: SourceLocation(file: path, line: 0, column: 0))
    }
    return .error(
      describe(error.error),
      at: SourceLocation(
        file: path, line: max(1, error.context.lineNumber - 1),
        column: error.context.columnNumber))
  }

  /// Set as the first line of every parsed template: prints go through ``MarkdownContentType``.
  private static let pragma = "{{% CONTENT_TYPE: \(contentTypeName) }}\n"

  /// Reads and parses a template file.
  public init(contentsOf url: URL, path: String) throws(DiagnosticsError) {
    let source: String
    do {
      source = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw DiagnosticsError([.error(FileErrors.describe(error, path: path), at: nil)])
    }
    try self.init(source: source, path: path)
  }

  /// The names this template uses that `schema` does not have, and fields used
  /// the wrong way (a list printed as text), as diagnostics at their line and column.
  public func check(against schema: TemplateSchema) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // Each frame is the schema pushed by an open section; `nil` frames are
    // transparent (a flag or inverted section keeps the enclosing context).
    var frames: [TemplateSchema?] = [schema]
    for tag in tags {
      let location = SourceLocation(file: path, line: tag.line, column: tag.column)
      switch tag.kind {
      case .variable:
        switch resolve(tag.name, in: frames) {
        case .failure(let problem): diagnostics.append(.error(problem.message, at: location))
        case .success(.list), .success(.object):
          diagnostics.append(
            .error(
              "field '\(tag.name)' is a list or an object; print its fields inside {{#\(tag.name)}}…{{/\(tag.name)}}",
              at: location))
        case .success: break
        }
      case .section, .inverted:
        switch resolve(tag.name, in: frames) {
        case .failure(let problem):
          diagnostics.append(.error(problem.message, at: location))
          frames.append(nil)
        case .success(let found):
          if tag.kind == .inverted {
            frames.append(nil)
          } else if case .list(let item) = found {
            frames.append(item)
          } else if case .object = found {
            frames.append(found)
          } else {
            frames.append(nil)
          }
        }
      case .parent, .block:
        frames.append(nil)
      case .close:
        if frames.count > 1 { frames.removeLast() }
      case .comment, .partial, .setDelimiter:
        break
      }
    }
    return diagnostics
  }

  private func resolve(_ name: String, in frames: [TemplateSchema?]) -> Result<
    TemplateSchema, UnknownField
  > {
    if name == "." {
      return .success(frames.last(where: { $0 != nil }).flatMap { $0 } ?? .text)
    }
    let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard !parts.contains(where: \.isEmpty) else {
      return .failure(UnknownField(message: "malformed field name '\(name)'"))
    }
    let visible = frames.compactMap { $0 }
    guard var current = visible.reversed().lazy.compactMap({ $0.field(parts[0]) }).first else {
      let candidates = Set(visible.flatMap(\.fieldNames))
      return .failure(
        UnknownField(
          message:
            "unknown field '\(parts[0])'\(Spelling.didYouMean(parts[0], among: candidates.sorted()))"
        ))
    }
    for part in parts.dropFirst() {
      guard let next = current.field(part) else {
        return .failure(
          UnknownField(
            message:
              "unknown field '\(part)' in '\(name)'\(Spelling.didYouMean(part, among: current.fieldNames))"
          ))
      }
      current = next
    }
    return .success(current)
  }

  /// Renders `value`, after checking the template against `schema`.
  ///
  /// - Parameters:
  ///   - value: The report model as a template value.
  ///   - schema: The shape every model has (from ``ReportModel/schema``).
  /// - Returns: Markdown.
  /// - Throws: ``DiagnosticsError`` for unknown names, found before or while rendering.
  public func render(_ value: TemplateValue, schema: TemplateSchema) throws(DiagnosticsError)
    -> String
  {
    try render(value, schema: schema, parallel: true)
  }

  /// Renders `value`; with `parallel`, the template's top-level sections render at the same
  /// time (``ParallelLayout``), which gives the same text.
  func render(_ value: TemplateValue, schema: TemplateSchema, parallel: Bool)
    throws(DiagnosticsError) -> String
  {
    let problems = check(against: schema)
    if problems.hasErrors { throw DiagnosticsError(problems) }
    let recorder = UnknownNameRecorder()
    let context = value.mustache(recorder: recorder, isRoot: true)
    let pieces = parallel ? layout.pieces(for: value) : []
    let raw: String
    if pieces.count > 1,
      let rendered = ParallelLayout.render(pieces, pragma: Self.pragma, context: context)
    {
      raw = rendered
    } else {
      raw = try whole.template(path: path).render(context)
    }
    // Pieces render concurrently; report unknown names in a stable order.
    let unknown = recorder.unknown.sorted()
    if !unknown.isEmpty {
      throw DiagnosticsError(
        unknown.map { name in
          let tag = tags.first { $0.name == name || $0.name.hasPrefix(name + ".") }
          return .error(
            "unknown field '\(name)'",
            at: SourceLocation(file: path, line: tag?.line ?? 0, column: tag?.column ?? 0))
        })
    }
    return Self.escapeMarkedText(raw)
  }

  /// Replaces each marked span of printed text with its Markdown escape, chosen
  /// by the line the span starts on.
  static func escapeMarkedText(_ raw: String) -> String {
    var raw = raw
    return raw.withUTF8 { escapeMarkedText($0) }
  }

  /// Works on UTF-8 bytes and is linear in the output: plain text is copied in
  /// runs, and the line's kind is tracked from its first non-space byte instead
  /// of rescanning the line for every value. The markers are three-byte
  /// sequences (`EE 80 80`, `EE 80 81`); UTF-8 never has one inside another
  /// character.
  private static func escapeMarkedText(_ raw: UnsafeBufferPointer<UInt8>) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(raw.count + raw.count / 8)
    let newline = UInt8(ascii: "\n")
    var firstOnLine: UInt8?
    var lineIsSingleLine = false
    var lineDecided = false
    func track(_ bytes: some Sequence<UInt8>) {
      for byte in bytes {
        if byte == newline {
          firstOnLine = nil
        } else if firstOnLine == nil && byte != UInt8(ascii: " ") {
          firstOnLine = byte
        }
      }
    }
    func marker(at index: Int, last: UInt8) -> Bool {
      index + 2 < raw.count && raw[index] == 0xEE && raw[index + 1] == 0x80
        && raw[index + 2] == last
    }
    func find(_ last: UInt8, from start: Int) -> Int? {
      var index = start
      while index < raw.count {
        if raw[index] == 0xEE && marker(at: index, last: last) { return index }
        index += 1
      }
      return nil
    }
    var index = 0
    while index < raw.count {
      guard let start = find(0x80, from: index) else {
        output.append(contentsOf: raw[index...])
        break
      }
      let plain = raw[index..<start]
      output.append(contentsOf: plain)
      if let lastBreak = plain.lastIndex(of: newline) {
        lineDecided = false
        firstOnLine = nil
        track(plain[(lastBreak + 1)...])
      } else {
        track(plain)
      }
      let textStart = start + 3
      let end = find(0x81, from: textStart) ?? raw.count
      if !lineDecided {
        lineIsSingleLine = firstOnLine == UInt8(ascii: "|") || firstOnLine == UInt8(ascii: "#")
      }
      let escapedStart = output.count
      MarkdownEscaper.escape(
        UnsafeBufferPointer(rebasing: raw[textStart..<end]), inline: !lineIsSingleLine,
        into: &output)
      let escaped = output[escapedStart...]
      track(escaped)
      if escaped.contains(newline) {
        // A hard break continues the same paragraph on the next line.
        lineDecided = true
      }
      index = min(end + 3, raw.count)
    }
    return String(decoding: output, as: UTF8.self)
  }

  private static func describe(_ error: any Error) -> String {
    guard let error = error as? MustacheTemplate.Error else {
      return "cannot parse the template: \(error)"
    }
    switch error {
    case .sectionCloseNameIncorrect:
      return "section closed with a different name than it was opened with"
    case .unfinishedName: return "unfinished tag (expected '}}')"
    case .expectedSectionEnd: return "section is never closed"
    case .invalidSetDelimiter: return "set-delimiter tags are not supported in report templates"
    case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection,
      .textInsideInheritSection:
      return "template inheritance is not supported in report templates"
    case .invalidConfigVariableSyntax, .unrecognisedConfigVariable:
      return "pragma tags are not supported in report templates"
    }
  }
}

/// A template's whole text, parsed by swift-mustache once, when first asked for.
private final class WholeTemplate: @unchecked Sendable {
  private let lock = NSLock()
  private let text: String
  private var parsed: MustacheTemplate?

  /// `parsed` is the text already parsed, or `nil` to parse it on first use.
  init(text: String, parsed: MustacheTemplate?) {
    self.text = text
    self.parsed = parsed
  }

  /// The parsed template. Every run of the text parsed when the ``ReportTemplate`` was made
  /// (``ParallelLayout/syntaxRuns(length:)``), so the whole parses too.
  ///
  /// - Throws: ``DiagnosticsError`` at `path` if swift-mustache still refuses it.
  func template(path: String) throws(DiagnosticsError) -> MustacheTemplate {
    let result: Result<MustacheTemplate, any Error> = lock.withLock {
      if let parsed { return .success(parsed) }
      let result = Result { try MustacheTemplate(string: text) }
      parsed = try? result.get()
      return result
    }
    switch result {
    case .success(let template): return template
    case .failure(let error):
      throw DiagnosticsError([ReportTemplate.parseProblem(error, path: path)])
    }
  }
}

private struct UnknownField: Error {
  var message: String
}

/// The swift-mustache content type for report Markdown: it only marks printed
/// text; ``ReportTemplate/escapeMarkedText(_:)`` escapes it once the line it
/// lands on is known.
struct MarkdownContentType: MustacheContentType {
  func escapeText(_ text: String) -> String {
    var marked = ""
    marked.reserveCapacity(text.utf8.count + 6)
    marked.unicodeScalars.append(ReportTemplate.open)
    // A marker can only be in the text if its lead byte (EE) is.
    if text.utf8.contains(0xEE) {
      marked += String(
        String.UnicodeScalarView(
          text.unicodeScalars.lazy.filter {
            $0 != ReportTemplate.open && $0 != ReportTemplate.close
          }))
    } else {
      marked += text
    }
    marked.unicodeScalars.append(ReportTemplate.close)
    return marked
  }
}

/// One Mustache tag of a template, with its place.
struct MustacheTag: Sendable, Hashable {
  enum Kind: Sendable, Hashable {
    case variable, section, inverted, close, comment
    /// `{{<name}}` and `{{$name}}`: template inheritance, refused in report templates but
    /// kept for ``MustacheSyntax`` (the pages of `pia serve` use it).
    case parent, block
    /// `{{>name}}`: a partial, refused in report templates (the pages use them).
    case partial
    /// `{{=<% %>=}}`: after it, tags are not what this scanner reads.
    case setDelimiter
  }

  var kind: Kind
  var name: String
  var line: Int
  var column: Int
  /// The line of the tag's closing braces (a comment may run over several lines).
  var endLine: Int
}

/// Finds the tags of a template with their line and column (1-based, counted
/// in characters), and reports tags report templates do not support.
enum TagScanner {
  static func scan(_ source: String, path: String, diagnostics: inout [Diagnostic]) -> [MustacheTag]
  {
    var tags: [MustacheTag] = []
    // Over the UTF-8 bytes (a template is read on every run of every command); columns are
    // counted in characters, from the line's start, only where a tag starts. A CRLF line break
    // ends at its LF byte, as it does as one Character.
    let bytes = Array(source.utf8)
    let (open, close, newline) = (UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\n"))
    var index = 0
    var line = 1
    var lineStart = 0
    // The column of the last tag on this line, and the byte it starts at, so that a line of many
    // tags is counted once, not once per tag.
    var counted = (byte: 0, column: 1)
    while index < bytes.count {
      if bytes[index] == newline {
        line += 1
        lineStart = index + 1
      }
      guard bytes[index] == open, index + 1 < bytes.count, bytes[index + 1] == open else {
        index += 1
        continue
      }
      let startLine = line
      if counted.byte < lineStart { counted = (lineStart, 1) }
      let startColumn =
        counted.column + String(decoding: bytes[counted.byte..<index], as: UTF8.self).count
      counted = (index, startColumn)
      let location = SourceLocation(file: path, line: startLine, column: startColumn)
      let triple = index + 2 < bytes.count && bytes[index + 2] == open
      let closer: [UInt8] = triple ? [close, close, close] : [close, close]
      var end = index + (triple ? 3 : 2)
      while end + closer.count <= bytes.count
        && !bytes[end..<(end + closer.count)].elementsEqual(closer)
      {
        end += 1
      }
      guard end + closer.count <= bytes.count else {
        // swift-mustache reports the unfinished tag.
        break
      }
      let body = String(decoding: bytes[(index + (triple ? 3 : 2))..<end], as: UTF8.self)
      for byte in index..<(end + closer.count) where bytes[byte] == newline {
        line += 1
        lineStart = byte + 1
      }
      index = end + closer.count
      func tag(_ kind: MustacheTag.Kind, _ name: String) -> MustacheTag {
        MustacheTag(kind: kind, name: name, line: startLine, column: startColumn, endLine: line)
      }
      if triple {
        diagnostics.append(
          .error(
            "unescaped output '{{{…}}}' is not supported in report templates; use '{{…}}'",
            at: location))
        continue
      }
      let trimmed = body.trimmingCharacters(in: .whitespaces)
      guard let sigil = trimmed.first else {
        diagnostics.append(.error("empty tag", at: location))
        continue
      }
      let rest = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
      switch sigil {
      case "!": tags.append(tag(.comment, ""))
      case "#": tags.append(tag(.section, rest))
      case "^": tags.append(tag(.inverted, rest))
      case "/": tags.append(tag(.close, rest))
      case "&":
        diagnostics.append(
          .error(
            "unescaped output '{{&…}}' is not supported in report templates; use '{{…}}'",
            at: location))
      case ">", "<", "$", "=", "%":
        diagnostics.append(
          .error("'{{\(sigil)…}}' tags are not supported in report templates", at: location))
        switch sigil {
        case "<": tags.append(tag(.parent, rest))
        case "$": tags.append(tag(.block, rest))
        case "=": tags.append(tag(.setDelimiter, ""))
        case ">": tags.append(tag(.partial, rest))
        default: break
        }
      default:
        if trimmed.contains("(") || trimmed.contains(" ") {
          diagnostics.append(
            .error("malformed field name '\(trimmed)' (transforms are not supported)", at: location)
          )
        } else {
          tags.append(tag(.variable, trimmed))
        }
      }
    }
    return tags
  }
}
