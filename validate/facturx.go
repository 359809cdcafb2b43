package validate

import (
	"iter"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/einvoice-go/einvoice"
	"github.com/shopspring/decimal"
)

// The Factur-X 1.09.2 profiles: the business rules the official tools
// apply to a CII document of each profile. Each set gives
// the verdict that the official judge gives on the BR-* rules: the rules of
// the profile's Factur-X schematron (FACTUR-X_<PROFILE>.sch) and, for BASIC
// and EN 16931, those of the CEN EN 16931 schematron, which the official
// tools run as well for these two profiles (not for MINIMUM and BASIC WL,
// which are not EN 16931 invoices, nor for EXTENDED, whose schematron
// carries its own sums, the BR-FXEXT rules).
//
// The structural rules of the Factur-X schematrons (FX-SCH-A-*, the
// CII-SR-*, CII-DT-* and PEPPOL-EN16931-R008 rules they repeat, and their
// reports without id) concern the XML, not the model: the CII decoder checks
// them (cii.Decoder's ProfileRules) and Report.AddSyntax adds them to a
// report.
//
// A set judges the invoice as the profile's CII carries it: validate a
// document decoded from such a CII (cii.Decode), or an invoice that holds
// only what the profile carries (cii.Encoder's DropUnsupported tells what it
// does not). The sets follow the CII schematrons; RuleSet.For(UBL) means
// nothing for them.
//
// The sets of BASIC and EN 16931 hold EN16931's rules: pass such a set
// alone, not after EN16931, whose BR-CO-03, BR-CO-17 and BR-CO-18 would
// then run in place of the profile's (Invoice runs a rule id once, from
// the first set that has it).
var (
	// FacturXMinimum is MINIMUM: the BR rules of FACTUR-X_MINIMUM.sch
	// (BR-01 .. BR-09, BR-CO-09, BR-CO-26, BR-DEC-12 .. BR-DEC-14,
	// BR-DEC-18; and BR-13 .. BR-15, which cannot fire on the model), as
	// its XPath tests them.
	FacturXMinimum = RuleSet{name: "facturx-minimum", list: lazyRules(func() []rule { return fxRules(fxMinimum, false, fxMinimumVariants, nil, fxMinimumRules) })}
	// FacturXBasicWL is BASIC WL: the BR rules of FACTUR-X_BASIC-WL.sch,
	// as its XPath tests them (no line rules: BASIC WL has no lines).
	FacturXBasicWL = RuleSet{name: "facturx-basicwl", list: lazyRules(func() []rule { return fxRules(fxBasicWL, false, fxBasicWLVariants, fxBasicWLDropped, nil) })}
	// FacturXBasic is BASIC: the rules of EN16931 and those of
	// FACTUR-X_BASIC.sch, where they test more than the CEN ones.
	FacturXBasic = RuleSet{name: "facturx-basic", list: lazyRules(func() []rule { return fxRules(fxBasic, true, fxCENVariants, nil, nil) })}
	// FacturXEN16931 is EN 16931 (COMFORT): the rules of EN16931 and those
	// of FACTUR-X_EN16931.sch, where they test more than the CEN ones.
	FacturXEN16931 = RuleSet{name: "facturx-en16931", list: lazyRules(func() []rule { return fxRules(fxEN16931, true, fxCENVariants, nil, nil) })}
	// FacturXExtended is EXTENDED: the BR rules of FACTUR-X_EXTENDED.sch,
	// as its XPath tests them, and its BR-FXEXT rules (the sums adapted to
	// EXTENDED) that the model can break (see fxExtendedRules).
	FacturXExtended = RuleSet{name: "facturx-extended", list: lazyRules(func() []rule {
		return fxRules(fxExtended, false, fxExtendedVariants, fxExtendedDropped, fxExtendedRules)
	})}
)

// FacturX returns the rule set of the Factur-X profile that a
// specification identifier (BT-24, Invoice.Process.Specification) names,
// as einvoice.FacturXProfile reads it ("urn:cen.eu:en16931:2017" is the
// EN 16931 profile). The French EXTENDED-CTC-FR identifier, a subset of
// EXTENDED, gets FacturXExtended. It returns false for any other identifier
// (an XRechnung or Peppol CIUS, say).
func FacturX(specification string) (RuleSet, bool) {
	switch einvoice.FacturXProfile(specification) {
	case "minimum":
		return FacturXMinimum, true
	case "basicwl":
		return FacturXBasicWL, true
	case "basic":
		return FacturXBasic, true
	case "en16931":
		return FacturXEN16931, true
	case "extended", "extended-ctc-fr":
		return FacturXExtended, true
	}
	return RuleSet{}, false
}

// fxRules builds the rules of a profile: the rules of EN16931, all of them
// when the CEN schematron runs for the profile (cen), else those whose id
// the profile's schematron has (meta.Profiles); with the functions of
// variants in place of EN16931's for the same id, without the ids of
// dropped, and the rules of extra at the end.
func fxRules(p fxProfiles, cen bool, variants []rule, dropped []string, extra []rule) []rule {
	var out []rule
	for _, r := range EN16931.rules() {
		if !cen && profilesOf(r.id)&p == 0 {
			continue
		}
		if slices.Contains(dropped, r.id) {
			continue
		}
		for _, v := range variants {
			if v.id == r.id {
				r.check = v.check
			}
		}
		out = append(out, r)
	}
	return append(out, extra...)
}

// fxCENVariants are the rules of BASIC and EN 16931 whose Factur-X test
// fires where the CEN one does not; the official tools run both
// schematrons for these profiles, so the set follows the one that fires
// more (every other Factur-X test of these profiles fires only where the
// CEN one does: it lacks normalize-space, tolerates a difference of 1
// where CEN tolerates less, or tests the same).
var fxCENVariants = []rule{
	{"BR-CO-03", fxCO03},
	{"BR-CO-17", fxCO17},
	{"BR-CO-18", fxCO18},
}

// fxMinimumVariants are MINIMUM's tests where they differ from CEN's: a
// mandatory text is tested with X != "" (see fxEmpty).
var fxMinimumVariants = []rule{
	{"BR-01", fxBR01},
	{"BR-02", fxBR02},
	{"BR-04", fxBR04},
	{"BR-05", fxBR05},
	{"BR-06", fxBR06},
	{"BR-07", fxBR07},
	{"BR-09", fxBR09},
}

// fxMinimumRules are MINIMUM's rules that EN16931 leaves out because the
// encoder always writes what they ask for, except in MINIMUM.
//
// BR-13, BR-14 and BR-15 (the totals BT-109, BT-112, BT-115) cannot fire:
// the model holds them as values and the encoder always writes them.
var fxMinimumRules = []rule{
	{"BR-08", fxBR08},
}

