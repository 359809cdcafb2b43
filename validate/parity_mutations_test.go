package validate_test

import (
	"bytes"
	"slices"
	"strings"

	"github.com/einvoice-go/einvoice"
	"github.com/shopspring/decimal"
)

// The mutation generator: model-level mutations (mutation, applied before
// encoding) and text-level ones (textMutation, applied to the encoded CII
// and UBL, for what the encoders refuse to write: amounts with more than 2
// decimals). Every mutation breaks one thing and is named after it; what
// the official schematron then reports (often several rules) is compared,
// file by file, with what validate reports.

// parityMutations returns the model-level mutations: the hand-written list
// and those generated per VAT category.
func parityMutations() []mutation {
	return slices.Concat(coreMutations, coMutations, codeMutations, vatMutations(), mutations)
}

// onLine wraps a mutation of the first line.
func onLine(name string, f func(l *einvoice.Line) bool) mutation {
	return mutation{name, func(inv *einvoice.Invoice) bool {
		if len(inv.Lines) == 0 {
			return false
		}
		return f(&inv.Lines[0])
	}}
}

// onPayment wraps a mutation of the payment instructions, created (credit
// transfer, means 58) when the invoice has none.
func onPayment(name string, f func(p *einvoice.PaymentInstructions) bool) mutation {
	return mutation{name, func(inv *einvoice.Invoice) bool {
		p := &einvoice.PaymentInstructions{MeansCode: "58", CreditTransfers: []einvoice.CreditTransfer{{AccountID: "DE75512108001245126199"}}}
		if inv.Payment != nil {
			c := *inv.Payment
			c.CreditTransfers = slices.Clone(c.CreditTransfers)
			p = &c
		}
		inv.Payment = p
		return f(p)
	}}
}

// addAllowance adds a document level allowance of 10.00 with the first
// line's VAT, and completes the invoice.
func addAllowance(inv *einvoice.Invoice) bool {
	if len(inv.Lines) == 0 {
		return false
	}
	inv.Allowances = append(inv.Allowances, einvoice.Allowance{Amount: decimal.New(1000, -2), VAT: inv.Lines[0].VAT, Reason: "Remise", ReasonCode: "95"})
	return inv.Complete() == nil
}

// addCharge adds a document level charge of 10.00 with the first line's
// VAT, and completes the invoice.
func addCharge(inv *einvoice.Invoice) bool {
	if len(inv.Lines) == 0 {
		return false
	}
	inv.Charges = append(inv.Charges, einvoice.Charge{Amount: decimal.New(1000, -2), VAT: inv.Lines[0].VAT, Reason: "Transport", ReasonCode: "FC"})
	return inv.Complete() == nil
}

func withAllowance(name string, f func(inv *einvoice.Invoice, a *einvoice.Allowance)) mutation {
	return mutation{name, func(inv *einvoice.Invoice) bool {
		if !addAllowance(inv) {
			return false
		}
		f(inv, &inv.Allowances[len(inv.Allowances)-1])
		return true
	}}
}

func withCharge(name string, f func(inv *einvoice.Invoice, c *einvoice.Charge)) mutation {
	return mutation{name, func(inv *einvoice.Invoice) bool {
		if !addCharge(inv) {
			return false
		}
		f(inv, &inv.Charges[len(inv.Charges)-1])
		return true
	}}
}

// withLineAllowance gives the first line an allowance of 1.00 and completes.
func withLineAllowance(name string, f func(a *einvoice.LineAllowance)) mutation {
	return mutation{name, func(inv *einvoice.Invoice) bool {
		if len(inv.Lines) == 0 {
			return false
		}
		l := &inv.Lines[0]
		l.Allowances = append(slices.Clone(l.Allowances), einvoice.LineAllowance{Amount: decimal.New(100, -2), Reason: "Remise", ReasonCode: "95"})
		l.NetAmount = decimal.Decimal{}
		if inv.Complete() != nil {
			return false
		}
		l = &inv.Lines[0]
		f(&l.Allowances[len(l.Allowances)-1])
		return true
	}}
}

func withLineCharge(name string, f func(c *einvoice.LineCharge)) mutation {
	return mutation{name, func(inv *einvoice.Invoice) bool {
		if len(inv.Lines) == 0 {
			return false
		}
		l := &inv.Lines[0]
		l.Charges = append(slices.Clone(l.Charges), einvoice.LineCharge{Amount: decimal.New(100, -2), Reason: "Emballage", ReasonCode: "ABL"})
		l.NetAmount = decimal.Decimal{}
		if inv.Complete() != nil {
			return false
		}
		l = &inv.Lines[0]
		f(&l.Charges[len(l.Charges)-1])
		return true
	}}
}

// withPayee gives the invoice a payee, then mutates it.
func withPayee(name string, f func(p *einvoice.Payee)) mutation {
	return mutation{name, func(inv *einvoice.Invoice) bool {
		p := &einvoice.Payee{Name: "Factor SA", Identifier: einvoice.ID{Value: "12345678900015", Scheme: "0009"}}
		if inv.Payee != nil {
			c := *inv.Payee
			p = &c
		}
		inv.Payee = p
		f(p)
		return true
	}}
}

// withTaxRep gives the invoice a seller's tax representative, then mutates it.
func withTaxRep(name string, f func(r *einvoice.TaxRepresentative)) mutation {
	return mutation{name, func(inv *einvoice.Invoice) bool {
		r := &einvoice.TaxRepresentative{Name: "Fiscal Rep SARL", VATID: "FR32123456789", Address: einvoice.Address{City: "Lyon", PostCode: "69001", Country: "FR"}}
		if inv.TaxRepresentative != nil {
			c := *inv.TaxRepresentative
			r = &c
		}
		inv.TaxRepresentative = r
		f(r)
		return true
	}}
}

// withDelivery gives the invoice a delivery with an address, then mutates it.
func withDelivery(name string, f func(d *einvoice.Delivery)) mutation {
	return mutation{name, func(inv *einvoice.Invoice) bool {
		d := &einvoice.Delivery{PartyName: "Entrepôt", Date: inv.IssueDate, Address: &einvoice.Address{City: "Lyon", PostCode: "69001", Country: "FR"}}
		if inv.Delivery != nil {
			c := *inv.Delivery
			if c.Address != nil {
				a := *c.Address
				c.Address = &a
			} else {
				c.Address = &einvoice.Address{City: "Lyon", Country: "FR"}
			}
			d = &c
		}
		inv.Delivery = d
		f(d)
		return true
	}}
}

