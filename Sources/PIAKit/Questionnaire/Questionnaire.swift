/// A questionnaire: ordered sections of questions, loaded from YAML and
/// validated. Included modules are already spliced in.
public struct Questionnaire: Sendable, Hashable {
  /// Stable id (`mfippa-pia`, `ai-assistant`).
  public var id: String
  /// Integer version; answer files record the version they were written for.
  public var version: Int
  /// The title shown on the interview's first screen and on the report's cover.
  public var title: String
  /// A short paragraph introducing the questionnaire; `nil` when the file has none.
  public var description: String?
  /// The file the questionnaire was loaded from, as shown in diagnostics.
  public var path: String
  /// The sections in interview order, included modules' sections where they are included.
  public var sections: [Section]

  /// Makes a questionnaire from parts already validated.
  public init(
    id: String, version: Int, title: String, description: String? = nil, path: String,
    sections: [Section]
  ) {
    self.id = id
    self.version = version
    self.title = title
    self.description = description
    self.path = path
    self.sections = sections
  }

  /// Every top-level question in order.
  public var questions: [Question] { sections.flatMap(\.questions) }

  /// The top-level question with this id.
  public func question(_ id: String) -> Question? {
    for section in sections {
      if let question = section.questions.first(where: { $0.id == id }) { return question }
    }
    return nil
  }

  /// The ids of the modules included (`module:` of each included file), in order.
  public var modules: [String] {
    var ids: [String] = []
    for section in sections {
      if let module = section.module, !ids.contains(module) { ids.append(module) }
    }
    return ids
  }

  /// The section holding the top-level question with this id.
  public func section(containing id: String) -> Section? {
    sections.first { $0.questions.contains { $0.id == id } }
  }

  /// The answers an approval signs: every answer except those of questions
  /// marked `signed: false` (the council module's meeting date, report number
  /// and the like, set after approval). An answer to a question the
  /// questionnaire does not know is kept (it is signed as written).
  public func signedAnswers(_ answers: [String: AnswerValue]) -> [String: AnswerValue] {
    let unsigned = unsignedQuestionIDs
    guard !unsigned.isEmpty, answers.keys.contains(where: unsigned.contains) else {
      return answers
    }
    return answers.filter { !unsigned.contains($0.key) }
  }

  /// The one hash that decides sign-off: approvals record it, the session's
  /// `revise`, `needsNewVersion` and `signOff`, the report's document control
  /// and DOCX footer, and `pia history` all compare with it. The hash of
  /// ``signedAnswers(_:)``.
  public func signedAnswersHash(_ answers: [String: AnswerValue]) -> AnswersHash {
    AnswersHash(signedAnswers(answers))
  }

  /// Ids of the top-level questions marked `signed: false`.
  public var unsignedQuestionIDs: Set<String> {
    Set(questions.filter { !$0.signed }.map(\.id))
  }

  /// Ids of the top-level questions left out of a public document: marked
  /// `internal: true`, or in a section marked so.
  public var internalQuestionIDs: Set<String> {
    var ids: Set<String> = []
    for section in sections {
      for question in section.questions where section.isInternal || question.isInternal {
        ids.insert(question.id)
      }
    }
    return ids
  }
}

/// A titled group of questions, shown as one step of the interview.
public struct Section: Sendable, Hashable {
  /// The section's id, unique within the questionnaire.
  public var id: String
  /// The heading shown for the section.
  public var title: String
  /// A short paragraph shown before the section's first question.
  public var intro: String?
  /// When present, the whole section is shown only when this holds.
  public var showIf: Condition?
  /// The top-level questions in interview order.
  public var questions: [Question]
  /// Where the section starts, for diagnostics.
  public var location: SourceLocation
  /// Where the `show_if` expression starts, for diagnostics.
  public var showIfLocation: SourceLocation?
  /// The id of the module the section came from; `nil` for the questionnaire's own.
  public var module: String?
  /// `internal: true`: the section's answers stay out of a public document
  /// (`pia render --audience public`).
  public var isInternal: Bool = false

