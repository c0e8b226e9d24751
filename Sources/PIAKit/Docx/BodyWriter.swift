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
  var hyperlinks: [(id: String, target: String)] = []
  /// Numbered lists in document order; list `i` has numbering id `i + 2` (1 is the bullets).
  var orderedLists: [OrderedList] = []

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

  let xml: XMLWriter
  let piece: Piece
  var hyperlinkIndex: [String: Int] = [:]
  let tocEntries: [Document.Heading]
  let hasTableOfContents: Bool
  var bookmarkCount: Int
  var pending = PendingRun()

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

  mutating func writeBlocks(_ blocks: [Block], context: Context) throws {
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

  mutating func writeBlock(_ block: Block, context: Context) throws {
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

  mutating func writeList(_ list: List, context: Context) throws {
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

  mutating func paragraph(
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

  func writeParagraphProperties(_ properties: ParagraphProperties) throws {
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

  // MARK: - Section

  func writeSectionProperties() throws {
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
