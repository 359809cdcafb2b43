package main

import (
	"bytes"
	"io"
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
)

// The figures of the invoice, computed by hand.
//
//	line 1: 40 × 4.35                    = 174.00           S 20 %
//	line 2: 12 × 38.90                   = 466.80
//	        allowance 10 % of 466.80     =  46.68
//	        net 466.80 − 46.68           = 420.12           S 20 %
//	line 3: 6 × 85.00                    = 510.00           S 10 %
//	line 4: 25 × 18.90                   = 472.50           S 5.5 %
//	line 5: 30 × 12.45                   = 373.50           S 5.5 %
//	line 6: 1500 × 0.0845                = 126.75           S 20 %
//
//	BT-106 = 174.00 + 420.12 + 510.00 + 472.50 + 373.50 + 126.75 = 2076.87
//	BT-108 = 35.00 (delivery charge, S 20 %)
//	BT-109 = 2076.87 + 35.00 = 2111.87
//
//	S 20 %:  174.00 + 420.12 + 126.75 + 35.00 = 755.87; × 0.20  = 151.174  → 151.17
//	S 10 %:  510.00;                                   × 0.10  =  51.00
//	S 5.5 %: 472.50 + 373.50 = 846.00;                 × 0.055 =  46.53
//
//	BT-110 = 151.17 + 51.00 + 46.53 = 248.70
//	BT-112 = 2111.87 + 248.70 = 2360.57
//	BT-115 = BT-112 (nothing paid, no rounding) = 2360.57
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
		{"BT-106", tot.LineNet.StringFixed(2), "2076.87"},
		{"BT-108", tot.Charges.StringFixed(2), "35.00"},
		{"BT-109", tot.TaxExclusive.StringFixed(2), "2111.87"},
		{"BT-110", tot.VAT.StringFixed(2), "248.70"},
		{"BT-112", tot.TaxInclusive.StringFixed(2), "2360.57"},
		{"BT-115", tot.Due.StringFixed(2), "2360.57"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %s, want %s", c.bt, c.got, c.want)
		}
	}

	wantNet := []string{"174.00", "420.12", "510.00", "472.50", "373.50", "126.75"}
	for i, l := range inv.Lines {
		if got := l.NetAmount.StringFixed(2); got != wantNet[i] {
			t.Errorf("Lines[%d].NetAmount = %s, want %s", i, got, wantNet[i])
		}
	}
	if got := inv.Lines[1].Allowances[0].Amount.StringFixed(2); got != "46.68" {
		t.Errorf("line 2 allowance = %s, want 46.68", got)
	}

	wantVAT := []struct{ rate, taxable, tax string }{
		{"20", "755.87", "151.17"},
		{"10", "510.00", "51.00"},
		{"5.5", "846.00", "46.53"},
	}
	if len(inv.VATBreakdown) != len(wantVAT) {
		t.Fatalf("%d VAT breakdowns, want %d", len(inv.VATBreakdown), len(wantVAT))
	}
	for i, w := range wantVAT {
		b := inv.VATBreakdown[i]
		if b.Category != einvoice.VATStandard || b.Rate == nil || !b.Rate.Equal(dec(w.rate)) ||
			b.TaxableAmount.StringFixed(2) != w.taxable || b.TaxAmount.StringFixed(2) != w.tax {
			t.Errorf("VATBreakdown[%d] = %s %v %s %s, want S %s %s %s", i, b.Category, b.Rate, b.TaxableAmount, b.TaxAmount, w.rate, w.taxable, w.tax)
		}
	}
}