// fxBasicWLVariants are BASIC WL's tests where they differ from CEN's.
var fxBasicWLVariants = []rule{
	{"BR-01", fxBR01},
	{"BR-02", fxBR02},
	{"BR-04", fxBR04},
	{"BR-05", fxBR05},
	{"BR-06", fxBR06},
	{"BR-07", fxBR07},
	{"BR-09", fxBR09},
	{"BR-11", fxBR11},
	{"BR-55", fxBR55},
	{"BR-56", fxBR56},
	{"BR-57", fxBR57},
	{"BR-CO-03", fxCO03},
	{"BR-CO-12", fxCO12},
	{"BR-CO-17", fxCO17},
	{"BR-CO-18", fxCO18},
}

// fxBasicWLDropped are the rules of BASIC WL and EXTENDED that cannot fire
// on the model, though EN16931's can.
//
// BR-17: the Factur-X test compares the payee with
// ../ram:SellerTradeParty, a path that leads nowhere from the payee (the
// CEN test goes up to ram:ApplicableHeaderTradeAgreement); what is left is
// that the payee has a ram:Name, which the encoder always writes.
var fxBasicWLDropped = []string{"BR-17"}

// fxExtendedVariants are EXTENDED's tests where they differ from CEN's.
var fxExtendedVariants = []rule{
	{"BR-01", fxBR01},
	{"BR-02", fxBR02},
	{"BR-04", fxBR04},
	{"BR-05", fxBR05},
	{"BR-06", fxBR06},
	{"BR-07", fxBR07},
	{"BR-09", fxBR09},
	{"BR-11", fxBR11},
	{"BR-21", fxBR21},
	{"BR-25", fxBR25},
	{"BR-52", fxBR52},
	{"BR-55", fxBR55},
	{"BR-56", fxBR56},
	{"BR-57", fxBR57},
	{"BR-64", fxBR64},
	{"BR-65", fxBR65},
	{"BR-CO-03", fxCO03},
	{"BR-CO-18", fxCO18},
}

// fxExtendedDropped: as for BASIC WL.
var fxExtendedDropped = fxBasicWLDropped

// fxEmpty is the test of the Factur-X schematrons for a mandatory text or
// code, X != "" (the CEN schematron tests normalize-space(X) != ""): only
// an absent or empty value fails it, one of white space passes. The
// encoder writes the mandatory texts and codes even when empty.
func fxEmpty[S ~string](s S) bool { return s == "" }

// fxBR01: BT-24, test ram:ID != "" (see fxEmpty).
func fxBR01(c *checker) {
	if fxEmpty(c.inv.Process.Specification) {
		c.fail("Process.Specification", "")
	}
}

// fxBR02: BT-1, test ram:ID != "".
func fxBR02(c *checker) {
	if fxEmpty(c.inv.Number) {
		c.fail("Number", "")
	}
}

// fxBR04: BT-3, test ram:TypeCode != "".
func fxBR04(c *checker) {
	if fxEmpty(c.inv.TypeCode) {
		c.fail("TypeCode", "")
	}
}

// fxBR05: BT-5, test ram:InvoiceCurrencyCode != "".
func fxBR05(c *checker) {
	if fxEmpty(c.inv.Currency) {
		c.fail("Currency", "")
	}
}

// fxBR06: BT-27, test ram:SellerTradeParty/ram:Name != "".
func fxBR06(c *checker) {
	if fxEmpty(c.inv.Seller.Name) {
		c.fail("Seller.Name", "")
	}
}

// fxBR07: BT-44, test ram:BuyerTradeParty/ram:Name != "".
func fxBR07(c *checker) {
	if fxEmpty(c.inv.Buyer.Name) {
		c.fail("Buyer.Name", "")
	}
}

// fxBR08: BG-5 (MINIMUM), test
// //ram:SellerTradeParty/ram:PostalTradeAddress. In MINIMUM only, the
// encoder leaves out an empty postal address; in the other profiles it
// always writes the seller's.
func fxBR08(c *checker) {
	if c.inv.Seller.Address == (einvoice.Address{}) {
		c.fail("Seller.Address", "")
	}
}

// fxBR09: BT-40, test //ram:SellerTradeParty/ram:PostalTradeAddress/ram:CountryID != ""
// (false too when MINIMUM leaves out an empty address).
func fxBR09(c *checker) {
	if fxEmpty(c.inv.Seller.Address.Country) {
		c.fail("Seller.Address.Country", "")
	}
}

// fxBR11: BT-55, test //ram:BuyerTradeParty/ram:PostalTradeAddress/ram:CountryID != "".
func fxBR11(c *checker) {
	if fxEmpty(c.inv.Buyer.Address.Country) {
		c.fail("Buyer.Address.Country", "")
	}
}

// fxBR21: BT-126, test ram:AssociatedDocumentLineDocument/ram:LineID != "".
func fxBR21(c *checker) {
	for i := range c.inv.Lines {
		if fxEmpty(c.inv.Lines[i].ID) {
			c.fail(idx("Lines", i)+".ID", "")
		}
	}
}

// fxBR25: BT-153, test ram:SpecifiedTradeProduct/ram:Name != "".
func fxBR25(c *checker) {
	for i := range c.inv.Lines {
		if fxEmpty(c.inv.Lines[i].Item.Name) {
			c.fail(idx("Lines", i)+".Item.Name", "")
		}
	}
}

// fxBR52: BT-122, test ram:IssuerAssignedID != "".
func fxBR52(c *checker) {
	for i := range c.inv.Attachments {
		if fxEmpty(c.inv.Attachments[i].ID) {
			c.fail(idx("Attachments", i)+".ID", "")
		}
	}
}

// fxBR55: BT-25, test ram:IssuerAssignedID != "".
func fxBR55(c *checker) {
	for i := range c.inv.PrecedingInvoices {
		if fxEmpty(c.inv.PrecedingInvoices[i].Number) {
			c.fail(idx("PrecedingInvoices", i)+".Number", "")
		}
	}
}

// fxBR56: BT-63, test ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA'] != "".
func fxBR56(c *checker) {
	if tr := c.inv.TaxRepresentative; tr != nil && fxEmpty(tr.VATID) {
		c.fail("TaxRepresentative.VATID", "")
	}
}

// fxBR57: BT-80, test (ram:ShipToTradeParty/ram:PostalTradeAddress and
// ram:ShipToTradeParty/ram:PostalTradeAddress/ram:CountryID != "") or not
// (ram:ShipToTradeParty/ram:PostalTradeAddress).
func fxBR57(c *checker) {
	if d := c.inv.Delivery; d != nil && d.Address != nil && fxEmpty(d.Address.Country) {
		c.fail("Delivery.Address.Country", "")
	}
}

