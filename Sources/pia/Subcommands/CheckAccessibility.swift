import ArgumentParser
import Foundation
import PIAHost
import PIAKit

/// `pia check-accessibility FILE...`: reports accessibility problems in .docx and .pdf files,
/// exit 1 if any.
struct CheckAccessibility: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check-accessibility",
    abstract:
      "Check a .docx for language, title, heading order, table headers, empty paragraphs and alternative text, or a .pdf for tags, title, language, bookmarks and embedded fonts.",
    discussion: """
      A .docx is also checked for a document that starts below heading level 1, pictures \
      without alternative text, and text in a script its language is not written in (such as \
      Cyrillic text marked as English). \
      A PDF (a name ending in .pdf) is checked with poppler's tools (Debian package \
      poppler-utils): tagged, a title, a document language, bookmarks when it has more than one \
      page, every font embedded, and text that can be extracted.
      """)

  @Argument(help: "The .docx or .pdf files to check.")
  var files: [String]

  @Option(help: "The language a .docx must declare (BCP 47, such as en-CA or fr-CA).")
  var lang: String = "en-CA"

  func run() throws {
    var failed = false
    for file in files {
      let messages =
        file.lowercased().hasSuffix(".pdf") ? try checkPDF(file) : try checkDocx(file)
      if messages.isEmpty {
        print("\(file): ok")
      } else {
        failed = true
        for message in messages {
          print("\(file): \(message)")
        }
      }
    }
    if failed { throw ExitCode(1) }
  }

  private func checkDocx(_ file: String) throws -> [String] {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: file))
    } catch {
      throw CommandFailure("cannot read \(file): \(error.localizedDescription)")
    }
    do {
      return try AccessibilityChecker.check(docx: data, language: lang).map(\.message)
    } catch {
      throw CommandFailure("\(file): \(error)")
    }
  }

  private func checkPDF(_ file: String) throws -> [String] {
    guard let checker = PDFAccessibilityChecker.locate() else {
      throw CommandFailure(
        "checking a PDF needs poppler's tools (pdfinfo, pdffonts, pdftohtml, pdftotext): install "
          + "the Debian package \(PDFAccessibilityChecker.debianPackage)")
    }
    do {
      return try checker.check(URL(fileURLWithPath: file)).map(\.message)
    } catch {
      throw CommandFailure("\(file): \(error.message)")
    }
  }
}
