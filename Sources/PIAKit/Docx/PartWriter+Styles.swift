import Foundation

extension PartWriter {
  /// `word/styles.xml`: document defaults (font, size, language, spacing) and the named styles.
  ///
  /// Spacing lives in the styles, never in empty paragraphs. Style names of built-in styles use
  /// Word's own spelling ("heading 1", "List Paragraph") so Word and python-docx recognize them.
  func styles() throws -> Data {
    let xml = try XMLWriter(part: "word/styles.xml")
    try xml.start("w:styles")
    try xml.attribute("xmlns:w", Namespace.wordprocessingML)

    try xml.start("w:docDefaults")
    try xml.start("w:rPrDefault")
    try xml.start("w:rPr")
    // Latin text in Calibri; East Asian and right-to-left text in the theme's font for its
    // script (PartWriter+Theme), chosen by the languages in the settings.
    try xml.empty(
      "w:rFonts",
      [
        "w:ascii": "Calibri", "w:eastAsiaTheme": "minorEastAsia", "w:hAnsi": "Calibri",
        "w:cstheme": "minorBidi",
      ])
    try xml.empty("w:sz", ["w:val": "22"])
    try xml.empty("w:szCs", ["w:val": "22"])
    let languages = ScriptLanguages(document: options.language)
    try xml.empty(
      "w:lang",
      [
        "w:val": options.language,
        "w:eastAsia": languages.eastAsian(hasKana: false, hasHangul: false),
        "w:bidi": languages.rightToLeft(.arabic),
      ])
    try xml.end()
    try xml.end()
    try xml.start("w:pPrDefault")
    try xml.start("w:pPr")
    try xml.empty("w:spacing", ["w:after": "160", "w:line": "264", "w:lineRule": "auto"])
    try xml.end()
    try xml.end()
    try xml.end()

    let writer = StyleWriter(xml: xml)
    try writer.style(.paragraph, "Normal", name: "Normal", isDefault: true)
    try writer.style(
      .character, "DefaultParagraphFont", name: "Default Paragraph Font", isDefault: true)
    try writer.style(
      .paragraph, "Title", name: "Title", paragraph: [.spacing(before: 0, after: 240)],
      run: [.size(56), .color("1F3864")])
    let headingSizes = [32, 28, 26, 24, 22, 22]
    for level in 1...6 {
      try writer.style(
        .paragraph, "Heading\(level)", name: "heading \(level)",
        paragraph: [
          .keepNext, .keepLines, .spacing(before: level == 1 ? 360 : 240, after: 120),
          .outlineLevel(level - 1),
        ],
        run: [.bold, .color("1F3864"), .size(headingSizes[level - 1])]
          + (level >= 5 ? [.italic] : []))
    }
    try writer.style(
      .paragraph, "Quote", name: "Quote", paragraph: [.indent(left: 720, right: 720)],
      run: [.italic, .color("404040")])
    try writer.style(
      .paragraph, "Code", name: "Code",
      paragraph: [.shading("F2F2F2"), .spacing(before: 0, after: 160)],
      run: [.monospace, .size(20)])
    try writer.style(
      .character, "CodeChar", name: "Code Char", basedOn: "DefaultParagraphFont",
      run: [.monospace, .size(20)])
    try writer.style(
      .paragraph, "ListParagraph", name: "List Paragraph",
      paragraph: [.spacing(before: 0, after: 80), .indent(left: 720, right: nil)])
    try writer.style(
      .character, "KeyboardChar", name: "Keyboard", basedOn: "DefaultParagraphFont",
      run: [.monospace, .size(20), .shading("EDEDED")])
    try writer.style(
      .character, "Hyperlink", name: "Hyperlink", basedOn: "DefaultParagraphFont",
      run: [.color("0563C1"), .underline])
    try writer.style(
      .paragraph, "FootnoteText", name: "footnote text",
      paragraph: [.spacing(before: 0, after: 60)], run: [.size(20)])
    try writer.style(
      .character, "FootnoteReference", name: "footnote reference",
      basedOn: "DefaultParagraphFont", run: [.superscript])
    try writer.style(
      .paragraph, "Header", name: "header", paragraph: [.rightTab, .spacing(before: 0, after: 0)],
      run: [.size(18)])
    try writer.style(
      .paragraph, "Footer", name: "footer", paragraph: [.rightTab, .spacing(before: 0, after: 0)],
      run: [.size(18)])
    try writer.style(
      .paragraph, "TOCHeading", name: "TOC Heading",
      paragraph: [.keepNext, .spacing(before: 240, after: 120)],
      run: [.bold, .color("1F3864"), .size(28)])
    for level in 1...3 {
      try writer.style(
        .paragraph, "TOC\(level)", name: "toc \(level)",
        paragraph: [.spacing(before: 0, after: 60), .indent(left: 240 * (level - 1), right: nil)])
    }
    try writer.style(
      .paragraph, "SignatureRole", name: "Signature Role",
      paragraph: [.keepNext, .spacing(before: 360, after: 60)], run: [.bold])
    try writer.style(
      .paragraph, "SignatureLine", name: "Signature Line",
      paragraph: [.spacing(before: 0, after: 60)])
    try writer.tableGrid()
    try xml.end()
    return try xml.finish()
  }
}

