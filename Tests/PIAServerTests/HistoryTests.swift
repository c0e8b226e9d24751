import Foundation
import Hummingbird
import PIAKit
import Testing

@testable import PIAServer

@Suite("pia serve: history, revisions and sign-offs")
struct HistoryTests {
  @Test("a revision needs a reason, records the signed-in user as 'by', and the diff shows it")
  func revise() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      let history = try await browser.get(client, "/a/safe-admin-pilot/history")
      #expect(history.status == .ok)
      #expect(history.html.contains("1 (current)"))
      let blank = try await browser.post(
        client, "/a/safe-admin-pilot/revise",
        [("reason", "  "), ("revision", history.revision ?? "")])
      #expect(blank.status == .unprocessableContent)
      #expect(blank.html.contains("A revision needs a reason"))
      let started = try await browser.post(
        client, "/a/safe-admin-pilot/revise",
        [("reason", "Scope widened to the records system"), ("revision", history.revision ?? "")])
      #expect(started.status == .seeOther)
      let text = try harness.text("safe-admin-pilot")
      #expect(text.contains("Scope widened to the records system"))
      #expect(text.contains("by: tester") || text.contains("by: \"tester\""))
      try await browser.answer(client, "safe-admin-pilot", "plan_tier", ["enterprise"])
      let after = try await browser.get(client, "/a/safe-admin-pilot/history")
      #expect(after.html.contains("2 (current)"))
      #expect(after.html.contains("href=\"/a/safe-admin-pilot/history/diff?from=1\""))
      let diff = try await browser.get(client, "/a/safe-admin-pilot/history/diff?from=1")
      #expect(diff.status == .ok)
      #expect(diff.html.contains("Changes from version 1 to version 2 (current)"))
      #expect(diff.html.contains("Enterprise"))
      #expect(
        try await browser.get(client, "/a/safe-admin-pilot/history/diff?from=7").status == .notFound
      )
    }
  }

  @Test("a sign-off follows pia approve's rules, and is refused when the answers changed")
  func approve() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      let history = try await browser.get(client, "/a/safe-admin-pilot/history")
      let hash = try #require(Self.hiddenValue("answers", in: history.html))
      let incomplete = try await browser.post(
        client, "/a/safe-admin-pilot/approve",
        [
          ("answers", hash), ("role", "head"), ("name", "Dana Lee, Clerk"),
          ("decision", "rejected"),
          ("date", "2026-03-01"),
        ])
      #expect(incomplete.status == .unprocessableContent)
      #expect(incomplete.html.contains("A rejection needs a reason"))
      #expect(incomplete.html.contains("value=\"Dana Lee, Clerk\""), "the input is kept")
      let missing = try await browser.post(
        client, "/a/safe-admin-pilot/approve", [("answers", hash)])
      #expect(missing.status == .unprocessableContent)
      #expect(missing.html.contains("Select who signs"))
      try await browser.answer(client, "safe-admin-pilot", "plan_tier", ["enterprise"])
      let stale = try await browser.post(
        client, "/a/safe-admin-pilot/approve",
        [
          ("answers", hash), ("role", "head"), ("name", "Dana Lee, Clerk"),
          ("decision", "approved"),
          ("date", "2026-03-01"),
        ])
      #expect(stale.status == .conflict)
      #expect(!(try harness.text("safe-admin-pilot")).contains("Dana Lee"))
      let fresh = try await browser.get(client, "/a/safe-admin-pilot/history")
      let recorded = try await browser.post(
        client, "/a/safe-admin-pilot/approve",
        [
          ("answers", Self.hiddenValue("answers", in: fresh.html) ?? ""), ("role", "head"),
          ("name", "Dana Lee, Clerk"), ("decision", "approved"), ("date", "2026-03-01"),
          ("advice", "accepted"), ("delegation", " By-law 2019-47 "),
        ])
      #expect(recorded.status == .seeOther)
      let text = try harness.text("safe-admin-pilot")
      #expect(text.contains("name: \"Dana Lee, Clerk\""))
      #expect(text.contains("delegation: \"By-law 2019-47\""), "the session trims the delegation")
      let shown = try await browser.get(client, try #require(recorded.location))
      #expect(shown.html.contains("Sign-off recorded"))
      #expect(shown.html.contains("Approved by Dana Lee, Clerk"))
      #expect(shown.html.contains("delegate under By-law 2019-47."))
    }
  }

  @Test("the session's approval policy: an incomplete assessment cannot be approved (422)")
  func approvalPolicy() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      try await browser.create(client, "incomplete")
      let history = try await browser.get(client, "/a/incomplete/history")
      let before = try harness.text("incomplete")
      let refused = try await browser.post(
        client, "/a/incomplete/approve",
        [
          ("answers", Self.hiddenValue("answers", in: history.html) ?? ""), ("role", "head"),
          ("name", "Dana Lee, Clerk"), ("decision", "approved"), ("date", "2026-03-01"),
          ("delegation", "By-law 2019-47"),
        ])
      #expect(refused.status == .unprocessableContent)
      #expect(refused.html.contains("<a href=\"#approve\">The assessment is incomplete: "))
      #expect(refused.html.contains("value=\"By-law 2019-47\""), "the input is kept")
      #expect(try harness.text("incomplete") == before)
    }
  }

  static func hiddenValue(_ name: String, in html: String) -> String? {
    guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
    return String(html[range.upperBound...].prefix { $0 != "\"" })
  }
}
