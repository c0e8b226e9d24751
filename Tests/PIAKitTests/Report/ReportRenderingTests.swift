import Foundation
import Testing
@testable import PIAKit

@Suite struct ReportRenderingTests {
  static let templateIDs = ["pia-report", "council-appendix", "notice-of-collection"]

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
    let markdown = try ReportFixtures.templates.render(template, model: ReportFixtures.pilotModel(), law: ReportFixtures.law)
    assertSnapshot(of: markdown, named: "report-pilot.\(template)", extension: "md")
  }

  @Test(arguments: templateIDs)
  func screeningOnlyGolden(template: String) throws {
    let markdown = try ReportFixtures.templates.render(template, model: ReportFixtures.noPIModel(), law: ReportFixtures.law)
    assertSnapshot(of: markdown, named: "report-no-pi.\(template)", extension: "md")
  }
}
