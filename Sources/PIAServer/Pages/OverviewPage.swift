/// `GET /a/{name}/`: the assessment overview: sections as a task list with
/// status, verdict and residual level, findings and actions.
/// Template: `Web/pages/overview.mustache`.
struct OverviewPage: Sendable, Hashable {
  /// Layout data.
  var page: PageChrome
  /// The assessment's title.
  var heading: String
  /// The questionnaire's title.
  var questionnaire: String
  /// "Proceed with conditions".
  var verdict: String
  /// Residual level name ("High") and class (`high`).
  var residual: String
  /// `low` … `critical`, for the tag's class.
  var residualClass: String
  /// Inherent level name.
  var inherent: String
  /// "12 of 31 questions answered".
  var progress: String
  /// The sections.
  var tasks: [TaskItem]
  /// The findings, highest residual first.
  var findings: [FindingItem]
  /// Whether `findings` is non-empty.
  var hasFindings: Bool
  /// The actions.
  var actions: [ActionItem]
  /// Whether `actions` is non-empty.
  var hasActions: Bool
  /// Links to the rendered documents (`/a/{name}/documents/{template}.{ext}`).
  var documents: [Link]
  /// The first question still to answer, where "Continue" leads; `nil` when
  /// every question that applies is answered.
  var continueHref: String?
  /// `/a/{name}/review`.
  var reviewHref: String
  /// `/a/{name}/history`.
  var historyHref: String
}

/// One section in the task list.
struct TaskItem: Sendable, Hashable {
  /// The section's title.
  var taskTitle: String
  /// Its first question still to answer (or its first), or `nil` when it
  /// cannot be started yet / does not apply.
  var taskHref: String?
  /// A hint under the title ("3 of 7 answered").
  var taskHint: String?
  /// "Completed", "In progress", "Not started", "Cannot start yet", "Not applicable".
  var taskStatus: String
  /// Whether the status is shown as a tag (not yet completed) or plain text.
  var taskStatusIsTag: Bool
  /// The tag's colour class: `blue` (in progress), `grey` (not started).
  var taskStatusClass: String
  /// Element ids for `aria-describedby` (`task-N-status`, `task-N-hint`).
  var taskStatusID: String
  /// The hint's element id.
  var taskHintID: String
}

/// One finding on the overview.
struct FindingItem: Sendable, Hashable {
  /// The finding's title.
  var findingTitle: String
  /// The data flow it belongs to, if any.
  var flow: String?
  /// Residual level name and class.
  var findingResidual: String
  /// `low` … `critical`.
  var findingResidualClass: String
  /// Printed citations.
  var findingCitations: String
}

/// One action on the overview.
struct ActionItem: Sendable, Hashable {
  /// What to do.
  var actionTitle: String
  /// Priority level name.
  var priority: String
  /// Status ("open").
  var actionStatus: String
}
