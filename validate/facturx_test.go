package validate

import (
	"slices"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice"
)

// fxCheck runs the rule with the id alone, as the set has it, on inv and
// returns its issues.
func fxCheck(t testing.TB, set RuleSet, inv *einvoice.Invoice, id string) []Issue {
	t.Helper()
	for _, r := range set.rules() {
		if r.id == id {
			var rep Report
			c := &checker{inv: inv, rule: r.id, rep: &rep}
			r.check(c)
			return rep.Issues
		}
	}
	t.Fatalf("no rule %s in %s", id, set.Name())
	return nil
}

// fxCase is a table entry of the Factur-X rule tests: on the fixture base,
// after setup (when not nil), the set's rule does not fire; after mutate,
// it fires at the want paths, in order. With cenQuiet, EN16931's rule of
// the same id does not fire on the mutated invoice: the case shows where
// the Factur-X test differs; with cenFires, it does.
type fxCase struct {
	set      RuleSet
	rule     string
	base     string
	setup    func(inv *einvoice.Invoice)
	mutate   func(inv *einvoice.Invoice)
	want     []string
	cenQuiet bool
	cenFires bool
}

// fxAsCategory returns a setup that gives every line, document level
// allowance and charge of the "extended" fixture the category (rate 0, 7
// for L, 20 for S, none for O), and one VAT breakdown that sums them,
// without exemption reason.
func fxAsCategory(cat einvoice.VATCategory) func(inv *einvoice.Invoice) {
	return func(inv *einvoice.Invoice) {
		v := einvoice.VAT{Category: cat}
		switch cat {
		case einvoice.VATStandard:
			v.Rate = dp("20")
		case einvoice.VATCanaryIslands:
			v.Rate = dp("7")
		case einvoice.VATNotSubject:
		default:
			v.Rate = dp("0")
		}
		for i := range inv.Lines {
			inv.Lines[i].VAT = v
		}
		for i := range inv.Allowances {
			inv.Allowances[i].VAT = v
		}
		for i := range inv.Charges {
			inv.Charges[i].VAT = v
		}
		inv.VATBreakdown = []einvoice.VATBreakdown{{Category: cat, Rate: v.Rate, TaxableAmount: inv.Totals.TaxExclusive, TaxAmount: dv("0.00")}}
	}
}

