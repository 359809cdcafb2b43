package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/internal/conformance"
)

// JSON -> CII -> JSON keeps the completed invoice; the CII passes the judge.
func TestConvertCII(t *testing.T) {
	r := runCLI(t, "", "convert", "--to", "cii", "--profile", "en16931", testInvoice)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	doc, err := cii.Decode(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Profile != cii.EN16931 {
		t.Errorf("profile %v", doc.Profile)
	}
	back := runCLI(t, r.stdout, "convert", "-", "--to", "json")
	if back.code != 0 || back.stderr != "" {
		t.Fatalf("CII -> JSON: exit %d: %s", back.code, back.stderr)
	}
	checkTotals(t, back.stdout)

	path := filepath.Join(t.TempDir(), "invoice.xml")
	if err := os.WriteFile(path, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	for file, v := range conformance.Check(t, []string{"--profile", "en16931"}, []string{path}) {
		if !v.Pass {
			t.Errorf("%s fails the judge: %v", file, v.Findings)
		}
	}
}

// A term the profile cannot carry fails the conversion, naming it, unless
// --drop, which names what it dropped.
func TestConvertCIIProfile(t *testing.T) {
	r := runCLI(t, "", "convert", "--to", "cii", "--profile", "minimum", testInvoice)
	if r.code != 1 || r.stdout != "" || !strings.Contains(r.stderr, "BG-25") || strings.Count(r.stderr, "\n") != 1 {
		t.Fatalf("exit %d, stdout %d bytes, stderr %q", r.code, len(r.stdout), r.stderr)
	}
	r = runCLI(t, "", "convert", "--to", "cii", "--profile", "minimum", "--drop", testInvoice)
	if r.code != 0 || !strings.Contains(r.stderr, "dropped, as the profile cannot carry them: ") || !strings.Contains(r.stderr, "BG-25") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	doc, err := cii.Decode(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Profile != cii.Minimum || len(doc.Invoice.Lines) != 0 {
		t.Errorf("profile %v, %d lines", doc.Profile, len(doc.Invoice.Lines))
	}
}

// Elements a CII input holds that the model cannot carry are named on
// standard error; the conversion goes on.
func TestConvertCIIIgnored(t *testing.T) {
	dir := conformance.Need(t, "examples/facturx/extended")
	files, _ := filepath.Glob(filepath.Join(dir, "examples", "facturx", "extended", "*.xml"))
	if len(files) == 0 {
		t.Fatal("no EXTENDED example")
	}
	found := false
	for _, f := range files {
		r := runCLI(t, "", "convert", "--to", "json", f)
		if r.code != 0 {
			t.Fatalf("%s: exit %d: %s", f, r.code, r.stderr)
		}
		for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
			if line == "" {
				continue
			}
			found = true
			if !strings.Contains(line, ": not carried into the model: line ") {
				t.Errorf("%s: stderr line %q", f, line)
			}
		}
	}
	if !found {
		t.Error("no EXTENDED example reported an element the model cannot carry")
	}
}

// JSON -> UBL -> CII -> JSON keeps the completed invoice; the UBL passes
// the judge.
func TestConvertUBL(t *testing.T) {
	r := runCLI(t, "", "convert", "--to", "ubl", testInvoice)
	if r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "<Invoice xmlns=") {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	path := filepath.Join(t.TempDir(), "invoice-ubl.xml")
	if err := os.WriteFile(path, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	c := runCLI(t, "", "convert", "--to", "cii", path)
	if c.code != 0 || c.stderr != "" {
		t.Fatalf("UBL -> CII: exit %d: %s", c.code, c.stderr)
	}
	back := runCLI(t, c.stdout, "convert", "--to", "json", "-")
	if back.code != 0 || back.stderr != "" {
		t.Fatalf("CII -> JSON: exit %d: %s", back.code, back.stderr)
	}
	checkTotals(t, back.stdout)
	for file, v := range conformance.Check(t, nil, []string{path}) {
		if !v.Pass {
			t.Errorf("%s fails the judge: %v", file, v.Findings)
		}
	}
}

// --profile extended-ctc-fr writes the French EXTENDED-CTC-FR identifier as
// BT-24, which the judge takes for plain CII (XSD and CEN schematron);
// converting that CII again keeps it.
func TestConvertCIIExtendedCTCFR(t *testing.T) {
	const urn = "urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr"
	r := runCLI(t, "", "convert", "--to", "cii", "--profile", "extended-ctc-fr", testInvoice)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	doc, err := cii.Decode(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Profile != cii.ExtendedCTCFR || doc.Invoice.Process.Specification != urn {
		t.Errorf("profile %v, BT-24 %q; want extended-ctc-fr, %s", doc.Profile, doc.Invoice.Process.Specification, urn)
	}
	again := runCLI(t, r.stdout, "convert", "--to", "cii", "-")
	if again.code != 0 || again.stdout != r.stdout {
		t.Errorf("CII -> CII: exit %d, %s; want the same CII", again.code, again.stderr)
	}
	path := filepath.Join(t.TempDir(), "invoice.xml")
	if err := os.WriteFile(path, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	for file, v := range conformance.Check(t, []string{"--profile", "auto"}, []string{path}) {
		if !v.Pass {
			t.Errorf("%s fails the judge: %v", file, v.Findings)
		}
	}
}
