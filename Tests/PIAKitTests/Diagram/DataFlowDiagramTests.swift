import Foundation
import Testing

@testable import PIAKit

/// Diagram fixtures: the shipped examples, and diagrams built by hand.
enum DiagramFixtures {
  static func example(_ name: String) throws -> DataFlowDiagram {
    let catalog = Fixtures.shipped()
    let questionnaire = try #require(catalog.questionnaire("ai-assistant"))
    let url = Fixtures.repository.appendingPathComponent("Examples/\(name).pia.yaml")
    let (file, diagnostics) = AssessmentFile.loadReporting(
      text: try String(contentsOf: url, encoding: .utf8), path: name, questionnaire: questionnaire)
    let loaded = try #require(file, "\(diagnostics)")
    return DataFlowDiagram(questionnaire: questionnaire, file: loaded)
  }

  static let canada = DataFlowDiagram.System(name: "Records system", location: .inCanada)
  static let abroad = DataFlowDiagram.System(
    name: "Chat tool", vendor: "Vendor Inc.", location: .outsideCanada, isAITool: true)
  static let unknown = DataFlowDiagram.System(name: "Spreadsheet", location: .unknown)

  /// `count` flows over `systems` distinct systems, every third without authority.
  static func flows(_ count: Int, systems: Int = 3, recipients: Int = 2) -> DataFlowDiagram {
    let flows = (1...count).map { number in
      DataFlowDiagram.Flow(
        number: number, dataElements: "Element \(number)",
        source: .init(name: "Source \(number % 4)", kind: number % 2 == 0 ? .residents : .staff),
        program: "Program",
        systems: [
          .init(
            name: "System \(number % systems)", location: number % 5 == 0 ? .unknown : .inCanada)
        ],
        recipients: ["Recipient \(number % recipients)"],
        authority: number % 3 == 0 ? .notEstablished : .established)
    }
    return DataFlowDiagram(program: "Program", flows: flows)
  }
}

@Suite struct DataFlowDiagramAnswersTests {
  @Test func recordsExampleFlows() throws {
    let diagram = try DiagramFixtures.example("records-system-deployment")
    #expect(diagram.program.hasPrefix("Microsoft 365 Copilot connected to the records system"))
    #expect(diagram.flows.map(\.number) == [1, 2, 3])
    #expect(diagram.flows.map(\.source.kind) == [.residents, .staff, .staff])
    #expect(diagram.flows.map(\.authority) == [.established, .established, .notEstablished])
    let first = try #require(diagram.flows.first)
    #expect(first.dataElements == "Applicant names, addresses, income and household composition")
    #expect(
      first.systems.map(\.name).first == "Content Manager (on premises) and Microsoft 365 tenant")
    #expect(first.systems.map(\.isAITool) == [false, true])
    #expect(first.systems.allSatisfy { $0.location == .inCanada })
    #expect(
      first.recipients == [
        "Service Manager at the County", "Ministry of Municipal Affairs and Housing",
      ])
    // "None outside the program" and a `not_disclosed` ground: no recipient.
    #expect(diagram.flows[2].recipients == [])
    // Both listed systems, then the AI tool.
    #expect(diagram.standingSystems.map(\.isAITool) == [false, false, true])
    #expect(diagram.standingSystems.last?.vendor == "Microsoft")
    #expect(diagram.standingSystems.first?.vendor?.hasPrefix("The municipality") == true)
  }

  @Test func personalAccountExampleIsOutsideCanada() throws {
    let diagram = try DiagramFixtures.example("personal-account-pilot")
    let flow = try #require(diagram.flows.first)
    #expect(flow.systems.first?.location == .outsideCanada)
    #expect(flow.source.kind == .residents)
    #expect(flow.recipients == ["OpenAI, under its consumer terms"])
  }

  /// The personal-account pilot lists "Staff members' personal ChatGPT accounts" as its system
  /// and OpenAI (ChatGPT) as its AI tool: one box, drawn as the AI tool, not two.
  @Test func aListedSystemThatIsTheAIToolIsDrawnOnce() throws {
    let diagram = try DiagramFixtures.example("personal-account-pilot")
    #expect(diagram.standingSystems.count == 1)
    let tool = try #require(diagram.standingSystems.first)
    #expect(tool.isAITool && tool.name == "Staff members' personal ChatGPT accounts")
    #expect(diagram.flows.first?.systems == [tool])
    let dot = DataFlowGraph(diagram, variant: .full).dot()
    #expect(dot.components(separatedBy: "ChatGPT accounts").count - 1 == 1, "\(dot)")
    // Copilot is not the records system it connects to: both are drawn.
    let records = try DiagramFixtures.example("records-system-deployment")
    #expect(records.standingSystems.count == 3)
  }

  @Test func safePilotHasNoFlowsButShowsItsAITool() throws {
    let diagram = try DiagramFixtures.example("safe-admin-pilot")
    #expect(diagram.flows.isEmpty)
    let tool = try #require(diagram.standingSystems.first)
    #expect(tool.isAITool && tool.vendor == "Anthropic" && tool.location == .outsideCanada)
  }

  @Test func hiddenAnswersAndBusinessContactsAreLeftOut() throws {
    let catalog = Fixtures.shipped()
    let questionnaire = try #require(catalog.questionnaire("ai-assistant"))
    let entry: [String: AnswerValue] = [
      "data_element": .text("Names"), "pi_category": .choice("name_with_other_pi"),
      "authority": .choice("none"), "through_ai_tool": .bool(true),
      "system": .choice("system_inventory-1"),
    ]
    var business = entry
    business["pi_category"] = .choice("business_contact")
    let file = AssessmentFile(
      questionnaireID: "ai-assistant", questionnaireVersion: 1,
      assessment: AssessmentInfo(title: "Titled"),
      answers: [
        "uses_ai_tool": .bool(false), "ai_vendor": .choice("openai"),
        "system_inventory": .entries([
          GroupEntry(
            id: "system_inventory-1",
            values: [
              "system_name": .text("Files"), "system_vendor": .text("  "),
              "storage_location": .choice("outside_canada"),
            ])
        ]),
        "data_flows": .entries([
          GroupEntry(id: "data_flows-1", values: business),
          GroupEntry(id: "data_flows-2", values: entry),
        ]),
      ])
    let diagram = DataFlowDiagram(questionnaire: questionnaire, file: file)
    #expect(diagram.program == "Titled")
    // No AI tool: `uses_ai_tool` is no, so `ai_vendor` and `through_ai_tool` are hidden.
    let files = DataFlowDiagram.System(name: "Files", vendor: nil, location: .outsideCanada)
    #expect(diagram.standingSystems == [files])
    #expect(diagram.flows.map(\.number) == [2])
    #expect(diagram.flows.first?.systems == [files])
    #expect(diagram.flows.first?.authority == .notEstablished)
  }
}

