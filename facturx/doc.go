// Package facturx makes and reads Factur-X (ZUGFeRD 2.x) hybrid invoices: a
// PDF/A-3B document whose associated file factur-x.xml carries the invoice as
// UN/CEFACT CII.
//
// Embed turns an existing PDF (the visual invoice an ERP printed) and CII
// bytes into a Factur-X PDF/A-3B. Render draws a readable A4 invoice from the
// model, as a PDF/A-3B with an embedded TrueType font. Create does both with
// the CII encoder in one call: the usual path. Extract returns the XML of a
// Factur-X or ZUGFeRD PDF, leniently, from files of any producer.
//
// Inputs that cannot become PDF/A-3B (encryption, fonts that are not
// embedded, JavaScript or launch actions, catalog or page additional
// actions, PDF 2.0, DeviceCMYK without a CMYK intent, XFA) are refused with
// a *PDFAError naming the PDF/A rule and the object, and nothing is
// written. What Embed does not inspect: the inside of embedded font
// programs (widths that disagree with the font dictionary, symbolic
// TrueType encodings) and ICC profiles of version 5 or later in the input's
// colour spaces; a PDF with such defects should go through veraPDF.
//
// The output depends only on the inputs and the Options: with Options.Time
// and Options.DocumentID set, the same call writes the same bytes. The
// package writes nothing but what it is given to write; in particular it
// keeps pdfcpu's configuration in memory.
package facturx
