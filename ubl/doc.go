// Package ubl reads and writes EN 16931 invoices as OASIS UBL 2.1 Invoice
// and CreditNote documents, following the EN 16931 UBL binding.
//
// Encode writes an einvoice.Invoice as an Invoice, or as a CreditNote when
// its type code (BT-3) is a credit note type (381, 396, 261, ...), elements in
// the order of the UBL 2.1 schema. Decode reads any UBL 2.1 Invoice or
// CreditNote that follows the binding (Peppol BIS Billing 3 and XRechnung UBL
// included), keeps unknown code values as they are, and lists every element
// it could not carry into the model. The shapes are those of package cii, so
// that a user learns one.
//
// ubl does not compute: it writes the figures the invoice holds and reads the
// figures the document states.
package ubl

import (
	"errors"
	"strconv"

	"github.com/einvoice-go/einvoice"
)

// ErrFormat is returned (wrapped) by Decode for input that is not a UBL
// Invoice or CreditNote: not XML, or XML with another root element or
// namespace.
var ErrFormat = errors.New("ubl: not a UBL invoice or credit note")

// Document is what Decode read: the invoice and what the model could not
// hold.
type Document struct {
	// Invoice is the invoice.
	Invoice *einvoice.Invoice
	// CreditNote reports whether the root element was a CreditNote.
	CreditNote bool
	// Ignored lists the elements that hold information the model cannot
	// carry, in document order. Decoding never drops anything silently:
	// what is not in the Invoice is here.
	Ignored []Ignored
	// Issues are the breaches of the official syntax binding rules, when
	// the Decoder was asked to check them (SyntaxRules), in the order of
	// the rules, then of the document.
	Issues []einvoice.SyntaxIssue
}

// Ignored is an element of a decoded document whose content is not in the
// model.
type Ignored struct {
	// Path is the element's path, with 1-based indexes for repeated
	// elements: /Invoice/cac:InvoiceLine[2]/cac:Item/cac:ItemInstance.
	Path string
	// Line is the element's line in the input.
	Line int
	// Reason says why it is not in the model.
	Reason string
}

func (ig Ignored) String() string {
	return "line " + strconv.Itoa(ig.Line) + ": " + ig.Path + ": " + ig.Reason
}

// FigureError is returned by Encode for a figure it cannot write exactly:
// an amount with more than 2 decimals.
type FigureError struct {
	// Term is the business term.
	Term string
	// Value is the figure.
	Value string
	// Msg says what is wrong.
	Msg string
}

func (e *FigureError) Error() string { return "ubl: " + e.Term + " = " + e.Value + ": " + e.Msg }
