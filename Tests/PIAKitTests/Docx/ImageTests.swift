import Foundation
import Synchronization
import Testing

@testable import PIAKit

/// Images: headers read, pictures embedded at their natural size with their alt text, and a
/// warning (with the alt text kept) for every image that cannot be embedded.
@Suite struct ImageTests {
  @Test func headersGiveFormatSizeAndResolution() throws {
    let png = try #require(
      ImageHeader(ImageFixtures.png(width: 40, height: 20, pixelsPerMetre: 7874)))
    #expect(png.format == .png)
    #expect(png.pixelSize == PixelSize(width: 40, height: 20))
    #expect(abs(png.dotsPerInch - 200) < 0.1)
    let jpeg = try #require(
      ImageHeader(ImageFixtures.jpeg(width: 640, height: 480, dotsPerInch: 300)))
    #expect(jpeg.format == .jpeg && jpeg.pixelSize == PixelSize(width: 640, height: 480))
    #expect(jpeg.dotsPerInch == 300)
    let gif = try #require(ImageHeader(ImageFixtures.gif(width: 300, height: 2)))
    #expect(gif.format == .gif && gif.pixelSize == PixelSize(width: 300, height: 2))
    #expect(gif.dotsPerInch == 96)
    #expect(ImageHeader(Data("not an image".utf8)) == nil)
    #expect(ImageHeader(Data()) == nil)
  }

  @Test func svgSizeComesFromWidthHeightOrViewBox() {
    #expect(ImageHeader(ImageFixtures.svg())?.pixelSize == PixelSize(width: 200, height: 100))
    #expect(
      ImageHeader(ImageFixtures.svg(width: "2in", height: "1in"))?.pixelSize
        == PixelSize(width: 192, height: 96))
    #expect(
      ImageHeader(ImageFixtures.svg(width: nil, height: nil, viewBox: "0 0 300 150"))?.pixelSize
        == PixelSize(width: 300, height: 150))
    #expect(
      ImageHeader(ImageFixtures.svg(width: "600", height: nil, viewBox: "0 0 300 150"))?
        .pixelSize == PixelSize(width: 600, height: 300))
    #expect(ImageHeader(ImageFixtures.svg(width: "100%", height: nil))?.pixelSize == nil)
    #expect(ImageHeader(ImageFixtures.svg())?.format == .svg)
  }

  static func write(_ markdown: String, images: [String: ImageData]) throws -> DocxWriter.Output {
    var options = DocxFixture.options
    options.sourceName = "doc.md"
    return try DocxWriter.write(
      try MarkdownParser.parse(markdown), options: options, images: .inMemory(images))
  }

  @Test func pngIsEmbeddedWithAltTextTitleAndNaturalSize() throws {
    let output = try Self.write(
      "# T\n\n![A red box](red.png \"Box\")\n",
      images: ["red.png": ImageData(bytes: ImageFixtures.png(width: 96, height: 48))])
    #expect(output.warnings.isEmpty)
    let package = try DocxPackage(data: output.data)
    #expect(package.entryNames.contains("word/media/image1.png"))
    #expect(try package.data("word/media/image1.png") == ImageFixtures.png(width: 96, height: 48))
    let document = try package.xml("word/document.xml")
    let properties = try #require(document.descendants("docPr").first)
    #expect(properties.attributes["descr"] == "A red box")
    #expect(properties.attributes["title"] == "Box")
    // 96 × 48 pixels at 96 per inch: 1 × 0.5 inch.
    let extent = try #require(document.descendants("extent").first)
    #expect(extent.attributes["cx"] == "914400" && extent.attributes["cy"] == "457200")
    let blip = try #require(document.descendants("blip").first)
    let relationships = try package.xml("word/_rels/document.xml.rels").children("Relationship")
    let image = try #require(
      relationships.first { $0.attributes["Id"] == blip.attributes["embed"] })
    #expect(image.attributes["Target"] == "media/image1.png")
    #expect(image.attributes["Type"]?.hasSuffix("/image") == true)
    let types = try package.xml("[Content_Types].xml").children("Default")
    #expect(
      types.contains {
        $0.attributes["Extension"] == "png" && $0.attributes["ContentType"] == "image/png"
      })
    // The alt text is not printed as well.
    #expect(!DocxFixture.paragraphTexts(document).contains { $0.contains("A red box") })
  }

  @Test func wideImagesAreCappedToTheTextWidth() throws {
    let output = try Self.write(
      "![wide](w.jpeg)\n",
      images: [
        "w.jpeg": ImageData(bytes: ImageFixtures.jpeg(width: 2000, height: 1000, dotsPerInch: 100))
      ])
    let extent = try #require(try DocxFixture.documentXML(output.data).descendants("extent").first)
    #expect(extent.attributes["cx"] == String(ImageCatalog.maximumWidth))
    #expect(extent.attributes["cy"] == String(ImageCatalog.maximumWidth / 2))
    #expect(try DocxPackage(data: output.data).entryNames.contains("word/media/image1.jpeg"))
  }

  @Test func svgWithAPNGFallbackUsesTheSVGBlip() throws {
    let fallback = ImageFixtures.png(width: 200, height: 100)
    let output = try Self.write(
      "![flows](flows.svg)\n",
      images: ["flows.svg": ImageData(bytes: ImageFixtures.svg(), pngFallback: fallback)])
    #expect(output.warnings.isEmpty)
    let package = try DocxPackage(data: output.data)
    #expect(package.entryNames.suffix(2) == ["word/media/image1.svg", "word/media/image2.png"])
    let document = try package.xml("word/document.xml")
    let blip = try #require(document.descendants("blip").first)
    let svgBlip = try #require(document.descendants("svgBlip").first)
    #expect(svgBlip.namespace == "http://schemas.microsoft.com/office/drawing/2016/SVG/main")
    let targets = Dictionary(
      uniqueKeysWithValues: try package.xml("word/_rels/document.xml.rels").children("Relationship")
        .map {
          ($0.attributes["Id"] ?? "", $0.attributes["Target"] ?? "")
        })
    #expect(targets[blip.attributes["embed"] ?? ""] == "media/image2.png")
    #expect(targets[svgBlip.attributes["embed"] ?? ""] == "media/image1.svg")
    let types = try package.xml("[Content_Types].xml").children("Default")
    #expect(types.contains { $0.attributes["ContentType"] == "image/svg+xml" })
  }

  @Test func svgAloneIsEmbeddedWithAWarning() throws {
    let output = try Self.write(
      "Text\n\n![d](d.svg)\n", images: ["d.svg": ImageData(bytes: ImageFixtures.svg())])
    #expect(
      output.warnings.map(\.description) == [
        "doc.md:3:1: warning: image 'd.svg' is an SVG with no PNG of the same name beside it:"
          + " Word 2016 and later show it, older readers may not"
      ])
    #expect(try DocxFixture.documentXML(output.data).descendants("svgBlip").count == 1)
  }

  @Test func missingUnreadableAndRemoteImagesKeepTheirAltTextAndWarn() throws {
    let asked = Mutex<[String]>([])
    let source = ImageSource { reference in
      asked.withLock { $0.append(reference.source) }
      return reference.source == "locked.png"
        ? .unavailable("cannot be read: permission denied")
        : .unavailable("no such file")
    }
    var options = DocxFixture.options
    options.sourceName = "doc.md"
    let markdown = """
      # T

      ![missing chart](gone.png) and ![locked](locked.png)
      ![remote](https://example.org/x.png) ![](//cdn.example.org/y.png) ![bad](bad.png)
      """
    let output = try DocxWriter.write(
      try MarkdownParser.parse(markdown), options: options,
      images: ImageSource { reference in
        if reference.source == "bad.png" { return .found(ImageData(bytes: Data("junk".utf8))) }
        return source.image(for: reference)
      })
    #expect(asked.withLock { $0 } == ["gone.png", "locked.png"])  // remote ones never asked
    #expect(
      output.warnings.map(\.description) == [
        "doc.md:3:1: warning: image 'gone.png' is not included: no such file; its alternative text is kept in its place",
        "doc.md:3:32: warning: image 'locked.png' is not included: cannot be read: permission denied; its alternative text is kept in its place",
        "doc.md:4:1: warning: image 'https://example.org/x.png' is not included: remote images are never fetched; its alternative text is kept in its place",
        "doc.md:4:38: warning: image '//cdn.example.org/y.png' is not included: remote images are never fetched; its alternative text is kept in its place",
        "doc.md:4:67: warning: image 'bad.png' is not included: it is not a PNG, JPEG, GIF or SVG image; its alternative text is kept in its place",
      ])
    let texts = DocxFixture.paragraphTexts(try DocxFixture.documentXML(output.data))
    #expect(texts.contains("missing chart and locked remote  bad"))
    #expect(
      !(try DocxPackage(data: output.data).entryNames.contains { $0.hasPrefix("word/media/") }))
  }

  @Test func oneImageUsedTwiceIsStoredOnceAndDrawingIdsAreUnique() throws {
    let output = try Self.write(
      "![a](p.gif) ![b](p.gif)\n\n[![linked](p.gif)](https://example.org/)\n",
      images: ["p.gif": ImageData(bytes: ImageFixtures.gif())])
    let package = try DocxPackage(data: output.data)
    #expect(package.entryNames.filter { $0.hasPrefix("word/media/") } == ["word/media/image1.gif"])
    let document = try package.xml("word/document.xml")
    let ids = document.descendants("docPr").compactMap { $0.attributes["id"] }
    #expect(ids == ["1", "2", "3"])
    // The linked picture sits inside the hyperlink.
    let hyperlink = try #require(document.descendants("hyperlink").first)
    #expect(hyperlink.descendants("drawing").count == 1)
  }

  @Test func imagesInHTMLAreEmbeddedToo() throws {
    let output = try Self.write(
      "<p align=\"center\"><img src=\"p.gif\" alt=\"Logo\" width=\"20\"></p>\n",
      images: ["p.gif": ImageData(bytes: ImageFixtures.gif())])
    #expect(output.warnings.isEmpty)
    let properties = try DocxFixture.documentXML(output.data).descendants("docPr")
    #expect(properties.map { $0.attributes["descr"] } == ["Logo"])
  }
}
