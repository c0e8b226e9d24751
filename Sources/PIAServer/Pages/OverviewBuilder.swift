import PIAKit

/// Lays out an assessment's details as the overview page. Presentation only.
struct OverviewBuilder: Sendable {
  /// The assessment's `{name}`.
  let name: String
  /// Prints a law catalogue id as a citation.
  let cite: @Sendable (String) -> String

  /// The overview of `details` inside `chrome`.
  func page(_ details: AssessmentDetails, chrome: PageChrome) -> OverviewPage {
    let assessment = details.assessment
    let answered = details.sections.map(\.answered).reduce(0, +)
    let applicable = details.sections.map(\.applicable).reduce(0, +)
    let tasks = details.sections.enumerated().map { index, section in task(section, index + 1) }
    let findings = assessment.findings.sorted { $0.residual > $1.residual }.map { finding in
      FindingItem(
        findingTitle: finding.title, flow: finding.flowLabel,
        findingResidual: finding.residual.title, findingResidualClass: finding.residual.description,
        findingCitations: finding.citations.map(cite).joined(separator: "; "))
    }
    let actions = assessment.actions.map { action in
      ActionItem(
        actionTitle: action.title, priority: action.priority.title, actionStatus: action.status)
    }
    let base = "/a/\(name)"
    return OverviewPage(
      page: chrome, heading: details.answers.assessment.title ?? name,
      questionnaire: details.questionnaire.title,
      verdict: ReportModel.recommendation(for: assessment).0.label,
      residual: assessment.overallResidual.title,
      residualClass: assessment.overallResidual.description,
      inherent: assessment.overallInherent.title,
      progress: "\(answered) of \(applicable) questions answered", tasks: tasks,
      findings: findings, hasFindings: !findings.isEmpty, actions: actions,
      hasActions: !actions.isEmpty,
      documents: [
        Link(href: "\(base)/documents/pia-report.docx", text: "Privacy impact assessment (Word)"),
        Link(href: "\(base)/documents/council-appendix.docx", text: "Council appendix (Word)"),
        Link(href: "\(base)/documents/pia-report.md", text: "Privacy impact assessment (Markdown)"),
      ],
      reviewHref: "\(base)/review", historyHref: "\(base)/history")
  }

  private func task(_ section: SectionProgress, _ number: Int) -> TaskItem {
    let status: String
    let tagClass: String
    if section.applicable == 0 {
      status = "Not applicable"
      tagClass = "grey"
    } else if section.answered == section.applicable {
      status = "Completed"
      tagClass = ""
    } else if section.answered == 0 {
      status = "Not started"
      tagClass = "grey"
    } else {
      status = "In progress"
      tagClass = "blue"
    }
    return TaskItem(
      taskTitle: section.title,
      taskHref: section.firstQuestion.map { "/a/\(name)/q/\($0)" },
      taskHint: section.applicable == 0
        ? nil : "\(section.answered) of \(section.applicable) answered",
      taskStatus: status, taskStatusIsTag: status != "Completed", taskStatusClass: tagClass,
      taskStatusID: "task-\(number)-status", taskHintID: "task-\(number)-hint")
  }
}
