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
    let progress = details.progress
    let tasks = progress.sections.map(task)
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
      page: chrome, heading: details.session.file.assessment.title ?? name,
      questionnaire: details.session.questionnaire.title,
      verdict: ReportModel.recommendation(for: assessment).0.label,
      residual: assessment.overallResidual.title,
      residualClass: assessment.overallResidual.description,
      inherent: assessment.overallInherent.title,
      progress: "\(progress.answered) of \(progress.total) questions answered", tasks: tasks,
      findings: findings, hasFindings: !findings.isEmpty, actions: actions,
      hasActions: !actions.isEmpty,
      documents: [
        Link(href: "\(base)/documents/pia-report.docx", text: "Privacy impact assessment (Word)"),
        Link(href: "\(base)/documents/council-appendix.docx", text: "Council appendix (Word)"),
        Link(href: "\(base)/documents/pia-report.md", text: "Privacy impact assessment (Markdown)"),
      ],
      reviewHref: "\(base)/review", historyHref: "\(base)/history")
  }

  private func task(_ section: SectionProgress) -> TaskItem {
    let status: String
    let tagClass: String
    switch section.status {
    case .notApplicable:
      status = "Not applicable"
      tagClass = "grey"
    case .completed:
      status = "Completed"
      tagClass = ""
    case .notStarted:
      status = "Not started"
      tagClass = "grey"
    case .inProgress:
      status = "In progress"
      tagClass = "blue"
    }
    let target =
      section.status == .notApplicable ? nil : section.firstUnanswered ?? section.firstQuestion
    return TaskItem(
      taskTitle: section.title,
      taskHref: target.map { Self.href(name: name, path: $0) },
      taskHint: section.total == 0 ? nil : "\(section.answered) of \(section.total) answered",
      taskStatus: status, taskStatusIsTag: section.status != .completed, taskStatusClass: tagClass,
      taskStatusID: "task-\(section.number)-status", taskHintID: "task-\(section.number)-hint")
  }

  /// The page of the question at `path` in assessment `name`:
  /// `/a/{name}/q/{question}`, or `/a/{name}/g/{group}/{entry}/q/{question}`
  /// inside a repeating group's entry.
  static func href(name: String, path: QuestionPath) -> String {
    guard let entry = path.entry else { return "/a/\(name)/q/\(path.question)" }
    return "/a/\(name)/g/\(entry.group)/\(entry.id)/q/\(path.question)"
  }
}

/// The session's `Progress` (named here, where Foundation's `Progress` is not imported).
typealias AssessmentProgress = Progress
