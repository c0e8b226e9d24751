/// The bookmark of every heading, named after the anchor GitHub gives it, so that a Markdown
/// link to `#scope` works in the DOCX too.
///
/// GitHub's anchor (github-slugger, the rule github.com uses for README headings): the heading's
/// text lower-cased, every character that is not a letter, mark, number, connector
/// punctuation, space or hyphen removed, spaces turned into hyphens; a repeated anchor gets
/// `-1`, `-2`, … in order. The bookmark is named after the anchor when Word accepts that as a
/// name (it starts with a letter and is at most 40 characters long); otherwise after its first
/// 40 characters, or `_Heading` and the heading's number (a leading `_` hides a bookmark from
/// Word's list of bookmarks, as Word's own `_Toc` bookmarks are hidden).
struct HeadingAnchors: Sendable {
  /// The bookmark name of each heading, in document order.
  let names: [String]
  /// Bookmark names by GitHub anchor.
  private let byAnchor: [String: String]

  /// The anchors of headings with the given texts, in document order.
  init(headings: [String]) {
    var occurrences: [String: Int] = [:]
    var used: Set<String> = []
    var names: [String] = []
    var byAnchor: [String: String] = [:]
    for (index, text) in headings.enumerated() {
      let base = Self.slug(text)
      var anchor = base
      while occurrences[anchor] != nil {
        let next = (occurrences[base] ?? 0) + 1
        occurrences[base] = next
        anchor = "\(base)-\(next)"
      }
      occurrences[anchor] = 0
      var name = String(anchor.prefix(40))
      if !(name.first?.isLetter ?? false) || name.utf16.count > 40 || used.contains(name) {
        name = "_Heading\(index + 1)"
      }
      used.insert(name)
      names.append(name)
      byAnchor[anchor] = name
    }
    self.names = names
    self.byAnchor = byAnchor
  }

  /// The bookmark a link to `#fragment` points at, or nil when no heading has that anchor.
  /// The fragment is matched as written, then percent-decoded, then lower-cased.
  func bookmark(forFragment fragment: String) -> String? {
    if let name = byAnchor[fragment] { return name }
    let decoded = fragment.removingPercentEncoding ?? fragment
    return byAnchor[decoded] ?? byAnchor[decoded.lowercased()]
  }

  /// GitHub's anchor for a heading's text (without the numbering of repeats).
  static func slug(_ text: String) -> String {
    var text = text
    // Most headings are ASCII: decide byte by byte, without Unicode's tables.
    let ascii = text.withUTF8 { bytes -> [UInt8]? in
      var result: [UInt8] = []
      result.reserveCapacity(bytes.count)
      for byte in bytes {
        switch byte {
        case 0x80...: return nil
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): result.append(byte | 0x20)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
          UInt8(ascii: "_"), UInt8(ascii: "-"):
          result.append(byte)
        case UInt8(ascii: " "): result.append(UInt8(ascii: "-"))
        default: continue
        }
      }
      return result
    }
    if let ascii { return String(decoding: ascii, as: UTF8.self) }
    var result = String.UnicodeScalarView()
    for scalar in text.lowercased().unicodeScalars {
      if scalar == " " {
        result.append("-")
        continue
      }
      switch scalar.properties.generalCategory {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber,
        .otherNumber, .connectorPunctuation:
        result.append(scalar)
      case .dashPunctuation where scalar == "-":
        result.append(scalar)
      default:
        continue
      }
    }
    return String(result)
  }
}