// fxBR64: BT-157-1, test ram:SpecifiedTradeProduct/ram:GlobalID/@schemeID != ""
// or not (ram:SpecifiedTradeProduct/ram:GlobalID).
func fxBR64(c *checker) {
	for i := range c.inv.Lines {
		if id := c.inv.Lines[i].Item.StandardID; !id.IsZero() && fxEmpty(id.Scheme) {
			c.fail(idx("Lines", i)+".Item.StandardID.Scheme", "")
		}
	}
}

// fxBR65: BT-158-1, in the line context (CEN's is each classification),
// test (ram:SpecifiedTradeProduct/ram:DesignatedProductClassification/
// ram:ClassCode/@listID != "") or not
// (ram:SpecifiedTradeProduct/ram:DesignatedProductClassification): a line
// whose classifications have at least one scheme passes, however many have
// none.
func fxBR65(c *checker) {
	for i := range c.inv.Lines {
		cls := c.inv.Lines[i].Item.Classifications
		if len(cls) == 0 {
			continue
		}
		ok := false
		for _, cl := range cls {
			if !fxEmpty(cl.Scheme) {
				ok = true
				break
			}
		}
		if !ok {
			c.fail(idx("Lines", i)+".Item.Classifications", "no classification with a scheme")
		}
	}
}

// fxAllCategories stands for the Factur-X schematrons' VAT breakdown
// context: each of their rules has a pattern of its own, so no rule of
// another pattern takes a breakdown of category O, L or M away from
// BR-CO-03 and BR-CO-17 (see coBreakdownChecked).
func fxAllCategories(einvoice.VATCategory) bool { return true }

// fxCO03: BR-CO-03, test per VAT breakdown ((ram:TaxPointDate) and not
// (ram:DueDateTypeCode)) or (not (ram:TaxPointDate) and (ram:DueDateTypeCode))
// or (not (ram:TaxPointDate) and not (ram:DueDateTypeCode)), on every
// breakdown. The encoder writes the VAT point date (BT-7) in the first
// breakdown and the code (BT-8) in each: the rule fires when both are given
// and there is a breakdown, whatever its category.
func fxCO03(c *checker) { coCO03(c, fxAllCategories) }

// fxCO17: BR-CO-17, CEN's test, on every VAT breakdown, of categories O, L
// and M too (see fxAllCategories).
func fxCO17(c *checker) { coCO17(c, fxAllCategories) }

// fxCO18: BR-CO-18, test ram:ApplicableTradeTax in the context of
// ram:ApplicableHeaderTradeSettlement: an invoice without lines needs a
// VAT breakdown too (CEN's context is the line).
func fxCO18(c *checker) {
	if len(c.inv.VATBreakdown) == 0 {
		c.fail("VATBreakdown", "")
	}
}

// fxCO12: BR-CO-12 (BASIC WL), test (not(charges) and not
// (ram:ChargeTotalAmount)) or (round(ram:ChargeTotalAmount * 10 * 10) div
// 100) = round(((round(sum(charges/ram:ActualAmount) * 10 * 10) div 100) +
// (round(sum(ram:SpecifiedLogisticsServiceCharge/ram:AppliedAmount) * 10 *
// 10) div 100)) * 10 * 10) div 100. Unlike CEN's it rounds the stated sum
// of charges (BT-108) too, so a BT-108 with more decimals than 2 can pass.
// All in xs:double, as XPath computes on untyped values; the model has no
// logistics service charges (the decoder reads them as charges).
func fxCO12(c *checker) {
	inv := c.inv
	stated := inv.Totals.Charges
	switch {
	case stated == nil && len(inv.Charges) == 0:
		return
	case stated == nil:
		c.fail("Totals.Charges", "absent")
		return
	}
	want := 0.0
	if len(inv.Charges) > 0 {
		var sum float64
		for i := range inv.Charges {
			sum += vatFloat(inv.Charges[i].Amount)
		}
		want = calcDoubleRound2(calcDoubleRound2(sum))
	}
	if got := calcDoubleRound2(vatFloat(*stated)); got != want {
		c.fail("Totals.Charges", "stated "+held(*stated)+", computed "+fxFloat(want))
	}
}

// fxExtendedRules are EXTENDED's rules that EN16931 does not have: BR-CO-25
// and the BR-FXEXT rules, those that the model can break. A logistics
// service charge (BG-X-42) is read as a document level charge, which the
// encoder writes as such, so the sums of BT-X-272 drop out. The line
// hierarchy is the model's: a line's subtype (BT-X-8, Line.Status, written
// as ram:LineStatusReasonCode when not empty) and its parent line
// (BT-X-304, Line.ParentID, ram:ParentLineID when not empty). Where the
// XPath selects the lines with not(ram:LineStatusReasonCode) or
// ram:LineStatusReasonCode = 'DETAIL', the rules take the lines whose
// Status.Counts() (the detail lines: no subtype, or DETAIL exactly; see
// fxextDetail), as the model's calculation does. The rules that can never
// fire on what the encoder writes are left out:
//
//   - BR-FXEXT-01: a note with a subject code has ram:Content: the encoder
//     always writes it;
//   - BR-FXEXT-02: the model has no subject code on line notes (BT-X-10);
//   - BR-FXEXT-03: outside the seller, the model has only VAT identifiers
//     (BT-48, BT-63), which the encoder writes with schemeID VA;
//   - BR-FXEXT-12: a GROUP line's sub-lines of subtype GROUP all have a
//     ram:LineTotalAmount: the encoder writes every line's net amount;
//   - BR-FXEXT-BR-22, BR-FXEXT-BR-24, BR-FXEXT-BR-26: the quantity, net
//     amount and net price of a line are always written, as for BR-22,
//     BR-24 and BR-26;
//   - BR-FXEXT-CII-DT-097a: the encoder writes dates in format 102 only,
//     never 205 (date and time).

