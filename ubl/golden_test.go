package ubl_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/internal/conformance"
	"github.com/einvoice-go/einvoice/internal/fixtures"
	"github.com/einvoice-go/einvoice/internal/modeltest"
	"github.com/einvoice-go/einvoice/ubl"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// en16931Fixtures returns the fixtures that are EN 16931 invoices: those of
// the BASIC, EN 16931 and EXTENDED profiles. The MINIMUM and BASIC WL ones
// have no lines, and no UBL document can hold them; nor can it hold the
// EXTENDED terms of an EXTENDED one (TestEncodeExtendedTerms).
func en16931Fixtures() []fixtures.Fixture {
	var out []fixtures.Fixture
	for _, f := range fixtures.All() {
		switch f.Profile {
		case fixtures.Basic, fixtures.EN16931, fixtures.Extended:
			if len(ubl.ExtendedTerms(&f.Invoice)) == 0 {
				out = append(out, f)
			}
		}
	}
	return out
}

func encodeFixture(t *testing.T, f *fixtures.Fixture) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := ubl.Encode(&b, &f.Invoice); err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	return b.Bytes()
}

// TestGolden: every EN 16931 fixture encodes to its golden file, byte for
// byte. The golden files are the ones the official judge passed
// (TestGoldenJudge).
func TestGolden(t *testing.T) {
	all := en16931Fixtures()
	if len(all) < 40 {
		t.Fatalf("%d EN 16931 fixtures, want at least 40", len(all))
	}
	if *update {
		if err := os.MkdirAll(filepath.Join("testdata", "golden"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	seen := map[string]bool{}
	for i := range all {
		f := &all[i]
		got := encodeFixture(t, f)
		path := filepath.Join("testdata", "golden", f.Name+".xml")
		seen[filepath.Base(path)] = true
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v (run go test ./ubl -update, then the judge)", f.Name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: encoding differs from %s (run go test ./ubl -update and check the diff)", f.Name, path)
		}
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.xml"))
	for _, file := range files {
		if !seen[filepath.Base(file)] {
			t.Errorf("%s belongs to no fixture", file)
		}
	}
}

// TestGoldenJudge runs the official judge (the UBL 2.1 XSD and the CEN
// EN 16931 UBL schematron) on every golden file, in one call.
func TestGoldenJudge(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.xml"))
	if len(files) < 40 {
		t.Fatalf("%d golden files, want at least 40", len(files))
	}
	for file, v := range conformance.Check(t, nil, files) {
		if !v.Pass {
			t.Errorf("%s fails the judge:\n  %s", file, strings.Join(v.Findings, "\n  "))
		}
	}
}

// TestRoundTrip: Decode(Encode(inv)) equals inv, for every EN 16931
// fixture, and decoding our own output ignores nothing.
func TestRoundTrip(t *testing.T) {
	for _, f := range en16931Fixtures() {
		data := encodeFixture(t, &f)
		doc, err := ubl.Decode(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", f.Name, err)
			continue
		}
		if len(doc.Ignored) > 0 {
			t.Errorf("%s: decoding its own output ignored %v", f.Name, doc.Ignored)
		}
		if doc.CreditNote != f.Invoice.TypeCode.IsCreditNote() {
			t.Errorf("%s: decoded CreditNote %v", f.Name, doc.CreditNote)
		}
		if d := modeltest.Diff(f.Invoice, *doc.Invoice); d != nil {
			t.Errorf("%s: round trip differs:\n  %s", f.Name, strings.Join(d, "\n  "))
		}
	}
}

// TestOfficialExamplesJudge: the official UBL examples, decoded and
// encoded again, and the official CII examples that are EN 16931 invoices,
// decoded by package cii and encoded as UBL, pass the UBL judge, in one
// call. A CII example that UBL cannot carry (no VAT total, BT-110, beside
// its VAT breakdown) is logged.
func TestOfficialExamplesJudge(t *testing.T) {
	dir := conformance.Need(t, "examples")
	var ublFiles, ciiFiles []string
	for _, pattern := range []string{"ubl/*.xml", "ubl/*.XML", "ubl/testfiles/*.xml"} {
		more, _ := filepath.Glob(filepath.Join(dir, "examples", pattern))
		ublFiles = append(ublFiles, more...)
	}
	for _, pattern := range []string{"cii/*.xml", "facturx/basic/*.xml", "facturx/en16931/*.xml", "facturx/extended/*.xml"} {
		more, _ := filepath.Glob(filepath.Join(dir, "examples", pattern))
		ciiFiles = append(ciiFiles, more...)
	}
	if len(ublFiles) < 40 || len(ciiFiles) < 20 {
		t.Fatalf("%d UBL and %d CII examples", len(ublFiles), len(ciiFiles))
	}
	tmp := t.TempDir()
	var written []string
	write := func(file string, inv *einvoice.Invoice) {
		var b bytes.Buffer
		if err := ubl.Encode(&b, inv); err != nil {
			if errors.Is(err, ubl.ErrUnsupported) {
				t.Logf("%s: %v", filepath.Base(file), err)
				return
			}
			t.Errorf("%s: %v", file, err)
			return
		}
		rel, _ := filepath.Rel(filepath.Join(dir, "examples"), file)
		path := filepath.Join(tmp, strings.NewReplacer("/", "_", " ", "_").Replace(rel)+".ubl.xml")
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		written = append(written, path)
	}
	for _, file := range ublFiles {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ubl.Decode(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		write(file, doc.Invoice)
	}
	for _, file := range ciiFiles {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := cii.Decode(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		write(file, doc.Invoice)
	}
	if len(written) < 60 {
		t.Fatalf("only %d examples encoded", len(written))
	}
	for file, v := range conformance.Check(t, nil, written) {
		if !v.Pass {
			t.Errorf("%s fails the judge:\n  %s", filepath.Base(file), strings.Join(v.Findings, "\n  "))
		}
	}
}