// withAttachment gives the invoice an attachment with embedded content.
func withAttachment(name string, f func(a *einvoice.Attachment)) mutation {
	return mutation{name, func(inv *einvoice.Invoice) bool {
		inv.Attachments = append(inv.Attachments, einvoice.Attachment{ID: "ATT-1", Description: "Timesheet", Content: []byte("a,b\n1,2\n"), MIMECode: "text/csv", Filename: "timesheet.csv"})
		f(&inv.Attachments[len(inv.Attachments)-1])
		return true
	}}
}

func withPeriod(name string, f func(p *einvoice.Period, inv *einvoice.Invoice)) mutation {
	return mutation{name, func(inv *einvoice.Invoice) bool {
		p := &einvoice.Period{Start: inv.IssueDate, End: inv.IssueDate}
		if inv.InvoicingPeriod != nil {
			c := *inv.InvoicingPeriod
			p = &c
		}
		inv.InvoicingPeriod = p
		f(p, inv)
		return true
	}}
}

func withLinePeriod(name string, f func(p *einvoice.Period, inv *einvoice.Invoice)) mutation {
	return mutation{name, func(inv *einvoice.Invoice) bool {
		if len(inv.Lines) == 0 {
			return false
		}
		p := &einvoice.Period{Start: inv.IssueDate, End: inv.IssueDate}
		inv.Lines[0].Period = p
		f(p, inv)
		return true
	}}
}

// dayBefore is the day before d (or d itself for the first of a month,
// moved to the 28th of the month before).
func dayBefore(d einvoice.Date) einvoice.Date {
	if d.Day > 1 {
		d.Day--
		return d
	}
	d.Day = 28
	if d.Month > 1 {
		d.Month--
	} else {
		d.Month, d.Year = 12, d.Year-1
	}
	return d
}

