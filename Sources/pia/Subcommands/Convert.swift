import ArgumentParser
import Foundation
import PIAHost
import PIAKit

/// `pia convert FILE.md -o FILE.docx` (or `FILE.pdf`): any GitHub-flavoured Markdown file to a
/// .docx, or through the .docx to a tagged PDF with LibreOffice.
struct Convert: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Convert a Markdown file (GFM plus pia directives) to a Word document or a PDF.",
    discussion: """
      An output name ending in .pdf makes a tagged PDF from the Word document with LibreOffice \
      (Debian package libreoffice-writer-nogui). \
      Images are embedded from files beside the Markdown file (PNG, JPEG, GIF; an SVG with a \
      PNG of the same name beside it as the fallback); a missing or remote image is reported \
      as a warning and its alternative text kept. Dates in the document properties come from \
      SOURCE_DATE_EPOCH when it is set, otherwise from the Markdown file's modification time, \
      so converting the same file twice gives the same bytes.
      """)

  @Argument(help: "The Markdown file to convert (UTF-8, or UTF-16/UTF-32 with a byte-order mark).")
  var input: String

  @Option(name: [.short, .customLong("output")], help: "The .docx or .pdf file to write.")
  var output: String

  @Option(
    help:
      "The document title when the document has no heading (the first heading is the title otherwise)."
  )
  var title: String?

  @Option(
    help:
      "A status such as Draft or Approved, shown in the page header and the document properties.")
  var status: String?

  @Option(help: "Text for the left of a page header (the title if only --status is given).")
  var header: String?

  @Option(help: "The document language (BCP 47, such as en-CA or fr-CA).")
  var lang: String = "en-CA"

  func validate() throws {
    guard Self.isLanguageTag(lang) else {
      throw ValidationError("--lang '\(lang)' is not a language tag such as en-CA or fr-CA")
    }
  }

  func run() throws {
    let inputURL = URL(fileURLWithPath: input)
    let outputURL = URL(fileURLWithPath: output)
    let data: Data
    do {
      data = try Data(contentsOf: inputURL)
    } catch {
      throw CommandFailure("cannot read \(input): \(error.localizedDescription)")
    }
    let parsed: MarkdownParser.Parsed
    do {
      let markdown = try MarkdownSource.text(of: data, file: input)
      parsed = try MarkdownParser.parse(markdown, file: input)
    } catch let error as DiagnosticsError {
      Terminal.print(error.diagnostics)
      throw ExitCode.failure
    } catch let error as MarkdownParser.ParseError {
      throw CommandFailure("\(input):\(error.line): \(error.message)")
    }
    let document = parsed.document
    let date = try documentDate(for: inputURL)
    let options = DocxWriter.Options(
      title: document.headings.first?.text ?? title ?? "", language: lang, created: date,
      modified: date, status: status ?? "", headerText: header ?? "", sourceName: input)
    let written: DocxWriter.Output
    do {
      let images = ImageFiles.source(relativeTo: inputURL.deletingLastPathComponent())
      written = try DocxWriter.write(document, options: options, images: images)
    } catch {
      throw CommandFailure("cannot convert \(input): \(error)")
    }
    let warnings = parsed.warnings + written.warnings
    if !warnings.isEmpty { Terminal.print(warnings.sortedByLocation()) }
    if outputURL.pathExtension.lowercased() == "pdf" {
      let name = outputURL.deletingPathExtension().lastPathComponent + ".docx"
      let pdf = try PDFOutput.convert([(name, written.data)])[0].pdf
      try FileOutput.writeAtomically(pdf, to: outputURL, displayName: output)
    } else {
      try FileOutput.writeAtomically(written.data, to: outputURL, displayName: output)
    }
  }

  /// Whether `tag` looks like a BCP 47 language tag: letters, digits and hyphens, starting
  /// with two or three letters.
  static func isLanguageTag(_ tag: String) -> Bool {
    let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count),
      first.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return false }
    return parts.dropFirst().allSatisfy {
      (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
  }

  private func documentDate(for url: URL) throws -> Date {
    if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] {
      guard let seconds = TimeInterval(epoch) else {
        throw CommandFailure("SOURCE_DATE_EPOCH is not a number of seconds: \(epoch)")
      }
      return Date(timeIntervalSince1970: seconds)
    }
    let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
    return (attributes?[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 315_532_800)
  }
}

/// Writing output files safely.
enum FileOutput {
  /// Writes `data` to `url` through a temporary file and a rename, refusing to replace a
  /// symbolic link.
  static func writeAtomically(_ data: Data, to url: URL, displayName: String) throws {
    var status = stat()
    if lstat(url.path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK {
      throw CommandFailure("refusing to overwrite \(displayName): it is a symbolic link")
    }
    do {
      try data.write(to: url, options: .atomic)
    } catch {
      throw CommandFailure("cannot write \(displayName): \(error.localizedDescription)")
    }
  }
}
