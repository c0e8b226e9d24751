/// `word/document.xml`, compressed, with what the other parts need from it.
///
/// A long document (a report on a thousand data flows runs to thousands of pages) is written
/// as two pieces on two threads: the blocks are cut in two by weight, each half is written by
/// its own ``BodyWriter`` into its own ``Deflater``, and the two DEFLATE streams are joined. The
/// XML is the same as one writer's, except that the second half's hyperlinks have their own
/// relationship ids (`rIdLinkB1`, …). Bookmarks, numbered lists, footnote references and
/// pictures carry on from the first half, which is counted before writing (``DocumentCensus``).
struct BodyPart {
  var compressed: Deflater.Compressed
  var hyperlinks: [(id: String, target: String)]
  var orderedLists: [BodyWriter.OrderedList]
  /// The footnotes referenced, in order: the `w:id` written and the note's number.
  var footnoteReferences: [(id: Int, note: Int)]
  /// Whether a task item showed a checkbox as its marker.
  var usesCheckboxes = false
  /// The first East Asian and right-to-left languages written, if any.
  var eastAsianLanguage: String?
  var rightToLeftLanguage: String?

  /// Documents lighter than this (see ``weight(of:)``) are written on one thread.
  static let parallelWeight = 20_000

  /// Writes the body of `document` with no images embedded and a page header referenced, as
  /// `DocxWriter.write(_:options:)` does for a report: for tests.
  static func write(_ document: Document, parallelWeight: Int = parallelWeight) throws
    -> BodyPart
  {
    let shared = BodyWriter.Shared(
      document, images: ImageCatalog(), language: "en-CA", hasHeader: true)
    return try write(document, shared: shared, parallelWeight: parallelWeight)
  }

  static func write(_ document: Document, shared: BodyWriter.Shared, parallelWeight: Int) throws
    -> BodyPart
  {
    let blocks = document.blocks
    @Sendable func write(_ range: Range<Int>, opens: Bool, closes: Bool, linkIDPrefix: String)
      throws -> BodyPart
    {
      let deflater = try Deflater(part: "word/document.xml")
      let xml = try XMLWriter(
        part: "word/document.xml", streamingTo: deflater, startsDocument: opens)
      let offsets =
        range.lowerBound == 0 ? DocumentCensus([]) : DocumentCensus(blocks[..<range.lowerBound])
      var writer = BodyWriter(
        xml: xml, shared: shared, offsets: offsets, linkIDPrefix: linkIDPrefix,
        followsTable: Block.endsWithTable(blocks[..<range.lowerBound]))
      if opens {
        try xml.start("w:document")
        try Self.declareNamespaces(xml)
        try xml.start("w:body")
      }
      try writer.writeBlocks(blocks[range], context: BodyWriter.Context())
      if closes {
        try writer.writeSectionProperties()
        if opens {
          try xml.end()
          try xml.end()
        } else {
          try xml.raw("</w:body></w:document>")
        }
        _ = try xml.finish()
      } else {
        try xml.finishLeavingElementsOpen()
      }
      return BodyPart(
        compressed: try deflater.finish(final: closes), hyperlinks: writer.hyperlinks,
        orderedLists: writer.orderedLists, footnoteReferences: writer.footnoteReferences,
        usesCheckboxes: writer.usesCheckboxes, eastAsianLanguage: writer.eastAsianLanguage,
        rightToLeftLanguage: writer.rightToLeftLanguage)
    }
    guard let cut = cutIndex(blocks, parallelWeight: parallelWeight) else {
      return try write(blocks.indices, opens: true, closes: true, linkIDPrefix: "rIdLink")
    }
    let pieces = [
      (0..<cut, true, false, "rIdLink"), (cut..<blocks.endIndex, false, true, "rIdLinkB"),
    ]
    let results = pieces.concurrentMap { piece in
      Result { try write(piece.0, opens: piece.1, closes: piece.2, linkIDPrefix: piece.3) }
    }
    let first = try results[0].get()
    let second = try results[1].get()
    return BodyPart(
      compressed: first.compressed.followed(by: second.compressed),
      hyperlinks: first.hyperlinks + second.hyperlinks,
      orderedLists: first.orderedLists + second.orderedLists,
      footnoteReferences: first.footnoteReferences + second.footnoteReferences,
      usesCheckboxes: first.usesCheckboxes || second.usesCheckboxes,
      eastAsianLanguage: first.eastAsianLanguage ?? second.eastAsianLanguage,
      rightToLeftLanguage: first.rightToLeftLanguage ?? second.rightToLeftLanguage)
  }

  /// The namespaces of a part whose root is written by ``BodyWriter``'s callers: the
  /// WordprocessingML, relationship and picture prefixes the writer uses.
  static func declareNamespaces(_ xml: XMLWriter) throws {
    try xml.attribute("xmlns:w", Namespace.wordprocessingML)
    try xml.attribute("xmlns:r", Namespace.relationships)
    try xml.attribute("xmlns:wp", Namespace.wordprocessingDrawing)
    try xml.attribute("xmlns:a", Namespace.drawingML)
    try xml.attribute("xmlns:pic", Namespace.picture)
  }

  /// Where to cut `blocks` into two halves of about equal weight, or nil to write them whole.
  /// Never between a table directive and its table.
  static func cutIndex(_ blocks: [Block], parallelWeight: Int) -> Int? {
    let weights = blocks.map(weight(of:))
    let total = weights.reduce(0, +)
    guard total >= parallelWeight, blocks.count >= 2 else { return nil }
    var sum = 0
    var cut = 0
    while cut < blocks.count - 1 && sum + weights[cut] <= total / 2 {
      sum += weights[cut]
      cut += 1
    }
    cut = max(cut, 1)
    if case .directive(let directive) = blocks[cut - 1], directive.appliesToNextTable {
      cut += 1
    }
    return cut < blocks.count ? cut : nil
  }

  /// A rough measure of the work of writing a block: its table cells, list items and
  /// nested blocks.
  static func weight(of block: Block) -> Int {
    switch block {
    case .table(let table): return (table.rows.count + 1) * max(table.columnCount, 1)
    case .list(let list): return list.items.reduce(1) { $0 + $1.map(weight(of:)).reduce(0, +) }
    case .blockQuote(let blocks): return blocks.map(weight(of:)).reduce(1, +)
    default: return 1
    }
  }
}
