import Foundation

@testable import PIAKit

/// Shared fixtures and read-back helpers for the DOCX tests.
enum DocxFixture {
  static let date = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

  static let options = DocxWriter.Options(
    title: "Safe Pilot PIA", subject: "Privacy impact assessment", creator: "Privacy Office",
    description: "Test document", created: date, modified: date, status: "Draft",
    headerText: "Town of Example · Safe Pilot PIA",
    footerText: "mfippa-pia v3 · answers 1a2b3c4d5e6f")

  static let sampleMarkdown = """
    # Safe Pilot

    <!-- pia:toc -->

    Intro with **bold**, *italic*, ~~old~~, `code` and a [link](https://www.ipc.on.ca/ "IPC").

    ## Scope

    - first
    - second
      1. nested one
      2. nested two

    3. three
    4. four

    > Quoted *advice*.

    ```
    line 1
    \tline 2
    ```

    ---

    | Item | Count | Note |
    |:-----|------:|:----:|
    | Forms | 12 | kept |

    <!-- pia:page-break -->

    ## Risks

    <!-- pia:heat-map -->
    | Likelihood | Minor | Major |
    |---|---|---|
    | Likely | Medium | Critical |
    | Rare | Low | High |

    ### Sign-off

    <!-- pia:signature -->
    | Role | Name | Title | Date | Decision |
    |---|---|---|---|---|
    | Head of institution | Jane Doe | Clerk | 2026-01-15 | Approved |
    | Privacy coordinator | | | | |

    """

  static func write(_ markdown: String, options: DocxWriter.Options = options) throws -> Data {
    try DocxWriter.write(try MarkdownParser.parse(markdown), options: options)
  }

  /// The parsed `word/document.xml` of a package.
  static func documentXML(_ docx: Data) throws -> XMLNode {
    try DocxPackage(data: docx).xml("word/document.xml")
  }

  /// The raw bytes of one part.
  static func part(_ name: String, of docx: Data) throws -> Data {
    guard let data = try DocxPackage(data: docx).data(name) else {
      throw DocxError("missing part \(name)")
    }
    return data
  }

  /// The visible text of each body paragraph (tables' paragraphs included), `w:tab` as a tab
  /// and `w:br` as a newline.
  static func paragraphTexts(_ node: XMLNode) -> [String] {
    node.descendants("p").map(text(of:))
  }

  static func text(of node: XMLNode) -> String {
    var result = ""
    for child in node.children {
      switch child.name {
      case "t": result += child.text
      case "tab": result += "\t"
      case "br": result += "\n"
      case "instrText", "rPr", "pPr": break
      default: result += text(of: child)
      }
    }
    return result
  }
}
