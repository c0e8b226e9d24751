/// The nodes and edges a ``DataFlowDiagram`` is drawn with, for one variant: what goes in which
/// column, with which words, before any DOT is written.
///
/// Ungrouped, every flow gives one edge per step: source → program, program → each of its
/// systems, and its first system (else the program) → each recipient. Grouped (the simplified
/// variant, or more than ``DataFlowDiagram/groupingThreshold`` flows), sources are merged by
/// kind, the systems and recipients reached by the fewest flows are merged into "other" nodes
/// (by storage location, so the location is still shown), and edges with the same ends and the
/// same authority status are merged and labelled with their count.
struct DataFlowGraph: Sendable, Hashable {
  /// The four columns, left to right.
  enum Column: Int, Sendable, Hashable, CaseIterable {
    case sources, programs, systems, recipients

    /// The column's heading.
    var title: String {
      switch self {
      case .sources: return "Where it comes from"
      case .programs: return "The program"
      case .systems: return "Systems, vendors and AI tools"
      case .recipients: return "Who receives it outside the program"
      }
    }
  }

  /// How a node is drawn.
  enum Style: Sendable, Hashable {
    case source, program, recipient
    case system(DataFlowDiagram.Location)
  }

  /// One box or ellipse.
  struct Node: Sendable, Hashable {
    var id: String
    var column: Column
    var style: Style
    /// The label, one line per element; the first is the heading line.
    var lines: [String]
  }

  /// One arrow.
  struct Edge: Sendable, Hashable {
    var from: String
    var to: String
    var lines: [String]
    var authority: DataFlowDiagram.Authority
  }

  var title: String
  var nodes: [Node] = []
  var edges: [Edge] = []
  /// An invisible edge that only places a node in its column (a system no flow reaches).
  struct Placement: Sendable, Hashable {
    var from: String
    var to: String
  }

  var placements: [Placement] = []
  /// A sentence under the title, when there is something to say about the whole diagram.
  var note: String?

  /// Label widths and limits, in characters.
  static let nodeWidth = 30
  static let edgeWidth = 34
  /// Systems and recipients drawn one by one before the rest are merged, per variant.
  static let systemCap: [DataFlowDiagram.Variant: Int] = [.full: 24, .simplified: 10]
  static let recipientCap: [DataFlowDiagram.Variant: Int] = [.full: 16, .simplified: 8]

  init(_ diagram: DataFlowDiagram, variant: DataFlowDiagram.Variant) {
    title = "Personal information flows: " + DiagramText.truncate(diagram.program, to: 90)
    var builder = Builder(diagram: diagram, variant: variant)
    if diagram.flows.isEmpty { _ = builder.program(diagram.program) }
    if diagram.isGrouped(variant) {
      builder.addGrouped()
    } else {
      builder.addEach()
    }
    builder.addStandingSystems()
    nodes = builder.nodes
    edges = builder.edges
    placements = builder.placements
    if diagram.flows.isEmpty {
      note = "No data flows of personal information were recorded."
    } else if diagram.isGrouped(variant) {
      note =
        "\(DiagramText.count(diagram.flows.count, "data flow", "data flows")), grouped by source,"
        + " program and system; the data-flows table lists each one."
    }
  }
}

/// Collects nodes (each once, in first-seen order) and edges.
private struct Builder {
  let diagram: DataFlowDiagram
  let variant: DataFlowDiagram.Variant
  var nodes: [DataFlowGraph.Node] = []
  var edges: [DataFlowGraph.Edge] = []
  var placements: [DataFlowGraph.Placement] = []
  private var ids: [String: String] = [:]

  init(diagram: DataFlowDiagram, variant: DataFlowDiagram.Variant) {
    self.diagram = diagram
    self.variant = variant
  }

  /// The node for `key`, created with `lines` the first time.
  mutating func node(
    _ key: String, column: DataFlowGraph.Column, style: DataFlowGraph.Style, lines: () -> [String]
  ) -> String {
    if let id = ids[key] { return id }
    let id = "n\(nodes.count + 1)"
    ids[key] = id
    nodes.append(.init(id: id, column: column, style: style, lines: lines()))
    return id
  }

  static func wrapped(_ text: String) -> [String] {
    DiagramText.wrap(DiagramText.clean(text), width: DataFlowGraph.nodeWidth, maxLines: 4)
  }

  mutating func program(_ name: String) -> String {
    node("p|" + name, column: .programs, style: .program) {
      Self.wrapped(name.isEmpty ? "Program not named" : name)
    }
  }

  mutating func system(_ system: DataFlowDiagram.System) -> String {
    let key =
      "s|\(system.isAITool)|\(system.location.rawValue)|\(system.name)|\(system.vendor ?? "")"
    return node(key, column: .systems, style: .system(system.location)) {
      var lines = [system.isAITool ? "AI tool" : "System"]
      lines += Self.wrapped(system.name.isEmpty ? "Not named" : system.name)
      if let vendor = system.vendor, !vendor.isEmpty {
        lines += DiagramText.wrap(
          "Vendor: " + DiagramText.clean(vendor), width: DataFlowGraph.nodeWidth, maxLines: 2)
      }
      return lines + [system.location.text]
    }
  }

  mutating func recipient(_ name: String) -> String {
    node("r|" + name, column: .recipients, style: .recipient) { Self.wrapped(name) }
  }

  // MARK: One edge per flow

