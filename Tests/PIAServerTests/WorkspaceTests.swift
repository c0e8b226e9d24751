import Foundation
import Hummingbird
import PIAKit
import Testing

@testable import PIAServer

@Suite("pia serve: the workspace and new assessments")
struct WorkspaceTests {
  @Test("GET / lists each answers file with its title, questionnaire, verdict, level and progress")
  func listing() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try Data("not: [yaml".utf8).write(
      to: harness.workspace.appendingPathComponent("broken.pia.yaml"))
    try Data().write(to: harness.workspace.appendingPathComponent("Has Spaces.pia.yaml"))
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      try await client.execute(uri: "/", method: .get, headers: browser.headers) { response in
        let html = String(buffer: response.body)
        #expect(html.contains("href=\"/a/safe-admin-pilot/\""))
        #expect(html.contains("AI assistant"))
        #expect(html.contains("Proceed"))
        #expect(html.contains("pia-tag--low") || html.contains("pia-tag--medium"))
        #expect(html.contains(" questions</td>"))
        #expect(html.contains("broken.pia.yaml"), "an unreadable file is listed with its problem")
        #expect(html.contains("<code>Has Spaces.pia.yaml</code>"))
        #expect(!html.contains("href=\"/a/Has Spaces/\""))
      }
    }
  }

  @Test("POST /a creates NAME.pia.yaml that loads, and never overwrites")
  func create() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    let existing = harness.workspace.appendingPathComponent("safe-admin-pilot.pia.yaml")
    let before = try Data(contentsOf: existing)
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      try await client.execute(
        uri: "/a", method: .post, headers: browser.formHeaders(),
        body: formBody([
          ("csrf", browser.csrf), ("name", "town-hall-pilot"), ("title", "Town hall pilot"),
          ("questionnaire", "ai-assistant"),
        ])
      ) { response in #expect(response.status == .seeOther) }
      try await client.execute(
        uri: "/a", method: .post, headers: browser.formHeaders(),
        body: formBody([
          ("csrf", browser.csrf), ("name", "safe-admin-pilot"), ("title", "Replace it"),
          ("questionnaire", "ai-assistant"),
        ])
      ) { response in
        #expect(response.status == .unprocessableContent)
        let html = String(buffer: response.body)
        #expect(html.contains("already exists"))
        #expect(html.contains("value=\"Replace it\""), "the input is kept")
      }
      try await client.execute(uri: "/a/town-hall-pilot/", method: .get, headers: browser.headers) {
        response in
        #expect(response.status == .ok)
        #expect(String(buffer: response.body).contains("Town hall pilot"))
      }
    }
    #expect(try Data(contentsOf: existing) == before)
    let created = harness.workspace.appendingPathComponent("town-hall-pilot.pia.yaml")
    let text = try String(contentsOf: created, encoding: .utf8)
    #expect(text.contains("title: Town hall pilot"))
    #expect(text.contains("started: 2026-03-01"))
    let attributes = try FileManager.default.attributesOfItem(atPath: created.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: harness.workspace.path)
      .filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty)
  }

  @Test("POST /a refuses a bad name, no title or no questionnaire with 422 and the error summary")
  func refusals() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    let cases: [([(String, String)], String, String)] = [
      (
        [("name", ""), ("title", "T"), ("questionnaire", "ai-assistant")], "#name",
        "Enter a file name"
      ),
      (
        [("name", "../x"), ("title", "T"), ("questionnaire", "ai-assistant")], "#name", "lowercase"
      ),
      ([("name", "Big"), ("title", "T"), ("questionnaire", "ai-assistant")], "#name", "lowercase"),
      ([("name", "-x"), ("title", "T"), ("questionnaire", "ai-assistant")], "#name", "lowercase"),
      (
        [("name", "ok"), ("title", " "), ("questionnaire", "ai-assistant")], "#title",
        "Enter the title"
      ),
      ([("name", "ok"), ("title", "T")], "#questionnaire-", "Select the questionnaire"),
      (
        [("name", "ok"), ("title", "T"), ("questionnaire", "nope")], "#questionnaire-", "Select the"
      ),
    ]
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      for (fields, anchor, message) in cases {
        try await client.execute(
          uri: "/a", method: .post, headers: browser.formHeaders(),
          body: formBody([("csrf", browser.csrf)] + fields)
        ) { response in
          #expect(response.status == .unprocessableContent)
          let html = String(buffer: response.body)
          #expect(html.contains("<title>Error: "))
          #expect(html.contains("class=\"pia-error-summary\""))
          #expect(html.contains("href=\"\(anchor)"), "\(fields)")
          #expect(html.contains(message), "\(fields)")
        }
      }
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: harness.workspace.path)
    #expect(names == ["safe-admin-pilot.pia.yaml"])
  }

  @Test("temporary files of a killed save are removed at start; other files are not")
  func temporaryFiles() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("pia-ws-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let names = [
      ".a.pia.yaml.tmp-Ab12Cd", ".town-pilot.pia.yaml.tmp-xYz789", "a.pia.yaml",
      ".a.pia.yaml.tmp-short", ".notes.txt.tmp-Ab12Cd", ".pia.yaml.tmp-Ab12Cd",
      "x.pia.yaml.tmp-Ab12Cd",
    ]
    for name in names { try Data("x".utf8).write(to: folder.appendingPathComponent(name)) }
    let removed = Workspace(folder: folder).removeStaleTemporaryFiles()
    #expect(removed == [".a.pia.yaml.tmp-Ab12Cd", ".town-pilot.pia.yaml.tmp-xYz789"])
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(left == names.filter { !removed.contains($0) }.sorted())
  }

  @Test("names: [a-z0-9-] only")
  func names() {
    for name in ["a", "town-pilot-2", "0", "-"] { #expect(Workspace.isValidName(name), "\(name)") }
    for name in ["", "A", "a_b", "a.b", "a/b", "..", "é", "a b", "a%2f"] {
      #expect(!Workspace.isValidName(name), "\(name)")
    }
  }
}

