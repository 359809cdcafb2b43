package einvoice

import (
	"fmt"
	"strings"
)

// FieldError is a problem with one field of an invoice: a figure that
// cannot be computed, a term that is missing or malformed.
type FieldError struct {
	// Path is the field's path in the model, such as Lines[2].VAT.Rate.
	Path string
	// Terms are the EN 16931 business terms and groups concerned, such as
	// BT-152.
	Terms []string
	// Msg says what is wrong.
	Msg string
}

func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString("einvoice: ")
	b.WriteString(e.Path)
	if len(e.Terms) > 0 {
		b.WriteString(" (")
		b.WriteString(strings.Join(e.Terms, ", "))
		b.WriteString(")")
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList is a list of field errors, in the order of the invoice. Like
// go/scanner's, it is an error when not empty; use Err to get a nil error for
// an empty list.
type ErrorList []*FieldError

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "einvoice: no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	b.WriteString(l[0].Error())
	for _, e := range l[1:] {
		b.WriteString("\n")
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns nil for an empty list, the list otherwise.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Unwrap returns the errors of the list, for errors.Is and errors.As.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

func (l *ErrorList) add(path string, msg string, terms ...string) {
	*l = append(*l, &FieldError{Path: path, Terms: terms, Msg: msg})
}

// SyntaxIssue is a breach of an official rule about the XML of a document
// rather than its content, found by a decoder: a syntax binding rule of the
// CEN EN 16931 schematron (CII-SR-*, CII-DT-*, UBL-SR-*, UBL-CR-*,
// UBL-DT-*) or a structural rule of a Factur-X profile's (FX-SCH-A-*). Many
// are warnings. Package validate merges them into its reports.
type SyntaxIssue struct {
	// Rule is the official rule id. The Factur-X schematrons have reports
	// without id (an attribute "marked as not used"); their Rule is "".
	Rule string
	// Fatal is the official severity: true for fatal (or error), false for
	// a warning.
	Fatal bool
	// Path is the XML path of the rule's context element, with 1-based
	// indexes where siblings share a name.
	Path string
	// Line is the line of that element's start tag.
	Line int
	// Msg is the official rule's text.
	Msg string
}

func (s SyntaxIssue) String() string {
	sev := "warning"
	if s.Fatal {
		sev = "fatal"
	}
	return fmt.Sprintf("[%s] %s line %d %s: %s", s.Rule, sev, s.Line, s.Path, s.Msg)
}
