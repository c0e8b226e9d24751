import PIAKit

/// Lays out check your answers: each section that applies, each question
/// that applies with its answer and a change link (back to this page after
/// saving), each entry of a repeating group with its status, and the
/// required questions still unanswered. What applies is the session's.
struct ReviewBuilder: Sendable {
  /// The assessment's `{name}`.
  let name: String

  /// The page for `snapshot` inside `chrome`.
  func page(_ snapshot: AssessmentSnapshot, chrome: PageChrome) -> ReviewPage {
    let session = snapshot.session
    let flow = InterviewFlow(name: name, session: session)
    let missingPaths = snapshot.progress.missingRequired
    let incomplete = Set(missingPaths.compactMap(\.entry?.id))
    var sections: [ReviewSection] = []
    for section in session.questionnaire.sections {
      var rows: [ReviewRow] = []
      for question in section.questions where session.applies(QuestionPath(question.id)) {
        let path = QuestionPath(question.id)
        let value = session.answer(at: path)
        guard question.kind == .group else {
          rows.append(
            ReviewRow(
              key: question.prompt,
              valueLines: value.map {
                QuestionFieldBuilder.display($0, of: question, choices: session.options(for: path))
              } ?? [],
              unanswered: value == nil, changeHref: flow.page(for: path) + "?return=review",
              changeLabel: question.shortPrompt))
          continue
        }
        let entries = session.entries(of: question.id)
        rows.append(
          ReviewRow(
            key: question.prompt,
            valueLines: value.map { QuestionFieldBuilder.display($0, of: question) } ?? [],
            unanswered: value == nil, changeHref: flow.groupHref(question.id),
            changeLabel: question.shortPrompt))
        for (index, entry) in entries.enumerated() {
          let label =
            "\(InterviewFlow.itemTitle(question)) \(index + 1): "
            + session.summary(of: entry, in: question)
          rows.append(
            ReviewRow(
              key: label,
              valueLines: [
                incomplete.contains(entry.id) ? "Required questions unanswered" : "Completed"
              ],
              unanswered: false, changeHref: flow.start(ofEntry: entry.id, in: question.id),
              changeLabel: label))
        }
      }
      if !rows.isEmpty { sections.append(ReviewSection(sectionTitle: section.title, rows: rows)) }
    }
    let missing = missingPaths.map { path in
      let prompt = (try? session.question(at: path))?.shortPrompt ?? path.description
      let caption = path.entry == nil ? nil : flow.caption(of: path)
      return Link(
        href: flow.page(for: path) + (path.entry == nil ? "?return=review" : ""),
        text: caption.map { "\($0) — \(prompt)" } ?? prompt)
    }
    return ReviewPage(
      page: chrome,
      heading: missing.isEmpty
        ? "Check your answers" : "Check your answers before you finish",
      title: snapshot.title, sections: sections, missing: missing,
      hasMissing: !missing.isEmpty, overviewHref: flow.overviewHref)
  }
}
