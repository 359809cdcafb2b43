package validate

import "github.com/einvoice-go/einvoice"

// vatSRules are the rules of VAT category S (standard rated).
var vatSRules = []rule{
	{"BR-S-01", brS01},
	{"BR-S-02", brS02},
	{"BR-S-03", brS03},
	{"BR-S-04", brS04},
	{"BR-S-05", brS05},
	{"BR-S-06", brS06},
	{"BR-S-07", brS07},
	{"BR-S-08", brS08},
	{"BR-S-09", brS09},
	{"BR-S-10", brS10},
}

// brS01: a line, allowance or charge of category S needs a VAT breakdown
// of category S.
func brS01(c *checker) {
	if c.syntax == UBL {
		ublAtLeastOne(c, einvoice.VATStandard)
		return
	}
	vatAtLeastOne(c, einvoice.VATStandard)
}

// brS02 to brS04: a line, allowance or charge of category S needs the
// seller's VAT identifier, the seller's tax registration identifier or the
// tax representative's VAT identifier.
func brS02(c *checker) {
	vatParties(c, "Lines", einvoice.VATStandard, vatSellerTaxID, vatMissingSellerTaxID)
}
func brS03(c *checker) {
	vatParties(c, "Allowances", einvoice.VATStandard, vatSellerTaxID, vatMissingSellerTaxID)
}
func brS04(c *checker) {
	vatParties(c, "Charges", einvoice.VATStandard, vatSellerTaxID, vatMissingSellerTaxID)
}

// brS05 to brS07: the rate of a line, allowance or charge of category S
// is greater than 0.
func brS05(c *checker) { vatRateCheck(c, "Lines", einvoice.VATStandard, vatRatePositive) }
func brS06(c *checker) { vatRateCheck(c, "Allowances", einvoice.VATStandard, vatRatePositive) }
func brS07(c *checker) { vatRateCheck(c, "Charges", einvoice.VATStandard, vatRatePositive) }

// brS08: the taxable amount of each rate of category S.
func brS08(c *checker) {
	if c.syntax == UBL {
		ublBRS08(c)
		return
	}
	vatTaxableExact(c, einvoice.VATStandard)
}

// brS09: the tax amount of a breakdown of category S.
func brS09(c *checker) { vatTaxAmountStandard(c, einvoice.VATStandard) }

// brS10: a breakdown of category S has no exemption reason.
func brS10(c *checker) { vatNoExemption(c, einvoice.VATStandard) }

// vatMissingSellerTaxID is the detail of BR-x-02 to BR-x-04.
const vatMissingSellerTaxID = "no seller VAT identifier (BT-31), seller tax registration identifier (BT-32) or tax representative VAT identifier (BT-63)"

// vatAFRules are the rules of VAT category L (IGIC, Canary Islands).
var vatAFRules = []rule{
	{"BR-AF-01", brAF01},
	{"BR-AF-02", brAF02},
	{"BR-AF-03", brAF03},
	{"BR-AF-04", brAF04},
	{"BR-AF-05", brAF05},
	{"BR-AF-06", brAF06},
	{"BR-AF-07", brAF07},
	{"BR-AF-08", brAF08},
	{"BR-AF-09", brAF09},
	{"BR-AF-10", brAF10},
}

// brAF01: a line, allowance or charge of category L needs a VAT breakdown
// of category L.
func brAF01(c *checker) {
	if c.syntax == UBL {
		ublAtLeastOne(c, einvoice.VATCanaryIslands)
		return
	}
	vatAtLeastOne(c, einvoice.VATCanaryIslands)
}

// brAF02 to brAF04: a line, allowance or charge of category L needs the
// seller's VAT identifier, the seller's tax registration identifier or the
// tax representative's VAT identifier.
func brAF02(c *checker) {
	vatParties(c, "Lines", einvoice.VATCanaryIslands, vatSellerTaxID, vatMissingSellerTaxID)
}
func brAF03(c *checker) {
	vatParties(c, "Allowances", einvoice.VATCanaryIslands, vatSellerTaxID, vatMissingSellerTaxID)
}
func brAF04(c *checker) {
	vatParties(c, "Charges", einvoice.VATCanaryIslands, vatSellerTaxID, vatMissingSellerTaxID)
}

