/// What a run of blocks holds that needs a number of its own in the DOCX: headings (bookmarks),
/// numbered lists (numbering instances), footnote references and images (drawing ids).
///
/// When a long body is written as two halves (``BodyPart``), the second half starts its numbers
/// after the first half's census, so the two halves number as one writer would. Footnote
/// references and images in table columns a sign-off block leaves out are counted too: such a
/// number is then skipped, never given twice.
struct DocumentCensus: Equatable {
  var headings = 0
  var orderedLists = 0
  var footnoteReferences = 0
  var images = 0

  /// Counts `blocks` in the order the writer visits them.
  init<Blocks: Sequence<Block>>(_ blocks: Blocks) {
    for block in blocks { count(block) }
  }

  private mutating func count(_ block: Block) {
    switch block {
    case .list(let list):
      if list.ordered { orderedLists += 1 }
      for item in list.items {
        for inner in item { count(inner) }
      }
    case .blockQuote(let blocks):
      for inner in blocks { count(inner) }
    case .heading:
      headings += 1
      countInlines(of: block)
    default:
      countInlines(of: block)
    }
  }

  /// Footnote references and images of the block's own inlines (not of nested blocks, which
  /// ``count(_:)`` visits itself).
  private mutating func countInlines(of block: Block) {
    var references = 0
    var images = 0
    let tally: (Inline) -> Void = { inline in
      switch inline {
      case .footnoteReference: references += 1
      case .image: images += 1
      default: break
      }
    }
    switch block {
    case .heading(_, let inlines), .paragraph(let inlines):
      inlines.forEachInline(tally)
    case .table:
      block.forEachInline(tally)
    default:
      break
    }
    footnoteReferences += references
    self.images += images
  }
}
