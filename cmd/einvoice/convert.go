package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/einvoice-go/einvoice"
)

const convertUsage = `usage: einvoice convert --to json [-o OUT] IN

Reads the invoice IN (a file, or - for standard input) in the JSON form,
computes its line net amounts, VAT breakdown and document totals, and writes
the completed invoice as indented JSON.

Flags (before or after IN):
  --to FORMAT   output format: json (cii and ubl come with later versions)
  -o OUT        output file (default: standard output; - is standard output)
  --profile P   Factur-X profile of CII output (comes with CII output)

This version reads JSON only: CII and UBL XML and Factur-X PDF input come
with later versions.

Exit status: 0 on success, 1 when the invoice cannot be completed or the
output cannot be written, 2 on a usage or read error or undecodable input.
`

// profiles are the Factur-X profiles of the contract's --profile flag.
var profiles = []string{"minimum", "basicwl", "basic", "en16931", "extended", "extended-ctc-fr"}

func convert(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	to := fs.String("to", "", "output format")
	out := fs.String("o", "", "output file")
	profile := fs.String("profile", "", "Factur-X profile")

	flags, positional, err := splitArgs(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, convertUsage)
		return exitOK
	}
	if err != nil {
		return usageError(stderr, "convert: "+err.Error())
	}
	if err := fs.Parse(flags); err != nil {
		return usageError(stderr, "convert: "+err.Error())
	}

	switch *to {
	case "json":
	case "":
		return usageError(stderr, "convert: --to is required (json; cii and ubl come with later versions)")
	case "cii", "ubl":
		return usageError(stderr, "convert: --to "+*to+" is not supported yet: this version writes JSON only")
	default:
		return usageError(stderr, fmt.Sprintf("convert: bad --to value %q: want json, cii or ubl", *to))
	}
	if *profile != "" {
		if !slices.Contains(profiles, *profile) {
			return usageError(stderr, fmt.Sprintf("convert: bad --profile value %q: want one of %s", *profile, strings.Join(profiles, ", ")))
		}
		return usageError(stderr, "convert: --profile applies to CII output, not to --to json")
	}
	switch len(positional) {
	case 0:
		return usageError(stderr, "convert: missing input file IN (a file, or - for standard input)")
	case 1:
	default:
		return usageError(stderr, fmt.Sprintf("convert: one input file expected, got %d: %s", len(positional), strings.Join(positional, " ")))
	}
	in := positional[0]

	name := in
	var data []byte
	if in == "-" {
		name = "standard input"
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(in)
	}
	if err != nil {
		return usageError(stderr, "convert: "+err.Error())
	}

	switch sniff(data) {
	case "xml":
		return usageError(stderr, "convert: "+name+": XML input (CII or UBL) is not supported yet: it comes with a later version; this one reads JSON invoices only")
	case "pdf":
		return usageError(stderr, "convert: "+name+": PDF input (Factur-X) is not supported yet: it comes with a later version; this one reads JSON invoices only")
	}

	inv, err := einvoice.DecodeJSON(bytes.NewReader(data))
	if err != nil {
		return usageError(stderr, "convert: "+name+": "+trimPrefix(err))
	}
	if err := inv.Complete(); err != nil {
		var list einvoice.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			for _, fe := range list {
				fmt.Fprintf(stderr, "einvoice: convert: %s: %s\n", name, trimPrefix(fe))
			}
		} else {
			fmt.Fprintf(stderr, "einvoice: convert: %s: %s\n", name, trimPrefix(err))
		}
		return exitFail
	}

	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(inv); err != nil {
		fmt.Fprintf(stderr, "einvoice: convert: %s: %s\n", name, trimPrefix(err))
		return exitFail
	}
	if *out == "" || *out == "-" {
		_, err = stdout.Write(buf.Bytes())
	} else {
		err = os.WriteFile(*out, buf.Bytes(), 0o644)
	}
	if err != nil {
		fmt.Fprintf(stderr, "einvoice: convert: %s\n", trimPrefix(err))
		return exitFail
	}
	return exitOK
}

// sniff tells the input's format from its content: "pdf" for a file that
// starts with %PDF, "xml" when the first byte after white space (and a UTF-8
// byte order mark) is <, "json" otherwise.
func sniff(data []byte) string {
	if bytes.HasPrefix(data, []byte("%PDF")) {
		return "pdf"
	}
	rest := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(rest) > 0 && rest[0] == '<' {
		return "xml"
	}
	return "json"
}

// trimPrefix returns the error's message without the package prefix
// "einvoice: ", since every line the command prints starts with it already.
func trimPrefix(err error) string {
	return strings.TrimPrefix(err.Error(), "einvoice: ")
}
