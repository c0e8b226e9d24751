/// How an answer moved between two versions of an assessment.
public enum ChangeKind: String, Sendable, Hashable {
  /// The answer is in the new version only.
  case added
  /// The answer is in the old version only.
  case removed
  /// Both versions answer, with different values in canonical form.
  case changed
}

/// One answer added, removed or changed, with the question's prompt and the
/// values as they read (choice labels, not ids).
public struct AnswerChange: Sendable, Hashable {
  /// The question's id; answers the questionnaire does not know keep their id here too.
  public var questionID: String
  /// The question as asked; the id when the questionnaire does not know it.
  public var prompt: String
  /// Added, removed or changed.
  public var kind: ChangeKind
  /// The old answer; `nil` when added.
  public var from: AnswerValue?
  /// The new answer; `nil` when removed.
  public var to: AnswerValue?
  /// The old value as it reads ("Team or another business plan").
  public var fromText: String?
  /// The new value as it reads; `nil` when removed.
  public var toText: String?
  /// Multiple choice: the choice ids selected only in the new answer.
  public var addedChoices: [String]
  /// Multiple choice: the choice ids selected only in the old answer.
  public var removedChoices: [String]
  /// Repeating groups: the entries added, removed or changed, matched by id.
  public var entries: [EntryChange]

  /// Makes an answer change; choice and entry lists default to empty.
  public init(
    questionID: String, prompt: String, kind: ChangeKind, from: AnswerValue?, to: AnswerValue?,
    fromText: String?, toText: String?, addedChoices: [String] = [],
    removedChoices: [String] = [], entries: [EntryChange] = []
  ) {
    self.questionID = questionID
    self.prompt = prompt
    self.kind = kind
    self.from = from
    self.to = to
    self.fromText = fromText
    self.toText = toText
    self.addedChoices = addedChoices
    self.removedChoices = removedChoices
    self.entries = entries
  }
}

/// One entry of a repeating group added, removed or changed.
public struct EntryChange: Sendable, Hashable {
  /// The entry's stable id in its group (`flow-2`).
  public var entryID: String
  /// "data flow flow-2 (Resident names and addresses)".
  public var label: String
  /// Added, removed or changed (matched by id).
  public var kind: ChangeKind
  /// For a changed entry: its fields that changed.
  public var fields: [FieldChange]

  /// Makes an entry change.
  public init(entryID: String, label: String, kind: ChangeKind, fields: [FieldChange]) {
    self.entryID = entryID
    self.label = label
    self.kind = kind
    self.fields = fields
  }
}

/// One field of a group entry that changed.
public struct FieldChange: Sendable, Hashable {
  /// The field's question id within the group.
  public var fieldID: String
  /// The field's question as asked.
  public var prompt: String
  /// Added, removed or changed.
  public var kind: ChangeKind
  /// The old value; `nil` when added.
  public var from: AnswerValue?
  /// The new value; `nil` when removed.
  public var to: AnswerValue?
  /// The old value as it reads (choice labels, not ids); `nil` when added.
  public var fromText: String?
  /// The new value as it reads; `nil` when removed.
  public var toText: String?

  /// Makes a field change.
  public init(
    fieldID: String, prompt: String, kind: ChangeKind, from: AnswerValue?, to: AnswerValue?,
    fromText: String?, toText: String?
  ) {
    self.fieldID = fieldID
    self.prompt = prompt
    self.kind = kind
    self.from = from
    self.to = to
    self.fromText = fromText
    self.toText = toText
  }
}

/// Compares two sets of answers question by question.
///
/// Values are compared by their canonical form (see `AnswersHash`): the order
/// of a multiple-choice list or of a group's entries is never a change, and
/// group entries are matched by their stable id.
enum AnswersDiff {
  /// The changes from `old` to `new`, in questionnaire order (answers to
  /// questions the questionnaire does not know last, by id).
  static func compare(
    _ old: [String: AnswerValue], _ new: [String: AnswerValue], questionnaire: Questionnaire
  ) -> [AnswerChange] {
    let order = questionnaire.questions.map(\.id)
    let others = Set(old.keys).union(new.keys).subtracting(order)
      .sorted(by: CanonicalJSON.codePointOrder)
    var changes: [AnswerChange] = []
    for id in order + others {
      let before = old[id]
      let after = new[id]
      if before == nil && after == nil { continue }
      if let before, let after, same(before, after) { continue }
      let question = questionnaire.question(id)
      let kind: ChangeKind = before == nil ? .added : after == nil ? .removed : .changed
      var change = AnswerChange(
        questionID: id, prompt: question?.prompt ?? id, kind: kind, from: before, to: after,
        fromText: before.map { describe($0, question: question) },
        toText: after.map { describe($0, question: question) })
      if question?.kind == .multiChoice {
        let oldIDs = choiceIDs(before)
        let newIDs = choiceIDs(after)
        change.addedChoices = newIDs.filter { !oldIDs.contains($0) }
        change.removedChoices = oldIDs.filter { !newIDs.contains($0) }
      }
      if let question, question.kind == .group {
        change.entries = entryChanges(before, after, group: question)
      }
      changes.append(change)
    }
    return changes
  }

