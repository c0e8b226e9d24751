import Foundation

/// Writes `word/document.xml`: the body blocks, then the section properties.
///
/// Collects what other parts need while it writes: hyperlink targets (for the relationships)
/// and one numbering instance per ordered list (so each list restarts at its own start).
struct BodyWriter {
  /// A numbered list's numbering instance: the level it starts at and its first number.
  struct OrderedList: Equatable {
    var level: Int
    var start: Int
  }

  /// External hyperlink targets in order of first use, each with its relationship id
  /// (`rIdLink1`, `rIdLink2`, …; the second half of a split body uses `rIdLinkB1`, …).
  private(set) var hyperlinks: [(id: String, target: String)] = []
  /// Numbered lists in document order; list `i` has numbering id `i + 2` (1 is the bullets).
  private(set) var orderedLists: [OrderedList] = []

  /// Which blocks of the document one writer writes, and how its piece of `document.xml`
  /// joins the others (see ``BodyPart``).
  struct Piece {
    var blocks: Range<Int>
    /// Writes the XML declaration and opens `w:document` and `w:body`.
    var opensDocument = true
    /// Writes the section properties and closes `w:body` and `w:document`.
    var closesDocument = true
    /// Table-of-contents bookmarks and ordered lists written by the pieces before this one.
    var bookmarkOffset = 0
    var orderedListOffset = 0
    var linkIDPrefix = "rIdLink"
  }

  private let xml: XMLWriter
  private let piece: Piece
  private var hyperlinkIndex: [String: Int] = [:]
  private let tocEntries: [Document.Heading]
  private let hasTableOfContents: Bool
  private var bookmarkCount: Int
  private var pending = PendingRun()

  static let bulletNumberingID = 1
  static let textWidth = 9360  // 8.5 in minus two 1-inch margins, in twentieths of a point

  /// A writer for `piece` of a document whose table of contents (if it has one) lists
  /// `tocEntries`; the XML goes into `deflater` as it is written.
  init(
    piece: Piece, hasTableOfContents: Bool, tocEntries: [Document.Heading],
    streamingTo deflater: Deflater
  ) throws {
    xml = try XMLWriter(
      part: "word/document.xml", streamingTo: deflater, startsDocument: piece.opensDocument)
    self.piece = piece
    self.hasTableOfContents = hasTableOfContents
    self.tocEntries = tocEntries
    bookmarkCount = piece.bookmarkOffset
  }

  /// Writes the piece of `document` into the deflater.
  mutating func write(_ document: Document) throws {
    if piece.opensDocument {
      try xml.start("w:document")
      try xml.attribute("xmlns:w", Namespace.wordprocessingML)
      try xml.attribute("xmlns:r", Namespace.relationships)
      try xml.start("w:body")
    }
    try writeBlocks(Array(document.blocks[piece.blocks]), context: Context())
    guard piece.closesDocument else {
      try xml.finishLeavingElementsOpen()
      return
    }
    try writeSectionProperties()
    if piece.opensDocument {
      try xml.end()
      try xml.end()
    } else {
      try xml.raw("</w:body></w:document>")
    }
    _ = try xml.finish()
  }

  // MARK: - Blocks

  /// Where a block sits: how deep in block quotes and lists.
  struct Context {
    var quoteDepth = 0
    /// The list level of the enclosing list item, or nil outside lists.
    var listLevel: Int?

    /// Left indent for a paragraph that is not a numbered item, or nil for the style's own.
    var indent: Int? {
      if quoteDepth == 0 && listLevel == nil { return nil }
      return 720 * quoteDepth + 720 * ((listLevel ?? -1) + 1)
    }
  }

  private mutating func writeBlocks(_ blocks: [Block], context: Context) throws {
    var index = blocks.startIndex
    while index < blocks.endIndex {
      if case .directive(let directive) = blocks[index], directive.appliesToNextTable,
        index + 1 < blocks.endIndex, case .table(let table) = blocks[index + 1]
      {
        if directive == .signatureBlock {
          try writeSignatureBlocks(table)
        } else {
          try writeTable(table, heatMap: true)
        }
        index += 2
        continue
      }
      try writeBlock(blocks[index], context: context)
      index += 1
    }
  }

