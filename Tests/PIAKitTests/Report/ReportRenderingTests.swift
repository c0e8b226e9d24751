import Foundation
import Testing

@testable import PIAKit

@Suite struct ReportRenderingTests {
  static let templateIDs = [
    "pia-report", "council-report", "council-appendix", "notice-of-collection",
  ]

  @Test func shippedTemplatesValidate() {
    let diagnostics = ReportFixtures.templates.validate(law: ReportFixtures.law)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    #expect(ReportFixtures.templates.manifest.entries.map(\.id) == Self.templateIDs)
  }

  @Test func sampleModelPopulatesEveryList() {
    // Fields of a group entry are never groups themselves, so their own entries stay empty.
    let unknown = ReportModel.schema(law: ReportFixtures.law).unknownPaths()
      .filter { !$0.hasSuffix("entries[].fields[].entries[]") }
    #expect(unknown.isEmpty)
  }

  @Test(arguments: templateIDs)
  func pilotGolden(template: String) throws {
    let markdown = try ReportFixtures.templates.render(
      template, model: ReportFixtures.pilotModel(), law: ReportFixtures.law)
    assertSnapshot(of: markdown, named: "report-pilot.\(template)", extension: "md")
  }

  static let examples: [String] = {
    let folder = RepositoryPaths.root.appendingPathComponent("Examples")
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { $0.hasSuffix(".pia.yaml") }.sorted()
  }()

  static func renderExample(_ name: String, format: ReportRenderer.Format = .md) -> (
    [RenderedFile], [Diagnostic]
  ) {
    let renderer = ReportRenderer(catalog: ReportFixtures.catalog)
    let url = RepositoryPaths.root.appendingPathComponent("Examples/\(name)")
    do {
      let session = try Fixtures.session(
        url, content: ReportFixtures.catalog, path: "Examples/\(name)")
      let files = try renderer.render(
        session, baseName: ReportRenderer.baseName(ofAnswers: name), templateIDs: [],
        format: format, date: nil)
      return (files, [])
    } catch let error as DiagnosticsError {
      return ([], error.diagnostics)
    } catch {
      return ([], [.error("\(error)", at: nil)])
    }
  }

  /// Every template on every shipped example, through the real loader and risk engine.
  @Test(arguments: examples)
  func exampleGoldens(example: String) throws {
    let (files, diagnostics) = Self.renderExample(example)
    #expect(!diagnostics.hasErrors, "\(diagnostics)")
    let markdowns = files.filter { $0.name.hasSuffix(".md") }
    #expect(markdowns.count == Self.templateIDs.count)
    for file in markdowns {
      assertSnapshot(
        of: String(decoding: file.data, as: UTF8.self), named: "example.\(file.name.dropLast(3))",
        extension: "md")
      let document = try MarkdownParser.parse(String(decoding: file.data, as: UTF8.self))
      #expect(DocumentChecks.headingOrderProblems(document).isEmpty, "\(file.name)")
    }
  }

  /// A proxy for "at most two pages": measured with LibreOffice, the longest shipped example
  /// (729 words) fills two pages; keep every council appendix under 750 words of text.
  @Test(arguments: examples)
  func councilAppendixStaysShort(example: String) throws {
    let (files, _) = Self.renderExample(example)
    let appendix = try #require(files.first { $0.name.hasSuffix(".council-appendix.md") })
    let document = try MarkdownParser.parse(String(decoding: appendix.data, as: UTF8.self))
    // The diagram's alt text is not printed, so it is not counted. The picture itself is not
    // counted either: with it, LibreOffice lays the safe and personal-account appendices on two
    // pages and the records appendix (do not proceed, five conditions) on three, the third
    // holding only the contact line (measured 2026-11-30).
    let alt = document.blocks.flatMap { block -> [String] in
      guard case .paragraph(let inlines) = block else { return [] }
      return inlines.compactMap { inline in
        if case .image(let image) = inline { return image.alt.plainText }
        return nil
      }
    }
    let words =
      document.plainText.split(whereSeparator: \.isWhitespace).count
      - alt.joined(separator: " ").split(whereSeparator: \.isWhitespace).count
    #expect(words <= 750, "\(example): \(words) words")
  }

  /// The rendering checked in under Examples/output/ is the current one.
  @Test func checkedInExampleOutputIsCurrent() throws {
    let (files, _) = Self.renderExample("safe-admin-pilot.pia.yaml")
    #expect(!files.isEmpty)
    for file in files {
      let url = RepositoryPaths.root.appendingPathComponent("Examples/output/\(file.name)")
      let stored = FileManager.default.contents(atPath: url.path)
      // The diagram's geometry depends on the installed fonts: its SVG must be there, and is
      // compared byte for byte by the renders CI repeats (scripts/check-documents.sh).
      if file.name.hasSuffix(".svg") {
        #expect(stored != nil, "Examples/output/\(file.name) is missing")
        continue
      }
      #expect(
        stored == file.data,
        "Examples/output/\(file.name) is out of date: run pia render --answers Examples/safe-admin-pilot.pia.yaml --output Examples/output"
      )
    }
  }

  @Test func renderingIsByteForByteRepeatable() {
    let first = Self.renderExample("safe-admin-pilot.pia.yaml", format: .all).0
    let second = Self.renderExample("safe-admin-pilot.pia.yaml", format: .all).0
    // Markdown and DOCX for each template, and the full report's diagram.
    #expect(first.count == 2 * Self.templateIDs.count + 1)
    #expect(first == second)
  }

  @Test(arguments: templateIDs)
  func screeningOnlyGolden(template: String) throws {
    let markdown = try ReportFixtures.templates.render(
      template, model: ReportFixtures.noPIModel(), law: ReportFixtures.law)
    assertSnapshot(of: markdown, named: "report-no-pi.\(template)", extension: "md")
  }
}
