package validate

import (
	"github.com/einvoice-go/einvoice"
	"github.com/shopspring/decimal"
)

// The UBL variants: the rules whose test in the CEN UBL schematron
// (EN16931-UBL-model.sch and EN16931-UBL-codes.sch, 1.3.16) gives another
// verdict than the CII one. The rule function of each branches on
// c.syntax to the function here, which follows the UBL XPath, quirks
// included, on the UBL the encoder writes for the model (ubl.Encode, which
// ubl.Decode reads back as the same model):
//
//	BR-53, BR-55, BR-CO-13, BR-CO-14, BR-CO-16, BR-CO-17, BR-DEC-13,
//	BR-DEC-15, BR-S-01, BR-S-08, BR-Z-01, BR-Z-08, BR-E-08, BR-O-01,
//	BR-O-12, BR-IC-12, BR-AF-01, BR-AF-08, BR-AF-09, BR-AG-01, BR-AG-08,
//	BR-AG-09, BR-CL-14, BR-CL-17, BR-CL-18
//
// and BR-51, whose test is the same but which UBL flags as a warning
// (ublSeverity, generated).

// ublBR53: every $taxcurrency in cbc:TaxCurrencyCode satisfies
// exists(//cac:TaxTotal/cbc:TaxAmount[@currencyID=$taxcurrency]). A VAT
// accounting currency equal to the invoice currency passes when the VAT
// total (BT-110) is there, unlike CII.
func ublBR53(c *checker) {
	inv := c.inv
	if inv.TaxCurrency == "" || inv.Totals.VATInTaxCurrency != nil {
		return
	}
	if inv.TaxCurrency == inv.Currency && inv.Totals.VAT != nil {
		return
	}
	c.fail("Totals.VATInTaxCurrency", "")
}

// ublBR55: exists(cac:InvoiceDocumentReference/cbc:ID): the encoder writes
// the identifier of each preceding invoice, even empty, so the UBL rule
// never fires on the model (an empty BT-25 passes it).
func ublBR55(*checker) {}

// ublBR56 is not needed: BR-56's tests agree.

// ublBRCO13: the UBL test takes the stated totals as xs:decimal (exact)
// and rounds only when an allowance or charge total is present:
//
//	(ChargeTotal and AllowanceTotal and TaxExclusive = round((LineExtension + ChargeTotal - AllowanceTotal) * 100) div 100) or
//	(not(ChargeTotal) and AllowanceTotal and TaxExclusive = round((LineExtension - AllowanceTotal) * 100) div 100) or
//	(ChargeTotal and not(AllowanceTotal) and TaxExclusive = round((LineExtension + ChargeTotal) * 100) div 100) or
//	(not(ChargeTotal) and not(AllowanceTotal) and TaxExclusive = LineExtension)
func ublBRCO13(c *checker) {
	t := &c.inv.Totals
	want := t.LineNet
	if t.Charges != nil {
		want = want.Add(*t.Charges)
	}
	if t.Allowances != nil {
		want = want.Sub(*t.Allowances)
	}
	if t.Charges != nil || t.Allowances != nil {
		want = calcRound2(want)
	}
	if !t.TaxExclusive.Equal(want) {
		c.fail("Totals.TaxExclusive", coDetail(t.TaxExclusive, want))
	}
}

// ublBRCO14: in the context of each cac:TaxTotal,
// xs:decimal(cbc:TaxAmount) = round(sum(cac:TaxSubtotal/xs:decimal(cbc:TaxAmount)) * 100) div 100
// or not(cac:TaxSubtotal). The encoder writes the VAT breakdown under the
// TaxTotal of BT-110 only: BT-111 is never checked, and BT-110 is not
// without a VAT breakdown.
func ublBRCO14(c *checker) {
	inv := c.inv
	if len(inv.VATBreakdown) == 0 || inv.Totals.VAT == nil {
		return
	}
	var sum decimal.Decimal
	for k := range inv.VATBreakdown {
		sum = sum.Add(inv.VATBreakdown[k].TaxAmount)
	}
	if want := calcRound2(sum); !inv.Totals.VAT.Equal(want) {
		c.fail("Totals.VAT", coDetail(*inv.Totals.VAT, want))
	}
}

