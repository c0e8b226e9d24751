import Foundation
import Hummingbird
import PIAKit
import Testing

@testable import PIAServer

@Suite("pia serve: answering questions")
struct InterviewTests {
  @Test("a question page has the field, the file's revision, back, skip and its position")
  func questionPage() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      try await browser.create(client, "town-pilot")
      let page = try await browser.get(client, "/a/town-pilot/q/institution_name")
      #expect(page.status == .ok)
      let bytes = try Data(
        contentsOf: harness.workspace.appendingPathComponent("town-pilot.pia.yaml"))
      #expect(page.revision == ContentToken(of: bytes).hex)
      #expect(page.html.contains("action=\"/a/town-pilot/q/institution_name\""))
      #expect(page.html.contains("class=\"pia-back-link\">Back</a>"))
      #expect(page.html.contains("href=\"/a/town-pilot/q/project_title\" class=\"pia-back-link\""))
      #expect(page.html.contains("href=\"/a/town-pilot/q/program_owner_role\">Skip this question"))
      #expect(page.html.contains("Question 2 of "))
      #expect(page.html.contains("About this assessment"), "the section is the caption")
      #expect(page.html.contains("MFIPPA"), "citations are shown")
      #expect(page.html.contains("Risk as saved so far: residual <strong class=\"pia-tag"))
    }
  }

  @Test("saving writes the file before answering, then 303 to the next question with a notice")
  func save() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      try await browser.create(client, "town-pilot")
      let saved = try await browser.answer(client, "town-pilot", "project_title", ["Copilot pilot"])
      #expect(saved.status == .seeOther)
      let location = try #require(saved.location)
      #expect(location.hasPrefix("/a/town-pilot/q/institution_name?notice="))
      #expect(try harness.text("town-pilot").contains("project_title: Copilot pilot"))
      let next = try await browser.get(client, location)
      #expect(next.html.contains("Answer saved"))
      #expect(next.html.contains("Overall residual risk"))
      let again = try await browser.get(client, location)
      #expect(!again.html.contains("Answer saved"), "a notice is shown once")
    }
  }

  @Test("an answer that moves the risk says so: level and findings before → after")
  func riskNotice() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      let form = try await browser.get(client, "/a/safe-admin-pilot/q/plan_tier")
      #expect(form.status == .ok)
      let saved = try await browser.post(
        client, "/a/safe-admin-pilot/q/plan_tier",
        [("revision", form.revision ?? ""), ("value", "free")])
      #expect(saved.status == .seeOther)
      let next = try await browser.get(client, try #require(saved.location))
      #expect(next.html.contains("Overall residual risk: "))
      #expect(next.html.contains(" → "), "the free plan moves the risk")
      #expect(next.html.contains("New finding: "))
    }
  }

  @Test("invalid input: 422, the error summary linked to the field, the input kept, no write")
  func invalid() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      try await browser.create(client, "town-pilot")
      let before = try harness.text("town-pilot")
      let refused = try await browser.answer(
        client, "town-pilot", "assessment_date", ["2026-02-30"])
      #expect(refused.status == .unprocessableContent)
      #expect(refused.html.contains("<title>Error: "))
      #expect(refused.html.contains("<a href=\"#value\">"))
      #expect(refused.html.contains("value=\"2026-02-30\""))
      let empty = try await browser.answer(client, "town-pilot", "uses_ai_tool", [])
      #expect(empty.status == .unprocessableContent)
      #expect(
        empty.html.contains("<a href=\"#value-yes\">This question is required; answer yes or no"))
      #expect(try harness.text("town-pilot") == before)
    }
  }

  @Test("a stale revision whose answer changed: 409 with both values and the input kept")
  func conflict() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      try await browser.create(client, "town-pilot")
      let uri = "/a/town-pilot/q/project_title"
      let tabA = try await browser.get(client, uri)
      let tabB = try await browser.get(client, uri)
      let first = try await browser.post(
        client, uri, [("revision", tabA.revision ?? ""), ("value", "From tab A")])
      #expect(first.status == .seeOther)
      let second = try await browser.post(
        client, uri, [("revision", tabB.revision ?? ""), ("value", "From tab B")])
      #expect(second.status == .conflict)
      #expect(second.html.contains("From tab A"), "the saved value")
      #expect(second.html.contains("value=\"From tab B\""), "the input, kept in the field")
      #expect(try harness.text("town-pilot").contains("project_title: From tab A"))
      let retried = try await browser.post(
        client, uri, [("revision", second.revision ?? ""), ("value", "From tab B")])
      #expect(retried.status == .seeOther)
      #expect(try harness.text("town-pilot").contains("project_title: From tab B"))
    }
  }

  @Test("a stale revision whose own answer did not change is saved over the newer file")
  func staleButIndependent() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      try await browser.create(client, "town-pilot")
      let title = try await browser.get(client, "/a/town-pilot/q/project_title")
      try await browser.answer(client, "town-pilot", "institution_name", ["Town of Example"])
      let saved = try await browser.post(
        client, "/a/town-pilot/q/project_title",
        [("revision", title.revision ?? ""), ("value", "Pilot")])
      #expect(saved.status == .seeOther)
      let text = try harness.text("town-pilot")
      #expect(text.contains("project_title: Pilot"))
      #expect(text.contains("institution_name: Town of Example"))
    }
  }

  @Test("a file changed on disk is read afresh; a form from before it conflicts on its answer")
  func changedOnDisk() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      let uri = "/a/safe-admin-pilot/q/project_title"
      let form = try await browser.get(client, uri)
      let url = harness.workspace.appendingPathComponent("safe-admin-pilot.pia.yaml")
      let edited = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
        of: "project_title: ", with: "project_title: Edited by hand — ")
      try Data(edited.utf8).write(to: url)
      let page = try await browser.get(client, uri)
      #expect(page.html.contains("Edited by hand"), "the edit is picked up")
      #expect(page.revision != form.revision)
      let stale = try await browser.post(
        client, uri, [("revision", form.revision ?? ""), ("value", "Mine")])
      #expect(stale.status == .conflict)
      #expect(try String(contentsOf: url, encoding: .utf8) == edited)
    }
  }

  @Test("unknown ids are 404; a question that does not apply says why")
  func unknownAndNotApplicable() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      try await browser.create(client, "town-pilot")
      for uri in [
        "/a/town-pilot/q/no_such_question", "/a/no-such-file/q/project_title",
        "/a/town-pilot/g/data_flows/data_flows-9/q/data_element", "/a/town-pilot/g/nope/",
        "/a/town-pilot/q/data_element",
      ] {
        #expect(try await browser.get(client, uri).status == .notFound, "\(uri)")
      }
      try await browser.answer(client, "town-pilot", "uses_ai_tool", ["no"])
      let hidden = try await browser.get(client, "/a/town-pilot/q/ai_vendor")
      #expect(hidden.status == .ok)
      #expect(hidden.html.contains("does not apply"))
      #expect(hidden.html.contains("uses_ai_tool = yes"))
      let posted = try await browser.post(
        client, "/a/town-pilot/q/ai_vendor",
        [
          (
            "revision",
            try await browser.get(client, "/a/town-pilot/q/project_title").revision ?? ""
          ),
          ("value", "openai"),
        ])
      #expect(posted.status == .unprocessableContent)
      #expect(!(try harness.text("town-pilot")).contains("ai_vendor"))
      #expect(posted.html.contains("does not apply given the other answers"))
    }
  }

  @Test("?return=review: back to check your answers after saving")
  func returnToReview() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      let review = try await browser.get(client, "/a/safe-admin-pilot/review")
      #expect(review.status == .ok)
      #expect(review.html.contains("href=\"/a/safe-admin-pilot/q/project_title?return=review\""))
      let uri = "/a/safe-admin-pilot/q/project_title?return=review"
      let form = try await browser.get(client, uri)
      #expect(form.html.contains("action=\"/a/safe-admin-pilot/q/project_title?return=review\""))
      let saved = try await browser.post(
        client, uri, [("revision", form.revision ?? ""), ("value", "Renamed pilot")])
      #expect(saved.location?.hasPrefix("/a/safe-admin-pilot/review?notice=") == true)
    }
  }
}
