/// `GET|POST /a/{name}/q/{question_id}` (and the same inside a group entry):
/// one question per page. Template: `Web/pages/question.mustache`.
///
/// **Phase 2 fills**: `caption` and `progress` from the session's progress,
/// `field` from `QuestionFieldBuilder` with the saved answer (or the refused
/// input and the session's error), `revision` from the session's content
/// token, `skipHref` from `nextQuestion`, `page.notice` from what the last
/// save changed in the risk, `page.backLink` from the previous question.
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
}

/// `GET /a/{name}/g/{group_id}/`: a repeating group's entries (data flows),
/// each with change and remove links, and the button that adds one
/// (`POST /a/{name}/g/{group_id}/new`). Template: `group-list.mustache`.
///
/// **Phase 2 fills** `entries` from the session's entries of the group, each
/// entry's `entryStatus` from whether its required questions are answered.
struct GroupListPage: Sendable, Hashable {
  /// Layout data.
  var page: PageChrome
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
  /// Where "Continue" goes when the list is done.
  var continueHref: String
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
/// removes the entry on "yes". Template: `group-remove.mustache`.
///
/// **Phase 2 fills** from the session's entry; the POST calls `removeEntry`.
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