func fxCases() []fxCase {
	cases := []fxCase{
		// The texts and codes tested as X != "": white space passes.
		{set: FacturXMinimum, rule: "BR-01", base: "minimum", mutate: func(inv *einvoice.Invoice) { inv.Process.Specification = "" }, want: []string{"Process.Specification"}},
		{set: FacturXMinimum, rule: "BR-01", base: "minimum", mutate: func(inv *einvoice.Invoice) { inv.Process.Specification = " " }},
		{set: FacturXMinimum, rule: "BR-02", base: "minimum", mutate: func(inv *einvoice.Invoice) { inv.Number = "" }, want: []string{"Number"}},
		{set: FacturXMinimum, rule: "BR-02", base: "minimum", mutate: func(inv *einvoice.Invoice) { inv.Number = "  " }, cenFires: true},
		{set: FacturXMinimum, rule: "BR-04", base: "minimum", mutate: func(inv *einvoice.Invoice) { inv.TypeCode = "" }, want: []string{"TypeCode"}},
		{set: FacturXMinimum, rule: "BR-04", base: "minimum", mutate: func(inv *einvoice.Invoice) { inv.TypeCode = " " }},
		{set: FacturXMinimum, rule: "BR-05", base: "minimum", mutate: func(inv *einvoice.Invoice) { inv.Currency = "" }, want: []string{"Currency"}},
		{set: FacturXMinimum, rule: "BR-05", base: "minimum", mutate: func(inv *einvoice.Invoice) { inv.Currency = "\n" }},
		{set: FacturXMinimum, rule: "BR-06", base: "minimum", mutate: func(inv *einvoice.Invoice) { inv.Seller.Name = "" }, want: []string{"Seller.Name"}},
		{set: FacturXMinimum, rule: "BR-06", base: "minimum", mutate: func(inv *einvoice.Invoice) { inv.Seller.Name = "\t" }},
		{set: FacturXMinimum, rule: "BR-07", base: "minimum", mutate: func(inv *einvoice.Invoice) { inv.Buyer.Name = "" }, want: []string{"Buyer.Name"}},
		{set: FacturXMinimum, rule: "BR-07", base: "minimum", mutate: func(inv *einvoice.Invoice) { inv.Buyer.Name = " " }},
		{set: FacturXMinimum, rule: "BR-08", base: "minimum", mutate: func(inv *einvoice.Invoice) { inv.Seller.Address = einvoice.Address{} }, want: []string{"Seller.Address"}},
		{set: FacturXMinimum, rule: "BR-08", base: "minimum", mutate: func(inv *einvoice.Invoice) { inv.Seller.Address = einvoice.Address{City: "Lyon"} }},
		{set: FacturXMinimum, rule: "BR-09", base: "minimum", mutate: func(inv *einvoice.Invoice) { inv.Seller.Address.Country = "" }, want: []string{"Seller.Address.Country"}},
		{set: FacturXMinimum, rule: "BR-09", base: "minimum", mutate: func(inv *einvoice.Invoice) { inv.Seller.Address.Country = " " }},
		{set: FacturXBasicWL, rule: "BR-11", base: "basicwl", mutate: func(inv *einvoice.Invoice) { inv.Buyer.Address.Country = "" }, want: []string{"Buyer.Address.Country"}},
		{set: FacturXBasicWL, rule: "BR-11", base: "basicwl", mutate: func(inv *einvoice.Invoice) { inv.Buyer.Address.Country = " " }},
		{set: FacturXBasicWL, rule: "BR-55", base: "basicwl-payee-preceding", mutate: func(inv *einvoice.Invoice) { inv.PrecedingInvoices[1].Number = "" }, want: []string{"PrecedingInvoices[1].Number"}},
		{set: FacturXBasicWL, rule: "BR-55", base: "basicwl-payee-preceding", mutate: func(inv *einvoice.Invoice) { inv.PrecedingInvoices[0].Number = " " }},
		{set: FacturXBasicWL, rule: "BR-56", base: "basicwl", mutate: func(inv *einvoice.Invoice) {
			inv.TaxRepresentative = &einvoice.TaxRepresentative{Name: "Rep", Address: einvoice.Address{Country: "FR"}}
		}, want: []string{"TaxRepresentative.VATID"}},
		{set: FacturXBasicWL, rule: "BR-56", base: "basicwl", mutate: func(inv *einvoice.Invoice) {
			inv.TaxRepresentative = &einvoice.TaxRepresentative{Name: "Rep", VATID: " ", Address: einvoice.Address{Country: "FR"}}
		}},
		{set: FacturXBasicWL, rule: "BR-57", base: "basicwl-intra-community", mutate: func(inv *einvoice.Invoice) { inv.Delivery.Address.Country = "" }, want: []string{"Delivery.Address.Country"}},
		{set: FacturXBasicWL, rule: "BR-57", base: "basicwl-intra-community", mutate: func(inv *einvoice.Invoice) { inv.Delivery.Address.Country = " " }},
		{set: FacturXExtended, rule: "BR-21", mutate: func(inv *einvoice.Invoice) { inv.Lines[0].ID = "" }, want: []string{"Lines[0].ID"}},
		{set: FacturXExtended, rule: "BR-21", mutate: func(inv *einvoice.Invoice) { inv.Lines[0].ID = " " }},
		{set: FacturXExtended, rule: "BR-25", mutate: func(inv *einvoice.Invoice) { inv.Lines[1].Item.Name = "" }, want: []string{"Lines[1].Item.Name"}},
		{set: FacturXExtended, rule: "BR-25", mutate: func(inv *einvoice.Invoice) { inv.Lines[1].Item.Name = " " }},
		{set: FacturXExtended, rule: "BR-52", mutate: func(inv *einvoice.Invoice) { inv.Attachments[2].ID = "" }, want: []string{"Attachments[2].ID"}},
		{set: FacturXExtended, rule: "BR-52", mutate: func(inv *einvoice.Invoice) { inv.Attachments[2].ID = " " }},
		{set: FacturXExtended, rule: "BR-64", mutate: func(inv *einvoice.Invoice) { inv.Lines[2].Item.StandardID = einvoice.ID{Value: "4012345678901"} }, want: []string{"Lines[2].Item.StandardID.Scheme"}},
		{set: FacturXExtended, rule: "BR-64", mutate: func(inv *einvoice.Invoice) {
			inv.Lines[2].Item.StandardID = einvoice.ID{Value: "4012345678901", Scheme: " "}
		}},

		// BR-65 in the line context: one scheme among the line's
		// classifications is enough.
		{set: FacturXExtended, rule: "BR-65", mutate: func(inv *einvoice.Invoice) {
			inv.Lines[1].Item.Classifications = []einvoice.Classification{{Value: "1"}, {Value: "2"}}
		}, want: []string{"Lines[1].Item.Classifications"}},
		{set: FacturXExtended, rule: "BR-65", mutate: func(inv *einvoice.Invoice) {
			inv.Lines[1].Item.Classifications = []einvoice.Classification{{Value: "1"}, {Value: "2", Scheme: "STI"}}
		}},

		// BR-CO-03, BR-CO-17 and BR-CO-18 where CEN's do not fire.
		{set: FacturXBasicWL, rule: "BR-CO-03", base: "basicwl", mutate: func(inv *einvoice.Invoice) {
			inv.VATBreakdown[0].Category, inv.VATBreakdown[0].Rate = einvoice.VATNotSubject, nil
			inv.TaxPointDate, inv.TaxPointDateCode = inv.IssueDate, einvoice.TaxPointInvoiceDate
		}, want: []string{"TaxPointDateCode"}, cenQuiet: true},
		{set: FacturXBasic, rule: "BR-CO-03", base: "basic", mutate: func(inv *einvoice.Invoice) {
			inv.VATBreakdown[0].Category, inv.VATBreakdown[0].Rate = einvoice.VATCanaryIslands, dp("7")
			inv.TaxPointDate, inv.TaxPointDateCode = inv.IssueDate, einvoice.TaxPointDeliveryDate
		}, want: []string{"TaxPointDateCode"}, cenQuiet: true},
		{set: FacturXExtended, rule: "BR-CO-03", mutate: func(inv *einvoice.Invoice) { inv.TaxPointDateCode = einvoice.TaxPointInvoiceDate }, want: []string{"TaxPointDateCode"}},
		{set: FacturXExtended, rule: "BR-CO-03", mutate: func(inv *einvoice.Invoice) {
			inv.TaxPointDateCode, inv.VATBreakdown = einvoice.TaxPointInvoiceDate, nil // no breakdown to write them in
		}},
		{set: FacturXBasicWL, rule: "BR-CO-17", base: "basicwl", mutate: func(inv *einvoice.Invoice) {
			b := &inv.VATBreakdown[0]
			b.Category, b.Rate, b.TaxAmount = einvoice.VATCanaryIslands, dp("7"), dv("45.00") // 39.41 computed
		}, want: []string{"VATBreakdown[0].TaxAmount"}, cenQuiet: true},
		{set: FacturXEN16931, rule: "BR-CO-17", base: "basic", mutate: func(inv *einvoice.Invoice) {
			b := &inv.VATBreakdown[0]
			b.Category, b.Rate, b.TaxAmount = einvoice.VATNotSubject, nil, dv("1.00")
		}, want: []string{"VATBreakdown[0].TaxAmount"}, cenQuiet: true},
		{set: FacturXBasicWL, rule: "BR-CO-17", base: "basicwl", mutate: func(inv *einvoice.Invoice) {
			b := &inv.VATBreakdown[0]
			b.Category, b.Rate, b.TaxAmount = einvoice.VATCanaryIslands, dp("7"), dv("40.41") // within 1
		}},
		{set: FacturXBasicWL, rule: "BR-CO-18", base: "basicwl", mutate: func(inv *einvoice.Invoice) { inv.VATBreakdown = nil }, want: []string{"VATBreakdown"}, cenQuiet: true},
		{set: FacturXExtended, rule: "BR-CO-18", mutate: func(inv *einvoice.Invoice) { inv.VATBreakdown = nil }, want: []string{"VATBreakdown"}},

		// BR-CO-12 (BASIC WL) rounds the stated sum of charges too.
		{set: FacturXBasicWL, rule: "BR-CO-12", base: "basicwl-allowances-charges", mutate: func(inv *einvoice.Invoice) { inv.Totals.Charges = dp("51.894") }, cenFires: true},
		{set: FacturXBasicWL, rule: "BR-CO-12", base: "basicwl-allowances-charges", mutate: func(inv *einvoice.Invoice) { inv.Totals.Charges = dp("51.895") }, want: []string{"Totals.Charges"}},
		{set: FacturXBasicWL, rule: "BR-CO-12", base: "basicwl-allowances-charges", mutate: func(inv *einvoice.Invoice) { inv.Totals.Charges = dp("51.90") }, want: []string{"Totals.Charges"}},
		{set: FacturXBasicWL, rule: "BR-CO-12", base: "basicwl-allowances-charges", mutate: func(inv *einvoice.Invoice) { inv.Totals.Charges = nil }, want: []string{"Totals.Charges"}},
		{set: FacturXBasicWL, rule: "BR-CO-12", base: "basicwl", mutate: func(inv *einvoice.Invoice) { inv.Totals.Charges = dp("0.004") }},
		{set: FacturXBasicWL, rule: "BR-CO-12", base: "basicwl", mutate: func(inv *einvoice.Invoice) { inv.Totals.Charges = dp("0.01") }, want: []string{"Totals.Charges"}},

		// BR-CO-25 (EXTENDED).
		{set: FacturXExtended, rule: "BR-CO-25", mutate: func(inv *einvoice.Invoice) { inv.DueDate, inv.PaymentTerms = einvoice.Date{}, "" }, want: []string{"DueDate"}},
		{set: FacturXExtended, rule: "BR-CO-25", mutate: func(inv *einvoice.Invoice) { inv.DueDate = einvoice.Date{} }},
		{set: FacturXExtended, rule: "BR-CO-25", mutate: func(inv *einvoice.Invoice) {
			inv.DueDate, inv.PaymentTerms, inv.Totals.Due = einvoice.Date{}, "", dv("0.00")
		}},

		// The EN16931 rules EXTENDED has under its own ids.
		{set: FacturXExtended, rule: "BR-FXEXT-BR-23", mutate: func(inv *einvoice.Invoice) { inv.Lines[1].Unit = "" }, want: []string{"Lines[1].Unit"}},
		{set: FacturXExtended, rule: "BR-FXEXT-BR-38", mutate: func(inv *einvoice.Invoice) { inv.Charges[1].Reason, inv.Charges[1].ReasonCode = "", "" }, want: []string{"Charges[1].Reason"}},
		{set: FacturXExtended, rule: "BR-FXEXT-BR-44", mutate: func(inv *einvoice.Invoice) {
			inv.Lines[0].Charges = append(inv.Lines[0].Charges, einvoice.LineCharge{Amount: dv("1.00")})
		}, want: []string{"Lines[0].Charges[1].Reason"}},
		{set: FacturXExtended, rule: "BR-FXEXT-CO-16", mutate: func(inv *einvoice.Invoice) { inv.Totals.Due = inv.Totals.Due.Add(dv("0.01")) }, want: []string{"Totals.Due"}},

		// BR-FXEXT-CO-10: 0.01 per line, against the exact value of the
		// xs:double sum: 0.3 is below 3/10, 0.5 is exact.
		{set: FacturXExtended, rule: "BR-FXEXT-CO-10", mutate: func(inv *einvoice.Invoice) { inv.Totals.LineNet = inv.Totals.LineNet.Add(dv("0.04")) }, want: []string{"Totals.LineNet"}},
		{set: FacturXExtended, rule: "BR-FXEXT-CO-10", mutate: func(inv *einvoice.Invoice) { inv.Totals.LineNet = inv.Totals.LineNet.Add(dv("0.02")) }},
		{set: FacturXExtended, rule: "BR-FXEXT-CO-10", setup: fxOneLine("0.30"), mutate: func(inv *einvoice.Invoice) { inv.Totals.LineNet = dv("0.31") }, want: []string{"Totals.LineNet"}},
		{set: FacturXExtended, rule: "BR-FXEXT-CO-10", setup: fxOneLine("0.30"), mutate: func(inv *einvoice.Invoice) { inv.Totals.LineNet = dv("0.29") }},
		{set: FacturXExtended, rule: "BR-FXEXT-CO-10", setup: fxOneLine("0.50"), mutate: func(inv *einvoice.Invoice) { inv.Totals.LineNet = dv("0.51") }},
		{set: FacturXExtended, rule: "BR-FXEXT-CO-10", setup: fxOneLine("0.50"), mutate: func(inv *einvoice.Invoice) { inv.Totals.LineNet = dv("0.52") }, want: []string{"Totals.LineNet"}},
		{set: FacturXExtended, rule: "BR-FXEXT-CO-10", mutate: func(inv *einvoice.Invoice) { inv.Lines, inv.Totals.LineNet = nil, dv("0.01") }, want: []string{"Totals.LineNet"}},

		// BR-FXEXT-CO-11 and BR-FXEXT-CO-12: 0.01 per allowance or charge.
		{set: FacturXExtended, rule: "BR-FXEXT-CO-11", mutate: func(inv *einvoice.Invoice) { inv.Totals.Allowances = dp("40.43") }, want: []string{"Totals.Allowances"}},
		{set: FacturXExtended, rule: "BR-FXEXT-CO-11", mutate: func(inv *einvoice.Invoice) { inv.Totals.Allowances = dp("40.41") }},
		{set: FacturXExtended, rule: "BR-FXEXT-CO-11", mutate: func(inv *einvoice.Invoice) {
			inv.Allowances = inv.Allowances[:1]
			inv.Allowances[0].Amount, inv.Totals.Allowances = dv("0.30"), dp("0.31")
		}, want: []string{"Totals.Allowances"}},
		{set: FacturXExtended, rule: "BR-FXEXT-CO-11", mutate: func(inv *einvoice.Invoice) { inv.Totals.Allowances = nil }, want: []string{"Totals.Allowances"}},
		{set: FacturXExtended, rule: "BR-FXEXT-CO-11", mutate: func(inv *einvoice.Invoice) { inv.Allowances, inv.Totals.Allowances = nil, dp("0.00") }},
		{set: FacturXExtended, rule: "BR-FXEXT-CO-11", mutate: func(inv *einvoice.Invoice) { inv.Allowances, inv.Totals.Allowances = nil, dp("0.01") }, want: []string{"Totals.Allowances"}},
		{set: FacturXExtended, rule: "BR-FXEXT-CO-12", mutate: func(inv *einvoice.Invoice) { inv.Totals.Charges = dp("65.57") }, want: []string{"Totals.Charges"}},
		{set: FacturXExtended, rule: "BR-FXEXT-CO-12", mutate: func(inv *einvoice.Invoice) { inv.Totals.Charges = dp("65.59") }},
		{set: FacturXExtended, rule: "BR-FXEXT-CO-12", mutate: func(inv *einvoice.Invoice) { inv.Totals.Charges = nil }, want: []string{"Totals.Charges"}},

		// BR-FXEXT-CO-13 and BR-FXEXT-CO-15: 0.01 per line, allowance and
		// charge (7 in the fixture). BR-FXEXT-CO-13's sums are doubles: at
		// the edge, 0.07 off, the rule passes or fails as they lie above or
		// below the exact sums.
		{set: FacturXExtended, rule: "BR-FXEXT-CO-13", mutate: func(inv *einvoice.Invoice) { inv.Totals.TaxExclusive = inv.Totals.TaxExclusive.Sub(dv("0.06")) }},
		{set: FacturXExtended, rule: "BR-FXEXT-CO-13", mutate: func(inv *einvoice.Invoice) { inv.Totals.TaxExclusive = inv.Totals.TaxExclusive.Sub(dv("0.08")) }, want: []string{"Totals.TaxExclusive"}},
		{set: FacturXExtended, rule: "BR-FXEXT-CO-13", mutate: func(inv *einvoice.Invoice) { inv.Totals.LineNet = dv("0.00") }}, // the lines count, not BT-106
		{set: FacturXExtended, rule: "BR-FXEXT-CO-15", mutate: func(inv *einvoice.Invoice) { inv.Totals.TaxInclusive = inv.Totals.TaxInclusive.Add(dv("0.07")) }},
		{set: FacturXExtended, rule: "BR-FXEXT-CO-15", mutate: func(inv *einvoice.Invoice) { inv.Totals.TaxInclusive = inv.Totals.TaxInclusive.Add(dv("0.08")) }, want: []string{"Totals.TaxInclusive"}},
		{set: FacturXExtended, rule: "BR-FXEXT-CO-15", mutate: func(inv *einvoice.Invoice) {
			inv.Totals.VAT, inv.Totals.TaxInclusive = nil, inv.Totals.TaxExclusive
		}, want: []string{"Totals.VAT"}},

		// BR-FXEXT-S-09b: 0.01 per item of category S and the rate.
		{set: FacturXExtended, rule: "BR-FXEXT-S-09b", mutate: func(inv *einvoice.Invoice) { inv.VATBreakdown[0].TaxAmount = dv("209.08") }},
		{set: FacturXExtended, rule: "BR-FXEXT-S-09b", mutate: func(inv *einvoice.Invoice) { inv.VATBreakdown[0].TaxAmount = dv("208.93") }, want: []string{"VATBreakdown[0].TaxAmount"}},
		{set: FacturXExtended, rule: "BR-FXEXT-S-09b", mutate: func(inv *einvoice.Invoice) { inv.VATBreakdown[0].Rate = nil }, want: []string{"VATBreakdown[0].Rate"}},
		{set: FacturXExtended, rule: "BR-FXEXT-S-09b", mutate: func(inv *einvoice.Invoice) {
			inv.VATBreakdown = append(inv.VATBreakdown, einvoice.VATBreakdown{Category: einvoice.VATStandard, Rate: dp("10"), TaxableAmount: dv("10.00"), TaxAmount: dv("1.01")})
		}, want: []string{"VATBreakdown[1].TaxAmount"}}, // no item at 10 %: no tolerance

		// The x-08b rules and their warnings: a breakdown with an
		// exemption reason sums nothing in the "rev" clause.
		{set: FacturXExtended, rule: "BR-FXEXT-E-08rev", base: "extended-mixed-categories", setup: func(inv *einvoice.Invoice) {
			inv.VATBreakdown[2].TaxableAmount = dv("0.00")
		}, mutate: func(inv *einvoice.Invoice) { inv.VATBreakdown[2].TaxableAmount = dv("600.00") }, want: []string{"VATBreakdown[2].TaxableAmount"}},
		{set: FacturXExtended, rule: "BR-FXEXT-E-08b", base: "extended-mixed-categories", mutate: func(inv *einvoice.Invoice) { inv.VATBreakdown[2].TaxableAmount = dv("599.98") }},
		{set: FacturXExtended, rule: "BR-FXEXT-E-08b", base: "extended-mixed-categories", mutate: func(inv *einvoice.Invoice) { inv.VATBreakdown[2].TaxableAmount = dv("599.97") }, want: []string{"VATBreakdown[2].TaxableAmount"}},
		{set: FacturXExtended, rule: "BR-FXEXT-S08b", mutate: func(inv *einvoice.Invoice) { inv.VATBreakdown[0].Rate = nil }, want: []string{"VATBreakdown[0].Rate"}},
		{set: FacturXExtended, rule: "BR-FXEXT-S08b", base: "extended-mixed-categories", mutate: func(inv *einvoice.Invoice) {
			inv.VATBreakdown[1].TaxableAmount = inv.VATBreakdown[1].TaxableAmount.Add(dv("0.01")) // one line at 5.5 %
		}},
		{set: FacturXExtended, rule: "BR-FXEXT-S08b", base: "extended-mixed-categories", mutate: func(inv *einvoice.Invoice) {
			inv.VATBreakdown[1].TaxableAmount = inv.VATBreakdown[1].TaxableAmount.Add(dv("0.02"))
		}, want: []string{"VATBreakdown[1].TaxableAmount"}},
	}
	// Each category: x-01 (a breakdown that nothing uses; two that
	// something uses pass), and x-08b, -08ini, -08rev (one cent beyond the
	// tolerance of 7 items).
	for _, c := range []struct {
		cat einvoice.VATCategory
		id  string
	}{
		{einvoice.VATStandard, "S"}, {einvoice.VATZeroRated, "Z"}, {einvoice.VATExempt, "E"},
		{einvoice.VATReverseCharge, "AE"}, {einvoice.VATIntraCommunity, "IC"}, {einvoice.VATExport, "G"},
		{einvoice.VATNotSubject, "O"}, {einvoice.VATCanaryIslands, "AF"}, {einvoice.VATCeutaMelilla, "AG"},
	} {
		other := einvoice.VATExempt
		if c.cat == einvoice.VATExempt {
			other = einvoice.VATExport
		}
		cases = append(cases,
			fxCase{set: FacturXExtended, rule: "BR-FXEXT-" + c.id + "-01", setup: fxAsCategory(other), mutate: func(inv *einvoice.Invoice) {
				inv.VATBreakdown = append(inv.VATBreakdown, einvoice.VATBreakdown{Category: c.cat, TaxableAmount: dv("0.00"), TaxAmount: dv("0.00")})
			}, want: []string{"VATBreakdown[1].Category"}},
			fxCase{set: FacturXExtended, rule: "BR-FXEXT-" + c.id + "-01", setup: fxAsCategory(c.cat), mutate: func(inv *einvoice.Invoice) {
				inv.VATBreakdown = append(inv.VATBreakdown, inv.VATBreakdown[0])
			}},
			fxCase{set: FacturXExtended, rule: "BR-FXEXT-" + c.id + "-01", setup: fxAsCategory(c.cat), mutate: func(inv *einvoice.Invoice) {
				inv.VATBreakdown = nil
			}, want: []string{"Lines[0].VAT.Category"}},
		)
		b := "BR-FXEXT-" + c.id + "-08b"
		if c.cat == einvoice.VATStandard {
			b = "BR-FXEXT-S08b"
		}
		for _, id := range []string{b, "BR-FXEXT-" + c.id + "-08ini", "BR-FXEXT-" + c.id + "-08rev"} {
			cases = append(cases,
				fxCase{set: FacturXExtended, rule: id, setup: fxAsCategory(c.cat), mutate: func(inv *einvoice.Invoice) {
					inv.VATBreakdown[0].TaxableAmount = inv.VATBreakdown[0].TaxableAmount.Add(dv("0.07"))
				}},
				fxCase{set: FacturXExtended, rule: id, setup: fxAsCategory(c.cat), mutate: func(inv *einvoice.Invoice) {
					inv.VATBreakdown[0].TaxableAmount = inv.VATBreakdown[0].TaxableAmount.Add(dv("0.08"))
				}, want: []string{"VATBreakdown[0].TaxableAmount"}},
			)
		}
	}
	return cases
}

