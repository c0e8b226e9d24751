import Foundation
import Yams

/// An answers file loaded for `pia diff`, `pia history` and `pia approve`:
/// the file, its questionnaire, and its history and approvals, with every
/// problem reported at its line and column.
public struct RevisionDocument: Sendable {
  public var file: AssessmentFile
  public var record: RevisionRecord
  public var questionnaire: Questionnaire
  /// The path as the user gave it.
  public var path: String

  public init(
    file: AssessmentFile, record: RevisionRecord, questionnaire: Questionnaire, path: String
  ) {
    self.file = file
    self.record = record
    self.questionnaire = questionnaire
    self.path = path
  }

  /// Loads `url`, finding its questionnaire in `questionnaires`.
  ///
  /// - Returns: The document, or `nil` when any error was found, and every
  ///   diagnostic.
  public static func load(url: URL, path: String, questionnaires: [Questionnaire])
    -> (RevisionDocument?, [Diagnostic])
  {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      return (nil, [.error(FileErrors.describe(error, path: path), at: nil)])
    }
    let document: YAMLDocument
    do {
      document = try YAMLDocument(data: data, path: path)
    } catch {
      return (nil, error.diagnostics)
    }
    var reader = YAMLReader(path: path)
    guard let id = questionnaireID(document, reader: &reader) else {
      return (nil, reader.diagnostics)
    }
    guard let questionnaire = questionnaires.first(where: { $0.id == id }) else {
      let known = questionnaires.map(\.id).sorted()
      return (
        nil,
        [
          .error(
            "'\(path)' answers questionnaire '\(id)', which is not in the resource folder"
              + "\(Spelling.didYouMean(id, among: known)) (known: \(known.joined(separator: ", ")))",
            at: nil)
        ]
      )
    }
    let (file, diagnostics) = AssessmentFile.load(data: data, path: path, questionnaire: questionnaire)
    var bytes = data[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    let (record, recordDiagnostics) = RevisionRecord.read(
      text: String(decoding: bytes, as: UTF8.self), path: path, questionnaire: questionnaire)
    let all = (diagnostics + recordDiagnostics).sortedByLocation()
    guard let file, !all.hasErrors else { return (nil, all) }
    return (
      RevisionDocument(file: file, record: record, questionnaire: questionnaire, path: path), all
    )
  }

  private static func questionnaireID(_ document: YAMLDocument, reader: inout YAMLReader)
    -> String?
  {
    guard let root = document.root, case .mapping(let top) = root else {
      reader.diagnostics.append(
        .error(
          "expected an answers file (a mapping with 'questionnaire' and 'answers')",
          at: SourceLocation(file: reader.path, line: 1, column: 1)))
      return nil
    }
    guard let node = top["questionnaire"] else {
      reader.error("missing required key 'questionnaire' in an answers file", at: root)
      return nil
    }
    if case .mapping(let mapping) = node, let idNode = mapping["id"] {
      return reader.identifier(idNode, "questionnaire id")
    }
    reader.error("expected 'questionnaire' to be a mapping with 'id' and 'version'", at: node)
    return nil
  }

  /// The current approval status.
  public var status: SignOffStatus {
    SignOffStatus(answers: file.answers, record: record)
  }

  /// The date to score `answers` as of: their `assessment_date` answer, else
  /// `fallback`.
  public static func scoringDate(_ answers: [String: AnswerValue], fallback: CalendarDate)
    -> CalendarDate
  {
    if case .date(let date)? = answers["assessment_date"] { return date }
    return fallback
  }
}
