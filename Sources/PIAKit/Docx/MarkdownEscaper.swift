/// Escapes answer text so it renders literally in GitHub-flavoured Markdown.
///
/// Used by the report renderer so that text typed by a user never changes the document's
/// structure: no heading, list, table column, emphasis, link, HTML or directive can come out of
/// it. Every ASCII punctuation character is backslash-escaped (CommonMark allows this for all of
/// them), characters that XML 1.0 forbids are removed, and line breaks are made explicit.
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
      atLineStart = false
      if scalar.isASCII && isPunctuation(UInt8(scalar.value)) {
        output.append("\\")
      }
      output.append(scalar)
    }
    return String(output)
  }

  private static func isPunctuation(_ byte: UInt8) -> Bool {
    (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
      || (0x7B...0x7E).contains(byte)
  }
}
