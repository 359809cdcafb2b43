package validate

import (
	"testing"

	"github.com/einvoice-go/einvoice"
)

var decCases = []ruleCase{
	{rule: "BR-DEC-01", mutate: func(inv *einvoice.Invoice) { inv.Allowances[0].Amount = dv("20.001") }, want: []string{"Allowances[0].Amount"}},
	// The official test counts the characters after the point: a trailing
	// 0 counts.
	{rule: "BR-DEC-01", mutate: func(inv *einvoice.Invoice) { inv.Allowances[1].Amount = dv("11.260") }, want: []string{"Allowances[1].Amount"}},
	{rule: "BR-DEC-01", mutate: func(inv *einvoice.Invoice) { inv.Allowances[0].Amount = dv("20") }, want: nil},
	{rule: "BR-DEC-02", mutate: func(inv *einvoice.Invoice) { inv.Allowances[1].BaseAmount = dp("563.000") }, want: []string{"Allowances[1].BaseAmount"}},
	{rule: "BR-DEC-05", mutate: func(inv *einvoice.Invoice) { inv.Charges[0].Amount = dv("35.005") }, want: []string{"Charges[0].Amount"}},
	{rule: "BR-DEC-06", mutate: func(inv *einvoice.Invoice) { inv.Charges[1].BaseAmount = dp("1019.8501") }, want: []string{"Charges[1].BaseAmount"}},
	{rule: "BR-DEC-09", mutate: func(inv *einvoice.Invoice) { inv.Totals.LineNet = dv("1.234") }, want: []string{"Totals.LineNet"}},
	{rule: "BR-DEC-10", mutate: func(inv *einvoice.Invoice) { inv.Totals.Allowances = dp("40.395") }, want: []string{"Totals.Allowances"}},
	{rule: "BR-DEC-11", mutate: func(inv *einvoice.Invoice) { inv.Totals.Charges = dp("65.590") }, want: []string{"Totals.Charges"}},
	{rule: "BR-DEC-12", mutate: func(inv *einvoice.Invoice) { inv.Totals.TaxExclusive = dv("1.001") }, want: []string{"Totals.TaxExclusive"}},
	{rule: "BR-DEC-13", mutate: func(inv *einvoice.Invoice) { inv.Totals.VAT = dp("12.345") }, want: []string{"Totals.VAT"}},
	// The official CII test compares values: "12.300" passes.
	{rule: "BR-DEC-13", mutate: func(inv *einvoice.Invoice) { inv.Totals.VAT = dp("12.300") }, want: nil},
	// ... and passes whenever a total VAT amount in another currency does.
	{rule: "BR-DEC-13", base: "tax-currency", mutate: func(inv *einvoice.Invoice) { inv.Totals.VAT = dp("1320.005") }, want: nil},
	{rule: "BR-DEC-14", mutate: func(inv *einvoice.Invoice) { inv.Totals.TaxInclusive = dv("1.0001") }, want: []string{"Totals.TaxInclusive"}},
	{rule: "BR-DEC-15", base: "tax-currency", mutate: func(inv *einvoice.Invoice) { inv.Totals.VATInTaxCurrency = dp("1141.805") }, want: []string{"Totals.VATInTaxCurrency"}},
	{rule: "BR-DEC-15", base: "tax-currency", mutate: func(inv *einvoice.Invoice) { inv.Totals.VATInTaxCurrency = dp("1141.800") }, want: nil},
	// Without BT-111, no total VAT amount is in the accounting currency.
	{rule: "BR-DEC-15", base: "tax-currency", mutate: func(inv *einvoice.Invoice) { inv.Totals.VATInTaxCurrency = nil }, want: []string{"Totals.VATInTaxCurrency"}},
	{rule: "BR-DEC-16", mutate: func(inv *einvoice.Invoice) { inv.Totals.Paid = dp("200.000") }, want: []string{"Totals.Paid"}},
	{rule: "BR-DEC-17", mutate: func(inv *einvoice.Invoice) { inv.Totals.Rounding = dp("0.005") }, want: []string{"Totals.Rounding"}},
	{rule: "BR-DEC-18", mutate: func(inv *einvoice.Invoice) { inv.Totals.Due = dv("-3.333") }, want: []string{"Totals.Due"}},
	{rule: "BR-DEC-19", mutate: func(inv *einvoice.Invoice) { inv.VATBreakdown[0].TaxableAmount = dv("100.125") }, want: []string{"VATBreakdown[0].TaxableAmount"}},
	{rule: "BR-DEC-20", mutate: func(inv *einvoice.Invoice) { inv.VATBreakdown[0].TaxAmount = dv("20.025") }, want: []string{"VATBreakdown[0].TaxAmount"}},
	{rule: "BR-DEC-23", mutate: func(inv *einvoice.Invoice) {
		inv.Lines[0].NetAmount = dv("1.111")
		inv.Lines[2].NetAmount = dv("120.000")
	}, want: []string{"Lines[0].NetAmount", "Lines[2].NetAmount"}},
	{rule: "BR-DEC-24", mutate: func(inv *einvoice.Invoice) { inv.Lines[1].Allowances[0].Amount = dv("5.001") }, want: []string{"Lines[1].Allowances[0].Amount"}},
	{rule: "BR-DEC-25", mutate: func(inv *einvoice.Invoice) { inv.Lines[0].Allowances[0].BaseAmount = dp("890.001") }, want: []string{"Lines[0].Allowances[0].BaseAmount"}},
	{rule: "BR-DEC-27", mutate: func(inv *einvoice.Invoice) { inv.Lines[0].Charges[0].Amount = dv("12.505") }, want: []string{"Lines[0].Charges[0].Amount"}},
	{rule: "BR-DEC-28", mutate: func(inv *einvoice.Invoice) { inv.Lines[1].Charges[0].BaseAmount = dp("87.0000") }, want: []string{"Lines[1].Charges[0].BaseAmount"}},
}

func TestRoundsToCents(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"0", true}, {"12", true}, {"0.29", true}, {"1.005", false}, {"-1.005", false},
		{"12.300", true}, {"12.301", false}, {"-0.01", true}, {"1234567.89", true},
		{"0.1", true}, {"2.675", false}, {"-2.675", false},
		// In double precision, as the official test computes, this is 209.01.
		{"209.0100000000000000001", true},
	} {
		if got := roundsToCents(dv(tc.s)); got != tc.want {
			t.Errorf("roundsToCents(%s) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
