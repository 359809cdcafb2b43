package validate

import "github.com/einvoice-go/einvoice"

// vatBRules are the rules of VAT category B (split payment, Italy).
var vatBRules = []rule{
	{"BR-B-01", brB01},
	{"BR-B-02", brB02},
}

// vatUsesCategory reports whether a line, document level allowance or
// charge, or VAT breakdown has category cat: the schematron's
// //ram:CategoryCode = cat.
func vatUsesCategory(c *checker, cat einvoice.VATCategory) bool {
	lines, ac, bd := vatCount(c, cat)
	return lines+ac+bd > 0
}

// brB01: an invoice with category B is a domestic Italian invoice. The
// official test, not(//ram:CountryID != 'IT'), asks every country code of
// a postal address to be IT: the seller's, the buyer's, the tax
// representative's and the deliver to address's (an empty one fails, as
// the encoders write the element). The item country of origin (BT-159) is
// not a ram:CountryID and is not asked.
func brB01(c *checker) {
	inv := c.inv
	if !vatUsesCategory(c, einvoice.VATSplitPayment) {
		return
	}
	path, country := "", einvoice.CountryCode("")
	switch {
	case inv.Seller.Address.Country != einvoice.CountryIT:
		path, country = "Seller.Address.Country", inv.Seller.Address.Country
	case inv.Buyer.Address.Country != einvoice.CountryIT:
		path, country = "Buyer.Address.Country", inv.Buyer.Address.Country
	case inv.TaxRepresentative != nil && inv.TaxRepresentative.Address.Country != einvoice.CountryIT:
		path, country = "TaxRepresentative.Address.Country", inv.TaxRepresentative.Address.Country
	case inv.Delivery != nil && inv.Delivery.Address != nil && inv.Delivery.Address.Country != einvoice.CountryIT:
		path, country = "Delivery.Address.Country", inv.Delivery.Address.Country
	default:
		return
	}
	c.fail(path, "category B (split payment) and country code "+string(country))
}

// brB02: an invoice with category B has no category S, in a line, an
// allowance, a charge or a VAT breakdown.
func brB02(c *checker) {
	inv := c.inv
	if !vatUsesCategory(c, einvoice.VATSplitPayment) || !vatUsesCategory(c, einvoice.VATStandard) {
		return
	}
	path := vatFirstUse(inv, einvoice.VATStandard)
	if path == "" {
		path = vatBreakdownPath(inv, einvoice.VATStandard, 0, "Category")
	}
	c.fail(path, "categories B (split payment) and S together")
}