// fxOneLine returns a setup that keeps the first line only, with the net
// amount net, and states the sums it makes.
func fxOneLine(net string) func(inv *einvoice.Invoice) {
	return func(inv *einvoice.Invoice) {
		inv.Lines = inv.Lines[:1]
		inv.Lines[0].NetAmount = dv(net)
		inv.Totals.LineNet = dv(net)
	}
}

// TestFacturXRules runs fxCases and checks that every rule the Factur-X
// sets do not take from EN16931 as it is (the variants and the extra
// rules) has a case.
func TestFacturXRules(t *testing.T) {
	covered := map[string]bool{}
	for _, tc := range slices.Concat(fxCases(), fxHierarchyCases()) {
		covered[tc.rule] = true
		base := tc.base
		if base == "" {
			base = "extended"
		}
		t.Run(tc.set.Name()+"/"+tc.rule+"/"+base, func(t *testing.T) {
			inv := fixture(t, base)
			if tc.setup != nil {
				tc.setup(inv)
			}
			if got := fxCheck(t, tc.set, inv, tc.rule); len(got) != 0 {
				t.Fatalf("valid %s: %v", base, got)
			}
			tc.mutate(inv)
			got := fxCheck(t, tc.set, inv, tc.rule)
			if !slices.Equal(paths(got), tc.want) {
				t.Errorf("got %q, want %q", paths(got), tc.want)
			}
			for _, is := range got {
				if is.Rule != tc.rule {
					t.Errorf("issue of rule %s, want %s", is.Rule, tc.rule)
				}
				if want := metaOf(tc.rule).Severity; is.Severity != want {
					t.Errorf("severity %v, want %v", is.Severity, want)
				}
			}
			if !tc.cenQuiet && !tc.cenFires {
				return
			}
			switch cen := fxCheck(t, EN16931, inv, tc.rule); {
			case tc.cenQuiet && len(cen) != 0:
				t.Errorf("EN16931's %s fires too: %v", tc.rule, cen)
			case tc.cenFires && len(cen) == 0:
				t.Errorf("EN16931's %s does not fire", tc.rule)
			}
		})
	}
	for _, list := range [][]rule{fxCENVariants, fxMinimumVariants, fxMinimumRules, fxBasicWLVariants, fxExtendedVariants, fxExtendedRules} {
		for _, r := range list {
			if !covered[r.id] {
				t.Errorf("%s: no test case", r.id)
			}
		}
	}
}