// The others follow the official XPath on the CII the encoder writes.
// BR-FXEXT-BR-38, BR-FXEXT-BR-44 and BR-FXEXT-CO-16 test what BR-38, BR-44
// and BR-CO-16 test, and share their functions.
var fxExtendedRules = []rule{
	{"BR-CO-25", brCO25},
	{"BR-FXEXT-04", fxext04},
	{"BR-FXEXT-BR-54-1", func(c *checker) { attributesCheck(c, attributeNamedOK, "Name") }},
	{"BR-FXEXT-BR-54-2", func(c *checker) { attributesCheck(c, attributeValueOK, "Value") }},
	{"BR-FXEXT-06", fxext06},
	{"BR-FXEXT-08", fxext08},
	{"BR-FXEXT-11", fxext11},
	{"BR-FXEXT-BR-23", fxextBR23},
	{"BR-FXEXT-CO-04", fxextCO04},
	{"BR-FXEXT-BR-38", br38},
	{"BR-FXEXT-BR-44", br44},
	{"BR-FXEXT-CO-10", fxextCO10},
	{"BR-FXEXT-CO-11", fxextCO11},
	{"BR-FXEXT-CO-12", fxextCO12},
	{"BR-FXEXT-CO-13", fxextCO13},
	{"BR-FXEXT-CO-15", fxextCO15},
	{"BR-FXEXT-CO-16", brCO16},
	{"BR-FXEXT-S-01", fxextS01},
	{"BR-FXEXT-Z-01", fxextZ01},
	{"BR-FXEXT-E-01", fxextE01},
	{"BR-FXEXT-AE-01", fxextAE01},
	{"BR-FXEXT-IC-01", fxextIC01},
	{"BR-FXEXT-G-01", fxextG01},
	{"BR-FXEXT-O-01", fxextO01},
	{"BR-FXEXT-AF-01", fxextAF01},
	{"BR-FXEXT-AG-01", fxextAG01},
	{"BR-FXEXT-S08b", fxextS08b},
	{"BR-FXEXT-S-08ini", fxextS08Ini},
	{"BR-FXEXT-S-08rev", fxextS08Rev},
	{"BR-FXEXT-S-09b", fxextS09b},
	{"BR-FXEXT-Z-08b", fxextZ08b},
	{"BR-FXEXT-Z-08ini", fxextZ08Ini},
	{"BR-FXEXT-Z-08rev", fxextZ08Rev},
	{"BR-FXEXT-E-08b", fxextE08b},
	{"BR-FXEXT-E-08ini", fxextE08Ini},
	{"BR-FXEXT-E-08rev", fxextE08Rev},
	{"BR-FXEXT-AE-08b", fxextAE08b},
	{"BR-FXEXT-AE-08ini", fxextAE08Ini},
	{"BR-FXEXT-AE-08rev", fxextAE08Rev},
	{"BR-FXEXT-IC-08b", fxextIC08b},
	{"BR-FXEXT-IC-08ini", fxextIC08Ini},
	{"BR-FXEXT-IC-08rev", fxextIC08Rev},
	{"BR-FXEXT-G-08b", fxextG08b},
	{"BR-FXEXT-G-08ini", fxextG08Ini},
	{"BR-FXEXT-G-08rev", fxextG08Rev},
	{"BR-FXEXT-O-08b", fxextO08b},
	{"BR-FXEXT-O-08ini", fxextO08Ini},
	{"BR-FXEXT-O-08rev", fxextO08Rev},
	{"BR-FXEXT-AF-08b", fxextAF08b},
	{"BR-FXEXT-AF-08ini", fxextAF08Ini},
	{"BR-FXEXT-AF-08rev", fxextAF08Rev},
	{"BR-FXEXT-AG-08b", fxextAG08b},
	{"BR-FXEXT-AG-08ini", fxextAG08Ini},
	{"BR-FXEXT-AG-08rev", fxextAG08Rev},
}

// fxextS01 .. fxextAG01: BR-FXEXT-S-01 .. BR-FXEXT-AG-01 (see fxextOne).
func fxextS01(c *checker)  { fxextOne(c, einvoice.VATStandard) }
func fxextZ01(c *checker)  { fxextOne(c, einvoice.VATZeroRated) }
func fxextE01(c *checker)  { fxextOne(c, einvoice.VATExempt) }
func fxextAE01(c *checker) { fxextOne(c, einvoice.VATReverseCharge) }
func fxextIC01(c *checker) { fxextOne(c, einvoice.VATIntraCommunity) }
func fxextG01(c *checker)  { fxextOne(c, einvoice.VATExport) }
func fxextO01(c *checker)  { fxextOne(c, einvoice.VATNotSubject) }
func fxextAF01(c *checker) { fxextOne(c, einvoice.VATCanaryIslands) }
func fxextAG01(c *checker) { fxextOne(c, einvoice.VATCeutaMelilla) }

// fxextS08b .. fxextAG08Rev: BR-FXEXT-S08b, -S-08ini, -S-08rev .. -AG-08b,
// -AG-08ini, -AG-08rev (see fxextTaxable).
func fxextS08b(c *checker)    { fxextTaxable(c, einvoice.VATStandard, fxextBoth) }
func fxextS08Ini(c *checker)  { fxextTaxable(c, einvoice.VATStandard, fxextIni) }
func fxextS08Rev(c *checker)  { fxextTaxable(c, einvoice.VATStandard, fxextRev) }
func fxextZ08b(c *checker)    { fxextTaxable(c, einvoice.VATZeroRated, fxextBoth) }
func fxextZ08Ini(c *checker)  { fxextTaxable(c, einvoice.VATZeroRated, fxextIni) }
func fxextZ08Rev(c *checker)  { fxextTaxable(c, einvoice.VATZeroRated, fxextRev) }
func fxextE08b(c *checker)    { fxextTaxable(c, einvoice.VATExempt, fxextBoth) }
func fxextE08Ini(c *checker)  { fxextTaxable(c, einvoice.VATExempt, fxextIni) }
func fxextE08Rev(c *checker)  { fxextTaxable(c, einvoice.VATExempt, fxextRev) }
func fxextAE08b(c *checker)   { fxextTaxable(c, einvoice.VATReverseCharge, fxextBoth) }
func fxextAE08Ini(c *checker) { fxextTaxable(c, einvoice.VATReverseCharge, fxextIni) }
func fxextAE08Rev(c *checker) { fxextTaxable(c, einvoice.VATReverseCharge, fxextRev) }
func fxextIC08b(c *checker)   { fxextTaxable(c, einvoice.VATIntraCommunity, fxextBoth) }
func fxextIC08Ini(c *checker) { fxextTaxable(c, einvoice.VATIntraCommunity, fxextIni) }
func fxextIC08Rev(c *checker) { fxextTaxable(c, einvoice.VATIntraCommunity, fxextRev) }
func fxextG08b(c *checker)    { fxextTaxable(c, einvoice.VATExport, fxextBoth) }
func fxextG08Ini(c *checker)  { fxextTaxable(c, einvoice.VATExport, fxextIni) }
func fxextG08Rev(c *checker)  { fxextTaxable(c, einvoice.VATExport, fxextRev) }
func fxextO08b(c *checker)    { fxextTaxable(c, einvoice.VATNotSubject, fxextBoth) }
func fxextO08Ini(c *checker)  { fxextTaxable(c, einvoice.VATNotSubject, fxextIni) }
func fxextO08Rev(c *checker)  { fxextTaxable(c, einvoice.VATNotSubject, fxextRev) }
func fxextAF08b(c *checker)   { fxextTaxable(c, einvoice.VATCanaryIslands, fxextBoth) }
func fxextAF08Ini(c *checker) { fxextTaxable(c, einvoice.VATCanaryIslands, fxextIni) }
func fxextAF08Rev(c *checker) { fxextTaxable(c, einvoice.VATCanaryIslands, fxextRev) }
func fxextAG08b(c *checker)   { fxextTaxable(c, einvoice.VATCeutaMelilla, fxextBoth) }
func fxextAG08Ini(c *checker) { fxextTaxable(c, einvoice.VATCeutaMelilla, fxextIni) }
func fxextAG08Rev(c *checker) { fxextTaxable(c, einvoice.VATCeutaMelilla, fxextRev) }

