import Foundation

/// Writes blocks as WordprocessingML: the body of `word/document.xml`, or the notes of
/// `word/footnotes.xml`.
///
/// Collects what other parts need while it writes: hyperlink targets (for the relationships),
/// one numbering instance per ordered list (so each list restarts at its own start), the
/// footnotes it referenced, and the languages of right-to-left and East Asian text it met (for
/// the theme font languages in the settings).
struct BodyWriter {
  /// What the writer writes into.
  enum Mode {
    /// `word/document.xml`: headings get bookmarks, footnote references become notes.
    case body
    /// `word/footnotes.xml`: headings are bold paragraphs, a footnote reference inside a note
    /// is its number in superscript (Word cannot nest notes).
    case footnotes
  }

  /// A numbered list's numbering instance: the level it starts at, its first number, and the
  /// delimiter after its numbers.
  struct OrderedList: Equatable {
    var level: Int
    var start: Int
    var delimiter: List.Delimiter = .period
  }

  /// What every writer of one package shares: the headings' bookmarks, the table of contents,
  /// the embedded images, the number of footnotes and the languages.
  struct Shared {
    var anchors: HeadingAnchors
    /// The headings of levels 1 to 3 with their bookmarks, when the document has a
    /// table of contents.
    var tableOfContents: [(level: Int, text: String, bookmark: String)]?
    var images: ImageCatalog
    var footnoteCount: Int
    var languages: ScriptLanguages
    /// Whether the section has a page header (`rIdHeader1`).
    var hasHeader: Bool

    /// The shared state for `document`, whose images are already looked up.
    init(_ document: Document, images: ImageCatalog, language: String, hasHeader: Bool) {
      let headings = document.headings
      anchors = HeadingAnchors(headings: headings.map(\.text))
      if document.containsTableOfContents {
        tableOfContents = zip(headings, anchors.names).compactMap { heading, name in
          heading.level <= 3 ? (heading.level, heading.text, name) : nil
        }
      }
      self.images = images
      footnoteCount = document.footnotes.count
      languages = ScriptLanguages(document: language)
      self.hasHeader = hasHeader
    }
  }

  static let bulletNumberingID = 1
  /// Task-list items without a number show ☐ or ☒ as their marker.
  static let uncheckedNumberingID = 2
  static let checkedNumberingID = 3
  /// Ordered list `i` (0-based, in document order) has numbering id `i + 4`.
  static let firstOrderedNumberingID = 4
  static let textWidth = 9360  // 8.5 in minus two 1-inch margins, in twentieths of a point

  /// External hyperlink targets in order of first use, each with its relationship id
  /// (`rIdLink1`, `rIdLink2`, …; the second half of a split body uses `rIdLinkB1`, …).
  var hyperlinks: [(id: String, target: String)] = []
  /// Numbered lists in document order.
  var orderedLists: [OrderedList] = []
  /// The footnotes referenced, in order: the `w:id` written and the note's number.
  var footnoteReferences: [(id: Int, note: Int)] = []
  /// Whether a task item showed a checkbox as its marker.
  var usesCheckboxes = false
  /// The first `w:eastAsia` and right-to-left `w:bidi` languages written, if any.
  var eastAsianLanguage: String?
  var rightToLeftLanguage: String?

  let xml: XMLWriter
  let shared: Shared
  let mode: Mode
  /// Numbers already used by the writers before this one (see ``DocumentCensus``).
  let offsets: DocumentCensus
  let linkIDPrefix: String
  var hyperlinkIndex: [String: Int] = [:]
  var headingCount = 0
  var imageCount = 0
  var pending = PendingRun()
  /// Whether the last block written was a table (the next gets space, or a separator).
  var lastWasTable: Bool
  /// Set before a note's first paragraph: it starts with the note's number (`w:footnoteRef`).
  var startsFootnote = false

