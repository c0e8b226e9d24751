import Foundation

/// Scores answers files against the content of a resource folder: finds the
/// questionnaire each file answers, reads it, and runs the risk engine.
///
/// Content (questionnaires, rules, vendor facts) is read when the scorer is
/// made, so each `pia score` run sees the files as they are now.
public struct Scorer: Sendable {
  public var catalog: ContentCatalog
  private var engines: [String: RiskEngine]

  public init(catalog: ContentCatalog) {
    self.catalog = catalog
    var engines: [String: RiskEngine] = [:]
    for questionnaire in catalog.questionnaires {
      engines[questionnaire.id] = RiskEngine(
        questionnaire: questionnaire, rules: catalog.rules.rules, vendors: catalog.vendors)
    }
    self.engines = engines
  }

  /// The engine for a questionnaire id.
  public func engine(for questionnaireID: String) -> RiskEngine? { engines[questionnaireID] }

  /// Scores one answers file.
  ///
  /// - Parameters:
  ///   - date: The date to score as of; by default the answer to
  ///     `assessment_date`, then the file's `started` date, then today.
  ///   - staleAfterDays: The age after which a vendor fact is reported.
  public func score(
    _ url: URL, path: String, date: CalendarDate? = nil,
    staleAfterDays: Int = RiskEngine.defaultStaleAfterDays
  ) -> (Assessment?, [Diagnostic]) {
    let (id, idDiagnostics) = Self.questionnaireID(url, path: path)
    guard let id else { return (nil, idDiagnostics) }
    guard let engine = engines[id] else {
      let known = engines.keys.sorted()
      return (
        nil,
        idDiagnostics + [
          .error(
            "'\(path)' answers questionnaire '\(id)', which is not in the resource folder"
              + "\(Spelling.didYouMean(id, among: known)) (known: \(known.joined(separator: ", ")))",
            at: nil)
        ]
      )
    }
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      return (nil, [.error(FileErrors.describe(error, path: path), at: nil)])
    }
    let (file, diagnostics) = AssessmentFile.load(
      data: data, path: path, questionnaire: engine.questionnaire,
      options: AssessmentFile.LoadOptions(acceptsOtherVersion: true))
    guard let file, !diagnostics.hasErrors else { return (nil, idDiagnostics + diagnostics) }
    var asOf = date
    if asOf == nil, case .date(let answered)? = file.answers["assessment_date"] {
      asOf = answered
    }
    let assessment = engine.assess(
      answers: file.answers, asOf: asOf ?? file.assessment.started ?? Self.today(),
      staleAfterDays: staleAfterDays)
    return (assessment, idDiagnostics + diagnostics)
  }

  /// The questionnaire id a file answers, read before the questionnaire is known.
  static func questionnaireID(_ url: URL, path: String) -> (String?, [Diagnostic]) {
    if let data = try? Data(contentsOf: url), let id = quickQuestionnaireID(data) {
      return (id, [])
    }
    let document: YAMLDocument
    do {
      document = try YAMLDocument(contentsOf: url, path: path)
    } catch {
      return (nil, error.diagnostics)
    }
    var reader = YAMLReader(path: path)
    guard let root = document.root, case .mapping(let top) = root else {
      return (
        nil,
        [
          .error(
            "expected an answers file (a mapping with 'questionnaire' and 'answers')",
            at: YAMLDocument.start(path))
        ]
      )
    }
    guard let node = top["questionnaire"] else {
      reader.error("missing required key 'questionnaire' in an answers file", at: root)
      return (nil, reader.diagnostics)
    }
    if case .mapping(let mapping) = node, let idNode = mapping["id"] {
      return (reader.identifier(idNode, "questionnaire id"), reader.diagnostics)
    }
    return (reader.identifier(node, "questionnaire id"), reader.diagnostics)
  }

  /// The id from the usual layouts (`questionnaire: {id: X, …}` or
  /// `questionnaire:` then `  id: X`), found without parsing the YAML; `nil`
  /// sends the caller to the full parser. A wrong guess is harmless: the
  /// answers loader then reports the questionnaire mismatch.
  static func quickQuestionnaireID(_ data: Data) -> String? {
    guard let text = String(data: data.prefix(4096), encoding: .utf8) else { return nil }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() where line.hasPrefix("questionnaire:") {
      var rest = line.dropFirst("questionnaire:".count).drop { $0 == " " }
      if rest.hasPrefix("{") {
        guard let range = rest.range(of: "id:") else { return nil }
        rest = rest[range.upperBound...].drop { $0 == " " }
      } else if rest.isEmpty, index + 1 < lines.count {
        let next = lines[index + 1].drop { $0 == " " }
        guard next.hasPrefix("id:") else { return nil }
        rest = next.dropFirst(3).drop { $0 == " " }
      } else {
        return nil
      }
      let id = String(
        rest.prefix { $0 != "," && $0 != "}" && $0 != " " && $0 != "#" && $0 != "\r" })
      return Identifier.isValid(id) ? id : nil
    }
    return nil
  }

  /// Today's date in UTC.
  public static func today() -> CalendarDate {
    CalendarDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
  }
}
