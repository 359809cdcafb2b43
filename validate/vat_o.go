package validate

import "github.com/einvoice-go/einvoice"

// vatORules are the rules of VAT category O (not subject to VAT).
var vatORules = []rule{
	{"BR-O-01", brO01},
	{"BR-O-02", brO02},
	{"BR-O-03", brO03},
	{"BR-O-04", brO04},
	{"BR-O-05", brO05},
	{"BR-O-06", brO06},
	{"BR-O-07", brO07},
	{"BR-O-08", brO08},
	{"BR-O-09", brO09},
	{"BR-O-10", brO10},
	{"BR-O-11", brO11},
	{"BR-O-12", brO12},
	{"BR-O-13", brO13},
	{"BR-O-14", brO14},
}

// brO01: a VAT breakdown of category O is the only one of its category,
// and a line, allowance or charge has the category. The official test
// deviates from the norm's text: lines of category O without any breakdown
// of category O pass it (BR-CO-18 and BR-O-12 have their say), and this
// follows it.
func brO01(c *checker) {
	if c.syntax == UBL {
		ublExactlyOne(c, einvoice.VATNotSubject)
		return
	}
	lines, ac, bd := vatCount(c, einvoice.VATNotSubject)
	if bd == 0 || (bd == 1 && (lines > 0 || ac > 0)) {
		return
	}
	vatFailCount(c, einvoice.VATNotSubject, lines+ac, bd)
}

// vatNoVATIDs is the party test of BR-O-02 to BR-O-04: no seller, tax
// representative or buyer VAT identifier. A seller tax registration
// identifier (BT-32) is allowed.
func vatNoVATIDs(inv *einvoice.Invoice) bool {
	return inv.Seller.VATID == "" && !vatRepVATID(inv) && inv.Buyer.VATID == ""
}

const vatHasVATIDs = "a seller VAT identifier (BT-31), tax representative VAT identifier (BT-63) or buyer VAT identifier (BT-48)"

// brO02 to brO04: a line, allowance or charge of category O excludes the
// VAT identifiers of the seller, the tax representative and the buyer.
func brO02(c *checker) { vatParties(c, "Lines", einvoice.VATNotSubject, vatNoVATIDs, vatHasVATIDs) }
func brO03(c *checker) {
	vatParties(c, "Allowances", einvoice.VATNotSubject, vatNoVATIDs, vatHasVATIDs)
}
func brO04(c *checker) { vatParties(c, "Charges", einvoice.VATNotSubject, vatNoVATIDs, vatHasVATIDs) }

// brO05 to brO07: a line, allowance or charge of category O has no rate,
// not even 0.
func brO05(c *checker) { vatRateCheck(c, "Lines", einvoice.VATNotSubject, vatRateAbsent) }
func brO06(c *checker) { vatRateCheck(c, "Allowances", einvoice.VATNotSubject, vatRateAbsent) }
func brO07(c *checker) { vatRateCheck(c, "Charges", einvoice.VATNotSubject, vatRateAbsent) }

// brO08: the taxable amount of a breakdown of category O equals, exactly
// (unlike BR-Z-08 and the others, which allow a difference below 1), the
// sums of the lines, charges and allowances of category O.
func brO08(c *checker) { vatTaxableEqual(c, einvoice.VATNotSubject) }

// brO09: the tax amount of a breakdown of category O is 0.
func brO09(c *checker) { vatTaxAmountZero(c, einvoice.VATNotSubject) }

// brO10: a breakdown of category O has an exemption reason, text or code.
func brO10(c *checker) { vatNeedsExemption(c, einvoice.VATNotSubject) }

// brO11 and brO12 have the same official test,
// not(//ram:ApplicableTradeTax[ram:CategoryCode != 'O']), which matches the
// breakdowns and the lines alike: with a breakdown of category O, any
// breakdown or line of another category (an empty one included) fires both,
// once per breakdown of category O. The norm's texts split them (other
// breakdowns; other lines); this follows the official test. The path names
// the first offender, a breakdown for BR-O-11 and a line for BR-O-12 when
// there are both.
func brO11(c *checker) { vatOnlyO(c, vatOtherBreakdown, vatOtherLine) }
func brO12(c *checker) {
	if c.syntax == UBL {
		ublBRO12(c)
		return
	}
	vatOnlyO(c, vatOtherLine, vatOtherBreakdown)
}

// brO13 and brO14 likewise share not(//ram:CategoryTradeTax[ram:CategoryCode
// != 'O']): any document level allowance or charge of another category fires
// both.
func brO13(c *checker) { vatOnlyO(c, vatOtherAllowance, vatOtherCharge) }
func brO14(c *checker) { vatOnlyO(c, vatOtherCharge, vatOtherAllowance) }

// vatOnlyO fires once per breakdown of category O when first or second
// finds something of another category.
func vatOnlyO(c *checker, first, second func(*einvoice.Invoice) (string, einvoice.VATCategory, bool)) {
	if _, _, bd := vatCount(c, einvoice.VATNotSubject); bd == 0 {
		return
	}
	path, cat, found := first(c.inv)
	if !found {
		path, cat, found = second(c.inv)
	}
	if !found {
		return
	}
	vatEachBreakdown(c, einvoice.VATNotSubject, func(int, *einvoice.VATBreakdown) {
		c.fail(path, "category "+string(cat)+" with a VAT breakdown of category O")
	})
}

func vatOtherBreakdown(inv *einvoice.Invoice) (string, einvoice.VATCategory, bool) {
	for k := range inv.VATBreakdown {
		if cat := inv.VATBreakdown[k].Category; cat != einvoice.VATNotSubject {
			return vatPath("VATBreakdown", k, "Category"), cat, true
		}
	}
	return "", "", false
}

func vatOtherLine(inv *einvoice.Invoice) (string, einvoice.VATCategory, bool) {
	for i := range inv.Lines {
		if cat := inv.Lines[i].VAT.Category; cat != einvoice.VATNotSubject {
			return vatPath("Lines", i, "VAT.Category"), cat, true
		}
	}
	return "", "", false
}

func vatOtherAllowance(inv *einvoice.Invoice) (string, einvoice.VATCategory, bool) {
	for i := range inv.Allowances {
		if cat := inv.Allowances[i].VAT.Category; cat != einvoice.VATNotSubject {
			return vatPath("Allowances", i, "VAT.Category"), cat, true
		}
	}
	return "", "", false
}

func vatOtherCharge(inv *einvoice.Invoice) (string, einvoice.VATCategory, bool) {
	for i := range inv.Charges {
		if cat := inv.Charges[i].VAT.Category; cat != einvoice.VATNotSubject {
			return vatPath("Charges", i, "VAT.Category"), cat, true
		}
	}
	return "", "", false
}