// brCO25: in case the amount due (BT-115) is positive, the payment due
// date (BT-9) or the payment terms (BT-20) are present. EXTENDED's test
// (CEN 1.3.16 no longer has the rule): (number(//ram:DuePayableAmount) > 0
// and ((//ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime) or
// (//ram:SpecifiedTradePaymentTerms/ram:Description))) or
// not(number(//ram:DuePayableAmount) > 0). The encoder writes ram:Description
// for non-empty payment terms and ram:DueDateDateTime for a due date.
func brCO25(c *checker) {
	inv := c.inv
	if inv.Totals.Due.Sign() > 0 && inv.DueDate.IsZero() && inv.PaymentTerms == "" {
		c.fail("DueDate", "amount due "+held(inv.Totals.Due)+", no due date nor payment terms")
	}
}

// fxextDetail reports whether line l is one of the lines the BR-FXEXT
// rules select with not(ram:AssociatedDocumentLineDocument/
// ram:LineStatusReasonCode) or ram:AssociatedDocumentLineDocument/
// ram:LineStatusReasonCode = 'DETAIL': a line without subtype (the encoder
// writes no ram:LineStatusReasonCode for an empty Status) or of subtype
// DETAIL exactly (no normalize-space: " DETAIL" and "detail" are not),
// which is Status.Counts(). GROUP and INFORMATION lines are not.
func fxextDetail(l *einvoice.Line) bool { return l.Status.Counts() }

// fxextDetailCount is the number of detail lines of inv.
func fxextDetailCount(inv *einvoice.Invoice) int { return linesWhere(inv, fxextDetail) }

// linesWhere is the number of lines of inv for which f holds.
func linesWhere(inv *einvoice.Invoice, f func(*einvoice.Line) bool) int {
	n := 0
	for i := range inv.Lines {
		if f(&inv.Lines[i]) {
			n++
		}
	}
	return n
}

// fxextDetailInvoice returns inv when every line is a detail line, else a
// shallow copy of inv that holds its detail lines only: what the sums of
// the x-08b rules read, for vatExpectedTaxable.
func fxextDetailInvoice(inv *einvoice.Invoice) *einvoice.Invoice {
	if fxextDetailCount(inv) == len(inv.Lines) {
		return inv
	}
	view := *inv
	view.Lines = make([]einvoice.Line, 0, len(inv.Lines))
	for i := range inv.Lines {
		if fxextDetail(&inv.Lines[i]) {
			view.Lines = append(view.Lines, inv.Lines[i])
		}
	}
	return &view
}

// The sums of the BR-FXEXT rules. Their XPath sums the untyped amounts as
// xs:double and rounds in xs:double (sum(A) * 100, or sum(A) * 10 * 10),
// then takes the result as xs:decimal, which Saxon does exactly (the
// binary value of the double, as for BR-CO-10); the stated figures are
// taken as xs:decimal, and the difference is compared exactly with a
// tolerance of 0.01 per line, allowance or charge summed. So a sum one
// cent off per item passes or fails as the double of the computed sum
// lies above or below the exact sum: the rules follow that.

// fxextDoubleSum is round(sum(A) * 100) div 100 on the untyped amounts A
// (round(sum(A) * 10 * 10) div 100 when tenTen), in xs:double as XPath
// computes it, adding in document order; ok is false for an empty A,
// whose sum is the integer 0.
func fxextDoubleSum(amounts iter.Seq[decimal.Decimal], tenTen bool) (f float64, ok bool) {
	var sum float64
	for a := range amounts {
		sum += vatFloat(a)
		ok = true
	}
	if !ok {
		return 0, false
	}
	if tenTen {
		return calcDoubleRound2(sum), true
	}
	return vatXPathRound(sum*100) / 100, true
}

// fxextRoundedSum is xs:decimal(fxextDoubleSum(A)), exactly. An empty sum
// is the integer 0, exact.
func fxextRoundedSum(amounts iter.Seq[decimal.Decimal], tenTen bool) *big.Rat {
	f, ok := fxextDoubleSum(amounts, tenTen)
	r := new(big.Rat)
	if !ok || r.SetFloat64(f) == nil { // not finite: no real invoice
		return new(big.Rat)
	}
	return r
}

// fxextWithin reports whether |diff| <= 0.01 × n, the tolerance of the
// BR-FXEXT rules for n items summed.
func fxextWithin(diff *big.Rat, n int) bool {
	return new(big.Rat).Abs(diff).Cmp(big.NewRat(int64(n), 100)) <= 0
}

func fxextTolerance(stated decimal.Decimal, computed *big.Rat, n int) string {
	return "stated " + held(stated) + ", computed " + computed.FloatString(2) + ", tolerance " + decimal.New(int64(n), -2).StringFixed(2)
}

// fxextLines yields the net amounts (BT-131) of the detail lines of inv,
// in document order.
func fxextLines(inv *einvoice.Invoice) iter.Seq[decimal.Decimal] {
	return func(yield func(decimal.Decimal) bool) {
		for i := range inv.Lines {
			if l := &inv.Lines[i]; fxextDetail(l) && !yield(l.NetAmount) {
				return
			}
		}
	}
}

func fxextAllowances(inv *einvoice.Invoice) iter.Seq[decimal.Decimal] {
	return func(yield func(decimal.Decimal) bool) {
		for i := range inv.Allowances {
			if !yield(inv.Allowances[i].Amount) {
				return
			}
		}
	}
}

func fxextCharges(inv *einvoice.Invoice) iter.Seq[decimal.Decimal] {
	return func(yield func(decimal.Decimal) bool) {
		for i := range inv.Charges {
			if !yield(inv.Charges[i].Amount) {
				return
			}
		}
	}
}

// fxextCO10: |BT-106 - Σ BT-131| <= 0.01 × the number of lines, test
// $abs le $maxTolerance with $calculatedAmount =
// xs:decimal(round(sum(detail lines' ram:LineTotalAmount) *
// xs:decimal(100)) div xs:decimal(100)) (in xs:double, see
// fxextRoundedSum). Without detail lines, BT-106 must be 0.
//
// Official quirk followed: the sum takes the detail lines only, the
// tolerance counts every line ($nbLineItems is
// count(../../ram:IncludedSupplyChainTradeLineItem), GROUP and
// INFORMATION lines included).
func fxextCO10(c *checker) {
	inv := c.inv
	n := len(inv.Lines)
	got := fxextRoundedSum(fxextLines(inv), false)
	if !fxextWithin(new(big.Rat).Sub(inv.Totals.LineNet.Rat(), got), n) {
		c.fail("Totals.LineNet", fxextTolerance(inv.Totals.LineNet, got, n))
	}
}

