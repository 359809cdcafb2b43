package main

import (
	"bytes"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/facturx"
	"github.com/einvoice-go/einvoice/internal/conformance"
	"github.com/einvoice-go/einvoice/internal/modeltest"
	"github.com/einvoice-go/einvoice/ubl"
	"github.com/einvoice-go/einvoice/validate"
)

// The figures of the invoice, computed by hand.
//
//	line 1: 40 × 4.35                    = 174.00           S 8.5 %
//	line 2: 12 × 38.90                   = 466.80
//	        allowance 10 % of 466.80     =  46.68
//	        net 466.80 − 46.68           = 420.12           S 8.5 %
//	line 3: 4 × 189.00                   = 756.00           S 8.5 %
//	line 4: 25 × 18.90                   = 472.50           S 2.1 %
//	line 5: 1500 × 0.0845                = 126.75           S 8.5 %
//	line 6: 3.5 h × 45.00                = 157.50           S 8.5 %
//
//	BT-106 = 174.00 + 420.12 + 756.00 + 472.50 + 126.75 + 157.50 = 2106.87
//	BT-108 = 35.00 (delivery charge, S 8.5 %)
//	BT-109 = 2106.87 + 35.00 = 2141.87
//
//	S 8.5 %: 174.00 + 420.12 + 756.00 + 126.75 + 157.50 + 35.00 = 1669.37;
//	         × 0.085 = 141.89645 → 141.90
//	S 2.1 %: 472.50; × 0.021 = 9.9225 → 9.92
//
//	BT-110 = 141.90 + 9.92 = 151.82
//	BT-112 = 2141.87 + 151.82 = 2293.69
//	BT-115 = BT-112 (nothing paid, no rounding) = 2293.69
func TestTotals(t *testing.T) {
	inv := buildInvoice()
	if err := inv.Complete(); err != nil {
		t.Fatalf("Complete: %v", err)
	}
	tot := inv.Totals
	if tot.Allowances != nil {
		t.Errorf("BT-107 = %s, want none: there is no document level allowance", tot.Allowances)
	}
	if tot.Charges == nil || tot.VAT == nil {
		t.Fatalf("BT-108 or BT-110 missing: %+v", tot)
	}
	for _, c := range []struct {
		bt, got, want string
	}{
		{"BT-106", tot.LineNet.StringFixed(2), "2106.87"},
		{"BT-108", tot.Charges.StringFixed(2), "35.00"},
		{"BT-109", tot.TaxExclusive.StringFixed(2), "2141.87"},
		{"BT-110", tot.VAT.StringFixed(2), "151.82"},
		{"BT-112", tot.TaxInclusive.StringFixed(2), "2293.69"},
		{"BT-115", tot.Due.StringFixed(2), "2293.69"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %s, want %s", c.bt, c.got, c.want)
		}
	}

	wantNet := []string{"174.00", "420.12", "756.00", "472.50", "126.75", "157.50"}
	if len(inv.Lines) != len(wantNet) {
		t.Fatalf("%d lines, want %d", len(inv.Lines), len(wantNet))
	}
	for i, l := range inv.Lines {
		if got := l.NetAmount.StringFixed(2); got != wantNet[i] {
			t.Errorf("Lines[%d].NetAmount = %s, want %s", i, got, wantNet[i])
		}
	}
	if got := inv.Lines[1].Allowances[0].Amount.StringFixed(2); got != "46.68" {
		t.Errorf("line 2 allowance = %s, want 46.68", got)
	}
	if got := inv.Lines[4].Price.Net.String(); got != "0.0845" {
		t.Errorf("line 5 price = %s, want 0.0845 (4 decimals kept)", got)
	}

	wantVAT := []struct{ rate, taxable, tax string }{
		{"8.5", "1669.37", "141.90"},
		{"2.1", "472.50", "9.92"},
	}
	if len(inv.VATBreakdown) != len(wantVAT) {
		t.Fatalf("%d VAT breakdowns, want %d", len(inv.VATBreakdown), len(wantVAT))
	}
	for i, w := range wantVAT {
		b := inv.VATBreakdown[i]
		if b.Category != einvoice.VATStandard || b.Rate == nil || b.Rate.String() != w.rate ||
			b.TaxableAmount.StringFixed(2) != w.taxable || b.TaxAmount.StringFixed(2) != w.tax {
			t.Errorf("VATBreakdown[%d] = %s %v %s %s, want S %s %s %s", i, b.Category, b.Rate, b.TaxableAmount, b.TaxAmount, w.rate, w.taxable, w.tax)
		}
	}
}

