import Foundation
import PIAHost

/// DOCX to PDF for `pia render --format pdf` and `pia convert -o FILE.pdf`, with LibreOffice.
enum PDFOutput {
  /// Converts each DOCX to a PDF of the same base name.
  ///
  /// - Parameter documents: File names ending in `.docx`, and their bytes.
  /// - Returns: The PDFs, named `<base>.pdf`, in the same order.
  /// - Throws: ``CommandFailure`` naming the package to install when LibreOffice is missing, or
  ///   saying why the conversion failed.
  static func convert(_ documents: [(name: String, docx: Data)]) throws(CommandFailure) -> [(
    name: String, pdf: Data
  )] {
    guard let office = LibreOffice.locate() else {
      throw CommandFailure(
        "PDF output needs LibreOffice, which was not found: install the Debian package "
          + "\(LibreOffice.debianPackage) (sudo apt-get install --no-install-recommends "
          + "\(LibreOffice.debianPackage)), or set PIA_SOFFICE to the soffice program")
    }
    // LibreOffice reads them under plain names of ours; the PDF's title and other properties
    // come from inside the DOCX.
    let inputs = documents.enumerated().map {
      LibreOffice.Document(name: "document-\($0.offset + 1)", docx: $0.element.docx)
    }
    let pdfs: [Data]
    do {
      pdfs = try office.convertToPDF(inputs)
    } catch {
      throw CommandFailure("cannot make the PDF: \(error.message)")
    }
    return zip(documents, pdfs).map { (($0.name as NSString).deletingPathExtension + ".pdf", $1) }
  }
}
