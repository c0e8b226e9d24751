import Foundation
import Testing

@testable import PIAKit

/// Every heading has a bookmark named after its GitHub anchor; `#fragment` links point at it.
@Suite struct HeadingAnchorTests {
  @Test(arguments: [
    ("Hello World!", "hello-world"), ("Scope of the pilot", "scope-of-the-pilot"),
    ("Privacy – Notice (s. 29)", "privacy--notice-s-29"), ("Café à l’École", "café-à-lécole"),
    ("`code` and *emphasis*", "code-and-emphasis"), ("Emoji 🙂 here", "emoji--here"),
    ("snake_case", "snake_case"), ("1. Intro", "1-intro"),
  ])
  func slugsFollowGitHub(text: String, slug: String) {
    #expect(HeadingAnchors.slug(text) == slug)
  }

  @Test func repeatedAnchorsAreNumberedAndNamesAreWordSafe() {
    let anchors = HeadingAnchors(headings: [
      "Risks", "Risks", "Risks-1", "Risks", "1. Intro", String(repeating: "long ", count: 12),
    ])
    #expect(
      anchors.names == [
        "risks", "risks-1", "risks-1-1", "risks-2", "_Heading5",
        "long-long-long-long-long-long-long-long-",
      ])
    #expect(anchors.bookmark(forFragment: "risks-2") == "risks-2")
    #expect(anchors.bookmark(forFragment: "1-intro") == "_Heading5")
    #expect(anchors.bookmark(forFragment: "Risks") == "risks")
    #expect(anchors.bookmark(forFragment: "nowhere") == nil)
  }

  @Test func headingsGetBookmarksAndFragmentLinksPointAtThem() throws {
    let docx = try DocxFixture.write(
      """
      # Scope

      See [the risks](#risks-and-mitigations), [nowhere](#missing) and [the top](#scope).

      > ## Quoted heading

      ## Risks and mitigations
      """)
    let document = try DocxFixture.documentXML(docx)
    let bookmarks = document.descendants("bookmarkStart").map {
      "\($0.attributes["id"] ?? "") \($0.attributes["name"] ?? "")"
    }
    #expect(bookmarks == ["0 scope", "1 quoted-heading", "2 risks-and-mitigations"])
    let links = document.descendants("hyperlink")
    #expect(links.map { $0.attributes["anchor"] } == ["risks-and-mitigations", "scope"])
    #expect(links.allSatisfy { $0.attributes["id"] == nil })
    // A link to a heading that does not exist keeps its text, without a link.
    #expect(DocxFixture.paragraphTexts(document)[1] == "See the risks, nowhere and the top.")
    let relationships = try DocxPackage(data: docx).xml("word/_rels/document.xml.rels")
    #expect(
      !relationships.children("Relationship").contains {
        $0.attributes["Target"]?.hasPrefix("#") == true
      })
  }

  @Test func tableOfContentsUsesTheSameBookmarks() throws {
    let document = try DocxFixture.documentXML(
      try DocxFixture.write("# A\n\n<!-- pia:toc -->\n\n## B\n\n#### Deep\n\n## B\n"))
    let anchors = document.descendants("hyperlink").compactMap { $0.attributes["anchor"] }
    let bookmarks = document.descendants("bookmarkStart").compactMap { $0.attributes["name"] }
    #expect(anchors == ["a", "b", "b-1"])
    #expect(bookmarks == ["a", "b", "deep", "b-1"])
  }
}
