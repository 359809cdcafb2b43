package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice/internal/conformance"
)

// TestGeneratedFilesUpToDate regenerates cii/syntax_gen.go and
// ubl/syntax_gen.go from the official sources and compares.
func TestGeneratedFilesUpToDate(t *testing.T) {
	dir := conformance.Need(t, "cii/schematron/sch", "ubl/schematron/sch", "facturx")
	for syntax, gen := range map[string]func(string) ([]byte, error){"cii": genCII, "ubl": genUBL} {
		got, err := gen(dir)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("..", "..", "..", syntax, "syntax_gen.go")
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
			for i := range min(len(gl), len(wl)) {
				if gl[i] != wl[i] {
					t.Fatalf("%s is stale (go generate ./%s); first difference at line %d:\n generated: %.200q\n committed: %.200q", path, syntax, i+1, gl[i], wl[i])
				}
			}
			t.Fatalf("%s is stale (go generate ./%s)", path, syntax)
		}
	}
}

// TestKeepsEveryRule: every syntax rule id of the sources is in the
// generated tables, and no business rule is.
func TestKeepsEveryRule(t *testing.T) {
	dir := conformance.Need(t, "cii/schematron/sch", "ubl/schematron/sch")
	for _, c := range []struct{ sch, prefix string }{
		{"cii/schematron/sch/preprocessed/EN16931-CII-validation-preprocessed.sch", "CII-"},
		{"ubl/schematron/sch/preprocessed/EN16931-UBL-validation-preprocessed.sch", "UBL-"},
	} {
		s, err := readSch(filepath.Join(dir, c.sch))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		writeRules(&b, "x", "x", s, func(id string) bool { return strings.HasPrefix(id, c.prefix) })
		n := 0
		for _, r := range s.rules {
			for _, a := range r.Asserts {
				if strings.HasPrefix(a.ID, c.prefix) {
					n++
					if !strings.Contains(b.String(), `ID: "`+a.ID+`"`) {
						t.Errorf("%s: %s missing", c.sch, a.ID)
					}
				}
			}
		}
		if n < 500 || strings.Contains(b.String(), `ID: "BR-`) {
			t.Errorf("%s: %d syntax asserts, or a business rule kept", c.sch, n)
		}
	}
}
