/// The 409 page: the file changed since the form was shown (another tab,
/// the CLI, git). Shows the saved value and the user's input, and offers the
/// question again with the user's input kept and the new `revision`.
/// Template: `Web/pages/conflict.mustache`.
///
/// **Phase 2 fills** when the session's content token differs from the
/// form's `revision`: `saved` from the file as it is now, `field` with the
/// user's input, `revision` the current token.
struct ConflictPage: Sendable, Hashable {
  /// Layout data.
  var page: PageChrome
  /// The question's prompt.
  var prompt: String
  /// The answer saved in the file now, one line per element ("Not answered").
  var savedLines: [String]
  /// The user's input, one line per element.
  var yoursLines: [String]
  /// The question again, prefilled with the user's input.
  var field: QuestionField
  /// Where the form posts.
  var action: String
  /// The file's current content token.
  var revision: String
}
