import Yams

extension RevisionRecord {
  /// The answers file's top-level key for earlier versions.
  public static let historyKey = "history"
  /// The answers file's top-level key for sign-offs.
  public static let approvalsKey = "approvals"
  /// Both keys.
  static let sectionKeys: Set<String> = [historyKey, approvalsKey]

  /// Reads `history:` and `approvals:` from a whole answers file's text, so
  /// diagnostics point at the right line of the file. (An answers file
  /// loaded with `AssessmentFile.load` has them already, typed.)
  ///
  /// - Parameters:
  ///   - text: The answers file's YAML text.
  ///   - path: The path printed in diagnostics.
  ///   - questionnaire: Types the answers of history snapshots; without one,
  ///     they are inferred from how `AnswersYAML` writes them.
  /// - Returns: The record and its warnings.
  /// - Throws: `DiagnosticsError` with every problem, when any is an error.
  public static func read(text: String, path: String, questionnaire: Questionnaire?)
    throws(DiagnosticsError) -> Loaded<RevisionRecord>
  {
    let document: YAMLDocument
    do {
      document = try YAMLDocument(text: text, path: path)
    } catch {
      throw DiagnosticsError(error.diagnostics)
    }
    guard case .mapping(let mapping)? = document.root else { return Loaded(RevisionRecord()) }
    var reader = YAMLReader(path: path)
    var record = RevisionRecord()
    if let node = mapping[historyKey] {
      record.history = readHistory(node, questionnaire: questionnaire, reader: &reader)
    }
    if let node = mapping[approvalsKey] {
      record.approvals = readApprovals(node, reader: &reader)
    }
    return try Loaded.checking(record, reader.diagnostics)
  }

  /// A preserved section may hold `key: value` or just the value.
  private static func sectionValue(_ root: Node, key: String) -> Node {
    if case .mapping(let mapping) = root, mapping.count == 1, let value = mapping[key] {
      return value
    }
    return root
  }

