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
    /// A string, written NFC-normalised and escaped as RFC 8785.
    case string(String)
    /// A number in shortest round-trip form, whole numbers without a fraction (`3`, `0.25`);
    /// `null` when not finite.
    case number(Double)
    case bool(Bool)
    case null
    /// A list, items in the order given.
    case array([Value])
    /// Keys in output order (the writer never reorders them).
    case object([(String, Value)])

    /// Equal when the compact JSON texts are equal (so object key order counts).
    public static func == (lhs: Value, rhs: Value) -> Bool {
      CanonicalJSON.write(lhs) == CanonicalJSON.write(rhs)
    }

    /// Hashes the compact JSON text, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
      hasher.combine(CanonicalJSON.write(self))
    }
  }

  /// The value as compact JSON (no whitespace).
  public static func write(_ value: Value) -> String {
    String(decoding: bytes(value), as: UTF8.self)
  }

  /// The value as compact JSON, UTF-8 encoded.
  static func bytes(_ value: Value) -> [UInt8] {
    var output: [UInt8] = []
    write(value, into: &output, indent: nil, level: 0)
    return output
  }

  /// The value as JSON indented by two spaces, with a final newline.
  public static func pretty(_ value: Value) -> String {
    var output: [UInt8] = []
    write(value, into: &output, indent: "  ", level: 0)
    output.append(UInt8(ascii: "\n"))
    return String(decoding: output, as: UTF8.self)
  }

  private static func write(
    _ value: Value, into output: inout [UInt8], indent: String?, level: Int
  ) {
    switch value {
    case .string(let text): appendQuoted(text, to: &output)
    case .number(let number): output += self.number(number).utf8
    case .bool(let flag): output += (flag ? "true" : "false").utf8
    case .null: output += "null".utf8
    case .array(let items):
      guard !items.isEmpty else {
        output += "[]".utf8
        return
      }
      output.append(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        newline(&output, indent, level + 1)
        write(item, into: &output, indent: indent, level: level + 1)
      }
      newline(&output, indent, level)
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}".utf8
        return
      }
      output.append(UInt8(ascii: "{"))
      for (index, (key, item)) in members.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        newline(&output, indent, level + 1)
        appendQuoted(key, to: &output)
        output += (indent == nil ? ":" : ": ").utf8
        write(item, into: &output, indent: indent, level: level + 1)
      }
      newline(&output, indent, level)
      output.append(UInt8(ascii: "}"))
    }
  }

  private static func newline(_ output: inout [UInt8], _ indent: String?, _ level: Int) {
    guard let indent else { return }
    output.append(UInt8(ascii: "\n"))
    for _ in 0..<level { output += indent.utf8 }
  }

  /// A string as a JSON string literal, NFC-normalised.
  public static func quoted(_ text: String) -> String {
    var output: [UInt8] = []
    appendQuoted(text, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  private static func appendQuoted(_ text: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    for byte in nfc(text).utf8 {
      switch byte {
      case UInt8(ascii: "\""): output += #"\""#.utf8
      case UInt8(ascii: "\\"): output += #"\\"#.utf8
      case 0x08: output += #"\b"#.utf8
      case 0x09: output += #"\t"#.utf8
      case 0x0A: output += #"\n"#.utf8
      case 0x0C: output += #"\f"#.utf8
      case 0x0D: output += #"\r"#.utf8
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        output += #"\u00"#.utf8
        output.append(hex[Int(byte >> 4)])
        output.append(hex[Int(byte & 0xF)])
      default: output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
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
    // ASCII text is already in every normalisation form; skip the Foundation call.
    text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
  }

  /// Orders strings by Unicode code point (not by Swift's `<`, which compares
  /// canonically equivalent text as equal and is not code-point order).
  public static func codePointOrder(_ lhs: String, _ rhs: String) -> Bool {
    // UTF-8 was designed so that byte order is code-point order.
    lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
  }
}
