package ubl

import (
	"bytes"
	"fmt"
	"io"
	"sync"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/xmlscan"
)

// Decoder reads UBL invoices and credit notes. Its zero value is ready to
// use.
type Decoder struct {
	// Strict makes an element the model cannot carry an error (a
	// *einvoice.DecodeError) instead of an entry of Document.Ignored. By
	// default such an element and its subtree are skipped and listed in
	// Document.Ignored.
	Strict bool
	// SyntaxRules makes Decode check the syntax binding rules of the CEN
	// EN 16931 UBL schematron (UBL-SR-*, UBL-CR-*, UBL-DT-*: an element
	// that should not be there or occurs too often, an attribute missing)
	// and list the breaches, with their official ids and severities, in
	// Document.Issues.
	SyntaxRules bool
}

// Decode reads a UBL invoice or credit note with the zero Decoder.
func Decode(r io.Reader) (*Document, error) {
	var d Decoder
	return d.Decode(r)
}

// Decode reads a UBL 2.1 Invoice or CreditNote from r, following the
// EN 16931 UBL binding.
//
// Input that is not a UBL invoice or credit note (not XML, another root
// element or namespace) is an error wrapping ErrFormat. Malformed input (an
// XML syntax error, an amount, quantity or date that is not one, an amount
// in a currency other than the invoice's, nesting deeper than 100
// elements) is a *einvoice.DecodeError locating the element and naming its
// business terms. Missing terms are not errors: they stay empty in the
// Invoice, for validation to report.
//
// Elements are matched by namespace and local name, whatever the prefixes,
// in any order. Codes are kept as written, trimmed of white space, known or
// not; texts are kept exactly as written; figures keep the number of
// decimals written; dates are YYYY-MM-DD. What the model cannot carry is
// listed in Document.Ignored, or is an error when Strict is set.
func (dc *Decoder) Decode(r io.Reader) (*Document, error) {
	data, err := xmlscan.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("ubl: reading the input: %w", err)
	}
	d := &decState{inv: new(einvoice.Invoice)}
	d.User = d
	d.Strict = dc.Strict
	ignored, err := d.Run(decConfig(), data)
	if err != nil {
		return nil, err
	}
	doc := &Document{Invoice: d.inv, CreditNote: d.creditNote}
	if dc.SyntaxRules {
		if doc.Issues, err = checkSyntax(data); err != nil {
			return nil, err
		}
	}
	if len(ignored) > 0 {
		doc.Ignored = make([]Ignored, len(ignored))
		for i, ig := range ignored {
			doc.Ignored[i] = Ignored(ig)
		}
	}
	return doc, nil
}

// The namespaces of UBL 2.1, and the prefixes that paths use for them
// whatever the document's prefixes: none for the root element.
const (
	decURIInvoice    = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
	decURICreditNote = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
	decURICAC        = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
	decURICBC        = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
)

const (
	decNSInvoice xmlscan.NS = iota + 1
	decNSCreditNote
	decNSCAC
	decNSCBC
)

// decConfig describes UBL to the scanner, built once.
var decConfig = sync.OnceValue(func() *xmlscan.Config[*decState] {
	return &xmlscan.Config[*decState]{
		Format:    "ubl",
		ErrFormat: ErrFormat,
		Namespaces: []xmlscan.Namespace{
			{URI: decURIInvoice},
			{URI: decURICreditNote},
			{URI: decURICAC, Prefix: "cac"},
			{URI: decURICBC, Prefix: "cbc"},
		},
		Roots: []*decNode{decTree(false), decTree(true)},
	}
})

// decState reads one document: the scanner (package xmlscan) dispatches
// each element through the tree of decNode that describes the mapping, and
// the nodes fill in the invoice.
type decState struct {
	xmlscan.Scanner[*decState]

	inv        *einvoice.Invoice
	creditNote bool
	b          decBuilders
}

type (
	decNode     = xmlscan.Node[*decState]
	decFrame    = xmlscan.Frame[*decState]
	decLoc      = xmlscan.Loc
	decLeafFunc = xmlscan.LeafFunc[*decState]
)

// reserveLines makes room for the lines: the closing tag of each holds
// the line element's name once, and so does its opening tag. A line takes
// some hundreds of bytes: the room is bounded by the input's size, whatever
// the input says.
func (d *decState) reserveLines(tag string) {
	rest := d.Rest()
	if n := min(bytes.Count(rest, []byte(tag+">"))/2, len(rest)/256); n > 1 {
		d.inv.Lines = make([]einvoice.Line, 0, n)
	}
}
