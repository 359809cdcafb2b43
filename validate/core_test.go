package validate

import (
	"testing"
	"time"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/fixtures"
	"github.com/shopspring/decimal"
)

var coreCases = []ruleCase{
	{rule: "BR-01", mutate: func(inv *einvoice.Invoice) { inv.Process.Specification = " \n" }, want: []string{"Process.Specification"}},
	{rule: "BR-02", mutate: func(inv *einvoice.Invoice) { inv.Number = "" }, want: []string{"Number"}},
	{rule: "BR-02", base: "base", mutate: func(inv *einvoice.Invoice) { inv.Number = "  " }, want: []string{"Number"}},
	{rule: "BR-03", mutate: func(inv *einvoice.Invoice) { inv.IssueDate = einvoice.Date{} }, want: []string{"IssueDate"}},
	{rule: "BR-04", mutate: func(inv *einvoice.Invoice) { inv.TypeCode = "" }, want: []string{"TypeCode"}},
	{rule: "BR-05", mutate: func(inv *einvoice.Invoice) { inv.Currency = "" }, want: []string{"Currency"}},
	{rule: "BR-06", mutate: func(inv *einvoice.Invoice) { inv.Seller.Name = "\t" }, want: []string{"Seller.Name"}},
	{rule: "BR-07", mutate: func(inv *einvoice.Invoice) { inv.Buyer.Name = "" }, want: []string{"Buyer.Name"}},
	{rule: "BR-09", mutate: func(inv *einvoice.Invoice) { inv.Seller.Address.Country = "" }, want: []string{"Seller.Address.Country"}},
	{rule: "BR-11", mutate: func(inv *einvoice.Invoice) { inv.Buyer.Address = einvoice.Address{} }, want: []string{"Buyer.Address.Country"}},
	{rule: "BR-16", mutate: func(inv *einvoice.Invoice) { inv.Lines = nil }, want: []string{"Lines"}},

	// BR-17, as the CII rule: name present and unlike the seller's, plain
	// identifiers and legal registrations unlike the seller's.
	// CII writes an empty payee name as an empty ram:Name, which the
	// official rule accepts.
	{rule: "BR-17", mutate: func(inv *einvoice.Invoice) { inv.Payee.Name = "" }, want: nil},
	{rule: "BR-17", mutate: func(inv *einvoice.Invoice) { inv.Payee.Name, inv.Seller.Name = "", "" }, want: []string{"Payee.Name"}},
	{rule: "BR-17", mutate: func(inv *einvoice.Invoice) { inv.Payee.Name = inv.Seller.Name }, want: []string{"Payee.Name"}},
	{rule: "BR-17", mutate: func(inv *einvoice.Invoice) {
		inv.Seller.Identifiers = append(inv.Seller.Identifiers, einvoice.ID{Value: "ABC-1"})
		inv.Payee.Identifier = einvoice.ID{Value: "ABC-1"}
	}, want: []string{"Payee.Identifier"}},
	{rule: "BR-17", mutate: func(inv *einvoice.Invoice) {
		inv.Payee.LegalRegistration = inv.Seller.LegalRegistration
	}, want: []string{"Payee.LegalRegistration"}},
	{rule: "BR-17", base: "payee-factoring", mutate: func(inv *einvoice.Invoice) {
		// Identifiers with a scheme are ram:GlobalID, which the CII rule
		// does not compare: no issue.
		inv.Seller.Identifiers = []einvoice.ID{{Value: "X", Scheme: einvoice.ICDSIRET}}
		inv.Payee.Identifier = einvoice.ID{Value: "X", Scheme: einvoice.ICDSIRET}
	}, want: nil},

	{rule: "BR-18", base: "tax-representative", mutate: func(inv *einvoice.Invoice) { inv.TaxRepresentative.Name = "" }, want: []string{"TaxRepresentative.Name"}},
	{rule: "BR-20", base: "tax-representative", mutate: func(inv *einvoice.Invoice) { inv.TaxRepresentative.Address.Country = "" }, want: []string{"TaxRepresentative.Address.Country"}},
	{rule: "BR-21", mutate: func(inv *einvoice.Invoice) { inv.Lines[0].ID = ""; inv.Lines[2].ID = " " }, want: []string{"Lines[0].ID", "Lines[2].ID"}},
	{rule: "BR-23", mutate: func(inv *einvoice.Invoice) { inv.Lines[1].Unit = "" }, want: []string{"Lines[1].Unit"}},
	{rule: "BR-25", mutate: func(inv *einvoice.Invoice) { inv.Lines[2].Item.Name = "" }, want: []string{"Lines[2].Item.Name"}},
	{rule: "BR-27", mutate: func(inv *einvoice.Invoice) { inv.Lines[1].Price.Net = dv("-0.01") }, want: []string{"Lines[1].Price.Net"}},
	{rule: "BR-27", base: "negative-line", mutate: func(inv *einvoice.Invoice) { inv.Lines[0].Price.Net = dv("-1") }, want: []string{"Lines[0].Price.Net"}},
	{rule: "BR-28", base: "prices", mutate: func(inv *einvoice.Invoice) { inv.Lines[0].Price.Gross = dp("-5") }, want: []string{"Lines[0].Price.Gross"}},
	{rule: "BR-29", mutate: func(inv *einvoice.Invoice) {
		inv.InvoicingPeriod.Start, inv.InvoicingPeriod.End = inv.InvoicingPeriod.End, inv.InvoicingPeriod.Start
	}, want: []string{"InvoicingPeriod.End"}},
	{rule: "BR-29", mutate: func(inv *einvoice.Invoice) {
		// One date only: nothing to compare.
		inv.InvoicingPeriod.Start = einvoice.NewDate(2026, time.December, 31)
		inv.InvoicingPeriod.End = einvoice.Date{}
	}, want: nil},
	{rule: "BR-30", base: "invoicing-period", mutate: func(inv *einvoice.Invoice) {
		inv.Lines[1].Period.End = einvoice.NewDate(2026, time.June, 11)
	}, want: []string{"Lines[1].Period.End"}},
	{rule: "BR-33", mutate: func(inv *einvoice.Invoice) {
		inv.Allowances[0].Reason, inv.Allowances[0].ReasonCode = "", ""
		inv.Allowances[1].Reason = "" // the code remains
	}, want: []string{"Allowances[0].Reason"}},
	{rule: "BR-38", mutate: func(inv *einvoice.Invoice) {
		inv.Charges[1].Reason, inv.Charges[1].ReasonCode = "", ""
		inv.Charges[0].ReasonCode = "" // the text remains
	}, want: []string{"Charges[1].Reason"}},
	{rule: "BR-42", mutate: func(inv *einvoice.Invoice) {
		a := &inv.Lines[1].Allowances[0]
		a.Reason, a.ReasonCode = "", ""
	}, want: []string{"Lines[1].Allowances[0].Reason"}},
	{rule: "BR-44", mutate: func(inv *einvoice.Invoice) {
		ch := &inv.Lines[0].Charges[0]
		ch.Reason, ch.ReasonCode = "", ""
	}, want: []string{"Lines[0].Charges[0].Reason"}},
	{rule: "BR-48", mutate: func(inv *einvoice.Invoice) { inv.VATBreakdown[0].Rate = nil }, want: []string{"VATBreakdown[0].Rate"}},
	{rule: "BR-48", base: "vat-not-subject", mutate: func(inv *einvoice.Invoice) {
		inv.VATBreakdown[0].Category = einvoice.VATStandard
	}, want: []string{"VATBreakdown[0].Rate"}},
	{rule: "BR-50", base: "payment-two-accounts", mutate: func(inv *einvoice.Invoice) {
		inv.Payment.CreditTransfers[1].AccountID = " "
	}, want: []string{"Payment.CreditTransfers[1].AccountID"}},
	{rule: "BR-50", base: "payment-credit-transfer", mutate: func(inv *einvoice.Invoice) {
		inv.Payment.CreditTransfers[0].AccountID = ""
	}, want: []string{"Payment.CreditTransfers[0].AccountID"}},
	{rule: "BR-50", base: "payment-credit-transfer", mutate: func(inv *einvoice.Invoice) {
		// The CII rule looks at the accounts of the means 30 and 58 only.
		inv.Payment.MeansCode = einvoice.PaymentMeans31
		inv.Payment.CreditTransfers[0].AccountID = ""
	}, want: nil},
	{rule: "BR-51", base: "payment-card", mutate: func(inv *einvoice.Invoice) {
		inv.Payment.Card.PrimaryAccountNumber = "458712 4587"
	}, want: []string{"Payment.Card.PrimaryAccountNumber"}},
	{rule: "BR-51", base: "payment-card", mutate: func(inv *einvoice.Invoice) {
		// White space is normalised: 10 characters.
		inv.Payment.Card.PrimaryAccountNumber = "  4587  12  34  "
	}, want: nil},
	{rule: "BR-52", mutate: func(inv *einvoice.Invoice) { inv.Attachments[1].ID = "" }, want: []string{"Attachments[1].ID"}},
	{rule: "BR-53", base: "tax-currency", mutate: func(inv *einvoice.Invoice) { inv.Totals.VATInTaxCurrency = nil }, want: []string{"Totals.VATInTaxCurrency"}},
	{rule: "BR-53", base: "tax-currency", mutate: func(inv *einvoice.Invoice) {
		// The CII rule rejects a VAT accounting currency equal to the
		// invoice currency.
		inv.TaxCurrency = inv.Currency
	}, want: []string{"TaxCurrency"}},
	{rule: "BR-54", base: "extended", mutate: func(inv *einvoice.Invoice) {
		inv.Lines[0].Item.Attributes = []einvoice.ItemAttribute{{Name: "Couleur", Value: "bleu"}, {Name: "Poids", Measure: &einvoice.Measure{Value: decimal.New(25, -1), Unit: "KGM"}}}
	}, want: []string{"Lines[0].Item.Attributes[1].Value"}},
	{rule: "BR-54", base: "prices", mutate: func(inv *einvoice.Invoice) {
		// Below EXTENDED, the CII encoder writes an empty ram:Value.
		inv.Lines[0].Item.Attributes = []einvoice.ItemAttribute{{Name: "Couleur"}}
	}, want: nil},
	{rule: "BR-54", mutate: func(inv *einvoice.Invoice) {
		inv.Lines[0].Item.Attributes = []einvoice.ItemAttribute{{Name: "Couleur", Value: " "}}
	}, want: nil},
	{rule: "BR-55", mutate: func(inv *einvoice.Invoice) { inv.PrecedingInvoices[0].Number = "" }, want: []string{"PrecedingInvoices[0].Number"}},
	{rule: "BR-56", base: "tax-representative", mutate: func(inv *einvoice.Invoice) { inv.TaxRepresentative.VATID = "" }, want: []string{"TaxRepresentative.VATID"}},
	{rule: "BR-57", mutate: func(inv *einvoice.Invoice) { inv.Delivery.Address.Country = "" }, want: []string{"Delivery.Address.Country"}},
	{rule: "BR-62", mutate: func(inv *einvoice.Invoice) { inv.Seller.ElectronicAddress.Scheme = "" }, want: []string{"Seller.ElectronicAddress.Scheme"}},
	{rule: "BR-63", mutate: func(inv *einvoice.Invoice) { inv.Buyer.ElectronicAddress.Scheme = " " }, want: []string{"Buyer.ElectronicAddress.Scheme"}},
	{rule: "BR-64", mutate: func(inv *einvoice.Invoice) { inv.Lines[1].Item.StandardID.Scheme = "" }, want: []string{"Lines[1].Item.StandardID.Scheme"}},
	{rule: "BR-65", mutate: func(inv *einvoice.Invoice) {
		inv.Lines[0].Item.Classifications[1].Scheme = ""
		inv.Lines[1].Item.Classifications[0].Scheme = ""
	}, want: []string{"Lines[0].Item.Classifications[1].Scheme", "Lines[1].Item.Classifications[0].Scheme"}},
}

