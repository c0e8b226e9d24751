import Foundation

extension PartWriter {
  /// The abstract numberings, by `w:abstractNumId`: the marker of each of the nine levels and
  /// a fixed `w:nsid`.
  private enum AbstractList: Int, CaseIterable {
    case bullets, decimalPeriod, decimalParenthesis, unchecked, checked

    var nsid: String {
      ["5049410B", "5049414E", "50494150", "50494151", "50494152"][rawValue]
    }

    /// `w:numFmt` and `w:lvlText` of `level`.
    func marker(level: Int) -> (format: String, text: String) {
      switch self {
      case .bullets: return ("bullet", ["\u{2022}", "\u{25E6}", "\u{25AA}"][level % 3])
      // Decimal at every level, as Markdown renders nested numbered lists.
      case .decimalPeriod: return ("decimal", "%\(level + 1).")
      case .decimalParenthesis: return ("decimal", "%\(level + 1))")
      case .unchecked: return ("bullet", "\u{2610}")
      case .checked: return ("bullet", "\u{2612}")
      }
    }
  }

  /// `word/numbering.xml`: bullets (numbering id 1), task-list checkboxes (2 unchecked, 3
  /// checked, when `checkboxes`), then one instance per numbered list from id 4, each
  /// restarting at its start. Only the abstract numberings in use are written.
  func numbering(orderedLists: [BodyWriter.OrderedList], checkboxes: Bool = false) throws -> Data {
    let xml = try XMLWriter(part: "word/numbering.xml")
    try xml.start("w:numbering")
    try xml.attribute("xmlns:w", Namespace.wordprocessingML)
    var used: Set<AbstractList> = [.bullets, .decimalPeriod]
    if checkboxes { used.formUnion([.unchecked, .checked]) }
    if orderedLists.contains(where: { $0.delimiter == .parenthesis }) {
      used.insert(.decimalParenthesis)
    }
    for abstract in AbstractList.allCases where used.contains(abstract) {
      try xml.start("w:abstractNum")
      try xml.attribute("w:abstractNumId", String(abstract.rawValue))
      try xml.empty("w:nsid", ["w:val": abstract.nsid])
      try xml.empty("w:multiLevelType", ["w:val": "hybridMultilevel"])
      for level in 0..<9 {
        let marker = abstract.marker(level: level)
        try xml.start("w:lvl")
        try xml.attribute("w:ilvl", String(level))
        try xml.empty("w:start", ["w:val": "1"])
        try xml.empty("w:numFmt", ["w:val": marker.format])
        try xml.empty("w:lvlText", ["w:val": marker.text])
        try xml.empty("w:lvlJc", ["w:val": "left"])
        try xml.start("w:pPr")
        try xml.empty("w:ind", ["w:left": String(720 * (level + 1)), "w:hanging": "360"])
        try xml.end()
        if abstract == .unchecked || abstract == .checked {
          try xml.start("w:rPr")
          try xml.empty(
            "w:rFonts", ["w:ascii": "Segoe UI Symbol", "w:hAnsi": "Segoe UI Symbol"])
          try xml.end()
        }
        try xml.end()
      }
      try xml.end()
    }
    let fixed: [(Int, AbstractList)] = [
      (BodyWriter.bulletNumberingID, .bullets), (BodyWriter.uncheckedNumberingID, .unchecked),
      (BodyWriter.checkedNumberingID, .checked),
    ]
    for (id, abstract) in fixed where used.contains(abstract) {
      try xml.start("w:num")
      try xml.attribute("w:numId", String(id))
      try xml.empty("w:abstractNumId", ["w:val": String(abstract.rawValue)])
      try xml.end()
    }
    for (index, list) in orderedLists.enumerated() {
      let abstract: AbstractList =
        list.delimiter == .parenthesis ? .decimalParenthesis : .decimalPeriod
      try xml.start("w:num")
      try xml.attribute("w:numId", String(BodyWriter.firstOrderedNumberingID + index))
      try xml.empty("w:abstractNumId", ["w:val": String(abstract.rawValue)])
      try xml.start("w:lvlOverride")
      try xml.attribute("w:ilvl", String(list.level))
      try xml.empty("w:startOverride", ["w:val": String(list.start)])
      try xml.end()
      try xml.end()
    }
    try xml.end()
    return try xml.finish()
  }
}
