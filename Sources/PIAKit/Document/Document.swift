/// A parsed Markdown document: the tree the DOCX writer walks.
///
/// The model is plain Swift values. It knows nothing about cmark-gfm or libxml2, so it can be
/// built by hand in tests and inspected by any renderer.
public struct Document: Sendable, Equatable {
  /// The top-level blocks, in document order.
  public var blocks: [Block]

  /// Creates a document from its top-level blocks.
  public init(blocks: [Block]) {
    self.blocks = blocks
  }
}

/// A block-level element of a ``Document``.
public indirect enum Block: Sendable, Equatable {
  /// A heading of level 1 to 6.
  case heading(level: Int, [Inline])
  /// A paragraph of inline content.
  case paragraph([Inline])
  /// A bullet or numbered list.
  case list(List)
  /// A block quote holding other blocks.
  case blockQuote([Block])
  /// A fenced or indented code block; `info` is the fence's info string (may be empty).
  case codeBlock(info: String, text: String)
  /// A thematic break (`---`).
  case thematicBreak
  /// A GitHub-flavoured table.
  case table(Table)
  /// A `pia:` directive written as an HTML comment alone on a line.
  case directive(Directive)
  /// A raw HTML block that is not a comment.
  case html(String)
}

/// A bullet or numbered list.
public struct List: Sendable, Equatable {
  /// Whether the list is numbered.
  public var ordered: Bool
  /// The first number of a numbered list (1 for bullet lists).
  public var start: Int
  /// Whether the list is tight (no blank lines between items).
  public var tight: Bool
  /// The items; each item is a sequence of blocks.
  public var items: [[Block]]

  /// Creates a list.
  public init(ordered: Bool, start: Int = 1, tight: Bool = true, items: [[Block]]) {
    self.ordered = ordered
    self.start = start
    self.tight = tight
    self.items = items
  }
}

/// A GitHub-flavoured Markdown table.
public struct Table: Sendable, Equatable {
  /// One alignment per column.
  public var alignments: [Alignment]
  /// The header row: one inline sequence per column.
  public var header: [[Inline]]
  /// The data rows: one inline sequence per cell.
  public var rows: [[[Inline]]]

  /// Creates a table.
  public init(alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]]) {
    self.alignments = alignments
    self.header = header
    self.rows = rows
  }

  /// The number of columns (the widest of the header, the alignments and the rows).
  public var columnCount: Int {
    rows.reduce(max(header.count, alignments.count)) { max($0, $1.count) }
  }
}

/// The alignment of a table column.
public enum Alignment: Sendable, Equatable {
  case none
  case left
  case center
  case right
}

/// Inline content of a paragraph, heading or table cell.
public indirect enum Inline: Sendable, Equatable {
  /// Literal text.
  case text(String)
  /// Emphasis (italic).
  case emphasis([Inline])
  /// Strong emphasis (bold).
  case strong([Inline])
  /// Strikethrough (`~~text~~`).
  case strikethrough([Inline])
  /// A code span.
  case code(String)
  /// A hyperlink with its destination, title and link text.
  case link(destination: String, title: String, [Inline])
  /// A soft line break (rendered as a space).
  case softBreak
  /// A hard line break.
  case lineBreak
  /// Raw inline HTML that is not a comment.
  case html(String)
}

/// A `pia:` directive: an instruction to the DOCX writer written as an HTML comment.
///
/// In Markdown each is an HTML comment alone on its line, for example `<!-- pia:toc -->`.
/// ``signatureBlock`` and ``heatMap`` apply to the table that immediately follows.
public enum Directive: String, Sendable, Equatable, CaseIterable {
  /// `<!-- pia:page-break -->`: start a new page.
  case pageBreak = "page-break"
  /// `<!-- pia:toc -->`: a table of contents of headings 1–3.
  case tableOfContents = "toc"
  /// `<!-- pia:signature -->`: render the next table (Role|Name|Title|Date|Decision) as sign-off blocks.
  case signatureBlock = "signature"
  /// `<!-- pia:heat-map -->`: render the next table with cells shaded by risk level.
  case heatMap = "heat-map"

  /// The directive's name as written after `pia:`.
  public var name: String { rawValue }

  /// Whether the directive applies to the table that immediately follows it.
  public var appliesToNextTable: Bool {
    self == .signatureBlock || self == .heatMap
  }
}
