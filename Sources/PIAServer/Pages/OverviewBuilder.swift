import PIAKit

/// Lays out an assessment's details as the overview page. Presentation only.
struct OverviewBuilder: Sendable {
  /// The assessment's `{name}`.
  let name: String
  /// Prints a law catalogue id as a citation.
  let cite: @Sendable (String) -> String

  /// The templates offered as documents, in manifest order.
  let templates: [TemplateManifest.Entry]

  /// The overview of `snapshot` inside `chrome`.
  func page(_ snapshot: AssessmentSnapshot, chrome: PageChrome) -> OverviewPage {
    let assessment = snapshot.assessment
    let progress = snapshot.progress
    let tasks = progress.sections.map { task($0, session: snapshot.session) }
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
    let flow = InterviewFlow(name: name, session: snapshot.session)
    let next = snapshot.session.nextQuestion(after: nil, walk: .unanswered)
    var documents: [Link] = []
    for template in templates {
      documents.append(
        Link(href: "\(base)/documents/\(template.id).docx", text: "\(template.title) (Word)"))
      documents.append(
        Link(href: "\(base)/documents/\(template.id).pdf", text: "\(template.title) (PDF)"))
      documents.append(
        Link(href: "\(base)/documents/\(template.id).md", text: "\(template.title) (Markdown)"))
      // For posting or an open agenda: without what the questionnaires mark internal.
      documents.append(
        Link(
          href: "\(base)/documents/\(template.id).docx?audience=public",
          text: "\(template.title), public version (Word)"))
    }
    documents.append(Link(href: "\(base)/score.json", text: "Score (JSON, as pia score gives it)"))
    return OverviewPage(
      page: chrome, heading: snapshot.title, questionnaire: snapshot.session.questionnaire.title,
      verdict: snapshot.verdict,
      residual: assessment.overallResidual.title,
      residualClass: assessment.overallResidual.description,
      inherent: assessment.overallInherent.title,
      progress: "\(progress.answered) of \(progress.total) questions answered", tasks: tasks,
      findings: findings, hasFindings: !findings.isEmpty, actions: actions,
      hasActions: !actions.isEmpty,
      documents: documents, continueHref: next.map { flow.page(for: $0) },
      reviewHref: "\(base)/review", historyHref: "\(base)/history")
  }

  private func task(_ section: SectionProgress, session: AssessmentSession) -> TaskItem {
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
      taskHref: target.map { InterviewFlow(name: name, session: session).page(for: $0) },
      taskHint: section.total == 0 ? nil : "\(section.answered) of \(section.total) answered",
      taskStatus: status, taskStatusIsTag: section.status != .completed, taskStatusClass: tagClass,
      taskStatusID: "task-\(section.number)-status", taskHintID: "task-\(section.number)-hint")
  }

}

/// The session's `Progress` (named here, where Foundation's `Progress` is not imported).
typealias AssessmentProgress = Progress
