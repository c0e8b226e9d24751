import Foundation
import PIAHost
import PIAKit
import Testing

@testable import PIAServer

@Suite("pia serve: the assessment store")
struct AssessmentStoreTests {
  @Test("an unchanged file is taken from the cache; a file changed outside is read afresh")
  func cacheByToken() throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    let store = harness.server.store
    let first = try store.read("safe-admin-pilot")
    let again = try store.read("safe-admin-pilot")
    #expect(again.token == first.token)
    #expect(store.parseCount == 1)
    let url = harness.workspace.appendingPathComponent("safe-admin-pilot.pia.yaml")
    let edited = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
      of: "plan_tier: team", with: "plan_tier: enterprise")
    try Data(edited.utf8).write(to: url)
    let changed = try store.read("safe-admin-pilot")
    #expect(store.parseCount == 2)
    #expect(changed.token != first.token)
    #expect(changed.session.file.answers["plan_tier"] == .choice("enterprise"))
    #expect(store.earlierSession("safe-admin-pilot", token: first.token) != nil)
  }

  @Test("a save is cached under the token of the bytes written, so the next read parses nothing")
  func saveCaches() throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    let store = harness.server.store
    let before = try store.read("safe-admin-pilot")
    let outcome = try store.update("safe-admin-pilot", revision: before.token.hex) {
      session throws(SessionError) in
      try session.answer(QuestionPath("project_title"), input: ["Renamed"])
    }
    guard case .saved(_, _, let after) = outcome else {
      Issue.record("expected a save, got \(outcome)")
      return
    }
    let bytes = try Data(
      contentsOf: harness.workspace.appendingPathComponent("safe-admin-pilot.pia.yaml"))
    #expect(after.token == ContentToken(of: bytes))
    let read = try store.read("safe-admin-pilot")
    #expect(read.session.file.answers["project_title"] == .text("Renamed"))
    #expect(store.parseCount == 1)
  }

  @Test("a refused change, a conflict and an unknown name write nothing")
  func nothingWritten() throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    let store = harness.server.store
    let url = harness.workspace.appendingPathComponent("safe-admin-pilot.pia.yaml")
    let bytes = try Data(contentsOf: url)
    let refused = try store.update("safe-admin-pilot", revision: nil) {
      session throws(SessionError) in
      try session.answer(QuestionPath("assessment_date"), input: ["2026-02-30"])
    }
    guard case .refused(let error, _) = refused else {
      Issue.record("expected a refusal, got \(refused)")
      return
    }
    #expect(error.kind == .invalid)
    let conflict = try store.update(
      "safe-admin-pilot", revision: "0000000000000000",
      conflicts: { earlier, _ in earlier == nil }
    ) { session throws(SessionError) in
      try session.answer(QuestionPath("project_title"), input: ["Mine"])
    }
    guard case .conflict = conflict else {
      Issue.record("expected a conflict, got \(conflict)")
      return
    }
    #expect(throws: AssessmentStore.ReadError.self) {
      _ = try store.update("../etc/passwd", revision: nil) { _ throws(SessionError) in () }
    }
    #expect(try Data(contentsOf: url) == bytes)
  }
}
