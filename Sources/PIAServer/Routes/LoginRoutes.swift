import Hummingbird
import HummingbirdAuth

/// `GET /login?token=…` (exchange the printed token for a session cookie),
/// `GET|POST /login` (the sign-in form, with a users file) and
/// `POST /logout`.
struct LoginRoutes: Sendable {
  let server: WebServer

  func add(to router: Router<WebRequestContext>) {
    router.get("/login") { request, context in try await showLogin(request, context) }
    router.post("/login") { request, context in try await signIn(request, context) }
    router.post("/logout") { _, context in signOut(context) }
  }

  /// With `token`: a valid one starts a signed-in session and redirects to
  /// `/` (so the token leaves the address bar and history); a wrong one is
  /// 403. Without: the sign-in form (users file) or a 403 page saying to use
  /// the printed address.
  private func showLogin(_ request: Request, _ context: WebRequestContext) async throws -> Response
  {
    if let token = request.uri.queryParameters["token"] {
      guard server.configuration.token.matches(token) else {
        throw HTTPError(
          .forbidden,
          message: "This sign-in address is not the one the server printed at its latest start. "
            + "Copy the address from the line 'pia serve: http://…' of the running server.")
      }
      context.sessions.createSession(WebSession(user: server.configuration.operatorName))
      return Response(status: .seeOther, headers: [.location: "/"])
    }
    if context.sessions.session?.user != nil {
      return Response(status: .seeOther, headers: [.location: "/"])
    }
    guard server.configuration.users != nil else {
      throw HTTPError(.forbidden, message: AccessMiddleware.tokenMessage)
    }
    let session = context.sessions.session ?? WebSession(user: nil)
    if context.sessions.session == nil { context.sessions.createSession(session) }
    return signInPage(session: session, user: "", error: nil, status: .ok)
  }

  /// Checks the form's CSRF token against the anonymous session the form was
  /// shown with, then the password (bcrypt, off the event loop). Success
  /// replaces the session with a new one (new id) and redirects to `/`.
  private func signIn(_ request: Request, _ context: WebRequestContext) async throws -> Response {
    guard let users = server.configuration.users else { throw HTTPError(.notFound) }
    let session = context.sessions.session
    let form = try await AccessMiddleware.checkedForm(request, session: session)
    let name = form.first("user") ?? ""
    let password = form.first("password") ?? ""
    if await users.verify(name: name, password: password) {
      context.sessions.createSession(WebSession(user: name))
      return Response(status: .seeOther, headers: [.location: "/"])
    }
    let message =
      name.isEmpty || password.isEmpty
      ? "Enter your user name and password."
      : "The user name or the password is not right."
    return signInPage(
      session: session ?? WebSession(user: nil), user: name, error: message,
      status: .unprocessableContent)
  }

  private func signOut(_ context: WebRequestContext) -> Response {
    context.sessions.clearSession()
    if server.configuration.users != nil {
      return Response(status: .seeOther, headers: [.location: "/login"])
    }
    let page = ErrorPage(
      page: PageChrome(title: "Signed out"), heading: "You are signed out",
      paragraphs: [
        "To sign in again, open the address pia serve printed when it started."
      ], links: [])
    return server.pages.response(page, template: "error")
  }

  private func signInPage(
    session: WebSession, user: String, error: String?, status: HTTPResponse.Status
  ) -> Response {
    let errors = error.map { [ErrorItem(href: "#user", text: $0)] } ?? []
    let page = SignInPage(
      page: PageChrome(title: "Sign in", csrf: session.csrf, errors: errors),
      userValue: user, signInError: error)
    return server.pages.response(page, template: "sign-in", status: status)
  }
}