/// Writes `w:style` elements with their children in schema order.
private struct StyleWriter {
  enum Kind: String {
    case paragraph, character, table
  }

  enum ParagraphProperty {
    case keepNext, keepLines, rightTab
    case shading(String)
    case spacing(before: Int, after: Int)
    case indent(left: Int, right: Int?)
    case outlineLevel(Int)

    /// Position in the `w:pPr` sequence.
    var order: Int {
      switch self {
      case .keepNext: return 0
      case .keepLines: return 1
      case .shading: return 2
      case .rightTab: return 3
      case .spacing: return 4
      case .indent: return 5
      case .outlineLevel: return 6
      }
    }
  }

  enum RunProperty {
    case bold, italic, underline, monospace, superscript
    case size(Int)
    case color(String)
    case shading(String)
  }

  let xml: XMLWriter

  func style(
    _ kind: Kind, _ id: String, name: String, isDefault: Bool = false, basedOn: String? = nil,
    paragraph: [ParagraphProperty] = [], run: [RunProperty] = []
  ) throws {
    try xml.start("w:style")
    try xml.attribute("w:type", kind.rawValue)
    if isDefault { try xml.attribute("w:default", "1") }
    try xml.attribute("w:styleId", id)
    try xml.empty("w:name", ["w:val": name])
    if let basedOn {
      try xml.empty("w:basedOn", ["w:val": basedOn])
    } else if kind == .paragraph && id != "Normal" {
      try xml.empty("w:basedOn", ["w:val": "Normal"])
    }
    if kind == .paragraph && id.hasPrefix("Heading") {
      try xml.empty("w:next", ["w:val": "Normal"])
    }
    if isDefault && kind == .character {
      try xml.empty("w:uiPriority", ["w:val": "1"])
      try xml.empty("w:semiHidden")
      try xml.empty("w:unhideWhenUsed")
    } else {
      try xml.empty("w:qFormat")
    }
    if !paragraph.isEmpty {
      try xml.start("w:pPr")
      for property in paragraph.sorted(by: { $0.order < $1.order }) {
        try write(property)
      }
      try xml.end()
    }
    if !run.isEmpty {
      try xml.start("w:rPr")
      for property in run {
        try write(property)
      }
      try xml.end()
    }
    try xml.end()
  }

  private func write(_ property: ParagraphProperty) throws {
    switch property {
    case .keepNext: try xml.empty("w:keepNext")
    case .keepLines: try xml.empty("w:keepLines")
    case .shading(let fill):
      try xml.empty("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": fill])
    case .rightTab:
      try xml.start("w:tabs")
      try xml.empty("w:tab", ["w:val": "right", "w:pos": String(BodyWriter.textWidth)])
      try xml.end()
    case .spacing(let before, let after):
      try xml.empty("w:spacing", ["w:before": String(before), "w:after": String(after)])
    case .indent(let left, let right):
      if let right {
        try xml.empty("w:ind", ["w:left": String(left), "w:right": String(right)])
      } else {
        try xml.empty("w:ind", ["w:left": String(left)])
      }
    case .outlineLevel(let level):
      try xml.empty("w:outlineLvl", ["w:val": String(level)])
    }
  }

  private func write(_ property: RunProperty) throws {
    switch property {
    case .bold:
      try xml.empty("w:b")
      try xml.empty("w:bCs")
    case .italic:
      try xml.empty("w:i")
      try xml.empty("w:iCs")
    case .underline: try xml.empty("w:u", ["w:val": "single"])
    case .monospace:
      try xml.empty(
        "w:rFonts",
        [
          "w:ascii": "Consolas", "w:hAnsi": "Consolas", "w:eastAsia": "Consolas",
          "w:cs": "Consolas",
        ])
    case .size(let halfPoints):
      try xml.empty("w:sz", ["w:val": String(halfPoints)])
      try xml.empty("w:szCs", ["w:val": String(halfPoints)])
    case .color(let color): try xml.empty("w:color", ["w:val": color])
    case .shading(let fill):
      try xml.empty("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": fill])
    case .superscript: try xml.empty("w:vertAlign", ["w:val": "superscript"])
    }
  }

  /// The "Table Grid" table style: single borders, no spacing after cell paragraphs.
  func tableGrid() throws {
    try xml.start("w:style")
    try xml.attribute("w:type", "table")
    try xml.attribute("w:styleId", "TableGrid")
    try xml.empty("w:name", ["w:val": "Table Grid"])
    try xml.empty("w:uiPriority", ["w:val": "39"])
    try xml.start("w:pPr")
    try xml.empty("w:spacing", ["w:before": "0", "w:after": "0"])
    try xml.end()
    try xml.start("w:tblPr")
    try xml.start("w:tblBorders")
    for side: StaticString in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
      try xml.empty(side, ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "auto"])
    }
    try xml.end()
    try xml.start("w:tblCellMar")
    try xml.empty("w:left", ["w:w": "108", "w:type": "dxa"])
    try xml.empty("w:right", ["w:w": "108", "w:type": "dxa"])
    try xml.end()
    try xml.end()
    try xml.end()
  }
}