// fxextCO11: |BT-107 - Σ BT-92| <= 0.01 × the number of allowances, test
// (not(allowances) and not(ram:AllowanceTotalAmount)) or (for
// $calculatedAmount in xs:decimal(round(sum(ram:ActualAmount) * 10 * 10)
// div 100) ... return $abs le $maxTolerance): an absent BT-107 fails when
// there are allowances; present without allowances, it must be 0.
func fxextCO11(c *checker) {
	inv := c.inv
	fxextDocSum(c, inv.Totals.Allowances, len(inv.Allowances), fxextAllowances(inv), true, "Totals.Allowances")
}

// fxextCO12: |BT-108 - Σ BT-99 - Σ BT-X-272| <= 0.01 × the number of
// charges, as BR-FXEXT-CO-11 but with round(sum(ram:ActualAmount) * 100)
// div 100 (and the logistics service charges, none in the model).
func fxextCO12(c *checker) {
	inv := c.inv
	fxextDocSum(c, inv.Totals.Charges, len(inv.Charges), fxextCharges(inv), false, "Totals.Charges")
}

func fxextDocSum(c *checker, stated *decimal.Decimal, n int, amounts iter.Seq[decimal.Decimal], tenTen bool, path string) {
	switch {
	case stated == nil && n == 0:
	case stated == nil:
		c.fail(path, "absent")
	default:
		got := fxextRoundedSum(amounts, tenTen)
		if !fxextWithin(new(big.Rat).Sub(stated.Rat(), got), n) {
			c.fail(path, fxextTolerance(*stated, got, n))
		}
	}
}

// fxextCO13: |BT-109 - Σ BT-131 + Σ BT-92 - Σ BT-99| <= 0.01 × the number
// of detail lines, allowances and charges: the sums of the items, not the
// stated totals (CEN's BR-CO-13 takes BT-106, BT-107, BT-108), each
// rounded as its test does: detail lines round(sum * xs:decimal(100)),
// allowances round(sum * 10 * 10), charges round(sum * 100), all div 100.
// Unlike BR-FXEXT-CO-10's, the tolerance counts the detail lines only.
func fxextCO13(c *checker) {
	inv := c.inv
	n := fxextDetailCount(inv) + len(inv.Allowances) + len(inv.Charges)
	d := inv.Totals.TaxExclusive.Rat()
	d.Sub(d, fxextRoundedSum(fxextLines(inv), false))
	d.Add(d, fxextRoundedSum(fxextAllowances(inv), true))
	d.Sub(d, fxextRoundedSum(fxextCharges(inv), false))
	if !fxextWithin(d, n) {
		c.fail("Totals.TaxExclusive", "BT-109 - Σ BT-131 + Σ BT-92 - Σ BT-99 = "+d.FloatString(2)+", tolerance "+decimal.New(int64(n), -2).StringFixed(2))
	}
}

// fxextCO15: |BT-112 - BT-110 - BT-109| <= 0.01 × the number of detail
// lines, allowances and charges, test for $Currency in
// ../ram:InvoiceCurrencyCode, ..., $BT110 in
// xs:decimal(ram:TaxTotalAmount[@currencyID=$Currency]), ... return ($abs
// le $maxTolerance and $nbTaxTotalAmountInvoiceCurrency eq 1) or ($BT109
// eq $BT112 and $nbTaxTotalAmountInvoiceCurrency ne 1).
//
// Official quirk followed: without a VAT total in the invoice currency
// (BT-110), "for $BT110 in ()" returns nothing and the rule fails, whatever
// BT-109 and BT-112 are (the alternative for that case is never reached).
// A BT-111 in the invoice currency counts as a VAT total in the invoice
// currency; two of them fail.
func fxextCO15(c *checker) {
	inv := c.inv
	t := &inv.Totals
	vat, nb := t.VAT, 0
	if vat != nil {
		nb++
	}
	if t.VATInTaxCurrency != nil && inv.TaxCurrency == inv.Currency {
		if vat == nil {
			vat = t.VATInTaxCurrency
		}
		nb++
	}
	switch nb {
	case 0:
		c.fail("Totals.VAT", "no VAT total in the invoice currency")
		return
	case 1:
	default:
		c.fail("Totals.TaxInclusive", "two VAT totals in the invoice currency")
		return
	}
	n := fxextDetailCount(inv) + len(inv.Allowances) + len(inv.Charges)
	d := t.TaxInclusive.Sub(*vat).Sub(t.TaxExclusive)
	if d.Abs().GreaterThan(decimal.New(int64(n), -2)) {
		c.fail("Totals.TaxInclusive", "BT-112 - BT-110 - BT-109 = "+held(d)+", tolerance "+decimal.New(int64(n), -2).StringFixed(2))
	}
}

// fxextOne is BR-FXEXT-S-01, -Z-01, -E-01, -AE-01, -IC-01, -G-01, -O-01,
// -AF-01 and -AG-01 for category cat: either the category appears nowhere
// (VAT breakdown, line, document level allowance or charge, logistics
// service charge), or at least one VAT breakdown has it and a line,
// allowance or charge has it too. Unlike BR-Z-01 and its kin ("exactly
// one" breakdown), two breakdowns of a category pass; unlike BR-S-01, two
// lines without a breakdown fail.
//
// Official quirk followed: the norm's text takes the detail lines only,
// but the XPath puts the filter on the wrong node,
// //ram:SpecifiedLineTradeSettlement[not(ram:AssociatedDocumentLineDocument/
// ram:LineStatusReasonCode) or ...]: ram:SpecifiedLineTradeSettlement
// has no such child, so the filter holds for every line, and a GROUP or
// INFORMATION line counts as a detail line does.
func fxextOne(c *checker, cat einvoice.VATCategory) {
	lines, ac, bd := vatCount(c, cat)
	if (bd == 0 && lines == 0 && ac == 0) || (bd >= 1 && lines+ac > 0) {
		return
	}
	vatFailCount(c, cat, lines+ac, bd)
}

// Which of the clauses of BR-FXEXT-x-08b a rule asks for: the fatal
// x-08b asks for one of them, the warnings x-08ini and x-08rev each for
// its own.
const (
	fxextBoth = iota // x-08b: rev or ini
	fxextIni         // x-08ini: ini
	fxextRev         // x-08rev: rev
)