@Suite struct DataFlowGraphTests {
  @Test func oneEdgePerFlowAndStep() throws {
    let diagram = try DiagramFixtures.example("records-system-deployment")
    let graph = DataFlowGraph(diagram, variant: .full)
    // Per flow: source → program, program → 2 systems, first system → each recipient.
    #expect(graph.edges.count == 3 + 6 + 3)
    #expect(graph.edges.filter { $0.authority == .notEstablished }.count == 3)
    for edge in graph.edges where edge.authority == .notEstablished {
      #expect(edge.lines.last == "no authority established")
    }
    #expect(graph.edges.first?.lines.first == "1. Applicant names, addresses,")
  }

  @Test func dotShowsLocationAndAuthorityByStyleAndText() {
    let flow = DataFlowDiagram.Flow(
      number: 1, dataElements: "Names", source: .init(name: "Forms", kind: .residents),
      program: "Program",
      systems: [DiagramFixtures.canada, DiagramFixtures.abroad, DiagramFixtures.unknown],
      recipients: [], authority: .notEstablished)
    let dot = DataFlowGraph(DataFlowDiagram(program: "Program", flows: [flow]), variant: .full)
      .dot()
    let line = { (needle: String) in dot.split(separator: "\n").first { $0.contains(needle) } ?? ""
    }
    #expect(
      line("\"System\\nRecords system\\nStored in Canada\"").contains("shape=box, style=filled"))
    #expect(line("Stored outside Canada\"").contains("peripheries=2"))
    #expect(line("Storage location unknown\"").contains("dashed"))
    #expect(line("1. Names").contains("style=dashed"))
    #expect(line("1. Names").contains("no authority established"))
    #expect(dot.contains("Stored outside Canada (double outline)"))
    #expect(dot.contains("No authority to collect established (dashed line)"))
  }

  @Test func labelsAreEscapedForDOT() throws {
    let flow = DataFlowDiagram.Flow(
      number: 1, dataElements: "Quote \" and back\\slash \\N\u{1}",
      source: .init(name: "\\\\server\\share", kind: .staff), program: "P", systems: [],
      recipients: [], authority: .established)
    let diagram = DataFlowDiagram(program: "P", flows: [flow])
    let dot = DataFlowGraph(diagram, variant: .full).dot()
    #expect(dot.contains(#"Quote \" and back\\slash \\N"#))
    #expect(dot.contains(#"\\\\server\\share"#))
    #expect(!dot.contains("\u{1}"))
    let svg = String(decoding: try diagram.draw(.full).svg, as: UTF8.self)
    #expect(svg.contains("Quote &quot; and back\\slash \\N"))
  }

  @Test func manyFlowsAreGroupedAndStayBounded() {
    let diagram = DiagramFixtures.flows(1_000, systems: 200, recipients: 100)
    #expect(diagram.isGrouped(.full))
    let graph = DataFlowGraph(diagram, variant: .full)
    let systems = graph.nodes.filter { $0.column == .systems }
    // 24 most used systems, plus one "other systems" node per location.
    #expect(systems.count == 24 + 2)
    #expect(
      systems.contains {
        $0.lines.first == "Other systems" && $0.lines.last == "Storage location unknown"
      })
    #expect(graph.nodes.filter { $0.column == .recipients }.count == 16 + 1)
    #expect(
      graph.nodes.filter { $0.column == .sources }.map(\.lines) == [
        ["Staff", "500 data flows"], ["Residents", "500 data flows"],
      ])
    #expect(graph.edges.count < 200)
    #expect(graph.note?.hasPrefix("1,000 data flows, grouped") == true)
    // Edges keep the authority split: the same ends may have a solid and a dashed edge.
    let toProgram = graph.edges.filter { $0.from == graph.nodes[0].id }
    #expect(Set(toProgram.map(\.authority)) == [.established, .notEstablished])
  }

  @Test func fortyFlowsAreDrawnOneByOne() {
    #expect(!DiagramFixtures.flows(40).isGrouped(.full))
    #expect(DiagramFixtures.flows(41).isGrouped(.full))
    #expect(DiagramFixtures.flows(2).isGrouped(.simplified))
    let simplified = DataFlowGraph(DiagramFixtures.flows(2), variant: .simplified)
    #expect(simplified.edges.first?.lines == ["1 kind of personal information"])
  }

  @Test func noFlowsStillDrawsTheProgramAndTool() throws {
    let diagram = try DiagramFixtures.example("safe-admin-pilot")
    let graph = DataFlowGraph(diagram, variant: .full)
    #expect(graph.nodes.map(\.column) == [.programs, .systems])
    #expect(graph.edges.isEmpty)
    #expect(graph.note == "No data flows of personal information were recorded.")
  }

  @Test func recordsExampleDOT() throws {
    let diagram = try DiagramFixtures.example("records-system-deployment")
    assertSnapshot(
      of: DataFlowGraph(diagram, variant: .full).dot(), named: "records-data-flows",
      extension: "dot")
    assertSnapshot(
      of: DataFlowGraph(diagram, variant: .simplified).dot(),
      named: "records-data-flows-simplified",
      extension: "dot")
  }
}

