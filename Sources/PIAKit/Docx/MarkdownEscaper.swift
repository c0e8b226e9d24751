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
    // Unify line endings and drop characters XML 1.0 forbids.
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(text.unicodeScalars.count)
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      if scalar == "\n" && previousWasCR { continue }
      if scalar == "\r" || scalar == "\n" {
        scalars.append(inline ? "\n" : " ")
      } else if XMLText.isAllowed(scalar) {
        scalars.append(scalar)
      }
    }
    var endOfText = scalars.endIndex
    if inline {
      while endOfText > 0 && scalars[endOfText - 1] == "\n" { endOfText -= 1 }
    }
    var keepSpacesFrom = endOfText
    if inline {
      while keepSpacesFrom > 0
        && (scalars[keepSpacesFrom - 1] == " " || scalars[keepSpacesFrom - 1] == "\t")
      {
        keepSpacesFrom -= 1
      }
    }
    var output = String.UnicodeScalarView()
    var atLineStart = inline
    var escapeAt = -1
    for index in 0..<endOfText {
      let scalar = scalars[index]
      if scalar == "\n" {
        output.append(contentsOf: "\\\n".unicodeScalars)
        atLineStart = true
        continue
      }
      if (atLineStart || index >= keepSpacesFrom) && (scalar == " " || scalar == "\t") {
        output.append(contentsOf: (scalar == " " ? "&#32;" : "&#9;").unicodeScalars)
        continue
      }
      if atLineStart, let marker = orderedListMarker(in: scalars, from: index, end: endOfText) {
        escapeAt = marker
      }
      let lineStart = atLineStart
      atLineStart = false
      if index == escapeAt
        || needsEscape(scalars, at: index, end: endOfText, lineStart: lineStart && inline)
      {
        output.append("\\")
      }
      output.append(scalar)
    }
    return String(output)
  }

  private static let alwaysEscaped: Set<Unicode.Scalar> = [
    "\\", "`", "*", "_", "[", "]", "<", "|", "~",
  ]
  private static let lineStartEscaped: Set<Unicode.Scalar> = ["#", "+", "-", "=", ">"]

  private static func needsEscape(
    _ scalars: [Unicode.Scalar], at index: Int, end: Int, lineStart: Bool
  ) -> Bool {
    let scalar = scalars[index]
    if alwaysEscaped.contains(scalar) { return true }
    if lineStart && lineStartEscaped.contains(scalar) { return true }
    if scalar == "&" { return beginsEntity(scalars, at: index, end: end) }
    return false
  }

  /// Whether `&` at `index` begins something CommonMark reads as an entity or numeric
  /// character reference (`&amp;`, `&#38;`, `&#x26;`).
  private static func beginsEntity(_ scalars: [Unicode.Scalar], at index: Int, end: Int) -> Bool {
    var position = index + 1
    var length = 0
    while position < end, length <= 32 {
      let next = scalars[position]
      if next == ";" { return length > 0 }
      guard next.isASCII, next.properties.isAlphabetic || ("0"..."9").contains(next) || next == "#"
      else { return false }
      position += 1
      length += 1
    }
    return false
  }

  /// The index of the `.` or `)` that would make leading digits an ordered-list marker.
  private static func orderedListMarker(in scalars: [Unicode.Scalar], from index: Int, end: Int)
    -> Int?
  {
    var position = index
    while position < end, position - index < 10, ("0"..."9").contains(scalars[position]) {
      position += 1
    }
    guard position > index, position < end, scalars[position] == "." || scalars[position] == ")"
    else { return nil }
    return position
  }
}