  /// The choice ids a single- or multiple-choice answer selects (none for
  /// other answers).
  static func choiceIDs(_ value: AnswerValue?) -> [String] {
    switch value {
    case .choice(let id)?: return [id]
    case .choices(let ids)?: return ids
    default: return []
    }
  }

  /// Whether two answers are the same in canonical form.
  static func same(_ lhs: AnswerValue, _ rhs: AnswerValue) -> Bool {
    AnswersHash.canonicalValue(lhs) == AnswersHash.canonicalValue(rhs)
  }

  /// An answer as it reads: choice labels, yes/no, "2 data flows".
  static func describe(_ value: AnswerValue, question: Question?) -> String {
    switch value {
    case .choice(let id): return question?.label(ofChoice: id) ?? id
    case .choices(let ids):
      if ids.isEmpty { return "none selected" }
      return ids.map { question?.label(ofChoice: $0) ?? $0 }.joined(separator: "; ")
    case .entries(let entries):
      let noun = question?.itemName ?? "entry"
      let plural = entries.count == 1 ? noun : (noun == "entry" ? "entries" : noun + "s")
      return "\(entries.count) \(plural)"
    default: return value.plainDescription
    }
  }

  /// A readable name for a group entry: the item noun and its first text
  /// answer in quotes ("data flow "Applicant names""), else its number.
  static func label(of entry: GroupEntry, group: Question) -> String {
    // Documents and `pia diff` name an entry by its answers, never by its internal id
    // (`data_flows-3`); without a text answer, by its number.
    let noun = group.itemName ?? "entry"
    for field in group.fields where field.kind == .text {
      if case .text(let text)? = entry.values[field.id], !text.isEmpty {
        return "\(noun) \"\(text)\""
      }
    }
    let number = entry.id.split(separator: "-").last.map(String.init) ?? ""
    return number.allSatisfy(\.isNumber) && !number.isEmpty ? "\(noun) \(number)" : noun
  }

  private static func entryChanges(_ old: AnswerValue?, _ new: AnswerValue?, group: Question)
    -> [EntryChange]
  {
    var before: [GroupEntry] = []
    var after: [GroupEntry] = []
    if case .entries(let entries)? = old { before = entries }
    if case .entries(let entries)? = new { after = entries }
    var changes: [EntryChange] = []
    // Entries in their new order, then removed ones in their old order.
    for entry in after {
      guard let previous = before.first(where: { $0.id == entry.id }) else {
        changes.append(
          EntryChange(
            entryID: entry.id, label: label(of: entry, group: group), kind: .added,
            fields: fieldChanges([:], entry.values, group: group)))
        continue
      }
      let fields = fieldChanges(previous.values, entry.values, group: group)
      if !fields.isEmpty {
        changes.append(
          EntryChange(
            entryID: entry.id, label: label(of: entry, group: group), kind: .changed,
            fields: fields))
      }
    }
    for entry in before where !after.contains(where: { $0.id == entry.id }) {
      changes.append(
        EntryChange(
          entryID: entry.id, label: label(of: entry, group: group), kind: .removed,
          fields: fieldChanges(entry.values, [:], group: group)))
    }
    return changes
  }

  private static func fieldChanges(
    _ old: [String: AnswerValue], _ new: [String: AnswerValue], group: Question
  ) -> [FieldChange] {
    let order = group.fields.map(\.id)
    let others = Set(old.keys).union(new.keys).subtracting(order)
      .sorted(by: CanonicalJSON.codePointOrder)
    var changes: [FieldChange] = []
    for id in order + others {
      let before = old[id]
      let after = new[id]
      if before == nil && after == nil { continue }
      if let before, let after, same(before, after) { continue }
      let field = group.field(id)
      changes.append(
        FieldChange(
          fieldID: id, prompt: field?.prompt ?? id,
          kind: before == nil ? .added : after == nil ? .removed : .changed, from: before,
          to: after, fromText: before.map { describe($0, question: field) },
          toText: after.map { describe($0, question: field) }))
    }
    return changes
  }
}
