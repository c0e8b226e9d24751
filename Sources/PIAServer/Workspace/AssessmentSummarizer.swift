import Foundation
import PIAKit

/// What the workspace page shows of one assessment.
public struct AssessmentSummary: Sendable, Hashable {
  /// The file's `{name}`.
  public var name: String
  /// `assessment.title` from the file.
  public var title: String?
  /// The questionnaire's title (or id when the catalogue lacks it).
  public var questionnaire: String?
  /// The recommendation: "Proceed", "Proceed with conditions", "Do not proceed".
  public var verdict: String?
  /// The overall residual risk level.
  public var residual: RiskLevel?
  /// Questions answered and questions that apply.
  public var answered: Int
  /// Questions that apply given the answers so far.
  public var applicable: Int
  /// The file's modification time.
  public var modified: Date
  /// Why the file could not be read or scored (the first error), if so.
  public var problem: String?
}

/// Reads one answers file for the workspace page.
///
/// **Phase 2 seam.** This is the only place the server scores or counts
/// progress; today it uses `Scorer` and `Questionnaire.visibleQuestions`
/// (top-level questions only). When `AssessmentSession` lands, replace the
/// body of `summary(of:)` with: open the session from the file's bytes, then
/// take `progress`, the scored `Assessment`, and the recommendation from it.
struct AssessmentSummarizer: Sendable {
  /// The content every file is read against.
  let catalog: ContentCatalog
  private let scorer: Scorer

  init(catalog: ContentCatalog) {
    self.catalog = catalog
    self.scorer = Scorer(catalog: catalog)
  }

  /// The summary of `file`; never throws: a file that cannot be read gets a
  /// `problem`.
  func summary(of file: Workspace.File) -> AssessmentSummary {
    var summary = AssessmentSummary(
      name: file.name, answered: 0, applicable: 0, modified: file.modified)
    let shown = file.url.lastPathComponent
    let (assessment, diagnostics) = scorer.score(file.url, path: shown)
    guard let assessment,
      let questionnaire = catalog.questionnaire(assessment.questionnaireID)
    else {
      summary.problem =
        diagnostics.first { $0.severity == .error }?.description ?? "'\(shown)' cannot be read"
      return summary
    }
    summary.questionnaire = questionnaire.title
    summary.residual = assessment.overallResidual
    summary.verdict = ReportModel.recommendation(for: assessment).0.label
    let store = AnswersStore(url: file.url, displayPath: shown)
    let (answers, _) = store.load(
      questionnaire: questionnaire, options: AssessmentFile.LoadOptions(acceptsOtherVersion: true))
    if let answers {
      summary.title = answers.assessment.title
      let visible = questionnaire.visibleQuestions(answers: answers.answers)
      summary.applicable = visible.count
      summary.answered = visible.filter { answers.answers[$0.id] != nil }.count
    }
    return summary
  }

  /// Everything the overview page shows of `file`, or the first error.
  ///
  /// **Phase 2 seam**: replace with the session's sections, progress and
  /// scored assessment.
  func details(of file: Workspace.File) -> Result<AssessmentDetails, DiagnosticsError> {
    let shown = file.url.lastPathComponent
    let (assessment, diagnostics) = scorer.score(file.url, path: shown)
    guard let assessment, let questionnaire = catalog.questionnaire(assessment.questionnaireID)
    else {
      return .failure(DiagnosticsError(diagnostics.filter { $0.severity == .error }))
    }
    let store = AnswersStore(url: file.url, displayPath: shown)
    let (loaded, loadDiagnostics) = store.load(
      questionnaire: questionnaire, options: AssessmentFile.LoadOptions(acceptsOtherVersion: true))
    guard let answers = loaded else {
      return .failure(DiagnosticsError(loadDiagnostics.filter { $0.severity == .error }))
    }
    let visible = Set(questionnaire.visibleQuestions(answers: answers.answers).map(\.id))
    let sections = questionnaire.sections.map { section in
      let applicable = section.questions.filter { visible.contains($0.id) }
      return SectionProgress(
        id: section.id, title: section.title,
        firstQuestion: applicable.first { answers.answers[$0.id] == nil }?.id
          ?? applicable.first?.id,
        answered: applicable.filter { answers.answers[$0.id] != nil }.count,
        applicable: applicable.count)
    }
    return .success(
      AssessmentDetails(
        questionnaire: questionnaire, answers: answers, assessment: assessment, sections: sections))
  }

  /// The text of a new, empty answers file for `questionnaire`.
  ///
  /// **Phase 2 seam**: the session may own this (a new `AssessmentFile`).
  func newFileText(questionnaire: Questionnaire, title: String, started: CalendarDate) -> String {
    let file = AssessmentFile(
      questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
      assessment: AssessmentInfo(title: title, started: started))
    return file.yamlText(questionnaire: questionnaire)
  }
}

/// What the overview shows of one assessment (today from `Scorer` and the
/// answers file; phase 2: from the session).
struct AssessmentDetails: Sendable {
  /// The questionnaire the file answers.
  var questionnaire: Questionnaire
  /// The file as loaded.
  var answers: AssessmentFile
  /// The scored result.
  var assessment: Assessment
  /// Each section's progress, in questionnaire order.
  var sections: [SectionProgress]
}

/// How far one section is answered.
struct SectionProgress: Sendable, Hashable {
  /// The section's id.
  var id: String
  /// The section's title.
  var title: String
  /// Its first unanswered question that applies (else its first that
  /// applies); `nil` when none applies.
  var firstQuestion: String?
  /// Questions answered among those that apply.
  var answered: Int
  /// Questions that apply.
  var applicable: Int
}
