/// Escapes answer text so it renders literally in GitHub-flavoured Markdown.
///
/// Used by the report renderer so that text typed by a user never changes the document's
/// structure: no heading, list, table column, emphasis, link, HTML or directive can come out of
/// it. Only what can start Markdown syntax is backslash-escaped, so the Markdown stays readable:
/// everywhere `\` `` ` `` `*` `_` `[` `]` `<` `|` `~` and an `&` that would begin an entity
/// reference; at the start of a line also `#` `+` `-` `=` `>` and the `.` or `)` after leading
/// digits (an ordered-list marker). Characters that XML 1.0 forbids are removed, and line breaks
/// are made explicit.
public enum MarkdownEscaper {
  /// Escapes text for use inside a paragraph, heading or list item.
  ///
  /// A newline (`\n`, `\r\n` or `\r`) becomes a hard line break (`\` + newline); newlines at
  /// the very end are dropped (a break cannot end a paragraph). Spaces and tabs at the start of
  /// the text or of a line, and at the end of the text, are written as character references so
  /// Markdown does not strip them.
  /// - Parameter text: Any text.
  /// - Returns: Markdown that renders as exactly `text`.
  public static func escapeInline(_ text: String) -> String {
    escape(text, inline: true)
  }

  /// Escapes text for use inside a GFM table cell.
  ///
  /// Like ``escapeInline(_:)``, but a newline becomes a space (a cell is one line) and `|` is
  /// escaped so it cannot start a new column. Leading and trailing spaces of a cell are trimmed
  /// by GFM.
  /// - Parameter text: Any text.
  /// - Returns: Markdown that renders as `text` inside one cell.
  public static func escapeTableCell(_ text: String) -> String {
    escape(text, inline: false)
  }

  private static func escape(_ text: String, inline: Bool) -> String {
    var output: [UInt8] = []
    var text = text
    text.withUTF8 { escape($0, inline: inline, into: &output) }
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends the escape of the UTF-8 text `input` to `output`.
  ///
  /// Works on bytes: everything Markdown gives meaning to is ASCII, and in UTF-8 no byte of a
  /// multi-byte character is below 0x80, so other characters are copied through untouched.
  static func escape(_ input: UnsafeBufferPointer<UInt8>, inline: Bool, into output: inout [UInt8])
  {
    let bytes = normalized(input, inline: inline)
    var endOfText = bytes.endIndex
    if inline {
      while endOfText > 0 && bytes[endOfText - 1] == newline { endOfText -= 1 }
    }
    var keepSpacesFrom = endOfText
    if inline {
      while keepSpacesFrom > 0
        && (bytes[keepSpacesFrom - 1] == space || bytes[keepSpacesFrom - 1] == tab)
      {
        keepSpacesFrom -= 1
      }
    }
    output.reserveCapacity(output.count + endOfText + endOfText / 8)
    var atLineStart = inline
    var escapeAt = -1
    for index in 0..<endOfText {
      let byte = bytes[index]
      if byte == newline {
        output.append(backslash)
        output.append(newline)
        atLineStart = true
        continue
      }
      if (atLineStart || index >= keepSpacesFrom) && (byte == space || byte == tab) {
        output.append(contentsOf: byte == space ? spaceReference : tabReference)
        continue
      }
      if atLineStart, let marker = orderedListMarker(in: bytes, from: index, end: endOfText) {
        escapeAt = marker
      }
      let lineStart = atLineStart
      atLineStart = false
      if index == escapeAt
        || needsEscape(bytes, at: index, end: endOfText, lineStart: lineStart && inline)
      {
        output.append(backslash)
      }
      output.append(byte)
    }
  }

  /// `input` with line endings unified (`\n` inline, a space in a table cell) and the
  /// characters XML 1.0 forbids removed (``XMLText/forbiddenLength(in:at:)``).
  private static func normalized(_ input: UnsafeBufferPointer<UInt8>, inline: Bool) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(input.count)
    let lineEnd = inline ? newline : space
    var index = 0
    while index < input.count {
      let byte = input[index]
      if byte == carriageReturn || byte == newline {
        bytes.append(lineEnd)
        index += 1
        if byte == carriageReturn && index < input.count && input[index] == newline { index += 1 }
        continue
      }
      let forbidden = XMLText.forbiddenLength(in: input, at: index)
      if forbidden == 0 { bytes.append(byte) }
      index += max(forbidden, 1)
    }
    return bytes
  }

  private static let newline = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")
  private static let space = UInt8(ascii: " ")
  private static let tab = UInt8(ascii: "\t")
  private static let backslash = UInt8(ascii: "\\")
  private static let spaceReference = Array("&#32;".utf8)
  private static let tabReference = Array("&#9;".utf8)

  /// For each ASCII byte: escaped everywhere (1), at the start of a line (2), or neither (0).
  private static let escapeKinds: [UInt8] = {
    var kinds = [UInt8](repeating: 0, count: 128)
    for byte in "\\`*_[]<|~".utf8 { kinds[Int(byte)] = 1 }
    for byte in "#+-=>".utf8 { kinds[Int(byte)] = 2 }
    return kinds
  }()

  private static func needsEscape(_ bytes: [UInt8], at index: Int, end: Int, lineStart: Bool)
    -> Bool
  {
    let byte = bytes[index]
    guard byte < 0x80 else { return false }
    switch escapeKinds[Int(byte)] {
    case 1: return true
    case 2: return lineStart
    default: return byte == UInt8(ascii: "&") && beginsEntity(bytes, at: index, end: end)
    }
  }

  /// Whether `&` at `index` begins something CommonMark reads as an entity or numeric
  /// character reference (`&amp;`, `&#38;`, `&#x26;`).
  private static func beginsEntity(_ bytes: [UInt8], at index: Int, end: Int) -> Bool {
    var position = index + 1
    var length = 0
    while position < end, length <= 32 {
      let next = bytes[position]
      if next == UInt8(ascii: ";") { return length > 0 }
      let letter = (next | 0x20) >= UInt8(ascii: "a") && (next | 0x20) <= UInt8(ascii: "z")
      guard letter || isDigit(next) || next == UInt8(ascii: "#") else { return false }
      position += 1
      length += 1
    }
    return false
  }

  /// The index of the `.` or `)` that would make leading digits an ordered-list marker.
  private static func orderedListMarker(in bytes: [UInt8], from index: Int, end: Int) -> Int? {
    var position = index
    while position < end, position - index < 10, isDigit(bytes[position]) {
      position += 1
    }
    guard position > index, position < end,
      bytes[position] == UInt8(ascii: ".") || bytes[position] == UInt8(ascii: ")")
    else { return nil }
    return position
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }
}
