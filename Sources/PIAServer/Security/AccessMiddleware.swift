import Hummingbird
import HummingbirdAuth

/// Lets a request through only when its browser is signed in, and a POST
/// only when its `csrf` field matches the session's token.
///
/// Open to everyone: `/static/…` (styles) and `/login` (which checks its own
/// form). Anyone else without a session gets the sign-in form (with a users
/// file) or a 403 page explaining the printed address (without one).
struct AccessMiddleware: RouterMiddleware {
  typealias Context = WebRequestContext

  /// Whether a users file is in force (sign-in form) or only the token is.
  let hasUsers: Bool

  func handle(
    _ request: Request, context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let path = request.uri.path
    if path.hasPrefix("/static/") || path == "/login" {
      return try await next(request, context)
    }
    guard let session = context.sessions.session, session.user != nil else {
      if hasUsers && (request.method == .get || request.method == .head) {
        return Response(status: .seeOther, headers: [.location: "/login"])
      }
      throw HTTPError(.forbidden, message: hasUsers ? Self.signInMessage : Self.tokenMessage)
    }
    guard request.method != .get && request.method != .head else {
      return try await next(request, context)
    }
    var context = context
    context.form = try await Self.checkedForm(request, session: session)
    return try await next(request, context)
  }

  /// The form of a POST whose `csrf` field matches `session`'s token.
  ///
  /// - Throws: `HTTPError(.forbidden)` when the field is missing or wrong;
  ///   `HTTPError(.badRequest)` for a malformed body.
  static func checkedForm(_ request: Request, session: WebSession?) async throws -> FormData {
    let body = try await request.body.collect(upTo: WebServer.maximumBodyBytes)
    let form = try FormData(urlEncoded: String(buffer: body))
    guard let session, let sent = form.first("csrf"),
      AccessToken(value: session.csrf).matches(sent)
    else {
      throw HTTPError(.forbidden, message: Self.expiredFormMessage)
    }
    return form
  }

  static let tokenMessage =
    "Open this server with the address pia serve printed when it started (it ends in "
    + "/login?token=…). That address signs this browser in."
  static let signInMessage = "Sign in first."
  static let expiredFormMessage =
    "This form has expired or did not come from this server. Go back, reload the page "
    + "and send it again."
}
