package ubl_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/internal/conformance"
	"github.com/einvoice-go/einvoice/internal/modeltest"
	"github.com/einvoice-go/einvoice/ubl"
	"github.com/shopspring/decimal"
)

func encodeUBL(t *testing.T, inv *einvoice.Invoice) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := ubl.Encode(&b, inv); err != nil {
		t.Fatalf("%s: UBL: %v", inv.Number, err)
	}
	return b.Bytes()
}

// encodeCII writes inv as CII, dropping what the CII syntax cannot carry
// (BT-6 equal to BT-5, BT-147 without BT-148), and returns the dropped
// terms.
func encodeCII(t *testing.T, inv *einvoice.Invoice) ([]byte, []string) {
	t.Helper()
	var b bytes.Buffer
	dropped, err := (&cii.Encoder{DropUnsupported: true}).Encode(&b, inv)
	if err != nil {
		t.Fatalf("%s: CII: %v", inv.Number, err)
	}
	return b.Bytes(), dropped
}

// expectDropped returns a copy of inv without the terms the CII encoder
// dropped, as the model comes back from a conversion through CII.
func expectDropped(t *testing.T, inv *einvoice.Invoice, dropped []string) einvoice.Invoice {
	t.Helper()
	c := *inv
	for _, term := range dropped {
		switch term {
		case "BT-6":
			c.TaxCurrency = ""
		case "BT-111":
			c.Totals.VATInTaxCurrency = nil
		case "BT-147":
			c.Lines = append([]einvoice.Line(nil), inv.Lines...)
			for i := range c.Lines {
				if c.Lines[i].Price.Gross == nil {
					c.Lines[i].Price.Discount = nil
				}
			}
		default:
			t.Errorf("%s: CII dropped %s", inv.Number, term)
		}
	}
	return c
}

// withoutExtended returns a copy of inv without its EXTENDED terms: what
// the CII encoder keeps of it in the EN 16931 profile, where it drops the
// terms that profile cannot carry, all EXTENDED ones among them.
func withoutExtended(t *testing.T, inv *einvoice.Invoice) *einvoice.Invoice {
	t.Helper()
	var b bytes.Buffer
	dropped, err := (&cii.Encoder{Profile: cii.EN16931, DropUnsupported: true}).Encode(&b, inv)
	if err != nil {
		t.Fatalf("%s: CII: %v", inv.Number, err)
	}
	if want := ubl.ExtendedTerms(inv); !slices.Equal(dropped, want) {
		t.Errorf("%s: CII EN 16931 dropped %v, want the EXTENDED terms %v", inv.Number, dropped, want)
	}
	out := decodeCII(t, b.Bytes())
	out.Process.Specification = inv.Process.Specification
	return out
}

func decodeUBL(t *testing.T, data []byte) *einvoice.Invoice {
	t.Helper()
	doc, err := ubl.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("UBL: %v", err)
	}
	for _, ig := range doc.Ignored {
		t.Errorf("decoding our own UBL ignored %s", ig)
	}
	return doc.Invoice
}

func decodeCII(t *testing.T, data []byte) *einvoice.Invoice {
	t.Helper()
	doc, err := cii.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("CII: %v", err)
	}
	for _, ig := range doc.Ignored {
		t.Errorf("decoding our own CII ignored %s", ig)
	}
	return doc.Invoice
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func judge(t *testing.T, args []string, files []string, what string) {
	t.Helper()
	if len(files) == 0 {
		return
	}
	for file, v := range conformance.Check(t, args, files) {
		if !v.Pass {
			t.Errorf("%s %s fails the judge %v:\n  %s", what, filepath.Base(file), args, strings.Join(v.Findings, "\n  "))
		}
	}
}

