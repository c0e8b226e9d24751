import NIOConcurrencyHelpers
import PIAKit

/// One answers file as it was read at one moment: the token of its bytes, the
/// session opened on them, and the session's score and progress.
///
/// Snapshots are cached by `AssessmentStore` under the bytes' token, so a
/// file read again unchanged is neither parsed nor scored again, and a file
/// changed by anyone (the CLI, git, an edit by hand) is read afresh.
struct AssessmentSnapshot: Sendable {
  /// The file (its `{name}`, location and modification time).
  var file: Workspace.File
  /// The token of the bytes the session was opened from (the forms' `revision`).
  var token: ContentToken
  /// The session over the file.
  var session: AssessmentSession
  /// The answers scored as of `scoredOn`.
  var assessment: Assessment
  /// The date the score speaks as of: the assessment date, else the server's today.
  var scoredOn: CalendarDate
  /// What reading the file noted (a format-1 file upgraded, another questionnaire version
  /// accepted, an answer to a question that no longer exists), shown on the overview.
  var warnings: [Diagnostic]
  /// Answers given against questions that apply, overall and per section:
  /// computed the first time a page needs it (the workspace, the overview,
  /// a group's list, check your answers; not a question page nor a save),
  /// then kept with the snapshot.
  var progress: AssessmentProgress { lazyProgress.value(of: session) }
  private let lazyProgress = LazyProgress()

  /// A snapshot of `session`, scored as of its assessment date (`today` when it has none).
  init(
    file: Workspace.File, token: ContentToken, session: AssessmentSession,
    today: CalendarDate, warnings: [Diagnostic] = []
  ) {
    self.file = file
    self.token = token
    self.session = session
    self.warnings = warnings
    let date = Self.scoringDate(of: session, today: today)
    self.scoredOn = date
    self.assessment = session.assessment(asOf: date)
  }

  /// The date a session is scored as of: its assessment date, else `today`.
  static func scoringDate(of session: AssessmentSession, today: CalendarDate) -> CalendarDate {
    (try? session.assessmentDate()) ?? today
  }

  /// The assessment's title, else its file name.
  var title: String { session.file.assessment.title ?? file.name }

  /// The recommendation's label ("Proceed with conditions").
  var verdict: String { ReportModel.recommendation(for: assessment).0.label }
}

/// A session's progress, computed once and shared by the copies of a snapshot.
final class LazyProgress: Sendable {
  private let computed = NIOLockedValueBox<AssessmentProgress?>(nil)

  /// The progress of `session` (the snapshot's own).
  func value(of session: AssessmentSession) -> AssessmentProgress {
    if let known = computed.withLockedValue({ $0 }) { return known }
    let progress = session.progress
    computed.withLockedValue { $0 = progress }
    return progress
  }
}