  /// Makes a section; `showIfLocation` and `module` stay `nil`.
  public init(
    id: String, title: String, intro: String? = nil, showIf: Condition? = nil,
    questions: [Question], location: SourceLocation
  ) {
    self.id = id
    self.title = title
    self.intro = intro
    self.showIf = showIf
    self.questions = questions
    self.location = location
  }
}

/// One question.
public struct Question: Sendable, Hashable {
  /// What kind of answer the question takes.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// Free text on one line.
    case text
    /// Free text over several lines.
    case longText = "long_text"
    /// One choice among `choices` (or among another group's entries with `choices_from`).
    case choice
    /// Any number of `choices`, possibly none.
    case multiChoice = "multi_choice"
    /// Yes or no, answered as a boolean.
    case yesNo = "yes_no"
    /// A number, within `minimum` and `maximum` when set.
    case number
    /// A calendar date, `yyyy-MM-dd`, within `earliest` and `latest` when set.
    case date
    /// A repeating group: a list of entries, each answering `fields`.
    case group
  }

  /// The question's id: a stable contract that answers files, rules and templates name.
  public var id: String
  /// What kind of answer the question takes.
  public var kind: Kind
  /// The question as asked.
  public var prompt: String
  /// Plain-language help shown on `?`.
  public var help: String?
  /// Law catalogue ids of the provisions the question rests on.
  public var cites: [String]
  /// Whether the interview insists on an answer while the question is shown; an unanswered
  /// required question keeps the verdict `incomplete`.
  public var required: Bool
  /// The answer offered when the user presses Enter (`default:`); `nil` when none.
  public var defaultValue: AnswerValue?
  /// When present, the question is asked (and its answer counts) only when this holds.
  public var showIf: Condition?
  /// The choices of a choice or multiple-choice question, in the order shown; empty otherwise.
  public var choices: [Choice]
  /// For a number question: the smallest value accepted (`min:`).
  public var minimum: Double?
  /// For a number question: the largest value accepted (`max:`).
  public var maximum: Double?
  /// For a date question: the earliest date accepted (`min:`), a fixed date
  /// or another date answer.
  public var earliest: DateBound?
  /// For a date question: the latest date accepted (`max:`).
  public var latest: DateBound?
  /// For a yes/no question that is a safeguard: the answer that puts it in place.
  public var saferAnswer: Bool?
  /// For a choice question: the repeating group whose entries are its
  /// choices (`choices_from: systems`); the answer is an entry's id. Inside
  /// an entry, conditions and rules see the chosen entry's answers too.
  public var choicesFrom: String?
  /// Whether the question bears on the risk score. Yes/no, choice and
  /// multiple-choice questions are scored (a risk rule names them) unless
  /// they declare `scored: false` with a one-line `why` (identity,
  /// descriptive and routing questions). See `CoverageReport`.
  public var scored: Bool
  /// Why a question declared `scored: false` is not scored.
  public var why: String?
  /// Where `scored` is written, for diagnostics.
  public var scoredLocation: SourceLocation?
  /// For groups: the noun for one entry ("data flow").
  public var itemName: String?
  /// For groups: the sub-questions of each entry.
  public var fields: [Question]
  /// Where the question starts, for diagnostics.
  public var location: SourceLocation
  /// Where the `show_if` expression starts, for diagnostics.
  public var showIfLocation: SourceLocation?
  /// Where `cites` is written, for diagnostics.
  public var citesLocation: SourceLocation?
  /// Where `default` is written, for diagnostics.
  public var defaultLocation: SourceLocation?
  /// Whether approvals sign the answer (`false` for a module declaring
  /// `signed: false`, such as the council module): see
  /// ``Questionnaire/signedAnswers(_:)``.
  public var signed: Bool = true
  /// `internal: true`: the answer stays out of a public document
  /// (security configuration and other internal detail).
  public var isInternal: Bool = false

  /// Makes a question; date bounds, `choicesFrom` and the `…Location` properties stay `nil`.
  public init(
    id: String, kind: Kind, prompt: String, help: String? = nil, cites: [String] = [],
    required: Bool = false, defaultValue: AnswerValue? = nil, showIf: Condition? = nil,
    choices: [Choice] = [], minimum: Double? = nil, maximum: Double? = nil,
    saferAnswer: Bool? = nil, scored: Bool = true, why: String? = nil, itemName: String? = nil,
    fields: [Question] = [], location: SourceLocation
  ) {
    self.id = id
    self.kind = kind
    self.prompt = prompt
    self.help = help
    self.cites = cites
    self.required = required
    self.defaultValue = defaultValue
    self.showIf = showIf
    self.choices = choices
    self.minimum = minimum
    self.maximum = maximum
    self.saferAnswer = saferAnswer
    self.scored = scored
    self.why = why
    self.itemName = itemName
    self.fields = fields
    self.location = location
  }

  /// The choice with this id.
  public func choice(_ id: String) -> Choice? { choices.first { $0.id == id } }

  /// The label of a choice id, or the id itself when unknown.
  public func label(ofChoice id: String) -> String { choice(id)?.label ?? id }

  /// The group's sub-question with this id.
  public func field(_ id: String) -> Question? { fields.first { $0.id == id } }

  /// For a repeating group: the names its entries' conditions can use — its
  /// own sub-questions, then those of the groups its choices come from
  /// (`group(id)` finds a group by id).
  public func entryScope(group: (String) -> Question?) -> [String: Question] {
    var scope: [String: Question] = [:]
    for field in fields { scope[field.id] = field }
    for field in fields {
      guard let source = field.choicesFrom.flatMap(group) else { continue }
      for inner in source.fields where scope[inner.id] == nil { scope[inner.id] = inner }
    }
    return scope
  }

  /// Whether the question is a judgment question: yes/no, choice or multiple
  /// choice, the kinds the coverage check expects a rule to score. A choice
  /// of another group's entry (`choices_from`) picks, it does not judge.
  public var isJudgment: Bool {
    choicesFrom == nil && (kind == .yesNo || kind == .choice || kind == .multiChoice)
  }

  /// The "safe" answer: a yes/no question's `safer_answer`, a choice
  /// question's lowest-`risk` choice (the first of equals), or no selection
  /// for a multiple-choice question. `nil` when the question defines none
  /// (a yes/no without `safer_answer`, a choice question without `risk`).
  /// The engine answers an unanswered question with it to tell a finding of
  /// fact from one that is "not yet established".
  public var safeAnswer: AnswerValue? {
    switch kind {
    case .yesNo:
      return saferAnswer.map(AnswerValue.bool)
    case .choice:
      let rated = choices.compactMap { choice in choice.risk.map { (choice.id, $0) } }
      guard let lowest = rated.min(by: { $0.1 < $1.1 }) else { return nil }
      return .choice(lowest.0)
    case .multiChoice:
      return .choices([])
    default:
      return nil
    }
  }
}

