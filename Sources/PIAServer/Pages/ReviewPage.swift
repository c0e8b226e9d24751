/// `GET /a/{name}/review`: check your answers, section by section, each
/// answer with a change link. Template: `Web/pages/review.mustache`; filled
/// by `ReviewBuilder`.
struct ReviewPage: Sendable, Hashable {
  /// Layout data.
  var page: PageChrome
  /// "Check your answers".
  var heading: String
  /// The assessment's title, above the heading.
  var title: String
  /// Sections with their answered questions.
  var sections: [ReviewSection]
  /// Required questions still unanswered, each linking to its page.
  var missing: [Link]
  /// Whether `missing` is non-empty.
  var hasMissing: Bool
  /// `/a/{name}/`.
  var overviewHref: String
}

/// One section of the check-answers page.
struct ReviewSection: Sendable, Hashable {
  /// The section's title, an `<h2>`.
  var sectionTitle: String
  /// Its rows.
  var rows: [ReviewRow]
}

/// One question and answer.
struct ReviewRow: Sendable, Hashable {
  /// The question.
  var key: String
  /// The answer, one line per element.
  var valueLines: [String]
  /// Whether the question has no answer (shown as "Not answered").
  var unanswered: Bool
  /// The question's page.
  var changeHref: String
  /// Hidden text after "Change" naming what changes (for screen readers).
  var changeLabel: String
}
