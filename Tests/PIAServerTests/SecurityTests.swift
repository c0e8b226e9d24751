import Foundation
import Hummingbird
import PIAKit
import Testing

@testable import PIAServer

@Suite("pia serve: sign-in, cookies, CSRF, limits, headers")
struct SecurityTests {
  @Test("the printed token exchanges for an HttpOnly, SameSite=Strict cookie and leaves the URL")
  func tokenExchange() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try await harness.test { client in
      try await client.execute(uri: "/login?token=\(ServerHarness.token.value)", method: .get) {
        response in
        #expect(response.status == .seeOther)
        #expect(response.headers[.location] == "/")
        let cookie = try #require(
          response.headers[values: .setCookie].first { $0.hasPrefix("pia_session=") })
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Strict"))
        #expect(cookie.contains("Path=/"))
      }
      let browser = try await Browser.signIn(client)
      try await client.execute(uri: "/", method: .get, headers: browser.headers) { response in
        #expect(response.status == .ok)
        let html = String(buffer: response.body)
        #expect(html.contains("Claude Team pilot for council report drafting"))
        #expect(html.contains("Signed in as tester"))
      }
    }
  }

  @Test("a wrong token, or none, is 403; nothing is served without a session")
  func wrongToken() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try await harness.test { client in
      let wrong = String(repeating: "cd", count: 32)
      try await client.execute(uri: "/login?token=\(wrong)", method: .get) { response in
        #expect(response.status == .forbidden)
        #expect(response.headers[values: .setCookie].isEmpty)
      }
      for uri in ["/", "/login", "/a/safe-admin-pilot/", "/_patterns/"] {
        try await client.execute(uri: uri, method: .get) { response in
          #expect(response.status == .forbidden, "\(uri)")
        }
      }
      try await client.execute(uri: "/a", method: .post, body: formBody([("name", "x")])) {
        response in #expect(response.status == .forbidden)
      }
    }
  }

  @Test("a POST without the session's CSRF token is 403 and changes nothing")
  func csrf() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      let fields = [("name", "new-one"), ("title", "New"), ("questionnaire", "ai-assistant")]
      for csrf in [nil, "0000", String(repeating: "0", count: 64)] {
        let body = formBody(fields + (csrf.map { [("csrf", $0)] } ?? []))
        try await client.execute(
          uri: "/a", method: .post, headers: browser.formHeaders(), body: body
        ) { response in
          #expect(response.status == .forbidden)
          #expect(String(buffer: response.body).contains("This form has expired"))
        }
      }
      let created = harness.workspace.appendingPathComponent("new-one.pia.yaml")
      #expect(!FileManager.default.fileExists(atPath: created.path))
      try await client.execute(
        uri: "/a", method: .post, headers: browser.formHeaders(),
        body: formBody(fields + [("csrf", browser.csrf)])
      ) { response in
        #expect(response.status == .seeOther)
        #expect(response.headers[.location] == "/a/new-one/")
      }
      #expect(FileManager.default.fileExists(atPath: created.path))
      try await client.execute(
        uri: "/logout", method: .post, headers: browser.formHeaders(),
        body: formBody([("csrf", "wrong")])
      ) { response in
        #expect(response.status == .forbidden)
      }
    }
  }

  @Test("a body over 1 MB is 413, announced or not")
  func bodyLimit() async throws {
    let harness = try ServerHarness()
    defer { harness.remove() }
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      let big = String(repeating: "a", count: WebServer.maximumBodyBytes + 10)
      try await client.execute(
        uri: "/a", method: .post, headers: browser.formHeaders(),
        body: formBody([("csrf", browser.csrf), ("title", big)])
      ) { response in
        #expect(response.status == .contentTooLarge)
        #expect(response.headers[.contentSecurityPolicy] == "default-src 'self'")
      }
      try await client.execute(
        uri: "/a", method: .post, headers: browser.formHeaders(),
        body: formBody([("csrf", browser.csrf), ("title", String(big.prefix(900_000)))])
      ) { response in
        #expect(response.status == .unprocessableContent)
      }
    }
  }

  @Test("unknown names, traversal and odd characters are 404, never a file outside the workspace")
  func traversal() async throws {
    let harness = try ServerHarness(patterns: true)
    defer { harness.remove() }
    let outside = harness.workspace.deletingLastPathComponent()
      .appendingPathComponent("outside-\(UUID().uuidString).pia.yaml")
    try FileManager.default.copyItem(
      at: harness.workspace.appendingPathComponent("safe-admin-pilot.pia.yaml"), to: outside)
    defer { try? FileManager.default.removeItem(at: outside) }
    try FileManager.default.createSymbolicLink(
      at: harness.workspace.appendingPathComponent("linked.pia.yaml"), withDestinationURL: outside)
    let outsideName = outside.deletingPathExtension().deletingPathExtension().lastPathComponent
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      let uris = [
        "/a/nope/", "/a/Safe-Admin-Pilot/", "/a/safe_admin_pilot/", "/a/..%2F\(outsideName)/",
        "/a/%2E%2E/", "/a/linked/", "/a/safe-admin-pilot.pia.yaml/",
        "/static/..%2Fpages%2Flayout.mustache",
        "/static/pia.css.bak", "/static/PIA.css", "/../etc/passwd", "/a/safe-admin-pilot/../../x",
        "/_patterns/nope",
      ]
      for uri in uris {
        try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
          #expect(response.status == .notFound, "\(uri)")
          #expect(!String(buffer: response.body).contains("Claude Team"), "\(uri)")
        }
      }
      try await client.execute(uri: "/a/safe-admin-pilot/", method: .get, headers: browser.headers)
      {
        response in #expect(response.status == .ok)
      }
      try await client.execute(uri: "/static/pia.css", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "text/css; charset=utf-8")
      }
    }
  }

  @Test("every response carries the CSP, nosniff and frame headers, errors included")
  func headersEverywhere() async throws {
    let harness = try ServerHarness(patterns: true)
    defer { harness.remove() }
    try await harness.test { client in
      let browser = try await Browser.signIn(client)
      var seen: Set<Int> = []
      let requests: [(String, HTTPRequest.Method, HTTPFields, ByteBuffer?)] = [
        ("/", .get, browser.headers, nil),
        ("/", .get, [:], nil),
        ("/login?token=\(ServerHarness.token.value)", .get, [:], nil),
        ("/static/pia.css", .get, [:], nil),
        ("/nowhere", .get, browser.headers, nil),
        ("/a", .post, browser.formHeaders(), formBody([("csrf", browser.csrf)])),
        ("/a", .post, browser.formHeaders(), formBody([("csrf", "x")])),
        ("/a", .post, browser.formHeaders(), ByteBuffer(string: "csrf=%zz")),
        (
          "/a", .post, browser.formHeaders(),
          formBody([("title", String(repeating: "x", count: 1_100_000))])
        ),
        ("/a", .put, browser.headers, nil),
        ("/_patterns/conflict", .get, browser.headers, nil),
      ]
      for (uri, method, headers, body) in requests {
        try await client.execute(uri: uri, method: method, headers: headers, body: body) {
          response in
          seen.insert(response.status.code)
          #expect(response.headers[.contentSecurityPolicy] == "default-src 'self'", "\(uri)")
          #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
          #expect(response.headers[.xFrameOptions] == "DENY", "\(uri)")
          let html = String(buffer: response.body)
          #expect(!html.contains("<script"), "\(uri)")
          #expect(!html.contains("style="), "\(uri)")
          #expect(!html.contains("<style"), "\(uri)")
        }
      }
      #expect(seen.isSuperset(of: [200, 303, 400, 403, 404, 409, 413, 422]), "\(seen.sorted())")
    }
  }

  @Test("with a users file: the sign-in form, a wrong password refused, a right one signs in")
  func usersSignIn() async throws {
    let users = UsersFile(users: [("priya", UsersFile.hash("correct horse", cost: 4))])
    let harness = try ServerHarness(users: users)
    defer { harness.remove() }
    try await harness.test { client in
      try await client.execute(uri: "/", method: .get) { response in
        #expect(response.status == .seeOther)
        #expect(response.headers[.location] == "/login")
      }
      let (anonymous, csrf) = try await client.execute(uri: "/login", method: .get) { response in
        #expect(response.status == .ok)
        let html = String(buffer: response.body)
        #expect(html.contains("<label class=\"pia-label\" for=\"password\">"))
        return (
          try #require(Browser.sessionCookie(response)), try #require(Browser.csrf(in: html))
        )
      }
      let headers: HTTPFields = [
        .cookie: anonymous, .contentType: "application/x-www-form-urlencoded",
      ]
      try await client.execute(uri: "/", method: .get, headers: [.cookie: anonymous]) { response in
        #expect(response.status == .seeOther, "the anonymous session is not signed in")
      }
      try await client.execute(
        uri: "/login", method: .post, headers: headers,
        body: formBody([("csrf", csrf), ("user", "priya"), ("password", "wrong horse")])
      ) { response in
        #expect(response.status == .unprocessableContent)
        #expect(
          String(buffer: response.body).contains("The user name or the password is not right"))
      }
      try await client.execute(
        uri: "/login", method: .post, headers: headers,
        body: formBody([("csrf", "bad"), ("user", "priya"), ("password", "correct horse")])
      ) { response in #expect(response.status == .forbidden) }
      let signedIn = try await client.execute(
        uri: "/login", method: .post, headers: headers,
        body: formBody([("csrf", csrf), ("user", "priya"), ("password", "correct horse")])
      ) { response in
        #expect(response.status == .seeOther)
        let cookie = try #require(Browser.sessionCookie(response))
        #expect(cookie != anonymous, "signing in starts a new session id")
        return cookie
      }
      try await client.execute(uri: "/", method: .get, headers: [.cookie: signedIn]) { response in
        #expect(response.status == .ok)
        #expect(String(buffer: response.body).contains("Signed in as priya"))
      }
      try await client.execute(uri: "/login?token=\(ServerHarness.token.value)", method: .get) {
        response in #expect(response.status == .seeOther)
      }
    }
  }

  @Test("loopback addresses")
  func loopback() {
    for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1"] {
      #expect(ServerConfiguration.isLoopback(host), "\(host)")
    }
    for host in ["0.0.0.0", "192.168.1.4", "::", "127.0.0", "example.org", "127.0.0.1.nip.io"] {
      #expect(!ServerConfiguration.isLoopback(host), "\(host)")
    }
  }

  @Test("the token is 64 hex digits, new each time, compared exactly")
  func token() {
    let first = AccessToken.random()
    let second = AccessToken.random()
    #expect(first != second)
    #expect(first.value.count == 64)
    #expect(first.value.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    #expect(first.matches(first.value))
    #expect(!first.matches(second.value))
    #expect(!first.matches(String(first.value.dropLast())))
    #expect(!first.matches(first.value + "0"))
  }
}