var coreMutations = []mutation{
	{"no-type-code", func(inv *einvoice.Invoice) bool { inv.TypeCode = ""; return true }},
	{"blank-number", func(inv *einvoice.Invoice) bool { inv.Number = "  "; return true }},
	{"blank-seller-name", func(inv *einvoice.Invoice) bool { inv.Seller.Name = " "; return true }},
	withPayee("payee-no-name", func(p *einvoice.Payee) { p.Name = "" }),
	withTaxRep("taxrep-no-name", func(r *einvoice.TaxRepresentative) { r.Name = "" }),
	withTaxRep("taxrep-no-country", func(r *einvoice.TaxRepresentative) { r.Address.Country = "" }),
	withTaxRep("taxrep-no-vat-id", func(r *einvoice.TaxRepresentative) { r.VATID = "" }),
	withTaxRep("taxrep-bad-country", func(r *einvoice.TaxRepresentative) { r.Address.Country = "ZZ" }),
	withTaxRep("taxrep-vat-no-prefix", func(r *einvoice.TaxRepresentative) { r.VATID = "123456789" }),
	onLine("line-no-unit", func(l *einvoice.Line) bool { l.Unit = ""; return true }),
	onLine("line-blank-name", func(l *einvoice.Line) bool { l.Item.Name = " "; return true }),
	onLine("line-negative-gross-price", func(l *einvoice.Line) bool {
		l.Price.Gross = new(decimal.New(-500, -2))
		l.Price.Discount = nil
		return true
	}),
	withPeriod("period-end-before-start-1d", func(p *einvoice.Period, inv *einvoice.Invoice) {
		p.Start, p.End = inv.IssueDate, dayBefore(inv.IssueDate)
	}),
	withPeriod("period-empty", func(p *einvoice.Period, _ *einvoice.Invoice) { *p = einvoice.Period{} }),
	withPeriod("period-start-only", func(p *einvoice.Period, _ *einvoice.Invoice) { p.End = einvoice.Date{} }),
	withLinePeriod("line-period-end-before-start", func(p *einvoice.Period, inv *einvoice.Invoice) {
		p.End = dayBefore(inv.IssueDate)
	}),
	withLinePeriod("line-period-empty", func(p *einvoice.Period, _ *einvoice.Invoice) { *p = einvoice.Period{} }),
	withAllowance("allowance-reason-missing", func(_ *einvoice.Invoice, a *einvoice.Allowance) { a.Reason, a.ReasonCode = "", "" }),
	withAllowance("allowance-code-only", func(_ *einvoice.Invoice, a *einvoice.Allowance) { a.Reason = "" }),
	withAllowance("allowance-bad-reason-code", func(_ *einvoice.Invoice, a *einvoice.Allowance) { a.ReasonCode = "999" }),
	withAllowance("allowance-charge-code", func(_ *einvoice.Invoice, a *einvoice.Allowance) { a.ReasonCode = "FC" }),
	withAllowance("allowance-category-missing", func(_ *einvoice.Invoice, a *einvoice.Allowance) { a.VAT.Category = "" }),
	withAllowance("allowance-bad-category", func(_ *einvoice.Invoice, a *einvoice.Allowance) { a.VAT.Category = "X" }),
	withAllowance("allowance-percentage-no-base", func(_ *einvoice.Invoice, a *einvoice.Allowance) { a.Percentage = pdec("10") }),
	withCharge("charge-reason-missing", func(_ *einvoice.Invoice, c *einvoice.Charge) { c.Reason, c.ReasonCode = "", "" }),
	withCharge("charge-code-only", func(_ *einvoice.Invoice, c *einvoice.Charge) { c.Reason = "" }),
	withCharge("charge-bad-reason-code", func(_ *einvoice.Invoice, c *einvoice.Charge) { c.ReasonCode = "ZZZZ" }),
	withCharge("charge-allowance-code", func(_ *einvoice.Invoice, c *einvoice.Charge) { c.ReasonCode = "95" }),
	withCharge("charge-category-missing", func(_ *einvoice.Invoice, c *einvoice.Charge) { c.VAT.Category = "" }),
	withCharge("charge-bad-category", func(_ *einvoice.Invoice, c *einvoice.Charge) { c.VAT.Category = "Q" }),
	withLineAllowance("line-allowance-reason-missing", func(a *einvoice.LineAllowance) { a.Reason, a.ReasonCode = "", "" }),
	withLineAllowance("line-allowance-code-only", func(a *einvoice.LineAllowance) { a.Reason = "" }),
	withLineAllowance("line-allowance-bad-code", func(a *einvoice.LineAllowance) { a.ReasonCode = "1" }),
	withLineCharge("line-charge-reason-missing", func(c *einvoice.LineCharge) { c.Reason, c.ReasonCode = "", "" }),
	withLineCharge("line-charge-code-only", func(c *einvoice.LineCharge) { c.Reason = "" }),
	withLineCharge("line-charge-bad-code", func(c *einvoice.LineCharge) { c.ReasonCode = "XX1" }),
	{"breakdown-standard-no-rate", func(inv *einvoice.Invoice) bool {
		for i := range inv.VATBreakdown {
			if inv.VATBreakdown[i].Category == einvoice.VATStandard {
				inv.VATBreakdown[i].Rate = nil
				return true
			}
		}
		return false
	}},
	onPayment("payment-no-means", func(p *einvoice.PaymentInstructions) bool { p.MeansCode = ""; return true }),
	onPayment("payment-card-no-pan", func(p *einvoice.PaymentInstructions) bool {
		p.MeansCode = "48"
		p.Card = &einvoice.PaymentCard{HolderName: "J DOE"}
		return true
	}),
	onPayment("payment-card-full-pan", func(p *einvoice.PaymentInstructions) bool {
		p.MeansCode = "48"
		p.Card = &einvoice.PaymentCard{PrimaryAccountNumber: "4111111111111111"}
		return true
	}),
	onPayment("payment-bad-means-text", func(p *einvoice.PaymentInstructions) bool { p.MeansCode = "ZZ"; return true }),
	onPayment("payment-means-not-transfer", func(p *einvoice.PaymentInstructions) bool { p.MeansCode = "1"; return true }),
	onPayment("credit-transfer-blank-account", func(p *einvoice.PaymentInstructions) bool {
		if len(p.CreditTransfers) == 0 {
			return false
		}
		p.CreditTransfers[0].AccountID = " "
		return true
	}),
	onPayment("direct-debit-no-mandate", func(p *einvoice.PaymentInstructions) bool {
		p.MeansCode = "59"
		p.CreditTransfers = nil
		p.DirectDebit = &einvoice.DirectDebit{DebitedAccountID: "DE75512108001245126199"}
		return true
	}),
	withAttachment("attachment-blank-id", func(a *einvoice.Attachment) { a.ID = "" }),
	withAttachment("attachment-bad-mime", func(a *einvoice.Attachment) { a.MIMECode = "text/plain" }),
	withAttachment("attachment-mime-xml", func(a *einvoice.Attachment) { a.MIMECode = "application/xml" }),
	{"preceding-blank-number", func(inv *einvoice.Invoice) bool {
		inv.PrecedingInvoices = append(inv.PrecedingInvoices, einvoice.PrecedingInvoice{Number: "", IssueDate: inv.IssueDate})
		return true
	}},
	withDelivery("deliver-to-no-country", func(d *einvoice.Delivery) { d.Address.Country = "" }),
	withDelivery("deliver-to-bad-country", func(d *einvoice.Delivery) { d.Address.Country = "UK" }),
	withDelivery("delivery-location-bad-scheme", func(d *einvoice.Delivery) { d.LocationID = einvoice.ID{Value: "1234", Scheme: "9999"} }),
	withDelivery("delivery-location-gln-ok-but-no-country", func(d *einvoice.Delivery) {
		d.LocationID = einvoice.ID{Value: "5790000435951", Scheme: "0088"}
		d.Address.Country = ""
	}),
	{"seller-eas-no-scheme", func(inv *einvoice.Invoice) bool {
		inv.Seller.ElectronicAddress = einvoice.ElectronicAddress{Value: "seller@example.com"}
		return true
	}},
	{"buyer-eas-bad", func(inv *einvoice.Invoice) bool {
		inv.Buyer.ElectronicAddress = einvoice.ElectronicAddress{Value: "buyer@example.com", Scheme: "EMAIL"}
		return true
	}},
	onLine("item-standard-id-no-scheme", func(l *einvoice.Line) bool {
		l.Item.StandardID = einvoice.ID{Value: "4012345678901"}
		return true
	}),
	onLine("item-standard-id-bad-scheme", func(l *einvoice.Line) bool {
		l.Item.StandardID = einvoice.ID{Value: "4012345678901", Scheme: "9999"}
		return true
	}),
	onLine("item-classification-no-scheme", func(l *einvoice.Line) bool {
		l.Item.Classifications = []einvoice.Classification{{Value: "12345678"}}
		return true
	}),
	onLine("item-classification-bad-scheme", func(l *einvoice.Line) bool {
		l.Item.Classifications = []einvoice.Classification{{Value: "12345678", Scheme: "XX"}}
		return true
	}),
	onLine("item-bad-origin-country", func(l *einvoice.Line) bool { l.Item.OriginCountry = "EU"; return true }),
	onLine("line-bad-base-unit", func(l *einvoice.Line) bool {
		l.Price.BaseQuantity, l.Price.BaseUnit = pdec("1"), "XYZ"
		return true
	}),
	onLine("line-unit-lowercase", func(l *einvoice.Line) bool { l.Unit = "h87"; return true }),
	onLine("line-object-bad-scheme", func(l *einvoice.Line) bool {
		l.Object = einvoice.ObjectID{Value: "OBJ-1", Scheme: "ZZZ"}
		return true
	}),
	onLine("line-category-lowercase", func(l *einvoice.Line) bool {
		l.VAT.Category = einvoice.VATCategory("s")
		return true
	}),
	onLine("line-bad-category", func(l *einvoice.Line) bool { l.VAT.Category = "X"; return true }),
}

