import Foundation

/// Writes the package parts other than `word/document.xml`.
struct PartWriter {
  let options: DocxWriter.Options

  private static let mainContentType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
  private static let wordprocessingType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml."
  private static let relationshipType =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

  func contentTypes(hasFootnotes: Bool = false, imageFormats: [ImageFormat] = []) throws -> Data {
    let xml = try XMLWriter(part: "[Content_Types].xml")
    try xml.start("Types")
    try xml.attribute("xmlns", Namespace.contentTypes)
    try xml.empty(
      "Default",
      [
        "Extension": "rels",
        "ContentType": "application/vnd.openxmlformats-package.relationships+xml",
      ])
    try xml.empty("Default", ["Extension": "xml", "ContentType": "application/xml"])
    for format in ImageFormat.allCases where imageFormats.contains(format) {
      try xml.empty(
        "Default", ["Extension": format.fileExtension, "ContentType": format.contentType])
    }
    var overrides: [(String, String)] = [
      ("/word/document.xml", Self.mainContentType),
      ("/word/styles.xml", Self.wordprocessingType + "styles+xml"),
      ("/word/numbering.xml", Self.wordprocessingType + "numbering+xml"),
      ("/word/settings.xml", Self.wordprocessingType + "settings+xml"),
      ("/word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
    ]
    if options.hasHeader {
      overrides.append(("/word/header1.xml", Self.wordprocessingType + "header+xml"))
    }
    overrides.append(("/word/footer1.xml", Self.wordprocessingType + "footer+xml"))
    if hasFootnotes {
      overrides.append(("/word/footnotes.xml", Self.wordprocessingType + "footnotes+xml"))
    }
    overrides += [
      ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
      (
        "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"
      ),
    ]
    for (part, type) in overrides {
      try xml.empty("Override", ["PartName": part, "ContentType": type])
    }
    try xml.end()
    return try xml.finish()
  }

  func packageRelationships() throws -> Data {
    try relationships(
      part: "_rels/.rels",
      [
        ("rId1", Self.relationshipType + "officeDocument", "word/document.xml", false),
        (
          "rId2",
          "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
          "docProps/core.xml", false
        ),
        ("rId3", Self.relationshipType + "extended-properties", "docProps/app.xml", false),
      ])
  }

  func documentRelationships(
    hyperlinks: [(id: String, target: String)], images: [ImageCatalog.Media] = [],
    hasFootnotes: Bool = false
  ) throws -> Data {
    var entries: [(String, String, String, Bool)] = [
      ("rIdStyles", Self.relationshipType + "styles", "styles.xml", false),
      ("rIdNumbering", Self.relationshipType + "numbering", "numbering.xml", false),
      ("rIdSettings", Self.relationshipType + "settings", "settings.xml", false),
      ("rIdTheme", Self.relationshipType + "theme", "theme/theme1.xml", false),
    ]
    if options.hasHeader {
      entries.append(("rIdHeader1", Self.relationshipType + "header", "header1.xml", false))
    }
    entries.append(("rIdFooter1", Self.relationshipType + "footer", "footer1.xml", false))
    if hasFootnotes {
      entries.append(("rIdFootnotes", Self.relationshipType + "footnotes", "footnotes.xml", false))
    }
    for (id, target) in hyperlinks {
      entries.append((id, Self.relationshipType + "hyperlink", target, true))
    }
    entries += imageRelationships(images)
    return try relationships(part: "word/_rels/document.xml.rels", entries)
  }

  /// `word/_rels/footnotes.xml.rels`: the notes' links and every picture.
  func footnotesRelationships(
    hyperlinks: [(id: String, target: String)], images: [ImageCatalog.Media]
  ) throws -> Data {
    var entries = hyperlinks.map { ($0.id, Self.relationshipType + "hyperlink", $0.target, true) }
    entries += imageRelationships(images)
    return try relationships(part: "word/_rels/footnotes.xml.rels", entries)
  }

  private func imageRelationships(_ images: [ImageCatalog.Media]) -> [(
    String, String, String, Bool
  )] {
    images.map {
      ($0.relationshipID, Self.relationshipType + "image", String($0.part.dropFirst(5)), false)
    }
  }

  private func relationships(part: String, _ entries: [(String, String, String, Bool)]) throws
    -> Data
  {
    let xml = try XMLWriter(part: part)
    try xml.start("Relationships")
    try xml.attribute("xmlns", Namespace.packageRelationships)
    for (id, type, target, external) in entries {
      try xml.start("Relationship")
      try xml.attribute("Id", id)
      try xml.attribute("Type", type)
      try xml.attribute("Target", target)
      if external { try xml.attribute("TargetMode", "External") }
      try xml.end()
    }
    try xml.end()
    return try xml.finish()
  }

  func coreProperties() throws -> Data {
    let xml = try XMLWriter(part: "docProps/core.xml")
    try xml.start("cp:coreProperties")
    try xml.attribute(
      "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
    try xml.attribute("xmlns:dc", "http://purl.org/dc/elements/1.1/")
    try xml.attribute("xmlns:dcterms", "http://purl.org/dc/terms/")
    try xml.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
    if !options.title.isEmpty { try xml.element("dc:title", text: options.title) }
    if !options.subject.isEmpty { try xml.element("dc:subject", text: options.subject) }
    if !options.creator.isEmpty { try xml.element("dc:creator", text: options.creator) }
    if let description = options.description, !description.isEmpty {
      try xml.element("dc:description", text: description)
    }
    try xml.element("dc:language", text: options.language)
    if !options.status.isEmpty { try xml.element("cp:contentStatus", text: options.status) }
    try xml.element(
      "dcterms:created", ["xsi:type": "dcterms:W3CDTF"], text: Self.w3cdtf(options.created))
    try xml.element(
      "dcterms:modified", ["xsi:type": "dcterms:W3CDTF"], text: Self.w3cdtf(options.modified))
    try xml.end()
    return try xml.finish()
  }

  /// `2026-03-01T12:00:00Z`, always in UTC.
  static func w3cdtf(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    func two(_ value: Int?) -> String {
      let value = value ?? 0
      return value < 10 ? "0\(value)" : "\(value)"
    }
    let year = String(parts.year ?? 1980)
    return "\(year)-\(two(parts.month))-\(two(parts.day))T\(two(parts.hour)):\(two(parts.minute)):"
      + "\(two(parts.second))Z"
  }

  func appProperties() throws -> Data {
    let xml = try XMLWriter(part: "docProps/app.xml")
    try xml.start("Properties")
    try xml.attribute(
      "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")
    try xml.element("Application", text: "pia")
    try xml.element("DocSecurity", text: "0")
    try xml.end()
    return try xml.finish()
  }

  /// `word/settings.xml`. The theme font languages pick the theme's font for each script
  /// (Word reads the East Asian and complex-script fonts for these languages): the first
  /// East Asian and right-to-left languages the body used, else those of the document language.
  func settings(
    hasFootnotes: Bool = false, eastAsianLanguage: String? = nil,
    rightToLeftLanguage: String? = nil
  ) throws -> Data {
    let languages = ScriptLanguages(document: options.language)
    let xml = try XMLWriter(part: "word/settings.xml")
    try xml.start("w:settings")
    try xml.attribute("xmlns:w", Namespace.wordprocessingML)
    try xml.empty("w:zoom", ["w:percent": "100"])
    try xml.empty("w:defaultTabStop", ["w:val": "720"])
    try xml.empty("w:characterSpacingControl", ["w:val": "doNotCompress"])
    if hasFootnotes {
      try xml.start("w:footnotePr")
      try xml.empty("w:footnote", ["w:id": "-1"])
      try xml.empty("w:footnote", ["w:id": "0"])
      try xml.end()
    }
    try xml.empty(
      "w:themeFontLang",
      [
        "w:val": options.language,
        "w:eastAsia": eastAsianLanguage
          ?? languages.eastAsian(hasKana: false, hasHangul: false),
        "w:bidi": rightToLeftLanguage ?? languages.rightToLeft(.arabic),
      ])
    try xml.end()
    return try xml.finish()
  }

  func header() throws -> Data {
    let xml = try XMLWriter(part: "word/header1.xml")
    try xml.start("w:hdr")
    try xml.attribute("xmlns:w", Namespace.wordprocessingML)
    try xml.attribute("xmlns:r", Namespace.relationships)
    try xml.start("w:p")
    try xml.start("w:pPr")
    try xml.empty("w:pStyle", ["w:val": "Header"])
    try xml.end()
    let left = options.headerText.isEmpty ? options.title : options.headerText
    try run(xml, left)
    if !options.status.isEmpty {
      try xml.start("w:r")
      try xml.empty("w:tab")
      try xml.end()
      try run(xml, options.status, bold: true)
    }
    try xml.end()
    try xml.end()
    return try xml.finish()
  }

  func footer() throws -> Data {
    let xml = try XMLWriter(part: "word/footer1.xml")
    try xml.start("w:ftr")
    try xml.attribute("xmlns:w", Namespace.wordprocessingML)
    try xml.attribute("xmlns:r", Namespace.relationships)
    try xml.start("w:p")
    try xml.start("w:pPr")
    try xml.empty("w:pStyle", ["w:val": "Footer"])
    try xml.end()
    try run(xml, "Page ")
    try field(xml, " PAGE ", placeholder: "1")
    try run(xml, " of ")
    try field(xml, " NUMPAGES ", placeholder: "1")
    if !options.footerText.isEmpty {
      try xml.start("w:r")
      try xml.empty("w:tab")
      try xml.end()
      try run(xml, options.footerText)
    }
    try xml.end()
    try xml.end()
    return try xml.finish()
  }

  private func run(_ xml: XMLWriter, _ text: String, bold: Bool = false) throws {
    guard !text.isEmpty else { return }
    try xml.start("w:r")
    if bold {
      try xml.start("w:rPr")
      try xml.empty("w:b")
      try xml.end()
    }
    try xml.element("w:t", ["xml:space": "preserve"], text: text)
    try xml.end()
  }

  private func field(_ xml: XMLWriter, _ instruction: String, placeholder: String) throws {
    try xml.start("w:fldSimple")
    try xml.attribute("w:instr", instruction)
    try run(xml, placeholder)
    try xml.end()
  }
}