// fxLeftOut are the rules of each profile's Factur-X schematron that its
// set leaves out, since they cannot fire on the model (see EN16931's core
// rules, fxBasicWLDropped, fxMinimumRules and fxExtendedRules).
var fxLeftOut = map[string][]string{
	"facturx-minimum": {"BR-13", "BR-14", "BR-15"},
	"facturx-basicwl": {"BR-08", "BR-10", "BR-12", "BR-13", "BR-14", "BR-15", "BR-17", "BR-19", "BR-31", "BR-32",
		"BR-36", "BR-37", "BR-45", "BR-46", "BR-47", "BR-49", "BR-61"},
	"facturx-extended": {"BR-08", "BR-10", "BR-12", "BR-13", "BR-14", "BR-15", "BR-17", "BR-19", "BR-31", "BR-32",
		"BR-36", "BR-37", "BR-41", "BR-43", "BR-45", "BR-46", "BR-47", "BR-49", "BR-61",
		"BR-FXEXT-01", "BR-FXEXT-02", "BR-FXEXT-03", "BR-FXEXT-12", "BR-FXEXT-BR-22",
		"BR-FXEXT-BR-24", "BR-FXEXT-BR-26", "BR-FXEXT-CII-DT-097a"},
}

// TestFacturXSets checks what each set holds: for BASIC and EN 16931,
// EN16931's rules in its order; for the others, exactly the BR rules of
// the profile's schematron but those of fxLeftOut; each rule once, with
// its metadata.
func TestFacturXSets(t *testing.T) {
	for _, s := range []struct {
		set RuleSet
		p   fxProfiles
		cen bool
	}{
		{FacturXMinimum, fxMinimum, false},
		{FacturXBasicWL, fxBasicWL, false},
		{FacturXBasic, fxBasic, true},
		{FacturXEN16931, fxEN16931, true},
		{FacturXExtended, fxExtended, false},
	} {
		ids := s.set.Rules()
		seen := map[string]bool{}
		for _, id := range ids {
			if seen[id] {
				t.Errorf("%s: %s twice", s.set.Name(), id)
			}
			seen[id] = true
			if metaOf(id).Message == "" {
				t.Errorf("%s: %s has no metadata", s.set.Name(), id)
			}
		}
		if s.set.Syntax() != CII {
			t.Errorf("%s: syntax %v", s.set.Name(), s.set.Syntax())
		}
		if s.cen {
			if !slices.Equal(ids, EN16931.Rules()) {
				t.Errorf("%s: rules %v, want EN16931's", s.set.Name(), ids)
			}
			continue
		}
		left := fxLeftOut[s.set.Name()]
		for _, m := range ruleMeta {
			if !strings.HasPrefix(m.ID, "BR-") || m.Profiles&s.p == 0 {
				continue
			}
			switch in, out := seen[m.ID], slices.Contains(left, m.ID); {
			case in && out:
				t.Errorf("%s: %s is left out and in the set", s.set.Name(), m.ID)
			case !in && !out:
				t.Errorf("%s: %s of the profile's schematron is missing", s.set.Name(), m.ID)
			}
		}
		for _, id := range ids {
			if metaOf(id).Profiles&s.p == 0 {
				t.Errorf("%s: %s is not a rule of the profile's schematron", s.set.Name(), id)
			}
		}
	}
}

