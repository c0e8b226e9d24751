/// `GET /a/{name}/history`: the versions, the sign-offs, and the forms that
/// start a revision (`POST /a/{name}/revise`) and record a sign-off
/// (`POST /a/{name}/approve`). Template: `Web/pages/history.mustache`.
struct HistoryPage: Sendable, Hashable {
  /// Layout data; `page.errors` holds a refused form's errors.
  var page: PageChrome
  /// The assessment's title, above the heading.
  var title: String
  /// "Draft", "Approved", "Approved with conditions" or "Rejected".
  var status: String
  /// Earlier versions, oldest first, then the current one.
  var versions: [VersionRow]
  /// Every sign-off, in the order recorded.
  var signOffs: [SignOffRow]
  /// Whether `signOffs` is non-empty.
  var hasSignOffs: Bool
  /// The current version's number.
  var currentVersion: Int
  /// The number a revision would start.
  var nextVersion: Int
  /// Whether starting a revision records a version (there are answers and
  /// the last version does not already hold them).
  var needsNewVersion: Bool
  /// Where the revise form posts.
  var reviseAction: String
  /// The reason typed (kept after a refusal).
  var reasonValue: String
  /// Why the reason was refused.
  var reasonError: String?
  /// Where the approve form posts.
  var approveAction: String
  /// The approve form.
  var approval: ApprovalForm
  /// The file's content token (see `QuestionPage.revision`).
  var revision: String
  /// The hash of the answers shown, which an approval applies to (the
  /// approval is refused with 409 if they changed meanwhile).
  var answersHash: String
  /// The first 12 digits, as shown.
  var answersHashShort: String
}

/// One version in the history table.
struct VersionRow: Sendable, Hashable {
  /// "1", or "3 (current)".
  var versionLabel: String
  /// The date the revision that closed it started ("—" for the current one).
  var revisedOn: String
  /// Who started that revision.
  var revisedBy: String
  /// The answers hash, first 12 hex digits.
  var versionHash: String
  /// The overall residual level.
  var versionResidual: String
  /// Why it was revised.
  var revisionReason: String
  /// `…/history/diff?from=N`, comparing it with the current answers.
  var diffHref: String?
}

/// One sign-off.
struct SignOffRow: Sendable, Hashable {
  /// "Approved by Jane Doe (Head (or delegate)) on 2026-03-05".
  var signOffSummary: String
  /// Reason, conditions, advice, one line each.
  var signOffLines: [String]
  /// Whether it applies to an earlier version of the answers.
  var stale: Bool
}

/// The sign-off form, with the input kept after a refusal.
struct ApprovalForm: Sendable, Hashable {
  /// Who signs (radios `role`).
  var roles: [FieldOption]
  /// The signer's name and title (`name`).
  var signerValue: String
  /// The decision (radios `decision`).
  var decisions: [FieldOption]
  /// Why (`reason`).
  var reasonText: String
  /// Conditions (`conditions`).
  var conditionsText: String
  /// Head only: the privacy lead's advice accepted or overruled (radios `advice`).
  var advices: [FieldOption]
  /// Head only: why (`advice_reasons`).
  var adviceReasonsText: String
  /// Head or delegate only: the sign-off accepts a high or critical residual
  /// risk in writing (checkbox `accept_risk`, the reasons in `reason`).
  var acceptsRisk: Bool
  /// The head's delegate only: the by-law or written delegation (`delegation`).
  var delegationValue: String
  /// The date of the decision, YYYY-MM-DD (`date`).
  var dateValue: String
  /// Why the sign-off was refused.
  var approveError: String?
}

/// `GET /a/{name}/history/diff?from=N[&to=M]`: what changed between two
/// versions, and whether it is material. Template: `Web/pages/diff.mustache`.
struct DiffPage: Sendable, Hashable {
  /// Layout data.
  var page: PageChrome
  /// The assessment's title, above the heading.
  var title: String
  /// "Changes from version 1 to version 3 (current)".
  var heading: String
  /// "Addendum", with the verdict's id.
  var materiality: String
  /// The rules that fired, one line each.
  var materialityReasons: [String]
  /// Overall levels and the next review, one line each.
  var levels: [String]
  /// Changed answers.
  var answerRows: [DiffRow]
  /// Whether `answerRows` is non-empty.
  var hasAnswerRows: Bool
  /// Findings that appeared, disappeared or moved, one line each.
  var findingLines: [String]
  /// Whether `findingLines` is non-empty.
  var hasFindingLines: Bool
  /// Vendor facts that changed, one line each.
  var factLines: [String]
  /// Whether `factLines` is non-empty.
  var hasFactLines: Bool
}

/// One changed answer on the diff page.
struct DiffRow: Sendable, Hashable {
  /// The question.
  var changeKey: String
  /// "Added", "Removed" or "Changed".
  var changeKind: String
  /// Before → after, and each changed entry, one line each.
  var changeLines: [String]
}
