import Foundation
import Hummingbird
import HummingbirdAuth
import HummingbirdTesting
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

  /// Runs `body` against the router (no network).
  func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    let app = Application(router: server.router(sessions: MemoryPersistDriver()))
    try await app.test(.router, body)
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
