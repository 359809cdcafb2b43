package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/ubl"
)

const convertUsage = `usage: einvoice convert --to json|cii|ubl [--profile P] [--drop] [-o OUT] IN

Reads the invoice IN (a file, or - for standard input): a JSON invoice, a CII
document, a UBL Invoice or CreditNote, or a Factur-X PDF, told apart by their
content. A JSON
invoice is completed first (line net amounts, VAT breakdown, document
totals); a CII or UBL document keeps the figures it states. Writes it as
indented JSON, as CII or as UBL.

Flags (before or after IN):
  --to FORMAT   output format: json, cii or ubl
  --profile P   Factur-X profile of CII output: minimum, basicwl, basic,
                en16931 (the default), extended, or extended-ctc-fr (the
                French subset of extended, for CII exchanged alone: BT-24
                is its own identifier, ...:extended-ctc-fr)
  --drop        drop the terms the profile cannot carry, naming them on
                standard error, instead of failing
  -o OUT        output file (default: standard output; - is standard output)

Elements of a CII or UBL input that the model cannot carry are named on
standard error, one line each; nothing is dropped silently. A Factur-X or
ZUGFeRD PDF is read through the CII invoice it carries.

Exit status: 0 on success, 1 when the invoice cannot be completed or written
(a term the profile cannot carry, say), 2 on a usage or read error or
undecodable input.
`

// profiles are the Factur-X profiles of the contract's --profile flag.
var profiles = []string{"minimum", "basicwl", "basic", "en16931", "extended", "extended-ctc-fr"}

func convert(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	to := fs.String("to", "", "output format")
	out := fs.String("o", "", "output file")
	profile := fs.String("profile", "", "Factur-X profile")
	drop := fs.Bool("drop", false, "drop the terms the profile cannot carry")

	positional, code, done := parseFlags(fs, args, convertUsage, stdout, stderr)
	if done {
		return code
	}

	switch *to {
	case "json", "cii", "ubl":
	case "":
		return usageError(stderr, "convert: --to is required (json, cii or ubl)")
	default:
		return usageError(stderr, fmt.Sprintf("convert: bad --to value %q: want json, cii or ubl", *to))
	}
	var ciiProfile cii.Profile
	if *profile != "" {
		if !slices.Contains(profiles, *profile) {
			return usageError(stderr, fmt.Sprintf("convert: bad --profile value %q: want one of %s", *profile, strings.Join(profiles, ", ")))
		}
		if *to != "cii" {
			return usageError(stderr, "convert: --profile applies to CII output, not to --to "+*to)
		}
		p, ok := cii.ParseProfile(*profile)
		if !ok {
			return usageError(stderr, "convert: --profile "+*profile+" is not supported")
		}
		ciiProfile = p
	}
	if *drop && *to != "cii" {
		return usageError(stderr, "convert: --drop applies to CII output, not to --to "+*to)
	}
	switch len(positional) {
	case 0:
		return usageError(stderr, "convert: missing input file IN (a file, or - for standard input)")
	case 1:
	default:
		return usageError(stderr, fmt.Sprintf("convert: one input file expected, got %d: %s", len(positional), strings.Join(positional, " ")))
	}
	in, code := loadInvoice("convert", positional[0], stdin, stderr)
	if code != exitOK {
		return code
	}
	if err := convertOut(in.inv, *to, ciiProfile, *drop, *out, in.name, stdout, stderr); err != nil {
		return exitFail
	}
	return exitOK
}

// convertOut writes inv in the format to, to the file out or to standard
// output, and reports any error on stderr.
func convertOut(inv *einvoice.Invoice, to string, profile cii.Profile, drop bool, out, name string, stdout, stderr io.Writer) error {
	var buf bytes.Buffer
	var err error
	switch to {
	case "ubl":
		err = ubl.Encode(&buf, inv)
	case "cii":
		var dropped []string
		dropped, err = (&cii.Encoder{Profile: profile, DropUnsupported: drop}).Encode(&buf, inv)
		if len(dropped) > 0 {
			fmt.Fprintf(stderr, "einvoice: convert: %s: dropped, as the profile cannot carry them: %s\n", name, strings.Join(dropped, ", "))
		}
	default:
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(inv)
	}
	if err == nil {
		if out == "" || out == "-" {
			_, err = stdout.Write(buf.Bytes())
		} else {
			err = os.WriteFile(out, buf.Bytes(), 0o644)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "einvoice: convert: %s: %s\n", name, trimPrefix(err))
	}
	return err
}

func lines[T fmt.Stringer](list []T) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = v.String()
	}
	return out
}

// trimPrefix returns the error's message without the package prefix
// "einvoice: ", since every line the command prints starts with it already.
func trimPrefix(err error) string {
	return strings.TrimPrefix(err.Error(), "einvoice: ")
}
