/// What the server keeps for one browser between requests (in memory; a
/// restart signs everyone out). The cookie holds only the session's random id.
public struct WebSession: Codable, Sendable, Equatable {
  /// The form token every POST must carry in its `csrf` field (64 hex digits).
  public var csrf: String
  /// Who is signed in: a name from the users file, or the server's operator
  /// when signed in by the printed token; `nil` while only the sign-in form
  /// has been shown.
  public var user: String?

  /// A session with a fresh CSRF token.
  public init(user: String?) {
    var generator = SystemRandomNumberGenerator()
    self.csrf = AccessToken.hex(count: 32, using: &generator)
    self.user = user
  }
}
