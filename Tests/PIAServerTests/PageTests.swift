import Foundation
import Hummingbird
import PIAKit
import Testing

@testable import PIAServer

@Suite("pia serve: pages are accessible by construction")
struct PageTests {
  static let patternPages =
    PatternRoutes.kinds.flatMap { ["question-\($0.rawValue)", "question-\($0.rawValue)-error"] }
    + ["group-list", "group-remove", "review", "conflict", "sign-in"]

  @Test(
    "every page: lang, one h1, labelled controls, legends on choices, no inline script or style")
  func structure() async throws {
    let harness = try ServerHarness(patterns: true)
    defer { harness.remove() }
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      let uris =
        ["/", "/a/safe-admin-pilot/", "/_patterns/"] + Self.patternPages.map { "/_patterns/\($0)" }
      for uri in uris {
        try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
          #expect(response.status.code < 500, "\(uri)")
          let html = String(buffer: response.body)
          Self.checkStructure(html, uri: uri)
        }
      }
    }
  }

  @Test("a question with an error: summary first, focused, linked to the control; input kept")
  func errorPattern() async throws {
    let harness = try ServerHarness(patterns: true)
    defer { harness.remove() }
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      try await client.execute(
        uri: "/_patterns/question-date-error", method: .get, headers: browser.headers
      ) { response in
        #expect(response.status == .unprocessableContent)
        let html = String(buffer: response.body)
        #expect(html.contains("<title>Error: "))
        #expect(html.contains("<div class=\"pia-error-summary\" tabindex=\"-1\" autofocus>"))
        #expect(html.contains("<a href=\"#value\">Enter a real date"))
        #expect(html.contains("aria-describedby=\"value-hint value-error\""))
        #expect(html.contains("value=\"2026-02-30\""))
      }
      try await client.execute(
        uri: "/_patterns/question-multi_choice", method: .get, headers: browser.headers
      ) { response in
        let html = String(buffer: response.body)
        #expect(html.contains("type=\"checkbox\""))
        #expect(
          html.contains(
            "<legend class=\"pia-fieldset__legend\"><h1 class=\"pia-fieldset__heading\">"))
        #expect(html.contains("Select all that apply."))
      }
    }
  }

  @Test("a saved answer fills its control; refused input wins over it")
  func prefill() {
    let builder = QuestionFieldBuilder(cite: { "cited \($0)" })
    let location = SourceLocation(file: "t", line: 1, column: 1)
    let choice = Question(
      id: "q", kind: .multiChoice, prompt: "Pick",
      choices: [
        Choice(id: "a", label: "A", location: location),
        Choice(id: "b", label: "B", location: location),
      ], location: location)
    let saved = builder.field(for: choice, value: .choices(["b"]))
    #expect(saved.options.map(\.optionChecked) == [false, true])
    let refused = builder.field(for: choice, value: .choices(["b"]), input: ["a"], error: "No")
    #expect(refused.options.map(\.optionChecked) == [true, false])
    #expect(refused.describedBy == "value-hint value-error")
    let date = Question(id: "d", kind: .date, prompt: "When", cites: ["x"], location: location)
    let field = builder.field(for: date, value: CalendarDate("2026-01-02").map(AnswerValue.date))
    #expect(field.textValue == "2026-01-02")
    #expect(field.citations == ["cited x"])
    #expect(builder.errorTarget(for: choice) == "#value-a")
  }

  /// Structural checks axe cannot make (a missing legend is no axe violation).
  static func checkStructure(_ html: String, uri: String) {
    #expect(html.contains("<html lang=\"en-CA\">"), "\(uri)")
    #expect(html.components(separatedBy: "<h1").count == 2, "exactly one h1: \(uri)")
    #expect(!html.contains("{{") && !html.contains("}}"), "unrendered tag: \(uri)")
    #expect(
      !html.contains("<script") && !html.contains("style=") && !html.contains("<style"), "\(uri)")
    #expect(html.range(of: #" on[a-z]+=""#, options: .regularExpression) == nil, "handler: \(uri)")
    let labels = Set(values(of: "for", in: html))
    for tag in tags(["input", "textarea", "select"], in: html) {
      if tag.contains("type=\"hidden\"") || tag.contains("type=\"submit\"") { continue }
      let id = values(of: "id", in: tag).first
      #expect(id.map(labels.contains) == true, "control without a label in \(uri): \(tag)")
    }
    let radios = html.components(separatedBy: "type=\"radio\"").count - 1
    let checkboxes = html.components(separatedBy: "type=\"checkbox\"").count - 1
    if radios + checkboxes > 0 {
      #expect(
        html.contains("<fieldset") && html.contains("<legend"), "choices without a legend: \(uri)")
    }
    let ids = values(of: "id", in: html)
    #expect(Set(ids).count == ids.count, "duplicate ids in \(uri)")
    for reference in values(of: "aria-describedby", in: html).flatMap({ $0.split(separator: " ") })
    {
      #expect(
        ids.contains(String(reference)),
        "aria-describedby names a missing id in \(uri): \(reference)")
    }
  }

  static func tags(_ names: [String], in html: String) -> [String] {
    var found: [String] = []
    for name in names {
      for part in html.components(separatedBy: "<\(name) ").dropFirst() {
        found.append(String(part.prefix { $0 != ">" }))
      }
    }
    return found
  }

  static func values(of attribute: String, in html: String) -> [String] {
    html.components(separatedBy: " \(attribute)=\"").dropFirst().map {
      String($0.prefix { $0 != "\"" })
    }
  }
}
