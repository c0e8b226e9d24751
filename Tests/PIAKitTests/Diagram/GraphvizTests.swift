import Foundation
import Testing

@testable import PIAKit

@Suite struct GraphvizTests {
  static let dot = """
    digraph flows {
      fontname="DejaVu Sans"; node [fontname="DejaVu Sans", shape=box]; edge [fontname="DejaVu Sans"]
      residents [label="Residents"]
      program [label="Rent supplement program"]
      subgraph cluster_0 { label="Systems"; records [label="Content Manager\\nStored in Canada"] }
      residents -> program [label="names and income"]
      program -> records [label="names and income", style=dashed]
    }
    """

  @Test func drawsSVGAndPNG() throws {
    let outputs = try Graphviz.render(dot: Self.dot, formats: [.svg, .png])
    #expect(outputs.count == 2)
    let svg = String(decoding: outputs[0], as: UTF8.self)
    #expect(svg.contains("<svg"))
    #expect(svg.contains("Content Manager"))
    #expect(svg.contains("font-family=\"DejaVu Sans"))
    #expect(outputs[1].starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
  }

  @Test func sameInputGivesSameBytes() throws {
    let first = try Graphviz.render(dot: Self.dot, formats: [.svg, .png])
    let second = try Graphviz.render(dot: Self.dot, formats: [.svg, .png])
    #expect(first == second)
  }

  @Test func concurrentCallsAreSerializedAndAgree() async throws {
    let expected = try Graphviz.render(dot: Self.dot, formats: [.svg, .png])
    let results = await withTaskGroup(of: [Data]?.self) { group in
      for _ in 0..<8 {
        group.addTask { try? Graphviz.render(dot: Self.dot, formats: [.svg, .png]) }
      }
      var all: [[Data]?] = []
      for await result in group { all.append(result) }
      return all
    }
    #expect(results.count == 8)
    #expect(results.allSatisfy { $0 == expected })
  }

  @Test func badDOTIsAFailureWithGraphvizWords() {
    #expect {
      _ = try Graphviz.render(dot: "digraph { a -> }", formats: [.svg])
    } throws: { error in
      guard let failure = error as? Graphviz.Failure else { return false }
      return failure.message.hasPrefix("the diagram's DOT text does not parse")
        && failure.message.contains("syntax error")
    }
  }

  @Test func aFailureDoesNotLeakIntoTheNextCall() throws {
    _ = try? Graphviz.render(dot: "digraph { a -> }", formats: [.svg])
    let outputs = try Graphviz.render(dot: "digraph { a -> b }", formats: [.svg])
    #expect(String(decoding: outputs[0], as: UTF8.self).contains("<svg"))
  }
}
