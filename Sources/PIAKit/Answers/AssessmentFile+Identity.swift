import Foundation
import Yams

extension AssessmentFile {
  /// The questionnaire id an answers file names, read before its
  /// questionnaire is known (the usual layouts without parsing the YAML,
  /// any other layout with the parser).
  ///
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - path: The path printed in diagnostics.
  /// - Throws: `DiagnosticsError` when the file is not YAML or names no
  ///   questionnaire.
  public static func questionnaireID(in data: Data, path: String) throws(DiagnosticsError)
    -> String
  {
    if let id = quickQuestionnaireID(data) { return id }
    let document: YAMLDocument
    do {
      document = try YAMLDocument(data: data, path: path)
    } catch {
      throw DiagnosticsError(error.diagnostics)
    }
    var reader = YAMLReader(path: path)
    guard let root = document.root, case .mapping(let top) = root else {
      throw DiagnosticsError([
        .error(
          "expected an answers file (a mapping with 'questionnaire' and 'answers')",
          at: YAMLDocument.start(path))
      ])
    }
    guard let node = top["questionnaire"] else {
      reader.error("missing required key 'questionnaire' in an answers file", at: root)
      throw DiagnosticsError(reader.diagnostics)
    }
    let idNode: Node
    if case .mapping(let mapping) = node, let found = mapping["id"] {
      idNode = found
    } else {
      idNode = node
    }
    guard let id = reader.identifier(idNode, "questionnaire id") else {
      throw DiagnosticsError(reader.diagnostics)
    }
    return id
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
}

extension ContentCatalog {
  /// The questionnaire an answers file answers.
  ///
  /// - Throws: `DiagnosticsError` when the file names no questionnaire, or
  ///   one that is not in this catalogue (with the nearest known id).
  public func questionnaire(answeredBy data: Data, path: String) throws(DiagnosticsError)
    -> Questionnaire
  {
    let id = try AssessmentFile.questionnaireID(in: data, path: path)
    guard let questionnaire = questionnaire(id) else {
      let known = questionnaires.map(\.id).sorted()
      throw DiagnosticsError([
        .error(
          "'\(path)' answers questionnaire '\(id)', which is not in the resource folder"
            + "\(Spelling.didYouMean(id, among: known)) (known: \(known.joined(separator: ", ")))",
          at: nil)
      ])
    }
    return questionnaire
  }
}
