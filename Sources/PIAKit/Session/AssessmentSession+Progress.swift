/// How far an assessment has got: answers given against questions that
/// apply, overall and per section.
///
/// Totals count every question that applies given the answers so far,
/// including each entry's questions in a repeating group (a data flow with
/// twelve questions counts twelve, plus one for the group itself), so the
/// figures only move when an answer changes what applies.
public struct Progress: Sendable, Hashable {
  /// Questions answered, among those that apply.
  public var answered: Int
  /// Questions that apply.
  public var total: Int
  /// Every section of the questionnaire, in order, including those that do
  /// not apply (`status` says so).
  public var sections: [SectionProgress]

  /// Required questions that apply and have no answer, in questionnaire order.
  public var missingRequired: [QuestionPath] { sections.flatMap(\.missingRequired) }
}

/// One section's progress, as a task list shows it.
public struct SectionProgress: Sendable, Hashable {
  /// A section's state.
  public enum Status: String, Sendable, Hashable {
    /// No question of the section is answered yet.
    case notStarted = "not_started"
    /// Some questions that apply are answered, some not.
    case inProgress = "in_progress"
    /// Every question that applies is answered.
    case completed
    /// The section's condition does not hold, or none of its questions apply.
    case notApplicable = "not_applicable"
  }

  /// The section's id.
  public var id: String
  /// The section's title.
  public var title: String
  /// 1-based position among all the questionnaire's sections.
  public var number: Int
  /// Questions answered, among those that apply.
  public var answered: Int
  /// Questions that apply.
  public var total: Int
  /// Required questions that apply and have no answer.
  public var missingRequired: [QuestionPath]
  /// The first question that applies and has no answer (where to continue).
  public var firstUnanswered: QuestionPath?
  /// The first question that applies (where to start).
  public var firstQuestion: QuestionPath?
  /// The section's state.
  public var status: Status
}

extension AssessmentSession {
  /// How to walk the questions.
  public enum Walk: Sendable, Hashable {
    /// Only questions with no answer, entering each entry of a repeating
    /// group whose questions are not all answered (where an interview
    /// resumes).
    case unanswered
    /// Every top-level question that applies, a repeating group counting as
    /// one (a revision walks these with the previous answers as defaults).
    case every
  }

  /// The next question to ask after `path` (from the start when `nil`).
  ///
  /// - Parameters:
  ///   - path: The question just asked; the walk goes on from its place in
  ///     the questionnaire even if it no longer applies.
  ///   - walk: Which questions to stop at.
  ///   - skipping: Questions the user chose to leave unanswered for now.
  /// - Returns: The next question that applies, or `nil` at the end.
  public func nextQuestion(
    after path: QuestionPath?, walk: Walk, skipping: Set<QuestionPath> = []
  ) -> QuestionPath? {
    let start = path.map(position(of:))
    for candidate in paths(walk: walk) {
      if let start, !(position(of: candidate) > start) { continue }
      if skipping.contains(candidate) { continue }
      if walk == .every || answer(at: candidate) == nil { return candidate }
    }
    return nil
  }

  /// Required questions that apply and have no answer, including those of
  /// each entry of a repeating group, in questionnaire order.
  public var missingRequired: [QuestionPath] { progress.missingRequired }

  /// Answers given against questions that apply, overall and per section.
  public var progress: Progress {
    let environment = conditionEnvironment
    // Each group's entries by id, so an entry's answer is found without a
    // search of the list (a hundred data flows ask about two thousand).
    var entriesByID: [String: [String: GroupEntry]] = [:]
    for question in questionnaire.questions where question.kind == .group {
      entriesByID[question.id] = Dictionary(
        entries(of: question.id).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
    func isAnswered(_ path: QuestionPath) -> Bool {
      guard let entry = path.entry else { return file.answers[path.question] != nil }
      return entriesByID[entry.group]?[entry.id]?.values[path.question] != nil
    }
    func isRequired(_ path: QuestionPath) -> Bool {
      guard let entry = path.entry else {
        return questionnaire.question(path.question)?.required ?? false
      }
      return questionnaire.question(entry.group)?.field(path.question)?.required ?? false
    }
    var sections: [SectionProgress] = []
    for (index, section) in questionnaire.sections.enumerated() {
      let applies = section.showIf?.evaluate(in: environment) ?? true
      var paths: [QuestionPath] = []
      if applies {
        for question in section.questions
        where question.showIf?.evaluate(in: environment) ?? true {
          paths += self.paths(of: question, enteringEntries: true, base: environment)
        }
      }
      let unanswered = paths.filter { !isAnswered($0) }
      let missing = unanswered.filter(isRequired)
      let status: SectionProgress.Status
      if paths.isEmpty {
        status = .notApplicable
      } else if unanswered.isEmpty {
        status = .completed
      } else if unanswered.count == paths.count {
        status = .notStarted
      } else {
        status = .inProgress
      }
      sections.append(
        SectionProgress(
          id: section.id, title: section.title, number: index + 1,
          answered: paths.count - unanswered.count, total: paths.count, missingRequired: missing,
          firstUnanswered: unanswered.first, firstQuestion: paths.first, status: status))
    }
    return Progress(
      answered: sections.map(\.answered).reduce(0, +), total: sections.map(\.total).reduce(0, +),
      sections: sections)
  }

  /// Every question that applies, in order, for `walk`.
  func paths(walk: Walk) -> [QuestionPath] {
    let base = conditionEnvironment
    return questionnaire.visibleQuestions(answers: file.answers).flatMap {
      paths(of: $0, enteringEntries: walk == .unanswered, base: base)
    }
  }

  /// A top-level question's path, followed, for a repeating group, by the
  /// paths of each entry's questions that apply.
  private func paths(
    of question: Question, enteringEntries: Bool, base: AnswerEnvironment
  ) -> [QuestionPath] {
    var result = [QuestionPath(question.id)]
    guard question.kind == .group, enteringEntries else { return result }
    for entry in entries(of: question.id) {
      for field in applicableFields(of: entry, in: question, base: base) {
        result.append(QuestionPath(group: question.id, entry: entry.id, question: field.id))
      }
    }
    return result
  }

  /// A sortable place in the questionnaire: (top-level index, entry index,
  /// field index); a group itself comes before its entries.
  func position(of path: QuestionPath) -> [Int] {
    let questions = questionnaire.questions
    guard let entry = path.entry else {
      return [questions.firstIndex { $0.id == path.question } ?? questions.count, -1, -1]
    }
    let top = questions.firstIndex { $0.id == entry.group } ?? questions.count
    let list = entries(of: entry.group)
    let entryIndex = list.firstIndex { $0.id == entry.id } ?? list.count
    let fields = questionnaire.question(entry.group)?.fields ?? []
    let fieldIndex = fields.firstIndex { $0.id == path.question } ?? fields.count
    return [top, entryIndex, fieldIndex]
  }
}

extension Array where Element == Int {
  fileprivate static func > (lhs: [Int], rhs: [Int]) -> Bool {
    rhs.lexicographicallyPrecedes(lhs)
  }
}
