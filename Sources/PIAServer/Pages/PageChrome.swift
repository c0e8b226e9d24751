/// What every page's layout (`Web/pages/layout.mustache`) reads, as the
/// `page` key of each page's view model.
///
/// swift-mustache reads stored properties through `Mirror`, so view models
/// hold stored properties only, and a key that is `nil` falls through to an
/// outer object with the same key: nested view models use distinct names.
struct PageChrome: Sendable, Hashable {
  /// The `<title>` before " – pia"; the layout adds "Error: " when `hasErrors`.
  var title: String
  /// The signed-in user's name for the header (with a Sign out button).
  var signedInAs: String?
  /// The session's CSRF token, written into every form on the page.
  var csrf: String?
  /// The back link above the content.
  var backLink: Link?
  /// Breadcrumbs above the content (workspace › assessment › …).
  var breadcrumbs: [Link]
  /// Whether `breadcrumbs` is non-empty.
  var hasBreadcrumbs: Bool
  /// The error summary's entries, each linking to the field at fault.
  var errors: [ErrorItem]
  /// Whether `errors` is non-empty (the summary is shown and focused).
  var hasErrors: Bool
  /// A success banner (`role="status"`), e.g. what an answer changed in the risk.
  var notice: Notice?

  /// Chrome for a page; flags are derived from the lists.
  init(
    title: String, signedInAs: String? = nil, csrf: String? = nil, backLink: Link? = nil,
    breadcrumbs: [Link] = [], errors: [ErrorItem] = [], notice: Notice? = nil
  ) {
    self.title = title
    self.signedInAs = signedInAs
    self.csrf = csrf
    self.backLink = backLink
    self.breadcrumbs = breadcrumbs
    self.hasBreadcrumbs = !breadcrumbs.isEmpty
    self.errors = errors
    self.hasErrors = !errors.isEmpty
    self.notice = notice
  }
}

/// A link: where it goes and what it says.
struct Link: Sendable, Hashable {
  /// The `href`, already a path on this server (`/a/town-pilot/`).
  var href: String
  /// The link text.
  var text: String
}

/// One entry of the error summary.
struct ErrorItem: Sendable, Hashable {
  /// `#` and the id of the field at fault (`#value`, `#value-yes`).
  var href: String
  /// The message, the same as the one beside the field.
  var text: String
}

/// A success banner shown at the top of the content.
struct Notice: Sendable, Hashable {
  /// The banner's heading ("Answer saved").
  var noticeHeading: String
  /// Lines under it ("Overall residual risk: medium → high").
  var noticeLines: [String]
}
