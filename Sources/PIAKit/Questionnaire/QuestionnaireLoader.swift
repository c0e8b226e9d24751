import Foundation
import Yams

/// Loads questionnaires from YAML, splicing in included modules, and reports
/// every problem it finds as a positioned diagnostic.
///
/// Includes are resolved relative to the including file and must stay inside
/// `root` (the `Questionnaires` folder): `../`, absolute paths and symlinks
/// that lead outside are refused.
public struct QuestionnaireLoader: Sendable {
  /// The folder that every included file must stay inside.
  public var root: URL
  /// Modules already parsed, shared by the loaders of one content catalogue (two
  /// questionnaires that include the same module read and parse it once); `nil` to parse
  /// every include.
  var modules: ModuleDocuments?

  /// Makes a loader whose includes must stay inside `root`.
  public init(root: URL) {
    self.root = root
  }

  static let questionnaireKeys = ["id", "version", "title", "description", "sections"]
  static let moduleKeys = ["module", "title", "description", "signed", "sections"]
  static let sectionKeys = ["id", "title", "intro", "show_if", "internal", "questions"]
  static let questionKeys = [
    "id", "kind", "prompt", "help", "cites", "required", "default", "show_if", "choices",
    "min", "max", "safer_answer", "scored", "why", "item", "questions", "choices_from",
    "internal",
  ]
  static let choiceKeys = ["id", "label", "help", "risk"]

  /// Loads and structurally checks a questionnaire. Cross-reference checks
  /// (conditions, citations) are done by `QuestionnaireValidator`.
  ///
  /// - Parameters:
  ///   - url: The questionnaire file.
  ///   - path: The path to print in diagnostics (defaults to `url.path`).
  /// - Returns: The questionnaire and its warnings.
  /// - Throws: `DiagnosticsError` with every problem, when any is an error;
  ///   with `law`, the cross-reference checks are run too.
  public func load(_ url: URL, path: String? = nil, law: LawCatalogue? = nil)
    throws(DiagnosticsError) -> Loaded<Questionnaire>
  {
    var (questionnaire, diagnostics) = read(url, path: path)
    if let questionnaire, let law {
      diagnostics += QuestionnaireValidator(law: law).validate(questionnaire)
    }
    return try Loaded.checking(questionnaire, diagnostics.sortedByLocation())
  }

  /// What `load` reads, kept even when there are errors (the content
  /// catalogue goes on to report every problem in every file).
  func read(_ url: URL, path: String? = nil) -> (Questionnaire?, [Diagnostic]) {
    let shown = path ?? url.path
    let document: YAMLDocument
    do {
      document = try YAMLDocument(contentsOf: url, path: shown)
    } catch {
      return (nil, error.diagnostics)
    }
    var reader = YAMLReader(path: shown)
    guard let rootNode = document.root else {
      reader.diagnostics.append(.error("file is empty", at: YAMLDocument.start(shown)))
      return (nil, reader.diagnostics)
    }
    if case .mapping(let mapping) = rootNode, mapping["module"] != nil {
      reader.error(
        "this is a module (it has 'module:'); include it from a questionnaire instead",
        at: rootNode)
      return (nil, reader.diagnostics)
    }
    guard
      let top = reader.mapping(
        rootNode, "a questionnaire", keys: Self.questionnaireKeys,
        required: ["id", "version", "title", "sections"])
    else { return (nil, reader.diagnostics) }

    let id = top["id"].flatMap { reader.identifier($0, "questionnaire id") }
    let version = top["version"].flatMap { reader.integer($0, "version") }
    if let node = top["version"], let version, version < 1 {
      reader.error("version must be 1 or more, found \(version)", at: node)
    }
    let title = top["title"].flatMap { reader.string($0, "title") }
    let description = top["description"].flatMap { reader.string($0, "description") }
    var visiting: [URL] = [url.standardizedFileURL.resolvingSymlinksInPath()]
    var diagnostics: [Diagnostic] = []
    let sections = top["sections"].map {
      loadSections($0, file: url, reader: &reader, visiting: &visiting, extra: &diagnostics)
    }
    diagnostics = reader.diagnostics + diagnostics
    guard let id, let version, let title, let sections else { return (nil, diagnostics) }
    let questionnaire = Questionnaire(
      id: id, version: version, title: title, description: description, path: shown,
      sections: sections)
    return (questionnaire, diagnostics)
  }

