extension DataFlowGraph {
  /// The font every label uses: installed with Graphviz's Debian dependencies, named explicitly
  /// so that the SVG names it and the PNG does not depend on fontconfig's fallback for
  /// "Times-Roman".
  static let fontName = "DejaVu Sans"

  /// The largest drawing, in inches (width, height): Graphviz scales a bigger layout down, which
  /// keeps the PNG under cairo's 32,767-pixel limit.
  static let maximumSize = (width: 100, height: 300)

  /// The graph in the DOT language: one cluster per column, left to right, then a legend.
  func dot() -> String {
    var out = "digraph \"data flows\" {\n"
    let heading = [title] + (note.map { [$0] } ?? [])
    out += "  graph [rankdir=LR, newrank=true, nodesep=0.25, ranksep=0.8, pad=0.25, dpi=96,"
    out += " size=\"\(Self.maximumSize.width),\(Self.maximumSize.height)\", labelloc=t,"
    out += " labeljust=l, fontsize=14, fontname=\(Self.quoted(Self.fontName)),"
    out += " label=\(Self.leftLabel(heading))]\n"
    out += "  node [fontname=\(Self.quoted(Self.fontName)), fontsize=10, margin=\"0.12,0.06\"]\n"
    out += "  edge [fontname=\(Self.quoted(Self.fontName)), fontsize=9, arrowsize=0.7]\n"
    for column in Column.allCases {
      let members = nodes.filter { $0.column == column }
      guard !members.isEmpty else { continue }
      out += "  subgraph cluster_\(column.rawValue) {\n"
      out +=
        "    label=\(Self.quoted(column.title)); fontsize=11; style=rounded; color=\"#888888\"\n"
      for node in members {
        out += "    \(node.id) [\(Self.attributes(node.style)), label=\(Self.label(node.lines))]\n"
      }
      out += "  }\n"
    }
    for edge in edges {
      out += "  \(edge.from) -> \(edge.to) [\(Self.attributes(edge.authority)),"
      out += " label=\(Self.label(edge.lines))]\n"
    }
    for placement in placements {
      out += "  \(placement.from) -> \(placement.to) [style=invis]\n"
    }
    out += legend()
    out += "}\n"
    return out
  }

  /// The legend, one HTML-like table: a sample of each outline and line style, and its meaning
  /// in words.
  private func legend() -> String {
    func row(_ sample: String, _ text: String, colour: String = "#000000") -> String {
      "<TR><TD>\(sample)</TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"\(colour)\">\(text)</FONT></TD></TR>"
    }
    let box = "BORDER=\"1\" COLOR=\"#000000\" WIDTH=\"44\" HEIGHT=\"22\""
    let line = "SIDES=\"B\" WIDTH=\"44\" HEIGHT=\"11\""
    let rows = [
      "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\">Legend</FONT></TD></TR>",
      row(
        "<TABLE \(box) CELLBORDER=\"0\" BGCOLOR=\"#ffffff\"><TR><TD> </TD></TR></TABLE>",
        "Stored in Canada (single outline)"),
      row(
        "<TABLE BORDER=\"1\" CELLBORDER=\"1\" CELLSPACING=\"2\" CELLPADDING=\"0\""
          + " COLOR=\"#000000\" BGCOLOR=\"#fdf0d5\"><TR><TD WIDTH=\"36\" HEIGHT=\"14\"> </TD></TR>"
          + "</TABLE>",
        "Stored outside Canada (double outline)"),
      row(
        "<TABLE \(box) STYLE=\"dashed\" CELLBORDER=\"0\" BGCOLOR=\"#e8e8e8\"><TR><TD> </TD></TR>"
          + "</TABLE>",
        "Storage location unknown (dashed outline)"),
      row(
        "<TABLE BORDER=\"0\" CELLBORDER=\"1\" COLOR=\"#000000\"><TR><TD \(line)> </TD></TR></TABLE>",
        "Authority to collect established (solid line)"),
      row(
        "<TABLE BORDER=\"0\" CELLBORDER=\"2\" COLOR=\"\(Self.warning)\"><TR><TD \(line)"
          + " STYLE=\"dashed\"> </TD></TR></TABLE>",
        "No authority to collect established (dashed line)", colour: Self.warning),
    ]
    return "  legend [shape=plaintext, margin=0, label=<<TABLE BORDER=\"1\" COLOR=\"#888888\""
      + " CELLBORDER=\"0\" CELLSPACING=\"6\" CELLPADDING=\"4\" STYLE=\"rounded\">\n"
      + rows.map { "    " + $0 + "\n" }.joined() + "  </TABLE>>]\n"
  }

  /// The colour that repeats "no authority established" (never its only sign).
  static let warning = "#9b1c1c"

  /// Shape and outline for a node style. The location of a system is its outline (single,
  /// double, dashed) and a line of its label; the fill only repeats it.
  static func attributes(_ style: Style) -> String {
    switch style {
    case .source: return "shape=ellipse"
    case .recipient: return "shape=ellipse, style=filled, fillcolor=\"#f2f2f2\""
    case .program: return "shape=box, style=\"rounded,bold\""
    case .system(.inCanada): return "shape=box, style=filled, fillcolor=\"#ffffff\""
    case .system(.outsideCanada):
      return "shape=box, peripheries=2, style=filled, fillcolor=\"#fdf0d5\""
    case .system(.unknown):
      return "shape=box, style=\"dashed,filled\", penwidth=1.6, fillcolor=\"#e8e8e8\""
    }
  }

  /// Line style for an authority status: solid, or dashed and heavier; the label says it too.
  static func attributes(_ authority: DataFlowDiagram.Authority) -> String {
    switch authority {
    case .established: return "style=solid"
    case .notEstablished:
      return "style=dashed, penwidth=2, color=\"\(warning)\", fontcolor=\"\(warning)\""
    }
  }

  /// A centred multi-line label.
  static func label(_ lines: [String]) -> String {
    "\"" + lines.map(escaped).joined(separator: "\\n") + "\""
  }

  /// A label whose lines are left-justified.
  static func leftLabel(_ lines: [String]) -> String {
    "\"" + lines.map { escaped($0) + "\\l" }.joined() + "\""
  }

  /// A quoted DOT string.
  static func quoted(_ text: String) -> String { "\"" + escaped(text) + "\"" }

  /// `text` inside a DOT double-quoted string: backslashes doubled (Graphviz would read `\N`,
  /// `\G`, `\l` and so on as escapes) and quotes escaped.
  static func escaped(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n", "\r": out += " "
      default: out.append(character)
      }
    }
    return out
  }
}
