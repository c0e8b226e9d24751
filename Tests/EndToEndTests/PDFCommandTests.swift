import Foundation
import Testing

/// Runs the built `pia` for PDF output: `render --format` lists, `convert -o FILE.pdf`,
/// `check-accessibility FILE.pdf`, and the message when LibreOffice is missing.
@Suite struct PDFCommandTests {
  static let built = FileManager.default.fileExists(atPath: PIAProcess.binary.path)
  static let hasLibreOffice = FileManager.default.isExecutableFile(
    atPath: "/usr/lib/libreoffice/program/soffice")
  static let answers = PIAProcess.repositoryRoot.appendingPathComponent(
    "Examples/records-system-deployment.pia.yaml"
  ).path

  static func render(_ format: String, in folder: URL, environment: [String: String] = [:]) throws
    -> PIAProcess.Result
  {
    try PIAProcess.run(
      [
        "render", "--resources", PIAProcess.repositoryRoot.path, "--answers", answers, "--output",
        "out", "--format", format, "--template", "council-appendix",
      ], in: folder, environment: environment)
  }

  static func names(in folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(
      atPath: folder.appendingPathComponent("out").path))
      ?? []).filter { !$0.hasPrefix(".") }.sorted()
  }

  @Test(.enabled(if: built, "pia binary not built"))
  func formatListsPickTheFiles() throws {
    let folder = try ConvertCommandTests.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Self.render("docx, md", in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      Self.names(in: folder) == [
        "records-system-deployment.council-appendix.docx",
        "records-system-deployment.council-appendix.md",
        "records-system-deployment.data-flows-simplified.svg",
      ])
    let bad = try Self.render("md,odt", in: folder)
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("'md,odt' is invalid for '--format <format>'"))
  }

  @Test(.enabled(if: built, "pia binary not built"))
  func withoutLibreOfficeThePDFFailsAndTheRestIsWritten() throws {
    let folder = try ConvertCommandTests.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Self.render(
      "md,pdf", in: folder, environment: ["PIA_SOFFICE": "/nonexistent/soffice"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("install the Debian package libreoffice-writer-nogui"))
    // Markdown (and the diagram it links) is still written; the DOCX made only for the PDF is
    // not.
    #expect(
      Self.names(in: folder) == [
        "records-system-deployment.council-appendix.md",
        "records-system-deployment.data-flows-simplified.svg",
      ])
  }

  @Test(.enabled(if: built && hasLibreOffice, "needs the pia binary and LibreOffice"))
  func rendersATaggedPDF() throws {
    let folder = try ConvertCommandTests.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Self.render("pdf", in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Self.names(in: folder) == ["records-system-deployment.council-appendix.pdf"])
    let check = try PIAProcess.run(
      ["check-accessibility", "out/records-system-deployment.council-appendix.pdf"], in: folder)
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(check.stdout == "out/records-system-deployment.council-appendix.pdf: ok\n")
  }

  @Test(.enabled(if: built && hasLibreOffice, "needs the pia binary and LibreOffice"))
  func convertsMarkdownToPDF() throws {
    let folder = try ConvertCommandTests.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "# A title\n\nText.\n\n## Part\n\nMore.\n".write(
      to: folder.appendingPathComponent("in.md"), atomically: true, encoding: .utf8)
    let result = try ConvertCommandTests.run(["convert", "in.md", "-o", "in.PDF"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let pdf = try Data(contentsOf: folder.appendingPathComponent("in.PDF"))
    #expect(pdf.starts(with: Array("%PDF-".utf8)))
  }

  @Test(.enabled(if: built, "pia binary not built"))
  func checkAccessibilityReportsAnUntaggedPDF() throws {
    let folder = try ConvertCommandTests.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A minimal untagged, one-page PDF with no title, language or text.
    let objects = [
      "<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
      "<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>",
    ]
    var pdf = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (index, object) in objects.enumerated() {
      offsets.append(pdf.utf8.count)
      pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
    }
    let xref = pdf.utf8.count
    pdf += "xref\n0 4\n0000000000 65535 f \n"
    for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
    pdf += "trailer\n<</Size 4/Root 1 0 R>>\nstartxref\n\(xref)\n%%EOF\n"
    try pdf.write(to: folder.appendingPathComponent("bare.pdf"), atomically: true, encoding: .utf8)
    let check = try PIAProcess.run(["check-accessibility", "bare.pdf"], in: folder)
    guard !check.stderr.contains("poppler-utils") else { return }  // poppler not installed
    #expect(check.status == 1)
    #expect(check.stdout.contains("bare.pdf: not tagged"))
    #expect(check.stdout.contains("bare.pdf: no document title"))
    #expect(check.stdout.contains("bare.pdf: no document language (/Lang) in the catalog"))
    #expect(check.stdout.contains("bare.pdf: no text can be extracted"))
  }
}