  private func loadSections(
    _ node: Node, file: URL, reader: inout YAMLReader, visiting: inout [URL],
    extra: inout [Diagnostic]
  ) -> [Section] {
    guard let items = reader.sequence(node, "sections") else { return [] }
    if items.isEmpty { reader.error("a questionnaire needs at least one section", at: node) }
    var sections: [Section] = []
    for item in items {
      if case .mapping(let mapping) = item, let includeNode = mapping["include"] {
        if mapping.count > 1 {
          reader.error("an include entry holds only 'include: PATH'", at: item)
        }
        sections += include(
          includeNode, from: file, reader: &reader, visiting: &visiting, extra: &extra)
      } else if let section = loadSection(item, reader: &reader) {
        sections.append(section)
      }
    }
    return sections
  }

  private func include(
    _ node: Node, from file: URL, reader: inout YAMLReader, visiting: inout [URL],
    extra: inout [Diagnostic]
  ) -> [Section] {
    guard let relative = reader.string(node, "include path") else { return [] }
    if relative.hasPrefix("/") || relative.hasPrefix("~") {
      reader.error(
        "include '\(relative)' is an absolute path; include files by a path relative to "
          + "this file, inside the questionnaires folder", at: node)
      return []
    }
    let target = file.deletingLastPathComponent().appendingPathComponent(relative)
      .standardizedFileURL
    let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
    let resolved = target.resolvingSymlinksInPath()
    guard resolved.path.hasPrefix(rootPath + "/") else {
      reader.error(
        "include '\(relative)' leads outside the questionnaires folder '\(root.path)'; "
          + "modules must live inside it", at: node)
      return []
    }
    guard FileManager.default.fileExists(atPath: resolved.path) else {
      reader.error("included file '\(relative)' does not exist", at: node)
      return []
    }
    if visiting.contains(resolved) {
      reader.error("include '\(relative)' includes itself (an include cycle)", at: node)
      return []
    }
    let shownDirectory = (reader.path as NSString).deletingLastPathComponent
    let shown = Self.normalize(
      shownDirectory.isEmpty ? relative : shownDirectory + "/" + relative)
    let document: YAMLDocument
    switch modules?.document(at: resolved, path: shown) ?? ModuleDocuments.parse(resolved, shown) {
    case .success(let parsed): document = parsed
    case .failure(let error):
      extra += error.diagnostics
      return []
    }
    var moduleReader = YAMLReader(path: shown)
    defer { extra += moduleReader.diagnostics }
    guard let rootNode = document.root,
      let top = moduleReader.mapping(
        rootNode, "a module", keys: Self.moduleKeys, required: ["module", "sections"])
    else {
      if document.root == nil {
        moduleReader.diagnostics.append(.error("file is empty", at: YAMLDocument.start(shown)))
      }
      return []
    }
    let module = top["module"].flatMap { moduleReader.identifier($0, "module id") }
    _ = top["title"].flatMap { moduleReader.string($0, "title") }
    _ = top["description"].flatMap { moduleReader.string($0, "description") }
    let signed = top["signed"].flatMap { moduleReader.boolean($0, "signed") } ?? true
    guard let sectionsNode = top["sections"] else { return [] }
    visiting.append(resolved)
    defer { visiting.removeLast() }
    var sections = loadSections(
      sectionsNode, file: resolved, reader: &moduleReader, visiting: &visiting, extra: &extra)
    for index in sections.indices where sections[index].module == nil {
      sections[index].module = module
      // `signed: false`: approvals do not sign this module's answers.
      if !signed {
        for question in sections[index].questions.indices {
          sections[index].questions[question].signed = false
        }
      }
    }
    return sections
  }

