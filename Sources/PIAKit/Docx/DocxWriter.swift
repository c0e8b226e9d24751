import Foundation

/// Writes a ``Document`` as a WordprocessingML (.docx) package.
///
/// The XML parts are streamed with libxml2's xmlTextWriter and zipped in memory with a fixed
/// entry order and timestamp, so the same document and options always give the same bytes.
public struct DocxWriter: Sendable {
  /// Metadata and page furniture for the package.
  public struct Options: Sendable, Equatable {
    /// The document title (core properties and, by default, the page header).
    public var title: String
    /// The subject (core properties).
    public var subject: String
    /// The author (core properties).
    public var creator: String
    /// An optional description (core properties).
    public var description: String?
    /// The document language, set in the styles and the core properties.
    public var language: String
    /// The creation date written to the core properties.
    public var created: Date
    /// The modification date written to the core properties and the zip entries.
    public var modified: Date
    /// The status shown in the header and core properties, such as "Draft" or "Approved".
    public var status: String
    /// The text on the left of the page header; the title when empty.
    public var headerText: String
    /// The text after "Page X of Y" in the footer, such as "mfippa-pia v3 · answers 1a2b3c4d5e6f".
    public var footerText: String

    /// Creates options. Dates are required: the library never reads the clock.
    public init(
      title: String, subject: String = "", creator: String = "", description: String? = nil,
      language: String = "en-CA", created: Date, modified: Date, status: String = "Draft",
      headerText: String = "", footerText: String = ""
    ) {
      self.title = title
      self.subject = subject
      self.creator = creator
      self.description = description
      self.language = language
      self.created = created
      self.modified = modified
      self.status = status
      self.headerText = headerText
      self.footerText = footerText
    }
  }

  /// The package parts, in the order they are stored in the zip.
  public static let partNames = [
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "docProps/app.xml",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/styles.xml",
    "word/numbering.xml",
    "word/settings.xml",
    "word/header1.xml",
    "word/footer1.xml",
  ]

  /// Writes `document` as a .docx package.
  ///
  /// - Parameters:
  ///   - document: The document to write.
  ///   - options: Metadata, header and footer.
  /// - Returns: The bytes of the .docx file.
  /// - Throws: ``DocxError`` when libxml2 or the zip writer fails.
  public static func write(_ document: Document, options: Options) throws -> Data {
    try write(document, options: options, parallelWeight: BodyPart.parallelWeight)
  }

  /// Writes `document`, its body on two threads when it weighs at least `parallelWeight`.
  static func write(_ document: Document, options: Options, parallelWeight: Int) throws -> Data {
    // The body is the one large part: it is compressed as it is written, never held whole.
    let body = try BodyPart.write(document, parallelWeight: parallelWeight)
    let parts = PartWriter(options: options)
    var zip = ZipWriter(modified: options.modified)
    try zip.add("[Content_Types].xml", data: parts.contentTypes())
    try zip.add("_rels/.rels", data: parts.packageRelationships())
    try zip.add("docProps/core.xml", data: parts.coreProperties())
    try zip.add("docProps/app.xml", data: parts.appProperties())
    try zip.add("word/document.xml", body.compressed)
    try zip.add(
      "word/_rels/document.xml.rels", data: parts.documentRelationships(hyperlinks: body.hyperlinks)
    )
    try zip.add("word/styles.xml", data: parts.styles())
    try zip.add("word/numbering.xml", data: parts.numbering(orderedLists: body.orderedLists))
    try zip.add("word/settings.xml", data: parts.settings())
    try zip.add("word/header1.xml", data: parts.header())
    try zip.add("word/footer1.xml", data: parts.footer())
    return try zip.finish()
  }

  /// Zips the parts in order, deflated, every entry stamped with `date`.
  static func zip(_ parts: [(String, Data)], date: Date) throws -> Data {
    var zip = ZipWriter(modified: date)
    for (name, data) in parts {
      try zip.add(name, data: data)
    }
    return try zip.finish()
  }
}
