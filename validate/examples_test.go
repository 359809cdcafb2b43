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
// no fatal issue under validate.EN16931, but for the known differences
// between the CEN UBL and CII schematrons (the rules follow CII's).
func TestValidExamples(t *testing.T) {
	// ublOnly lists the UBL examples the UBL judge accepts and the rule the
	// CII schematron would break them on: BR-53 in CII also fires when the
	// VAT accounting currency (BT-6) equals the invoice currency.
	ublOnly := map[string]string{"sample-discount-price.xml": "BR-53"}
	n := 0
	check := func(name string, inv *einvoice.Invoice) {
		t.Helper()
		n++
		for _, is := range validate.Invoice(inv, validate.EN16931).Fatal() {
			if ublOnly[name] == is.Rule {
				delete(ublOnly, name)
				continue
			}
			t.Errorf("%s: %s", name, is)
		}
	}
	for _, f := range fixtures.All() {
		if p, _ := cii.ParseProfile(f.Profile); p >= cii.Basic {
			check("fixture "+f.Name, &f.Invoice)
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
		if doc, err := cii.Decode(bytes.NewReader(data)); err == nil {
			inv = doc.Invoice
		} else if udoc, uerr := ubl.Decode(bytes.NewReader(data)); uerr == nil {
			inv = udoc.Invoice
		} else {
			t.Fatalf("%s: %v / %v", file, err, uerr)
		}
		check(filepath.Base(file), inv)
	}
	for name, rule := range ublOnly {
		t.Errorf("%s: %s no longer fires: remove it from ublOnly", name, rule)
	}
	if n < 80 {
		t.Errorf("only %d invoices checked", n)
	}
	t.Logf("%d invoices without a fatal issue", n)
}
