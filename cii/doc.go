// Package cii reads and writes EN 16931 invoices as UN/CEFACT Cross Industry
// Invoice (CII) XML, in the Factur-X 1.09 / ZUGFeRD 2.5 profiles: MINIMUM,
// BASIC WL, BASIC, EN 16931 and EXTENDED; and in EXTENDED-CTC-FR, the French
// subset of EXTENDED for CII exchanged alone in the 2026 reform.
//
// Encode writes an einvoice.Invoice as the profile of an Encoder demands,
// elements in schema order, and refuses an invoice that holds a business
// term the profile cannot carry, naming the terms (unless told to drop them,
// and then it returns them). Decode reads a CII document of any profile, D16B
// or D22B, ZUGFeRD 2.0 and 2.1 included, keeps unknown code values as they
// are, and reports the profile it found and every element it could not carry
// into the model.
//
// cii does not compute: it writes the figures the invoice holds and reads the
// figures the document states. Use einvoice.Invoice.Complete before encoding
// an invoice built by hand.
package cii

import (
	"errors"
	"strconv"
	"strings"

	"github.com/einvoice-go/einvoice"
)

// ErrFormat is returned (wrapped) by Decode for input that is not a CII
// invoice: not XML, or XML with another root element or namespace.
var ErrFormat = errors.New("cii: not a CII invoice")

// Document is what Decode read: the invoice, the profile its specification
// identifier (BT-24) names, and what the model could not hold.
type Document struct {
	// Invoice is the invoice.
	Invoice *einvoice.Invoice
	// Profile is the profile BT-24 names (ExtendedCTCFR for the
	// EXTENDED-CTC-FR identifier); 0 for an identifier that names no
	// Factur-X profile (an XRechnung CII document, say). The identifier
	// itself is in Invoice.Process.Specification.
	Profile Profile
	// Ignored lists the elements that hold information the model cannot
	// carry (EXTENDED elements, a second value where EN 16931 has one), in
	// document order. Decoding never drops anything silently: what is not in
	// the Invoice is here.
	Ignored []Ignored
	// Issues are the breaches of the official syntax rules the Decoder
	// was asked to check (SyntaxRules, ProfileRules), in the order of the
	// rules, then of the document.
	Issues []einvoice.SyntaxIssue
}

// Ignored is an element of a decoded document whose content is not in the
// model.
type Ignored struct {
	// Path is the element's path, with 1-based indexes for repeated
	// elements: /rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/
	// ram:IncludedSupplyChainTradeLineItem[2]/ram:SpecifiedTradeProduct/
	// ram:IndividualTradeProductInstance.
	Path string
	// Line is the element's line in the input.
	Line int
	// Reason says why it is not in the model.
	Reason string
}

func (ig Ignored) String() string {
	return "line " + strconv.Itoa(ig.Line) + ": " + ig.Path + ": " + ig.Reason
}

// ProfileError is returned by Encode for an invoice that holds business
// terms the profile cannot carry: below EXTENDED, the EXTENDED terms of the
// model among them (EXT-FR-FE-*, BT-X-12). Three cases hold in every
// profile, since the CII syntax itself cannot carry them as they are: a VAT
// accounting currency (BT-6) equal to the invoice currency, which CII's
// BR-53 forbids, a price discount (BT-147) without a gross price (BT-148),
// which CII writes inside the gross price, and a line's VAT total in
// accounting currency (EXT-FR-FE-182) without a VAT accounting currency
// other than the invoice currency, which CII tells apart by its currency.
type ProfileError struct {
	// Profile is the profile asked for.
	Profile Profile
	// Terms are the business terms and groups the invoice holds and the
	// profile cannot carry, such as BT-154 or BG-32, in the order of the norm.
	Terms []string
}

func (e *ProfileError) Error() string {
	name := e.Profile.ConformanceLevel()
	if e.Profile == ExtendedCTCFR {
		name = "EXTENDED-CTC-FR"
	}
	return "cii: the " + name + " profile cannot carry " + strings.Join(e.Terms, ", ") +
		" (set Encoder.DropUnsupported to drop them)"
}