// The Chorus Pro essentials are where Chorus Pro reads them.
func TestChorusProFields(t *testing.T) {
	inv := buildInvoice()
	if ids := inv.Buyer.Identifiers; len(ids) == 0 || ids[0] != (einvoice.ID{Value: buyerSIRET, Scheme: einvoice.ICDSIRET}) {
		t.Errorf("buyer identifiers = %+v, want its SIRET with scheme 0009 first", ids)
	}
	if a := inv.Buyer.ElectronicAddress; a.Value != buyerSIRET || a.Scheme != "0009" {
		t.Errorf("buyer electronic address = %+v, want its SIRET with scheme 0009", a)
	}
	if inv.BuyerReference == "" || inv.PurchaseOrderReference == "" {
		t.Errorf("service code (BT-10) or engagement number (BT-13) missing")
	}
	s := inv.Seller
	if len(s.Identifiers) != 1 || s.Identifiers[0].Scheme != "0009" || s.LegalRegistration.Scheme != "0002" {
		t.Errorf("seller SIRET (0009) or SIREN (0002) missing: %+v %+v", s.Identifiers, s.LegalRegistration)
	}
	if !strings.HasPrefix(s.Identifiers[0].Value, s.LegalRegistration.Value) {
		t.Errorf("seller SIRET %s does not start with its SIREN %s (BR-FR-09)", s.Identifiers[0].Value, s.LegalRegistration.Value)
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
	if inv.Process.BusinessProcess != "B1" {
		t.Errorf("BT-23 = %q, want B1", inv.Process.BusinessProcess)
	}
	if p := inv.Payment; p == nil || p.MeansCode != "30" || len(p.CreditTransfers) != 1 || p.CreditTransfers[0].AccountID != sellerIBAN {
		t.Errorf("payment = %+v, want a credit transfer (30) to %s", p, sellerIBAN)
	}
	for _, c := range []interface{ Valid() bool }{inv.TypeCode, inv.Currency, inv.Seller.Address.Country,
		inv.Seller.ElectronicAddress.Scheme, inv.Buyer.ElectronicAddress.Scheme, inv.Payment.MeansCode} {
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

// luhn reports whether the digits s pass the Luhn check, as SIREN and SIRET
// numbers must: from the right, double every second digit, subtract 9 from
// a result above 9, and the sum is a multiple of 10.
func luhn(s string) bool {
	sum := 0
	for i := 0; i < len(s); i++ {
		c := s[len(s)-1-i]
		if c < '0' || c > '9' {
			return false
		}
		d := int(c - '0')
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return len(s) > 0 && sum%10 == 0
}

func TestLuhn(t *testing.T) {
	// 842159378, by hand from the right: 8 +2×7=14→5 +3 +2×9=18→9 +5 +2×1=2
	// +2 +2×4=8 +8 = 8+5+3+9+5+2+2+8+8 = 50, a multiple of 10.
	for _, s := range []string{sellerSIREN, sellerSIRET, buyerSIRET, buyerSIRET[:9]} {
		if !luhn(s) {
			t.Errorf("%s fails the Luhn check", s)
		}
	}
	for _, s := range []string{"842159379", "84215937800021", "21990042000016", ""} {
		if luhn(s) {
			t.Errorf("luhn(%q) = true, want false", s)
		}
	}
	if len(sellerSIREN) != 9 || len(sellerSIRET) != 14 || len(buyerSIRET) != 14 {
		t.Errorf("a SIREN has 9 digits and a SIRET 14")
	}
	inv := buildInvoice()
	if inv.Seller.Identifiers[0].Value != sellerSIRET || inv.Seller.LegalRegistration.Value != sellerSIREN {
		t.Errorf("the invoice does not carry the checked numbers")
	}
}

// The French VAT number is FR, a two-digit key, and the SIREN, the key being
// (12 + 3 × (SIREN mod 97)) mod 97.
func TestVATKey(t *testing.T) {
	// 842159378 mod 97 = 842159378 − 97 × 8682055 = 842159378 − 842159335 = 43;
	// (12 + 3 × 43) mod 97 = 141 mod 97 = 44.
	siren := new(big.Int)
	siren.SetString(sellerSIREN, 10)
	m := new(big.Int).Mod(siren, big.NewInt(97)).Int64()
	if m != 43 {
		t.Errorf("SIREN mod 97 = %d, want 43", m)
	}
	key := (12 + 3*m) % 97
	if want := "FR" + twoDigits(key) + sellerSIREN; sellerVAT != want || buildInvoice().Seller.VATID != want {
		t.Errorf("VAT number %s, want %s", sellerVAT, want)
	}
}

func twoDigits(n int64) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

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

func TestRun(t *testing.T) {
	var b bytes.Buffer
	dir := t.TempDir()
	if err := run(&b, dir); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"BT-112 Invoice total amount with VAT                         2360.57 EUR\n",
		"BT-115 Amount due for payment                                2360.57 EUR\n",
		"BT-106 Sum of invoice line net amounts                       2076.87 EUR\n",
		"category S                      5.5       846.00        46.53 EUR\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "BT-107") {
		t.Errorf("output shows BT-107, but there is no document level allowance:\n%s", out)
	}
}

// TestRunCII: the CII file the example writes decodes to the invoice it
// built, and passes the official judge of the Factur-X EN 16931 profile.
func TestRunCII(t *testing.T) {
	dir := t.TempDir()
	if err := run(io.Discard, dir); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "invoice-cii.xml")
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
	for file, v := range conformance.Check(t, []string{"--profile", "en16931"}, []string{path}) {
		if !v.Pass {
			t.Errorf("%s fails the judge:\n%s", file, strings.Join(v.Findings, "\n"))
		}
	}
}

// TestRunUBL: the UBL file decodes to the invoice and passes the judge.
func TestRunUBL(t *testing.T) {
	dir := t.TempDir()
	if err := run(io.Discard, dir); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "invoice-ubl.xml")
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
		if !v.Pass {
			t.Errorf("%s fails the judge:\n%s", file, strings.Join(v.Findings, "\n"))
		}
	}
}

// The Factur-X PDF passes pdfa-check and carries invoice-cii.xml byte for
// byte.
func TestRunPDF(t *testing.T) {
	dir := t.TempDir()
	if err := run(io.Discard, dir); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "invoice.pdf")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	xml, err := os.ReadFile(filepath.Join(dir, "invoice-cii.xml"))
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
