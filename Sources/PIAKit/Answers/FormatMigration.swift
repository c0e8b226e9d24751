import Yams

/// Reads a format-1 answers file into the format-2 layout.
///
/// Format 1 kept where each data flow is stored in the flow itself
/// (`destination`, `storage_location`, `contract_safeguards`), so moving the
/// vendor to another country meant editing every flow. Format 2 lists each
/// system once under `system_inventory` (`system_name`, `storage_location`,
/// `contract_safeguards`) and a flow picks one (`system: system_inventory-1`).
///
/// The migration runs while the file is read: the moved answers are taken
/// out of each flow's YAML, typed with the systems' questions, gathered into
/// one system per distinct combination (the same ids in the current answers,
/// the inactive answers and every history snapshot), and each flow is given
/// its system. Sign-offs recorded against the format-1 answers are re-pointed
/// to the same answers in the new layout, keeping their original hash
/// (`answers_hash_format_1`), so an approved assessment stays approved.
struct FormatMigration {
  /// The layout version that introduced systems.
  static let format = 2
  static let flows = "data_flows"
  static let systems = "system_inventory"
  static let pick = "system"
  /// Flow question id (format 1) → system question id (format 2).
  static let moves: [(from: String, to: String)] = [
    ("destination", "system_name"), ("storage_location", "storage_location"),
    ("contract_safeguards", "contract_safeguards"),
  ]

  let flowGroup: Question
  let systemGroup: Question
  /// The systems made so far, in order, with the answers that define each.
  private(set) var made: [GroupEntry] = []
  /// Moved answers, by section ("answers", "inactive", "history 2") and flow id.
  private var extracted: [String: [String: [String: Node]]] = [:]
  /// Flows of the current answers given a system.
  private(set) var flowsMoved = 0
  /// Old hash → new hash, for sign-offs.
  private(set) var hashes: [AnswersHash: AnswersHash] = [:]

  /// A migration for `questionnaire`, or `nil` when it has no systems layout
  /// (a questionnaire of a municipality's own keeps format 1 answers as they are).
  init?(questionnaire: Questionnaire) {
    guard let flows = questionnaire.question(Self.flows), flows.kind == .group,
      flows.field(Self.pick)?.choicesFrom == Self.systems,
      let systems = questionnaire.question(Self.systems), systems.kind == .group,
      Self.moves.allSatisfy({ systems.field($0.to) != nil })
    else { return nil }
    flowGroup = flows
    systemGroup = systems
  }

  /// `answers` (a mapping node) without the moved keys in its data flows,
  /// which are kept for `apply`.
  mutating func strip(answers node: Node, section: String) -> Node {
    guard case .mapping(let mapping) = node else { return node }
    let pairs = mapping.map { key, value -> (Node, Node) in
      guard key.scalar?.string == Self.flows, case .sequence(let items) = value else {
        return (key, value)
      }
      var stripped: [Node] = []
      for (index, item) in items.enumerated() {
        guard case .mapping(let entry) = item else {
          stripped.append(item)
          continue
        }
        let id = entry["id"]?.scalar?.string ?? "\(Self.flows)-\(index + 1)"
        var kept: [(Node, Node)] = []
        for (field, fieldValue) in entry {
          if let name = field.scalar?.string,
            let move = Self.moves.first(where: { $0.from == name })
          {
            extracted[section, default: [:]][id, default: [:]][move.to] = fieldValue
          } else {
            kept.append((field, fieldValue))
          }
        }
        stripped.append(.mapping(Node.Mapping(kept, entry.tag, entry.style, entry.mark)))
      }
      return (key, .sequence(Node.Sequence(stripped, .implicit, .block, value.mark)))
    }
    return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
  }

  /// Gives each data flow of `answers` its system (made or found), adds the
  /// systems the flows use, and records the hash the answers had in format 1.
  ///
  /// - Returns: `answers` in the format-2 layout.
  mutating func apply(
    to answers: [String: AnswerValue], section: String, reader: inout YAMLReader
  ) -> [String: AnswerValue] {
    guard let moved = extracted[section], case .entries(var entries)? = answers[Self.flows]
    else { return answers }
    var formatOne = answers
    var used: [String] = []
    var oldEntries = entries
    for index in entries.indices {
      guard let nodes = moved[entries[index].id] else { continue }
      var values: [String: AnswerValue] = [:]
      for (fieldID, node) in nodes where !node.isNull {
        guard let field = systemGroup.field(fieldID),
          let value = AnswerValue.read(node, for: field, reader: &reader)
        else { continue }
        values[fieldID] = value
        if let old = Self.moves.first(where: { $0.to == fieldID })?.from {
          oldEntries[index].values[old] = value
        }
      }
      guard !values.isEmpty else { continue }
      let id = system(for: values)
      entries[index].values[Self.pick] = .choice(id)
      if !used.contains(id) { used.append(id) }
      if section == "answers" { flowsMoved += 1 }
    }
    formatOne[Self.flows] = .entries(oldEntries)
    var result = answers
    result[Self.flows] = .entries(entries)
    if !used.isEmpty {
      result[Self.systems] = .entries(made.filter { used.contains($0.id) })
    }
    hashes[AnswersHash(formatOne)] = AnswersHash(result)
    return result
  }

  /// The id of the system with exactly these answers, made when new.
  private mutating func system(for values: [String: AnswerValue]) -> String {
    if let found = made.first(where: { $0.values == values }) { return found.id }
    var named = values
    if named["system_name"] == nil {
      named["system_name"] = .text("Unnamed system \(made.count + 1)")
    }
    if let found = made.first(where: { $0.values == named }) { return found.id }
    let entry = GroupEntry(id: "\(Self.systems)-\(made.count + 1)", values: named)
    made.append(entry)
    return entry.id
  }

  /// The sentence telling the user what moved.
  var note: String {
    let names = made.map { entry -> String in
      if case .text(let name)? = entry.values["system_name"] { return "\(entry.id) \"\(name)\"" }
      return entry.id
    }
    return "this file is in format 1; where its data flows are kept (destination, storage "
      + "location, contract safeguards) is now asked once per system: \(made.count) "
      + "system\(made.count == 1 ? "" : "s") listed under 'system_inventory' (\(names.joined(separator: ", "))), "
      + "picked by \(flowsMoved) data flow\(flowsMoved == 1 ? "" : "s"); sign-offs point to the "
      + "same answers in the new layout (their format-1 hash is kept as answers_hash_format_1); "
      + "the file is written in format \(Self.format) when next saved"
  }
}