// The Chorus Pro essentials are where Chorus Pro reads them.
func TestChorusProFields(t *testing.T) {
	inv := buildInvoice()

	// The buyer: SIRET (BT-46, 0009), SIREN (BT-47, 0002), electronic
	// address its SIRET (BT-49, 0009).
	b := inv.Buyer
	if ids := b.Identifiers; len(ids) != 1 || ids[0] != (einvoice.ID{Value: buyerSIRET, Scheme: einvoice.ICDSIRET}) {
		t.Errorf("buyer identifiers (BT-46) = %+v, want its SIRET with scheme 0009, alone (EN 16931 carries one)", ids)
	}
	if l := b.LegalRegistration; l != (einvoice.ID{Value: buyerSIREN, Scheme: einvoice.ICDSIREN}) {
		t.Errorf("buyer legal registration (BT-47) = %+v, want its SIREN with scheme 0002 (BR-FR-09)", l)
	}
	if a := b.ElectronicAddress; a.Value != buyerSIRET || a.Scheme != einvoice.EAS0009 {
		t.Errorf("buyer electronic address (BT-49) = %+v, want its SIRET with scheme 0009", a)
	}
	if b.Name != "Communauté d'Agglomération La Riviera du Levant" || b.Address.City != "Le Gosier" ||
		b.Address.PostCode != "97190" || b.Address.Country != einvoice.CountryFR {
		t.Errorf("buyer = %q, %+v", b.Name, b.Address)
	}

	// The directory references: service code BT-10, engagement BT-13.
	if inv.BuyerReference != "DIR-FIN-01" || inv.PurchaseOrderReference != "EJ-2026-004512" {
		t.Errorf("service code (BT-10) %q, engagement number (BT-13) %q", inv.BuyerReference, inv.PurchaseOrderReference)
	}

	// The seller: SIRET (BT-29, 0009), SIREN (BT-30, 0002), VAT (BT-31),
	// electronic address its SIREN (BT-34, 0225).
	s := inv.Seller
	if len(s.Identifiers) != 1 || s.Identifiers[0] != (einvoice.ID{Value: sellerSIRET, Scheme: einvoice.ICDSIRET}) {
		t.Errorf("seller identifiers (BT-29) = %+v, want its SIRET with scheme 0009", s.Identifiers)
	}
	if s.LegalRegistration != (einvoice.ID{Value: sellerSIREN, Scheme: einvoice.ICDSIREN}) {
		t.Errorf("seller legal registration (BT-30) = %+v, want its SIREN with scheme 0002", s.LegalRegistration)
	}
	if s.VATID != sellerVAT {
		t.Errorf("seller VAT (BT-31) = %q, want %s", s.VATID, sellerVAT)
	}
	if a := s.ElectronicAddress; a.Value != sellerSIREN || a.Scheme != einvoice.EAS0225 {
		t.Errorf("seller electronic address (BT-34) = %+v, want its SIREN with scheme 0225", a)
	}
	if s.Contact == nil || s.Contact.Name == "" {
		t.Errorf("seller contact (BG-6) missing")
	}
	if s.Address.PostCode != "97122" || s.Address.Country != einvoice.CountryFR {
		t.Errorf("seller address = %+v, want Baie-Mahault, Guadeloupe (FR)", s.Address)
	}

	codes := map[einvoice.SubjectCode]int{}
	for _, n := range inv.Notes {
		codes[n.SubjectCode]++
	}
	for _, c := range []einvoice.SubjectCode{"PMT", "PMD", "AAB"} {
		if codes[c] != 1 {
			t.Errorf("%d notes with subject %s, want 1 (BR-FR-05, BR-FR-06)", codes[c], c)
		}
	}
	// Goods and a service (line 6, in hours): M1.
	if inv.Process.BusinessProcess != "M1" {
		t.Errorf("BT-23 = %q, want M1", inv.Process.BusinessProcess)
	}
	if p := inv.Payment; p == nil || p.MeansCode != einvoice.PaymentMeansCreditTransfer || len(p.CreditTransfers) != 1 || p.CreditTransfers[0].AccountID != sellerIBAN {
		t.Errorf("payment = %+v, want a credit transfer (30) to %s", p, sellerIBAN)
	}

	// The Guadeloupe rates, written as BR-FR-16's list has them.
	rates := map[string]int{}
	for i, l := range inv.Lines {
		if l.VAT.Rate == nil {
			t.Fatalf("Lines[%d] has no rate", i)
		}
		rates[l.VAT.Rate.String()]++
	}
	for _, c := range inv.Charges {
		rates[c.VAT.Rate.String()]++
	}
	if len(rates) != 2 || rates["8.5"] == 0 || rates["2.1"] == 0 {
		t.Errorf("rates written %v, want 8.5 and 2.1 only", rates)
	}

	for _, c := range []interface{ Valid() bool }{inv.TypeCode, inv.Currency, inv.Seller.Address.Country,
		inv.Buyer.Address.Country, inv.Seller.ElectronicAddress.Scheme, inv.Buyer.ElectronicAddress.Scheme,
		inv.Payment.MeansCode} {
		if !c.Valid() {
			t.Errorf("code %v is not valid", c)
		}
	}
	for i, l := range inv.Lines {
		if !l.Unit.Valid() {
			t.Errorf("Lines[%d].Unit %s is not valid", i, l.Unit)
		}
	}
}