var coMutations = []mutation{
	{"tax-point-code-only-bad", func(inv *einvoice.Invoice) bool { inv.TaxPointDateCode = "99"; return true }},
	{"tax-point-code-payment", func(inv *einvoice.Invoice) bool { inv.TaxPointDateCode = einvoice.TaxPointPaymentDate; return true }},
	{"tax-point-date-and-delivery-code", func(inv *einvoice.Invoice) bool {
		inv.TaxPointDate, inv.TaxPointDateCode = inv.IssueDate, einvoice.TaxPointDeliveryDate
		return true
	}},
	{"buyer-vat-no-prefix", func(inv *einvoice.Invoice) bool { inv.Buyer.VATID = "987654321"; return true }},
	{"seller-vat-lowercase-prefix", func(inv *einvoice.Invoice) bool {
		if len(inv.Seller.VATID) < 3 {
			return false
		}
		inv.Seller.VATID = "fr" + inv.Seller.VATID[2:]
		return true
	}},
	{"seller-vat-el-greek", func(inv *einvoice.Invoice) bool { inv.Seller.VATID = "EL123456789"; return true }},
	{"seller-no-identifiers", func(inv *einvoice.Invoice) bool {
		inv.Seller.VATID, inv.Seller.Identifiers, inv.Seller.LegalRegistration, inv.Seller.TaxRegistration = "", nil, einvoice.ID{}, ""
		inv.TaxRepresentative = nil
		return true
	}},
	{"line-net-sum-off-negative", func(inv *einvoice.Invoice) bool {
		inv.Totals.LineNet = inv.Totals.LineNet.Sub(decimal.New(100, -2))
		return true
	}},
	{"allowance-total-missing", func(inv *einvoice.Invoice) bool {
		if len(inv.Allowances) == 0 || inv.Totals.Allowances == nil {
			return false
		}
		inv.Totals.Allowances = nil
		return true
	}},
	{"allowance-total-without-allowances", func(inv *einvoice.Invoice) bool {
		if len(inv.Allowances) > 0 {
			return false
		}
		inv.Totals.Allowances = pdec("5.00")
		return true
	}},
	{"charge-total-without-charges", func(inv *einvoice.Invoice) bool {
		if len(inv.Charges) > 0 {
			return false
		}
		inv.Totals.Charges = pdec("5.00")
		return true
	}},
	withAllowance("allowance-amount-off-total", func(_ *einvoice.Invoice, a *einvoice.Allowance) { a.Amount = a.Amount.Add(cent) }),
	withCharge("charge-amount-off-total", func(_ *einvoice.Invoice, c *einvoice.Charge) { c.Amount = c.Amount.Add(cent) }),
	{"vat-total-missing", func(inv *einvoice.Invoice) bool {
		if inv.Totals.VAT == nil || inv.Totals.VAT.IsZero() {
			return false
		}
		inv.Totals.VAT = nil
		return true
	}},
	{"paid-off", func(inv *einvoice.Invoice) bool {
		inv.Totals.Paid = pdec("1.00")
		return true
	}},
	{"rounding-off", func(inv *einvoice.Invoice) bool {
		inv.Totals.Rounding = pdec("0.01")
		return true
	}},
	{"paid-and-due-consistent-vat-off", func(inv *einvoice.Invoice) bool {
		if inv.Totals.VAT == nil {
			return false
		}
		inv.Totals.VAT = new(inv.Totals.VAT.Add(decimal.New(1, 0)))
		inv.Totals.TaxInclusive = inv.Totals.TaxInclusive.Add(decimal.New(1, 0))
		inv.Totals.Due = inv.Totals.Due.Add(decimal.New(1, 0))
		return true
	}},
	{"line-net-off-consistent-totals", func(inv *einvoice.Invoice) bool {
		if len(inv.Lines) == 0 {
			return false
		}
		inv.Lines[0].NetAmount = inv.Lines[0].NetAmount.Add(decimal.New(1, 0))
		return true
	}},
	{"breakdown-tax-off-1", func(inv *einvoice.Invoice) bool {
		if len(inv.VATBreakdown) == 0 {
			return false
		}
		b := &inv.VATBreakdown[len(inv.VATBreakdown)-1]
		b.TaxAmount = b.TaxAmount.Sub(decimal.New(1, 0))
		return true
	}},
	{"due-positive-no-terms", func(inv *einvoice.Invoice) bool {
		inv.DueDate, inv.PaymentTerms = einvoice.Date{}, ""
		inv.Totals.Due = inv.Totals.Due.Abs().Add(decimal.New(1, 0))
		return true
	}},
	{"no-breakdown-no-vat", func(inv *einvoice.Invoice) bool {
		inv.VATBreakdown = nil
		inv.Totals.VAT = nil
		return true
	}},
	{"breakdown-only-empty-category", func(inv *einvoice.Invoice) bool {
		if len(inv.VATBreakdown) == 0 {
			return false
		}
		inv.VATBreakdown[0].Category = ""
		return true
	}},
	{"breakdown-bad-category", func(inv *einvoice.Invoice) bool {
		if len(inv.VATBreakdown) == 0 {
			return false
		}
		inv.VATBreakdown[0].Category = "X"
		return true
	}},
	{"breakdown-bad-vatex", func(inv *einvoice.Invoice) bool {
		if len(inv.VATBreakdown) == 0 {
			return false
		}
		inv.VATBreakdown[0].ExemptionReasonCode = "VATEX-EU-999"
		return true
	}},
	{"breakdown-vatex-lowercase", func(inv *einvoice.Invoice) bool {
		if len(inv.VATBreakdown) == 0 {
			return false
		}
		inv.VATBreakdown[0].ExemptionReasonCode = "vatex-eu-ic"
		return true
	}},
}

var codeMutations = []mutation{
	{"type-code-order", func(inv *einvoice.Invoice) bool { inv.TypeCode = "220"; return true }},
	{"type-code-letters", func(inv *einvoice.Invoice) bool { inv.TypeCode = "ABC"; return true }},
	{"currency-lowercase", func(inv *einvoice.Invoice) bool { inv.Currency = "eur"; return true }},
	{"currency-withdrawn", func(inv *einvoice.Invoice) bool { inv.Currency = "FRF"; return true }},
	{"tax-currency-bad", func(inv *einvoice.Invoice) bool {
		if inv.Totals.VAT == nil {
			return false
		}
		inv.TaxCurrency = "XXY"
		inv.Totals.VATInTaxCurrency = inv.Totals.VAT
		return true
	}},
	{"buyer-bad-country", func(inv *einvoice.Invoice) bool { inv.Buyer.Address.Country = "YY"; return true }},
	{"seller-country-lowercase", func(inv *einvoice.Invoice) bool { inv.Seller.Address.Country = "fr"; return true }},
	{"seller-country-alpha3", func(inv *einvoice.Invoice) bool { inv.Seller.Address.Country = "FRA"; return true }},
	{"seller-bad-legal-scheme", func(inv *einvoice.Invoice) bool {
		inv.Seller.LegalRegistration = einvoice.ID{Value: "123456789", Scheme: "9999"}
		return true
	}},
	{"seller-bad-identifier-scheme", func(inv *einvoice.Invoice) bool {
		inv.Seller.Identifiers = append(slices.Clone(inv.Seller.Identifiers), einvoice.ID{Value: "X1", Scheme: "0000"})
		return true
	}},
	{"buyer-bad-identifier-scheme", func(inv *einvoice.Invoice) bool {
		inv.Buyer.Identifiers = []einvoice.ID{{Value: "B1", Scheme: "ABCD"}}
		return true
	}},
	{"buyer-bad-legal-scheme", func(inv *einvoice.Invoice) bool {
		inv.Buyer.LegalRegistration = einvoice.ID{Value: "987654321", Scheme: "1"}
		return true
	}},
	withPayee("payee-bad-identifier-scheme", func(p *einvoice.Payee) { p.Identifier = einvoice.ID{Value: "P1", Scheme: "9998"} }),
	withPayee("payee-bad-legal-scheme", func(p *einvoice.Payee) { p.LegalRegistration = einvoice.ID{Value: "P2", Scheme: "12"} }),
	{"seller-eas-letters", func(inv *einvoice.Invoice) bool {
		inv.Seller.ElectronicAddress = einvoice.ElectronicAddress{Value: "x@example.com", Scheme: "MAIL"}
		return true
	}},
	{"buyer-eas-unknown-number", func(inv *einvoice.Invoice) bool {
		inv.Buyer.ElectronicAddress = einvoice.ElectronicAddress{Value: "123", Scheme: "0001"}
		return true
	}},
	{"invoiced-object-bad-scheme", func(inv *einvoice.Invoice) bool {
		inv.InvoicedObject = einvoice.ObjectID{Value: "OBJ-9", Scheme: "XYZ"}
		return true
	}},
	{"note-bad-subject", func(inv *einvoice.Invoice) bool {
		inv.Notes = append(slices.Clone(inv.Notes), einvoice.Note{SubjectCode: "ZZZ", Text: "Note"})
		return true
	}},
	onPayment("payment-means-lowercase", func(p *einvoice.PaymentInstructions) bool { p.MeansCode = "zz"; return true }),
	onLine("line-unit-unknown-numeric", func(l *einvoice.Line) bool { l.Unit = "999"; return true }),
	withAttachment("attachment-mime-docx", func(a *einvoice.Attachment) {
		a.MIMECode = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	}),
	withAttachment("attachment-mime-empty-content", func(a *einvoice.Attachment) { a.MIMECode = "" }),
}

