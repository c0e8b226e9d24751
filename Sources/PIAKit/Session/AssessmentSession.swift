import Foundation

/// One assessment being answered: the answers file in memory, its
/// questionnaire, and every rule about changing it.
///
/// Every front end drives this type — the terminal interview, `pia interview
/// --set`, `pia approve`, `pia interview --revise` and the web interview — so
/// the rules live once: an answer must fit its question and apply given the
/// other answers; answers a changed condition hides are set aside under
/// `inactive` and restored when it applies again; entries of a repeating group
/// get ids that are never reused; a revision records the previous version;
/// an approval must fit the assessment's conclusion.
///
/// The session never reads or writes a file, prints or reads the clock: a
/// front end opens it from bytes (`open(data:path:content:)`), calls its
/// operations, writes `encoded()` atomically, and passes dates in.
public struct AssessmentSession: Sendable {
  /// The questionnaire the file answers.
  public let questionnaire: Questionnaire
  /// The shipped content: law, rules and vendor facts for scoring.
  public let content: ContentCatalog
  /// The file as it stands after the operations so far.
  public internal(set) var file: AssessmentFile
  /// The token of the bytes the session was opened from (`nil` for a new file).
  public let loadedToken: ContentToken?

  /// A session over `file`.
  ///
  /// Answers that do not apply given the others are moved aside at once
  /// (a file edited by hand may hold some), so the session always starts in a
  /// consistent state; `openingChange` says what moved.
  ///
  /// - Parameters:
  ///   - file: The answers file, loaded against `questionnaire`.
  ///   - questionnaire: The questionnaire it answers.
  ///   - content: The content catalogue (law, rules, vendor facts).
  ///   - loadedToken: The token of the bytes `file` was read from.
  public init(
    file: AssessmentFile, questionnaire: Questionnaire, content: ContentCatalog,
    loadedToken: ContentToken? = nil
  ) {
    self.questionnaire = questionnaire
    self.content = content
    self.file = file
    self.loadedToken = loadedToken
    self.openingChange = normalizeVisibility()
  }

  /// What moved when the session was opened (answers of a hand-edited file
  /// that did not apply, or hidden ones that applied again).
  public private(set) var openingChange = SessionChange()

  /// A new, empty assessment of `questionnaire`, started on `started`.
  public static func new(
    questionnaire: Questionnaire, content: ContentCatalog, started: CalendarDate,
    assessment: AssessmentInfo = AssessmentInfo()
  ) -> AssessmentSession {
    var info = assessment
    info.started = info.started ?? started
    let file = AssessmentFile(
      questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
      assessment: info)
    return AssessmentSession(file: file, questionnaire: questionnaire, content: content)
  }

  /// Opens an answers file from its bytes: finds its questionnaire in
  /// `content`, loads and checks it.
  ///
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - path: The path printed in diagnostics.
  ///   - content: The content catalogue holding the questionnaire.
  ///   - options: How to treat a file written for another questionnaire version.
  /// - Returns: The session and the warnings found.
  /// - Throws: `DiagnosticsError` with every problem (each with its line and
  ///   column) when the file has any error.
  public static func open(
    data: Data, path: String, content: ContentCatalog,
    options: AssessmentFile.LoadOptions = .init()
  ) throws(DiagnosticsError) -> Loaded<AssessmentSession> {
    try open(parsed: ParsedAnswers(data: data, path: path), content: content, options: options)
  }

  /// Opens a session on an answers file parsed ahead (``ParsedAnswers``), with the
  /// questionnaire the file names.
  ///
  /// - Throws: `DiagnosticsError` as ``open(data:path:content:options:)`` does.
  public static func open(
    parsed: ParsedAnswers, content: ContentCatalog, options: AssessmentFile.LoadOptions = .init()
  ) throws(DiagnosticsError) -> Loaded<AssessmentSession> {
    let questionnaire = try content.questionnaire(answeredBy: parsed.data, path: parsed.path)
    let file = try AssessmentFile.load(
      parsed: parsed, questionnaire: questionnaire, options: options)
    let session = AssessmentSession(
      file: file.value, questionnaire: questionnaire, content: content,
      loadedToken: ContentToken(of: parsed.data))
    return Loaded(session, warnings: file.warnings)
  }

  /// The file as the bytes to write (YAML, UTF-8) and their token.
  public func encoded() -> (data: Data, token: ContentToken) {
    let data = Data(file.yamlText(questionnaire: questionnaire).utf8)
    return (data, ContentToken(of: data))
  }

  // MARK: - Finding questions

