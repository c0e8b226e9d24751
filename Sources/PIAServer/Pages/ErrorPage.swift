import Hummingbird

/// Any error page (403, 404, 413, 500 …). Template: `Web/pages/error.mustache`.
struct ErrorPage: Sendable, Hashable {
  /// Layout data.
  var page: PageChrome
  /// The `<h1>`.
  var heading: String
  /// What happened and what to do, one paragraph each.
  var paragraphs: [String]
  /// Where to go from here.
  var links: [Link]

  /// The page for an HTTP status, with the thrown error's message if any.
  static func standard(status: HTTPResponse.Status, detail: String?) -> ErrorPage {
    let heading: String
    var paragraphs: [String] = []
    switch status.code {
    case 400: heading = "The request could not be read"
    case 403: heading = "You cannot open this page"
    case 404:
      heading = "Page not found"
      paragraphs.append(
        "Check the address. Assessments are named with lowercase letters, digits and hyphens.")
    case 405: heading = "This page cannot be sent to"
    case 409: heading = "The assessment changed while you were editing"
    case 413: heading = "The form is too large"
    case 422: heading = "The assessment cannot be read"
    default: heading = "Sorry, something went wrong"
    }
    if let detail, !detail.isEmpty { paragraphs.insert(detail, at: 0) }
    if status.code >= 500 && detail == nil {
      paragraphs.append(
        "Nothing was saved by this request. Try again; if it happens again, "
          + "the server's log says why.")
    }
    return ErrorPage(
      page: PageChrome(title: heading), heading: heading, paragraphs: paragraphs,
      links: [Link(href: "/", text: "Go to the workspace")])
  }
}

/// `GET /login` with a users file: the sign-in form. Template: `sign-in.mustache`.
struct SignInPage: Sendable, Hashable {
  /// Layout data; `page.csrf` is the anonymous session's token.
  var page: PageChrome
  /// The name typed (kept after a refusal).
  var userValue: String
  /// Why sign-in was refused (the same message for a wrong name or password).
  var signInError: String?
}