// The SIRENs and SIRETs pass the Luhn check and each SIRET starts with its
// SIREN; the seller's VAT number is its SIREN's. By hand, from the right,
// doubling every second digit (a result above 9 less 9):
//
//	529712341:      1 +8 +3 +4 +1 +5 +9 +4 +5                      = 40
//	52971234100013: 3 +2 +0 +0 +0 +2 +4 +6 +2 +2 +7 +9 +2 +1      = 40
//	299971002:      2 +0 +0 +2 +7 +9 +9 +9 +2                      = 40
//	29997100200017: 7 +2 +0 +0 +0 +4 +0 +0 +1 +5 +9 +9 +9 +4      = 50
//
// VAT key: 529712341 mod 97 = 529712341 − 97 × 5460951 = 94;
// (12 + 3 × 94) mod 97 = 294 mod 97 = 3: FR03529712341.
func TestIdentifiers(t *testing.T) {
	for _, s := range []string{sellerSIREN, buyerSIREN} {
		if !einvoice.ValidSIREN(s) {
			t.Errorf("%s is not a valid SIREN", s)
		}
	}
	for _, s := range []string{sellerSIRET, buyerSIRET} {
		if !einvoice.ValidSIRET(s) {
			t.Errorf("%s is not a valid SIRET", s)
		}
	}
	if !strings.HasPrefix(sellerSIRET, sellerSIREN) || !strings.HasPrefix(buyerSIRET, buyerSIREN) {
		t.Errorf("a SIRET does not start with its SIREN (BR-FR-09)")
	}
	if vat, ok := einvoice.FrenchVATNumber(sellerSIREN); !ok || vat != sellerVAT {
		t.Errorf("FrenchVATNumber(%s) = %s, %v; the example has %s", sellerSIREN, vat, ok, sellerVAT)
	}
	// The checks do catch a changed digit.
	for _, s := range []string{"529712342", "299971003"} {
		if einvoice.ValidSIREN(s) {
			t.Errorf("ValidSIREN(%s) = true", s)
		}
	}
	if einvoice.ValidSIRET("29997100200018") {
		t.Errorf("ValidSIRET(29997100200018) = true")
	}
}

// ibanValid checks an IBAN's check digits (ISO 13616, mod 97-10): move the
// first four characters to the end, replace each letter by its number
// (A = 10 ... Z = 35), and the number mod 97 is 1.
func ibanValid(iban string) bool {
	if len(iban) < 5 {
		return false
	}
	var digits strings.Builder
	for _, c := range iban[4:] + iban[:4] {
		switch {
		case c >= '0' && c <= '9':
			digits.WriteRune(c)
		case c >= 'A' && c <= 'Z':
			digits.WriteString(big.NewInt(int64(c-'A') + 10).String())
		default:
			return false
		}
	}
	n, ok := new(big.Int).SetString(digits.String(), 10)
	return ok && new(big.Int).Mod(n, big.NewInt(97)).Int64() == 1
}

func twoDigits(n int64) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

func TestIBAN(t *testing.T) {
	if len(sellerIBAN) != 27 || !strings.HasPrefix(sellerIBAN, "FR") {
		t.Errorf("a French IBAN has 27 characters: %s", sellerIBAN)
	}
	if !ibanValid(sellerIBAN) {
		t.Errorf("IBAN %s: wrong check digits", sellerIBAN)
	}
	// The check digits follow from the rest: 98 − (BBAN + "FR00" as digits)
	// mod 97. F = 15, R = 27.
	bban := sellerIBAN[4:]
	n, _ := new(big.Int).SetString(bban+"152700", 10)
	check := 98 - new(big.Int).Mod(n, big.NewInt(97)).Int64()
	if got := sellerIBAN[2:4]; got != twoDigits(check) {
		t.Errorf("IBAN check digits %s, want %s", got, twoDigits(check))
	}
	// The French RIB key inside the BBAN (bank 5, branch 5, account 11, key
	// 2): 97 − (89 × bank + 15 × branch + 3 × account) mod 97.
	bank, branch, account := atoi(bban[0:5]), atoi(bban[5:10]), atoi(bban[10:21])
	rib := 97 - (89*bank+15*branch+3*account)%97
	if got := bban[21:23]; got != twoDigits(rib) {
		t.Errorf("RIB key %s, want %s", got, twoDigits(rib))
	}
	// A changed digit is caught.
	if ibanValid(strings.Replace(sellerIBAN, "9876", "9867", 1)) {
		t.Errorf("ibanValid accepts a changed IBAN")
	}
}

