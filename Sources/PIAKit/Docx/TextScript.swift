/// The writing systems the DOCX writer treats differently: right-to-left scripts get `w:rtl`
/// and a `w:bidi` language, East Asian scripts a `w:eastAsia` language (and so the theme's East
/// Asian font); everything else is written as it is.
///
/// Ranges are the Unicode blocks of each script (The Unicode Standard 15.1, Blocks.txt).
enum TextScript: Equatable {
  /// Spaces, digits, punctuation, symbols: they take the direction and language of the text
  /// around them.
  case neutral
  /// Latin, Greek, Cyrillic and every other left-to-right script that is not East Asian.
  case leftToRight
  case hebrew
  /// Arabic and the scripts written like it (Syriac, Thaana, N'Ko, …).
  case arabic
  /// Chinese characters, and CJK punctuation and full-width forms.
  case han
  /// Japanese hiragana and katakana.
  case kana
  case hangul

  var isRightToLeft: Bool { self == .hebrew || self == .arabic }
  var isEastAsian: Bool { self == .han || self == .kana || self == .hangul }

  /// The script of one character.
  static func of(_ scalar: Unicode.Scalar) -> TextScript {
    let value = scalar.value
    if value < 0x80 {
      let byte = UInt8(value)
      return (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A ? .leftToRight : .neutral
    }
    switch value {
    case 0x0590...0x05FF, 0xFB1D...0xFB4F: return .hebrew
    case 0x0600...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF:
      return .arabic
    case 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xAC00...0xD7FF: return .hangul
    case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return .kana
    case 0x2E80...0x2FDF, 0x3000...0x303F, 0x3100...0x312F, 0x3190...0x31EF, 0x3200...0x33FF,
      0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF65,
      0x20000...0x3FFFF:
      return .han
    default:
      return scalar.properties.isAlphabetic ? .leftToRight : .neutral
    }
  }

  /// Whether UTF-8 text may hold a right-to-left or East Asian character. False is certain; it
  /// lets the common case (ASCII, accented Latin, punctuation such as — and ’) skip decoding.
  static func mayNeedAnalysis(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      var index = 0
      while index < bytes.count {
        index = ByteScan.skip(bytes, from: index) { !ByteScan.hasHighByte($0) }
        let end = min(index + 8, bytes.count)
        while index < end {
          let byte = bytes[index]
          index += 1
          // ASCII, continuation bytes, U+0080–U+057F and private use need nothing.
          if byte <= 0xD5 || byte == 0xEE { continue }
          // U+2000–U+2E7F (general punctuation, arrows, …) is neutral; U+2E80 on is East Asian.
          if byte == 0xE2, index < bytes.count, bytes[index] < 0xBA { continue }
          return true
        }
      }
      return false
    }
  }

  /// The script of the first character of `text` that has a direction, or nil.
  static func firstStrong(in text: String) -> TextScript? {
    for scalar in text.unicodeScalars {
      let script = of(scalar)
      if script != .neutral { return script }
    }
    return nil
  }
}

extension Array where Element == Inline {
  /// The script of the first character with a direction in the inlines, or nil (the
  /// paragraph direction rule of Unicode's bidirectional algorithm, rules P2 and P3).
  var firstStrongScript: TextScript? {
    for inline in self {
      switch inline {
      case .text(let text), .code(let text):
        if let script = TextScript.firstStrong(in: text) { return script }
      case .emphasis(let children), .strong(let children), .strikethrough(let children),
        .styled(_, let children), .link(_, _, let children):
        if let script = children.firstStrongScript { return script }
      case .image, .footnoteReference, .softBreak, .lineBreak, .html:
        continue
      }
    }
    return nil
  }
}

/// The languages written for each script: the document's own where it is in that script,
/// otherwise a common default.
struct ScriptLanguages: Equatable {
  /// The document language, such as `en-CA`.
  let document: String

  /// The language's primary subtag, lower-cased (`fr` for `fr-CA`).
  static func primary(_ language: String) -> String {
    String(language.prefix { $0 != "-" && $0 != "_" }).lowercased()
  }

  /// The script a language is written in, for the languages the checks know.
  static func script(ofLanguage language: String) -> TextScript? {
    switch primary(language) {
    case "ar", "fa", "ur", "ps", "sd", "ug", "ckb", "dv", "syr": return .arabic
    case "he", "yi": return .hebrew
    case "zh": return .han
    case "ja": return .kana
    case "ko": return .hangul
    case "": return nil
    default: return .leftToRight
    }
  }

  /// The `w:bidi` language for right-to-left text in `script`.
  func rightToLeft(_ script: TextScript) -> String {
    let own = Self.script(ofLanguage: document)
    if own == script { return document }
    return script == .hebrew ? "he-IL" : "ar-SA"
  }

  /// The `w:eastAsia` language for East Asian text that holds the given scripts.
  func eastAsian(hasKana: Bool, hasHangul: Bool) -> String {
    if hasKana { return Self.primary(document) == "ja" ? document : "ja-JP" }
    if hasHangul { return Self.primary(document) == "ko" ? document : "ko-KR" }
    switch Self.primary(document) {
    case "zh", "ja", "ko": return document
    default: return "zh-CN"
    }
  }
}
