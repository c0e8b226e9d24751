import Foundation
import Mustache
import Testing

@testable import PIAKit

/// Report templates render their top-level sections at the same time (``ParallelLayout``);
/// the text must be exactly one sequential render's.
@Suite struct ParallelLayoutTests {
  static let value = TemplateValue.fields([
    "on": .flag(true), "off": .flag(false),
    "group": .fields(["on": .flag(true), "off": .flag(false), "name": .text("Group")]),
    "items": .list((1...40).map { .fields(["n": .text("\($0)"), "odd": .flag($0 % 2 == 1)]) }),
    "title": .text("Title with *stars* and | pipes"),
  ])
  static let schema = TemplateSchema(of: value)

  /// Layouts that touch every rule: standalone and inline flag tags, inverted and nested flags,
  /// indented tags, sections closing and opening on one line, comments over several lines,
  /// lists inside flags, a last line without a line break.
  static let sources = [
    "# {{title}}\n\n{{#on}}\nshown\n{{/on}}\n{{#off}}\nhidden\n{{/off}}\n",
    "{{#on}}\n{{#items}}\n| {{n}} |\n{{/items}}\n{{/on}}\nafter\n",
    "{{^off}}\n  {{#group.on}}\n## {{group.name}}\n  {{/group.on}}\n{{/off}}\n",
    "{{#on}}inline {{title}}{{/on}} text\n{{#items}}{{n}},{{/items}}\n",
    "{{#on}}\na\n{{/on}}{{#on}}\nb\n{{/on}}\nend",
    "{{! a comment\nover lines }}\n{{#on}}\n{{#items}}\n{{#odd}}\n- {{n}}\n{{/odd}}\n{{/items}}\n{{/on}}\n",
    "{{#group}}\n{{#on}}\n{{name}}\n{{/on}}\n{{/group}}\n{{#on}}\n{{^off}}\nx\n{{/off}}\n{{/on}}\n",
    "text only\nno sections\n",
    "{{#off}}\n{{#items}}\n{{n}}\n{{/items}}\n{{/off}}\n{{^on}}\nnever\n{{/on}}\nlast {{title}}",
    "{{#on}}\r\n{{#items}}\r\n- {{n}}\r\n{{/items}}\r\n{{/on}}\r\n{{#group}}\r\n{{name}}\r\n{{/group}}\r\n",
  ]

  @Test(arguments: sources)
  func sameTextAsOneRender(_ source: String) throws {
    let template = try ReportTemplate(source: source, path: "Templates/x.md")
    let parallel = try template.render(Self.value, schema: Self.schema, parallel: true)
    let sequential = try template.render(Self.value, schema: Self.schema, parallel: false)
    #expect(parallel == sequential)
  }

  @Test func shippedTemplatesRenderTheSameInParallel() throws {
    let law = ReportFixtures.law
    let schema = ReportModel.schema(law: law)
    let models = [ReportFixtures.pilotModel(), ReportFixtures.noPIModel(), ReportModel.sample]
    for entry in ReportFixtures.templates.manifest.entries {
      let template = try #require(ReportFixtures.templates.templates[entry.id])
      for model in models {
        let value = model.templateValue(law: law)
        let parallel = try template.render(value, schema: schema, parallel: true)
        #expect(parallel == (try template.render(value, schema: schema, parallel: false)))
      }
    }
  }

