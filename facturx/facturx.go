package facturx

import (
	"errors"
	"fmt"
	"time"

	"github.com/einvoice-go/einvoice/cii"
)

// Sentinel errors, to be tested with errors.Is.
var (
	// ErrNotPDF reports input that is not a PDF file.
	ErrNotPDF = errors.New("facturx: not a PDF")
	// ErrNoInvoice reports a PDF that holds no Factur-X, ZUGFeRD or
	// XRechnung XML attachment.
	ErrNoInvoice = errors.New("facturx: no Factur-X invoice embedded")
	// ErrNotCII reports XML given to Embed that is not a CII invoice with a
	// Factur-X profile.
	ErrNotCII = errors.New("facturx: not a Factur-X CII invoice")
)

// PDFAError reports why an input PDF cannot become PDF/A-3B.
type PDFAError struct {
	// Rule is the ISO 19005-3 clause with the veraPDF test number, as
	// "6.2.11.4.1-1" (a font is not embedded).
	Rule string
	// Where locates the offence in the input: "page 2, font F1
	// (Helvetica)", "trailer", "object 12".
	Where string
	// Msg says what is wrong.
	Msg string
}

func (e *PDFAError) Error() string {
	return fmt.Sprintf("facturx: cannot make PDF/A-3B [%s] %s: %s", e.Rule, e.Where, e.Msg)
}

// GlyphError reports text that Render cannot draw because its font has no
// glyph for a character.
type GlyphError struct {
	Rune rune
	// Text is the text that holds it, and Term the business term it comes
	// from ("BT-44"), or "" for a label.
	Text, Term string
}

func (e *GlyphError) Error() string {
	t := ""
	if e.Term != "" {
		t = " (" + e.Term + ")"
	}
	return fmt.Sprintf("facturx: the font has no glyph for %U %q in %q%s", e.Rune, e.Rune, e.Text, t)
}

// Relationship is the /AFRelationship of an associated file.
type Relationship string

// The relationships Factur-X uses.
const (
	// Data: the XML holds data the PDF does not show in full. Factur-X
	// requires it for MINIMUM and BASIC WL.
	Data Relationship = "Data"
	// Alternative: the XML is an equivalent of the PDF. The default for
	// BASIC, EN 16931 and EXTENDED.
	Alternative Relationship = "Alternative"
	// Source: the PDF was made from the XML.
	Source Relationship = "Source"
	// Supplement: the default for the extra attachments (BG-24).
	Supplement Relationship = "Supplement"
	// Unspecified: the relationship is not known.
	Unspecified Relationship = "Unspecified"
)

// Language selects the labels Render writes.
type Language int

// The languages of Render's labels.
const (
	French Language = iota
	English
)

// Attachment is a file associated with the PDF besides the invoice XML: a
// supporting document of BG-24, a time sheet, a delivery note.
type Attachment struct {
	// Name is the file name, as "timesheet.pdf".
	Name string
	// MIME is the media type, as "application/pdf".
	MIME string
	// Description is optional.
	Description string
	// Relationship is the file's /AFRelationship; the zero value means
	// Supplement.
	Relationship Relationship
	// Data is the file's content.
	Data []byte
}

// Options holds the settings of Embed, Render and Create. The zero value,
// and a nil *Options, mean the defaults each field states.
type Options struct {
	// Profile is the Factur-X profile Create encodes the invoice with;
	// zero means cii.EN16931. cii.ExtendedCTCFR means cii.Extended: the
	// PDF declares Factur-X EXTENDED, in the XML (BT-24) and in the XMP
	// metadata, as a Factur-X PDF of the French EXTENDED-CTC-FR profile
	// must. Embed takes the profile from the XML.
	Profile cii.Profile
	// Relationship is the /AFRelationship of factur-x.xml. Zero means
	// Data for MINIMUM and BASIC WL, Alternative otherwise. Data is forced
	// for MINIMUM and BASIC WL, as Factur-X requires.
	Relationship Relationship
	// Time is the creation and modification time written in the document
	// information, the XMP metadata and the attachment's parameters. Zero
	// means time.Now(); set it for reproducible output.
	Time time.Time
	// DocumentID is the permanent half of the trailer's /ID. Zero means one
	// derived from the content and Time, so the output is still
	// reproducible.
	DocumentID [16]byte
	// Title, Author, Subject and Keywords go to the document information
	// and the XMP metadata. Zero values: Title is the invoice number as
	// "Facture F-2026-001" (Render, Create) or kept from the input PDF
	// (Embed); the others are kept from the input, or left out.
	Title, Author, Subject, Keywords string
	// Creator is the application that made the original document (Info
	// /Creator, xmp:CreatorTool); zero means kept from the input, or
	// "einvoice".
	Creator string
	// Language selects Render's labels; zero means French.
	Language Language
	// Attachments are added as associated files besides factur-x.xml.
	Attachments []Attachment
}
