/// `GET|POST /a/{name}/q/{question_id}` (and the same inside a group entry):
/// one question per page. Template: `Web/pages/question.mustache`.
///
/// Filled by `QuestionPageBuilder`: `field` with the saved answer (or the
/// refused input and the session's error), `revision` the file's content
/// token, `skipHref` and `page.backLink` from `InterviewFlow`, `page.notice`
/// from what the last save changed in the risk.
struct QuestionPage: Sendable, Hashable {
  /// Layout data; `page.errors` holds the error summary.
  var page: PageChrome
  /// Above the question: the section, or the group entry ("Data flow 2").
  var caption: String?
  /// "Question 4 of 31" (stable totals from the session).
  var progress: String?
  /// The control.
  var field: QuestionField
  /// Where the form posts (this page's own address).
  var action: String
  /// The file's content token as loaded, sent back as `revision` so a stale
  /// save is answered 409.
  var revision: String
  /// The next question's address, for "Skip this question".
  var skipHref: String?
  /// The risk as the saved answers stand, under the form.
  var risk: RiskSummary
}

/// The risk as the saved answers stand, shown under each question (a save's
/// notice says how it moved).
struct RiskSummary: Sendable, Hashable {
  /// The overall residual level ("Medium") and its class (`medium`).
  var riskLevel: String
  /// `low` … `critical`, for the tag's class.
  var riskLevelClass: String
  /// The recommendation ("Proceed with conditions").
  var riskVerdict: String
  /// How many findings.
  var riskFindings: String
}

/// `GET /a/{name}/g/{group_id}/`: a repeating group's entries (data flows),
/// each with change and remove links, the button that adds one
/// (`POST /a/{name}/g/{group_id}/new`) and "Continue"
/// (`POST /a/{name}/g/{group_id}/done`). Template: `group-list.mustache`.
struct GroupListPage: Sendable, Hashable {
  /// Layout data.
  var page: PageChrome
  /// The section's title, above the heading.
  var caption: String?
  /// The group's prompt, as the `<h1>`.
  var heading: String
  /// The group's help, if any.
  var intro: String?
  /// The noun for one entry ("data flow").
  var itemName: String
  /// The entries in file order.
  var entries: [GroupEntryRow]
  /// `POST` address that adds an entry and redirects to its first question.
  var addAction: String
  /// The add button's text: "Add a data flow", "Add another data flow".
  var addLabel: String
  /// `POST` address of "Continue": records "none" for an optional group left
  /// empty and redirects to the next question.
  var doneAction: String
  /// "Question 12 of 31".
  var progress: String?
}

/// One entry in a group's list.
struct GroupEntryRow: Sendable, Hashable {
  /// A label the user recognises ("Staff prompts → vendor (flow-2)").
  var entryLabel: String
  /// The entry's stable id (`flow-2`).
  var entryID: String
  /// "Completed" or "Incomplete".
  var entryStatus: String
  /// Whether the entry still has unanswered required questions.
  var entryIncomplete: Bool
  /// The entry's first question (or its check-answers block).
  var changeHref: String
  /// The remove confirmation page.
  var removeHref: String
}

/// The remove confirmation for one entry: a yes/no question whose `POST`
/// removes the entry on "yes" (`removeEntry`). Template: `group-remove.mustache`.
struct GroupRemovePage: Sendable, Hashable {
  /// Layout data.
  var page: PageChrome
  /// The yes/no control ("Remove data flow 'Staff prompts'?").
  var field: QuestionField
  /// Where the form posts.
  var action: String
  /// The file's content token (see `QuestionPage.revision`).
  var revision: String
}
