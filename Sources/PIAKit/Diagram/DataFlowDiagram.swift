import Foundation

/// The data flows of an assessment as a picture: where personal information comes from, the
/// program that collects it, the systems, vendors and AI tools it goes to, and who receives it
/// outside the program.
///
/// The value is built from the answers (``init(questionnaire:file:)``, the one place that reads
/// them) and drawn with Graphviz (``draw(_:)``). Each data flow is one edge per step, labelled
/// with its data elements in the privacy lead's own words, never a statutory category. Where a
/// system keeps the information (in Canada, outside Canada, unknown) is shown by the box's
/// outline *and* by a line of text; whether the authority to collect is established (MFIPPA
/// s. 28(2)) by the line style *and* by text; colour is never the only signal.
public struct DataFlowDiagram: Sendable, Hashable {
  /// Who a flow's information comes from.
  public enum SourceKind: String, Sendable, Hashable, CaseIterable {
    /// The people the information is about: residents, applicants, members of the public.
    case residents
    /// Municipal staff: caseworkers, programmers, clerks.
    case staff
    /// Other institutions and organizations: agencies, ministries, partners, other systems.
    case otherInstitutions
    /// The answers do not say.
    case notRecorded

    /// The kind in words, as a diagram heading ("Residents").
    public var title: String {
      switch self {
      case .residents: return "Residents"
      case .staff: return "Staff"
      case .otherInstitutions: return "Other institutions"
      case .notRecorded: return "Source not recorded"
      }
    }
  }

  /// Where a system keeps the information.
  public enum Location: String, Sendable, Hashable, CaseIterable {
    /// In Canada (the answer `canada`).
    case inCanada
    /// Outside Canada, in whole or in part (`outside_canada`).
    case outsideCanada
    /// Not known, or not answered.
    case unknown

    /// The location as a line of text in a box ("Stored in Canada").
    public var text: String {
      switch self {
      case .inCanada: return "Stored in Canada"
      case .outsideCanada: return "Stored outside Canada"
      case .unknown: return "Storage location unknown"
      }
    }
  }

  /// Whether the authority to collect (MFIPPA s. 28(2)) is established for a flow.
  public enum Authority: String, Sendable, Hashable {
    /// An authority is named: a statute, law enforcement, or a lawfully authorized activity.
    case established
    /// No authority identified, or the question is not answered yet.
    case notEstablished

    /// The status as text on an edge ("authority established").
    public var text: String {
      switch self {
      case .established: return "authority established"
      case .notEstablished: return "no authority established"
      }
    }
  }

  /// Where one flow's information comes from.
  public struct Source: Sendable, Hashable {
    /// The answer's own words ("Ontario Works and housing subsidy applications"); empty when
    /// not recorded.
    public var name: String
    /// Who that is.
    public var kind: SourceKind

    /// Creates a source.
    public init(name: String, kind: SourceKind) {
      self.name = name
      self.kind = kind
    }
  }

  /// A system, vendor or AI tool that stores or processes the information.
  public struct System: Sendable, Hashable {
    /// Its name in the answers' words ("Content Manager (on premises)").
    public var name: String
    /// The vendor's name, when known ("Anthropic").
    public var vendor: String?
    /// Where it keeps the information.
    public var location: Location
    /// True for the assessment's AI tool.
    public var isAITool: Bool

    /// Creates a system.
    public init(name: String, vendor: String? = nil, location: Location, isAITool: Bool = false) {
      self.name = name
      self.vendor = vendor
      self.location = location
      self.isAITool = isAITool
    }
  }

  /// One data flow: one kind of personal information on its way through the program.
  public struct Flow: Sendable, Hashable {
    /// The flow's number in the inventory (1-based, as in the report's data-flows table).
    public var number: Int
    /// The data elements in plain words ("Applicant names, addresses and income").
    public var dataElements: String
    /// Where the information comes from.
    public var source: Source
    /// The program that collects it.
    public var program: String
    /// The systems, vendors and AI tools it goes to, in the order answered.
    public var systems: [System]
    /// Who receives it outside the program; empty when no one does.
    public var recipients: [String]
    /// Whether the authority to collect it is established.
    public var authority: Authority

    /// Creates a flow.
    public init(
      number: Int, dataElements: String, source: Source, program: String, systems: [System],
      recipients: [String], authority: Authority
    ) {
      self.number = number
      self.dataElements = dataElements
      self.source = source
      self.program = program
      self.systems = systems
      self.recipients = recipients
      self.authority = authority
    }
  }

  /// Which drawing of the flows.
  public enum Variant: String, Sendable, Hashable, CaseIterable {
    /// For the full PIA: one edge per flow and step, each labelled with its data elements;
    /// grouped by source kind, program and system above ``DataFlowDiagram/groupingThreshold``
    /// flows so that it stays legible.
    case full
    /// For the council appendix: always grouped, edges labelled with counts, no more than a
    /// dozen systems and recipients.
    case simplified
  }

  /// Above this many flows the full diagram groups flows by source kind, program and system.
  public static let groupingThreshold = 40

  /// The program the diagram is about, used for flows that name none.
  public var program: String
  /// Systems shown even when no flow reaches them (the AI tool of an assessment that records
  /// no personal information, say).
  public var standingSystems: [System]
  /// The flows, in inventory order.
  public var flows: [Flow]

  /// Creates a diagram from its parts.
  public init(program: String, standingSystems: [System] = [], flows: [Flow]) {
    self.program = program
    self.standingSystems = standingSystems
    self.flows = flows
  }

  /// Whether `variant` draws the flows grouped rather than one edge per flow.
  public func isGrouped(_ variant: Variant) -> Bool {
    variant == .simplified || flows.count > Self.groupingThreshold
  }
}

extension DataFlowDiagram {
  /// Draws the diagram.
  ///
  /// - Parameter variant: The full drawing or the council appendix's simplified one.
  /// - Returns: SVG and PNG bytes (the same for the same diagram) and the alt text.
  /// - Throws: ``Graphviz/Failure`` when Graphviz cannot lay it out or draw it.
  public func draw(_ variant: Variant) throws(Graphviz.Failure) -> DiagramImage {
    let graph = DataFlowGraph(self, variant: variant)
    let outputs = try Graphviz.render(dot: graph.dot(), formats: [.svg, .png])
    return DiagramImage(svg: outputs[0], png: outputs[1], altText: altText(variant))
  }
}
