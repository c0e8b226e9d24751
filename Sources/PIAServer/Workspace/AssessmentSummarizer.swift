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

/// The workspace page's view of each answers file, read through the
/// `AssessmentStore` (so an unchanged file is neither read, parsed nor
/// scored again). Every rule (what applies, what counts as answered, the score) is
/// the session's.
struct AssessmentSummarizer: Sendable {
  /// Where files are read.
  let store: AssessmentStore

  /// The summary of `file`; never throws: a file that cannot be read gets a
  /// `problem`.
  func summary(of file: Workspace.File) -> AssessmentSummary {
    var summary = AssessmentSummary(
      name: file.name, answered: 0, applicable: 0, modified: file.modified)
    let snapshot: AssessmentSnapshot
    do {
      snapshot = try store.summaryRead(file)
    } catch {
      switch error {
      case .notFound: summary.problem = "'\(file.url.lastPathComponent)' cannot be read"
      case .unreadable(let message): summary.problem = message
      }
      return summary
    }
    summary.title = snapshot.session.file.assessment.title
    summary.questionnaire = snapshot.session.questionnaire.title
    summary.residual = snapshot.assessment.overallResidual
    summary.verdict = snapshot.verdict
    summary.answered = snapshot.progress.answered
    summary.applicable = snapshot.progress.total
    return summary
  }

  /// The bytes of a new, empty answers file for `questionnaire`.
  func newFile(questionnaire: Questionnaire, title: String, started: CalendarDate) -> Data {
    AssessmentSession.new(
      questionnaire: questionnaire, content: store.catalog, started: started,
      assessment: AssessmentInfo(title: title)
    ).encoded().data
  }
}
