import Foundation

/// `word/footnotes.xml`: the separator notes Word expects (ids -1 and 0), then one note per
/// footnote reference the body wrote, in the body's order (ECMA-376 Part 1, §17.11).
///
/// A note referenced twice is written twice, once per reference, as Word numbers each
/// reference on its own. A note's first paragraph starts with its number (`w:footnoteRef`).
/// Links in notes have relationships of their own (`word/_rels/footnotes.xml.rels`); numbered
/// lists in notes number on after the body's.
struct FootnotesPart {
  var xml: Data
  var hyperlinks: [(id: String, target: String)]
  var orderedLists: [BodyWriter.OrderedList]
  var usesCheckboxes: Bool

  /// The notes of `document` the body referenced as `references`.
  ///
  /// - Parameters:
  ///   - bodyOrderedLists: How many numbered lists the body has.
  ///   - bodyImages: How many pictures the body may have written (drawing ids go on after).
  static func write(
    _ document: Document, references: [(id: Int, note: Int)], shared: BodyWriter.Shared,
    bodyOrderedLists: Int, bodyImages: Int
  ) throws -> FootnotesPart {
    let xml = try XMLWriter(part: "word/footnotes.xml")
    try xml.start("w:footnotes")
    try BodyPart.declareNamespaces(xml)
    // The separator lines Word draws above the notes (ids -1 and 0, named in the settings).
    for (id, isContinuation) in [("-1", false), ("0", true)] {
      try xml.start("w:footnote")
      try xml.attribute("w:type", isContinuation ? "continuationSeparator" : "separator")
      try xml.attribute("w:id", id)
      try xml.start("w:p")
      try xml.start("w:pPr")
      try xml.empty("w:spacing", ["w:after": "0", "w:line": "240", "w:lineRule": "auto"])
      try xml.end()
      try xml.start("w:r")
      try xml.empty(isContinuation ? "w:continuationSeparator" : "w:separator")
      try xml.end()
      try xml.end()
      try xml.end()
    }
    var offsets = DocumentCensus([])
    offsets.orderedLists = bodyOrderedLists
    offsets.images = bodyImages
    var writer = BodyWriter(
      xml: xml, shared: shared, mode: .footnotes, offsets: offsets, linkIDPrefix: "rIdNoteLink")
    for (id, note) in references {
      try xml.start("w:footnote")
      try xml.attribute("w:id", String(id))
      writer.startsFootnote = true
      writer.lastWasTable = false
      let blocks = note <= document.footnotes.count ? document.footnotes[note - 1] : []
      try writer.writeBlocks(blocks, context: BodyWriter.Context())
      if writer.startsFootnote {
        // A note with no paragraph of its own still shows its number.
        try writer.paragraph(BodyWriter.ParagraphProperties(style: "FootnoteText")) { _ in }
      }
      try xml.end()
    }
    try xml.end()
    return FootnotesPart(
      xml: try xml.finish(), hyperlinks: writer.hyperlinks, orderedLists: writer.orderedLists,
      usesCheckboxes: writer.usesCheckboxes)
  }
}
