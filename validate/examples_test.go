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
// validate.EN16931.For(validate.UBL), syntax binding rules included: the
// examples as they are, the fixtures as we write them in CII and UBL.
func TestValidExamples(t *testing.T) {
	n := 0
	check := func(name string, inv *einvoice.Invoice, syntax []einvoice.SyntaxIssue, set validate.RuleSet) {
		t.Helper()
		n++
		rep := validate.Invoice(inv, set)
		rep.AddSyntax(syntax)
		for _, is := range rep.Fatal() {
			t.Errorf("%s (%v): %s", name, set.Syntax(), is)
		}
	}
	for _, f := range fixtures.All() {
		p, _ := cii.ParseProfile(f.Profile)
		if p < cii.Basic {
			continue
		}
		check("fixture "+f.Name, &f.Invoice, nil, validate.EN16931)
		var c, u bytes.Buffer
		if _, err := (&cii.Encoder{Profile: p}).Encode(&c, &f.Invoice); err != nil {
			t.Fatalf("fixture %s: %v", f.Name, err)
		}
		doc, err := (&cii.Decoder{SyntaxRules: true}).Decode(&c)
		if err != nil {
			t.Fatalf("fixture %s: %v", f.Name, err)
		}
		check("fixture "+f.Name+" as CII", doc.Invoice, doc.Issues, validate.EN16931)
		if err := ubl.Encode(&u, &f.Invoice); err != nil {
			continue // not every fixture can be written as UBL (ubl's tests say which)
		}
		udoc, err := (&ubl.Decoder{SyntaxRules: true}).Decode(&u)
		if err != nil {
			t.Fatalf("fixture %s: %v", f.Name, err)
		}
		check("fixture "+f.Name+" as UBL", udoc.Invoice, udoc.Issues, validate.EN16931.For(validate.UBL))
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
		var syntax []einvoice.SyntaxIssue
		set := validate.EN16931
		if doc, err := (&cii.Decoder{SyntaxRules: true}).Decode(bytes.NewReader(data)); err == nil {
			inv, syntax = doc.Invoice, doc.Issues
		} else if udoc, uerr := (&ubl.Decoder{SyntaxRules: true}).Decode(bytes.NewReader(data)); uerr == nil {
			inv, syntax, set = udoc.Invoice, udoc.Issues, set.For(validate.UBL)
		} else {
			t.Fatalf("%s: %v / %v", file, err, uerr)
		}
		check(filepath.Base(file), inv, syntax, set)
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
			// The profile's structural rules, and the CEN syntax rules
			// where the official tools run them (BASIC, EN 16931).
			dec := cii.Decoder{ProfileRules: true, SyntaxRules: p == cii.Basic || p == cii.EN16931}
			doc, err := dec.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			set, ok := validate.FacturX(doc.Invoice.Process.Specification)
			if !ok || set.Name() != "facturx-"+p.String() {
				t.Errorf("%s: FacturX(%q) = %s, %v; want facturx-%s", filepath.Base(file), doc.Invoice.Process.Specification, set.Name(), ok, p)
				continue
			}
			n++
			rep := validate.Invoice(doc.Invoice, set)
			rep.AddSyntax(doc.Issues)
			for _, is := range rep.Fatal() {
				t.Errorf("%s (%s): %s", filepath.Base(file), set.Name(), is)
			}
		}
	}
	t.Logf("%d official Factur-X examples without a fatal issue", n)
}
