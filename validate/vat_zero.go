package validate

import (
	"strconv"

	"github.com/einvoice-go/einvoice"
)

// vatZRules are the rules of VAT category Z (zero rated).
var vatZRules = []rule{
	{"BR-Z-01", brZ01},
	{"BR-Z-02", brZ02},
	{"BR-Z-03", brZ03},
	{"BR-Z-04", brZ04},
	{"BR-Z-05", brZ05},
	{"BR-Z-06", brZ06},
	{"BR-Z-07", brZ07},
	{"BR-Z-08", brZ08},
	{"BR-Z-09", brZ09},
	{"BR-Z-10", brZ10},
}

// brZ01: a line, allowance or charge of category Z needs exactly one VAT
// breakdown of category Z, and such a breakdown needs one of them.
func brZ01(c *checker) {
	if c.syntax == UBL {
		ublExactlyOne(c, einvoice.VATZeroRated)
		return
	}
	vatExactlyOne(c, einvoice.VATZeroRated)
}

// brZ02 to brZ04: a line, allowance or charge of category Z needs
// the seller's VAT identifier, the seller's tax registration identifier
// or the tax representative's VAT identifier.
func brZ02(c *checker) {
	vatParties(c, "Lines", einvoice.VATZeroRated, vatSellerTaxID, vatMissingSellerTaxID)
}
func brZ03(c *checker) {
	vatParties(c, "Allowances", einvoice.VATZeroRated, vatSellerTaxID, vatMissingSellerTaxID)
}
func brZ04(c *checker) {
	vatParties(c, "Charges", einvoice.VATZeroRated, vatSellerTaxID, vatMissingSellerTaxID)
}

// brZ05 to brZ07: the rate of a line, allowance or charge of category Z
// is 0; an absent rate fails.
func brZ05(c *checker) { vatRateCheck(c, "Lines", einvoice.VATZeroRated, vatRateZero) }
func brZ06(c *checker) { vatRateCheck(c, "Allowances", einvoice.VATZeroRated, vatRateZero) }
func brZ07(c *checker) { vatRateCheck(c, "Charges", einvoice.VATZeroRated, vatRateZero) }

// brZ08: the taxable amount of a breakdown of category Z, within 1.
func brZ08(c *checker) {
	if c.syntax == UBL {
		ublTaxableEqual(c, einvoice.VATZeroRated)
		return
	}
	vatTaxableNear(c, einvoice.VATZeroRated)
}

// brZ09: the tax amount of a breakdown of category Z is 0.
func brZ09(c *checker) { vatTaxAmountZero(c, einvoice.VATZeroRated) }

// brZ10: a breakdown of category Z has no exemption reason.
func brZ10(c *checker) { vatNoExemption(c, einvoice.VATZeroRated) }

// vatERules are the rules of VAT category E (exempt from VAT).
var vatERules = []rule{
	{"BR-E-01", brE01},
	{"BR-E-02", brE02},
	{"BR-E-03", brE03},
	{"BR-E-04", brE04},
	{"BR-E-05", brE05},
	{"BR-E-06", brE06},
	{"BR-E-07", brE07},
	{"BR-E-08", brE08},
	{"BR-E-09", brE09},
	{"BR-E-10", brE10},
}

// brE01: a line, allowance or charge of category E needs exactly one VAT
// breakdown of category E, and such a breakdown needs one of them.
func brE01(c *checker) { vatExactlyOne(c, einvoice.VATExempt) }

// brE02 to brE04: a line, allowance or charge of category E needs
// the seller's VAT identifier, the seller's tax registration identifier
// or the tax representative's VAT identifier.
func brE02(c *checker) {
	vatParties(c, "Lines", einvoice.VATExempt, vatSellerTaxID, vatMissingSellerTaxID)
}
func brE03(c *checker) {
	vatParties(c, "Allowances", einvoice.VATExempt, vatSellerTaxID, vatMissingSellerTaxID)
}
func brE04(c *checker) {
	vatParties(c, "Charges", einvoice.VATExempt, vatSellerTaxID, vatMissingSellerTaxID)
}

// brE05 to brE07: the rate of a line, allowance or charge of category E
// is 0; an absent rate fails.
func brE05(c *checker) { vatRateCheck(c, "Lines", einvoice.VATExempt, vatRateZero) }
func brE06(c *checker) { vatRateCheck(c, "Allowances", einvoice.VATExempt, vatRateZero) }
func brE07(c *checker) { vatRateCheck(c, "Charges", einvoice.VATExempt, vatRateZero) }

// brE08: the taxable amount of a breakdown of category E, within 1.
func brE08(c *checker) {
	if c.syntax == UBL {
		ublTaxableEqual(c, einvoice.VATExempt)
		return
	}
	vatTaxableNear(c, einvoice.VATExempt)
}

// brE09: the tax amount of a breakdown of category E is 0.
func brE09(c *checker) { vatTaxAmountZero(c, einvoice.VATExempt) }