  private mutating func writeBlock(_ block: Block, context: Context) throws {
    switch block {
    case .heading(let level, let inlines):
      let level = min(max(level, 1), 6)
      var bookmark: String?
      if hasTableOfContents && level <= 3 {
        bookmarkCount += 1
        bookmark = "_Toc\(bookmarkCount)"
      }
      try paragraph(ParagraphProperties(style: "Heading\(level)"), bookmark: bookmark) {
        try $0.writeInlines(inlines, format: RunFormat())
      }
    case .paragraph(let inlines):
      let style =
        context.quoteDepth > 0 ? "Quote" : context.listLevel == nil ? nil : "ListParagraph"
      try paragraph(ParagraphProperties(style: style, indentLeft: context.indent)) {
        try $0.writeInlines(inlines, format: RunFormat())
      }
    case .list(let list):
      try writeList(list, context: context)
    case .blockQuote(let blocks):
      var inner = context
      inner.quoteDepth += 1
      try writeBlocks(blocks, context: inner)
    case .codeBlock(_, let text):
      let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
      try paragraph(ParagraphProperties(style: "Code", indentLeft: context.indent)) {
        try $0.appendText(trimmed, format: RunFormat())
      }
    case .thematicBreak:
      try paragraph(ParagraphProperties(bottomBorder: true)) { _ in }
    case .table(let table):
      try writeTable(table, heatMap: false)
    case .directive(.pageBreak):
      try xml.start("w:p")
      try xml.start("w:r")
      try xml.empty("w:br", ["w:type": "page"])
      try xml.end()
      try xml.end()
    case .directive(.tableOfContents):
      try writeTableOfContents()
    case .directive(.signatureBlock), .directive(.heatMap):
      // Only meaningful before a table; the parser rejects any other placement.
      break
    case .html(let html):
      let trimmed = html.hasSuffix("\n") ? String(html.dropLast()) : html
      try paragraph(ParagraphProperties(indentLeft: context.indent)) {
        try $0.appendText(trimmed, format: RunFormat())
      }
    }
  }

  private mutating func writeList(_ list: List, context: Context) throws {
    let level = min((context.listLevel ?? -1) + 1, 8)
    let numberingID: Int
    if list.ordered {
      orderedLists.append(OrderedList(level: level, start: list.start))
      numberingID = piece.orderedListOffset + orderedLists.count + 1
    } else {
      numberingID = Self.bulletNumberingID
    }
    var inner = context
    inner.listLevel = level
    for item in list.items {
      var properties = ParagraphProperties(
        style: "ListParagraph", numbering: (numberingID, level))
      if context.quoteDepth > 0 {
        properties.indentLeft = 720 * context.quoteDepth + 720 * (level + 1)
        properties.hanging = 360
      }
      var rest = item[...]
      if case .paragraph(let inlines)? = item.first {
        rest = item.dropFirst()
        try paragraph(properties) { try $0.writeInlines(inlines, format: RunFormat()) }
      } else {
        try paragraph(properties) { _ in }
      }
      try writeBlocks(Array(rest), context: inner)
    }
  }

  // MARK: - Paragraphs

  /// Paragraph properties, written in the order the schema requires.
  struct ParagraphProperties {
    var style: String?
    var keepNext = false
    var numbering: (id: Int, level: Int)?
    var bottomBorder = false
    var indentLeft: Int?
    var hanging: Int?
    var alignment: Alignment = .none

    init(
      style: String? = nil, numbering: (id: Int, level: Int)? = nil, bottomBorder: Bool = false,
      indentLeft: Int? = nil
    ) {
      self.style = style
      self.numbering = numbering
      self.bottomBorder = bottomBorder
      self.indentLeft = indentLeft
    }
  }

  private mutating func paragraph(
    _ properties: ParagraphProperties, bookmark: String? = nil,
    content: (inout BodyWriter) throws -> Void
  ) throws {
    try xml.start("w:p")
    try writeParagraphProperties(properties)
    if let bookmark {
      try xml.empty("w:bookmarkStart", ["w:id": String(bookmarkCount), "w:name": bookmark])
    }
    try content(&self)
    try flush()
    if bookmark != nil {
      try xml.empty("w:bookmarkEnd", ["w:id": String(bookmarkCount)])
    }
    try xml.end()
  }

