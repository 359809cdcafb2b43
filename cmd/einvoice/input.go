package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/facturx"
	"github.com/einvoice-go/einvoice/ubl"
)

// input is an invoice read from a file given on the command line.
type input struct {
	name string // the file name, or "standard input"
	kind string // json, cii, ubl or pdf
	inv  *einvoice.Invoice
	// cii is the CII document as read, when the input is one or is a
	// Factur-X PDF carrying one: written on unchanged where no profile
	// change is asked for, so that nothing of it is lost.
	cii []byte
	// issues are the breaches of the official syntax rules the decoding
	// was asked to check (validate).
	issues []einvoice.SyntaxIssue
	// profile is the Factur-X profile a CII document declares.
	profile cii.Profile
}

// syntaxRules are the official rules on the XML that decoding checks, for
// validate: cen the syntax binding rules of the CEN schematron (CII-SR,
// CII-DT, UBL-SR, UBL-CR, UBL-DT), profile the structural rules of the
// declared Factur-X profile's schematron (CII only).
type syntaxRules struct{ cen, profile bool }

// loadInvoice reads the invoice in (a file, or - for standard input): a
// JSON invoice, completed; a CII or UBL document; or a Factur-X PDF, read
// through its XML. It names on stderr what the model could not carry. On
// failure it prints the error and returns the exit status: exitUsage for a
// read error or undecodable input, exitFail for a JSON invoice that cannot
// be completed.
func loadInvoice(verb, in string, stdin io.Reader, stderr io.Writer) (*input, int) {
	name, data, err := readArg(in, stdin)
	if err != nil {
		return nil, usageError(stderr, verb+": "+err.Error())
	}
	res, ignored, err := decodeInput(name, data, syntaxRules{})
	if err != nil {
		return nil, usageError(stderr, verb+": "+name+": "+trimPrefix(err))
	}
	if res.kind == "json" {
		if err := res.inv.Complete(); err != nil {
			var list einvoice.ErrorList
			if errors.As(err, &list) && len(list) > 0 {
				for _, fe := range list {
					fmt.Fprintf(stderr, "einvoice: %s: %s: %s\n", verb, name, trimPrefix(fe))
				}
			} else {
				fmt.Fprintf(stderr, "einvoice: %s: %s: %s\n", verb, name, trimPrefix(err))
			}
			return nil, exitFail
		}
	}
	for _, ig := range ignored {
		fmt.Fprintf(stderr, "einvoice: %s: %s: not carried into the model: %s\n", verb, name, ig)
	}
	return res, exitOK
}

// decodeInput decodes data, the content of the file name: a JSON invoice
// (not completed), a CII or UBL document, or a Factur-X PDF, read through
// its XML. It returns what the model could not carry, one line each. The
// syntax rules asked for are checked on an XML document.
func decodeInput(name string, data []byte, rules syntaxRules) (*input, []string, error) {
	res := &input{name: name, kind: sniff(data)}
	var ignored []string
	var err error
	switch res.kind {
	case "pdf":
		x, err := facturx.Extract(data)
		if err != nil {
			return nil, nil, err
		}
		data = x.XML
		fallthrough
	case "xml":
		var syntax string
		syntax, ignored, err = decodeXML(res, data, rules)
		if err != nil {
			return nil, nil, err
		}
		if syntax == "cii" {
			res.cii = data
		}
		if res.kind == "xml" {
			res.kind = syntax
		}
	default:
		if res.inv, err = einvoice.DecodeJSON(bytes.NewReader(data)); err != nil {
			return nil, nil, err
		}
	}
	return res, ignored, nil
}

// decodeXML decodes a CII or UBL document into res, and returns the
// syntax, "cii" or "ubl", and what the model could not carry, one line
// each.
func decodeXML(res *input, data []byte, rules syntaxRules) (string, []string, error) {
	cd := cii.Decoder{SyntaxRules: rules.cen, ProfileRules: rules.profile}
	doc, err := cd.Decode(bytes.NewReader(data))
	if err == nil {
		res.inv, res.issues, res.profile = doc.Invoice, doc.Issues, doc.Profile
		return "cii", lines(doc.Ignored), nil
	}
	if !errors.Is(err, cii.ErrFormat) {
		return "", nil, err
	}
	ud := ubl.Decoder{SyntaxRules: rules.cen}
	udoc, uerr := ud.Decode(bytes.NewReader(data))
	if errors.Is(uerr, ubl.ErrFormat) {
		return "", nil, fmt.Errorf("neither a CII invoice nor a UBL Invoice or CreditNote: %w", err)
	}
	if uerr != nil {
		return "", nil, uerr
	}
	res.inv, res.issues = udoc.Invoice, udoc.Issues
	return "ubl", lines(udoc.Ignored), nil
}

// sniff tells the input's format from its content: "pdf" for a file with
// %PDF- in its first kilobyte (where PDF readers look for it), "xml" when
// the first byte after white space (and a UTF-8 byte order mark) is <,
// "json" otherwise.
func sniff(data []byte) string {
	if bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return "pdf"
	}
	rest := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(rest) > 0 && rest[0] == '<' {
		return "xml"
	}
	return "json"
}
