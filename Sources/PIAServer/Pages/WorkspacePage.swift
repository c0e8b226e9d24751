/// `GET /`: every assessment in the workspace and the new-assessment form.
/// Template: `Web/pages/workspace.mustache`.
struct WorkspacePage: Sendable, Hashable {
  /// Layout data; `page.errors` holds the new-assessment form's errors.
  var page: PageChrome
  /// The workspace folder as given to `--workspace`.
  var folder: String
  /// One row per answers file with an addressable name.
  var assessments: [AssessmentRow]
  /// Files whose names do not fit `[a-z0-9-]` (listed, not linked).
  var unaddressable: [String]
  /// Whether `unaddressable` is non-empty.
  var hasUnaddressable: Bool
  /// The new-assessment form, with the user's input after an error.
  var form: NewAssessmentForm
}

/// One assessment on the workspace page.
struct AssessmentRow: Sendable, Hashable {
  /// The file's `{name}`.
  var name: String
  /// `/a/{name}/`.
  var href: String
  /// The assessment's title, or the name when it has none.
  var rowTitle: String
  /// The questionnaire's title.
  var questionnaire: String?
  /// "Proceed with conditions" and the like.
  var verdict: String?
  /// Residual level ("High"), and its CSS modifier (`high`).
  var residual: String?
  /// The level name for the tag's class: `low`, `medium`, `high`, `critical`.
  var residualClass: String?
  /// "12 of 31 questions".
  var progress: String?
  /// The modification time for people ("2026-11-30 14:05") and for `<time>`.
  var lastChange: String
  /// ISO 8601 with zone, for `<time datetime>`.
  var lastChangeISO: String
  /// Why the file cannot be read, instead of the columns above.
  var problem: String?
}

/// The new-assessment form on the workspace page (`POST /a`).
struct NewAssessmentForm: Sendable, Hashable {
  /// The file name typed (without `.pia.yaml`).
  var nameValue: String
  /// Why the name was refused.
  var nameError: String?
  /// The title typed.
  var titleValue: String
  /// Why the title was refused.
  var titleError: String?
  /// One radio per questionnaire.
  var questionnaires: [FieldOption]
  /// Why no questionnaire was chosen.
  var questionnaireError: String?
}