@Suite("pia serve: forms, users file, page templates")
struct PartsTests {
  @Test("form bodies keep repeated fields and decode + and %XX")
  func forms() throws {
    let form = try FormData(urlEncoded: "value=a&value=b+c&csrf=%41%e2%80%94&empty=&flag")
    #expect(form.values("value") == ["a", "b c"])
    #expect(form.first("csrf") == "A—")
    #expect(form.first("empty") == "")
    #expect(form.first("flag") == "")
    #expect(form.first("none") == nil)
    for bad in ["a=%", "a=%4", "a=%zz", "a=%ff%fe"] {
      #expect(throws: HTTPError.self, "\(bad)") { try FormData(urlEncoded: bad) }
    }
  }

  @Test("a users file round-trips; bad lines are reported with their place")
  func usersFile() throws {
    let hash = UsersFile.hash("long enough", cost: 4)
    let file = UsersFile(users: []).setting("priya", hash: hash).setting("sam.o@x", hash: hash)
    let parsed = try UsersFile.parse(file.text, path: "users").get()
    #expect(parsed.users.map(\.name) == ["priya", "sam.o@x"])
    let replaced = parsed.setting("priya", hash: UsersFile.hash("another one", cost: 4))
    #expect(replaced.users.map(\.name) == ["priya", "sam.o@x"])
    #expect(replaced.users[0].hash != hash)
    let bad = "# comment\n\npriya:\(hash)\nno colon\nbad name:\(hash)\npriya:\(hash)\nsam:nothash\n"
    guard case .failure(let error) = UsersFile.parse(bad, path: "users") else {
      Issue.record("expected errors")
      return
    }
    #expect(error.diagnostics.map { $0.location?.line } == [4, 5, 6, 7])
    #expect(error.description.contains("users:7:5: error: the hash of 'sam'"))
    guard case .failure = UsersFile.parse("# none\n", path: "users") else {
      Issue.record("an empty users file is an error")
      return
    }
  }

  @Test("a password verifies only for its own user")
  func verify() async {
    let file = UsersFile(users: [("priya", UsersFile.hash("long enough", cost: 4))])
    #expect(await file.verify(name: "priya", password: "long enough"))
    #expect(!(await file.verify(name: "priya", password: "long enougH")))
    #expect(!(await file.verify(name: "sam", password: "long enough")))
  }

  @Test("partials and parents are found with their line and column, in characters")
  func partialReferences() {
    let text = "<p>é {{> partials/a }}{{x}}{{<layout}}</p>\n{{ > b}}\n{{>unclosed\n}}{{!c}}"
    let found = MustacheSyntax.partialReferences(in: text, path: "p.mustache")
    #expect(found.map(\.name) == ["partials/a", "layout", "b"])
    #expect(found.map(\.location.line) == [1, 1, 2])
    #expect(found.map(\.location.column) == [6, 28, 1])
    #expect(found.allSatisfy { $0.location.file == "p.mustache" })
  }

  @Test("the shipped page templates load; a broken one is reported with line and column")
  func templates() throws {
    let resources = Resources(root: ServerHarness.packageRoot)
    _ = try PageRenderer.load(folder: resources.webPages, display: "Web/pages")
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("pia-pages-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: resources.webPages, to: folder)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("<p>\n  {{#open}}never closed\n".utf8)
      .write(to: folder.appendingPathComponent("review.mustache"))
    try Data("{{> partials/missing}}".utf8).write(
      to: folder.appendingPathComponent("conflict.mustache"))
    try FileManager.default.removeItem(at: folder.appendingPathComponent("overview.mustache"))
    #expect {
      _ = try PageRenderer.load(folder: folder, display: "Web/pages")
    } throws: { error in
      let text = String(describing: error)
      return text.contains("Web/pages/review.mustache:")
        && text.contains(
          "Web/pages/conflict.mustache:1:1: error: 'conflict' uses the partial 'partials/missing'")
        && text.contains("missing page template 'Web/pages/overview.mustache'")
    }
    // `pia validate` checks the pages without keeping them, and finds the same; each shipped
    // page is checked in short runs, never parsed whole.
    #expect(PageRenderer.check(folder: resources.webPages, display: "Web/pages").isEmpty)
    for file in PageRenderer.templateFiles(in: resources.webPages) {
      let text = try String(
        contentsOf: resources.webPages.appendingPathComponent(file), encoding: .utf8)
      #expect(MustacheSyntax.parsesInRuns(text), "\(file)")
    }
    do {
      _ = try PageRenderer.load(folder: folder, display: "Web/pages")
    } catch {
      #expect(PageRenderer.check(folder: folder, display: "Web/pages") == error.diagnostics)
    }
  }
}
