import ArgumentParser
import PIAKit

/// The `--format` of `pia render`: `md`, `docx`, `pdf`, a comma-separated list of them
/// (`md,docx,pdf`), or `all` (Markdown and DOCX, so that nothing the README runs needs
/// LibreOffice).
struct OutputFormats: ExpressibleByArgument, Equatable {
  /// One output format.
  enum Format: String, CaseIterable {
    case md, docx, pdf
  }

  /// The formats asked for.
  var formats: Set<Format>

  init(_ formats: Set<Format>) {
    self.formats = formats
  }

  init?(argument: String) {
    var formats: Set<Format> = []
    for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
      let name = part.trimmingCharacters(in: .whitespaces).lowercased()
      if name == "all" {
        formats.formUnion([.md, .docx])
      } else if let format = Format(rawValue: name) {
        formats.insert(format)
      } else {
        return nil
      }
    }
    self.formats = formats
  }

  static var allValueStrings: [String] { ["md", "docx", "pdf", "all", "md,docx,pdf"] }

  var defaultValueDescription: String {
    Format.allCases.filter(formats.contains).map(\.rawValue).joined(separator: ",")
  }

  func contains(_ format: Format) -> Bool { formats.contains(format) }

  /// What the renderer must produce: DOCX also when only a PDF is wanted (it is made from it).
  var rendererFormat: ReportRenderer.Format {
    let needsDocx = contains(.docx) || contains(.pdf)
    switch (contains(.md), needsDocx) {
    case (true, true): return .all
    case (false, true): return .docx
    default: return .md
    }
  }

  /// Whether a rendered file is one of the formats asked for (a DOCX made only for the PDF is
  /// not).
  func keeps(_ file: RenderedFile) -> Bool {
    if file.name.hasSuffix(".md") { return contains(.md) }
    if file.name.hasSuffix(".docx") { return contains(.docx) }
    return true
  }
}