// ublBRCO16: the UBL test, in exact xs:decimal arithmetic:
//
//	(Prepaid and not(Rounding) and Payable = round((TaxInclusive - Prepaid) * 100) div 100) or
//	(not(Prepaid) and not(Rounding) and Payable = TaxInclusive) or
//	(Prepaid and Rounding and round((Payable - Rounding) * 100) div 100 = round((TaxInclusive - Prepaid) * 100) div 100) or
//	(not(Prepaid) and Rounding and round((Payable - Rounding) * 100) div 100 = TaxInclusive)
//
// It rounds where CII compares exactly.
func ublBRCO16(c *checker) {
	t := &c.inv.Totals
	left, right := t.Due, t.TaxInclusive
	if t.Rounding != nil {
		left = calcRound2(t.Due.Sub(*t.Rounding))
	}
	if t.Paid != nil {
		right = calcRound2(t.TaxInclusive.Sub(*t.Paid))
	}
	if !left.Equal(right) {
		c.fail("Totals.Due", coDetail(t.Due, right))
	}
}

// ublBRCO17: in the context of each cac:TaxSubtotal, whatever its category
// (CII leaves O, L and M out), in exact xs:decimal arithmetic:
//
//	(round(Percent) = 0 and round(TaxAmount) = 0) or
//	(round(Percent) != 0 and abs(TaxAmount) - 1 < round(abs(TaxableAmount) * (Percent div 100) * 100) div 100
//	                     and abs(TaxAmount) + 1 > round(abs(TaxableAmount) * (Percent div 100) * 100) div 100) or
//	(not(exists(Percent)) and round(TaxAmount) = 0)
//
// The tolerance is strict (CII's allows a difference of exactly 1).
func ublBRCO17(c *checker) {
	for i := range c.inv.VATBreakdown {
		b := &c.inv.VATBreakdown[i]
		if b.Rate == nil || calcRoundsToZero(*b.Rate) {
			if !calcRoundsToZero(b.TaxAmount) {
				c.fail(coPath("VATBreakdown", i, "TaxAmount"), coDetail(b.TaxAmount, decimal.New(0, -2))+", a rate below 0.5 or none")
			}
			continue
		}
		if want, ok := ublTaxNear(b); !ok {
			c.fail(coPath("VATBreakdown", i, "TaxAmount"), coDetail(b.TaxAmount, want))
		}
	}
}

// ublTaxNear is the UBL tolerance test of BR-CO-17, BR-AF-09 and
// BR-AG-09 on a breakdown with a rate: abs(TaxAmount) - 1 < want and
// abs(TaxAmount) + 1 > want, want being round(abs(TaxableAmount) *
// (Percent div 100) * 100) div 100, in xs:decimal.
func ublTaxNear(b *einvoice.VATBreakdown) (want decimal.Decimal, ok bool) {
	want = calcRound2(b.TaxableAmount.Abs().Mul(*b.Rate).Shift(-2))
	tax, one := b.TaxAmount.Abs(), decimal.New(1, 0)
	return want, tax.Sub(one).LessThan(want) && tax.Add(one).GreaterThan(want)
}

// ublBRAF09 is BR-AF-09 and BR-AG-09 in UBL, in the context of the
// breakdown's cac:TaxCategory of category cat: the tolerance test of
// ublTaxNear (CII's test is true()). An absent rate makes the comparisons
// empty, false: the rule fires.
func ublBRAF09(c *checker, cat einvoice.VATCategory) {
	vatEachBreakdown(c, cat, func(k int, b *einvoice.VATBreakdown) {
		if b.Rate == nil {
			c.fail(vatPath("VATBreakdown", k, "TaxAmount"), "tax amount "+b.TaxAmount.String()+" and no rate")
			return
		}
		if want, ok := ublTaxNear(b); !ok {
			c.fail(vatPath("VATBreakdown", k, "TaxAmount"), coDetail(b.TaxAmount, want))
		}
	})
}

// ublSums is what the UBL taxable amount tests add, in exact xs:decimal
// and without rounding: the net amounts of the lines, the charges and the
// allowances of category cat and, unless rate is nil, of that rate (a line
// without a rate does not count then). used tells whether a line, charge
// or allowance matched, ac whether a charge or allowance did.
type ublSum struct {
	total    decimal.Decimal // lines + charges - allowances
	acTotal  decimal.Decimal // charges - allowances
	used, ac bool
}

func ublSums(inv *einvoice.Invoice, cat einvoice.VATCategory, rate *decimal.Decimal) ublSum {
	var s ublSum
	match := func(v *einvoice.VAT) bool {
		if !vatIsCat(v.Category, cat) {
			return false
		}
		return rate == nil || v.Rate != nil && v.Rate.Equal(*rate)
	}
	for i := range inv.Lines {
		if match(&inv.Lines[i].VAT) {
			s.total = s.total.Add(inv.Lines[i].NetAmount)
			s.used = true
		}
	}
	for i := range inv.Charges {
		if match(&inv.Charges[i].VAT) {
			s.acTotal = s.acTotal.Add(inv.Charges[i].Amount)
			s.used, s.ac = true, true
		}
	}
	for i := range inv.Allowances {
		if match(&inv.Allowances[i].VAT) {
			s.acTotal = s.acTotal.Sub(inv.Allowances[i].Amount)
			s.used, s.ac = true, true
		}
	}
	s.total = s.total.Add(s.acTotal)
	return s
}

