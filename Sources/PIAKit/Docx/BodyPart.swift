/// `word/document.xml`, compressed, with what the other parts need from it.
///
/// A long document (a report on a thousand data flows runs to thousands of pages) is written
/// as two pieces on two threads: the blocks are cut in two by weight, each half is written by
/// its own ``BodyWriter`` into its own ``Deflater``, and the two DEFLATE streams are joined. The
/// XML is the same as one writer's, except that the second half's hyperlinks have their own
/// relationship ids (`rIdLinkB1`, …). Bookmarks and numbered lists carry on from the first half,
/// which is counted before writing.
struct BodyPart {
  var compressed: Deflater.Compressed
  var hyperlinks: [(id: String, target: String)]
  var orderedLists: [BodyWriter.OrderedList]

  /// Documents lighter than this (see ``weight(of:)``) are written on one thread.
  static let parallelWeight = 20_000

  static func write(_ document: Document, parallelWeight: Int = parallelWeight) throws
    -> BodyPart
  {
    let hasTableOfContents = document.containsTableOfContents
    let tocEntries = hasTableOfContents ? document.headings.filter { $0.level <= 3 } : []
    @Sendable func write(_ piece: BodyWriter.Piece) throws -> BodyPart {
      let deflater = try Deflater(part: "word/document.xml")
      var writer = try BodyWriter(
        piece: piece, hasTableOfContents: hasTableOfContents, tocEntries: tocEntries,
        streamingTo: deflater)
      try writer.write(document)
      return BodyPart(
        compressed: try deflater.finish(final: piece.closesDocument),
        hyperlinks: writer.hyperlinks, orderedLists: writer.orderedLists)
    }
    let blocks = document.blocks
    guard let cut = cutIndex(blocks, parallelWeight: parallelWeight) else {
      return try write(BodyWriter.Piece(blocks: blocks.indices))
    }
    let head = Array(blocks[..<cut])
    let pieces = [
      BodyWriter.Piece(blocks: 0..<cut, closesDocument: false),
      BodyWriter.Piece(
        blocks: cut..<blocks.endIndex, opensDocument: false,
        bookmarkOffset: hasTableOfContents ? bookmarkCount(head) : 0,
        orderedListOffset: orderedListCount(head), linkIDPrefix: "rIdLinkB"),
    ]
    let results = pieces.concurrentMap { piece in Result { try write(piece) } }
    let first = try results[0].get()
    let second = try results[1].get()
    return BodyPart(
      compressed: first.compressed.followed(by: second.compressed),
      hyperlinks: first.hyperlinks + second.hyperlinks,
      orderedLists: first.orderedLists + second.orderedLists)
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

  /// Headings that get a table-of-contents bookmark (levels 1 to 3), as the writer visits them.
  static func bookmarkCount(_ blocks: [Block]) -> Int {
    blocks.reduce(0) { count, block in
      switch block {
      case .heading(let level, _): return count + (min(max(level, 1), 6) <= 3 ? 1 : 0)
      case .list(let list): return count + list.items.map(bookmarkCount).reduce(0, +)
      case .blockQuote(let inner): return count + bookmarkCount(inner)
      default: return count
      }
    }
  }

  /// Numbered lists, nested ones included, as the writer visits them.
  static func orderedListCount(_ blocks: [Block]) -> Int {
    blocks.reduce(0) { count, block in
      switch block {
      case .list(let list):
        return count + (list.ordered ? 1 : 0) + list.items.map(orderedListCount).reduce(0, +)
      case .blockQuote(let inner): return count + orderedListCount(inner)
      default: return count
      }
    }
  }
}