// brE10: a breakdown of category E has an exemption reason, text or code.
func brE10(c *checker) { vatNeedsExemption(c, einvoice.VATExempt) }

// vatAERules are the rules of VAT category AE (reverse charge).
var vatAERules = []rule{
	{"BR-AE-01", brAE01},
	{"BR-AE-02", brAE02},
	{"BR-AE-03", brAE03},
	{"BR-AE-04", brAE04},
	{"BR-AE-05", brAE05},
	{"BR-AE-06", brAE06},
	{"BR-AE-07", brAE07},
	{"BR-AE-08", brAE08},
	{"BR-AE-09", brAE09},
	{"BR-AE-10", brAE10},
}

// brAE01: a line, allowance or charge of category AE needs exactly one VAT
// breakdown of category AE, and such a breakdown needs one of them.
func brAE01(c *checker) { vatExactlyOne(c, einvoice.VATReverseCharge) }

// brAE02 to brAE04: a line, allowance or charge of category AE needs
// the seller's VAT identifier, tax registration identifier or tax
// representative's VAT identifier, and the buyer's VAT identifier or legal
// registration identifier.
func brAE02(c *checker) {
	vatParties(c, "Lines", einvoice.VATReverseCharge, vatAEParties, vatMissingAE)
}
func brAE03(c *checker) {
	vatParties(c, "Allowances", einvoice.VATReverseCharge, vatAEParties, vatMissingAE)
}
func brAE04(c *checker) {
	vatParties(c, "Charges", einvoice.VATReverseCharge, vatAEParties, vatMissingAE)
}

// brAE05 to brAE07: the rate of a line, allowance or charge of category AE
// is 0; an absent rate fails.
func brAE05(c *checker) { vatRateCheck(c, "Lines", einvoice.VATReverseCharge, vatRateZero) }
func brAE06(c *checker) { vatRateCheck(c, "Allowances", einvoice.VATReverseCharge, vatRateZero) }
func brAE07(c *checker) { vatRateCheck(c, "Charges", einvoice.VATReverseCharge, vatRateZero) }

// brAE08: the taxable amount of a breakdown of category AE, within 1.
func brAE08(c *checker) { vatTaxableNear(c, einvoice.VATReverseCharge) }

// brAE09: the tax amount of a breakdown of category AE is 0.
func brAE09(c *checker) { vatTaxAmountZero(c, einvoice.VATReverseCharge) }

// brAE10: a breakdown of category AE has an exemption reason, text or code.
func brAE10(c *checker) { vatNeedsExemption(c, einvoice.VATReverseCharge) }

// vatICRules are the rules of VAT category K (intra-community supply).
var vatICRules = []rule{
	{"BR-IC-01", brIC01},
	{"BR-IC-02", brIC02},
	{"BR-IC-03", brIC03},
	{"BR-IC-04", brIC04},
	{"BR-IC-05", brIC05},
	{"BR-IC-06", brIC06},
	{"BR-IC-07", brIC07},
	{"BR-IC-08", brIC08},
	{"BR-IC-09", brIC09},
	{"BR-IC-10", brIC10},
	{"BR-IC-11", brIC11},
	{"BR-IC-12", brIC12},
}

// brIC01: a line, allowance or charge of category K needs exactly one VAT
// breakdown of category K, and such a breakdown needs one of them.
func brIC01(c *checker) { vatExactlyOne(c, einvoice.VATIntraCommunity) }

// brIC02 to brIC04: a line, allowance or charge of category K needs
// the seller's or the tax representative's VAT identifier, and the
// buyer's VAT identifier.
func brIC02(c *checker) {
	vatParties(c, "Lines", einvoice.VATIntraCommunity, vatICParties, vatMissingIC)
}
func brIC03(c *checker) {
	vatParties(c, "Allowances", einvoice.VATIntraCommunity, vatICParties, vatMissingIC)
}
func brIC04(c *checker) {
	vatParties(c, "Charges", einvoice.VATIntraCommunity, vatICParties, vatMissingIC)
}

// brIC05 to brIC07: the rate of a line, allowance or charge of category K
// is 0; an absent rate fails.
func brIC05(c *checker) { vatRateCheck(c, "Lines", einvoice.VATIntraCommunity, vatRateZero) }
func brIC06(c *checker) { vatRateCheck(c, "Allowances", einvoice.VATIntraCommunity, vatRateZero) }
func brIC07(c *checker) { vatRateCheck(c, "Charges", einvoice.VATIntraCommunity, vatRateZero) }

// brIC08: the taxable amount of a breakdown of category K, within 1.
func brIC08(c *checker) { vatTaxableNear(c, einvoice.VATIntraCommunity) }

// brIC09: the tax amount of a breakdown of category K is 0.
func brIC09(c *checker) { vatTaxAmountZero(c, einvoice.VATIntraCommunity) }