func atoi(s string) int64 {
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic("not a number: " + s)
	}
	return n.Int64()
}

// runOK runs the example into a temporary directory and returns it and
// what it printed.
func runOK(t *testing.T) (dir, out string) {
	t.Helper()
	var b bytes.Buffer
	dir = t.TempDir()
	if err := run(&b, dir, buildInvoice()); err != nil {
		t.Fatalf("run: %v\n%s", err, b.String())
	}
	return dir, b.String()
}

func TestRun(t *testing.T) {
	dir, out := runOK(t)
	ciiPath, ublPath := filepath.Join(dir, ciiName), filepath.Join(dir, ublName)
	for _, name := range []string{pdfName, ciiName, ublName, reportName} {
		if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || fi.Size() == 0 {
			t.Errorf("%s not written: %v", name, err)
		}
	}
	// Both files pass, without a single issue, warnings included.
	wantReport := "PASS " + ciiPath + "\nPASS " + ublPath + "\n"
	report, err := os.ReadFile(filepath.Join(dir, reportName))
	if err != nil {
		t.Fatal(err)
	}
	if string(report) != wantReport {
		t.Errorf("report.txt:\n%s\nwant:\n%s", report, wantReport)
	}
	if !strings.HasSuffix(out, "\n\n"+wantReport) {
		t.Errorf("the output does not end with the report:\n%s", out)
	}
	if n := strings.Count(out, "PASS "); n != 2 || strings.Contains(out, "FAIL ") {
		t.Errorf("%d PASS in the output, want 2 and no FAIL:\n%s", n, out)
	}
	for _, want := range []string{
		"BT-106 Sum of invoice line net amounts                       2106.87 EUR\n",
		"BT-108 Sum of charges on document level                        35.00 EUR\n",
		"BT-109 Invoice total amount without VAT                      2141.87 EUR\n",
		"BT-110 Invoice total VAT amount                               151.82 EUR\n",
		"BT-112 Invoice total amount with VAT                         2293.69 EUR\n",
		"BT-115 Amount due for payment                                2293.69 EUR\n",
		"category S                      8.5      1669.37       141.90 EUR\n",
		"category S                      2.1       472.50         9.92 EUR\n",
		"SIRET 29997100200017\n",
		"the buyer's SIRET is a placeholder, not the real SIRET",
		"Service code (BT-10) DIR-FIN-01, engagement number (BT-13) EJ-2026-004512\n",
		"the buyer requires service code and engagement number (service-and-engagement)",
		filepath.Join(dir, pdfName) + "\n",
		ciiPath + "\n",
		ublPath + "\n",
		filepath.Join(dir, reportName) + "\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "BT-107") {
		t.Errorf("output shows BT-107, but there is no document level allowance:\n%s", out)
	}
}

