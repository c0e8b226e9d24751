import Foundation
import PIAHost
import PIAKit

/// What the workspace page shows of one assessment.
public struct AssessmentSummary: Sendable, Hashable {
  /// The file's `{name}`.
  public var name: String
  /// `assessment.title` from the file.
  public var title: String?
  /// The questionnaire's title.
  public var questionnaire: String?
  /// The recommendation: "Proceed", "Proceed with conditions", "Do not proceed".
  public var verdict: String?
  /// The overall residual risk level.
  public var residual: RiskLevel?
  /// Questions answered, among those that apply (entries' questions counted).
  public var answered: Int
  /// Questions that apply given the answers so far.
  public var applicable: Int
  /// The file's modification time.
  public var modified: Date
  /// Why the file could not be read (the first error), if so.
  public var problem: String?
}

/// Opens the workspace's answers files as `AssessmentSession`s for the
/// workspace page and the overview: the one place the server reads an
/// assessment's progress and score. Every rule (what applies, what counts as
/// answered, the score) is the session's.
struct AssessmentSummarizer: Sendable {
  /// The content every file is read against.
  let catalog: ContentCatalog
  /// The date to score a file as of when it has no assessment date.
  let today: @Sendable () -> CalendarDate

  /// Reads `file` and opens a session on it (another questionnaire version is
  /// accepted, as `pia score` does).
  func open(_ file: Workspace.File) throws(DiagnosticsError) -> AssessmentSession {
    var store = AnswersStore(url: file.url, displayPath: file.url.lastPathComponent)
    return try store.open(
      content: catalog, options: AssessmentFile.LoadOptions(acceptsOtherVersion: true)
    ).value
  }

  /// The session's assessment, scored as of its assessment date (today when
  /// it has none yet).
  func assessment(of session: AssessmentSession) -> Assessment {
    session.assessment(asOf: (try? session.assessmentDate()) ?? today())
  }

  /// The summary of `file`; never throws: a file that cannot be read gets a
  /// `problem`.
  func summary(of file: Workspace.File) -> AssessmentSummary {
    var summary = AssessmentSummary(
      name: file.name, answered: 0, applicable: 0, modified: file.modified)
    let session: AssessmentSession
    do {
      session = try open(file)
    } catch {
      summary.problem =
        error.diagnostics.first { $0.severity == .error }?.description
        ?? "'\(file.url.lastPathComponent)' cannot be read"
      return summary
    }
    let assessment = assessment(of: session)
    let progress = session.progress
    summary.title = session.file.assessment.title
    summary.questionnaire = session.questionnaire.title
    summary.residual = assessment.overallResidual
    summary.verdict = ReportModel.recommendation(for: assessment).0.label
    summary.answered = progress.answered
    summary.applicable = progress.total
    return summary
  }

  /// Everything the overview page shows of `file`.
  func details(of file: Workspace.File) -> Result<AssessmentDetails, DiagnosticsError> {
    do {
      let session = try open(file)
      return .success(
        AssessmentDetails(
          session: session, assessment: assessment(of: session), progress: session.progress))
    } catch {
      return .failure(error)
    }
  }

  /// The bytes of a new, empty answers file for `questionnaire`.
  func newFile(questionnaire: Questionnaire, title: String, started: CalendarDate) -> Data {
    AssessmentSession.new(
      questionnaire: questionnaire, content: catalog, started: started,
      assessment: AssessmentInfo(title: title)
    ).encoded().data
  }
}

/// What the overview shows of one assessment.
struct AssessmentDetails: Sendable {
  /// The open session.
  var session: AssessmentSession
  /// The scored result.
  var assessment: Assessment
  /// Progress overall and per section.
  var progress: AssessmentProgress
}
