/// Splits a fragment of HTML, as Markdown allows it (an HTML block or one inline tag), into
/// tags and text.
///
/// Lenient, as browsers are: a `<` not followed by a letter, `/`, `!` or `?` is text, an
/// unclosed comment runs to the end, a tag cut off by the end of the fragment is dropped. Text and attribute values come back with their character
/// references decoded (``HTMLEntities``). The contents of `script`, `style`, `textarea` and
/// `title` are text up to their end tag, as in HTML, when the fragment has that end tag. Positions are 1-based lines and columns
/// (in bytes) within the fragment.
struct HTMLTokenizer {
  /// One piece of the fragment.
  enum Token: Equatable {
    /// Character data, references decoded.
    case text(String)
    /// `<name attr="value">`; `selfClosing` for `<name/>`. The name is lower-cased.
    case startTag(name: String, attributes: [String: String], selfClosing: Bool)
    /// `</name>`, the name lower-cased.
    case endTag(name: String)
    /// A comment; its text without `<!--` and `-->`.
    case comment(String)
    /// A processing instruction, declaration or CDATA section: nothing a reader sees.
    case other
  }

  /// A token and where it starts.
  struct Located: Equatable {
    var token: Token
    var line: Int
    var column: Int
  }

  private static let rawTextElements: Set<String> = ["script", "style", "textarea", "title"]

  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineStart = 0

  /// A tokenizer over `html`.
  init(_ html: String) {
    bytes = Array(html.utf8)
  }

  /// Every token of the fragment, in order; adjacent text is merged.
  static func tokens(_ html: String) -> [Located] {
    var tokenizer = HTMLTokenizer(html)
    return tokenizer.all()
  }

  private mutating func all() -> [Located] {
    var result: [Located] = []
    var textStart: (index: Int, line: Int, column: Int)?
    func flushText(upTo end: Int, into result: inout [Located]) {
      guard let start = textStart, start.index < end else {
        textStart = nil
        return
      }
      let raw = String(decoding: bytes[start.index..<end], as: UTF8.self)
      result.append(
        Located(token: .text(HTMLEntities.decode(raw)), line: start.line, column: start.column))
      textStart = nil
    }
    while index < bytes.count {
      let start = index
      let position = (line: line, column: index - lineStart + 1)
      if bytes[index] == UInt8(ascii: "<"), let token = markup() {
        flushText(upTo: start, into: &result)
        result.append(Located(token: token, line: position.line, column: position.column))
        if case .startTag(let name, _, false) = token, Self.rawTextElements.contains(name),
          hasClosingTag(name)
        {
          let contentStart = (index: index, line: line, column: index - lineStart + 1)
          skipRawText(until: name)
          textStart = contentStart
          let end = index
          flushText(upTo: end, into: &result)
          if index < bytes.count, let close = markup() {
            result.append(Located(token: close, line: line, column: end - lineStart + 1))
          }
        }
        continue
      }
      if textStart == nil { textStart = (start, position.line, position.column) }
      advance()
    }
    flushText(upTo: bytes.count, into: &result)
    return result
  }

  /// Moves one byte on, counting lines (`\n`, `\r\n`, lone `\r`).
  private mutating func advance() {
    let byte = bytes[index]
    index += 1
    if byte == UInt8(ascii: "\n")
      || (byte == UInt8(ascii: "\r")
        && (index >= bytes.count || bytes[index] != UInt8(ascii: "\n")))
    {
      line += 1
      lineStart = index
    }
  }

  private mutating func advance(to end: Int) {
    while index < end { advance() }
  }

