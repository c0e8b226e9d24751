import Foundation
import Testing

@testable import PIAKit

/// `<!-- pia:data-flow-diagram -->` in templates, and the pictures `pia render` returns.
@Suite struct DiagramDirectiveTests {
  @Test func findsEachDirectiveWithItsLine() throws {
    let markdown = """
      # Report

      <!-- pia:data-flow-diagram -->
      text
        <!-- pia:data-flow-diagram simplified -->
      <!-- pia:data-flow-diagrams -->
      <!-- pia:toc -->
      """
    let found = try DiagramDirective.placements(in: markdown, file: "t.md")
    #expect(found.map(\.variant) == [.full, .simplified])
    #expect(found.map(\.line) == [3, 5])
  }

  @Test func anUnknownDrawingIsAnErrorWithItsLine() {
    #expect {
      _ = try DiagramDirective.placements(
        in: "a\n<!-- pia:data-flow-diagram huge -->\n", file: "Templates/x.md")
    } throws: { error in
      let message = (error as? DiagnosticsError)?.diagnostics.first?.description ?? ""
      return message.contains("Templates/x.md:2:1: error:")
        && message.contains("pia:data-flow-diagram huge")
    }
  }

  @Test func expandsToAnImageParagraphWithEscapedAltText() throws {
    let markdown = "| a |\n| - |\n| 1 |\n<!-- pia:data-flow-diagram -->\nAfter."
    let expanded = DiagramDirective.expand(
      markdown,
      images: [.full: (target: "my%20file.data-flows.svg", altText: "Flow 1 – [names] | *x*")])
    let document = try MarkdownParser.parse(expanded)
    // The table, then a paragraph holding only the picture, then the text after it.
    #expect(document.blocks.count == 3)
    guard case .paragraph(let inlines) = document.blocks[1], case .image(let image)? = inlines.first
    else {
      Issue.record("no picture paragraph: \(expanded)")
      return
    }
    #expect(image.source == "my%20file.data-flows.svg")
    #expect(image.alt.plainText == "Flow 1 – [names] | *x*")
  }

  @Test func linkTargetsAreOneLinkWhateverTheName() {
    #expect(DiagramDirective.linkTarget("a b(1).data-flows.svg") == "a%20b%281%29.data-flows.svg")
    #expect(DiagramDirective.linkTarget("été.svg") == "%C3%A9t%C3%A9.svg")
    #expect(
      DiagramDirective.fileName(baseName: "x", variant: .simplified)
        == "x.data-flows-simplified.svg")
  }

  @Test func validateRejectsAnUnknownDrawing() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("pia-diagram-\(UUID().uuidString).md")
    try Data("# T\n\n<!-- pia:data-flow-diagram huge -->\n".utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let problems = ReportTemplates.validate(
      templateAt: url, path: "Templates/t.md", law: ReportFixtures.law)
    #expect(problems.contains { $0.description.contains("Templates/t.md:3:1: error:") })
    // The directive itself validates.
    try Data("# T\n\n<!-- pia:data-flow-diagram -->\n".utf8).write(to: url)
    #expect(
      ReportTemplates.validate(templateAt: url, path: "Templates/t.md", law: ReportFixtures.law)
        .isEmpty)
  }

  @Test func renderReturnsTheSVGsBesideTheMarkdownAndEmbedsThemInTheDOCX() throws {
    let (files, diagnostics) = ReportRenderingTests.renderExample(
      "records-system-deployment.pia.yaml", format: .all)
    #expect(!diagnostics.hasErrors, "\(diagnostics)")
    let names = files.map(\.name)
    #expect(
      names == [
        "records-system-deployment.pia-report.md", "records-system-deployment.data-flows.svg",
        "records-system-deployment.pia-report.docx",
        "records-system-deployment.council-report.md",
        "records-system-deployment.council-report.docx",
        "records-system-deployment.council-appendix.md",
        "records-system-deployment.data-flows-simplified.svg",
        "records-system-deployment.council-appendix.docx",
        "records-system-deployment.notice-of-collection.md",
        "records-system-deployment.notice-of-collection.docx",
      ])
    let report = String(decoding: try #require(files.first?.data), as: UTF8.self)
    #expect(report.contains("](records-system-deployment.data-flows.svg)\n"))
    #expect(report.contains("![Data-flow diagram for "))
    #expect(!report.contains("pia:data-flow-diagram"))
    let svg = try #require(files.first { $0.name.hasSuffix(".data-flows.svg") })
    #expect(try XMLNode.parse(svg.data, part: svg.name).name == "svg")
    let docx = try #require(files.first { $0.name.hasSuffix(".pia-report.docx") })
    let body = String(
      decoding: try DocxFixture.part("word/document.xml", of: docx.data), as: UTF8.self)
    #expect(body.contains("descr=\"Data-flow diagram for "))
    #expect(body.contains("asvg:svgBlip"))
    #expect((try? DocxFixture.part("word/media/image1.svg", of: docx.data)) == svg.data)
  }

  @Test func docxOnlyWritesNoSVG() {
    let (files, _) = ReportRenderingTests.renderExample(
      "records-system-deployment.pia.yaml", format: .docx)
    #expect(files.map(\.name).allSatisfy { $0.hasSuffix(".docx") })
    #expect(files.count == ReportRenderingTests.templateIDs.count)
  }
}
