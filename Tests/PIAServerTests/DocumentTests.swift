import Foundation
import Hummingbird
import PIAHost
import PIAKit
import Testing

@testable import PIAServer

@Suite("pia serve: check your answers, score, documents")
struct DocumentTests {
  @Test("check your answers: every section that applies, change links, missing required")
  func review() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      let full = try await browser.get(client, "/a/safe-admin-pilot/review")
      #expect(full.status == .ok)
      #expect(full.html.contains("Claude (Team plan), desktop app and web"))
      #expect(full.html.contains("the answer to “"))
      try await browser.create(client, "empty")
      let empty = try await browser.get(client, "/a/empty/review")
      #expect(empty.html.contains("Still to answer"))
      #expect(empty.html.contains("href=\"/a/empty/q/project_title?return=review\""))
      #expect(
        !empty.html.contains("q/consumer_training_opt_out"),
        "questions that do not apply are left out")
    }
  }

  @Test("a format-1 file: the overview says what reading it changed, as pia prints it")
  func readingNotes() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try FileManager.default.copyItem(
      at: ServerHarness.packageRoot.appendingPathComponent(
        "Tests/PIAKitTests/Fixtures/revision/format-1-approved.pia.yaml"),
      to: harness.workspace.appendingPathComponent("older.pia.yaml"))
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      let older = try await browser.get(client, "/a/older/")
      #expect(older.status == .ok)
      #expect(older.html.contains("Notes on reading this file"))
      #expect(older.html.contains("This file is in format 1"))
      let current = try await browser.get(client, "/a/safe-admin-pilot/")
      #expect(!current.html.contains("Notes on reading this file"))
    }
  }

  @Test("score.json is the JSON pia score prints for the file")
  func score() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    let session = try AssessmentSession.open(
      data: Data(
        contentsOf: harness.workspace.appendingPathComponent("safe-admin-pilot.pia.yaml")),
      path: "safe-admin-pilot.pia.yaml", content: harness.server.catalog,
      options: .init(acceptsOtherVersion: true)
    ).value
    let expected =
      session.assessment(asOf: try session.assessmentDate()).json(
        law: harness.server.catalog.law
      ).rendered() + "\n"
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      let page = try await browser.get(client, "/a/safe-admin-pilot/score.json")
      #expect(page.status == .ok)
      #expect(page.headers[.contentType] == "application/json; charset=utf-8")
      #expect(page.html == expected)
      try await browser.create(client, "undated")
      let undated = try await browser.get(client, "/a/undated/score.json")
      #expect(undated.status == .ok, "a new file is dated by 'started'")
    }
  }

  @Test("documents: Markdown, Word and PDF rendered in memory, the full and the public version")
  func documents() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      let markdown = try await browser.get(client, "/a/safe-admin-pilot/documents/pia-report.md")
      #expect(markdown.status == .ok)
      #expect(markdown.headers[.contentType] == "text/markdown; charset=utf-8")
      #expect(
        markdown.headers[.contentDisposition]
          == "attachment; filename=\"safe-admin-pilot.pia-report.md\"")
      #expect(markdown.html.hasPrefix("# "))
      let word = try await browser.get(
        client, "/a/safe-admin-pilot/documents/council-appendix.docx")
      #expect(word.status == .ok)
      #expect(word.body.readableBytesView.prefix(2).elementsEqual([0x50, 0x4b]), "a zip")
      let pdf = try await browser.get(client, "/a/safe-admin-pilot/documents/council-appendix.pdf")
      if LibreOffice.locate() != nil {
        #expect(pdf.status == .ok)
        #expect(pdf.headers[.contentType] == "application/pdf")
        #expect(pdf.body.readableBytesView.prefix(5).elementsEqual(Array("%PDF-".utf8)))
      } else {
        #expect(pdf.status == .serviceUnavailable)
        #expect(pdf.html.contains(LibreOffice.debianPackage))
      }
      // The Markdown links its diagram by file name; the link resolves beside the document.
      #expect(markdown.html.contains("](safe-admin-pilot.data-flows.svg)"))
      for uri in [
        "/a/safe-admin-pilot/documents/safe-admin-pilot.data-flows.svg",
        "/a/safe-admin-pilot/documents/data-flows.svg",
      ] {
        let picture = try await browser.get(client, uri)
        #expect(picture.status == .ok, "\(uri)")
        #expect(picture.headers[.contentType] == "image/svg+xml")
        #expect(picture.html.contains("<svg"))
      }
      let publicVersion = try await browser.get(
        client, "/a/safe-admin-pilot/documents/pia-report.md?audience=public")
      #expect(publicVersion.status == .ok)
      #expect(
        publicVersion.headers[.contentDisposition]
          == "attachment; filename=\"safe-admin-pilot.public.pia-report.md\"")
      let expected = try String(
        contentsOf: ServerHarness.packageRoot.appendingPathComponent(
          "Examples/output/safe-admin-pilot.public.pia-report.md"), encoding: .utf8)
      #expect(publicVersion.html == expected)
      #expect(
        try await browser.get(
          client, "/a/safe-admin-pilot/documents/pia-report.md?audience=everyone"
        ).status == .notFound)
      for uri in [
        "/a/safe-admin-pilot/documents/no-such-template.md",
        "/a/safe-admin-pilot/documents/pia-report.exe",
        "/a/safe-admin-pilot/documents/..%2F..%2Fetc%2Fpasswd",
        "/a/safe-admin-pilot/documents/diagram.svg",
      ] {
        #expect(try await browser.get(client, uri).status == .notFound, "\(uri)")
      }
    }
  }
}
