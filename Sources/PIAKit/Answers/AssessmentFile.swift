/// One assessment's answers file (`*.pia.yaml`), in memory: which questionnaire
/// it answers, who prepared it, the answers, and its versions and sign-offs.
///
/// Layout (YAML, keys in this order):
///
///     format: 2
///     questionnaire: {id: ai-assistant, version: 1}
///     assessment: {title, institution, prepared_by, started, pia_number}
///     answers: {question id: value, …}        # in questionnaire order
///     inactive: {question id: value, …}       # answers hidden by show_if, kept
///     entry_numbers: {group id: N}            # only after removing the newest entry
///     history: […]                            # earlier versions (docs/revisions.md)
///     approvals: […]                          # sign-offs
///
/// `history` and `approvals` are read once, typed, when the file is loaded
/// (`AssessmentFile.load`); a section that did not change since is written
/// back exactly as it was read. Top-level keys this version does not know are
/// kept as written.
public struct AssessmentFile: Sendable, Hashable {
  /// The current layout version.
  /// Format 2 lists systems once (`systems`) and data flows pick one;
  /// format 1 files are read into it (`FormatMigration`).
  public static let currentFormat = 2

  /// The layout version the file was written in (`format:`).
  public var format: Int
  /// The id of the questionnaire the file answers (`ai-assistant`).
  public var questionnaireID: String
  /// The version of that questionnaire the answers were given for.
  public var questionnaireVersion: Int
  /// The `assessment:` block: title, institution, who prepared it.
  public var assessment: AssessmentInfo
  /// Answers to visible questions, by question id.
  public var answers: [String: AnswerValue]
  /// Answers to questions a changed answer has hidden; restored when the
  /// question becomes visible again.
  public var inactive: [String: AnswerValue]
  /// Earlier versions, oldest first (`history:`).
  public var history: [HistoryEntry]
  /// Every sign-off ever recorded, in the order given (`approvals:`).
  public var approvals: [Approval]
  /// Top-level sections this version of the tool does not interpret, kept as
  /// YAML text so rewriting the file never loses them; also the text of
  /// `history:` and `approvals:` as read, written back while unchanged.
  public var preserved: [(key: String, yaml: String)]
  /// For each repeating group, the highest entry number ever given (`flow-7`
  /// → 7), so an id freed by removing an entry is never given again. Written
  /// only when it is above the highest number still in use.
  public var lastEntryNumbers: [String: Int] = [:]
  /// For each preserved section, the known top-level key it followed in the
  /// file ("" for the start), so it is written back in the same place. Not
  /// part of equality: it only decides layout.
  public var preservedAfter: [String: String] = [:]
  /// The history and approvals as they were read with their text in
  /// `preserved`; a section whose typed value still equals this is written
  /// back as read.
  var asRead = RevisionRecord()

  /// Creates a file in memory.
  ///
  /// - Parameters:
  ///   - format: The layout version (the current one for a new file).
  ///   - questionnaireID: The questionnaire's id.
  ///   - questionnaireVersion: The questionnaire's version.
  ///   - assessment: The `assessment:` block.
  ///   - answers: Answers by question id.
  ///   - inactive: Hidden answers by question id.
  ///   - history: Earlier versions, oldest first.
  ///   - approvals: Sign-offs in the order given.
  ///   - preserved: Sections kept as YAML text.
  public init(
    format: Int = AssessmentFile.currentFormat, questionnaireID: String, questionnaireVersion: Int,
    assessment: AssessmentInfo = AssessmentInfo(), answers: [String: AnswerValue] = [:],
    inactive: [String: AnswerValue] = [:], history: [HistoryEntry] = [],
    approvals: [Approval] = [], preserved: [(key: String, yaml: String)] = []
  ) {
    self.format = format
    self.questionnaireID = questionnaireID
    self.questionnaireVersion = questionnaireVersion
    self.assessment = assessment
    self.answers = answers
    self.inactive = inactive
    self.history = history
    self.approvals = approvals
    self.preserved = preserved
  }

  /// The versions and sign-offs together.
  public var record: RevisionRecord {
    get { RevisionRecord(history: history, approvals: approvals) }
    set {
      history = newValue.history
      approvals = newValue.approvals
    }
  }