// brAF05 to brAF07: the rate of a line, allowance or charge of category L
// is greater than 0 (the official test of BR-AF-06 and BR-AF-07 too,
// although their text allows 0).
func brAF05(c *checker) { vatRateCheck(c, "Lines", einvoice.VATCanaryIslands, vatRatePositive) }
func brAF06(c *checker) { vatRateCheck(c, "Allowances", einvoice.VATCanaryIslands, vatRatePositive) }
func brAF07(c *checker) { vatRateCheck(c, "Charges", einvoice.VATCanaryIslands, vatRatePositive) }

// brAF08 never fires in CII. Its official test is BR-S-08's, copied to a
// context one level higher (the ram:ApplicableTradeTax of the breakdown,
// where BR-S-08 has its ram:CategoryCode): ../ram:RateApplicablePercent is
// then always empty and "every $rate in ()" true. The norm's text asks for
// the taxable amount of each rate; the UBL schematron checks it. This
// follows the CII schematron.
func brAF08(c *checker) {
	if c.syntax == UBL {
		ublTaxableRate(c, einvoice.VATCanaryIslands)
	}
}

// brAF09 never fires: the official test is true() (a duplicate of
// BR-CO-17, its comment says).
func brAF09(c *checker) {
	if c.syntax == UBL {
		ublBRAF09(c, einvoice.VATCanaryIslands)
	}
}

// brAF10: a breakdown of category L has no exemption reason.
func brAF10(c *checker) { vatNoExemption(c, einvoice.VATCanaryIslands) }

// vatAGRules are the rules of VAT category M (IPSI, Ceuta and Melilla).
var vatAGRules = []rule{
	{"BR-AG-01", brAG01},
	{"BR-AG-02", brAG02},
	{"BR-AG-03", brAG03},
	{"BR-AG-04", brAG04},
	{"BR-AG-05", brAG05},
	{"BR-AG-06", brAG06},
	{"BR-AG-07", brAG07},
	{"BR-AG-08", brAG08},
	{"BR-AG-09", brAG09},
	{"BR-AG-10", brAG10},
}

// brAG01: a line, allowance or charge of category M needs a VAT breakdown
// of category M.
func brAG01(c *checker) {
	if c.syntax == UBL {
		ublAtLeastOne(c, einvoice.VATCeutaMelilla)
		return
	}
	vatAtLeastOne(c, einvoice.VATCeutaMelilla)
}

// brAG02 to brAG04: a line, allowance or charge of category M needs the
// seller's VAT identifier, the seller's tax registration identifier or the
// tax representative's VAT identifier.
func brAG02(c *checker) {
	vatParties(c, "Lines", einvoice.VATCeutaMelilla, vatSellerTaxID, vatMissingSellerTaxID)
}
func brAG03(c *checker) {
	vatParties(c, "Allowances", einvoice.VATCeutaMelilla, vatSellerTaxID, vatMissingSellerTaxID)
}
func brAG04(c *checker) {
	vatParties(c, "Charges", einvoice.VATCeutaMelilla, vatSellerTaxID, vatMissingSellerTaxID)
}

// brAG05 to brAG07: the rate of a line, allowance or charge of category M
// is 0 or greater.
func brAG05(c *checker) { vatRateCheck(c, "Lines", einvoice.VATCeutaMelilla, vatRateNotNegative) }
func brAG06(c *checker) { vatRateCheck(c, "Allowances", einvoice.VATCeutaMelilla, vatRateNotNegative) }
func brAG07(c *checker) { vatRateCheck(c, "Charges", einvoice.VATCeutaMelilla, vatRateNotNegative) }

// brAG08 never fires in CII. Its official test is BR-S-08's, copied to a
// context one level higher (the ram:ApplicableTradeTax of the breakdown,
// where BR-S-08 has its ram:CategoryCode): ../ram:RateApplicablePercent is
// then always empty and "every $rate in ()" true. The norm's text asks for
// the taxable amount of each rate; the UBL schematron checks it. This
// follows the CII schematron.
func brAG08(c *checker) {
	if c.syntax == UBL {
		ublTaxableRate(c, einvoice.VATCeutaMelilla)
	}
}

// brAG09 never fires: the official test is true() (a duplicate of
// BR-CO-17, its comment says).
func brAG09(c *checker) {
	if c.syntax == UBL {
		ublBRAF09(c, einvoice.VATCeutaMelilla)
	}
}

// brAG10: a breakdown of category M has no exemption reason.
func brAG10(c *checker) { vatNoExemption(c, einvoice.VATCeutaMelilla) }
