package validate

import (
	"errors"
	"fmt"
	"strings"

	"github.com/einvoice-go/einvoice"
)

// Severity is how grave an issue is, as the official schematron flags it.
type Severity int

// The severities.
const (
	// Fatal: the invoice is not valid (the schematron's flag="fatal", or
	// flag="error" in the Factur-X schematrons).
	Fatal Severity = iota + 1
	// Warning: the invoice is valid, but something is likely wrong.
	Warning
)

// String returns "fatal" or "warning".
func (s Severity) String() string {
	switch s {
	case Fatal:
		return "fatal"
	case Warning:
		return "warning"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// Issue is one rule an invoice breaks.
type Issue struct {
	// Rule is the official rule id: "BR-CO-15", "BR-S-08", "FX-SCH-A-000123",
	// "CII-SR-001". It is "" for the few reports of the Factur-X
	// schematrons that have no id (an attribute "marked as not used"),
	// which the official tools show as "no-id".
	Rule string
	// Severity is the official rule's.
	Severity Severity
	// Path is the model path of the offending value, as
	// "Lines[2].NetAmount" or "Totals.TaxInclusive"; "" for the invoice as
	// a whole. For a syntax rule (AddSyntax), it is the XML path of the
	// element: /rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:Name.
	Path string
	// Terms are the business terms and groups concerned: "BT-112", "BG-23".
	Terms []string
	// Message is the official rule's text, without its "[BR-CO-15]-"
	// prefix, followed by the values found where that helps.
	Message string
}

// String formats the issue as the command line prints it:
// "[BR-CO-15] Totals.TaxInclusive: message".
func (is Issue) String() string {
	if is.Path == "" {
		return fmt.Sprintf("[%s] %s", is.Rule, is.Message)
	}
	return fmt.Sprintf("[%s] %s: %s", is.Rule, is.Path, is.Message)
}

// Report is the result of a validation: the issues found, in the order of
// the rule sets and their rules, fatal and warnings mixed.
type Report struct {
	Issues []Issue
}

// Valid reports whether no issue is fatal.
func (r Report) Valid() bool {
	for _, is := range r.Issues {
		if is.Severity == Fatal {
			return false
		}
	}
	return true
}

// Fatal returns the fatal issues.
func (r Report) Fatal() []Issue {
	var out []Issue
	for _, is := range r.Issues {
		if is.Severity == Fatal {
			out = append(out, is)
		}
	}
	return out
}

// Err returns nil when no issue is fatal, and otherwise an *Error listing
// the fatal issues.
func (r Report) Err() error {
	if f := r.Fatal(); len(f) > 0 {
		return &Error{Issues: f}
	}
	return nil
}

// Error is the error of a report with fatal issues.
type Error struct {
	Issues []Issue // the fatal issues, at least one
}

func (e *Error) Error() string {
	if len(e.Issues) == 1 {
		return "validate: " + e.Issues[0].String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "validate: %d fatal issues: %s", len(e.Issues), e.Issues[0])
	fmt.Fprintf(&b, " (and %d more)", len(e.Issues)-1)
	return b.String()
}

// AddSyntax puts the breaches of syntax rules that a decoder found
// (cii.Document.Issues, ubl.Document.Issues) at the head of the report, in
// their order, so that a file's report has every official rule: the
// document's syntax first, then its content.
//
//	doc, err := (&cii.Decoder{SyntaxRules: true}).Decode(r)
//	...
//	report := validate.Invoice(doc.Invoice, validate.EN16931)
//	report.AddSyntax(doc.Issues)
func (r *Report) AddSyntax(issues []einvoice.SyntaxIssue) {
	if len(issues) == 0 {
		return
	}
	out := make([]Issue, 0, len(issues)+len(r.Issues))
	for _, s := range issues {
		is := Issue{Rule: s.Rule, Severity: Warning, Path: s.Path, Message: s.Msg}
		if s.Fatal {
			is.Severity = Fatal
		}
		if s.Rule != "" {
			is.Terms = metaOf(s.Rule).Terms
		}
		out = append(out, is)
	}
	r.Issues = append(out, r.Issues...)
}

// AddDecodeError puts a decoding failure at the head of the report as a
// fatal issue, so that a file that cannot be read still gets one report:
// its Rule is "decode", and for a *einvoice.DecodeError its Path and Terms
// are the error's (an XML path, the business terms of the element), its
// Message the error's text with the line.
func (r *Report) AddDecodeError(err error) {
	is := Issue{Rule: "decode", Severity: Fatal, Message: err.Error()}
	var de *einvoice.DecodeError
	if errors.As(err, &de) {
		is.Path, is.Terms = de.Path, de.Terms
		is.Message = de.Msg
		if de.Line > 0 {
			is.Message = fmt.Sprintf("line %d, column %d: %s", de.Line, de.Column, de.Msg)
		}
	}
	r.Issues = append([]Issue{is}, r.Issues...)
}
