package cii

import (
	"bytes"
	"fmt"
	"io"
	"sync"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/xmlscan"
)

// Decoder reads CII invoices. Its zero value is ready to use.
type Decoder struct {
	// Strict makes an element the model cannot carry an error (a
	// *einvoice.DecodeError) instead of an entry of Document.Ignored. By
	// default such an element and its subtree are skipped and listed in
	// Document.Ignored.
	Strict bool
	// SyntaxRules makes Decode check the syntax binding rules of the CEN
	// EN 16931 schematron (CII-SR-*, CII-DT-*: an element that should not
	// be there or occurs too often, an attribute missing) and list the
	// breaches, with their official ids and severities, in
	// Document.Issues.
	SyntaxRules bool
	// ProfileRules makes Decode check the structural rules of the Factur-X
	// 1.09.2 schematron of the document's profile (BT-24): FX-SCH-A-*
	// (cardinalities, attributes and code lists of the profile), and the
	// few CII-SR-*, CII-DT-* and PEPPOL-EN16931-R008 rules it repeats. A
	// document whose BT-24 names no Factur-X profile has none, nor has an
	// EXTENDED-CTC-FR one: the official tools run no Factur-X schematron
	// on it (the EXTENDED one refuses its identifier) but the CEN one
	// (SyntaxRules). Breaches are in Document.Issues.
	ProfileRules bool
	// RulesProfile, when not 0, is the profile whose rules ProfileRules
	// checks, in place of the declared one (ExtendedCTCFR: none).
	RulesProfile Profile
}

// Decode reads a CII invoice with the zero Decoder.
func Decode(r io.Reader) (*Document, error) {
	var d Decoder
	return d.Decode(r)
}

// Decode reads a CII invoice (rsm:CrossIndustryInvoice, D16B or D22B, any
// Factur-X or ZUGFeRD 2.x profile) from r.
//
// Input that is not a CII invoice (not XML, another root element or
// namespace) is an error wrapping ErrFormat. Malformed input (an XML syntax
// error, an amount, quantity or date that is not one, nesting deeper than
// 100 elements) is a *einvoice.DecodeError locating the element and naming
// its business terms. Missing terms are not errors: they stay empty in the
// Invoice, for validation to report.
//
// Elements are matched by namespace and local name, in any order. Codes are
// kept as written, trimmed of white space, known or not; texts are kept
// exactly as written; figures keep the number of decimals written. What the
// model cannot carry is listed in Document.Ignored, or is an error when
// Strict is set.
func (dc *Decoder) Decode(r io.Reader) (*Document, error) {
	data, err := xmlscan.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("cii: reading the input: %w", err)
	}
	d := &decState{inv: new(einvoice.Invoice)}
	d.User = d
	d.Strict = dc.Strict
	ignored, err := d.Run(decConfig(), data)
	if err != nil {
		return nil, err
	}
	doc := &Document{Invoice: d.inv, Profile: ProfileOf(d.inv.Process.Specification)}
	if doc.Issues, err = dc.checkSyntax(data, doc.Profile); err != nil {
		return nil, err
	}
	if len(ignored) > 0 {
		doc.Ignored = make([]Ignored, len(ignored))
		for i, ig := range ignored {
			doc.Ignored[i] = Ignored(ig)
		}
	}
	return doc, nil
}

// The namespaces of CII, and the prefixes that paths use for them whatever
// the document's prefixes.
const (
	decURIRSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
	decURIRAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
	decURIUDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
	decURIQDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
)

// decNS identifies a namespace: one of CII's four, or another.
type decNS = xmlscan.NS

const (
	decNSOther decNS = iota
	decNSRSM
	decNSRAM
	decNSUDT
	decNSQDT
)

var decNSPrefix = [...]string{"", "rsm", "ram", "udt", "qdt"}

// decConfig describes CII to the scanner, built once.
var decConfig = sync.OnceValue(func() *xmlscan.Config[*decState] {
	return &xmlscan.Config[*decState]{
		Format:    "cii",
		ErrFormat: ErrFormat,
		Namespaces: []xmlscan.Namespace{
			{URI: decURIRSM, Prefix: "rsm"},
			{URI: decURIRAM, Prefix: "ram"},
			{URI: decURIUDT, Prefix: "udt"},
			{URI: decURIQDT, Prefix: "qdt"},
		},
		Roots: []*decNode{decTree()},
	}
})

// decState reads one document: the scanner (package xmlscan) dispatches
// each element through the tree of decNode that describes the mapping, and
// the nodes fill in the invoice.
type decState struct {
	xmlscan.Scanner[*decState]

	inv *einvoice.Invoice
	b   decBuilders
}

type (
	decNode     = xmlscan.Node[*decState]
	decFrame    = xmlscan.Frame[*decState]
	decLoc      = xmlscan.Loc
	decLeafFunc = xmlscan.LeafFunc[*decState]
)

// decReserveLines makes room for the lines, which are large: the closing
// tag of each holds this once, and the opening tag too.
func (d *decState) decReserveLines() {
	if n := bytes.Count(d.Rest(), []byte("IncludedSupplyChainTradeLineItem>")); n > 1 {
		d.inv.Lines = make([]einvoice.Line, 0, n/2)
	}
}
