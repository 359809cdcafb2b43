package validate

import (
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/shopspring/decimal"
)

// checkSyntax runs the rule with the id alone on inv, as the set following
// syntax syn runs it, and returns its issues.
func checkSyntax(t testing.TB, inv *einvoice.Invoice, id string, syn Syntax) []Issue {
	t.Helper()
	r := ruleByID(t, id)
	var rep Report
	c := &checker{inv: inv, rule: r.id, rep: &rep, syntax: syn}
	r.check(c)
	return rep.Issues
}

// firstBreakdown returns the first VAT breakdown of category cat.
func firstBreakdown(t testing.TB, inv *einvoice.Invoice, cat einvoice.VATCategory) *einvoice.VATBreakdown {
	t.Helper()
	for k := range inv.VATBreakdown {
		if inv.VATBreakdown[k].Category == cat {
			return &inv.VATBreakdown[k]
		}
	}
	t.Fatalf("no VAT breakdown of category %s", cat)
	return nil
}

// TestUBLVariants: for each rule with a UBL variant, an invoice on which
// the CII and the UBL verdicts differ.
func TestUBLVariants(t *testing.T) {
	one := decimal.New(1, 0)
	milli := decimal.New(1, -3)
	cases := []struct {
		name, rule, base string
		mutate           func(t testing.TB, inv *einvoice.Invoice)
		cii, ubl         bool // whether the rule fires
	}{
		{"tax currency is the invoice currency", "BR-53", "tax-currency", func(_ testing.TB, inv *einvoice.Invoice) { inv.TaxCurrency = inv.Currency }, true, false},
		{"empty preceding invoice number", "BR-55", "extended", func(_ testing.TB, inv *einvoice.Invoice) { inv.PrecedingInvoices[0].Number = "" }, true, false},
		{"line net sum of 3 decimals", "BR-CO-13", "extended", func(_ testing.TB, inv *einvoice.Invoice) {
			inv.Totals.Allowances, inv.Totals.Charges = nil, nil
			inv.Totals.TaxExclusive = inv.Totals.LineNet
			inv.Totals.LineNet = inv.Totals.LineNet.Add(milli)
		}, false, true},
		{"no VAT breakdown", "BR-CO-14", "extended", func(_ testing.TB, inv *einvoice.Invoice) { inv.VATBreakdown = nil }, true, false},
		{"paid amount of 3 decimals", "BR-CO-16", "extended", func(_ testing.TB, inv *einvoice.Invoice) {
			inv.Totals.Rounding, inv.Totals.Paid, inv.Totals.Due = nil, dp("0.001"), inv.Totals.TaxInclusive
		}, true, false},
		{"tax amount off by 1", "BR-CO-17", "extended", func(t testing.TB, inv *einvoice.Invoice) {
			b := firstBreakdown(t, inv, einvoice.VATStandard)
			b.TaxAmount = b.TaxAmount.Add(one)
		}, false, true},
		{"VAT total of 3 decimals", "BR-DEC-13", "extended", func(_ testing.TB, inv *einvoice.Invoice) { inv.Totals.VAT = new(inv.Totals.VAT.Add(milli)) }, true, false},
		{"VAT total in accounting currency of 3 decimals", "BR-DEC-15", "tax-currency", func(_ testing.TB, inv *einvoice.Invoice) {
			inv.Totals.VATInTaxCurrency = new(inv.Totals.VATInTaxCurrency.Add(milli))
		}, true, false},
		{"S breakdown nothing uses", "BR-S-01", "vat-not-subject", func(_ testing.TB, inv *einvoice.Invoice) {
			inv.VATBreakdown = append(inv.VATBreakdown, einvoice.VATBreakdown{Category: einvoice.VATStandard, Rate: dp("20")})
		}, false, true},
		{"L breakdown nothing uses", "BR-AF-01", "vat-zero-rated", func(_ testing.TB, inv *einvoice.Invoice) {
			inv.VATBreakdown = append(inv.VATBreakdown, einvoice.VATBreakdown{Category: einvoice.VATCanaryIslands, Rate: dp("7")})
		}, false, true},
		{"M breakdown nothing uses", "BR-AG-01", "vat-zero-rated", func(_ testing.TB, inv *einvoice.Invoice) {
			inv.VATBreakdown = append(inv.VATBreakdown, einvoice.VATBreakdown{Category: einvoice.VATCeutaMelilla, Rate: dp("4")})
		}, false, true},
		{"S taxable amount off by 0.5", "BR-S-08", "extended", func(t testing.TB, inv *einvoice.Invoice) {
			b := firstBreakdown(t, inv, einvoice.VATStandard)
			b.TaxableAmount = b.TaxableAmount.Add(dv("0.5"))
		}, true, false},
		{"Z taxable amount off by 0.5", "BR-Z-08", "vat-zero-rated", func(t testing.TB, inv *einvoice.Invoice) {
			b := firstBreakdown(t, inv, einvoice.VATZeroRated)
			b.TaxableAmount = b.TaxableAmount.Add(dv("0.5"))
		}, false, true},
		{"E taxable amount off by 0.5", "BR-E-08", "vat-exempt", func(t testing.TB, inv *einvoice.Invoice) {
			b := firstBreakdown(t, inv, einvoice.VATExempt)
			b.TaxableAmount = b.TaxableAmount.Add(dv("0.5"))
		}, false, true},
		{"Z breakdown nothing uses", "BR-Z-01", "extended", func(_ testing.TB, inv *einvoice.Invoice) {
			inv.VATBreakdown = append(inv.VATBreakdown, einvoice.VATBreakdown{Category: einvoice.VATZeroRated, Rate: dp("0")})
		}, true, false},
		{"O line without O breakdown", "BR-O-01", "extended", func(_ testing.TB, inv *einvoice.Invoice) {
			inv.Lines[0].VAT = einvoice.VAT{Category: einvoice.VATNotSubject}
		}, false, true},
		{"O with a breakdown of another category", "BR-O-12", "vat-not-subject", func(_ testing.TB, inv *einvoice.Invoice) {
			inv.VATBreakdown = append(inv.VATBreakdown, einvoice.VATBreakdown{Category: einvoice.VATStandard, Rate: dp("20")})
		}, true, false},
		{"K with an empty deliver to country", "BR-IC-12", "vat-intra-community", func(_ testing.TB, inv *einvoice.Invoice) {
			d := *inv.Delivery
			d.Address = &einvoice.Address{City: "Paris"}
			inv.Delivery = &d
		}, false, true},
		{"L taxable amount off", "BR-AF-08", "vat-canary-islands", func(t testing.TB, inv *einvoice.Invoice) {
			b := firstBreakdown(t, inv, einvoice.VATCanaryIslands)
			b.TaxableAmount = b.TaxableAmount.Add(dv("5"))
		}, false, true},
		{"L tax amount off", "BR-AF-09", "vat-canary-islands", func(t testing.TB, inv *einvoice.Invoice) {
			b := firstBreakdown(t, inv, einvoice.VATCanaryIslands)
			b.TaxAmount = b.TaxAmount.Add(dv("5"))
		}, false, true},
		{"M taxable amount off", "BR-AG-08", "vat-ceuta-melilla", func(t testing.TB, inv *einvoice.Invoice) {
			b := firstBreakdown(t, inv, einvoice.VATCeutaMelilla)
			b.TaxableAmount = b.TaxableAmount.Add(dv("5"))
		}, false, true},
		{"M tax amount off", "BR-AG-09", "vat-ceuta-melilla", func(t testing.TB, inv *einvoice.Invoice) {
			b := firstBreakdown(t, inv, einvoice.VATCeutaMelilla)
			b.TaxAmount = b.TaxAmount.Add(dv("5"))
		}, false, true},
		{"empty buyer country", "BR-CL-14", "extended", func(_ testing.TB, inv *einvoice.Invoice) { inv.Buyer.Address.Country = "" }, true, false},
		{"bad breakdown category", "BR-CL-17", "extended", func(_ testing.TB, inv *einvoice.Invoice) { inv.VATBreakdown[0].Category = "XX" }, false, true},
		{"bad breakdown category", "BR-CL-18", "extended", func(_ testing.TB, inv *einvoice.Invoice) { inv.VATBreakdown[0].Category = "XX" }, true, false},
	}
	for _, tc := range cases {
		t.Run(tc.rule+"/"+tc.name, func(t *testing.T) {
			inv := fixture(t, tc.base)
			tc.mutate(t, inv)
			cii, ubl := checkSyntax(t, inv, tc.rule, CII), checkSyntax(t, inv, tc.rule, UBL)
			if (len(cii) > 0) != tc.cii || (len(ubl) > 0) != tc.ubl {
				t.Errorf("CII %v, UBL %v; want CII fires %v, UBL fires %v", cii, ubl, tc.cii, tc.ubl)
			}
		})
	}
}

// TestForSyntax: For sets the syntax, Invoice takes it from the set, and
// BR-51 is a warning in UBL, fatal in CII.
func TestForSyntax(t *testing.T) {
	if EN16931.Syntax() != CII || EN16931.For(UBL).Syntax() != UBL || EN16931.For(UBL).For(CII).Syntax() != CII {
		t.Fatal("For does not set the syntax")
	}
	if CII.String() != "CII" || UBL.String() != "UBL" || Syntax(7).String() != "Syntax(7)" {
		t.Error("Syntax.String")
	}
	inv := fixture(t, "payment-card")
	p := *inv.Payment
	card := *p.Card
	card.PrimaryAccountNumber = "1234567890123456"
	p.Card = &card
	inv.Payment = &p
	severity := func(set RuleSet) Severity {
		for _, is := range Invoice(inv, set).Issues {
			if is.Rule == "BR-51" {
				return is.Severity
			}
		}
		return 0
	}
	if got := severity(EN16931); got != Fatal {
		t.Errorf("CII BR-51: %v, want fatal", got)
	}
	if got := severity(EN16931.For(UBL)); got != Warning {
		t.Errorf("UBL BR-51: %v, want warning", got)
	}
}