  /// The date the assessment speaks as of: the `assessment_date` answer, else
  /// the `started` date of the `assessment:` block; `nil` when neither is set.
  /// Scoring, rendering and diffs all use this one rule.
  public var assessmentDate: CalendarDate? {
    if case .date(let date)? = answers[AssessmentFile.assessmentDateQuestion] { return date }
    return assessment.started
  }

  /// The id of the question that holds the assessment date.
  public static let assessmentDateQuestion = "assessment_date"

  /// Files are equal when everything written to disk is equal.
  public static func == (lhs: AssessmentFile, rhs: AssessmentFile) -> Bool {
    lhs.format == rhs.format && lhs.questionnaireID == rhs.questionnaireID
      && lhs.questionnaireVersion == rhs.questionnaireVersion && lhs.assessment == rhs.assessment
      && lhs.answers == rhs.answers && lhs.inactive == rhs.inactive
      && lhs.history == rhs.history && lhs.approvals == rhs.approvals
      && lhs.preserved.map(\.key) == rhs.preserved.map(\.key)
      && lhs.unknownSections.map(\.yaml) == rhs.unknownSections.map(\.yaml)
      && lhs.lastEntryNumbers == rhs.lastEntryNumbers
  }

  /// The preserved sections other than `history:` and `approvals:`.
  var unknownSections: [(key: String, yaml: String)] {
    preserved.filter { !RevisionRecord.sectionKeys.contains($0.key) }
  }

  /// Hashes the identity and the answers (enough to tell files apart).
  public func hash(into hasher: inout Hasher) {
    hasher.combine(questionnaireID)
    hasher.combine(questionnaireVersion)
    hasher.combine(answers)
  }
}

/// The former name of `AssessmentFile`, kept while older code moves over.
public typealias AnswersFile = AssessmentFile

/// Who and what the assessment is about.
public struct AssessmentInfo: Sendable, Hashable {
  /// The assessment's title (`title:`), as the report's cover shows it; `nil` when not given.
  public var title: String?
  /// The institution (the municipality or local board) whose PIA it is; `nil` when not given.
  public var institution: String?
  /// Who prepared the assessment, usually the privacy lead; `nil` when not given.
  public var preparedBy: String?
  /// The date the assessment started; `nil` when not given.
  public var started: CalendarDate?
  /// The institution's PIA number ("PIA-2026-014").
  public var piaNumber: String?

  /// Makes the block; every field defaults to `nil`.
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
  /// The answers by question id; group entries hold their fields' answers.
  public var answers: [String: AnswerValue]
  /// The assessed vendor tier's facts by name, for `vendor.NAME` in rule conditions.
  public var facts: [String: AnswerValue]

  /// Makes an environment; `facts` defaults to none.
  public init(answers: [String: AnswerValue], facts: [String: AnswerValue] = [:]) {
    self.answers = answers
    self.facts = facts
  }

  /// The answer to question `id`; `nil` when unanswered.
  public func answer(_ id: String) -> AnswerValue? { answers[id] }
  /// The vendor fact `name`; `nil` when the tier does not state it.
  public func vendorFact(_ name: String) -> AnswerValue? { facts[name] }
}

extension Questionnaire {
  /// What conditions see: the answers, and for an unanswered question with a
  /// default, its default (as the risk engine does), so what is shown and
  /// what is scored never disagree.
  public func conditionEnvironment(answers: [String: AnswerValue]) -> AnswerEnvironment {
    var values = answers
    for section in sections {
      for question in section.questions where values[question.id] == nil {
        if let value = question.defaultValue { values[question.id] = value }
      }
    }
    return AnswerEnvironment(answers: values)
  }

  /// Whether `question` is shown given `answers` (its section's condition and its own).
  public func isVisible(_ question: Question, answers: [String: AnswerValue]) -> Bool {
    let environment = conditionEnvironment(answers: answers)
    if let section = section(containing: question.id), let condition = section.showIf,
      !condition.evaluate(in: environment)
    {
      return false
    }
    return question.showIf?.evaluate(in: environment) ?? true
  }

  /// The top-level questions shown given `answers`, in order.
  public func visibleQuestions(answers: [String: AnswerValue]) -> [Question] {
    let environment = conditionEnvironment(answers: answers)
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