  /// Reads the markup starting at `<`, or returns nil (and moves nowhere) when it is text.
  ///
  /// Tags are read as HTML5 reads them (WHATWG HTML, §13.2.5): a name runs to white space,
  /// `/` or `>`; an attribute value is quoted or runs to white space or `>`; a tag cut off by
  /// the end of the fragment is dropped, never shown. `<?…>`, `<!…>` and an end tag that is not
  /// one end at the first `>`; a comment at `-->`, a CDATA section at `]]>`.
  private mutating func markup() -> Token? {
    guard index + 1 < bytes.count else { return nil }
    if hasPrefix("<!--") {
      let bodyStart = index + 4
      let end = find("-->", from: bodyStart) ?? bytes.count
      let comment = String(decoding: bytes[bodyStart..<end], as: UTF8.self)
      advance(to: min(end + 3, bytes.count))
      return .comment(comment)
    }
    if hasPrefix("<![CDATA[") {
      advance(to: (find("]]>", from: index + 9).map { $0 + 3 }) ?? bytes.count)
      return .other
    }
    let next = bytes[index + 1]
    if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
      advance(to: (find(">", from: index + 2).map { $0 + 1 }) ?? bytes.count)
      return .other
    }
    if next == UInt8(ascii: "/") {
      guard index + 2 < bytes.count else { return nil }
      var cursor = index + 2
      guard isLetter(bytes[cursor]) else {
        advance(to: (find(">", from: cursor).map { $0 + 1 }) ?? bytes.count)
        return .other
      }
      let name = tagName(at: &cursor)
      guard let close = find(">", from: cursor) else {
        advance(to: bytes.count)
        return .other
      }
      advance(to: close + 1)
      return .endTag(name: name)
    }
    guard isLetter(next) else { return nil }
    var cursor = index + 1
    let name = tagName(at: &cursor)
    var attributes: [String: String] = [:]
    var selfClosing = false
    while cursor < bytes.count {
      let byte = bytes[cursor]
      if isSpace(byte) {
        cursor += 1
        continue
      }
      if byte == UInt8(ascii: ">") {
        advance(to: cursor + 1)
        return .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
      }
      if byte == UInt8(ascii: "/") {
        selfClosing = true
        cursor += 1
        continue
      }
      selfClosing = false
      guard let (key, value, end) = attribute(at: cursor) else { break }
      if attributes[key] == nil { attributes[key] = value }
      cursor = end
    }
    // The fragment ends inside the tag: HTML drops such a tag.
    advance(to: bytes.count)
    return .other
  }

  /// `name`, `name=value`, `name="value"` or `name='value'` at `start`, or nil when the
  /// fragment ends inside a quoted value.
  private func attribute(at start: Int) -> (String, String, Int)? {
    var cursor = start + 1  // the first character may be `=`
    while cursor < bytes.count, !isSpace(bytes[cursor]),
      !"/>=".utf8.contains(bytes[cursor])
    {
      cursor += 1
    }
    let name = String(decoding: bytes[start..<cursor], as: UTF8.self).lowercased()
    let afterName = skipSpace(from: cursor)
    guard afterName < bytes.count, bytes[afterName] == UInt8(ascii: "=") else {
      return (name, "", cursor)
    }
    let valueStart = skipSpace(from: afterName + 1)
    guard valueStart < bytes.count else { return nil }
    let quote = bytes[valueStart]
    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
      var end = valueStart + 1
      while end < bytes.count, bytes[end] != quote { end += 1 }
      guard end < bytes.count else { return nil }
      let raw = String(decoding: bytes[(valueStart + 1)..<end], as: UTF8.self)
      return (name, HTMLEntities.decode(raw), end + 1)
    }
    var end = valueStart
    while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">") {
      end += 1
    }
    let raw = String(decoding: bytes[valueStart..<end], as: UTF8.self)
    return (name, HTMLEntities.decode(raw), end)
  }

  /// A tag name (a letter, then anything up to white space, `/` or `>`), lower-cased.
  private func tagName(at cursor: inout Int) -> String {
    let start = cursor
    while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: "/"),
      bytes[cursor] != UInt8(ascii: ">")
    {
      cursor += 1
    }
    return String(decoding: bytes[start..<cursor], as: UTF8.self).lowercased()
  }

  /// Whether `</name` follows: a raw-text element that is never closed in the fragment is read
  /// as ordinary markup (a fragment is a piece of a page, not a whole one).
  private func hasClosingTag(_ name: String) -> Bool {
    let closing = Array("</\(name)".utf8)
    var cursor = index
    while cursor + closing.count <= bytes.count {
      if bytes[cursor] == UInt8(ascii: "<"),
        zip(bytes[cursor..<(cursor + closing.count)], closing).allSatisfy({ $0 | 0x20 == $1 | 0x20 }
        )
      {
        return true
      }
      cursor += 1
    }
    return false
  }

  /// Moves to the `</name` that ends a raw-text element (or the end).
  private mutating func skipRawText(until name: String) {
    let closing = Array("</\(name)".utf8)
    var cursor = index
    while cursor < bytes.count {
      if bytes[cursor] == UInt8(ascii: "<"), cursor + closing.count <= bytes.count,
        zip(bytes[cursor..<(cursor + closing.count)], closing).allSatisfy({ $0 | 0x20 == $1 | 0x20 }
        )
      {
        break
      }
      cursor += 1
    }
    advance(to: cursor)
  }

  private func hasPrefix(_ prefix: StaticString) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    return (0..<count).allSatisfy { bytes[index + $0] == prefix.utf8Start[$0] }
  }

  private func find(_ needle: StaticString, from start: Int) -> Int? {
    let count = needle.utf8CodeUnitCount
    var cursor = start
    while cursor + count <= bytes.count {
      if (0..<count).allSatisfy({ bytes[cursor + $0] == needle.utf8Start[$0] }) { return cursor }
      cursor += 1
    }
    return nil
  }

  private func skipSpace(from start: Int) -> Int {
    var cursor = start
    while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
    return cursor
  }

  private func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
  }

  private func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }
}