// brIC10: a breakdown of category K has an exemption reason, text or code.
func brIC10(c *checker) { vatNeedsExemption(c, einvoice.VATIntraCommunity) }

// vatGRules are the rules of VAT category G (export outside the EU).
var vatGRules = []rule{
	{"BR-G-01", brG01},
	{"BR-G-02", brG02},
	{"BR-G-03", brG03},
	{"BR-G-04", brG04},
	{"BR-G-05", brG05},
	{"BR-G-06", brG06},
	{"BR-G-07", brG07},
	{"BR-G-08", brG08},
	{"BR-G-09", brG09},
	{"BR-G-10", brG10},
}

// brG01: a line, allowance or charge of category G needs exactly one VAT
// breakdown of category G, and such a breakdown needs one of them.
func brG01(c *checker) { vatExactlyOne(c, einvoice.VATExport) }

// brG02 to brG04: a line, allowance or charge of category G needs
// the seller's or the tax representative's VAT identifier.
func brG02(c *checker) {
	vatParties(c, "Lines", einvoice.VATExport, vatSellerVATID, vatMissingSellerVATID)
}
func brG03(c *checker) {
	vatParties(c, "Allowances", einvoice.VATExport, vatSellerVATID, vatMissingSellerVATID)
}
func brG04(c *checker) {
	vatParties(c, "Charges", einvoice.VATExport, vatSellerVATID, vatMissingSellerVATID)
}

// brG05 to brG07: the rate of a line, allowance or charge of category G
// is 0; an absent rate fails.
func brG05(c *checker) { vatRateCheck(c, "Lines", einvoice.VATExport, vatRateZero) }
func brG06(c *checker) { vatRateCheck(c, "Allowances", einvoice.VATExport, vatRateZero) }
func brG07(c *checker) { vatRateCheck(c, "Charges", einvoice.VATExport, vatRateZero) }

// brG08: the taxable amount of a breakdown of category G, within 1.
func brG08(c *checker) { vatTaxableNear(c, einvoice.VATExport) }

// brG09: the tax amount of a breakdown of category G is 0.
func brG09(c *checker) { vatTaxAmountZero(c, einvoice.VATExport) }

// brG10: a breakdown of category G has an exemption reason, text or code.
func brG10(c *checker) { vatNeedsExemption(c, einvoice.VATExport) }

// The details of the party rules.
const (
	vatMissingAE          = "no seller VAT identifier (BT-31), seller tax registration identifier (BT-32) or tax representative VAT identifier (BT-63), or no buyer VAT identifier (BT-48) or legal registration identifier (BT-47)"
	vatMissingIC          = "no seller VAT identifier (BT-31) or tax representative VAT identifier (BT-63), or no buyer VAT identifier (BT-48)"
	vatMissingSellerVATID = "no seller VAT identifier (BT-31) or tax representative VAT identifier (BT-63)"
)

// vatAEParties is the party test of BR-AE-02 to BR-AE-04.
func vatAEParties(inv *einvoice.Invoice) bool {
	return vatSellerTaxID(inv) && (inv.Buyer.VATID != "" || !inv.Buyer.LegalRegistration.IsZero())
}

// vatICParties is the party test of BR-IC-02 to BR-IC-04.
func vatICParties(inv *einvoice.Invoice) bool {
	return vatSellerVATID(inv) && inv.Buyer.VATID != ""
}

// brIC11: an invoice with a VAT breakdown of category K has an actual
// delivery date (BT-72) or an invoicing period start or end date (BT-73,
// BT-74). It fires once per such breakdown.
func brIC11(c *checker) {
	inv := c.inv
	if inv.Delivery != nil && !inv.Delivery.Date.IsZero() {
		return
	}
	if p := inv.InvoicingPeriod; p != nil && (!p.Start.IsZero() || !p.End.IsZero()) {
		return
	}
	vatEachBreakdown(c, einvoice.VATIntraCommunity, func(k int, _ *einvoice.VATBreakdown) {
		c.fail("Delivery.Date", "a VAT breakdown of category K (VATBreakdown["+strconv.Itoa(k)+"]) and no actual delivery date or invoicing period")
	})
}

// brIC12: an invoice with a VAT breakdown of category K has a deliver to
// country code (BT-80). The official test asks for the ram:CountryID
// element of the deliver to address, which the encoders write whenever the
// address (BG-15) is given, even with an empty country code (BR-57 and
// BR-CL-14 report that one).
func brIC12(c *checker) {
	if c.syntax == UBL {
		ublBRIC12(c)
		return
	}
	inv := c.inv
	if inv.Delivery != nil && inv.Delivery.Address != nil {
		return
	}
	vatEachBreakdown(c, einvoice.VATIntraCommunity, func(k int, _ *einvoice.VATBreakdown) {
		c.fail("Delivery.Address.Country", "a VAT breakdown of category K (VATBreakdown["+strconv.Itoa(k)+"]) and no deliver to address")
	})
}
