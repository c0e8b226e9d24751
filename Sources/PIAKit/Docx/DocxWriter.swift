import Foundation

/// Writes a ``Document`` as a WordprocessingML (.docx) package.
///
/// The XML parts are streamed with libxml2's xmlTextWriter and zipped in memory with a fixed
/// entry order and timestamp, so the same document, options and images always give the same
/// bytes. The writer reads no files: images come from an ``ImageSource``, and what could not be
/// embedded is reported as warnings, not printed.
public struct DocxWriter: Sendable {
  /// Metadata and page furniture for the package.
  public struct Options: Sendable, Equatable {
    /// The document title (core properties and, by default, the page header's text); empty
    /// for none.
    public var title: String
    /// The subject (core properties).
    public var subject: String
    /// The author (core properties).
    public var creator: String
    /// An optional description (core properties).
    public var description: String?
    /// The document language, such as `en-CA` or `fr-CA` (BCP 47), set in the styles, the
    /// settings and the core properties. Right-to-left and East Asian text in other languages
    /// is marked with a language of its own script.
    public var language: String
    /// The creation date written to the core properties.
    public var created: Date
    /// The modification date written to the core properties and the zip entries.
    public var modified: Date
    /// The status shown on the right of the page header and in the core properties, such as
    /// "Draft" or "Approved"; empty for none.
    public var status: String
    /// The text on the left of the page header (the title when empty). The package has a page
    /// header only when this or ``status`` is not empty.
    public var headerText: String
    /// The text after "Page X of Y" in the footer, such as "mfippa-pia v3 · answers 1a2b3c4d5e6f".
    public var footerText: String
    /// The Markdown file's name as the user gave it, for the locations of warnings.
    public var sourceName: String

    /// Creates options. Dates are required: the library never reads the clock.
    public init(
      title: String, subject: String = "", creator: String = "", description: String? = nil,
      language: String = "en-CA", created: Date, modified: Date, status: String = "",
      headerText: String = "", footerText: String = "", sourceName: String = ""
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
      self.sourceName = sourceName
    }

    /// Whether the package has a page header.
    var hasHeader: Bool { !headerText.isEmpty || !status.isEmpty }
  }

  /// A written package and what could not go into it.
  public struct Output: Sendable, Equatable {
    /// The bytes of the .docx file.
    public var data: Data
    /// Warnings in document order, such as `FILE:LINE:COL: warning: image 'x.png' is not
    /// included: no such file; its alternative text is kept in its place`.
    public var warnings: [Diagnostic]
  }

  /// The package parts of a document with a page header and no footnotes or images, in the
  /// order they are stored in the zip. Without a header `word/header1.xml` is left out; with
  /// footnotes `word/footnotes.xml` and its relationships follow the footer; pictures come
  /// last, as `word/media/image1.png`, `image2.jpeg`, ….
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
    "word/theme/theme1.xml",
    "word/header1.xml",
    "word/footer1.xml",
  ]

  /// Writes `document` as a .docx package; its images are not embedded (their alternative
  /// text stands in their place).
  ///
  /// - Parameters:
  ///   - document: The document to write.
  ///   - options: Metadata, header and footer.
  /// - Returns: The bytes of the .docx file.
  /// - Throws: ``DocxError`` when libxml2 or the zip writer fails.
  public static func write(_ document: Document, options: Options) throws -> Data {
    try write(document, options: options, images: .none).data
  }

  /// Writes `document` as a .docx package, embedding the images `images` supplies.
  ///
  /// - Parameters:
  ///   - document: The document to write.
  ///   - options: Metadata, header and footer.
  ///   - images: Where the bytes of each image come from.
  /// - Returns: The bytes, and a warning for every image that is not embedded.
  /// - Throws: ``DocxError`` when libxml2 or the zip writer fails.
  public static func write(_ document: Document, options: Options, images: ImageSource) throws
    -> Output
  {
    try write(
      document, options: options, images: images, parallelWeight: BodyPart.parallelWeight)
  }

  /// Writes `document`, its body on two threads when it weighs at least `parallelWeight`.
  static func write(_ document: Document, options: Options, parallelWeight: Int) throws -> Data {
    try write(document, options: options, images: .none, parallelWeight: parallelWeight).data
  }

  static func write(
    _ document: Document, options: Options, images source: ImageSource, parallelWeight: Int
  ) throws -> Output {
    let images = ImageCatalog(document, source: source, file: options.sourceName)
    let shared = BodyWriter.Shared(
      document, images: images, language: options.language, hasHeader: options.hasHeader)
    // The body is the one large part: it is compressed as it is written, never held whole.
    let body = try BodyPart.write(document, shared: shared, parallelWeight: parallelWeight)
    var notes: FootnotesPart?
    if !body.footnoteReferences.isEmpty {
      notes = try FootnotesPart.write(
        document, references: body.footnoteReferences, shared: shared,
        bodyOrderedLists: body.orderedLists.count,
        bodyImages: images.media.isEmpty ? 0 : DocumentCensus(document.blocks).images)
    }
    let parts = PartWriter(options: options)
    var zip = ZipWriter(modified: options.modified)
    try zip.add(
      "[Content_Types].xml",
      data: parts.contentTypes(
        hasFootnotes: notes != nil, imageFormats: images.media.map(\.format)))
    try zip.add("_rels/.rels", data: parts.packageRelationships())
    try zip.add("docProps/core.xml", data: parts.coreProperties())
    try zip.add("docProps/app.xml", data: parts.appProperties())
    try zip.add("word/document.xml", body.compressed)
    try zip.add(
      "word/_rels/document.xml.rels",
      data: parts.documentRelationships(
        hyperlinks: body.hyperlinks, images: images.media, hasFootnotes: notes != nil))
    try zip.add("word/styles.xml", data: parts.styles())
    try zip.add(
      "word/numbering.xml",
      data: parts.numbering(
        orderedLists: body.orderedLists + (notes?.orderedLists ?? []),
        checkboxes: body.usesCheckboxes || notes?.usesCheckboxes == true))
    try zip.add(
      "word/settings.xml",
      data: parts.settings(
        hasFootnotes: notes != nil, eastAsianLanguage: body.eastAsianLanguage,
        rightToLeftLanguage: body.rightToLeftLanguage))
    try zip.add("word/theme/theme1.xml", data: parts.theme())
    if options.hasHeader {
      try zip.add("word/header1.xml", data: parts.header())
    }
    try zip.add("word/footer1.xml", data: parts.footer())
    if let notes {
      try zip.add("word/footnotes.xml", data: notes.xml)
      try zip.add(
        "word/_rels/footnotes.xml.rels",
        data: parts.footnotesRelationships(hyperlinks: notes.hyperlinks, images: images.media))
    }
    for media in images.media {
      try zip.add(media.part, data: media.bytes)
    }
    return Output(data: try zip.finish(), warnings: images.warnings)
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
