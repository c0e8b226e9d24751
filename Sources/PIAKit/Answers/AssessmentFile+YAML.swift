import Foundation
import Yams

extension AssessmentFile {
  /// The top-level keys this version of the tool interprets; any other key is
  /// preserved as written.
  static let knownKeys = [
    "format", "questionnaire", "assessment", "answers", "inactive", "entry_numbers",
  ]
  static let assessmentKeys = ["title", "institution", "prepared_by", "started", "pia_number"]

  /// How strictly `load` treats a file written for another questionnaire version.
  public struct LoadOptions: Sendable, Hashable {
    /// When true, a version mismatch is a warning and the loaded file takes the
    /// questionnaire's version (used by `--revise`, which walks every answer).
    public var acceptsOtherVersion: Bool

    /// Makes options; by default another version is an error.
    public init(acceptsOtherVersion: Bool = false) {
      self.acceptsOtherVersion = acceptsOtherVersion
    }
  }

  /// Parses an answers file and checks it against `questionnaire`.
  ///
  /// Every problem is reported with its place in the file; loading goes on
  /// after a problem so that all of them are reported at once.
  ///
  /// - Parameters:
  ///   - text: The file's text.
  ///   - path: The path printed in diagnostics.
  ///   - questionnaire: The questionnaire the file answers.
  ///   - options: How to treat a questionnaire version mismatch.
  /// - Returns: The file and its warnings (a format-1 upgrade, an older
  ///   questionnaire version accepted).
  /// - Throws: `DiagnosticsError` with every problem, when any is an error.
  public static func load(
    text: String, path: String, questionnaire: Questionnaire, options: LoadOptions = LoadOptions()
  ) throws(DiagnosticsError) -> Loaded<AssessmentFile> {
    let document: YAMLDocument
    do {
      document = try YAMLDocument(text: text, path: path)
    } catch {
      throw DiagnosticsError(error.diagnostics)
    }
    let (file, diagnostics) = load(
      document: document, text: text, questionnaire: questionnaire, options: options)
    return try Loaded.checking(file, diagnostics)
  }

  /// Parses an answers file from bytes (checking size and encoding first).
  ///
  /// - Throws: `DiagnosticsError` with every problem, when any is an error.
  public static func load(
    data: Data, path: String, questionnaire: Questionnaire, options: LoadOptions = LoadOptions()
  ) throws(DiagnosticsError) -> Loaded<AssessmentFile> {
    try load(
      parsed: ParsedAnswers(data: data, path: path), questionnaire: questionnaire, options: options)
  }

