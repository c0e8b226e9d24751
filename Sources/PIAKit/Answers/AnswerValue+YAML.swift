import Yams

extension AnswerValue {
  /// Reads the answer to `question` from a YAML node, recording a diagnostic
  /// (with the expected form) when the node does not fit the question.
  ///
  /// Group entries are mappings whose `id` key holds the entry's stable id;
  /// `nextEntryID` makes one for entries written without it.
  static func read(
    _ node: Node, for question: Question, reader: inout YAMLReader,
    nextEntryID: (Question, Int) -> String = { question, index in
      "\(question.id)-\(index + 1)"
    }
  ) -> AnswerValue? {
    let name = "the answer to '\(question.id)'"
    switch question.kind {
    case .text, .longText:
      guard case .scalar(let scalar) = node else {
        reader.error("expected \(name) to be text, found \(node.kindName)", at: node)
        return nil
      }
      return .text(scalar.string)
    case .choice:
      guard case .scalar(let scalar) = node else {
        reader.error("expected \(name) to be one choice id, found \(node.kindName)", at: node)
        return nil
      }
      if question.choicesFrom != nil {
        // An entry id of another group; checked once the whole file is read.
        return reader.identifier(node, "the entry id for '\(question.id)'").map(AnswerValue.choice)
      }
      return checkedChoice(scalar.string, of: question, node: node, reader: &reader)
        .map(AnswerValue.choice)
    case .multiChoice:
      guard case .sequence(let items) = node else {
        reader.error(
          "expected \(name) to be a list of choice ids, found \(node.kindName)", at: node)
        return nil
      }
      var ids: [String] = []
      for item in items {
        guard case .scalar(let scalar) = item else {
          reader.error("expected a choice id, found \(item.kindName)", at: item)
          continue
        }
        if let id = checkedChoice(scalar.string, of: question, node: item, reader: &reader) {
          if ids.contains(id) {
            reader.error("choice '\(id)' is listed twice", at: item)
          } else {
            ids.append(id)
          }
        }
      }
      return .choices(ids)
    case .yesNo:
      guard case .scalar(let scalar) = node, let value = YAMLReader.bool(scalar.string) else {
        reader.error("expected \(name) to be yes or no, found \(reader.describe(node))", at: node)
        return nil
      }
      return .bool(value)
    case .number:
      guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite
      else {
        reader.error("expected \(name) to be a number, found \(reader.describe(node))", at: node)
        return nil
      }
      if let minimum = question.minimum, value < minimum {
        reader.error(
          "\(name) is \(format(value)), below the minimum \(format(minimum))", at: node)
        return nil
      }
      if let maximum = question.maximum, value > maximum {
        reader.error(
          "\(name) is \(format(value)), above the maximum \(format(maximum))", at: node)
        return nil
      }
      return .number(value)
    case .date:
      guard case .scalar(let scalar) = node, let date = CalendarDate(scalar.string) else {
        reader.error(
          "expected \(name) to be a date written YYYY-MM-DD, found \(reader.describe(node))",
          at: node)
        return nil
      }
      return .date(date)
    case .group:
      guard case .sequence(let items) = node else {
        reader.error(
          "expected \(name) to be a list of entries, found \(node.kindName)", at: node)
        return nil
      }
      var entries: [GroupEntry] = []
      var seen: Set<String> = []
      for (index, item) in items.enumerated() {
        let keys = ["id"] + question.fields.map(\.id)
        guard let mapping = reader.mapping(item, "an entry of '\(question.id)'", keys: keys)
        else { continue }
        var entryID = nextEntryID(question, index)
        if let idNode = mapping["id"], let id = reader.string(idNode, "the entry id") {
          entryID = id
        }
        if seen.contains(entryID) {
          reader.error("entry id '\(entryID)' is used twice in '\(question.id)'", at: item)
        }
        seen.insert(entryID)
        var values: [String: AnswerValue] = [:]
        for entry in mapping.entries where entry.key != "id" {
          guard let field = question.field(entry.key) else { continue }
          if entry.value.isNull, field.kind != .text && field.kind != .longText {
            continue
          }
          if let value = read(entry.value, for: field, reader: &reader) {
            values[field.id] = value
          }
        }
        entries.append(GroupEntry(id: entryID, values: values))
      }
      return .entries(entries)
    }
  }

  private static func checkedChoice(
    _ id: String, of question: Question, node: Node, reader: inout YAMLReader
  ) -> String? {
    guard question.choice(id) != nil else {
      let ids = question.choices.map(\.id)
      reader.error(
        "'\(id)' is not a choice of '\(question.id)'\(Spelling.didYouMean(id, among: ids)) "
          + "(expected one of: \(ids.joined(separator: ", ")))", at: node)
      return nil
    }
    return id
  }
}