// TestCrossFromCII: for every official CII example that is an EN 16931
// invoice (the CEN examples and the Factur-X BASIC, EN 16931 and EXTENDED
// ones; MINIMUM and BASIC WL documents have no lines and are no EN 16931
// invoices, so no UBL document can hold them), CII -> UBL passes the UBL
// judge, UBL -> CII passes the CII judge of the source's profile, and the
// model after CII -> UBL -> CII equals the first.
func TestCrossFromCII(t *testing.T) {
	dir := conformance.Need(t, "examples")
	groups := map[string][]string{}
	groups[""], _ = filepath.Glob(filepath.Join(dir, "examples", "cii", "*.xml"))
	for _, p := range []string{"basic", "en16931", "extended"} {
		groups[p], _ = filepath.Glob(filepath.Join(dir, "examples", "facturx", p, "*.xml"))
	}
	tmp := t.TempDir()
	var ublFiles []string
	ciiFiles := map[string][]string{}
	n := 0
	for group, files := range groups {
		for _, file := range files {
			n++
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := cii.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			first := doc.Invoice
			if ids := first.Buyer.Identifiers; len(ids) > 1 {
				// UBL carries one buyer identifier (UBL-SR-16); the encoder
				// refuses more (TestEncodeSeveralBuyerIdentifiers).
				t.Logf("%s: %d buyer identifiers, UBL carries the first", filepath.Base(file), len(ids))
				first.Buyer.Identifiers = ids[:1]
			}
			if terms := ubl.ExtendedTerms(first); len(terms) > 0 {
				// UBL carries none of the EXTENDED terms (an invoicee in
				// three EXTENDED examples); the encoder refuses them
				// (TestEncodeExtendedTerms). What UBL can carry is what
				// the CII EN 16931 profile can, which drops the others.
				t.Logf("%s: UBL carries none of %v", filepath.Base(file), terms)
				first = withoutExtended(t, first)
			}
			u := encodeUBL(t, first)
			name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
			ublFiles = append(ublFiles, write(t, tmp, group+"-"+name+".ubl.xml", u))
			second := decodeUBL(t, u)
			c, dropped := encodeCII(t, second)
			if len(dropped) > 0 {
				t.Errorf("%s: CII could not carry %v back", file, dropped)
			}
			ciiFiles[group] = append(ciiFiles[group], write(t, tmp, group+"-"+name+".cii.xml", c))
			third := decodeCII(t, c)
			want := *first
			if want.Totals.VAT == nil && len(want.VATBreakdown) > 0 {
				// UBL requires BT-110 with the breakdown; the encoder writes
				// the sum of BT-117, the only value BR-CO-14 allows.
				sum := decimal.New(0, -2)
				for _, b := range want.VATBreakdown {
					sum = sum.Add(b.TaxAmount)
				}
				want.Totals.VAT = &sum
				t.Logf("%s: BT-110 absent from the CII document: UBL carries %s", filepath.Base(file), sum)
			}
			if d := modeltest.Diff(want, *third); d != nil {
				t.Errorf("%s: CII -> UBL -> CII differs:\n  %s", file, strings.Join(d, "\n  "))
			}
		}
	}
	if n < 20 {
		t.Fatalf("%d CII examples", n)
	}
	judge(t, nil, ublFiles, "CII -> UBL")
	for group, files := range ciiFiles {
		var args []string
		if group != "" {
			args = []string{"--profile", group}
		}
		judge(t, args, files, "CII -> UBL -> CII")
	}
}

// TestCrossFromUBL: for every official UBL example, UBL -> CII passes the
// CII judge (the profile its BT-24 names, or CEN's when it names none), CII
// -> UBL passes the UBL judge, and the model after UBL -> CII -> UBL equals
// the first.
func TestCrossFromUBL(t *testing.T) {
	dir := conformance.Need(t, "examples/ubl")
	var files []string
	for _, pattern := range []string{"*.xml", "*.XML"} {
		more, _ := filepath.Glob(filepath.Join(dir, "examples", "ubl", pattern))
		files = append(files, more...)
	}
	if len(files) < 15 {
		t.Fatalf("%d UBL examples", len(files))
	}
	tmp := t.TempDir()
	var ciiFiles, ublFiles []string
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ubl.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		first := doc.Invoice
		c, dropped := encodeCII(t, first)
		if len(dropped) > 0 {
			t.Logf("%s: the CII syntax cannot carry %v as the UBL document holds them: dropped and reported", filepath.Base(file), dropped)
		}
		name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		ciiFiles = append(ciiFiles, write(t, tmp, name+".cii.xml", c))
		second := decodeCII(t, c)
		u := encodeUBL(t, second)
		ublFiles = append(ublFiles, write(t, tmp, name+".ubl.xml", u))
		third := decodeUBL(t, u)
		want := expectDropped(t, first, dropped)
		if d := modeltest.Diff(want, *third); d != nil {
			t.Errorf("%s: UBL -> CII -> UBL differs:\n  %s", file, strings.Join(d, "\n  "))
		}
	}
	judge(t, []string{"--profile", "auto"}, ciiFiles, "UBL -> CII")
	judge(t, nil, ublFiles, "UBL -> CII -> UBL")
}
