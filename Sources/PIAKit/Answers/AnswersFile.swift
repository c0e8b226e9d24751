/// One assessment's answers file (`*.pia.yaml`): which questionnaire it
/// answers, who prepared it, and the answers themselves.
///
/// Layout (YAML, keys in this order):
///
///     format: 1
///     questionnaire: {id: ai-assistant, version: 1}
///     assessment: {title, institution, prepared_by, started, pia_number}
///     answers: {question id: value, …}        # in questionnaire order
///     inactive: {question id: value, …}       # answers hidden by show_if, kept
///     entry_numbers: {group id: N}            # only after removing the newest entry
///     approvals: …, history: …                # later sections, preserved untouched
public struct AnswersFile: Sendable, Hashable {
  /// The current layout version.
  public static let currentFormat = 1

  public var format: Int
  public var questionnaireID: String
  public var questionnaireVersion: Int
  public var assessment: AssessmentInfo
  /// Answers to visible questions, by question id.
  public var answers: [String: AnswerValue]
  /// Answers to questions a changed answer has hidden; restored when the
  /// question becomes visible again.
  public var inactive: [String: AnswerValue]
  /// Top-level sections this version of the tool does not interpret, kept as
  /// YAML text so rewriting the file never loses them.
  public var preserved: [(key: String, yaml: String)]
  /// For each repeating group, the highest entry number ever given (`flow-7`
  /// → 7), so an id freed by removing an entry is never given again. Written
  /// only when it is above the highest number still in use.
  public var lastEntryNumbers: [String: Int] = [:]
  /// For each preserved section, the known top-level key it followed in the
  /// file ("" for the start), so it is written back in the same place. Not
  /// part of equality: it only decides layout.
  public var preservedAfter: [String: String] = [:]

  public init(
    format: Int = AnswersFile.currentFormat, questionnaireID: String, questionnaireVersion: Int,
    assessment: AssessmentInfo = AssessmentInfo(), answers: [String: AnswerValue] = [:],
    inactive: [String: AnswerValue] = [:], preserved: [(key: String, yaml: String)] = []
  ) {
    self.format = format
    self.questionnaireID = questionnaireID
    self.questionnaireVersion = questionnaireVersion
    self.assessment = assessment
    self.answers = answers
    self.inactive = inactive
    self.preserved = preserved
  }

  public static func == (lhs: AnswersFile, rhs: AnswersFile) -> Bool {
    lhs.format == rhs.format && lhs.questionnaireID == rhs.questionnaireID
      && lhs.questionnaireVersion == rhs.questionnaireVersion && lhs.assessment == rhs.assessment
      && lhs.answers == rhs.answers && lhs.inactive == rhs.inactive
      && lhs.preserved.map(\.key) == rhs.preserved.map(\.key)
      && lhs.preserved.map(\.yaml) == rhs.preserved.map(\.yaml)
      && lhs.lastEntryNumbers == rhs.lastEntryNumbers
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(questionnaireID)
    hasher.combine(questionnaireVersion)
    hasher.combine(answers)
  }
}

/// Who and what the assessment is about.
public struct AssessmentInfo: Sendable, Hashable {
  public var title: String?
  public var institution: String?
  public var preparedBy: String?
  public var started: CalendarDate?
  /// The institution's PIA number ("PIA-2026-014").
  public var piaNumber: String?

  public init(
    title: String? = nil, institution: String? = nil, preparedBy: String? = nil,
    started: CalendarDate? = nil, piaNumber: String? = nil
  ) {
    self.title = title
    self.institution = institution
    self.preparedBy = preparedBy
    self.started = started
    self.piaNumber = piaNumber
  }
}

/// The answers of a file seen through its questionnaire, for conditions.
public struct AnswerEnvironment: ConditionEnvironment, Sendable {
  public var answers: [String: AnswerValue]
  public var facts: [String: AnswerValue]

  public init(answers: [String: AnswerValue], facts: [String: AnswerValue] = [:]) {
    self.answers = answers
    self.facts = facts
  }

  public func answer(_ id: String) -> AnswerValue? { answers[id] }
  public func vendorFact(_ name: String) -> AnswerValue? { facts[name] }
}

extension Questionnaire {
  /// Whether `question` is shown given `answers` (its section's condition and its own).
  public func isVisible(_ question: Question, answers: [String: AnswerValue]) -> Bool {
    let environment = AnswerEnvironment(answers: answers)
    if let section = section(containing: question.id), let condition = section.showIf,
      !condition.evaluate(in: environment)
    {
      return false
    }
    return question.showIf?.evaluate(in: environment) ?? true
  }

  /// The top-level questions shown given `answers`, in order.
  public func visibleQuestions(answers: [String: AnswerValue]) -> [Question] {
    let environment = AnswerEnvironment(answers: answers)
    var result: [Question] = []
    for section in sections {
      if let condition = section.showIf, !condition.evaluate(in: environment) { continue }
      for question in section.questions
      where question.showIf?.evaluate(in: environment) ?? true {
        result.append(question)
      }
    }
    return result
  }
}