  private func loadSection(_ node: Node, reader: inout YAMLReader) -> Section? {
    guard
      let mapping = reader.mapping(
        node, "a section", keys: Self.sectionKeys + ["include"],
        required: ["id", "title", "questions"])
    else { return nil }
    let id = mapping["id"].flatMap { reader.identifier($0, "section id") }
    let title = mapping["title"].flatMap { reader.string($0, "section title") }
    let intro = mapping["intro"].flatMap { reader.string($0, "intro") }
    let showIf = mapping["show_if"].flatMap { Self.condition($0, reader: &reader) }
    var questions: [Question] = []
    if let questionsNode = mapping["questions"],
      let items = reader.sequence(questionsNode, "questions")
    {
      if items.isEmpty { reader.error("a section needs at least one question", at: questionsNode) }
      questions = items.compactMap { loadQuestion($0, reader: &reader, inGroup: false) }
    }
    guard let id, let title else { return nil }
    var section = Section(
      id: id, title: title, intro: intro, showIf: showIf?.condition, questions: questions,
      location: reader.location(of: node))
    section.showIfLocation = showIf?.location
    section.isInternal = mapping["internal"].flatMap { reader.boolean($0, "internal") } ?? false
    return section
  }

  private func loadQuestion(_ node: Node, reader: inout YAMLReader, inGroup: Bool) -> Question? {
    guard
      let mapping = reader.mapping(
        node, "a question", keys: Self.questionKeys, required: ["id", "kind", "prompt"])
    else { return nil }
    let id = mapping["id"].flatMap { reader.identifier($0, "question id") }
    var kind: Question.Kind?
    if let kindNode = mapping["kind"], let text = reader.string(kindNode, "kind") {
      kind = Question.Kind(rawValue: text)
      if kind == nil {
        let kinds = Question.Kind.allCases.map(\.rawValue)
        reader.error(
          "unknown question kind '\(text)'\(Spelling.didYouMean(text, among: kinds)) "
            + "(expected one of: \(kinds.joined(separator: ", ")))", at: kindNode)
      }
    }
    let prompt = mapping["prompt"].flatMap { reader.string($0, "prompt") }
    let help = mapping["help"].flatMap { reader.string($0, "help") }
    let cites = mapping["cites"].flatMap { reader.strings($0, "cites") } ?? []
    let required = mapping["required"].flatMap { reader.boolean($0, "required") } ?? false
    let showIf = mapping["show_if"].flatMap { Self.condition($0, reader: &reader) }
    var minimum: Double?
    var maximum: Double?
    var earliest: DateBound?
    var latest: DateBound?
    if kind == .date {
      earliest = mapping["min"].flatMap { Self.dateBound($0, "min", reader: &reader) }
      latest = mapping["max"].flatMap { Self.dateBound($0, "max", reader: &reader) }
    } else {
      minimum = mapping["min"].flatMap { reader.number($0, "min") }
      maximum = mapping["max"].flatMap { reader.number($0, "max") }
    }
    let saferAnswer = mapping["safer_answer"].flatMap { reader.boolean($0, "safer_answer") }
    let scored = mapping["scored"].flatMap { reader.boolean($0, "scored") }
    let why = mapping["why"].flatMap { reader.string($0, "why") }
    let itemName = mapping["item"].flatMap { reader.string($0, "item") }
    var choices: [Choice] = []
    if let choicesNode = mapping["choices"], let items = reader.sequence(choicesNode, "choices") {
      choices = items.compactMap { loadChoice($0, reader: &reader) }
    }
    var fields: [Question] = []
    if let fieldsNode = mapping["questions"] {
      if inGroup {
        reader.error("a repeating group cannot hold another repeating group", at: fieldsNode)
      } else if let items = reader.sequence(fieldsNode, "questions") {
        fields = items.compactMap { loadQuestion($0, reader: &reader, inGroup: true) }
      }
    }
    guard let id, let kind, let prompt else { return nil }
    var question = Question(
      id: id, kind: kind, prompt: prompt, help: help, cites: cites, required: required,
      showIf: showIf?.condition, choices: choices, minimum: minimum, maximum: maximum,
      saferAnswer: saferAnswer, scored: scored ?? true, why: why, itemName: itemName,
      fields: fields, location: reader.location(of: node))
    question.choicesFrom = mapping["choices_from"].flatMap {
      reader.identifier($0, "choices_from (a repeating group's id)")
    }
    question.earliest = earliest
    question.latest = latest
    question.isInternal = mapping["internal"].flatMap { reader.boolean($0, "internal") } ?? false
    question.showIfLocation = showIf?.location
    question.scoredLocation = mapping["scored"].map { reader.location(of: $0) }
    question.citesLocation = mapping["cites"].map { reader.location(of: $0) }
    if let defaultNode = mapping["default"] {
      question.defaultLocation = reader.location(of: defaultNode)
      if kind == .group {
        reader.error("a repeating group cannot have a default", at: defaultNode)
      } else {
        question.defaultValue = AnswerValue.read(defaultNode, for: question, reader: &reader)
      }
    }
    return question
  }