  /// Reads an answers file already parsed as YAML (``ParsedAnswers``) against `questionnaire`.
  ///
  /// - Throws: `DiagnosticsError` with every problem, when any is an error (the YAML's own
  ///   problems first).
  public static func load(
    parsed: ParsedAnswers, questionnaire: Questionnaire, options: LoadOptions = LoadOptions()
  ) throws(DiagnosticsError) -> Loaded<AssessmentFile> {
    let document = try parsed.document.get()
    var bytes = parsed.data[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    let text = String(decoding: bytes, as: UTF8.self)
    let (file, diagnostics) = load(
      document: document, text: text, questionnaire: questionnaire, options: options)
    return try Loaded.checking(file, diagnostics)
  }

  private static func load(
    document: YAMLDocument, text: String, questionnaire: Questionnaire, options: LoadOptions
  ) -> (AssessmentFile?, [Diagnostic]) {
    let path = document.path
    var reader = YAMLReader(path: path)
    guard let root = document.root else {
      return (
        nil,
        [
          .error(
            "file is empty; it should start with 'format: \(currentFormat)'",
            at: .init(file: path, line: 1, column: 1))
        ]
      )
    }
    guard case .mapping(let mapping) = root else {
      reader.error("expected an answers file to be a mapping, found \(root.kindName)", at: root)
      return (nil, reader.diagnostics)
    }
    var file = AssessmentFile(
      questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version)
    var known: [String: (keyNode: Node, value: Node)] = [:]
    let topKeys: [(key: String, node: Node, value: Node)] = mapping.compactMap { key, value in
      guard case .scalar(let scalar) = key else {
        reader.error("expected a plain key at the top of the file, found \(key.kindName)", at: key)
        return nil
      }
      return (scalar.string, key, value)
    }
    var previousKnown = ""
    for (index, entry) in topKeys.enumerated() {
      if knownKeys.contains(entry.key) {
        known[entry.key] = (entry.node, entry.value)
        previousKnown = entry.key
      } else {
        file.preservedAfter[entry.key] = previousKnown
        let next = index + 1 < topKeys.count ? topKeys[index + 1].node : nil
        file.preserved.append(
          (entry.key, preservedText(key: entry.node, value: entry.value, next: next, in: text)))
      }
    }

    // format
    if let node = known["format"]?.value {
      if let format = reader.integer(node, "format") {
        if format > currentFormat {
          reader.error(
            "this file has format \(format), written by a newer version of pia; this version "
              + "reads format \(currentFormat)", at: node)
        } else if format < 1 {
          reader.error("format must be \(currentFormat), found \(format)", at: node)
        }
        file.format = format
      }
    } else {
      reader.error("missing required key 'format' (write 'format: \(currentFormat)')", at: root)
    }

    // questionnaire
    var identityMatches = true
    var upgrading = false
    if let node = known["questionnaire"]?.value {
      if let identity = reader.mapping(
        node, "'questionnaire'", keys: ["id", "version"], required: ["id", "version"])
      {
        if let idNode = identity["id"], let id = reader.string(idNode, "the questionnaire id") {
          if id != questionnaire.id {
            reader.error(
              "this file answers questionnaire '\(id)', not '\(questionnaire.id)'; "
                + "run 'pia interview \(id) --answers …' instead", at: idNode)
            identityMatches = false
          }
        }
        if let versionNode = identity["version"],
          let version = reader.integer(versionNode, "the questionnaire version"),
          version != questionnaire.version, identityMatches
        {
          let change = versionChange(
            from: version, answers: known["answers"]?.value, questionnaire: questionnaire)
          let message =
            "this file was written for version \(version) of '\(questionnaire.id)' but version "
            + "\(questionnaire.version) is loaded\(change); run 'pia interview \(questionnaire.id) "
            + "--answers \(path) --revise' to review the answers against the new version"
          if options.acceptsOtherVersion {
            upgrading = true
            reader.warning(message, at: versionNode)
          } else {
            reader.error(message, at: versionNode)
          }
        }
      }
    } else {
      reader.error("missing required key 'questionnaire' (its id and version)", at: root)
    }
    guard identityMatches else { return (nil, reader.diagnostics) }

    // assessment
    if let node = known["assessment"]?.value,
      let info = reader.mapping(node, "'assessment'", keys: assessmentKeys)
    {
      for entry in info.entries where !isNull(entry.value) {
        switch entry.key {
        case "title":
          file.assessment.title = reader.string(entry.value, "the title", allowEmpty: true)
        case "institution":
          file.assessment.institution = reader.string(
            entry.value, "the institution", allowEmpty: true)
        case "prepared_by":
          file.assessment.preparedBy = reader.string(entry.value, "prepared_by", allowEmpty: true)
        case "pia_number":
          file.assessment.piaNumber = reader.string(entry.value, "pia_number", allowEmpty: true)
        case "started":
          if case .scalar(let scalar) = entry.value, let date = CalendarDate(scalar.string) {
            file.assessment.started = date
          } else {
            reader.error(
              "expected 'started' to be a date written YYYY-MM-DD, found \(reader.describe(entry.value))",
              at: entry.value)
          }
        default: break
        }
      }
    }

    // answers and inactive answers (a format-1 file is read into the format-2 layout)
    var migration =
      file.format < FormatMigration.format ? FormatMigration(questionnaire: questionnaire) : nil
    func read(_ node: Node, section: String) -> [String: AnswerValue] {
      guard var moving = migration else {
        return readAnswers(
          node, section: section, questionnaire: questionnaire, reader: &reader,
          dropsUnknown: upgrading)
      }
      let stripped = moving.strip(answers: node, section: section)
      let values = readAnswers(
        stripped, section: section, questionnaire: questionnaire, reader: &reader,
        dropsUnknown: upgrading)
      let migrated = moving.apply(to: values, section: section, reader: &reader)
      migration = moving
      return migrated
    }
    if let node = known["answers"]?.value {
      file.answers = read(node, section: "answers")
      checkReferences(
        in: node, answers: file.answers, questionnaire: questionnaire, reader: &reader)
    } else {
      reader.error("missing required key 'answers' (write 'answers: {}' for none yet)", at: root)
    }
    if let node = known["inactive"]?.value {
      file.inactive = read(node, section: "inactive")
      for id in file.inactive.keys where file.answers[id] != nil {
        if let keyNode = keyNode(id, in: node) {
          reader.error(
            "'\(id)' has an answer in both 'answers' and 'inactive'; keep only one", at: keyNode)
        }
      }
    }
    if let node = known["entry_numbers"]?.value,
      let numbers = reader.mapping(
        node, "'entry_numbers'",
        keys: questionnaire.questions.filter { $0.kind == .group }.map(\.id))
    {
      for entry in numbers.entries {
        if let value = reader.integer(entry.value, "the last entry number of '\(entry.key)'") {
          file.lastEntryNumbers[entry.key] = value
        }
      }
    }
    // history and approvals: typed once here, their text kept in `preserved`
    for (index, entry) in topKeys.enumerated()
    where index == topKeys.firstIndex(where: { $0.key == entry.key }) {
      switch entry.key {
      case RevisionRecord.historyKey:
        file.history = RevisionRecord.readHistory(
          entry.value, questionnaire: questionnaire, reader: &reader, migration: &migration)
      case RevisionRecord.approvalsKey:
        file.approvals = RevisionRecord.readApprovals(entry.value, reader: &reader)
      default: break
      }
    }
    file.asRead = file.record
    if let migration, !migration.made.isEmpty {
      for index in file.approvals.indices {
        let hash = file.approvals[index].answersHash
        if let moved = migration.hashes[hash], moved != hash {
          file.approvals[index].answersHashFormat1 = hash
          file.approvals[index].answersHash = moved
        }
      }
      // Written anew in the format-2 layout when the file is next saved.
      file.asRead = RevisionRecord()
      reader.warning(migration.note, at: known["format"]?.value ?? root)
    }
    if file.format < currentFormat { file.format = currentFormat }
    file.dropImpliedEntryNumbers()
    if options.acceptsOtherVersion { file.questionnaireVersion = questionnaire.version }
    return (file, reader.diagnostics)
  }

  /// Reports answers that pick an entry of another group (a data flow's
  /// `system`) naming an entry that is not there, at the answer's place.
  private static func checkReferences(
    in node: Node, answers: [String: AnswerValue], questionnaire: Questionnaire,
    reader: inout YAMLReader
  ) {
    for (group, field, source) in questionnaire.entryReferences {
      guard case .entries(let entries)? = answers[group] else { continue }
      var known: [String] = []
      if case .entries(let picked)? = answers[source] { known = picked.map(\.id) }
      for entry in entries {
        guard case .choice(let id)? = entry.values[field], !known.contains(id) else { continue }
        let place = keyNode(group, in: node).map { reader.location(of: $0) }
        reader.diagnostics.append(
          .error(
            "entry '\(entry.id)' of '\(group)' picks '\(id)' for '\(field)', but '\(source)' "
              + "has no such entry (entries: \(known.isEmpty ? "none" : known.joined(separator: ", ")))",
            at: place))
      }
    }
  }

  private static func readAnswers(
    _ node: Node, section: String, questionnaire: Questionnaire, reader: inout YAMLReader,
    dropsUnknown: Bool
  ) -> [String: AnswerValue] {
    if isNull(node) { return [:] }
    guard case .mapping(let mapping) = node else {
      reader.error(
        "expected '\(section)' to be a mapping of question ids to answers, found \(node.kindName)",
        at: node)
      return [:]
    }
    let ids = questionnaire.questions.map(\.id)
    var result: [String: AnswerValue] = [:]
    for (keyNode, value) in mapping {
      guard case .scalar(let scalar) = keyNode else {
        reader.error("expected a question id, found \(keyNode.kindName)", at: keyNode)
        continue
      }
      let id = scalar.string
      guard let question = questionnaire.question(id) else {
        if let group = questionnaire.questions.first(where: { $0.field(id) != nil }) {
          reader.error(
            "'\(id)' is a question of each entry of '\(group.id)'; write it inside an entry of "
              + "'\(group.id)'", at: keyNode)
        } else if dropsUnknown {
          reader.warning(
            "'\(id)' is not in version \(questionnaire.version) of '\(questionnaire.id)'; its "
              + "answer will be left out when the file is saved", at: keyNode)
        } else {
          reader.error(
            "unknown question id '\(id)' in '\(section)'\(Spelling.didYouMean(id, among: ids)); "
              + "'\(questionnaire.id)' version \(questionnaire.version) has no such question",
            at: keyNode)
        }
        continue
      }
      if isNull(value) { continue }
      if let answer = AnswerValue.read(value, for: question, reader: &reader) {
        result[id] = answer
      }
    }
    return result
  }

  /// What a version mismatch changed, as far as this file shows it: answered
  /// questions the loaded version no longer has.
  private static func versionChange(
    from version: Int, answers: Node?, questionnaire: Questionnaire
  ) -> String {
    guard case .mapping(let mapping)? = answers else { return "" }
    let removed = mapping.compactMap { key, _ -> String? in
      guard case .scalar(let scalar) = key, questionnaire.question(scalar.string) == nil else {
        return nil
      }
      return scalar.string
    }
    guard !removed.isEmpty else {
      return " (every question this file answers is still in version \(questionnaire.version))"
    }
    return " (questions answered here that version \(questionnaire.version) no longer has: "
      + removed.joined(separator: ", ") + ")"
  }

  private static func keyNode(_ key: String, in node: Node) -> Node? {
    guard case .mapping(let mapping) = node else { return nil }
    return mapping.first { $0.key.scalar?.string == key }?.key
  }

  static func isNull(_ node: Node) -> Bool { node.isNull }

  /// The text of one top-level entry as written: from its key's line to the line
  /// before the next top-level key. Falls back to re-serializing when the file is
  /// not laid out one key per line at the left margin.
  private static func preservedText(key: Node, value: Node, next: Node?, in text: String) -> String
  {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if let start = key.mark, start.column == 1, start.line >= 1, start.line <= lines.count,
      next.map({ $0.mark?.column == 1 }) ?? true
    {
      var end = next?.mark?.line.advanced(by: -1) ?? lines.count
      end = min(end, lines.count)
      // Drop trailing blank lines; a file's final newline is added back below.
      while end > start.line, lines[end - 1].allSatisfy({ $0 == " " || $0 == "\r" }) { end -= 1 }
      if end >= start.line {
        let slice = lines[(start.line - 1)..<end].joined(separator: "\n")
        if slice.hasPrefix(key.scalar?.string ?? "\u{0}") || slice.hasPrefix("\"")
          || slice.hasPrefix("'")
        {
          return slice + "\n"
        }
      }
    }
    let serialized = (try? Yams.serialize(node: .mapping(.init([(key, value)])))) ?? ""
    return serialized.hasSuffix("\n") ? serialized : serialized + "\n"
  }
}

// MARK: - Writing

extension AssessmentFile {
  /// The file as YAML: keys in a fixed order, answers in questionnaire order,
  /// group entries with `id` first; sections this tool does not interpret are
  /// written exactly as they were read, after the section they followed.
  public func yamlText(questionnaire: Questionnaire) -> String {
    var placed: Set<String> = []
    let preserved = sectionsToWrite(questionnaire: questionnaire)
    func preservedSections(after anchor: String) -> String {
      var text = ""
      for entry in preserved where !placed.contains(entry.key) {
        guard preservedAfter[entry.key].map({ $0 == anchor }) ?? (anchor == "entry_numbers")
        else { continue }
        placed.insert(entry.key)
        text += entry.yaml.hasSuffix("\n") ? entry.yaml : entry.yaml + "\n"
      }
      return text
    }
    var out = preservedSections(after: "")
    out += "format: \(format)\n"
    out += preservedSections(after: "format")
    out += "questionnaire:\n  id: \(YAMLScalar.write(questionnaireID, indent: 2))\n"
    out += "  version: \(questionnaireVersion)\n"
    out += preservedSections(after: "questionnaire")
    let info: [(String, String?)] = [
      ("title", assessment.title), ("institution", assessment.institution),
      ("prepared_by", assessment.preparedBy), ("started", assessment.started?.description),
      ("pia_number", assessment.piaNumber),
    ]
    let present = info.compactMap { key, value in value.map { (key, $0) } }
    if !present.isEmpty {
      out += "assessment:\n"
      for (key, value) in present {
        out += "  \(key): \(key == "started" ? value : YAMLScalar.write(value, indent: 2))\n"
      }
    }
    out += preservedSections(after: "assessment")
    out += AnswersYAML.section("answers", answers, questionnaire: questionnaire, always: true)
    out += preservedSections(after: "answers")
    out += AnswersYAML.section("inactive", inactive, questionnaire: questionnaire, always: false)
    out += preservedSections(after: "inactive")
    let numbers = questionnaire.questions.filter { $0.kind == .group }.compactMap {
      group -> (String, Int)? in
      guard let last = lastEntryNumbers[group.id],
        last > Self.highestEntryNumber(group.id, in: self)
      else { return nil }
      return (group.id, last)
    }
    if !numbers.isEmpty {
      out += "entry_numbers:\n"
      for (id, number) in numbers { out += "  \(id): \(number)\n" }
    }
    out += preservedSections(after: "entry_numbers")
    for entry in preserved where !placed.contains(entry.key) {
      out += entry.yaml.hasSuffix("\n") ? entry.yaml : entry.yaml + "\n"
    }
    return out
  }