// fxextTaxable is BR-FXEXT-S08b, -Z-08b, -E-08b, -AE-08b, -IC-08b, -G-08b,
// -O-08b, -AF-08b and -AG-08b (fatal), and the warnings -08ini and -08rev
// of the same categories: for each VAT breakdown of category cat,
// |BT-116 - Σ BT-131 + Σ BT-92 - Σ BT-99 - Σ BT-X-272| <= 0.01 × the
// number of items summed, the items being the detail lines (fxextDetail),
// document level allowances and charges and logistics service charges of
// the category and of the breakdown's rate (any rate for O), each sum in
// xs:decimal rounded to 2 decimals. The test has two clauses: "ini" sums
// the items of the category and rate, "rev" only those whose VAT exemption
// reason text and code (normalised) equal the breakdown's.
//
// The model's lines, allowances and charges have no exemption reason (the
// EN 16931 terms are the breakdown's, BT-120 and BT-121), so "rev" is
// "ini" for a breakdown without exemption reason, and for one with a
// reason sums nothing: it then holds only for a taxable amount of 0.
//
// Official quirk followed: a breakdown without a rate (but of category O)
// fails all three, "for $rate in ()" returning nothing.
func fxextTaxable(c *checker, cat einvoice.VATCategory, which int) {
	var detail *einvoice.Invoice // the detail lines' invoice, when needed
	vatEachBreakdown(c, cat, func(k int, b *einvoice.VATBreakdown) {
		var rate *decimal.Decimal
		if cat != einvoice.VATNotSubject {
			if b.Rate == nil {
				c.fail(vatPath("VATBreakdown", k, "Rate"), "no rate")
				return
			}
			rate = b.Rate
		}
		if detail == nil {
			detail = fxextDetailInvoice(c.inv)
		}
		var want vatSum
		if detail == c.inv {
			want = vatTaxable(c, cat, rate) // the index's sums, of every line
		} else {
			want = vatExpectedTaxable(detail, cat, rate)
		}
		n := fxextCount(c.inv, cat, rate)
		ini := b.TaxableAmount.Sub(want.value()).Abs().LessThanOrEqual(decimal.New(int64(n), -2))
		rev := ini
		if normalizeSpace(b.ExemptionReason) != "" || normalizeSpace(string(b.ExemptionReasonCode)) != "" {
			rev = b.TaxableAmount.IsZero()
		}
		ok := ini || rev
		switch which {
		case fxextIni:
			ok = ini
		case fxextRev:
			ok = rev
		}
		if !ok {
			c.fail(vatPath("VATBreakdown", k, "TaxableAmount"), "taxable amount "+held(b.TaxableAmount)+", lines, allowances and charges give "+want.String()+", tolerance "+decimal.New(int64(n), -2).StringFixed(2))
		}
	})
}

// fxextCount is the number of detail lines, document level allowances and
// charges of category cat and of rate rate (any rate when nil).
func fxextCount(inv *einvoice.Invoice, cat einvoice.VATCategory, rate *decimal.Decimal) int {
	var key vatRateKey
	if rate != nil {
		key = vatKey(*rate)
	}
	n := 0
	for i := range inv.Lines {
		if l := &inv.Lines[i]; fxextDetail(l) && vatSelect(&l.VAT, cat, rate, key) {
			n++
		}
	}
	for i := range inv.Allowances {
		if vatSelect(&inv.Allowances[i].VAT, cat, rate, key) {
			n++
		}
	}
	for i := range inv.Charges {
		if vatSelect(&inv.Charges[i].VAT, cat, rate, key) {
			n++
		}
	}
	return n
}

// fxextS09b: for each VAT breakdown of category S, |BT-117 -
// round(BT-116 × BT-119 ÷ 100)| <= 0.01 × the number of detail lines,
// allowances and charges of category S at that rate (the larger count of the test's
// two clauses), in xs:decimal, rounding a half up. Unlike BR-S-09 (a
// difference below 1) the tolerance grows with the items, and is 0 for a
// breakdown that no item has. A breakdown without a rate fails.
func fxextS09b(c *checker) {
	vatEachBreakdown(c, einvoice.VATStandard, func(k int, b *einvoice.VATBreakdown) {
		if b.Rate == nil {
			c.fail(vatPath("VATBreakdown", k, "Rate"), "no rate")
			return
		}
		want := calcRound2(b.TaxableAmount.Mul(*b.Rate).Shift(-2))
		n := fxextCount(c.inv, einvoice.VATStandard, b.Rate)
		if b.TaxAmount.Sub(want).Abs().GreaterThan(decimal.New(int64(n), -2)) {
			c.fail(vatPath("VATBreakdown", k, "TaxAmount"), coDetail(b.TaxAmount, want)+", tolerance "+decimal.New(int64(n), -2).StringFixed(2))
		}
	})
}

// fxext06: BR-FXEXT-06, a line with a parent line (BT-X-304) has a subtype
// (BT-X-8), test normalize-space(ram:ParentLineID) = "" or
// (normalize-space(ram:ParentLineID) != "" and ram:LineStatusReasonCode !=
// ""): a subtype of white space passes (FX-SCH-A-000335 rejects it), a
// parent of white space needs none.
func fxext06(c *checker) {
	for i := range c.inv.Lines {
		if l := &c.inv.Lines[i]; l.Status == "" && !blank(l.ParentID) {
			c.fail(idx("Lines", i)+".Status", "parent line "+strconv.Quote(l.ParentID)+", no subtype")
		}
	}
}

// fxext08: BR-FXEXT-08, the net amount (BT-131) of each GROUP line equals
// the sum of the net amounts of its sub-lines of subtype DETAIL or GROUP,
// rounded: test every $item in lines[ram:LineStatusReasonCode = 'GROUP'
// and normalize-space(ram:LineTotalAmount) != ""] satisfies
// number(normalize-space($item's ram:LineTotalAmount)) = round(sum(for
// $child in lines[normalize-space(ram:ParentLineID) =
// normalize-space($item's ram:LineID) and (ram:LineStatusReasonCode =
// 'DETAIL' or ram:LineStatusReasonCode = 'GROUP')] return
// number(normalize-space($child's ram:LineTotalAmount))) * 100) div 100,
// in xs:double, adding in document order. The encoder writes every line's
// net amount.
//
// Official quirks followed: the sub-lines are those of subtype DETAIL or
// GROUP exactly, so a sub-line without subtype (which counts in the
// invoice's sums) is not in its group's, nor is an INFORMATION one; a
// GROUP line without such sub-lines must have a net amount of 0 (the sum
// of nothing); a GROUP line with a blank ID takes as sub-lines the DETAIL
// and GROUP lines without parent (itself too, when it has none). The
// assert is global but sits in the line context, so the judge reports it
// once per line when a group is off; it is reported here once per GROUP
// line that is off.
func fxext08(c *checker) {
	inv := c.inv
	if linesWhere(inv, fxextGroup) == 0 {
		return
	}
	// The sub-lines' sums, by their normalised parent id, in document
	// order.
	type sum struct {
		f float64
		n int
	}
	sums := map[string]*sum{}
	for i := range inv.Lines {
		l := &inv.Lines[i]
		if l.Status != einvoice.LineDetail && l.Status != einvoice.LineGroup {
			continue
		}
		p := normalizeSpace(l.ParentID)
		s := sums[p]
		if s == nil {
			s = &sum{}
			sums[p] = s
		}
		s.f += vatFloat(l.NetAmount)
		s.n++
	}
	for i := range inv.Lines {
		g := &inv.Lines[i]
		if !fxextGroup(g) {
			continue
		}
		want, n := 0.0, 0
		if s := sums[normalizeSpace(g.ID)]; s != nil {
			want, n = vatXPathRound(s.f*100)/100, s.n
		}
		if vatFloat(g.NetAmount) != want {
			c.fail(idx("Lines", i)+".NetAmount", "net amount "+held(g.NetAmount)+", its "+strconv.Itoa(n)+" DETAIL and GROUP sub-lines give "+fxFloat(want))
		}
	}
}