  /// A date question's `min`/`max`: a date written YYYY-MM-DD, or the id of
  /// another date question.
  private static func dateBound(_ node: Node, _ key: String, reader: inout YAMLReader)
    -> DateBound?
  {
    guard let text = reader.string(node, key) else { return nil }
    if let date = CalendarDate(text) { return .date(date) }
    if Identifier.isValid(text) { return .answer(text) }
    reader.error(
      "expected '\(key)' of a date question to be a date written YYYY-MM-DD or the id of "
        + "another date question, found '\(text)'", at: node)
    return nil
  }

  private func loadChoice(_ node: Node, reader: inout YAMLReader) -> Choice? {
    guard
      let mapping = reader.mapping(
        node, "a choice", keys: Self.choiceKeys, required: ["id", "label"])
    else { return nil }
    let id = mapping["id"].flatMap { reader.identifier($0, "choice id") }
    let label = mapping["label"].flatMap { reader.string($0, "choice label") }
    let help = mapping["help"].flatMap { reader.string($0, "choice help") }
    let risk = mapping["risk"].flatMap { reader.integer($0, "risk") }
    guard let id, let label else { return nil }
    return Choice(id: id, label: label, help: help, risk: risk, location: reader.location(of: node))
  }

  /// Parses a condition held in a YAML scalar; syntax errors are reported at
  /// the exact column.
  static func condition(_ node: Node, reader: inout YAMLReader)
    -> (condition: Condition, location: SourceLocation)?
  {
    guard let text = reader.string(node, "condition") else { return nil }
    var location = reader.location(of: node)
    if case .scalar(let scalar) = node,
      scalar.style == .singleQuoted || scalar.style == .doubleQuoted
    {
      location = location.advanced(by: 1)
    }
    do {
      return (try Condition(parsing: text), location)
    } catch {
      reader.diagnostics.append(
        .error("invalid condition: \(error.message)", at: location.advanced(by: error.offset)))
      return nil
    }
  }

  static func normalize(_ path: String) -> String {
    var parts: [String] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: false) {
      if part == "." || (part.isEmpty && !parts.isEmpty) { continue }
      if part == "..", let last = parts.last, last != "..", !last.isEmpty {
        parts.removeLast()
      } else {
        parts.append(String(part))
      }
    }
    return parts.joined(separator: "/")
  }
}

/// Included module files, parsed once each and shared between the questionnaires that
/// include them. Safe to use from several threads.
final class ModuleDocuments: @unchecked Sendable {
  private let lock = NSLock()
  private var documents: [String: Result<YAMLDocument, DiagnosticsError>] = [:]

  /// The parsed file at `url`, shown as `path` in its diagnostics, or its problems.
  func document(at url: URL, path: String) -> Result<YAMLDocument, DiagnosticsError> {
    let key = url.path + "\u{0}" + path
    if let parsed = lock.withLock({ documents[key] }) { return parsed }
    let parsed = Self.parse(url, path)
    lock.withLock { documents[key] = parsed }
    return parsed
  }

  /// Reads and parses the file at `url`, shown as `path`.
  static func parse(_ url: URL, _ path: String) -> Result<YAMLDocument, DiagnosticsError> {
    do {
      return .success(try YAMLDocument(contentsOf: url, path: path))
    } catch {
      return .failure(error)
    }
  }
}