  private func writeParagraphProperties(_ properties: ParagraphProperties) throws {
    let hasAny =
      properties.style != nil || properties.keepNext || properties.numbering != nil
      || properties.bottomBorder || properties.indentLeft != nil || properties.alignment != .none
    guard hasAny else { return }
    try xml.start("w:pPr")
    if let style = properties.style { try xml.empty("w:pStyle", ["w:val": style]) }
    if properties.keepNext { try xml.empty("w:keepNext") }
    if let numbering = properties.numbering {
      try xml.start("w:numPr")
      try xml.empty("w:ilvl", ["w:val": String(numbering.level)])
      try xml.empty("w:numId", ["w:val": String(numbering.id)])
      try xml.end()
    }
    if properties.bottomBorder {
      try xml.start("w:pBdr")
      try xml.empty(
        "w:bottom", ["w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "auto"])
      try xml.end()
    }
    if let left = properties.indentLeft {
      if let hanging = properties.hanging {
        try xml.empty("w:ind", ["w:left": String(left), "w:hanging": String(hanging)])
      } else {
        try xml.empty("w:ind", ["w:left": String(left)])
      }
    }
    switch properties.alignment {
    case .none: break
    case .left: try xml.empty("w:jc", ["w:val": "left"])
    case .center: try xml.empty("w:jc", ["w:val": "center"])
    case .right: try xml.empty("w:jc", ["w:val": "right"])
    }
    try xml.end()
  }

  // MARK: - Runs

  /// Character formatting of a run.
  struct RunFormat: Equatable {
    var bold = false
    var italic = false
    var strike = false
    var code = false
    var hyperlink = false
  }

  /// Content of a run not yet written: consecutive pieces with the same formatting.
  private struct PendingRun {
    enum Piece {
      case text(String)
      case tab
      case lineBreak
    }
    var format = RunFormat()
    var pieces: [Piece] = []
  }

  private mutating func writeInlines(_ inlines: [Inline], format: RunFormat) throws {
    for inline in inlines {
      switch inline {
      case .text(let text):
        try appendText(text, format: format)
      case .emphasis(let children):
        var inner = format
        inner.italic = true
        try writeInlines(children, format: inner)
      case .strong(let children):
        var inner = format
        inner.bold = true
        try writeInlines(children, format: inner)
      case .strikethrough(let children):
        var inner = format
        inner.strike = true
        try writeInlines(children, format: inner)
      case .code(let text):
        var inner = format
        inner.code = true
        try appendText(text, format: inner)
      case .softBreak:
        try appendText(" ", format: format)
      case .lineBreak:
        try append(.lineBreak, format: format)
      case .html(let html):
        if Self.isLineBreakTag(html) {
          try append(.lineBreak, format: format)
        } else {
          try appendText(html, format: format)
        }
      case .link(let destination, _, let children):
        if format.hyperlink || destination.isEmpty {
          // Word cannot nest hyperlinks (an image inside a link); keep the text.
          try writeInlines(children, format: format)
        } else {
          try flush()
          try xml.start("w:hyperlink")
          try xml.attribute("r:id", relationshipID(for: destination))
          try xml.attribute("w:history", "1")
          var inner = format
          inner.hyperlink = true
          try writeInlines(children, format: inner)
          try flush()
          try xml.end()
        }
      }
    }
  }

  private static func isLineBreakTag(_ html: String) -> Bool {
    let compact = html.lowercased().filter { $0 != " " }
    return compact == "<br>" || compact == "<br/>"
  }

  private mutating func relationshipID(for destination: String) -> String {
    let target = URLTarget.encoded(destination)
    if let index = hyperlinkIndex[target] { return hyperlinks[index].id }
    let id = "\(piece.linkIDPrefix)\(hyperlinks.count + 1)"
    hyperlinks.append((id, target))
    hyperlinkIndex[target] = hyperlinks.count - 1
    return id
  }

  /// Adds text to the pending run, turning tabs into `w:tab` and newlines into `w:br`.
  private mutating func appendText(_ text: String, format: RunFormat) throws {
    if !text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
      if !text.isEmpty { try append(.text(text), format: format) }
      return
    }
    var current = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\t", "\n", "\r":
        if !current.isEmpty {
          try append(.text(current), format: format)
          current = ""
        }
        if scalar == "\t" {
          try append(.tab, format: format)
        } else if scalar == "\n" {
          try append(.lineBreak, format: format)
        }
      default:
        current.unicodeScalars.append(scalar)
      }
    }
    if !current.isEmpty {
      try append(.text(current), format: format)
    }
  }

  private mutating func append(_ piece: PendingRun.Piece, format: RunFormat) throws {
    if format != pending.format {
      try flush()
      pending.format = format
    }
    if case .text(let text) = piece, case .text(let previous)? = pending.pieces.last {
      pending.pieces[pending.pieces.count - 1] = .text(previous + text)
    } else {
      pending.pieces.append(piece)
    }
  }

  /// Writes the pending run, if any.
  private mutating func flush() throws {
    guard !pending.pieces.isEmpty else { return }
    let format = pending.format
    try xml.start("w:r")
    if format != RunFormat() {
      try xml.start("w:rPr")
      if format.hyperlink {
        try xml.empty("w:rStyle", ["w:val": "Hyperlink"])
      } else if format.code {
        try xml.empty("w:rStyle", ["w:val": "CodeChar"])
      }
      if format.hyperlink && format.code {
        try xml.empty(
          "w:rFonts", ["w:ascii": "Consolas", "w:hAnsi": "Consolas", "w:cs": "Consolas"])
      }
      if format.bold {
        try xml.empty("w:b")
        try xml.empty("w:bCs")
      }
      if format.italic {
        try xml.empty("w:i")
        try xml.empty("w:iCs")
      }
      if format.strike { try xml.empty("w:strike") }
      try xml.end()
    }
    for piece in pending.pieces {
      switch piece {
      case .text(let text): try writeText(text)
      case .tab: try xml.empty("w:tab")
      case .lineBreak: try xml.empty("w:br")
      }
    }
    try xml.end()
    pending.pieces.removeAll(keepingCapacity: true)
  }

  private func writeText(_ text: String) throws {
    try xml.start("w:t")
    if Self.needsPreservedSpace(text) {
      try xml.attribute("xml:space", "preserve")
    }
    try xml.text(text)
    try xml.end()
  }

  /// Whether Word would drop spaces of `text` without `xml:space="preserve"`: a space at
  /// either end, or two in a row.
  static func needsPreservedSpace(_ text: String) -> Bool {
    var previousWasSpace = false
    for byte in text.utf8 {
      let isSpace = byte == UInt8(ascii: " ")
      if isSpace && previousWasSpace { return true }
      previousWasSpace = isSpace
    }
    return text.utf8.first == UInt8(ascii: " ") || previousWasSpace
  }

  // MARK: - Tables

  private mutating func writeTable(_ table: Table, heatMap: Bool) throws {
    let columns = table.columnCount
    guard columns > 0 else { return }
    let widths = Self.columnWidths(table)
    try xml.start("w:tbl")
    try xml.start("w:tblPr")
    try xml.empty("w:tblStyle", ["w:val": "TableGrid"])
    try xml.empty("w:tblW", ["w:w": "5000", "w:type": "pct"])
    try xml.start("w:tblBorders")
    for side: StaticString in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
      try xml.empty(side, ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "auto"])
    }
    try xml.end()
    try xml.empty("w:tblLayout", ["w:type": "fixed"])
    try xml.end()
    try xml.start("w:tblGrid")
    for width in widths {
      try xml.empty("w:gridCol", ["w:w": String(width)])
    }
    try xml.end()
    try writeRow(table.header, table: table, widths: widths, header: true, heatMap: heatMap)
    for row in table.rows {
      try writeRow(row, table: table, widths: widths, header: false, heatMap: heatMap)
    }
    try xml.end()
  }

  private mutating func writeRow(
    _ cells: [[Inline]], table: Table, widths: [Int], header: Bool, heatMap: Bool
  ) throws {
    try xml.start("w:tr")
    if header {
      try xml.start("w:trPr")
      try xml.empty("w:cantSplit")
      try xml.empty("w:tblHeader")
      try xml.end()
    }
    for column in widths.indices {
      let cell = column < cells.count ? cells[column] : []
      var fill: String?
      if heatMap {
        fill = header ? "D9D9D9" : RiskLevel.find(in: cell.plainText)?.fill
      }
      try xml.start("w:tc")
      try xml.start("w:tcPr")
      try xml.empty("w:tcW", ["w:w": String(widths[column]), "w:type": "dxa"])
      if let fill {
        try xml.empty("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": fill])
      }
      try xml.end()
      var properties = ParagraphProperties()
      properties.alignment = column < table.alignments.count ? table.alignments[column] : .none
      try paragraph(properties) {
        try $0.writeInlines(cell, format: RunFormat(bold: header))
      }
      try xml.end()
    }
    try xml.end()
  }

  /// Column widths that fill the text width, in proportion to each column's longest text
  /// (clamped so that short columns stay readable and long ones do not take everything).
  static func columnWidths(_ table: Table) -> [Int] {
    let columns = table.columnCount
    var weights = [Int](repeating: 4, count: columns)
    for row in [table.header] + table.rows {
      for (column, cell) in row.enumerated() where column < columns {
        weights[column] = max(weights[column], min(cell.plainText.count, 40))
      }
    }
    let total = weights.reduce(0, +)
    var widths = weights.map { textWidth * $0 / total }
    widths[columns - 1] += textWidth - widths.reduce(0, +)
    return widths
  }

  // MARK: - Directives

  private mutating func writeTableOfContents() throws {
    try paragraph(ParagraphProperties(style: "TOCHeading")) {
      try $0.appendText("Contents", format: RunFormat())
    }
    guard !tocEntries.isEmpty else {
      try xml.start("w:p")
      try writeFieldStart()
      try xml.start("w:r")
      try writeText("No headings yet. Update the field to fill the table of contents.")
      try xml.end()
      try writeFieldEnd()
      try xml.end()
      return
    }
    for (index, entry) in tocEntries.enumerated() {
      try xml.start("w:p")
      try writeParagraphProperties(ParagraphProperties(style: "TOC\(entry.level)"))
      if index == 0 { try writeFieldStart() }
      try xml.start("w:hyperlink")
      try xml.attribute("w:anchor", "_Toc\(index + 1)")
      try xml.attribute("w:history", "1")
      try appendText(entry.text, format: RunFormat())
      try flush()
      try xml.end()
      if index == tocEntries.count - 1 { try writeFieldEnd() }
      try xml.end()
    }
  }

  private func writeFieldStart() throws {
    try xml.start("w:r")
    try xml.empty("w:fldChar", ["w:fldCharType": "begin"])
    try xml.end()
    try xml.start("w:r")
    try xml.element("w:instrText", ["xml:space": "preserve"], text: #" TOC \o "1-3" \h \z \u "#)
    try xml.end()
    try xml.start("w:r")
    try xml.empty("w:fldChar", ["w:fldCharType": "separate"])
    try xml.end()
  }

  private func writeFieldEnd() throws {
    try xml.start("w:r")
    try xml.empty("w:fldChar", ["w:fldCharType": "end"])
    try xml.end()
  }

  /// One sign-off block per data row: the role in bold, then Name, Title, Date and Decision
  /// lines, filled from the row where it has a value.
  private mutating func writeSignatureBlocks(_ table: Table) throws {
    let fields = ["Name", "Title", "Date", "Decision"]
    let headerNames = table.header.map { $0.plainText.trimmingWhiteSpace.lowercased() }
    func column(_ name: String, fallback: Int) -> Int {
      headerNames.firstIndex(of: name.lowercased()) ?? fallback
    }
    let roleColumn = column("Role", fallback: 0)
    for row in table.rows {
      let role = roleColumn < row.count ? row[roleColumn] : []
      var properties = ParagraphProperties(style: "SignatureRole")
      properties.keepNext = true
      try paragraph(properties) {
        if role.plainText.isBlank {
          try $0.appendText("Signatory", format: RunFormat(bold: true))
        } else {
          try $0.writeInlines(role, format: RunFormat(bold: true))
        }
      }
      for (offset, field) in fields.enumerated() {
        let index = column(field, fallback: offset + 1)
        let value = index < row.count ? row[index] : []
        var lineProperties = ParagraphProperties(style: "SignatureLine")
        lineProperties.keepNext = offset < fields.count - 1
        try paragraph(lineProperties) {
          try $0.appendText("\(field): ", format: RunFormat())
          if value.plainText.isBlank {
            try $0.appendText("________________________________", format: RunFormat())
          } else {
            try $0.writeInlines(value, format: RunFormat())
          }
        }
      }
    }
  }

  // MARK: - Section

  private func writeSectionProperties() throws {
    try xml.start("w:sectPr")
    try xml.empty("w:headerReference", ["w:type": "default", "r:id": "rIdHeader1"])
    try xml.empty("w:footerReference", ["w:type": "default", "r:id": "rIdFooter1"])
    try xml.empty("w:pgSz", ["w:w": "12240", "w:h": "15840"])
    try xml.empty(
      "w:pgMar",
      [
        "w:top": "1440", "w:right": "1440", "w:bottom": "1440", "w:left": "1440",
        "w:header": "720", "w:footer": "720", "w:gutter": "0",
      ])
    try xml.empty("w:cols", ["w:space": "720"])
    try xml.empty("w:docGrid", ["w:linePitch": "360"])
    try xml.end()
  }
}