// vatCase describes a VAT category for the generated mutations: its code,
// the rate a valid invoice gives it, and the exemption reason it needs.
type vatCase struct {
	cat    einvoice.VATCategory
	rate   string // "" for no rate (O)
	bad    string // a rate the category forbids ("" when none: AF, AG accept any)
	reason bool   // an exemption reason is mandatory
}

var vatCases = []vatCase{
	{einvoice.VATStandard, "20", "0", false},
	{einvoice.VATZeroRated, "0", "5", false},
	{einvoice.VATExempt, "0", "10", true},
	{einvoice.VATReverseCharge, "0", "19", true},
	{einvoice.VATIntraCommunity, "0", "20", true},
	{einvoice.VATExport, "0", "7", true},
	{einvoice.VATNotSubject, "", "10", true},
	{einvoice.VATCanaryIslands, "7", "-1", false},
	{einvoice.VATCeutaMelilla, "4", "-2", false},
}

// asCategory turns inv into a valid invoice of one VAT category: every
// line, allowance and charge of it, the parties and delivery the category
// asks for, the breakdown and totals completed. where is "line" (the
// default), "allowance" or "charge": then only a document level allowance
// or charge has the category, the lines are standard rated 20 %.
func asCategory(inv *einvoice.Invoice, vc vatCase, where string) bool {
	if len(inv.Lines) == 0 {
		return false
	}
	vat := einvoice.VAT{Category: vc.cat}
	if vc.rate != "" {
		vat.Rate = pdec(vc.rate)
	}
	lineVAT := vat
	if where != "line" {
		lineVAT = einvoice.VAT{Category: einvoice.VATStandard, Rate: pdec("20")}
	}
	for i := range inv.Lines {
		inv.Lines[i].VAT = lineVAT
	}
	inv.Allowances, inv.Charges = nil, nil
	switch where {
	case "allowance":
		inv.Allowances = []einvoice.Allowance{{Amount: decimal.New(100, -2), VAT: vat, Reason: "Remise", ReasonCode: "95"}}
	case "charge":
		inv.Charges = []einvoice.Charge{{Amount: decimal.New(100, -2), VAT: vat, Reason: "Transport", ReasonCode: "FC"}}
	}
	inv.VATBreakdown = nil
	if vc.cat == einvoice.VATExempt {
		inv.VATBreakdown = []einvoice.VATBreakdown{{Category: vc.cat, Rate: pdec("0"), ExemptionReason: "Exonéré"}}
	}
	inv.TaxCurrency, inv.Totals.VATInTaxCurrency = "", nil
	inv.Totals.Paid, inv.Totals.Rounding = nil, nil
	inv.TaxRepresentative = nil
	switch {
	case vc.cat == einvoice.VATNotSubject && where == "line":
		inv.Seller.VATID, inv.Buyer.VATID = "", ""
		inv.Seller.TaxRegistration = ""
		if inv.Seller.LegalRegistration.IsZero() {
			inv.Seller.LegalRegistration = einvoice.ID{Value: "123456789"}
		}
	default:
		inv.Seller.VATID = "DE123456789"
		inv.Buyer.VATID = "FR32123456789"
	}
	if vc.cat == einvoice.VATIntraCommunity {
		d := &einvoice.Delivery{Date: inv.IssueDate, Address: &einvoice.Address{City: "Paris", Country: "FR"}}
		inv.Delivery = d
	}
	if vc.cat == einvoice.VATCanaryIslands || vc.cat == einvoice.VATCeutaMelilla {
		inv.Seller.VATID = "ESB12345678"
	}
	return inv.Complete() == nil
}

// breakdownOf returns the breakdown entry of a category, or nil.
func breakdownOf(inv *einvoice.Invoice, cat einvoice.VATCategory) *einvoice.VATBreakdown {
	for i := range inv.VATBreakdown {
		if inv.VATBreakdown[i].Category == cat {
			return &inv.VATBreakdown[i]
		}
	}
	return nil
}