  /// The sections kept as text, with `history:` and `approvals:` written
  /// anew where they changed since they were read (in place, or appended when
  /// new; removed when emptied).
  private func sectionsToWrite(questionnaire: Questionnaire) -> [(key: String, yaml: String)] {
    var sections = preserved
    let current = record
    let texts: [(String, Bool, () -> String?)] = [
      (
        RevisionRecord.historyKey, history != asRead.history,
        { current.history.isEmpty ? nil : current.historyYAML(questionnaire: questionnaire) }
      ),
      (
        RevisionRecord.approvalsKey, approvals != asRead.approvals,
        { current.approvals.isEmpty ? nil : current.approvalsYAML() }
      ),
    ]
    for (key, changed, text) in texts where changed {
      let index = sections.firstIndex { $0.key == key }
      switch (index, text()) {
      case (let index?, let text?): sections[index].yaml = text
      case (let index?, nil): sections.remove(at: index)
      case (nil, let text?): sections.append((key: key, yaml: text))
      case (nil, nil): break
      }
    }
    return sections
  }

  /// Drops entry numbers that the entries themselves already imply, so that a
  /// file equals itself read back.
  mutating func dropImpliedEntryNumbers() {
    for (group, last) in lastEntryNumbers where last <= Self.highestEntryNumber(group, in: self) {
      lastEntryNumbers[group] = nil
    }
  }

  /// The highest `N` of entry ids `<group>-N` in the answers and inactive answers.
  static func highestEntryNumber(_ group: String, in file: AssessmentFile) -> Int {
    var highest = 0
    for value in [file.answers[group], file.inactive[group]] {
      guard case .entries(let entries)? = value else { continue }
      for entry in entries where entry.id.hasPrefix(group + "-") {
        if let number = Int(entry.id.dropFirst(group.count + 1)) { highest = max(highest, number) }
      }
    }
    return highest
  }
}
