// Command rules generates validate/rules_gen.go: the metadata (id,
// severity, business terms, message) of every rule of the official
// schematrons, for package validate.
//
// Usage, from the validate directory (go generate runs it so):
//
//	go run ../internal/gen/rules [-dir CONFORMANCE] [-o PATH]
//
// The conformance directory is $EINVOICE_CONFORMANCE_DIR, or else
// ../shared/conformance relative to the module root. The sources, read in
// this order, are (paths relative to it):
//
//	cii/schematron/sch/abstract/EN16931-CII-model.sch    CEN EN 16931 1.3.16, CII
//	cii/schematron/sch/abstract/EN16931-CII-syntax.sch
//	cii/schematron/sch/codelist/EN16931-CII-codes.sch
//	ubl/schematron/sch/abstract/EN16931-model.sch        CEN EN 16931 1.3.16, UBL
//	ubl/schematron/sch/abstract/EN16931-syntax.sch
//	ubl/schematron/sch/codelist/EN16931-UBL-codes.sch
//	facturx/<profile>/schematron/sch/FACTUR-X_*.sch      Factur-X 1.09.2, one per profile
//	fr/cii/sch/BR-FR-Flux2-Schematron-CII.sch            French CIUS (FNFE-MPE Flux 2), CII
//	fr/ubl/sch/*.sch (one file)                          French CIUS, UBL
//
// The abstract CEN files hold the asserts (id, flag, message) with tests
// that are parameters ($BR-63); the generator checks that the concrete
// binding (cii/.../CII/*.sch, ubl/.../UBL/*.sch) declares each of them.
//
// A rule's id is the assert's id attribute, which is what the official
// judges report (even where the message's own "[ID]" prefix differs). Its
// message is the assert's text, whitespace normalised, without the leading
// "[ID]-" (or "[ID] - ") prefix; its terms are the BT and BG ids the message
// names (BT-112, BG-23, BT-X-12, BT-110-0), in order of appearance, once
// each. flag="fatal" or "error", or no flag (the Factur-X files, which the
// judges treat as error), is Fatal; "warning" and "information" are Warning.
//
// The French files write the message after a header naming the rule and
// its terms ("BR-FR-09/EXT-FR-FE-06 : Le SIRET ..."), with <value-of>
// elements in it. The message is the text without the <value-of> and
// <name> elements and without the header; the terms are the BT, BG and
// EXT-FR-FE ids the assert id names (BR-FR-DEC-01_BT-92_BT-99: BT-92,
// BT-99), a trailing "-1" being the number of the assert in its rule
// (BR-FR-CO-09_BT-23-1: BT-23) unless the header names the term so
// (BR-FR-CO-14_BT-29-1: BT-29-1); an id that names none takes the terms of
// its message. Their flags are "fatal" or "warning".
//
// An id is described once, by the first source that has it: the CEN CII
// files, then the CEN UBL files, then the Factur-X files; then the French
// CII file and the French UBL file, whose ids no other file has. Where the
// (CEN or French) UBL files give the same id a different flag, or a text
// that names other terms, the generated line says so in a comment; so do
// the Factur-X files.
// The ids the UBL files flag otherwise are listed, with the UBL severity, in
// ublSeverity, for validate's rule sets that follow UBL (RuleSet.For).
// The one exception is the short list useUBL: ids whose CII text names a
// wrong business term, for which the UBL text is taken. The Factur-X
// profiles whose schematron has an id are recorded in the Profiles field.
//
// A French id the UBL file alone has is described by it; the notes list the
// ids one French file has and the other lacks. An id a French file has
// twice is described by its first assert; the generated line says how the
// second one differs.
//
// The generator fails, and writes nothing, on an assert without id or
// text, on an unknown flag, on an id that a CEN or Factur-X file has twice
// or that two Factur-X profiles describe differently, on a French text
// without header, on a French id in the CEN or Factur-X files, on a CEN
// parameter missing from its binding, and on an entry of useUBL whose
// texts no longer differ.
// Notes on standard error tell of the quirks it met.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/einvoice-go/einvoice/internal/conformance"
)

func main() {
	dir := flag.String("dir", conformance.Dir(), "the conformance directory")
	out := flag.String("o", "rules_gen.go", "the Go file to write")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: rules [-dir CONFORMANCE] [-o PATH]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	src, notes, err := generate(*dir)
	for _, n := range notes {
		fmt.Fprintln(os.Stderr, "rules: note:", n)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "rules:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "rules:", err)
		os.Exit(1)
	}
}

// generate reads the sources in the conformance directory dir and returns
// the formatted source of rules_gen.go.
func generate(dir string) (src []byte, notes []string, err error) {
	rules, notes, err := load(dir)
	if err != nil {
		return nil, notes, err
	}
	src, err = render(rules)
	return src, notes, err
}