// vatMutations generates, for each VAT category, the mutations that break
// its rules (BR-S-01 .. BR-AG-10 and their kin).
func vatMutations() []mutation {
	var out []mutation
	add := func(name string, f func(inv *einvoice.Invoice) bool) { out = append(out, mutation{name, f}) }
	for _, vc := range vatCases {
		c := vc
		p := "vat-" + string(c.cat) + "-"
		for _, where := range []string{"line", "allowance", "charge"} {
			add(p+where+"-no-breakdown-entry", func(inv *einvoice.Invoice) bool {
				if !asCategory(inv, c, where) {
					return false
				}
				inv.VATBreakdown = slices.DeleteFunc(inv.VATBreakdown, func(b einvoice.VATBreakdown) bool { return b.Category == c.cat })
				return true
			})
			if c.cat == einvoice.VATNotSubject {
				add(p+where+"-seller-vat-id", func(inv *einvoice.Invoice) bool {
					if !asCategory(inv, c, where) {
						return false
					}
					inv.Seller.VATID = "FR32123456789"
					return true
				})
			} else {
				add(p+where+"-no-seller-vat-id", func(inv *einvoice.Invoice) bool {
					if !asCategory(inv, c, where) {
						return false
					}
					inv.Seller.VATID, inv.Seller.TaxRegistration = "", ""
					return true
				})
			}
			if c.bad != "" {
				add(p+where+"-rate-"+c.bad, func(inv *einvoice.Invoice) bool {
					if !asCategory(inv, c, where) {
						return false
					}
					bad := pdec(c.bad)
					switch where {
					case "line":
						inv.Lines[0].VAT.Rate = bad
					case "allowance":
						inv.Allowances[0].VAT.Rate = bad
					case "charge":
						inv.Charges[0].VAT.Rate = bad
					}
					return true
				})
			}
			if c.cat == einvoice.VATReverseCharge || c.cat == einvoice.VATIntraCommunity {
				add(p+where+"-no-buyer-vat-id", func(inv *einvoice.Invoice) bool {
					if !asCategory(inv, c, where) {
						return false
					}
					inv.Buyer.VATID, inv.Buyer.LegalRegistration = "", einvoice.ID{}
					return true
				})
			}
		}
		add(p+"duplicate-breakdown", func(inv *einvoice.Invoice) bool {
			if !asCategory(inv, c, "line") {
				return false
			}
			inv.VATBreakdown = append(inv.VATBreakdown, inv.VATBreakdown[0])
			return true
		})
		add(p+"taxable-off", func(inv *einvoice.Invoice) bool {
			if !asCategory(inv, c, "line") {
				return false
			}
			b := breakdownOf(inv, c.cat)
			b.TaxableAmount = b.TaxableAmount.Add(decimal.New(1, 0))
			return true
		})
		add(p+"tax-off", func(inv *einvoice.Invoice) bool {
			if !asCategory(inv, c, "line") {
				return false
			}
			b := breakdownOf(inv, c.cat)
			b.TaxAmount = b.TaxAmount.Add(decimal.New(1, 0))
			return true
		})
		add(p+"tax-and-total-off", func(inv *einvoice.Invoice) bool {
			if !asCategory(inv, c, "line") {
				return false
			}
			b := breakdownOf(inv, c.cat)
			b.TaxAmount = b.TaxAmount.Add(cent)
			if err := recomputeTotals(inv); err != nil {
				return false
			}
			return true
		})
		if c.bad != "" {
			add(p+"breakdown-rate-"+c.bad, func(inv *einvoice.Invoice) bool {
				if !asCategory(inv, c, "line") {
					return false
				}
				breakdownOf(inv, c.cat).Rate = pdec(c.bad)
				return true
			})
		}
		if c.reason {
			add(p+"no-exemption-reason", func(inv *einvoice.Invoice) bool {
				if !asCategory(inv, c, "line") {
					return false
				}
				b := breakdownOf(inv, c.cat)
				b.ExemptionReason, b.ExemptionReasonCode = "", ""
				return true
			})
			add(p+"exemption-reason-text-only", func(inv *einvoice.Invoice) bool {
				if !asCategory(inv, c, "line") {
					return false
				}
				b := breakdownOf(inv, c.cat)
				b.ExemptionReason, b.ExemptionReasonCode = "Motif", ""
				return true
			})
		} else {
			add(p+"exemption-reason-text", func(inv *einvoice.Invoice) bool {
				if !asCategory(inv, c, "line") {
					return false
				}
				breakdownOf(inv, c.cat).ExemptionReason = "Exonération"
				return true
			})
			add(p+"exemption-reason-code", func(inv *einvoice.Invoice) bool {
				if !asCategory(inv, c, "line") {
					return false
				}
				breakdownOf(inv, c.cat).ExemptionReasonCode = "VATEX-EU-132"
				return true
			})
		}
		if c.cat != einvoice.VATStandard {
			add(p+"mixed-with-standard", func(inv *einvoice.Invoice) bool {
				if !asCategory(inv, c, "line") || len(inv.Lines) < 1 {
					return false
				}
				inv.Lines = append(inv.Lines, inv.Lines[0])
				l := &inv.Lines[len(inv.Lines)-1]
				l.ID = l.ID + "-S"
				l.VAT = einvoice.VAT{Category: einvoice.VATStandard, Rate: pdec("20")}
				return inv.Complete() == nil
			})
			add(p+"taxrep-with-vat-id", func(inv *einvoice.Invoice) bool {
				if !asCategory(inv, c, "line") {
					return false
				}
				inv.Seller.VATID = ""
				inv.TaxRepresentative = &einvoice.TaxRepresentative{Name: "Rep", VATID: "FR32123456789", Address: einvoice.Address{Country: "FR"}}
				return true
			})
			add(p+"seller-tax-registration-only", func(inv *einvoice.Invoice) bool {
				if !asCategory(inv, c, "line") {
					return false
				}
				inv.Seller.VATID, inv.Seller.TaxRegistration = "", "123/456/78901"
				return true
			})
		}
	}
	// Category-specific rules.
	k := vatCases[4]
	add("vat-K-no-delivery-date-or-period", func(inv *einvoice.Invoice) bool {
		if !asCategory(inv, k, "line") {
			return false
		}
		inv.Delivery.Date, inv.InvoicingPeriod = einvoice.Date{}, nil
		for i := range inv.Lines {
			inv.Lines[i].Period = nil
		}
		return true
	})
	add("vat-K-no-deliver-to-country", func(inv *einvoice.Invoice) bool {
		if !asCategory(inv, k, "line") {
			return false
		}
		inv.Delivery.Address.Country = ""
		return true
	})
	add("vat-K-no-delivery", func(inv *einvoice.Invoice) bool {
		if !asCategory(inv, k, "line") {
			return false
		}
		inv.Delivery = nil
		inv.InvoicingPeriod = &einvoice.Period{Start: inv.IssueDate, End: inv.IssueDate}
		return true
	})
	o := vatCases[6]
	add("vat-O-buyer-vat-id", func(inv *einvoice.Invoice) bool {
		if !asCategory(inv, o, "line") {
			return false
		}
		inv.Buyer.VATID = "FR32123456789"
		return true
	})
	add("vat-O-two-breakdowns", func(inv *einvoice.Invoice) bool {
		if !asCategory(inv, o, "line") {
			return false
		}
		inv.VATBreakdown = append(inv.VATBreakdown, einvoice.VATBreakdown{Category: einvoice.VATZeroRated, Rate: pdec("0"), TaxableAmount: decimal.New(0, -2), TaxAmount: decimal.New(0, -2)})
		return true
	})
	add("vat-O-line-rate-0", func(inv *einvoice.Invoice) bool {
		if !asCategory(inv, o, "line") {
			return false
		}
		inv.Lines[0].VAT.Rate = pdec("0")
		return true
	})
	add("vat-O-breakdown-rate-0", func(inv *einvoice.Invoice) bool {
		if !asCategory(inv, o, "line") {
			return false
		}
		inv.VATBreakdown[0].Rate = pdec("0")
		return true
	})
	add("vat-AE-no-buyer-ids-but-legal", func(inv *einvoice.Invoice) bool {
		if !asCategory(inv, vatCases[3], "line") {
			return false
		}
		inv.Buyer.VATID = ""
		inv.Buyer.LegalRegistration = einvoice.ID{Value: "123456789"}
		return true
	})
	add("vat-B-split-payment", func(inv *einvoice.Invoice) bool {
		if !asCategory(inv, vatCases[0], "line") {
			return false
		}
		inv.Lines[0].VAT = einvoice.VAT{Category: einvoice.VATSplitPayment, Rate: pdec("22")}
		return inv.Complete() == nil
	})
	add("vat-B-split-payment-not-italian", func(inv *einvoice.Invoice) bool {
		if !asCategory(inv, vatCases[0], "line") {
			return false
		}
		for i := range inv.Lines {
			inv.Lines[i].VAT = einvoice.VAT{Category: einvoice.VATSplitPayment, Rate: pdec("22")}
		}
		inv.Seller.Address.Country = "FR"
		return inv.Complete() == nil
	})
	add("vat-S-two-rates-one-missing", func(inv *einvoice.Invoice) bool {
		if !asCategory(inv, vatCases[0], "line") || len(inv.Lines) < 1 {
			return false
		}
		inv.Lines = append(inv.Lines, inv.Lines[0])
		inv.Lines[len(inv.Lines)-1].ID += "-10"
		inv.Lines[len(inv.Lines)-1].VAT.Rate = pdec("10")
		if inv.Complete() != nil {
			return false
		}
		inv.VATBreakdown = inv.VATBreakdown[:1]
		return true
	})
	add("vat-S-line-no-rate", func(inv *einvoice.Invoice) bool {
		if !asCategory(inv, vatCases[0], "line") {
			return false
		}
		inv.Lines[0].VAT.Rate = nil
		return true
	})
	add("vat-Z-line-no-rate", func(inv *einvoice.Invoice) bool {
		if !asCategory(inv, vatCases[1], "line") {
			return false
		}
		inv.Lines[0].VAT.Rate = nil
		return true
	})
	add("vat-L-negative-breakdown-rate", func(inv *einvoice.Invoice) bool {
		if !asCategory(inv, vatCases[7], "line") {
			return false
		}
		inv.VATBreakdown[0].Rate = pdec("-3")
		return true
	})
	return out
}