  @Test func piecesCutOnlyBetweenTopLevelSections() {
    let source = "intro\n{{#a}}\nx\n{{/a}}\nmiddle\n{{#b}}y{{/b}}\nend\n"
    let pieces = ParallelLayout.pieces(of: source)
    #expect(pieces.joined() == source)
    #expect(pieces == ["intro\n", "{{#a}}\nx\n{{/a}}\n", "middle\n", "{{#b}}y{{/b}}\n", "end\n"])
    #expect(ParallelLayout.pieces(of: "{{#a}}\nnever closed\n") == ["{{#a}}\nnever closed\n"])
    #expect(
      ParallelLayout.pieces(of: "x\r\n{{#a}}\r\ny\r\n{{/a}}\r\nz") == [
        "x\r\n", "{{#a}}\r\ny\r\n{{/a}}\r\n", "z",
      ])
    // Never inside a tag: the section opens on a line that ends a long comment.
    #expect(
      ParallelLayout.pieces(of: "{{! a long\ncomment }}{{#a}}\nx\n{{/a}}\nz\n") == [
        "{{! a long\ncomment }}{{#a}}\nx\n{{/a}}\n", "z\n",
      ])
  }

  /// Templates are checked run by run (swift-mustache's parse is quadratic in a template's
  /// length); each shipped template is cut into several runs, and each run parses.
  @Test func shippedTemplatesAreCheckedInShortRuns() throws {
    for entry in ReportFixtures.templates.manifest.entries {
      let source = try #require(ReportFixtures.templates.templates[entry.id]).source
      var ignored: [Diagnostic] = []
      let layout = ParallelLayout(
        source: source, tags: TagScanner.scan(source, path: "", diagnostics: &ignored))
      let runs = try #require(layout.syntaxRuns(), "\(entry.id)")
      #expect(runs.count > 1, "\(entry.id)")
      #expect(runs.allSatisfy { $0.utf8.count < 4096 }, "\(entry.id)")
      for run in runs { #expect(throws: Never.self) { try MustacheTemplate(string: run) } }
    }
  }

  @Test func syntaxRunsLeaveOutPairedStandaloneSectionsOnly() {
    func runs(_ source: String) -> [String]? {
      var ignored: [Diagnostic] = []
      return ParallelLayout(
        source: source, tags: TagScanner.scan(source, path: "", diagnostics: &ignored)
      ).syntaxRuns(length: 1)
    }
    // The tag lines left out are checked as pairs of their own.
    #expect(
      runs("a\n{{#x}}\nb {{y}}\n{{/x}}\nc\n") == ["{{#x}}\n{{/x}}\n", "a\n", "b {{y}}\n", "c\n"])
    // Inline sections stay whole, in one run.
    #expect(runs("{{#x}}a\nb{{/x}}\nc\n") == ["{{#x}}a\nb{{/x}}\n", "c\n"])
    // Unbalanced: only the whole template can say what is wrong.
    #expect(runs("{{#x}}\na\n") == nil)
    #expect(runs("a\n{{/x}}\n") == nil)
    // Names that do not pair stay in, so the run with them fails to parse.
    let mismatched = runs("{{#x}}\na\n{{/y}}\n")
    #expect(mismatched == ["{{#x}}\na\n{{/y}}\n"])
  }

  /// Template inheritance (the pages of `pia serve`): blocks are left out; a parent only when
  /// blocks alone fill it, since a tag directly inside a parent is an error.
  @Test func inheritanceIsCheckedInRuns() {
    let page = "{{<layout}}\n{{$main}}\n<p>{{x}}</p>\n{{#a}}\n<b>{{/a}}\n{{/main}}\n{{/layout}}\n"
    #expect(MustacheSyntax.parsesInRuns(page))
    #expect((try? MustacheTemplate(string: page)) != nil)
    let tagInParent = "{{<layout}}\n{{x}}\n{{$main}}\ny\n{{/main}}\n{{/layout}}\n"
    #expect((try? MustacheTemplate(string: tagInParent)) == nil)
    #expect(!MustacheSyntax.parsesInRuns(tagInParent))
    // After a set-delimiter tag the scanner cannot read the tags: only the whole can tell.
    #expect(!MustacheSyntax.parsesInRuns("{{=<% %>=}}\n<%#a%>\nx\n"))
    #expect(!MustacheSyntax.parsesInRuns("{{#a}}\nx\n{{/b}}\n"))
  }

  /// A section tag swift-mustache refuses, though the scanner pairs it by name, is still found:
  /// the tag lines the runs leave out are parsed pair by pair.
  @Test func refusedSectionTagsAreFound() {
    let spaced = "intro\n{{ #on }}\nx\n{{ /on }}\n"
    #expect((try? MustacheTemplate(string: spaced)) == nil)
    #expect(!MustacheSyntax.parsesInRuns(spaced))
    #expect(throws: DiagnosticsError.self) {
      try ReportTemplate(source: spaced, path: "Templates/x.md")
    }
    let badName = "<p>\n{{#has items}}\nx\n{{/has items}}\n"
    #expect((try? MustacheTemplate(string: badName)) == nil)
    #expect(!MustacheSyntax.parsesInRuns(badName))
  }

  /// Columns count characters from the line's start, however many tags the line holds.
  @Test func columnsOnALineOfManyTags() {
    var ignored: [Diagnostic] = []
    let tags = TagScanner.scan("é {{a}}{{b}} ü{{c}}\n{{d}}", path: "", diagnostics: &ignored)
    #expect(tags.map(\.column) == [3, 8, 15, 1])
    #expect(tags.map(\.line) == [1, 1, 1, 2])
  }

  /// A syntax error inside a section is found and placed as a whole parse places it.
  @Test func errorsInsideSectionsKeepTheirPlace() {
    let source = "intro\n{{#on}}\n{{#items}}\nx {{n}\n{{/items}}\n{{/on}}\n"
    #expect {
      try ReportTemplate(source: source, path: "Templates/x.md")
    } throws: { error in
      guard let error = error as? DiagnosticsError else { return false }
      return error.diagnostics.contains {
        $0.location?.file == "Templates/x.md" && $0.location?.line == 4
      }
    }
  }

  @Test func flagsAreReadFromTheRoot() {
    #expect(Self.value.value(at: "group.on") == .flag(true))
    #expect(Self.value.value(at: "group.missing") == nil)
    #expect(Self.value.value(at: "items.n") == nil)
  }
}