// Two runs write the same invoice files: no time.Now() in them.
func TestRunReproducible(t *testing.T) {
	dir1, _ := runOK(t)
	dir2, _ := runOK(t)
	for _, name := range []string{pdfName, ciiName, ublName} {
		a, err1 := os.ReadFile(filepath.Join(dir1, name))
		b, err2 := os.ReadFile(filepath.Join(dir2, name))
		if err := errors.Join(err1, err2); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

// The example fails, with the rule Chorus Pro applies, when the invoice
// lacks what the buyer's directory entry requires: run writes the files
// and a FAIL report, and returns an error (main exits 1).
func TestRunMissingReference(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(*einvoice.Invoice)
		rule   string
		path   string
	}{
		{"no engagement number", func(inv *einvoice.Invoice) { inv.PurchaseOrderReference = "" }, "BR-FR-CPRO-12", "PurchaseOrderReference"},
		{"no service code", func(inv *einvoice.Invoice) { inv.BuyerReference = "" }, "BR-FR-CPRO-11", "BuyerReference"},
	} {
		t.Run(c.name, func(t *testing.T) {
			inv := buildInvoice()
			c.change(&inv)
			dir := t.TempDir()
			var b bytes.Buffer
			err := run(&b, dir, inv)
			if err == nil {
				t.Fatalf("run succeeded:\n%s", b.String())
			}
			t.Logf("run: %v\n%s", err, b.String())
			var verr *validate.Error
			if !errors.As(err, &verr) || len(verr.Issues) != 1 || verr.Issues[0].Rule != c.rule {
				t.Errorf("run: %v, want a *validate.Error with %s alone", err, c.rule)
			}
			ciiPath, ublPath := filepath.Join(dir, ciiName), filepath.Join(dir, ublName)
			if !strings.Contains(err.Error(), ciiPath) || !strings.Contains(err.Error(), ublPath) {
				t.Errorf("the error does not name both files: %v", err)
			}
			report, rerr := os.ReadFile(filepath.Join(dir, reportName))
			if rerr != nil {
				t.Fatal(rerr)
			}
			// The one issue of each file, under the file's FAIL line.
			for _, file := range []string{ciiPath, ublPath} {
				want := "FAIL " + file + "\n  [" + c.rule + "] " + c.path + ": "
				if !strings.Contains(string(report), want) {
					t.Errorf("report.txt lacks %q:\n%s", want, report)
				}
			}
			if n := strings.Count(string(report), "\n  ["); n != 2 {
				t.Errorf("%d issues in report.txt, want 2 (one per file):\n%s", n, report)
			}
			if !strings.HasSuffix(b.String(), string(report)) {
				t.Errorf("the output does not end with report.txt:\n%s", b.String())
			}
			// The files are written all the same.
			if _, err := os.Stat(filepath.Join(dir, pdfName)); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestRunCII: the CII file the example writes decodes to the invoice it
// built, and passes the official judge of the Factur-X EN 16931 profile
// with the French rules (BR-FR), without a warning.
func TestRunCII(t *testing.T) {
	dir, _ := runOK(t)
	path := filepath.Join(dir, ciiName)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := cii.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	want := buildInvoice()
	if err := want.Complete(); err != nil {
		t.Fatal(err)
	}
	want.Process.Specification = cii.EN16931.URN()
	if d := modeltest.Diff(want, *doc.Invoice); d != nil {
		t.Errorf("the CII file is not the invoice:\n%s", strings.Join(d, "\n"))
	}
	if doc.Profile != cii.EN16931 || len(doc.Ignored) > 0 {
		t.Errorf("profile %v, ignored %v", doc.Profile, doc.Ignored)
	}
	for file, v := range conformance.Check(t, []string{"--profile", "en16931", "--fr"}, []string{path}) {
		if !v.Pass || len(v.Findings) > 0 {
			t.Errorf("%s: the judge finds (pass %v):\n%s", file, v.Pass, strings.Join(v.Findings, "\n"))
		}
	}
}

// TestRunUBL: the UBL file decodes to the invoice and passes the judge
// (the judge's French rules run for CII only).
func TestRunUBL(t *testing.T) {
	dir, _ := runOK(t)
	path := filepath.Join(dir, ublName)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ubl.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	want := buildInvoice()
	if err := want.Complete(); err != nil {
		t.Fatal(err)
	}
	want.Process.Specification = cii.EN16931.URN() // the UBL encoder writes it when BT-24 is empty
	if d := modeltest.Diff(want, *doc.Invoice); d != nil || len(doc.Ignored) > 0 {
		t.Errorf("the UBL file is not the invoice:\n%s\n%v", strings.Join(d, "\n"), doc.Ignored)
	}
	for file, v := range conformance.Check(t, nil, []string{path}) {
		if !v.Pass || len(v.Findings) > 0 {
			t.Errorf("%s: the judge finds (pass %v):\n%s", file, v.Pass, strings.Join(v.Findings, "\n"))
		}
	}
}

// The Factur-X PDF passes pdfa-check and carries invoice-cii.xml byte for
// byte.
func TestRunPDF(t *testing.T) {
	dir, _ := runOK(t)
	path := filepath.Join(dir, pdfName)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	xml, err := os.ReadFile(filepath.Join(dir, ciiName))
	if err != nil {
		t.Fatal(err)
	}
	x, err := facturx.Extract(data)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x.XML, xml) || x.ConformanceLevel != "EN 16931" || x.Relationship != facturx.Alternative {
		t.Errorf("the PDF carries %s (%s, %s), not invoice-cii.xml as EN 16931 Alternative", x.Name, x.ConformanceLevel, x.Relationship)
	}
	for file, v := range conformance.PDFACheck(t, nil, []string{path}) {
		if !v.Pass {
			t.Errorf("%s fails pdfa-check:\n%s", file, strings.Join(v.Findings, "\n"))
		}
	}
}
