package validate_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/internal/conformance"
	"github.com/einvoice-go/einvoice/internal/fixtures"
	"github.com/einvoice-go/einvoice/ubl"
	"github.com/einvoice-go/einvoice/validate"
)

// Every fixture meant to be an EN 16931 invoice (BASIC, EN 16931 and
// EXTENDED) and every official example that the official judge accepts
// (CII, UBL, and the Factur-X BASIC, EN 16931 and EXTENDED examples) has
// no fatal issue under validate.EN16931, the UBL examples under
// validate.EN16931.For(validate.UBL).
func TestValidExamples(t *testing.T) {
	n := 0
	check := func(name string, inv *einvoice.Invoice, set validate.RuleSet) {
		t.Helper()
		n++
		for _, is := range validate.Invoice(inv, set).Fatal() {
			t.Errorf("%s (%v): %s", name, set.Syntax(), is)
		}
	}
	for _, f := range fixtures.All() {
		if p, _ := cii.ParseProfile(f.Profile); p >= cii.Basic {
			check("fixture "+f.Name, &f.Invoice, validate.EN16931)
		}
	}
	dir := conformance.Need(t, "examples")
	var files []string
	for _, pattern := range []string{"cii/*.xml", "ubl/*.xml", "ubl/*.XML", "facturx/basic/*.xml", "facturx/en16931/*.xml", "facturx/extended/*.xml"} {
		more, _ := filepath.Glob(filepath.Join(dir, "examples", pattern))
		files = append(files, more...)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var inv *einvoice.Invoice
		set := validate.EN16931
		if doc, err := cii.Decode(bytes.NewReader(data)); err == nil {
			inv = doc.Invoice
		} else if udoc, uerr := ubl.Decode(bytes.NewReader(data)); uerr == nil {
			inv, set = udoc.Invoice, set.For(validate.UBL)
		} else {
			t.Fatalf("%s: %v / %v", file, err, uerr)
		}
		check(filepath.Base(file), inv, set)
	}
	if n < 80 {
		t.Errorf("only %d invoices checked", n)
	}
	t.Logf("%d invoices without a fatal issue", n)
}

// Every official Factur-X example (examples/facturx/<profile>) has no
// fatal issue under the rule set its specification identifier (BT-24)
// names, which is the set of its directory's profile.
func TestValidFacturXExamples(t *testing.T) {
	dir := conformance.Need(t, filepath.Join("examples", "facturx"))
	n := 0
	for _, p := range cii.Profiles() {
		files, _ := filepath.Glob(filepath.Join(dir, "examples", "facturx", p.String(), "*.xml"))
		if len(files) == 0 {
			t.Errorf("no official %s example", p)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := cii.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			set, ok := validate.FacturX(doc.Invoice.Process.Specification)
			if !ok || set.Name() != "facturx-"+p.String() {
				t.Errorf("%s: FacturX(%q) = %s, %v; want facturx-%s", filepath.Base(file), doc.Invoice.Process.Specification, set.Name(), ok, p)
				continue
			}
			n++
			for _, is := range validate.Invoice(doc.Invoice, set).Fatal() {
				t.Errorf("%s (%s): %s", filepath.Base(file), set.Name(), is)
			}
		}
	}
	t.Logf("%d official Factur-X examples without a fatal issue", n)
}