func TestCoreRules(t *testing.T) { runRuleCases(t, coreRules, coreCases) }

func TestDecRules(t *testing.T) { runRuleCases(t, decRules, decCases) }

// TestCoreDecValidFixtures checks that the fixtures meant to be valid EN
// 16931 invoices, and the benchmark invoice, break none of these rules.
func TestCoreDecValidFixtures(t *testing.T) {
	rules := append(append([]rule(nil), coreRules...), decRules...)
	set := RuleSet{name: "core+dec", list: lazyRules(func() []rule { return rules })}
	for _, f := range en16931Fixtures() {
		if rep := Invoice(&f.Invoice, set); len(rep.Issues) > 0 {
			t.Errorf("%s: %v", f.Name, rep.Issues)
		}
	}
	if rep := Invoice(fixtures.Bench(7), set); len(rep.Issues) > 0 {
		t.Errorf("Bench: %v", rep.Issues)
	}
}

// TestCoreDecMeta checks that every rule id is an official one, fatal.
func TestCoreDecMeta(t *testing.T) {
	for _, id := range append(ruleIDs(coreRules), ruleIDs(decRules)...) {
		m, ok := lookupMeta(id)
		if !ok {
			t.Errorf("%s: not an official rule", id)
			continue
		}
		if m.Severity != Fatal {
			t.Errorf("%s: severity %v, want fatal", id, m.Severity)
		}
	}
}

// lookupMeta returns the generated metadata of the rule id.
func lookupMeta(id string) (meta, bool) {
	for _, m := range ruleMeta {
		if m.ID == id {
			return m, true
		}
	}
	return meta{}, false
}