func TestFacturXSpecification(t *testing.T) {
	for _, tc := range []struct{ urn, set string }{
		{"urn:factur-x.eu:1p0:minimum", "facturx-minimum"},
		{" urn:zugferd.de:2p1:minimum\n", "facturx-minimum"},
		{"urn:factur-x.eu:1p0:basicwl", "facturx-basicwl"},
		{"urn:zugferd.de:2p0:basicwl", "facturx-basicwl"},
		{"urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic", "facturx-basic"},
		{"urn:cen.eu:en16931:2017:compliant:factur-x.eu:1p0:basic", "facturx-basic"},
		{"urn:cen.eu:en16931:2017#compliant#urn:zugferd.de:2p0:basic", "facturx-basic"},
		{"urn:cen.eu:en16931:2017", "facturx-en16931"},
		{"urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended", "facturx-extended"},
		{"urn:cen.eu:en16931:2017#conformant#urn:zugferd.de:2p1:extended", "facturx-extended"},
		{"urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr", "facturx-extended"},
		{"urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0", ""},
		{"urn:factur-x.eu:1p0:MINIMUM", ""},
		{"", ""},
	} {
		set, ok := FacturX(tc.urn)
		if ok != (tc.set != "") || set.Name() != tc.set {
			t.Errorf("FacturX(%q) = %q, %v; want %q", tc.urn, set.Name(), ok, tc.set)
		}
	}
}
