import Foundation
import PIAKit

/// Everything `pia serve` decides before the server starts.
public struct ServerConfiguration: Sendable {
  /// The folder of `*.pia.yaml` files served.
  public var workspace: URL
  /// The workspace as the user wrote it, for pages.
  public var workspaceDisplay: String
  /// The resource folder (questionnaires, templates, `Web/`).
  public var resources: Resources
  /// The address to listen on; `127.0.0.1` unless `--host` says otherwise.
  public var host: String
  /// The port; 0 picks any free port.
  public var port: Int
  /// The users who may sign in with a password (`--users FILE`); required
  /// when `host` is not a loopback address.
  public var users: UsersFile?
  /// The token of the printed sign-in address.
  public var token: AccessToken
  /// The name recorded for someone signed in by the token: the login name of
  /// whoever started the server.
  public var operatorName: String
  /// Whether to serve the pattern pages under `/_patterns/` (a development aid
  /// showing every page type with sample data; off by default).
  public var patterns: Bool
  /// Today's date, for a new assessment's `started`, revisions and approvals.
  public var today: @Sendable () -> CalendarDate
  /// Where each change is recorded, one line each (`priya answered
  /// data_flows.data_flows-3.authority in town-pilot.pia.yaml`); `pia serve`
  /// writes them to standard error.
  public var audit: @Sendable (String) -> Void

  /// A configuration; see each property.
  public init(
    workspace: URL, workspaceDisplay: String? = nil, resources: Resources,
    host: String = "127.0.0.1", port: Int = 0, users: UsersFile? = nil,
    token: AccessToken = .random(), operatorName: String, patterns: Bool = false,
    today: @escaping @Sendable () -> CalendarDate,
    audit: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.workspace = workspace
    self.workspaceDisplay = workspaceDisplay ?? workspace.path
    self.resources = resources
    self.host = host
    self.port = port
    self.users = users
    self.token = token
    self.operatorName = operatorName
    self.patterns = patterns
    self.today = today
    self.audit = audit
  }

  /// Whether `host` is on this machine only: `localhost`, `::1` or `127.x.x.x`.
  public static func isLoopback(_ host: String) -> Bool {
    if host == "localhost" || host == "::1" || host == "[::1]" { return true }
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts[0] == "127"
      && parts.allSatisfy { part in Int(part).map { (0...255).contains($0) } ?? false }
  }

  /// The sign-in address printed at start: `http://HOST:PORT/login?token=…`.
  public func loginURL(port: Int) -> String {
    let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    return "http://\(shownHost):\(port)/login?token=\(token.value)"
  }
}
