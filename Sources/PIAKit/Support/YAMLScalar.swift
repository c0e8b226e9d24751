import Foundation
import Yams

/// Writes one string as a YAML scalar that reads back exactly: plain when that
/// is unambiguous, a literal block for multi-line text, double-quoted otherwise.
enum YAMLScalar {
  /// The scalar text to put after `key: ` (a block scalar continues on the
  /// following lines, indented by `indent + 2`).
  ///
  /// Choosing the form (and proving it reads back) is most of the cost of
  /// writing an answers file, and a file is written again after every answer
  /// with all but one scalar unchanged, so the choices are remembered
  /// (`ScalarForms`, bounded, shared by every thread).
  static func write(_ text: String, indent: Int) -> String {
    let key = ScalarForms.Key(text: text, indent: indent)
    if let known = forms.form(for: key) { return known }
    let form = chooseForm(text, indent: indent)
    forms.remember(form, for: key)
    return form
  }

  private static let forms = ScalarForms()

  private static func chooseForm(_ text: String, indent: Int) -> String {
    if isPlainSafe(text), readsBack(text, as: text, indent: indent) { return text }
    if text.contains("\n"), let block = literalBlock(text, indent: indent + 2),
      readsBack(block, as: text, indent: indent)
    {
      return block
    }
    return doubleQuoted(text)
  }

  private static func isPlainSafe(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else {
      return false
    }
    if text.unicodeScalars.contains(where: { !isPrintable($0) || $0 == "\t" }) { return false }
    if first == " " || last == " " { return false }
    if "-?:,[]{}#&*!|>'\"%@`~".unicodeScalars.contains(first) { return false }
    if text.hasSuffix(":") || text.contains(": ") || text.contains(" #") { return false }
    if text.unicodeScalars.contains(where: { "[]{}".unicodeScalars.contains($0) }) { return false }
    let lowered = text.lowercased()
    let reserved: Set<String> = [
      "null", "~", "true", "false", "yes", "no", "y", "n", "on", "off", ".inf", ".nan",
      "-.inf", "+.inf", "=", "<<",
    ]
    if reserved.contains(lowered) { return false }
    if Double(text) != nil { return false }
    if let firstCharacter = text.first, firstCharacter.isNumber || first == "." || first == "+" {
      // Numbers, dates and times in any YAML spelling (0x1F, 1_000, 12:30, 2026-01-01).
      if !text.contains(" ") { return false }
    }
    return true
  }

  private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: return true
    case 0x00...0x1F, 0x7F...0x9F: return false
    case 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return false
    case 0xD800...0xDFFF: return false
    default: return true
    }
  }

  private static func literalBlock(_ text: String, indent: Int) -> String? {
    guard
      !text.unicodeScalars.contains(where: { $0 != "\n" && (!isPrintable($0) || $0 == "\r") }),
      text.contains(where: { $0 != "\n" })
    else { return nil }
    var body = Substring(text)
    var chomp = "-"
    if body.hasSuffix("\n") {
      body = body.dropLast()
      chomp = body.hasSuffix("\n") ? "+" : ""
      if chomp == "+" { body = Substring(text) }
    }
    let pad = String(repeating: " ", count: indent)
    var lines = body.split(separator: "\n", omittingEmptySubsequences: false)
    if chomp == "+", lines.last == "" { lines.removeLast() }
    let rendered = lines.map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
    let indicator = lines.first.map { $0.isEmpty || $0.hasPrefix(" ") } ?? true ? "2" : ""
    return "|\(indicator)\(chomp)\n\(rendered)"
  }

  /// Whether `written`, placed after `key: `, reads back as `expected`. The
  /// parser's encoding is given (UTF-8) so Yams does not read the environment
  /// for it.
  private static func readsBack(_ written: String, as expected: String, indent: Int) -> Bool {
    let pad = String(repeating: " ", count: indent)
    guard
      let node = try? Yams.compose(
        yaml: pad + "k: " + written + "\n", .default, .default, .utf8),
      case .mapping(let mapping) = node, let value = mapping["k"],
      case .scalar(let scalar) = value
    else { return false }
    return scalar.string == expected && !AssessmentFile.isNull(value)
  }

  static func doubleQuoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      case "\u{0}": out += "\\0"
      case "\u{85}": out += "\\N"
      case "\u{2028}": out += "\\L"
      case "\u{2029}": out += "\\P"
      default:
        if isPrintable(scalar) {
          out.unicodeScalars.append(scalar)
        } else if scalar.value <= 0xFF {
          out += "\\x" + hex(scalar.value, width: 2)
        } else {
          out += "\\u" + hex(scalar.value, width: 4)
        }
      }
    }
    return out + "\""
  }

  private static func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

/// The forms `YAMLScalar.write` chose (a pure function of its arguments),
/// shared by every thread; emptied when it holds `ScalarForms.limit` of them,
/// so memory stays bounded.
final class ScalarForms: @unchecked Sendable {
  /// What a form is for.
  struct Key: Hashable {
    var text: String
    var indent: Int
  }

  /// The most forms kept.
  static let limit = 20_000

  private let lock = NSLock()
  private var forms: [Key: String] = [:]

  /// The remembered form for `key`, if any.
  func form(for key: Key) -> String? {
    lock.lock()
    defer { lock.unlock() }
    return forms[key]
  }

  /// Remembers `form` for `key`.
  func remember(_ form: String, for key: Key) {
    lock.lock()
    defer { lock.unlock() }
    if forms.count >= Self.limit { forms.removeAll(keepingCapacity: true) }
    forms[key] = form
  }
}
