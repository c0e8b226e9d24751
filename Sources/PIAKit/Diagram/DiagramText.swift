/// Text helpers for diagram labels and alt text: clean answer text, wrap it into short lines,
/// and write counts the way the reports do.
enum DiagramText {
  /// `text` on one line: control characters and characters XML 1.0 forbids dropped, runs of
  /// white space (line breaks included) made one space, ends trimmed.
  static func clean(_ text: String) -> String {
    var out = ""
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar.properties.isWhitespace || scalar.value < 0x20
        || (0x7F...0x9F).contains(scalar.value)
      {
        pendingSpace = !out.isEmpty
        continue
      }
      if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
      if pendingSpace {
        out.append(" ")
        pendingSpace = false
      }
      out.unicodeScalars.append(scalar)
    }
    return out
  }

  /// `text` cut to at most `limit` characters, ending with "…" when cut (at a space when one is
  /// near the end).
  static func truncate(_ text: String, to limit: Int) -> String {
    guard text.count > limit, limit > 1 else { return text }
    var cut = String(text.prefix(limit - 1))
    if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2
    {
      cut = String(cut[..<space])
    }
    while let last = cut.last, last == " " || last == "," || last == ";" { cut.removeLast() }
    return cut + "…"
  }

  /// `text` wrapped into lines of at most `width` characters (words longer than that are cut),
  /// at most `maxLines` lines, the last ending with "…" when text was left out.
  static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      var word = Substring(word)
      while word.count > width {
        if !line.isEmpty {
          lines.append(line)
          line = ""
        }
        lines.append(String(word.prefix(width)))
        word = word.dropFirst(width)
      }
      if word.isEmpty { continue }
      if line.isEmpty {
        line = String(word)
      } else if line.count + 1 + word.count <= width {
        line += " " + word
      } else {
        lines.append(line)
        line = String(word)
      }
    }
    if !line.isEmpty { lines.append(line) }
    guard lines.count > maxLines, maxLines > 0 else { return lines }
    var kept = Array(lines.prefix(maxLines))
    kept[maxLines - 1] = truncate(kept[maxLines - 1] + " " + lines[maxLines], to: width)
    if !kept[maxLines - 1].hasSuffix("…") { kept[maxLines - 1] += "…" }
    return kept
  }

  /// A count with thousands separators, as English (Canada) writes it: 1000 → "1,000".
  static func count(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return value < 0 ? "-" + out : out
  }

  /// "1 data flow", "2 data flows": `value` with the noun in the right number.
  static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
    "\(count(value)) \(value == 1 ? singular : plural)"
  }

  /// Items joined as a sentence does: "a", "a and b", "a, b and c" (with semicolons when an
  /// item holds a comma: "a, b; c and d").
  static func list(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default:
      let separator = items.contains { $0.contains(",") } ? "; " : ", "
      return items.dropLast().joined(separator: separator) + " and " + items[items.count - 1]
    }
  }
}