  /// The `history:` section as YAML text (`history:` line included).
  public func historyYAML(questionnaire: Questionnaire?) -> String {
    var lines = ["\(Self.historyKey):"]
    for entry in history {
      lines.append("  - version: \(entry.version)")
      lines.append("    date: \(entry.date)")
      lines.append("    reason: \(YAMLScalar.doubleQuoted(entry.reason))")
      if let by = entry.by { lines.append("    by: \(YAMLScalar.doubleQuoted(by))") }
      lines.append("    answers_hash: \(YAMLScalar.doubleQuoted(entry.answersHash.hex))")
      if let level = entry.overallResidual {
        lines.append("    overall_residual: \(level)")
      }
      if entry.answers.isEmpty {
        lines.append("    answers: {}")
      } else {
        lines.append("    answers:")
        lines.append(
          String(
            AnswersYAML.mapping(
              entry.answers, questionnaire: questionnaire, indent: 6, style: .selfDescribing
            ).dropLast()))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The `approvals:` section as YAML text (`approvals:` line included).
  public func approvalsYAML() -> String {
    var lines = ["\(Self.approvalsKey):"]
    for approval in approvals {
      lines.append("  - role: \(approval.role.rawValue)")
      lines.append("    name: \(YAMLScalar.doubleQuoted(approval.name))")
      lines.append("    decision: \(approval.decision.rawValue)")
      if let reason = approval.reason {
        lines.append("    reason: \(YAMLScalar.doubleQuoted(reason))")
      }
      if let conditions = approval.conditions {
        lines.append("    conditions: \(YAMLScalar.doubleQuoted(conditions))")
      }
      lines.append("    date: \(approval.date)")
      lines.append("    answers_hash: \(YAMLScalar.doubleQuoted(approval.answersHash.hex))")
      if let advice = approval.advice { lines.append("    advice: \(advice.rawValue)") }
      if let reasons = approval.adviceReasons {
        lines.append("    advice_reasons: \(YAMLScalar.doubleQuoted(reasons))")
      }
      if let former = approval.answersHashFormat1 {
        lines.append("    answers_hash_format_1: \(YAMLScalar.doubleQuoted(former.hex))")
      }
      if let delegation = approval.delegation {
        lines.append("    delegation: \(YAMLScalar.doubleQuoted(delegation))")
      }
      if approval.acceptsRisk { lines.append("    accepts_risk: true") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - Reading

  private static let historyKeys = [
    "version", "date", "reason", "by", "answers_hash", "overall_residual", "answers",
  ]
  private static let approvalKeys = [
    "role", "name", "decision", "reason", "conditions", "date", "answers_hash", "advice",
    "advice_reasons", "answers_hash_format_1", "delegation", "accepts_risk",
  ]

  static func readHistory(_ node: Node, questionnaire: Questionnaire?, reader: inout YAMLReader)
    -> [HistoryEntry]
  {
    var migration: FormatMigration?
    return readHistory(node, questionnaire: questionnaire, reader: &reader, migration: &migration)
  }

  /// Reads `history:`, moving each snapshot into the format-2 layout when
  /// `migration` is given (and recording the hash each had before).
  static func readHistory(
    _ node: Node, questionnaire: Questionnaire?, reader: inout YAMLReader,
    migration: inout FormatMigration?
  ) -> [HistoryEntry] {
    guard let items = reader.sequence(node, "'history'") else { return [] }
    var entries: [HistoryEntry] = []
    for item in items {
      guard
        let mapping = reader.mapping(
          item, "a history entry", keys: historyKeys,
          required: ["version", "date", "reason", "answers_hash"])
      else { continue }
      let version = mapping["version"].flatMap { reader.integer($0, "the version") }
      let date = mapping["date"].flatMap { readDate($0, "the history date", reader: &reader) }
      let reason = mapping["reason"].flatMap { reader.string($0, "the reason for revision") }
      let by = mapping["by"].flatMap { reader.string($0, "who revised it") }
      let hash = mapping["answers_hash"].flatMap { readHash($0, reader: &reader) }
      var level: RiskLevel?
      if let levelNode = mapping["overall_residual"] {
        level = readLevel(levelNode, reader: &reader)
      }
      var answers: [String: AnswerValue] = [:]
      if let answersNode = mapping["answers"], !answersNode.isNull {
        if var moving = migration {
          let section = "history \(version.map(String.init) ?? "?")"
          let stripped = moving.strip(answers: answersNode, section: section)
          answers = readAnswers(stripped, questionnaire: questionnaire, reader: &reader)
          answers = moving.apply(to: answers, section: section, reader: &reader)
          migration = moving
        } else {
          answers = readAnswers(answersNode, questionnaire: questionnaire, reader: &reader)
        }
      }
      if let version, version < 1 {
        reader.error("a version number starts at 1, found \(version)", at: item)
        continue
      }
      if let version, entries.contains(where: { $0.version == version }) {
        reader.error("version \(version) appears twice in 'history'", at: item)
        continue
      }
      if let version, let last = entries.last?.version, version < last {
        reader.error(
          "history versions must be in increasing order (\(version) follows \(last))", at: item)
      }
      guard let version, let date, var hash else { continue }
      guard let reason else { continue }
      let signed = questionnaire?.signedAnswersHash(answers) ?? AnswersHash(answers)
      if let moved = migration?.hashes[hash], signed == moved { hash = moved }
      if mapping["answers"] != nil, signed != hash {
        reader.warning(
          "the answers of version \(version) do not match its answers_hash (edited by hand?)",
          at: item)
      }
      entries.append(
        HistoryEntry(
          version: version, date: date, reason: reason, by: by, answersHash: hash,
          overallResidual: level, answers: answers))
    }
    return entries
  }

  static func readApprovals(_ node: Node, reader: inout YAMLReader) -> [Approval] {
    guard let items = reader.sequence(node, "'approvals'") else { return [] }
    var approvals: [Approval] = []
    for item in items {
      guard
        let mapping = reader.mapping(
          item, "an approval", keys: approvalKeys,
          required: ["role", "name", "decision", "date", "answers_hash"])
      else { continue }
      let role = mapping["role"].flatMap {
        readEnum($0, Approval.Role.self, "the role", reader: &reader)
      }
      let name = mapping["name"].flatMap { reader.string($0, "the name") }
      let decision = mapping["decision"].flatMap {
        readEnum($0, Approval.Decision.self, "the decision", reader: &reader)
      }
      let reason = mapping["reason"].flatMap { reader.string($0, "the reason", allowEmpty: true) }
      let conditions = mapping["conditions"].flatMap {
        reader.string($0, "the conditions", allowEmpty: true)
      }
      let date = mapping["date"].flatMap { readDate($0, "the approval date", reader: &reader) }
      let hash = mapping["answers_hash"].flatMap { readHash($0, reader: &reader) }
      var advice: Approval.Advice?
      if let adviceNode = mapping["advice"] {
        advice = readEnum(adviceNode, Approval.Advice.self, "the advice", reader: &reader)
        if let role, role != .head {
          reader.error(
            "only the head records whether the privacy lead's advice was accepted or "
              + "overruled; this approval's role is '\(role.rawValue)'", at: adviceNode)
        }
      }
      let adviceReasons = mapping["advice_reasons"].flatMap {
        reader.string($0, "the reasons for the advice decision")
      }
      if advice == .overruled, adviceReasons == nil {
        reader.warning(
          "the privacy lead's advice was overruled without reasons (add 'advice_reasons')",
          at: item)
      }
      let delegation = mapping["delegation"].flatMap { reader.string($0, "the delegation") }
      let acceptsRisk =
        mapping["accepts_risk"].flatMap { reader.boolean($0, "accepts_risk") } ?? false
      if acceptsRisk, let role, role != .head, let node = mapping["accepts_risk"] {
        reader.error(
          "only the head or the head's delegate can accept a residual risk; this approval's "
            + "role is '\(role.rawValue)'", at: node)
      }
      if decision == .approvedWithConditions, conditions == nil {
        reader.warning("approved with conditions, but no 'conditions' are given", at: item)
      }
      let former = mapping["answers_hash_format_1"].flatMap { readHash($0, reader: &reader) }
      guard let role, let name, let decision, let date, let hash else { continue }
      var approval = Approval(
        role: role, name: name, decision: decision, reason: reason, conditions: conditions,
        date: date, answersHash: hash, advice: advice, adviceReasons: adviceReasons,
        delegation: delegation, acceptsRisk: acceptsRisk)
      approval.answersHashFormat1 = former
      approvals.append(approval)
    }
    return approvals
  }

  /// Reads a snapshot's answers, typed by the questionnaire, or (without
  /// one) inferred from how `AnswersYAML` writes them (`.selfDescribing`).
  private static func readAnswers(
    _ node: Node, questionnaire: Questionnaire?, reader: inout YAMLReader
  ) -> [String: AnswerValue] {
    guard case .mapping(let mapping) = node else {
      reader.error(
        "expected the snapshot 'answers' to be a mapping, found \(node.kindName)", at: node)
      return [:]
    }
    var answers: [String: AnswerValue] = [:]
    guard let questionnaire else {
      for (keyNode, valueNode) in mapping {
        guard case .scalar(let key) = keyNode else { continue }
        if let value = inferred(valueNode) { answers[key.string] = value }
      }
      return answers
    }
    let ids = questionnaire.questions.map(\.id)
    for (keyNode, valueNode) in mapping {
      guard case .scalar(let key) = keyNode else {
        reader.error("expected a question id, found \(keyNode.kindName)", at: keyNode)
        continue
      }
      guard let question = questionnaire.question(key.string) else {
        reader.warning(
          "'\(key.string)' in a history snapshot is not a question of '\(questionnaire.id)'"
            + "\(Spelling.didYouMean(key.string, among: ids)); it is kept as written",
          at: keyNode)
        if let value = inferred(valueNode) { answers[key.string] = value }
        continue
      }
      if valueNode.isNull { continue }
      if let value = AnswerValue.read(valueNode, for: question, reader: &reader) {
        answers[question.id] = value
      }
    }
    return answers
  }

  /// An answer read without its question: quoted scalars are text; plain
  /// ones are booleans, dates, numbers or else choice ids; a list of mappings
  /// is a group, a list of scalars a multiple choice.
  static func inferred(_ node: Node) -> AnswerValue? {
    switch node {
    case .scalar(let scalar):
      if node.isNull { return nil }
      if scalar.style != .plain && scalar.style != .any { return .text(scalar.string) }
      if scalar.string == "true" || scalar.string == "false" {
        return .bool(scalar.string == "true")
      }
      if let date = CalendarDate(scalar.string) { return .date(date) }
      if let number = Double(scalar.string), number.isFinite { return .number(number) }
      return .choice(scalar.string)
    case .sequence(let items):
      if items.contains(where: { if case .mapping = $0 { return true } else { return false } }) {
        var entries: [GroupEntry] = []
        for item in items {
          guard case .mapping(let mapping) = item else { continue }
          var id = "entry-\(entries.count + 1)"
          var values: [String: AnswerValue] = [:]
          for (keyNode, valueNode) in mapping {
            guard case .scalar(let key) = keyNode else { continue }
            if key.string == "id", case .scalar(let idScalar) = valueNode {
              id = idScalar.string
            } else if let value = inferred(valueNode) {
              values[key.string] = value
            }
          }
          entries.append(GroupEntry(id: id, values: values))
        }
        return .entries(entries)
      }
      return .choices(
        items.compactMap {
          if case .scalar(let scalar) = $0 { return scalar.string } else { return nil }
        })
    case .mapping, .alias:
      return nil
    }
  }

  private static func readDate(_ node: Node, _ what: String, reader: inout YAMLReader)
    -> CalendarDate?
  {
    guard case .scalar(let scalar) = node, let date = CalendarDate(scalar.string) else {
      reader.error(
        "expected \(what) to be a date written YYYY-MM-DD, found \(reader.describe(node))",
        at: node)
      return nil
    }
    return date
  }

  private static func readHash(_ node: Node, reader: inout YAMLReader) -> AnswersHash? {
    guard case .scalar(let scalar) = node, let hash = AnswersHash(hex: scalar.string) else {
      reader.error(
        "expected answers_hash to be 64 hex digits (SHA-256), found \(reader.describe(node))",
        at: node)
      return nil
    }
    return hash
  }

  static func readLevel(_ node: Node, reader: inout YAMLReader) -> RiskLevel? {
    guard case .scalar(let scalar) = node,
      let level = RiskLevel.allCases.first(where: { $0.description == scalar.string })
    else {
      reader.error(
        "expected a risk level (low, medium, high or critical), found \(reader.describe(node))",
        at: node)
      return nil
    }
    return level
  }

  static func readEnum<Value: RawRepresentable & CaseIterable>(
    _ node: Node, _ type: Value.Type, _ what: String, reader: inout YAMLReader
  ) -> Value? where Value.RawValue == String {
    let names = Value.allCases.map(\.rawValue)
    guard case .scalar(let scalar) = node else {
      reader.error("expected \(what) to be one of \(names.joined(separator: ", "))", at: node)
      return nil
    }
    guard let value = Value(rawValue: scalar.string) else {
      reader.error(
        "'\(scalar.string)' is not a valid \(what.replacingOccurrences(of: "the ", with: ""))"
          + "\(Spelling.didYouMean(scalar.string, among: names)) "
          + "(expected one of: \(names.joined(separator: ", ")))", at: node)
      return nil
    }
    return value
  }
}
