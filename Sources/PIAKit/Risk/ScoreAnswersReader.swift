import Foundation
import Yams

// TEMPORARY: a minimal reader of `*.pia.yaml` answers files for `pia score`,
// written while the full AnswersFile load/save (branch `interview`) is not yet
// merged. Replace its use in `Score.swift` with the interview's loader when it
// lands, and delete this file.

/// Reads the parts of an answers file that scoring needs.
public enum ScoreAnswersReader {
  /// The questionnaire id a file answers, read without knowing the questionnaire.
  public static func questionnaireID(_ url: URL, path: String) -> (String?, [Diagnostic]) {
    let document: YAMLDocument
    do {
      document = try YAMLDocument(contentsOf: url, path: path)
    } catch {
      return (nil, error.diagnostics)
    }
    var reader = YAMLReader(path: path)
    guard let root = document.root, case .mapping(let top) = root else {
      return (nil, [.error("expected an answers file (a mapping with 'questionnaire' and 'answers')", at: YAMLDocument.start(path))])
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

  /// Reads the file's answers against `questionnaire`.
  public static func read(_ url: URL, path: String, questionnaire: Questionnaire)
    -> (AnswersFile?, [Diagnostic])
  {
    let document: YAMLDocument
    do {
      document = try YAMLDocument(contentsOf: url, path: path)
    } catch {
      return (nil, error.diagnostics)
    }
    var reader = YAMLReader(path: path)
    guard let root = document.root, case .mapping(let top) = root else {
      return (nil, [.error("expected an answers file", at: YAMLDocument.start(path))])
    }
    var version = questionnaire.version
    if case .mapping(let q)? = top["questionnaire"], let versionNode = q["version"] {
      version = reader.integer(versionNode, "questionnaire version") ?? version
    }
    var info = AssessmentInfo()
    if case .mapping(let a)? = top["assessment"] {
      if case .scalar(let s)? = a["title"] { info.title = s.string }
      if case .scalar(let s)? = a["started"] { info.started = CalendarDate(s.string) }
    }
    var answers: [String: AnswerValue] = [:]
    if let answersNode = top["answers"] {
      guard case .mapping(let mapping) = answersNode else {
        reader.error("expected 'answers' to be a mapping of question id to answer", at: answersNode)
        return (nil, reader.diagnostics)
      }
      let ids = questionnaire.questions.map(\.id)
      for (keyNode, value) in mapping {
        guard case .scalar(let key) = keyNode else { continue }
        guard let question = questionnaire.question(key.string) else {
          reader.error(
            "unknown question '\(key.string)' in answers\(Spelling.didYouMean(key.string, among: ids))",
            at: keyNode)
          continue
        }
        if case .scalar(let scalar) = value, scalar.tag == Tag(.null),
          question.kind != .text && question.kind != .longText
        {
          continue
        }
        if let answer = AnswerValue.read(value, for: question, reader: &reader) {
          answers[question.id] = answer
        }
      }
    }
    let file = AnswersFile(
      questionnaireID: questionnaire.id, questionnaireVersion: version, assessment: info,
      answers: answers)
    return (file, reader.diagnostics)
  }
}
