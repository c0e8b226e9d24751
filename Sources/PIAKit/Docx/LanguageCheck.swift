/// Finds paragraphs whose text is mostly in a script their language is not written in: Cyrillic
/// text marked English, Arabic text marked Hebrew, and so on. A screen reader reads text in the
/// voice of its language, so such text is read wrongly (WCAG 2.0 success criteria 3.1.1 and
/// 3.1.2, "Language of Page" and "Language of Parts").
///
/// Each letter is judged by the language that applies to it in WordprocessingML (ECMA-376
/// Part 1, §17.3.2.20): right-to-left letters by `w:lang/@w:bidi`, East Asian letters by
/// `@w:eastAsia`, all others by `@w:val`, each from the run, else from the document defaults in
/// the styles. A paragraph is reported when at least three of its letters, and at least half,
/// are in a script their language does not use. Languages the check does not know are not
/// judged.
struct LanguageCheck {
  /// Families of scripts, as far as the check tells them apart.
  enum Family: String, CaseIterable {
    case latin = "Latin"
    case cyrillic = "Cyrillic"
    case greek = "Greek"
    case arabic = "Arabic"
    case hebrew = "Hebrew"
    case han = "Chinese (Han)"
    case kana = "Japanese kana"
    case hangul = "Korean (Hangul)"
    case syllabics = "Canadian Aboriginal syllabics"
    case other = "another"
  }

  /// The document defaults: `@w:val`, `@w:eastAsia`, `@w:bidi`.
  private let defaults: [String: String]

  /// A check against the default languages of `styles` (`word/styles.xml`).
  init(styles: XMLNode?) {
    defaults =
      styles?.child("docDefaults")?.child("rPrDefault")?.child("rPr")?.child("lang")?
      .attributes ?? [:]
  }

  /// One issue per script and language that do not match, naming how many paragraphs and the
  /// first one.
  func issues(in body: XMLNode) -> [AccessibilityIssue] {
    var found: [String: (count: Int, family: Family, language: String, first: String)] = [:]
    var order: [String] = []
    for paragraph in body.descendants("p") {
      guard let (family, language, text) = mismatch(in: paragraph) else { continue }
      let key = "\(family.rawValue)|\(language)"
      if let entry = found[key] {
        found[key] = (entry.count + 1, family, language, entry.first)
      } else {
        found[key] = (1, family, language, text)
        order.append(key)
      }
    }
    return order.compactMap { key in
      guard let entry = found[key] else { return nil }
      let preview = entry.first.count > 40 ? entry.first.prefix(40) + "…" : Substring(entry.first)
      let paragraphs = entry.count == 1 ? "1 paragraph" : "\(entry.count) paragraphs"
      return AccessibilityIssue(
        kind: .scriptDoesNotMatchLanguage,
        message:
          "\(paragraphs) in \(entry.family.rawValue) script marked as \(entry.language), a"
          + " language not written in it (first: \"\(preview)\"); convert with --lang for a"
          + " document in that language, or set the language of that text")
    }
  }

  /// The script most of the paragraph's letters are in and the language they are marked
  /// with, when those do not match.
  private func mismatch(in paragraph: XMLNode) -> (Family, String, String)? {
    var letters = 0
    var wrong: [String: (family: Family, language: String, count: Int)] = [:]
    var text = ""
    for run in paragraph.descendants("r") {
      let language = run.child("rPr")?.child("lang")?.attributes ?? [:]
      for piece in run.children("t") {
        text += piece.text
        for scalar in piece.text.unicodeScalars {
          guard let family = Self.family(of: scalar) else { continue }
          letters += 1
          let attribute: String
          switch family {
          case .arabic, .hebrew: attribute = "bidi"
          case .han, .kana, .hangul: attribute = "eastAsia"
          default: attribute = "val"
          }
          guard let tag = language[attribute] ?? defaults[attribute],
            let families = Self.families(ofLanguage: tag), !families.contains(family)
          else { continue }
          let key = "\(family.rawValue)|\(tag)"
          wrong[key, default: (family, tag, 0)].count += 1
        }
      }
    }
    guard let worst = wrong.values.max(by: { $0.count < $1.count }),
      worst.count >= 3, worst.count * 2 >= letters
    else { return nil }
    return (worst.family, worst.language, text)
  }

  /// The family of a letter, or nil for anything that is not a letter.
  static func family(of scalar: Unicode.Scalar) -> Family? {
    guard scalar.properties.isAlphabetic else { return nil }
    switch TextScript.of(scalar) {
    case .arabic: return .arabic
    case .hebrew: return .hebrew
    case .han: return .han
    case .kana: return .kana
    case .hangul: return .hangul
    case .neutral, .leftToRight: break
    }
    switch scalar.value {
    case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF, 0x2C60...0x2C7F,
      0xA720...0xA7FF:
      return .latin
    case 0x370...0x3FF, 0x1F00...0x1FFF: return .greek
    case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return .cyrillic
    case 0x1400...0x167F, 0x18B0...0x18FF: return .syllabics
    default: return .other
    }
  }

  /// The scripts a language is written in, for the languages the check knows; nil otherwise.
  static func families(ofLanguage tag: String) -> Set<Family>? {
    let language = ScriptLanguages.primary(tag)
    switch language {
    case "ar", "fa", "ur", "ps", "sd", "ug", "ckb": return [.arabic]
    case "he", "yi": return [.hebrew]
    case "zh": return [.han]
    case "ja": return [.han, .kana]
    case "ko": return [.hangul, .han]
    case "ru", "uk", "be", "bg", "mk", "kk", "ky", "mn", "tg": return [.cyrillic]
    case "sr": return [.cyrillic, .latin]
    case "el": return [.greek]
    case "iu", "cr": return [.syllabics, .latin]
    default:
      return latinLanguages.contains(language) ? [.latin] : nil
    }
  }

  /// Languages written in the Latin alphabet (ISO 639-1 and, where there is none, 639-3).
  private static let latinLanguages: Set<String> = [
    "af", "az", "br", "bs", "ca", "co", "cs", "cy", "da", "de", "en", "eo", "es", "et", "eu",
    "fi", "fil", "fo", "fr", "fy", "ga", "gd", "gl", "gv", "ha", "haw", "hr", "ht", "hu", "id",
    "ig", "is", "it", "kl", "ku", "la", "lb", "lt", "lv", "mg", "mi", "moh", "ms", "mt", "nb",
    "nl", "nn", "no", "oc", "pl", "pt", "rm", "ro", "sk", "sl", "sm", "so", "sq", "sv", "sw",
    "tl", "to", "tr", "uz", "vi", "wa", "xh", "yo", "zu",
  ]
}
