// Command codelists generates codes_gen.go, the EN 16931 code lists of
// package einvoice, from the code-list schematron of the CEN EN 16931
// validation artefacts (CII and UBL bindings).
//
// Usage, from the module root (go generate runs it so):
//
//	go run ./internal/gen/codelists [-cii PATH] [-ubl PATH] [-o PATH]
//
// The schematron paths default to the conformance directory,
// $EINVOICE_CONFORMANCE_DIR or else ../shared/conformance relative to the
// module root, followed by
//
//	cii/schematron/sch/codelist/EN16931-CII-codes.sch
//	ubl/schematron/sch/codelist/EN16931-UBL-codes.sch
//
// Each code list is read from the test of an assert, by rule id (BR-CL-xx):
// the space-separated literal of contains(' A B C ', concat(' ',
// normalize-space(.), ' ')), or for BR-CL-24 the codes of a disjunction of
// @mimeCode = '...' comparisons. The generator fails, and writes nothing, when
// a list is missing or empty, when rules that should share a list differ, or
// when a code of a hand-named list (VAT categories, tax point date codes, MIME
// types) has no name or a name has no code. Codes are sorted by code, in byte
// order, so the output is deterministic.
package main

import (
	"flag"
	"fmt"
	"github.com/einvoice-go/einvoice/internal/conformance"
	"os"
	"path/filepath"
)

// Paths of the sources in the conformance directory.
const (
	ciiRel = "cii/schematron/sch/codelist/EN16931-CII-codes.sch"
	ublRel = "ubl/schematron/sch/codelist/EN16931-UBL-codes.sch"
)

func main() {
	dir := conformanceDir()
	ciiPath := flag.String("cii", filepath.Join(dir, ciiRel), "the CEN EN 16931 CII code-list schematron")
	ublPath := flag.String("ubl", filepath.Join(dir, ublRel), "the CEN EN 16931 UBL code-list schematron")
	out := flag.String("o", "codes_gen.go", "the Go file to write")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: codelists [-cii PATH] [-ubl PATH] [-o PATH]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	src, notes, err := generate(*ciiPath, *ublPath)
	for _, n := range notes {
		fmt.Fprintln(os.Stderr, "codelists: note:", n)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "codelists:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "codelists:", err)
		os.Exit(1)
	}
}

// generate returns the formatted source of codes_gen.go.
func generate(ciiPath, ublPath string) (src []byte, notes []string, err error) {
	files := make(map[string]*schematron)
	for _, f := range []struct{ name, path string }{{cii, ciiPath}, {ubl, ublPath}} {
		s, err := loadSchematron(f.path)
		if err != nil {
			return nil, nil, err
		}
		files[f.name] = s
	}
	types, notes, err := build(specs, files)
	if err != nil {
		return nil, nil, err
	}
	src, err = render(types)
	return src, notes, err
}

// conformanceDir is $EINVOICE_CONFORMANCE_DIR, or else ../shared/conformance
// beside the module, as the tests find it.
func conformanceDir() string { return conformance.Dir() }