  /// The question at `path`, checked to exist.
  ///
  /// - Throws: `SessionError.unknown` naming the id and the nearest known one.
  public func question(at path: QuestionPath) throws(SessionError) -> Question {
    guard let entry = path.entry else {
      guard let question = questionnaire.question(path.question) else {
        if let group = questionnaire.questions.first(where: { $0.field(path.question) != nil }) {
          throw SessionError(
            .unknown,
            "'\(path.question)' is a question of each entry of '\(group.id)'; write it as "
              + "\(group.id).ENTRY_ID.\(path.question) (entries: \(entryIDs(group.id)))",
            path: path)
        }
        let ids = questionnaire.questions.map(\.id)
        throw SessionError(
          .unknown,
          "'\(questionnaire.id)' has no question '\(path.question)'"
            + Spelling.didYouMean(path.question, among: ids), path: path)
      }
      return question
    }
    let group = try self.group(entry.group)
    guard entries(of: group.id).contains(where: { $0.id == entry.id }) else {
      throw SessionError(
        .unknown,
        "'\(group.id)' has no entry '\(entry.id)' (entries: \(entryIDs(group.id)))", path: path)
    }
    guard let field = group.field(path.question) else {
      throw SessionError(
        .unknown,
        "an entry of '\(group.id)' has no question '\(path.question)'"
          + Spelling.didYouMean(path.question, among: group.fields.map(\.id)), path: path)
    }
    return field
  }

  /// The repeating group with this id.
  ///
  /// - Throws: `SessionError.unknown` when there is no such question or it is
  ///   not a repeating group.
  public func group(_ id: String) throws(SessionError) -> Question {
    guard let question = questionnaire.question(id) else {
      let groups = questionnaire.questions.filter { $0.kind == .group }.map(\.id)
      throw SessionError(
        .unknown,
        "'\(questionnaire.id)' has no repeating group '\(id)'"
          + Spelling.didYouMean(id, among: groups)
          + " (groups: \(groups.isEmpty ? "none" : groups.joined(separator: ", ")))",
        path: QuestionPath(id))
    }
    guard question.kind == .group else {
      throw SessionError(
        .unknown, "'\(id)' is a \(question.kind.rawValue) question, not a repeating group",
        path: QuestionPath(id))
    }
    return question
  }

  /// The entries of a repeating group, in order (empty when unanswered).
  public func entries(of group: String) -> [GroupEntry] {
    if case .entries(let entries)? = file.answers[group] { return entries }
    return []
  }

  /// The answer at `path`, or `nil` when it has none.
  public func answer(at path: QuestionPath) -> AnswerValue? {
    guard let entry = path.entry else { return file.answers[path.question] }
    return entries(of: entry.group).first { $0.id == entry.id }?.values[path.question]
  }

  /// Whether the question at `path` applies given the other answers (its
  /// section's condition and its own; inside an entry, the entry's answers
  /// first). A path that does not exist does not apply.
  public func applies(_ path: QuestionPath) -> Bool {
    guard let entry = path.entry else {
      guard let question = questionnaire.question(path.question) else { return false }
      return questionnaire.isVisible(question, answers: file.answers)
    }
    guard let group = questionnaire.question(entry.group),
      questionnaire.isVisible(group, answers: file.answers),
      let field = group.field(path.question),
      let values = entries(of: entry.group).first(where: { $0.id == entry.id })
    else { return false }
    return field.showIf?.evaluate(in: environment(for: values, in: group)) ?? true
  }

  /// The conditions' view of one entry: its answers first, then the file's.
  func environment(for entry: GroupEntry) -> some ConditionEnvironment {
    let group = questionnaire.questions.first { question in
      question.kind == .group && entries(of: question.id).contains { $0.id == entry.id }
    }
    return environment(for: entry, in: group)
  }

  /// The conditions' view of one entry of `group` (its fields' defaults
  /// filled in), when the caller knows the group: finding it is a search of
  /// every group's entries. `base` is `conditionEnvironment`, when the caller
  /// has it already (it copies the answers).
  func environment(
    for entry: GroupEntry, in group: Question?, base: AnswerEnvironment? = nil
  ) -> some ConditionEnvironment {
    var values = entry
    for field in group?.fields ?? [] where values.values[field.id] == nil {
      if let value = field.defaultValue { values.values[field.id] = value }
    }
    // The answers of the entries it picks (a data flow's system) come next.
    for field in group?.fields ?? [] {
      guard let source = field.choicesFrom, case .choice(let id)? = values.values[field.id],
        let chosen = entries(of: source).first(where: { $0.id == id })
      else { continue }
      values.values.merge(chosen.values) { own, _ in own }
    }
    return EntryEnvironment(base: base ?? conditionEnvironment, entry: values)
  }

  /// The file's answers as conditions see them (defaults filled in).
  var conditionEnvironment: AnswerEnvironment {
    questionnaire.conditionEnvironment(answers: file.answers)
  }

  private func entryIDs(_ group: String) -> String {
    let ids = entries(of: group).map(\.id)
    return ids.isEmpty ? "none yet" : ids.joined(separator: ", ")
  }
}