// ublNear is the UBL form xs:decimal(TaxableAmount - 1) < sum and
// xs:decimal(TaxableAmount + 1) > sum: the taxable amount is untyped, so
// TaxableAmount ± 1 is an xs:double.
func ublNear(taxable, sum decimal.Decimal) bool {
	t, s := vatFloat(taxable), vatFloat(sum)
	return t-1 < s && t+1 > s
}

// ublTaxableRate is BR-AF-08 and BR-AG-08 in UBL, for each breakdown of
// category cat with a rate ($rate):
//
//	(exists(//cac:InvoiceLine) and TaxableAmount - 1 < sum and TaxableAmount + 1 > sum) or
//	(exists(//cac:CreditNoteLine) and the same over the credit note lines)
//
// sum being the lines, charges and allowances of the category and rate,
// exact and not rounded (CII's test never fires: see brAF08). A document
// without lines fails it.
func ublTaxableRate(c *checker, cat einvoice.VATCategory) {
	vatEachBreakdown(c, cat, func(k int, b *einvoice.VATBreakdown) {
		if b.Rate == nil {
			return
		}
		s := ublSums(c.inv, cat, b.Rate)
		if len(c.inv.Lines) > 0 && ublNear(b.TaxableAmount, s.total) {
			return
		}
		c.fail(vatPath("VATBreakdown", k, "TaxableAmount"), "taxable amount "+b.TaxableAmount.String()+", lines, allowances and charges give "+s.total.String())
	})
}

// ublBRS08 is BR-S-08 in UBL, for each breakdown of category S with a rate
// ($rate):
//
//	((exists(//cac:InvoiceLine[S, $rate]) or exists(//cac:AllowanceCharge[S, $rate])) and near(InvoiceLine sums)) or
//	((exists(//cac:CreditNoteLine[S, $rate]) or exists(//cac:AllowanceCharge[S, $rate])) and near(CreditNoteLine sums))
//
// near allowing a difference below 1 (CII wants equality with rounded
// sums). The lines are either invoice or credit note lines, so the test
// passes when something of the category and rate is near the sum of all,
// or when an allowance or charge of it is near the sum of the allowances
// and charges alone.
func ublBRS08(c *checker) {
	vatEachBreakdown(c, einvoice.VATStandard, func(k int, b *einvoice.VATBreakdown) {
		if b.Rate == nil {
			return
		}
		s := ublSums(c.inv, einvoice.VATStandard, b.Rate)
		if s.used && ublNear(b.TaxableAmount, s.total) || s.ac && ublNear(b.TaxableAmount, s.acTotal) {
			return
		}
		c.fail(vatPath("VATBreakdown", k, "TaxableAmount"), "taxable amount "+b.TaxableAmount.String()+", lines, allowances and charges give "+s.total.String())
	})
}

// ublTaxableEqual is BR-Z-08 and BR-E-08 in UBL, for each breakdown of
// category cat:
//
//	(exists(//cac:InvoiceLine) and xs:decimal(TaxableAmount) = sum) or
//	(exists(//cac:CreditNoteLine) and the same over the credit note lines)
//
// exact, without rounding or tolerance (CII allows a difference below 1),
// any rate; a document without lines fails it.
func ublTaxableEqual(c *checker, cat einvoice.VATCategory) {
	vatEachBreakdown(c, cat, func(k int, b *einvoice.VATBreakdown) {
		s := ublSums(c.inv, cat, nil)
		if len(c.inv.Lines) > 0 && b.TaxableAmount.Equal(s.total) {
			return
		}
		c.fail(vatPath("VATBreakdown", k, "TaxableAmount"), "taxable amount "+b.TaxableAmount.String()+", lines, allowances and charges give "+s.total.String())
	})
}

// ublAtLeastOne is BR-S-01, BR-AF-01 and BR-AG-01 in UBL:
//
//	(count(//cac:AllowanceCharge/cac:TaxCategory[cat]) + count(//cac:ClassifiedTaxCategory[cat]) > 0 and count(breakdowns cat) > 0) or
//	(count(//cac:AllowanceCharge/cac:TaxCategory[cat]) + count(//cac:ClassifiedTaxCategory[cat]) = 0 and count(breakdowns cat) = 0)
//
// A category used without a breakdown of it fails (CII's count allows two
// uses and no breakdown), and so does a breakdown that nothing uses.
func ublAtLeastOne(c *checker, cat einvoice.VATCategory) {
	lines, ac, bd := vatCount(c, cat)
	if (lines+ac > 0) == (bd > 0) {
		return
	}
	vatFailCount(c, cat, lines+ac, bd)
}