// fxextGroup reports whether l is a GROUP line, as BR-FXEXT-08 tests it:
// ram:LineStatusReasonCode = 'GROUP'.
func fxextGroup(l *einvoice.Line) bool { return l.Status == einvoice.LineGroup }

// fxext11: BR-FXEXT-11, a parent line (BT-X-304) is the ID (BT-126) of a
// line, test, for each line with normalize-space(ram:ParentLineID) != "",
// some $p in lines' ram:LineID satisfies normalize-space($p) =
// normalize-space(ram:ParentLineID). The line itself counts: a line may
// name itself as its parent.
func fxext11(c *checker) {
	inv := c.inv
	var ids map[string]bool // the lines' normalised ids, when needed
	for i := range inv.Lines {
		l := &inv.Lines[i]
		if blank(l.ParentID) {
			continue
		}
		if ids == nil {
			ids = make(map[string]bool, len(inv.Lines))
			for k := range inv.Lines {
				ids[normalizeSpace(inv.Lines[k].ID)] = true
			}
		}
		if !ids[normalizeSpace(l.ParentID)] {
			c.fail(idx("Lines", i)+".ParentID", "no line "+strconv.Quote(normalizeSpace(l.ParentID)))
		}
	}
}

// fxextBR23: BR-FXEXT-BR-23, BR-23 (the unitCode attribute of the
// quantity, BT-130) for the detail lines only: its context is
// ram:AssociatedDocumentLineDocument[not(ram:LineStatusReasonCode) or
// ram:LineStatusReasonCode = 'DETAIL'].
func fxextBR23(c *checker) {
	for i := range c.inv.Lines {
		if l := &c.inv.Lines[i]; fxextDetail(l) && l.Unit == "" {
			c.fail(idx("Lines", i)+".Unit", "")
		}
	}
}

// fxextCO04: BR-FXEXT-CO-04, a detail line has a VAT category code
// (BT-151), test (../ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/
// ram:TypeCode = 'VAT') and (...[upper-case(ram:TypeCode) = 'VAT']/
// ram:CategoryCode) in the context of BR-FXEXT-BR-23: a detail line
// without category fails, a GROUP or INFORMATION line needs none. This
// relies on the encoder leaving out ram:CategoryCode when the line has no
// category (the EXTENDED schema allows it; it writes ram:TypeCode VAT
// always): an empty ram:CategoryCode element would pass the official test.
// A category of white space is written and passes.
func fxextCO04(c *checker) {
	for i := range c.inv.Lines {
		if l := &c.inv.Lines[i]; fxextDetail(l) && l.VAT.Category == "" {
			c.fail(idx("Lines", i)+".VAT.Category", "")
		}
	}
}

// fxFloat formats an xs:double for a message.
func fxFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// fxext04 (a warning): an item attribute type code (BT-X-11,
// ItemAttribute.TypeCode), normalised, is one word of UNTDID 6313 or of
// the Factur-X extension of that list.
func fxext04(c *checker) {
	attributesCheck(c, func(a *einvoice.ItemAttribute) bool {
		if a.TypeCode == "" {
			return true
		}
		code := normalizeSpace(a.TypeCode)
		return !strings.Contains(code, " ") && strings.Contains(fxAttributeCodes, " "+code+" ")
	}, "TypeCode")
}

// fxAttributeCodes are the item attribute type codes BR-FXEXT-04 allows,
// each between spaces, as the official test lists them.
const fxAttributeCodes = " A AAA AAB AAC AAD AAF AAG AAH AAI AAJ AAK AAM AAN AAO AAP AAQ AAR AAS AAT AAU AAV AAW AAX AAY AAZ ABA ABB ABC ABD ABE ABF ABG ABH ABI ABJ ABK ABL ABM ABN ABO ABP ABS ABT ABX ABY ABZ ACA ACE ACG ACN ACP ACS ACV ACW ACX ADR ADS ADT ADU ADV ADW ADX ADY ADZ AEA AEB AEC AED AEE AEF AEG AEH AEI AEJ AEK AEL AEM AEN AEO AEP AEQ AER AES AET AEU AEV AEW AEX AEY AEZ AF AFA AFB AFC AFD AFE AFF AFG AFH AFI AFJ AFK AFL AFM AFN AFO AFP AFQ AFR AFS AFT AFU AFV AFW AFX B BL BMY BMZ BNA BNB BNC BND BNE BNF BNG BNH BNI BNJ BNK BNL BNM BNN BNO BNP BNQ BNR BNS BNT BNU BNV BNW BNX BNY BNZ BR BRA BRB BRC BRD BRE BRF BRG BRH BRI BRJ BRK BRL BRM BRN BRO BRP BRQ BRR BRS BRT BRU BRV BS BSW BSX BSY BSZ BTA BTB BTC BTD BTE BTF BTG BTH BTI BTJ BTK BTL BTM BW CHN CHO CM CT CV CZ D DI DL DN DP DR DS DW E EA F FI FL FN FV GG GW HF HM HT IB ID L LM LN LND M MO MW N OD PRS PTN RA RF RJ RMW RP RUN RY SQ T TC TH TN TT VGM VH VW WA WD WM WU XH XQ XZ YS ZAL ZAS ZB ZBI ZC ZCA ZCB ZCE ZCL ZCO ZCR ZCU ZFE ZFS ZGE ZH ZK ZMG ZMN ZMO ZN ZNA ZNB ZNI ZO ZP ZPB ZS ZSB ZSE ZSI ZSL ZSN ZTA ZTE ZTI ZV ZW ZWA ZZN ZZR ZZZ BEST_BEFORE_DATE COLOR_TEXT COMMISSION DEPOSIT_SYSTEM DEPOSIT_TYPE ENERGY_CLASS EXPIRATION_DATE FEE KIND_OF_ARTICLE MATERIAL METER_LOCATION METER_NUMBER ORGANIC_CONTROL_BODY PACKAGING_MATERIAL PACKAGING_TYPE PROMOTIONAL_VARIANT SEAL_NUMBER SIZE_CODE SIZE_TEXT TRADING_UNIT WASTE_CODE WASTE_FRACTION WEEE_NUMBER "