// recomputeTotals recomputes the totals from the stated amounts.
func recomputeTotals(inv *einvoice.Invoice) error {
	t, err := einvoice.CalculateTotals(inv)
	if err != nil {
		return err
	}
	inv.Totals = t
	return nil
}

// textMutation edits an encoded file: edit gets the file and whether it is
// UBL, and returns the edited file, or false when the file has nothing to
// edit that way.
type textMutation struct {
	name string
	prep func(inv *einvoice.Invoice) bool // nil, or what the base needs first
	edit func(doc []byte, isUBL bool) ([]byte, bool)
}

// amountEdit returns a text mutation that finds, in order, each marker of
// the path for the syntax, then appends digits to the text of the element
// the last marker opens, so that it has 3 decimals ("123.45" -> "123.451",
// "12" -> "12.001"); with zero, a trailing 0 ("123.45" -> "123.450").
func amountEdit(name string, prep func(*einvoice.Invoice) bool, ciiPath, ublPath []string, zero bool) textMutation {
	return textMutation{name, prep, func(doc []byte, isUBL bool) ([]byte, bool) {
		path := ciiPath
		if isUBL {
			path = ublPath
		}
		if path == nil {
			return nil, false
		}
		at := 0
		for _, m := range path {
			i := bytes.Index(doc[at:], []byte(m))
			if i < 0 {
				return nil, false
			}
			at += i + len(m)
		}
		gt := bytes.IndexByte(doc[at:], '>')
		if gt < 0 {
			return nil, false
		}
		start := at + gt + 1
		end := bytes.IndexByte(doc[start:], '<')
		if end <= 0 {
			return nil, false
		}
		text := string(doc[start : start+end])
		frac := 0
		if _, f, ok := strings.Cut(text, "."); ok {
			frac = len(f)
		}
		switch {
		case frac == 0:
			text += "."
			fallthrough
		default:
			for frac < 2 {
				text += "0"
				frac++
			}
		}
		if zero {
			text += "0"
		} else {
			text += "1"
		}
		out := slices.Concat(doc[:start], []byte(text), doc[start+end:])
		return out, true
	}}
}