// ublExactlyOne is BR-Z-01 and BR-O-01 in UBL:
//
//	((exists(//cac:TaxCategory[cat]) or exists(//cac:ClassifiedTaxCategory[cat])) and count(breakdowns cat) = 1) or
//	(not(//cac:TaxCategory[cat]) and not(//cac:ClassifiedTaxCategory[cat]))
//
// //cac:TaxCategory holds the breakdowns too: a single breakdown of the
// category passes even when nothing uses it (CII's BR-Z-01 fails it), and
// a category used without a breakdown fails (CII's BR-O-01 passes it).
func ublExactlyOne(c *checker, cat einvoice.VATCategory) {
	lines, ac, bd := vatCount(c, cat)
	if bd == 1 || lines+ac+bd == 0 {
		return
	}
	vatFailCount(c, cat, lines+ac, bd)
}

// ublBRO12 is BR-O-12 in UBL, in the context of the invoice (once):
//
//	(exists(breakdown O) and count(//cac:ClassifiedTaxCategory[normalize-space(cbc:ID) != 'O']) = 0) or not(breakdown O)
//
// It looks at the lines only (CII's test, shared with BR-O-11, at the
// breakdowns too, and fires once per breakdown of category O).
func ublBRO12(c *checker) {
	if _, _, bd := vatCount(c, einvoice.VATNotSubject); bd == 0 {
		return
	}
	if path, cat, found := vatOtherLine(c.inv); found {
		c.fail(path, "category "+string(cat)+" with a VAT breakdown of category O")
	}
}

// ublBRIC12 is BR-IC-12 in UBL: with a breakdown of category K,
// string-length(cac:Delivery/cac:DeliveryLocation/cac:Address/cac:Country/cbc:IdentificationCode) > 1.
// An empty deliver to country code fails here (in CII, BR-CL-14 reports
// it), once, in the invoice's context.
func ublBRIC12(c *checker) {
	inv := c.inv
	if _, _, bd := vatCount(c, einvoice.VATIntraCommunity); bd == 0 {
		return
	}
	if d := inv.Delivery; d != nil && d.Address != nil && len([]rune(string(d.Address.Country))) > 1 {
		return
	}
	c.fail("Delivery.Address.Country", "a VAT breakdown of category K and no deliver to country code")
}

// ublBRCL14 is BR-CL-14 in UBL: the context is each
// cac:Country/cbc:IdentificationCode, which the encoder leaves out when
// the country code is empty: an empty code passes (BR-09, BR-11, BR-20,
// BR-57 report it).
func ublBRCL14(c *checker) {
	inv := c.inv
	country := func(code einvoice.CountryCode, path string) {
		if code != "" {
			clCountry(c, code, path)
		}
	}
	country(inv.Seller.Address.Country, "Seller.Address.Country")
	country(inv.Buyer.Address.Country, "Buyer.Address.Country")
	if tr := inv.TaxRepresentative; tr != nil {
		country(tr.Address.Country, "TaxRepresentative.Address.Country")
	}
	if d := inv.Delivery; d != nil && d.Address != nil {
		country(d.Address.Country, "Delivery.Address.Country")
	}
}

// ublBRCL17 is BR-CL-17 in UBL: the context cac:TaxCategory/cbc:ID holds
// the categories of the document level allowances and charges and of the
// VAT breakdown (BT-118, which CII checks under BR-CL-18).
func ublBRCL17(c *checker) {
	clAllowanceCategories(c)
	for k := range c.inv.VATBreakdown {
		clCategory(c, c.inv.VATBreakdown[k].Category, "VATBreakdown", k, "Category")
	}
}

// ublBRCL18 is BR-CL-18 in UBL: cac:ClassifiedTaxCategory/cbc:ID, the
// lines' categories only.
func ublBRCL18(c *checker) {
	for i := range c.inv.Lines {
		clCategory(c, c.inv.Lines[i].VAT.Category, "Lines", i, "VAT.Category")
	}
}

// ublNever is a rule whose UBL test cannot fail: BR-DEC-13 and BR-DEC-15,
// //cac:TaxTotal/cbc:TaxAmount[@currencyID = cbc:DocumentCurrencyCode]
// (cbc:TaxCurrencyCode), compare the currency with a child of cbc:TaxAmount,
// which has none: the predicate never holds, and the test's
// not(...) alternative always does.
func ublNever(*checker) {}
