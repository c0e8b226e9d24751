import Foundation
import Testing

@testable import PIAKit

/// No internal id, reference tag or doubled word reaches a document (issue 13): every template
/// on every shipped example, in both audiences, scanned as Markdown.
@Suite struct DocumentScanTests {
  static let examples = ReportRenderingTests.examples

  /// The rendered Markdown of every template for an example and audience.
  static func render(_ example: String, audience: ReportAudience) throws -> [RenderedFile] {
    let url = RepositoryPaths.root.appendingPathComponent("Examples/\(example)")
    let session = try Fixtures.session(
      url, content: ReportFixtures.catalog, path: "Examples/\(example)")
    return try ReportRenderer(catalog: ReportFixtures.catalog).render(
      session, baseName: ReportRenderer.baseName(ofAnswers: example), templateIDs: [],
      format: .md, date: nil, audience: audience)
  }

  /// Rule and mitigation ids of the shipped content, and the answers file's entry ids; only
  /// those that cannot be an English word (with a hyphen, an underscore or a digit: a
  /// mitigation id such as `encryption` is also the word).
  static func internalIDs(_ example: String) throws -> Set<String> {
    var ids: Set<String> = []
    for rule in ReportFixtures.catalog.rules.rules {
      ids.insert(rule.id)
      for mitigation in rule.mitigations { ids.insert(mitigation.id) }
    }
    let url = RepositoryPaths.root.appendingPathComponent("Examples/\(example)")
    let session = try Fixtures.session(
      url, content: ReportFixtures.catalog, path: "Examples/\(example)")
    for case .entries(let entries) in session.file.answers.values {
      for entry in entries { ids.insert(entry.id) }
    }
    return ids.filter { $0.contains { $0 == "-" || $0 == "_" || $0.isNumber } }
  }

  /// The problems in one document's text: internal ids (whole words), an `@` outside an
  /// e-mail address, bracketed reference tags, doubled words.
  static func problems(in text: String, ids: Set<String>) -> [String] {
    var found: [String] = []
    let word = /[A-Za-z0-9_@.-]+/
    for match in text.matches(of: word) {
      let token = String(match.output).trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
      if ids.contains(token) { found.append("internal id '\(token)'") }
      if let at = token.firstIndex(of: "@") {
        let isEmail = token[token.index(after: at)...].contains(".") && at != token.startIndex
        if !isEmail { found.append("'@' in '\(token)'") }
      }
    }
    for match in text.matches(of: /\[(guidance[^\]]*|[0-9]+(\.[0-9]+)+[^\]]*)\]/.ignoresCase()) {
      found.append("reference tag '\(match.output.0)'")
    }
    // "by by-law" is English: a doubled word is not followed by a hyphen.
    for match in text.matches(of: /\b([A-Za-z]{2,})\s+\1\b(?!-)/.ignoresCase()) {
      found.append("doubled word '\(match.output.0)'")
    }
    return found
  }

  @Test(arguments: examples, ReportAudience.allCases)
  func noInternalIDTagOrDoubledWord(example: String, audience: ReportAudience) throws {
    let ids = try Self.internalIDs(example)
    let rendered = try Self.render(example, audience: audience)
    let files = rendered.filter { $0.name.hasSuffix(".md") }
    #expect(files.count == ReportRenderingTests.templateIDs.count)
    // The diagrams' SVG carries the same words (its labels) and is scanned too.
    for file in rendered {
      let problems = Self.problems(in: String(decoding: file.data, as: UTF8.self), ids: ids)
      #expect(problems.isEmpty, "\(file.name): \(problems.prefix(10))")
    }
  }

  /// A revised assessment's "Changes since version N" names flows by their answers.
  @Test func changesSinceAVersionCarryNoEntryID() throws {
    let example = "records-system-deployment.pia.yaml"
    let url = RepositoryPaths.root.appendingPathComponent("Examples/\(example)")
    var session = try Fixtures.session(
      url, content: ReportFixtures.catalog, path: "Examples/\(example)")
    let date = try #require(CalendarDate("2026-05-01"))
    try session.revise(reason: "Attendance as counts", date: date, by: "Priya Raman")
    guard case .entries(var flows)? = session.file.answers["data_flows"] else {
      Issue.record("the example has data flows")
      return
    }
    flows[2].values["authority"] = .choice("necessary_lawful_activity")
    flows.removeFirst()
    session.file.answers["data_flows"] = .entries(flows)
    let files = try ReportRenderer(catalog: ReportFixtures.catalog).render(
      session, baseName: "x", templateIDs: [], format: .md, date: nil)
    let report = String(decoding: try #require(files.first).data, as: UTF8.self)
    #expect(report.contains("## Changes since version 1"))
    #expect(report.contains("by Priya Raman"))
    for file in files {
      let problems = Self.problems(
        in: String(decoding: file.data, as: UTF8.self), ids: try Self.internalIDs(example))
      #expect(problems.isEmpty, "\(file.name): \(problems.prefix(10))")
    }
  }

  /// The scanner finds what it looks for (so a clean result means something).
  @Test func theScannerCatchesEachKind() {
    let ids: Set<String> = ["flow-no-authority", "data_flows-3"]
    let text =
      "Risk 'flow-no-authority@data_flows-3' [6.10] and [guidance: common] likely likelihood "
      + "plan plan; write to privacy@example.ca. Council may, by by-law, designate."
    let problems = Self.problems(in: text, ids: ids)
    #expect(problems.contains { $0.hasPrefix("'@'") })
    #expect(problems.contains("reference tag '[6.10]'"))
    #expect(problems.contains("reference tag '[guidance: common]'"))
    #expect(problems.contains("doubled word 'plan plan'"))
    #expect(!problems.contains { $0.contains("privacy@example.ca") })
    #expect(!problems.contains { $0.contains("by by") })
    #expect(
      ReportText.withoutReferenceTags("Harm. [6.16, 6.37; CNIL x] End [a] [2]")
        == "Harm. End [a] [2]")
    #expect(
      Self.problems(in: "Data flow data_flows-3 here", ids: ids) == ["internal id 'data_flows-3'"])
  }

  /// The public version leaves out what the questionnaire marks internal.
  @Test func thePublicVersionLeavesOutInternalAnswers() throws {
    let full = try Self.render("records-system-deployment.pia.yaml", audience: .full)
    let open = try Self.render("records-system-deployment.pia.yaml", audience: .public)
    // Documents are named NAME.public.TEMPLATE.md; the diagram is the same picture for both.
    #expect(open.filter { !$0.name.hasSuffix(".svg") }.allSatisfy { $0.name.contains(".public.") })
    let url = RepositoryPaths.root.appendingPathComponent(
      "Examples/records-system-deployment.pia.yaml")
    let questionnaire = try Fixtures.session(url, content: ReportFixtures.catalog).questionnaire
    let hidden = questionnaire.internalQuestionIDs
    #expect(hidden.contains("coordinator_advice"))
    let report = { (files: [RenderedFile]) in
      String(
        decoding: files.first { $0.name.hasSuffix(".pia-report.md") }?.data ?? Data(), as: UTF8.self
      )
    }
    for id in hidden {
      guard let prompt = questionnaire.question(id)?.prompt else { continue }
      #expect(!report(open).contains("**\(prompt)**"), "public report shows '\(id)'")
    }
    #expect(report(full).count > report(open).count)
  }
}
