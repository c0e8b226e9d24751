import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import PIAKit
import Testing

@testable import PIAServer

/// A server over a fresh workspace holding a copy of the safe-pilot example,
/// with the repository's own resource folder.
struct ServerHarness {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let token = AccessToken(value: String(repeating: "ab", count: 32))

  let workspace: URL
  let server: WebServer

  init(users: UsersFile? = nil, patterns: Bool = false) throws {
    workspace = FileManager.default.temporaryDirectory
      .appendingPathComponent("pia-server-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Self.packageRoot.appendingPathComponent("Examples/safe-admin-pilot.pia.yaml"),
      to: workspace.appendingPathComponent("safe-admin-pilot.pia.yaml"))
    let configuration = ServerConfiguration(
      workspace: workspace, resources: Resources(root: Self.packageRoot), users: users,
      token: Self.token, operatorName: "tester", patterns: patterns,
      today: { CalendarDate(daysSinceEpoch: 20_513) })
    server = try WebServer(configuration: configuration)
  }

  /// Starts the server on a free port of 127.0.0.1, runs `body` against it
  /// with a `LiveClient`, and stops the server.
  func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    var logger = Logger(label: "pia-server-tests")
    logger.logLevel = .critical
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    let app = server.application(logger: logger) { port in continuation.yield(port) }
    let running = Task { try await app.runService(gracefulShutdownSignals: []) }
    let watcher = Task {
      _ = await running.result
      continuation.finish()
    }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else {
      try await running.value
      throw LiveClient.Failure(description: "the server stopped before it listened")
    }
    do {
      try await body(LiveClient(port: port))
    } catch {
      running.cancel()
      _ = await watcher.value
      throw error
    }
    running.cancel()
    _ = await watcher.value
  }

  func remove() {
    try? FileManager.default.removeItem(at: workspace)
  }
}

/// A signed-in browser: its cookie and CSRF token.
struct Browser: Sendable {
  var cookie: String
  var csrf: String

  var headers: HTTPFields { [.cookie: cookie] }

  func formHeaders() -> HTTPFields {
    [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
  }

  /// Signs in by the printed token and reads the CSRF token from `/`.
  static func signIn(_ client: any TestClientProtocol) async throws -> Browser {
    let cookie = try await client.execute(
      uri: "/login?token=\(ServerHarness.token.value)", method: .get
    ) { response in
      #expect(response.status == .seeOther)
      return try #require(Self.sessionCookie(response))
    }
    let csrf = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) {
      response in try #require(Self.csrf(in: String(buffer: response.body)))
    }
    return Browser(cookie: cookie, csrf: csrf)
  }

  /// `pia_session=…` from the response's Set-Cookie.
  static func sessionCookie(_ response: TestResponse) -> String? {
    response.headers[values: .setCookie].first { $0.hasPrefix("pia_session=") }
      .map { String($0.prefix { $0 != ";" }) }
  }

  /// The value of the first hidden `csrf` field in a page.
  static func csrf(in html: String) -> String? {
    guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
    return String(html[range.upperBound...].prefix { $0 != "\"" })
  }
}

/// A form body with percent-encoding.
func formBody(_ fields: [(String, String)]) -> ByteBuffer {
  var allowed = CharacterSet.alphanumerics
  allowed.insert(charactersIn: "-._~")
  let text = fields.map { name, value in
    "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
  }.joined(separator: "&")
  return ByteBuffer(string: text)
}

/// A response as the tests read it.
struct Page {
  var status: HTTPResponse.Status
  var headers: HTTPFields
  var body: ByteBuffer

  var html: String { String(buffer: body) }
  var location: String? { headers[.location] }

  /// The value of the hidden `revision` field.
  var revision: String? {
    guard let range = html.range(of: "name=\"revision\" value=\"") else { return nil }
    return String(html[range.upperBound...].prefix { $0 != "\"" })
  }
}

extension Browser {
  /// `GET uri` with the session cookie.
  func get(_ client: any TestClientProtocol, _ uri: String) async throws -> Page {
    try await client.execute(uri: uri, method: .get, headers: headers) { response in
      Page(status: response.status, headers: response.headers, body: response.body)
    }
  }

  /// `POST uri` with `fields` and the CSRF token.
  func post(_ client: any TestClientProtocol, _ uri: String, _ fields: [(String, String)])
    async throws -> Page
  {
    try await client.execute(
      uri: uri, method: .post, headers: formHeaders(), body: formBody([("csrf", csrf)] + fields)
    ) { response in
      Page(status: response.status, headers: response.headers, body: response.body)
    }
  }

  /// Creates `name` (ai-assistant questionnaire) through `POST /a`.
  func create(_ client: any TestClientProtocol, _ name: String, title: String = "Test pilot")
    async throws
  {
    let page = try await post(
      client, "/a", [("name", name), ("title", title), ("questionnaire", "ai-assistant")])
    #expect(page.status == .seeOther)
  }

  /// Answers the top-level question `id` of `name` from its page's revision.
  @discardableResult
  func answer(
    _ client: any TestClientProtocol, _ name: String, _ id: String, _ values: [String]
  ) async throws -> Page {
    let uri = "/a/\(name)/q/\(id)"
    let form = try await get(client, uri)
    return try await post(
      client, uri, [("revision", form.revision ?? "")] + values.map { ("value", $0) })
  }
}

extension ServerHarness {
  /// The text of `NAME.pia.yaml`.
  func text(_ name: String) throws -> String {
    try String(
      contentsOf: workspace.appendingPathComponent("\(name).pia.yaml"), encoding: .utf8)
  }
}