  mutating func addEach() {
    for flow in diagram.flows {
      let source = node(
        "src|\(flow.source.kind.rawValue)|\(flow.source.name)", column: .sources, style: .source
      ) {
        [flow.source.kind.title] + (flow.source.name.isEmpty ? [] : Self.wrapped(flow.source.name))
      }
      let program = program(flow.program)
      let label = Self.flowLabel(flow)
      edges.append(.init(from: source, to: program, lines: label, authority: flow.authority))
      var last = program
      for (index, system) in flow.systems.enumerated() {
        let id = self.system(system)
        edges.append(.init(from: program, to: id, lines: label, authority: flow.authority))
        if index == 0 { last = id }
      }
      for name in flow.recipients {
        edges.append(
          .init(from: last, to: recipient(name), lines: label, authority: flow.authority))
      }
    }
  }

  /// "2. Caseworker notes about …" and, when so, "no authority established".
  static func flowLabel(_ flow: DataFlowDiagram.Flow) -> [String] {
    let text = "\(flow.number). " + DiagramText.clean(flow.dataElements)
    let lines = DiagramText.wrap(text, width: DataFlowGraph.edgeWidth, maxLines: 3)
    return flow.authority == .established ? lines : lines + [flow.authority.text]
  }

  // MARK: Grouped

  mutating func addGrouped() {
    let systemCap = DataFlowGraph.systemCap[variant] ?? 24
    let recipientCap = DataFlowGraph.recipientCap[variant] ?? 16
    // The standing systems (the AI tool) are always drawn on their own.
    let keptSystems = Set(Self.mostUsed(diagram.flows.flatMap(\.systems), cap: systemCap))
      .union(diagram.standingSystems)
    let keptRecipients = Set(Self.mostUsed(diagram.flows.flatMap(\.recipients), cap: recipientCap))
    var otherSystems: [DataFlowDiagram.Location: Set<DataFlowDiagram.System>] = [:]
    var otherRecipients: Set<String> = []
    for flow in diagram.flows {
      for system in flow.systems where !keptSystems.contains(system) {
        otherSystems[system.location, default: []].insert(system)
      }
      otherRecipients.formUnion(flow.recipients.filter { !keptRecipients.contains($0) })
    }
    var groups: [EdgeKey: [DataFlowDiagram.Flow]] = [:]
    var order: [EdgeKey] = []
    func add(_ from: String, _ to: String, _ flow: DataFlowDiagram.Flow) {
      let key = EdgeKey(from: from, to: to, authority: flow.authority)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(flow)
    }
    let sourceCounts = Dictionary(grouping: diagram.flows, by: \.source.kind).mapValues(\.count)
    for flow in diagram.flows {
      let kind = flow.source.kind
      let source = node("kind|" + kind.rawValue, column: .sources, style: .source) {
        [kind.title, DiagramText.count(sourceCounts[kind] ?? 0, "data flow", "data flows")]
      }
      let program = program(flow.program)
      add(source, program, flow)
      var last = program
      var seen: Set<String> = []
      for (index, system) in flow.systems.enumerated() {
        let id: String
        if keptSystems.contains(system) {
          id = self.system(system)
        } else {
          let count = otherSystems[system.location]?.count ?? 0
          id = node(
            "other-s|" + system.location.rawValue, column: .systems,
            style: .system(system.location)
          ) {
            ["Other systems", DiagramText.count(count, "system", "systems"), system.location.text]
          }
        }
        if index == 0 { last = id }
        if seen.insert(id).inserted { add(program, id, flow) }
      }
      for name in flow.recipients {
        let id =
          keptRecipients.contains(name)
          ? recipient(name)
          : node("other-r", column: .recipients, style: .recipient) {
            [
              "Other recipients",
              DiagramText.count(otherRecipients.count, "recipient", "recipients"),
            ]
          }
        if seen.insert(id).inserted { add(last, id, flow) }
      }
    }
    for key in order {
      let flows = groups[key] ?? []
      edges.append(
        .init(from: key.from, to: key.to, lines: groupLabel(flows), authority: key.authority))
    }
  }

  struct EdgeKey: Hashable {
    var from: String
    var to: String
    var authority: DataFlowDiagram.Authority
  }

  /// "3 data flows", then (full variant) up to three of their data elements; "no authority
  /// established" when so.
  func groupLabel(_ flows: [DataFlowDiagram.Flow]) -> [String] {
    var lines: [String]
    if variant == .simplified {
      lines = [
        DiagramText.count(
          flows.count, "kind of personal information", "kinds of personal information")
      ]
    } else {
      lines = [DiagramText.count(flows.count, "data flow", "data flows") + ":"]
      var elements: [String] = []
      for flow in flows {
        let text = DiagramText.clean(flow.dataElements)
        if !text.isEmpty, !elements.contains(text) { elements.append(text) }
      }
      for element in elements.prefix(3) {
        lines.append(DiagramText.truncate(element, to: DataFlowGraph.edgeWidth))
      }
      if elements.count > 3 { lines.append("and \(DiagramText.count(elements.count - 3)) more") }
    }
    if let authority = flows.first?.authority, authority == .notEstablished {
      lines.append(authority.text)
    }
    return lines
  }

  /// The `cap` values used most often, most used first, ties in first-seen order.
  static func mostUsed<T: Hashable>(_ values: [T], cap: Int) -> [T] {
    DataFlowDiagram.counted(values).prefix(cap).map(\.value)
  }

  // MARK: Systems no flow reaches

  mutating func addStandingSystems() {
    for system in diagram.standingSystems {
      let id = self.system(system)
      guard !edges.contains(where: { $0.to == id }),
        let program = nodes.first(where: { $0.column == .programs })
      else { continue }
      placements.append(.init(from: program.id, to: id))
    }
  }
}
