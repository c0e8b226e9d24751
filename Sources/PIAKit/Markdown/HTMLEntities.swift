internal import CCmarkGFM

/// Decodes HTML character references (`&amp;`, `&eacute;`, `&#233;`, `&#xE9;`) in the text of
/// raw HTML.
///
/// cmark-gfm decodes the references in Markdown text itself; the text inside raw HTML blocks and
/// tags comes through as written, so it is decoded here. Numeric references are decoded
/// directly (0, surrogates and values beyond U+10FFFF become U+FFFD, as HTML says). A named
/// reference is looked up in cmark-gfm's own table of the HTML5 named entities, by parsing the
/// reference alone as Markdown, so that HTML and Markdown text agree on every name; an unknown
/// name stays as written.
enum HTMLEntities {
  /// `text` with every character reference decoded.
  static func decode(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      guard scalars[index] == "&", let (decoded, end) = reference(in: scalars, at: index) else {
        result.append(scalars[index])
        index += 1
        continue
      }
      result.append(contentsOf: decoded.unicodeScalars)
      index = end
    }
    return String(result)
  }

  /// The reference starting at `start` (an `&`), decoded, and the index after its `;`.
  private static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
    var end = start + 1
    while end < scalars.count, end - start <= 40, scalars[end] != ";" {
      guard
        scalars[end].properties.isASCIIHexDigit || isASCIIAlphanumeric(scalars[end])
          || (end == start + 1 && scalars[end] == "#")
      else { return nil }
      end += 1
    }
    guard end < scalars.count, scalars[end] == ";", end > start + 1 else { return nil }
    let body = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
    if body.hasPrefix("#") {
      let digits = body.dropFirst()
      let value: UInt32?
      if digits.first == "x" || digits.first == "X" {
        value = digits.count > 1 && digits.count <= 7 ? UInt32(digits.dropFirst(), radix: 16) : nil
      } else {
        value = !digits.isEmpty && digits.count <= 8 ? UInt32(digits) : nil
      }
      guard let value else { return nil }
      let scalar = value == 0 ? nil : Unicode.Scalar(value)
      return (String(scalar ?? "\u{FFFD}"), end + 1)
    }
    guard body.unicodeScalars.allSatisfy(isASCIIAlphanumeric),
      let decoded = named("&\(body);")
    else { return nil }
    return (decoded, end + 1)
  }

  private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
  }

  /// The most common names, decoded without a parse.
  private static let common: [String: String] = [
    "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&apos;": "'", "&nbsp;": "\u{A0}",
    "&copy;": "©", "&reg;": "®", "&trade;": "™", "&hellip;": "…", "&mdash;": "—",
    "&ndash;": "–", "&lsquo;": "‘", "&rsquo;": "’", "&ldquo;": "“", "&rdquo;": "”",
    "&laquo;": "«", "&raquo;": "»", "&middot;": "·", "&bull;": "•", "&deg;": "°",
    "&times;": "×", "&euro;": "€", "&sect;": "§", "&shy;": "\u{AD}",
  ]

  /// The text cmark-gfm makes of `reference` (such as `&ouml;`), or nil for an unknown name.
  private static func named(_ reference: String) -> String? {
    if let known = common[reference] { return known }
    var text = ""
    // One parse at a time (see MarkdownParser.withTree).
    cmarkLock.lock()
    defer { cmarkLock.unlock() }
    var source = reference
    source.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars in
        guard let base = chars.baseAddress,
          let root = cmark_parse_document(base, chars.count, CMARK_OPT_DEFAULT)
        else { return }
        defer { cmark_node_free(root) }
        var node = cmark_node_first_child(cmark_node_first_child(root))
        while let current = node {
          if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
          node = cmark_node_next(current)
        }
      }
    }
    return text.isEmpty || text == reference ? nil : text
  }
}
