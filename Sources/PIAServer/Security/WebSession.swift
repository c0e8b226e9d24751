/// What the server keeps for one browser between requests (in memory; a
/// restart signs everyone out). The cookie holds only the session's random id.
public struct WebSession: Codable, Sendable, Equatable {
  /// The form token every POST must carry in its `csrf` field (64 hex digits).
  public var csrf: String
  /// Who is signed in: a name from the users file, or the server's operator
  /// when signed in by the printed token; `nil` while only the sign-in form
  /// has been shown.
  public var user: String?
  /// Notices waiting for the page a save redirects to, each shown once by
  /// the page whose address carries its id (`?notice=ID`), so two tabs never
  /// see each other's.
  public var notices: [StoredNotice] = []

  /// The most notices kept waiting (the oldest go first).
  static let noticesKept = 8

  /// A session with a fresh CSRF token.
  public init(user: String?) {
    var generator = SystemRandomNumberGenerator()
    self.csrf = AccessToken.hex(count: 32, using: &generator)
    self.user = user
  }

  /// A notice kept for the next page.
  public struct StoredNotice: Codable, Sendable, Equatable {
    /// The id in the next page's address (16 hex digits).
    public var id: String
    /// The banner's heading.
    public var heading: String
    /// The banner's lines.
    public var lines: [String]
  }

  /// Keeps `notice` for the next page and returns its id.
  mutating func keep(_ notice: Notice) -> String {
    var generator = SystemRandomNumberGenerator()
    let id = AccessToken.hex(count: 8, using: &generator)
    notices.append(
      StoredNotice(id: id, heading: notice.noticeHeading, lines: notice.noticeLines))
    if notices.count > Self.noticesKept { notices.removeFirst(notices.count - Self.noticesKept) }
    return id
  }

  /// Removes and returns the notice with `id`, if it is waiting.
  mutating func take(_ id: String) -> Notice? {
    guard let index = notices.firstIndex(where: { $0.id == id }) else { return nil }
    let stored = notices.remove(at: index)
    return Notice(noticeHeading: stored.heading, noticeLines: stored.lines)
  }
}
