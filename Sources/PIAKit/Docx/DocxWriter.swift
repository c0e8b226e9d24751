import Foundation
import ZIPFoundation

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
    var body = try BodyWriter(document: document)
    let documentXML = try body.write(document)
    let parts = PartWriter(options: options)
    let contents: [(String, Data)] = [
      ("[Content_Types].xml", try parts.contentTypes()),
      ("_rels/.rels", try parts.packageRelationships()),
      ("docProps/core.xml", try parts.coreProperties()),
      ("docProps/app.xml", try parts.appProperties()),
      ("word/document.xml", documentXML),
      (
        "word/_rels/document.xml.rels", try parts.documentRelationships(hyperlinks: body.hyperlinks)
      ),
      ("word/styles.xml", try parts.styles()),
      ("word/numbering.xml", try parts.numbering(orderedLists: body.orderedLists)),
      ("word/settings.xml", try parts.settings()),
      ("word/header1.xml", try parts.header()),
      ("word/footer1.xml", try parts.footer()),
    ]
    return try zip(contents, date: zipDate(options.modified))
  }

  /// Zips the parts in order, deflated, every entry stamped with `date`.
  static func zip(_ parts: [(String, Data)], date: Date) throws -> Data {
    do {
      let archive = try Archive(data: Data(), accessMode: .create)
      for (name, data) in parts {
        try archive.addEntry(
          with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
          permissions: 0o644, compressionMethod: .deflate
        ) { position, size in
          data.subdata(in: Int(position)..<Int(position) + size)
        }
      }
      guard let data = archive.data else { throw DocxError("the zip archive produced no data") }
      return data
    } catch let error as DocxError {
      throw error
    } catch {
      throw DocxError("cannot build the .docx zip archive: \(error)")
    }
  }

  /// DOS timestamps cover 1980-01-01 to 2107; clamp into that range.
  static func zipDate(_ date: Date) -> Date {
    let earliest = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01T00:00:00Z
    let latest = Date(timeIntervalSince1970: 4_354_819_199)  // 2107-12-31T23:59:59Z
    return min(max(date, earliest), latest)
  }
}
