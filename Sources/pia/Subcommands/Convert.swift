import ArgumentParser
import Foundation
import PIAKit

/// `pia convert FILE.md -o FILE.docx` (or `FILE.pdf`): any GitHub-flavoured Markdown file to a
/// .docx, or through the .docx to a tagged PDF with LibreOffice.
struct Convert: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Convert a Markdown file (GFM plus pia directives) to a Word document or a PDF.",
    discussion: """
      An output name ending in .pdf makes a tagged PDF from the Word document with LibreOffice \
      (Debian package libreoffice-writer-nogui). \
      Dates in the document properties come from SOURCE_DATE_EPOCH when it is set, otherwise \
      from the Markdown file's modification time, so converting the same file twice gives the \
      same bytes.
      """)

  @Argument(help: "The Markdown file to convert.")
  var input: String

  @Option(name: [.short, .customLong("output")], help: "The .docx or .pdf file to write.")
  var output: String

  @Option(help: "The document title (default: the first level-1 heading, else the file name).")
  var title: String?

  @Option(help: "The status shown in the page header, such as Draft or Approved.")
  var status: String = "Draft"

  func run() throws {
    let inputURL = URL(fileURLWithPath: input)
    let outputURL = URL(fileURLWithPath: output)
    let markdown: String
    do {
      markdown = try String(contentsOf: inputURL, encoding: .utf8)
    } catch {
      throw CommandFailure("cannot read \(input): \(error.localizedDescription)")
    }
    let document: Document
    do {
      document = try MarkdownParser.parse(markdown)
    } catch let error as MarkdownParser.ParseError {
      throw CommandFailure("\(input):\(error.line): \(error.message)")
    }
    let date = try documentDate(for: inputURL)
    let resolvedTitle =
      title ?? document.headings.first { $0.level == 1 }?.text
      ?? inputURL.deletingPathExtension().lastPathComponent
    let options = DocxWriter.Options(
      title: resolvedTitle, language: "en-CA", created: date, modified: date, status: status)
    let data: Data
    do {
      data = try DocxWriter.write(document, options: options)
    } catch {
      throw CommandFailure("cannot convert \(input): \(error)")
    }
    if outputURL.pathExtension.lowercased() == "pdf" {
      let name = outputURL.deletingPathExtension().lastPathComponent + ".docx"
      let pdf = try PDFOutput.convert([(name, data)])[0].pdf
      try FileOutput.writeAtomically(pdf, to: outputURL, displayName: output)
    } else {
      try FileOutput.writeAtomically(data, to: outputURL, displayName: output)
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