/// A limit on a date answer: a fixed date, or the answer to another date
/// question (`min: assessment_date`), checked by the assessment session.
public enum DateBound: Sendable, Hashable, CustomStringConvertible {
  /// A fixed date.
  case date(CalendarDate)
  /// The answer to the date question with this id (a top-level question, or a
  /// question of the same entry).
  case answer(String)

  /// `2026-01-01` or the question id.
  public var description: String {
    switch self {
    case .date(let date): return date.description
    case .answer(let id): return id
    }
  }
}

/// One choice of a single- or multiple-choice question.
public struct Choice: Sendable, Hashable {
  /// The choice's id: what answers files, conditions and rules record and name.
  public var id: String
  /// The choice as shown.
  public var label: String
  /// Help for the choice, shown beside it; `nil` when none.
  public var help: String?
  /// Relative risk among the question's choices (higher is riskier), used by
  /// the monotonicity tests and by materiality ("a wider access scope").
  public var risk: Int?
  /// Where the choice is written, for diagnostics.
  public var location: SourceLocation

  /// Makes a choice.
  public init(
    id: String, label: String, help: String? = nil, risk: Int? = nil, location: SourceLocation
  ) {
    self.id = id
    self.label = label
    self.help = help
    self.risk = risk
    self.location = location
  }
}