/// Heat-map shading for the shared risk scale.
extension RiskLevel {
  /// Fill colours light enough for black text to keep good contrast.
  var fill: String {
    switch self {
    case .low: return "C6EFCE"
    case .medium: return "FFEB9C"
    case .high: return "F8CBAD"
    case .critical: return "FF9999"
    }
  }

  /// The most severe level named as a whole word in `text`, if any.
  static func find(in text: String) -> RiskLevel? {
    let words = Set(text.lowercased().split { !$0.isLetter }.map(String.init))
    return allCases.reversed().first { words.contains($0.description) }
  }
}

/// Percent-encodes a link destination for a relationship's `Target` (an `xsd:anyURI`).
///
/// Bytes outside the URI character set are encoded, and so are `[` and `]`. A colon before the
/// first `/`, `?` or `#` that does not end a valid scheme (such as `foo):`) is encoded too, so
/// the target reads as a relative reference instead of a URI with an invalid scheme.
enum URLTarget {
  private static let allowed = Set(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'();/?:@&=+$,#%".utf8)
  private static let schemeCharacters = Set(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-.".utf8)

  static func encoded(_ destination: String) -> String {
    let bytes = Array(destination.utf8)
    var encodeColonAt: Int?
    if let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
      !bytes[..<colon].contains(where: {
        $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#")
      })
    {
      let scheme = bytes[..<colon]
      let valid =
        (scheme.first.map { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
          ?? false)
        && scheme.allSatisfy { schemeCharacters.contains($0) }
      if !valid { encodeColonAt = colon }
    }
    var result = ""
    for (index, byte) in bytes.enumerated() {
      if allowed.contains(byte) && index != encodeColonAt
        && (byte != UInt8(ascii: "%") || isEscape(bytes, at: index))
      {
        result.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return result
  }

  /// Whether `bytes[index]` starts a `%XX` escape.
  private static func isEscape(_ bytes: [UInt8], at index: Int) -> Bool {
    guard index + 2 < bytes.count else { return false }
    let hex = Set("0123456789ABCDEFabcdef".utf8)
    return hex.contains(bytes[index + 1]) && hex.contains(bytes[index + 2])
  }
}

extension String {
  fileprivate func leftPadded(to length: Int) -> String {
    count >= length ? self : String(repeating: "0", count: length - count) + self
  }
}

extension Document {
  /// Whether a `pia:toc` directive appears anywhere in the document.
  var containsTableOfContents: Bool {
    var finder = DirectiveFinder(target: .tableOfContents)
    try? accept(&finder)
    return finder.found
  }
}

private struct DirectiveFinder: DocumentVisitor {
  let target: Directive
  var found = false

  mutating func visitDirective(_ directive: Directive) {
    if directive == target { found = true }
  }
}

/// XML namespace URIs used by the parts.
enum Namespace {
  static let wordprocessingML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
  static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
}
