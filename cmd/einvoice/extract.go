package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/einvoice-go/einvoice/facturx"
)

const extractUsage = `usage: einvoice extract [-o OUT.xml] IN.pdf

Writes the invoice XML embedded in the Factur-X or ZUGFeRD PDF IN.pdf (- is
standard input) to OUT.xml, or to standard output, byte for byte as
embedded. The attachment's name, relationship and the profile its XMP
metadata declares go to standard error.

Exit status: 0 on success, 1 when the output cannot be written, 2 on a usage
or read error, or a PDF without an invoice.
`

func extract(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("o", "", "output file")
	positional, code, done := parseFlags(fs, args, extractUsage, stdout, stderr)
	if done {
		return code
	}
	if len(positional) != 1 {
		return usageError(stderr, fmt.Sprintf("extract: one input PDF expected, got %d", len(positional)))
	}
	name, data, err := readArg(positional[0], stdin)
	if err != nil {
		return usageError(stderr, "extract: "+err.Error())
	}
	x, err := facturx.Extract(data)
	if err != nil {
		return usageError(stderr, "extract: "+name+": "+trimPrefix(err))
	}
	level := x.ConformanceLevel
	if level == "" {
		level = "no profile in the XMP metadata"
	}
	rel := string(x.Relationship)
	if rel == "" {
		rel = "no relationship"
	}
	fmt.Fprintf(stderr, "einvoice: extract: %s: %s (%s, %s)\n", name, x.Name, level, rel)
	if *out == "" || *out == "-" {
		_, err = stdout.Write(x.XML)
	} else {
		err = os.WriteFile(*out, x.XML, 0o644)
	}
	if err != nil {
		fmt.Fprintf(stderr, "einvoice: extract: %s: %s\n", name, err)
		return exitFail
	}
	return exitOK
}
