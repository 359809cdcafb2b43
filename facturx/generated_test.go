package facturx_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/einvoicetest"
	"github.com/einvoice-go/einvoice/facturx"
	"github.com/einvoice-go/einvoice/internal/conformance"
)

// generatedPDFs is how many generated invoices TestCreateGenerated turns
// into PDFs for pdfa-check.
const generatedPDFs = 50

// TestCreateGenerated: Create turns invoices of einvoicetest, of every
// profile, plain, with every option, French and for Chorus Pro, into PDFs
// that pass pdfa-check, in one batch.
func TestCreateGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("the official judge: slow")
	}
	conformance.Need(t)
	all := einvoicetest.Options{
		Categories: []einvoice.VATCategory{"S", "Z", "E", "AE", "K", "G", "O", "L", "M"},
		TypeCodes:  []einvoice.DocumentTypeCode{"380", "381", "384", "386", "389"},
		Currencies: []einvoice.CurrencyCode{"EUR", "USD", "CHF"}, AllowancesCharges: true, Attachments: true,
	}
	french := all
	french.French, french.Categories = true, []einvoice.VATCategory{"S", "Z", "E", "AE", "K", "G", "O"}
	variants := []einvoicetest.Options{{}, all, french, {ChorusPro: true, AllowancesCharges: true, Attachments: true}}
	var opts []einvoicetest.Options
	for _, p := range []cii.Profile{cii.Minimum, cii.BasicWL, cii.Basic, cii.EN16931, cii.Extended, cii.ExtendedCTCFR} {
		for i, v := range variants {
			if i >= 2 && (p == cii.Minimum || p == cii.BasicWL) {
				continue // the French CIUS wants BASIC at least
			}
			v.Profile = p
			opts = append(opts, v)
		}
	}
	dir := t.TempDir()
	var files []string
	for i := range generatedPDFs {
		opt := opts[i%len(opts)]
		seed := uint64(9000 + i)
		inv := einvoicetest.Invoice(seed, opt)
		p := cii.ProfileOf(inv.Process.Specification)
		var pdf bytes.Buffer
		if err := facturx.Create(&pdf, inv, &facturx.Options{Profile: p, Time: createTime}); err != nil {
			t.Fatalf("Invoice(%d, %+v): Create: %v", seed, opt, err)
		}
		path := filepath.Join(dir, fmt.Sprintf("generated-%02d-%s.pdf", i, p))
		if err := os.WriteFile(path, pdf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	verdicts := conformance.PDFACheck(t, nil, files)
	for _, f := range files {
		if v, ok := verdicts[f]; !ok || !v.Pass {
			t.Errorf("%s fails pdfa-check (verdict found: %v):\n  %s", filepath.Base(f), ok, strings.Join(v.Findings, "\n  "))
		}
	}
	t.Logf("pdfa-check: %d generated PDFs judged", len(files))
}
