extension DataFlowDiagram {
  /// The diagram in words, for alt text: every flow (or, grouped, every group) with where it
  /// comes from, where it goes, where it is stored and whether the authority is established.
  ///
  /// - Parameter variant: The drawing the text stands for.
  /// - Returns: Plain sentences, one paragraph.
  public func altText(_ variant: Variant) -> String {
    let name = DiagramText.clean(program)
    var sentences = ["Data-flow diagram for \(name.isEmpty ? "the program" : name)."]
    let reached = Set(flows.flatMap(\.systems))
    let unreached = standingSystems.filter { !reached.contains($0) }.map(Self.describe)
    if flows.isEmpty {
      sentences.append("No data flows of personal information were recorded.")
      if !unreached.isEmpty {
        sentences.append("It shows the program and " + DiagramText.list(unreached) + ".")
      }
      return sentences.joined(separator: " ")
    }
    if isGrouped(variant) {
      sentences += groupedSentences()
    } else {
      sentences.append(
        DiagramText.count(flows.count, "data flow", "data flows").capitalizedFirst + ".")
      let oneProgram = Set(flows.map(\.program)).count == 1
      sentences += flows.map { flowSentence($0, namesProgram: !oneProgram) }
    }
    if !unreached.isEmpty {
      sentences.append("No flow reaches " + DiagramText.list(unreached) + ".")
    }
    return sentences.joined(separator: " ")
  }

  /// "Flow 2 – caseworker notes …: from … (staff) to the program, then to … (stored in Canada);
  /// disclosed to …. Authority to collect established."
  private func flowSentence(_ flow: Flow, namesProgram: Bool) -> String {
    var text = "Flow \(flow.number) – \(DiagramText.clean(flow.dataElements)): from "
    let source = DiagramText.clean(flow.source.name)
    let kind = flow.source.kind.title.lowercased()
    text += source.isEmpty ? kind : "\(source) (\(kind))"
    text += namesProgram ? " to the program \(DiagramText.clean(flow.program))" : " to the program"
    if !flow.systems.isEmpty {
      text += ", then to " + DiagramText.list(flow.systems.map(Self.describe))
    }
    if !flow.recipients.isEmpty {
      text += "; disclosed to " + DiagramText.list(flow.recipients.map(DiagramText.clean))
    }
    let authority =
      flow.authority == .established
      ? "Authority to collect established." : "No authority to collect established."
    return text + ". " + authority
  }

  /// The grouped drawing in words: counts by source kind, system and recipient.
  private func groupedSentences() -> [String] {
    var sentences = [
      DiagramText.count(flows.count, "data flow", "data flows").capitalizedFirst
        + ", grouped by source, program and system."
    ]
    let kinds = SourceKind.allCases.compactMap { kind -> String? in
      let count = flows.filter { $0.source.kind == kind }.count
      guard count > 0 else { return nil }
      return "\(kind.title.lowercased()) (\(DiagramText.count(count)))"
    }
    sentences.append("They come from " + DiagramText.list(kinds) + ".")
    let programs = Self.counted(flows.map { DiagramText.clean($0.program) })
    if programs.count > 1 {
      sentences.append(
        "Programs: "
          + DiagramText.list(programs.map { "\($0.value) (\(DiagramText.count($0.count)))" })
          + ".")
    }
    let systems = Self.counted(flows.flatMap(\.systems))
    if !systems.isEmpty {
      let shown = systems.prefix(12).map {
        "\(Self.describe($0.value)) (\(DiagramText.count($0.count, "flow", "flows")))"
      }
      let rest =
        systems.count > 12 ? " and \(DiagramText.count(systems.count - 12)) other systems" : ""
      sentences.append("They go to " + DiagramText.list(Array(shown)) + rest + ".")
    }
    for location in Location.allCases where location != .inCanada {
      let count = flows.filter { $0.systems.contains { $0.location == location } }.count
      if count > 0 {
        sentences.append(
          "\(DiagramText.count(count, "flow is", "flows are")) "
            + (location == .outsideCanada
              ? "stored outside Canada, in whole or in part."
              : "held where the storage location is unknown."))
      }
    }
    let recipients = Self.counted(flows.flatMap { $0.recipients.map(DiagramText.clean) })
    if !recipients.isEmpty {
      let shown = recipients.prefix(12).map { "\($0.value) (\(DiagramText.count($0.count)))" }
      let rest =
        recipients.count > 12 ? " and \(DiagramText.count(recipients.count - 12)) others" : ""
      sentences.append("They are disclosed to " + DiagramText.list(Array(shown)) + rest + ".")
    }
    let missing = flows.filter { $0.authority == .notEstablished }.count
    sentences.append(
      missing == 0
        ? "Every flow has an established authority to collect."
        : "\(DiagramText.count(missing, "flow has", "flows have")) no established authority to collect."
    )
    return sentences
  }

  /// "the AI tool Claude (provided by Anthropic; stored outside Canada)"
  static func describe(_ system: System) -> String {
    let name = (system.isAITool ? "the AI tool " : "") + DiagramText.clean(system.name)
    var details: [String] = []
    if let vendor = system.vendor, !vendor.isEmpty {
      details.append("provided by \(DiagramText.clean(vendor))")
    }
    switch system.location {
    case .inCanada: details.append("stored in Canada")
    case .outsideCanada: details.append("stored outside Canada")
    case .unknown: details.append("storage location unknown")
    }
    return "\(name) (\(details.joined(separator: "; ")))"
  }

  /// Values with how often each occurs, most frequent first, ties in first-seen order.
  static func counted<T: Hashable>(_ values: [T]) -> [(value: T, count: Int)] {
    var counts: [T: Int] = [:]
    var order: [T] = []
    for value in values {
      if counts[value] == nil { order.append(value) }
      counts[value, default: 0] += 1
    }
    return order.enumerated()
      .sorted { (counts[$0.element] ?? 0, -$0.offset) > (counts[$1.element] ?? 0, -$1.offset) }
      .map { ($0.element, counts[$0.element] ?? 0) }
  }
}