  /// A writer into `xml` that numbers on from `offsets`; `followsTable` when the block before
  /// the first one it writes is a table.
  init(
    xml: XMLWriter, shared: Shared, mode: Mode = .body, offsets: DocumentCensus,
    linkIDPrefix: String = "rIdLink", followsTable: Bool = false
  ) {
    self.xml = xml
    self.shared = shared
    self.mode = mode
    self.offsets = offsets
    self.linkIDPrefix = linkIDPrefix
    lastWasTable = followsTable
  }

  // MARK: - Blocks

  /// Where a block sits: how deep in block quotes and lists.
  struct Context {
    var quoteDepth = 0
    /// The list level of the enclosing list item, or nil outside lists.
    var listLevel: Int?
    /// The left indent of the enclosing list item's text, when it is not the numbering's.
    var listIndent: Int?

    /// Left indent for a paragraph that is not a numbered item, or nil for the style's own.
    var indent: Int? {
      if quoteDepth == 0 && listLevel == nil { return nil }
      return 720 * quoteDepth + (listIndent ?? 720 * ((listLevel ?? -1) + 1))
    }
  }

  mutating func writeBlocks<Blocks: Collection<Block>>(_ blocks: Blocks, context: Context)
    throws where Blocks.Index == Int
  {
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
      try writeHeading(level: level, inlines)
    case .paragraph(let inlines):
      let style =
        context.quoteDepth > 0
        ? "Quote"
        : context.listLevel == nil
          ? (mode == .footnotes ? "FootnoteText" : nil)
          : "ListParagraph"
      try paragraph(ParagraphProperties(style: style, indentLeft: context.indent), inlines)
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
      lastWasTable = false  // no space needed before a page break
      try paragraph(ParagraphProperties()) {
        try $0.xml.start("w:r")
        try $0.xml.empty("w:br", ["w:type": "page"])
        try $0.xml.end()
      }
    case .directive(.tableOfContents):
      if mode == .body { try writeTableOfContents() }
    case .directive(.signatureBlock), .directive(.heatMap):
      // Only meaningful before a table; the parser rejects any other placement.
      break
    case .html(let html):
      try paragraph(ParagraphProperties(indentLeft: context.indent), [.html(html)])
    }
  }

  private mutating func writeHeading(level: Int, _ inlines: [Inline]) throws {
    guard mode == .body else {
      try paragraph(ParagraphProperties(style: "FootnoteText"), [.strong(inlines)])
      return
    }
    let level = min(max(level, 1), 6)
    let index = offsets.headings + headingCount
    headingCount += 1
    let name = index < shared.anchors.names.count ? shared.anchors.names[index] : nil
    try paragraph(
      ParagraphProperties(style: "Heading\(level)"), inlines,
      bookmark: name.map { (index, $0) })
  }

  private mutating func writeList(_ list: List, context: Context) throws {
    let level = min((context.listLevel ?? -1) + 1, 8)
    var numberingID = Self.bulletNumberingID
    // The hanging indent fits the widest number ("1000." needs more than the usual 0.25 in).
    var hanging = 360
    if list.ordered {
      orderedLists.append(OrderedList(level: level, start: list.start, delimiter: list.delimiter))
      numberingID = Self.firstOrderedNumberingID + offsets.orderedLists + orderedLists.count - 1
      let widest = max(list.start, list.start + list.items.count - 1)
      hanging = Self.hangingIndent(forNumber: widest, delimiter: list.delimiter)
    }
    let standardLeft = 720 * (level + 1)
    let left = hanging > 360 ? 720 * level + 360 + hanging : standardLeft
    var inner = context
    inner.listLevel = level
    inner.listIndent = left == standardLeft ? nil : left
    for (index, item) in list.items.enumerated() {
      let checkbox = list.checkbox(ofItem: index)
      var itemNumbering = numberingID
      if !list.ordered, let checked = checkbox {
        itemNumbering = checked ? Self.checkedNumberingID : Self.uncheckedNumberingID
        usesCheckboxes = true
      }
      var properties = ParagraphProperties(
        style: "ListParagraph", numbering: (itemNumbering, level))
      if context.quoteDepth > 0 || left != standardLeft {
        properties.indentLeft = 720 * context.quoteDepth + left
        properties.hanging = hanging
      }
      var rest = item[...]
      var first: [Inline] = []
      if case .paragraph(let inlines)? = item.first {
        rest = item.dropFirst()
        first = inlines
      }
      if list.ordered, let checked = checkbox {
        first.insert(.text(checked ? "☒ " : "☐ "), at: 0)
      }
      try paragraph(properties, first)
      try writeBlocks(rest, context: inner)
    }
  }

  /// The hanging indent (twentieths of a point) a list number needs at 11 pt: digits are
  /// about 0.51 em wide in Calibri, the delimiter 0.25–0.3 em, and 3 pt of space follow.
  static func hangingIndent(forNumber number: Int, delimiter: List.Delimiter) -> Int {
    let digits = String(number).count
    let width = digits * 112 + (delimiter == .period ? 56 : 67) + 60
    return width <= 360 ? 360 : (width + 59) / 60 * 60
  }

  // MARK: - Paragraphs

  /// Paragraph properties, written in the order the schema requires.
  struct ParagraphProperties {
    var style: String?
    var keepNext = false
    var numbering: (id: Int, level: Int)?
    var bottomBorder = false
    var rightToLeft = false
    var spacingBefore: Int?
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

  /// A paragraph of inline text: right-to-left when its first strong character is.
  mutating func paragraph(
    _ properties: ParagraphProperties, _ inlines: [Inline], format: RunFormat = RunFormat(),
    bookmark: (id: Int, name: String)? = nil
  ) throws {
    var properties = properties
    properties.rightToLeft = inlines.firstStrongScript?.isRightToLeft ?? false
    try paragraph(properties, bookmark: bookmark) {
      try $0.writeInlines(inlines, format: format)
    }
  }

  mutating func paragraph(
    _ properties: ParagraphProperties, bookmark: (id: Int, name: String)? = nil,
    content: (inout BodyWriter) throws -> Void
  ) throws {
    var properties = properties
    if lastWasTable && properties.spacingBefore == nil
      && !(properties.style ?? "").hasPrefix("Heading")
    {
      // Without it the paragraph would touch the table's bottom border.
      properties.spacingBefore = 160
    }
    lastWasTable = false
    try xml.start("w:p")
    try writeParagraphProperties(properties)
    if startsFootnote {
      startsFootnote = false
      try xml.start("w:r")
      try xml.start("w:rPr")
      try xml.empty("w:rStyle", ["w:val": "FootnoteReference"])
      try xml.end()
      try xml.empty("w:footnoteRef")
      try xml.end()
      try appendText(" ", format: RunFormat())
    }
    if let bookmark {
      try xml.empty("w:bookmarkStart", ["w:id": String(bookmark.id), "w:name": bookmark.name])
    }
    try content(&self)
    try flush()
    if let bookmark {
      try xml.empty("w:bookmarkEnd", ["w:id": String(bookmark.id)])
    }
    try xml.end()
  }

  func writeParagraphProperties(_ properties: ParagraphProperties) throws {
    let hasAny =
      properties.style != nil || properties.keepNext || properties.numbering != nil
      || properties.bottomBorder || properties.rightToLeft || properties.spacingBefore != nil
      || properties.indentLeft != nil || properties.alignment != .none
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
    if properties.rightToLeft { try xml.empty("w:bidi") }
    if let before = properties.spacingBefore {
      try xml.empty("w:spacing", ["w:before": String(before)])
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
    if shared.hasHeader {
      try xml.empty("w:headerReference", ["w:type": "default", "r:id": "rIdHeader1"])
    }
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

extension Block {
  /// Whether the block's last part, as written, is a table (a heat map is; a sign-off block is
  /// not: it is written as paragraphs).
  static func endsWithTable<Blocks: BidirectionalCollection<Block>>(_ blocks: Blocks) -> Bool {
    guard let last = blocks.last else { return false }
    switch last {
    case .table:
      let before = blocks.dropLast().last
      if case .directive(.signatureBlock)? = before { return false }
      return true
    case .list(let list): return endsWithTable(list.items.last ?? [])
    case .blockQuote(let inner): return endsWithTable(inner)
    default: return false
    }
  }
}