@Suite struct DataFlowDiagramDrawingTests {
  @Test(arguments: ["safe-admin-pilot", "personal-account-pilot", "records-system-deployment"])
  func examplesDrawDeterministically(name: String) throws {
    let diagram = try DiagramFixtures.example(name)
    for variant in DataFlowDiagram.Variant.allCases {
      let first = try diagram.draw(variant)
      let second = try diagram.draw(variant)
      #expect(first.svg == second.svg, "\(name) \(variant): two SVG drawings differ")
      #expect(first.png == second.png, "\(name) \(variant): two PNG drawings differ")
      let svg = try XMLNode.parse(first.svg, part: "\(name).\(variant).svg")
      #expect(svg.name == "svg")
      #expect(first.png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
      for flow in diagram.flows where variant == .full {
        #expect(String(decoding: first.svg, as: UTF8.self).contains("\(flow.number). "))
      }
    }
  }

  @Test func altTextStatesEveryFlow() throws {
    let diagram = try DiagramFixtures.example("records-system-deployment")
    let text = diagram.altText(.full)
    for flow in diagram.flows {
      #expect(text.contains("Flow \(flow.number) – \(flow.dataElements)"))
    }
    #expect(text.contains("No authority to collect established."))
    #expect(text.contains("; stored in Canada)"))
    #expect(text.contains("disclosed to Service Manager at the County and Ministry"))
    assertSnapshot(of: text, named: "records-data-flows-alt-text")
  }

  @Test func altTextOfGroupedFlowsCounts() {
    let text = DiagramFixtures.flows(1_000, systems: 2).altText(.full)
    #expect(text.contains("1,000 data flows, grouped by source, program and system."))
    #expect(text.contains("They come from residents (500) and staff (500)."))
    #expect(text.contains("200 flows are held where the storage location is unknown."))
    #expect(text.contains("333 flows have no established authority to collect."))
  }

  @Test func altTextOfNoFlowsNamesTheTool() throws {
    let text = try DiagramFixtures.example("safe-admin-pilot").altText(.simplified)
    #expect(text.contains("No data flows of personal information were recorded."))
    #expect(text.contains("the AI tool Claude (Team plan)"))
    #expect(text.contains("(provided by Anthropic; stored outside Canada)"))
  }
}

@Suite struct DiagramTextTests {
  @Test func wrapsCleansAndCounts() {
    #expect(DiagramText.clean("  a\n\tb\u{7}c \u{FFFE} ") == "a b c")
    #expect(
      DiagramText.wrap("one two three four", width: 9, maxLines: 5) == ["one two", "three", "four"])
    #expect(DiagramText.wrap("abcdefghijkl", width: 5, maxLines: 5) == ["abcde", "fghij", "kl"])
    #expect(
      DiagramText.wrap("one two three four five", width: 9, maxLines: 2) == ["one two", "three…"])
    #expect(DiagramText.truncate("short", to: 10) == "short")
    #expect(DiagramText.truncate("names and home addresses", to: 12) == "names and…")
    #expect(DiagramText.count(1_234_567) == "1,234,567")
    #expect(DiagramText.count(999) == "999")
    #expect(DiagramText.list(["a", "b", "c"]) == "a, b and c")
    #expect(DiagramText.list(["a, b", "c", "d"]) == "a, b; c and d")
  }
}