// The CII and UBL paths (successive markers) to each amount the BR-DEC
// rules check.
var decTargets = []struct {
	name      string
	prep      func(inv *einvoice.Invoice) bool
	cii, ubl  []string
	bothKinds bool
}{
	{"BT-92-allowance", prepAllowance, []string{"<ram:ApplicableHeaderTradeSettlement>", "<ram:SpecifiedTradeAllowanceCharge>", ">false<", "<ram:ActualAmount"}, []string{"<cac:AllowanceCharge>", ">false<", "<cbc:Amount"}, true},
	{"BT-93-allowance-base", prepAllowance, []string{"<ram:ApplicableHeaderTradeSettlement>", "<ram:SpecifiedTradeAllowanceCharge>", ">false<", "<ram:BasisAmount"}, []string{"<cac:AllowanceCharge>", ">false<", "<cbc:BaseAmount"}, false},
	{"BT-99-charge", prepCharge, []string{"<ram:ApplicableHeaderTradeSettlement>", "<ram:SpecifiedTradeAllowanceCharge>", ">true<", "<ram:ActualAmount"}, []string{"<cac:AllowanceCharge>", ">true<", "<cbc:Amount"}, true},
	{"BT-100-charge-base", prepCharge, []string{"<ram:ApplicableHeaderTradeSettlement>", "<ram:SpecifiedTradeAllowanceCharge>", ">true<", "<ram:BasisAmount"}, []string{"<cac:AllowanceCharge>", ">true<", "<cbc:BaseAmount"}, false},
	{"BT-106-line-net-sum", nil, []string{"<ram:SpecifiedTradeSettlementHeaderMonetarySummation>", "<ram:LineTotalAmount"}, []string{"<cac:LegalMonetaryTotal>", "<cbc:LineExtensionAmount"}, true},
	{"BT-107-allowance-total", prepAllowance, []string{"<ram:SpecifiedTradeSettlementHeaderMonetarySummation>", "<ram:AllowanceTotalAmount"}, []string{"<cac:LegalMonetaryTotal>", "<cbc:AllowanceTotalAmount"}, true},
	{"BT-108-charge-total", prepCharge, []string{"<ram:SpecifiedTradeSettlementHeaderMonetarySummation>", "<ram:ChargeTotalAmount"}, []string{"<cac:LegalMonetaryTotal>", "<cbc:ChargeTotalAmount"}, true},
	{"BT-109-tax-exclusive", nil, []string{"<ram:SpecifiedTradeSettlementHeaderMonetarySummation>", "<ram:TaxBasisTotalAmount"}, []string{"<cac:LegalMonetaryTotal>", "<cbc:TaxExclusiveAmount"}, true},
	{"BT-110-vat-total", nil, []string{"<ram:SpecifiedTradeSettlementHeaderMonetarySummation>", "<ram:TaxTotalAmount"}, []string{"<cac:TaxTotal>", "<cbc:TaxAmount"}, true},
	{"BT-112-tax-inclusive", nil, []string{"<ram:SpecifiedTradeSettlementHeaderMonetarySummation>", "<ram:GrandTotalAmount"}, []string{"<cac:LegalMonetaryTotal>", "<cbc:TaxInclusiveAmount"}, true},
	{"BT-113-paid", prepPaid, []string{"<ram:SpecifiedTradeSettlementHeaderMonetarySummation>", "<ram:TotalPrepaidAmount"}, []string{"<cac:LegalMonetaryTotal>", "<cbc:PrepaidAmount"}, false},
	{"BT-114-rounding", prepRounding, []string{"<ram:SpecifiedTradeSettlementHeaderMonetarySummation>", "<ram:RoundingAmount"}, []string{"<cac:LegalMonetaryTotal>", "<cbc:PayableRoundingAmount"}, false},
	{"BT-115-due", nil, []string{"<ram:SpecifiedTradeSettlementHeaderMonetarySummation>", "<ram:DuePayableAmount"}, []string{"<cac:LegalMonetaryTotal>", "<cbc:PayableAmount"}, true},
	{"BT-116-taxable", nil, []string{"<ram:ApplicableHeaderTradeSettlement>", "<ram:ApplicableTradeTax>", "<ram:BasisAmount"}, []string{"<cac:TaxSubtotal>", "<cbc:TaxableAmount"}, true},
	{"BT-117-tax", nil, []string{"<ram:ApplicableHeaderTradeSettlement>", "<ram:ApplicableTradeTax>", "<ram:CalculatedAmount"}, []string{"<cac:TaxSubtotal>", "<cbc:TaxAmount"}, true},
	{"BT-131-line-net", nil, []string{"<ram:SpecifiedTradeSettlementLineMonetarySummation>", "<ram:LineTotalAmount"}, []string{"<cac:InvoiceLine>", "<cbc:LineExtensionAmount"}, true},
	{"BT-136-line-allowance", prepLineAllowance, []string{"<ram:SpecifiedLineTradeSettlement>", "<ram:SpecifiedTradeAllowanceCharge>", ">false<", "<ram:ActualAmount"}, []string{"<cac:InvoiceLine>", "<cac:AllowanceCharge>", ">false<", "<cbc:Amount"}, false},
	{"BT-137-line-allowance-base", prepLineAllowance, []string{"<ram:SpecifiedLineTradeSettlement>", "<ram:SpecifiedTradeAllowanceCharge>", ">false<", "<ram:BasisAmount"}, []string{"<cac:InvoiceLine>", "<cac:AllowanceCharge>", ">false<", "<cbc:BaseAmount"}, false},
	{"BT-141-line-charge", prepLineCharge, []string{"<ram:SpecifiedLineTradeSettlement>", "<ram:SpecifiedTradeAllowanceCharge>", ">true<", "<ram:ActualAmount"}, []string{"<cac:InvoiceLine>", "<cac:AllowanceCharge>", ">true<", "<cbc:Amount"}, false},
	{"BT-142-line-charge-base", prepLineCharge, []string{"<ram:SpecifiedLineTradeSettlement>", "<ram:SpecifiedTradeAllowanceCharge>", ">true<", "<ram:BasisAmount"}, []string{"<cac:InvoiceLine>", "<cac:AllowanceCharge>", ">true<", "<cbc:BaseAmount"}, false},
	{"BT-146-net-price", nil, []string{"<ram:NetPriceProductTradePrice>", "<ram:ChargeAmount"}, []string{"<cac:Price>", "<cbc:PriceAmount"}, false},
}

// textMutations returns the text-level mutations: each BR-DEC amount with 3
// significant decimals, and the main ones with a trailing zero.
func textMutations() []textMutation {
	var out []textMutation
	for _, d := range decTargets {
		out = append(out, amountEdit("dec3-"+d.name, d.prep, d.cii, d.ubl, false))
		if d.bothKinds {
			out = append(out, amountEdit("dec3zero-"+d.name, d.prep, d.cii, d.ubl, true))
		}
	}
	return out
}

// The preparations of the text mutations: what the amount edited needs.
func prepAllowance(inv *einvoice.Invoice) bool {
	if !addAllowance(inv) {
		return false
	}
	a := &inv.Allowances[len(inv.Allowances)-1]
	a.BaseAmount, a.Percentage = pdec("100.00"), pdec("10")
	return true
}

func prepCharge(inv *einvoice.Invoice) bool {
	if !addCharge(inv) {
		return false
	}
	c := &inv.Charges[len(inv.Charges)-1]
	c.BaseAmount, c.Percentage = pdec("100.00"), pdec("10")
	return true
}

func prepPaid(inv *einvoice.Invoice) bool {
	inv.Totals.Paid = pdec("1.00")
	return recomputeTotals(inv) == nil
}

func prepRounding(inv *einvoice.Invoice) bool {
	inv.Totals.Rounding = pdec("0.01")
	return recomputeTotals(inv) == nil
}

func prepLineAllowance(inv *einvoice.Invoice) bool {
	return withLineAllowance("", func(a *einvoice.LineAllowance) {
		a.BaseAmount, a.Percentage = pdec("10.00"), pdec("10")
	}).apply(inv)
}

func prepLineCharge(inv *einvoice.Invoice) bool {
	return withLineCharge("", func(c *einvoice.LineCharge) {
		c.BaseAmount, c.Percentage = pdec("10.00"), pdec("10")
	}).apply(inv)
}
