import Foundation

/// A small JSON writer with a fixed output: the canonical text the answers
/// hash is computed from, and the stable JSON of `pia diff --format json`.
///
/// Strings are NFC-normalised and escaped as RFC 8785 does: `"` and `\` are
/// escaped, U+0008, U+0009, U+000A, U+000C and U+000D use their short forms,
/// other characters below U+0020 are written `\u00xx` (lower-case hex), and
/// everything else is written as itself in UTF-8.
public enum CanonicalJSON {
  /// A JSON value whose objects keep their keys in the order given.
  public indirect enum Value: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([Value])
    /// Keys in output order (the writer never reorders them).
    case object([(String, Value)])

    public static func == (lhs: Value, rhs: Value) -> Bool {
      CanonicalJSON.write(lhs) == CanonicalJSON.write(rhs)
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(CanonicalJSON.write(self))
    }
  }

  /// The value as compact JSON (no whitespace).
  public static func write(_ value: Value) -> String {
    var output = ""
    write(value, into: &output, indent: nil, level: 0)
    return output
  }

  /// The value as JSON indented by two spaces, with a final newline.
  public static func pretty(_ value: Value) -> String {
    var output = ""
    write(value, into: &output, indent: "  ", level: 0)
    return output + "\n"
  }

  private static func write(_ value: Value, into output: inout String, indent: String?, level: Int)
  {
    switch value {
    case .string(let text): output += quoted(text)
    case .number(let number): output += self.number(number)
    case .bool(let flag): output += flag ? "true" : "false"
    case .null: output += "null"
    case .array(let items):
      guard !items.isEmpty else {
        output += "[]"
        return
      }
      output += "["
      for (index, item) in items.enumerated() {
        if index > 0 { output += "," }
        newline(&output, indent, level + 1)
        write(item, into: &output, indent: indent, level: level + 1)
      }
      newline(&output, indent, level)
      output += "]"
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}"
        return
      }
      output += "{"
      for (index, (key, item)) in members.enumerated() {
        if index > 0 { output += "," }
        newline(&output, indent, level + 1)
        output += quoted(key)
        output += indent == nil ? ":" : ": "
        write(item, into: &output, indent: indent, level: level + 1)
      }
      newline(&output, indent, level)
      output += "}"
    }
  }

  private static func newline(_ output: inout String, _ indent: String?, _ level: Int) {
    guard let indent else { return }
    output += "\n" + String(repeating: indent, count: level)
  }

  /// A string as a JSON string literal, NFC-normalised.
  public static func quoted(_ text: String) -> String {
    var output = "\""
    for scalar in nfc(text).unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\u{8}": output += "\\b"
      case "\t": output += "\\t"
      case "\n": output += "\\n"
      case "\u{C}": output += "\\f"
      case "\r": output += "\\r"
      case "\u{0}"..."\u{1F}":
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output + "\""
  }

  /// A number in its shortest round-trip form: whole numbers of magnitude
  /// below 2^53 without a fraction (`-0` as `0`), others as Swift's
  /// shortest round-trip `description` (`0.1`, `1e-07`, `1.5e+300`).
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
      return String(Int64(value))
    }
    return value.description
  }

  /// Text in Unicode Normalization Form C.
  public static func nfc(_ text: String) -> String {
    text.precomposedStringWithCanonicalMapping
  }

  /// Orders strings by Unicode code point (not by Swift's `<`, which compares
  /// canonically equivalent text as equal and is not code-point order).
  public static func codePointOrder(_ lhs: String, _ rhs: String) -> Bool {
    lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars) { $0.value < $1.value }
  }
}
