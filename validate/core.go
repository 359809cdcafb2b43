package validate

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/einvoice-go/einvoice"
)

// coreRules lists the rules of this family, in the order they run.
//
// The core rules BR-01 .. BR-65 of EN 16931 1.3.16, as the official CII
// schematron tests them. The ids BR-34, BR-35, BR-39, BR-40 and BR-58 ..
// BR-60 do not exist in 1.3.16.
//
// A rule is checked on the model by evaluating the official test on the CII
// the encoder writes for it (which the decoder reads back as the same
// model). Some rules can then never fire, and are left out:
//
//   - the model gives a 1..1 group or figure a value type, present by
//     construction, and the encoder always writes it: BR-08, BR-10, BR-19
//     (postal addresses BG-5, BG-8, BG-12), BR-12 .. BR-15 (totals BT-106,
//     BT-109, BT-112, BT-115), BR-22, BR-24, BR-26 (a line's quantity, net
//     amount and net price), BR-31, BR-36, BR-41, BR-43 (allowance and
//     charge amounts), BR-45, BR-46 (VAT breakdown amounts);
//   - the official test is the presence of an element that the encoder
//     writes even when the model's value is empty, and the official rule
//     then accepts it: BR-32, BR-37, BR-47 (VAT category codes BT-95,
//     BT-102, BT-118: BR-CL-17 and BR-CL-18 reject an empty code), BR-49
//     (payment means code BT-81: BR-CL-16), BR-54 on the item attribute
//     name (BT-160) and, in CII below EXTENDED, value (BT-161), and BR-61 (an empty ram:ProprietaryID is
//     present; BR-50 reports the empty account identifier BT-84).
//
// Where the official test is the presence of an element the encoder leaves
// out when empty (ram:Reason, the unitCode attribute, ...), an empty value of
// the model is absent.
var coreRules = []rule{
	{"BR-01", br01},
	{"BR-02", br02},
	{"BR-03", br03},
	{"BR-04", br04},
	{"BR-05", br05},
	{"BR-06", br06},
	{"BR-07", br07},
	{"BR-09", br09},
	{"BR-11", br11},
	{"BR-16", br16},
	{"BR-17", br17},
	{"BR-18", br18},
	{"BR-20", br20},
	{"BR-21", br21},
	{"BR-23", br23},
	{"BR-25", br25},
	{"BR-27", br27},
	{"BR-28", br28},
	{"BR-29", br29},
	{"BR-30", br30},
	{"BR-33", br33},
	{"BR-38", br38},
	{"BR-42", br42},
	{"BR-44", br44},
	{"BR-48", br48},
	{"BR-50", br50},
	{"BR-51", br51},
	{"BR-52", br52},
	{"BR-53", br53},
	{"BR-54", br54},
	{"BR-55", br55},
	{"BR-56", br56},
	{"BR-57", br57},
	{"BR-62", br62},
	{"BR-63", br63},
	{"BR-64", br64},
	{"BR-65", br65},
}

// xmlSpace reports whether r is white space as XML and XPath's
// normalize-space see it.
func xmlSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// blank reports whether normalize-space(s) is "", the official test of a
// mandatory text.
func blank[S ~string](s S) bool { return strings.TrimFunc(string(s), xmlSpace) == "" }

// normalizeSpace is XPath's normalize-space: s trimmed, with each run of
// white space inside made one space.
func normalizeSpace(s string) string {
	if t := strings.TrimFunc(s, xmlSpace); strings.IndexFunc(t, xmlSpace) < 0 {
		return t // nothing inside to join: no allocation
	}
	return strings.Join(strings.FieldsFunc(s, xmlSpace), " ")
}

// idx formats a model path with an index: idx("Lines", 2) is "Lines[2]".
func idx(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// br01: an Invoice shall have a Specification identifier (BT-24). The
// encoders write the EN 16931 identifier when BT-24 is empty, but a decoded
// file without one has none, and the official rule rejects that file.
func br01(c *checker) {
	if blank(c.inv.Process.Specification) {
		c.fail("Process.Specification", "")
	}
}

// br02: an Invoice shall have an Invoice number (BT-1).
func br02(c *checker) {
	if blank(c.inv.Number) {
		c.fail("Number", "")
	}
}

// br03: an Invoice shall have an Invoice issue date (BT-2).
func br03(c *checker) {
	if c.inv.IssueDate.IsZero() {
		c.fail("IssueDate", "")
	}
}

// br04: an Invoice shall have an Invoice type code (BT-3).
func br04(c *checker) {
	if blank(c.inv.TypeCode) {
		c.fail("TypeCode", "")
	}
}

// br05: an Invoice shall have an Invoice currency code (BT-5).
func br05(c *checker) {
	if blank(c.inv.Currency) {
		c.fail("Currency", "")
	}
}

// br06: an Invoice shall contain the Seller name (BT-27).
func br06(c *checker) {
	if blank(c.inv.Seller.Name) {
		c.fail("Seller.Name", "")
	}
}

// br07: an Invoice shall contain the Buyer name (BT-44).
func br07(c *checker) {
	if blank(c.inv.Buyer.Name) {
		c.fail("Buyer.Name", "")
	}
}

// br09: the Seller postal address (BG-5) shall contain a Seller country code
// (BT-40).
func br09(c *checker) {
	if blank(c.inv.Seller.Address.Country) {
		c.fail("Seller.Address.Country", "")
	}
}

// br11: the Buyer postal address (BG-8) shall contain a Buyer country code
// (BT-55).
func br11(c *checker) {
	if blank(c.inv.Buyer.Address.Country) {
		c.fail("Buyer.Address.Country", "")
	}
}

// br16: an Invoice shall have at least one Invoice line (BG-25).
func br16(c *checker) {
	if len(c.inv.Lines) == 0 {
		c.fail("Lines", "")
	}
}

// br17: the Payee name (BT-59) shall be provided if the Payee (BG-10) is
// different from the Seller (BG-4).
//
// The official CII rule asks something else than the text: that the payee's
// ram:Name be present (the encoder always writes it, even empty) and that
// the payee's name, identifier and legal registration identifier each
// differ from the seller's. It compares them as exact strings, and compares
// only the identifiers CII writes as ram:ID, those without a scheme (one
// with a scheme is a ram:GlobalID, which the rule does not compare). The
// UBL rule compares the payee name with the seller's trading name instead;
// that variant is not written yet: for UBL too this follows CII.
func br17(c *checker) {
	p := c.inv.Payee
	if p == nil {
		return
	}
	s := &c.inv.Seller
	switch {
	case p.Name == s.Name:
		c.fail("Payee.Name", "the seller's name")
	case p.Identifier.Value != "" && p.Identifier.Scheme == "" && sellerHasPlainID(s, p.Identifier.Value):
		c.fail("Payee.Identifier", "a seller identifier")
	case !p.LegalRegistration.IsZero() && !s.LegalRegistration.IsZero() && p.LegalRegistration.Value == s.LegalRegistration.Value:
		c.fail("Payee.LegalRegistration", "the seller's legal registration identifier")
	}
}

// sellerHasPlainID reports whether the seller has an identifier without a
// scheme whose value is v.
func sellerHasPlainID(s *einvoice.Seller, v string) bool {
	for _, id := range s.Identifiers {
		if id.Scheme == "" && id.Value == v {
			return true
		}
	}
	return false
}

// br18: the Seller tax representative name (BT-62) shall be provided if the
// Seller has a tax representative party (BG-11).
func br18(c *checker) {
	if tr := c.inv.TaxRepresentative; tr != nil && blank(tr.Name) {
		c.fail("TaxRepresentative.Name", "")
	}
}

// br20: the Seller tax representative postal address (BG-12) shall contain a
// Tax representative country code (BT-69).
func br20(c *checker) {
	if tr := c.inv.TaxRepresentative; tr != nil && blank(tr.Address.Country) {
		c.fail("TaxRepresentative.Address.Country", "")
	}
}

// br21: each Invoice line (BG-25) shall have an Invoice line identifier
// (BT-126).
func br21(c *checker) {
	for i := range c.inv.Lines {
		if blank(c.inv.Lines[i].ID) {
			c.fail(idx("Lines", i)+".ID", "")
		}
	}
}

// br23: an Invoice line (BG-25) shall have an Invoiced quantity unit of
// measure code (BT-130). The official test is the presence of the unitCode
// attribute.
func br23(c *checker) {
	for i := range c.inv.Lines {
		if c.inv.Lines[i].Unit == "" {
			c.fail(idx("Lines", i)+".Unit", "")
		}
	}
}

// br25: each Invoice line (BG-25) shall contain the Item name (BT-153).
func br25(c *checker) {
	for i := range c.inv.Lines {
		if blank(c.inv.Lines[i].Item.Name) {
			c.fail(idx("Lines", i)+".Item.Name", "")
		}
	}
}

// br27: the Item net price (BT-146) shall not be negative.
func br27(c *checker) {
	for i := range c.inv.Lines {
		if p := c.inv.Lines[i].Price.Net; p.IsNegative() {
			c.fail(idx("Lines", i)+".Price.Net", held(p))
		}
	}
}

// br28: the Item gross price (BT-148) shall not be negative.
func br28(c *checker) {
	for i := range c.inv.Lines {
		if g := c.inv.Lines[i].Price.Gross; g != nil && g.IsNegative() {
			c.fail(idx("Lines", i)+".Price.Gross", held(*g))
		}
	}
}

// periodReversed reports whether p has both dates and ends before it starts.
func periodReversed(p *einvoice.Period) bool {
	return p != nil && !p.Start.IsZero() && !p.End.IsZero() && p.End.Before(p.Start)
}

// br29: if both Invoicing period start date (BT-73) and end date (BT-74) are
// given, the end date shall be later or equal to the start date.
func br29(c *checker) {
	if p := c.inv.InvoicingPeriod; periodReversed(p) {
		c.fail("InvoicingPeriod.End", p.Start.String()+" to "+p.End.String())
	}
}

// br30: if both Invoice line period start date (BT-134) and end date
// (BT-135) are given, the end date shall be later or equal to the start
// date.
func br30(c *checker) {
	for i := range c.inv.Lines {
		if p := c.inv.Lines[i].Period; periodReversed(p) {
			c.fail(idx("Lines", i)+".Period.End", p.Start.String()+" to "+p.End.String())
		}
	}
}

// br33: each Document level allowance (BG-20) shall have a reason (BT-97) or
// a reason code (BT-98).
func br33(c *checker) {
	for i := range c.inv.Allowances {
		if a := &c.inv.Allowances[i]; a.Reason == "" && a.ReasonCode == "" {
			c.fail(idx("Allowances", i)+".Reason", "")
		}
	}
}

// br38: each Document level charge (BG-21) shall have a reason (BT-104) or a
// reason code (BT-105).
func br38(c *checker) {
	for i := range c.inv.Charges {
		if ch := &c.inv.Charges[i]; ch.Reason == "" && ch.ReasonCode == "" {
			c.fail(idx("Charges", i)+".Reason", "")
		}
	}
}

// br42: each Invoice line allowance (BG-27) shall have a reason (BT-139) or a
// reason code (BT-140).
func br42(c *checker) {
	for i := range c.inv.Lines {
		for j := range c.inv.Lines[i].Allowances {
			if a := &c.inv.Lines[i].Allowances[j]; a.Reason == "" && a.ReasonCode == "" {
				c.fail(idx(idx("Lines", i)+".Allowances", j)+".Reason", "")
			}
		}
	}
}

// br44: each Invoice line charge (BG-28) shall have a reason (BT-144) or a
// reason code (BT-145).
func br44(c *checker) {
	for i := range c.inv.Lines {
		for j := range c.inv.Lines[i].Charges {
			if ch := &c.inv.Lines[i].Charges[j]; ch.Reason == "" && ch.ReasonCode == "" {
				c.fail(idx(idx("Lines", i)+".Charges", j)+".Reason", "")
			}
		}
	}
}

// br48: each VAT breakdown (BG-23) shall have a VAT category rate (BT-119),
// except if the Invoice is not subject to VAT. The official test exempts
// exactly the category code "O".
func br48(c *checker) {
	for i := range c.inv.VATBreakdown {
		if b := &c.inv.VATBreakdown[i]; b.Rate == nil && b.Category != "O" {
			c.fail(idx("VATBreakdown", i)+".Rate", "")
		}
	}
}

// creditTransferCode reports whether the official rules on credit
// transfer accounts apply to the payment means code: the CII rules look at
// the accounts of the payment means 30 and 58 only, compared exactly.
func creditTransferCode(code einvoice.PaymentMeansCode) bool {
	return code == "30" || code == "58"
}

// br50: a Payment account identifier (BT-84) shall be present if Credit
// transfer (BG-17) information is provided. The official CII rule looks only
// at the accounts of the payment means 30 and 58; it runs on each account,
// so it does not fire when such payment means have none (the UBL form of
// the related BR-61 does).
func br50(c *checker) {
	p := c.inv.Payment
	if p == nil || !creditTransferCode(p.MeansCode) {
		return
	}
	for i := range p.CreditTransfers {
		if blank(p.CreditTransfers[i].AccountID) {
			c.fail(idx("Payment.CreditTransfers", i)+".AccountID", "")
		}
	}
}

// br51: an invoice should never include a full card primary account number
// (BT-87): at most 10 characters, white space normalised.
func br51(c *checker) {
	p := c.inv.Payment
	if p == nil || p.Card == nil {
		return
	}
	if n := utf8.RuneCountInString(normalizeSpace(p.Card.PrimaryAccountNumber)); n > 10 {
		c.fail("Payment.Card.PrimaryAccountNumber", strconv.Itoa(n)+" characters")
	}
}

// br52: each Additional supporting document (BG-24) shall contain a
// Supporting document reference (BT-122).
//
// The official rules test every element the syntax's supporting documents
// share with other terms: the invoiced object identifier (BT-18) is one
// too, in CII and in UBL, and in CII so is each line object identifier
// (BT-128); a blank one breaks the rule.
func br52(c *checker) {
	for i := range c.inv.Attachments {
		if blank(c.inv.Attachments[i].ID) {
			c.fail(idx("Attachments", i)+".ID", "")
		}
	}
	if o := c.inv.InvoicedObject; !o.IsZero() && blank(o.Value) {
		c.fail("InvoicedObject.Value", "")
	}
	if c.syntax == UBL {
		return
	}
	for i := range c.inv.Lines {
		if o := c.inv.Lines[i].Object; !o.IsZero() && blank(o.Value) {
			c.fail(idx("Lines", i)+".Object.Value", "")
		}
	}
}

// br53: if the VAT accounting currency code (BT-6) is present, the Invoice
// total VAT amount in accounting currency (BT-111) shall be provided.
//
// The official CII rule also rejects a VAT accounting currency equal to the
// invoice currency (BT-5), even with BT-111 present; the UBL rule accepts
// it (its variant is in ubl.go).
func br53(c *checker) {
	if c.syntax == UBL {
		ublBR53(c)
		return
	}
	inv := c.inv
	switch {
	case inv.TaxCurrency == "":
	case inv.TaxCurrency == inv.Currency:
		c.fail("TaxCurrency", "equal to the invoice currency")
	case inv.Totals.VATInTaxCurrency == nil:
		c.fail("Totals.VATInTaxCurrency", "")
	}
}

// br54: an item attribute has a name (BT-160) and a value (BT-161). The
// official tests are (ram:Description) and (ram:Value) in CII,
// exists(cbc:Name) and exists(cbc:Value) in UBL: the presence of the
// elements. The UBL encoder writes the name always and the value when not
// empty; the CII encoder, in the EXTENDED profiles, each when not empty
// (an attribute may be given by its type code and measure only), and
// below both always, as their XSDs require.
func br54(c *checker) {
	ext := c.extendedCII()
	if c.syntax == CII && !ext {
		return
	}
	attributesCheck(c, func(a *einvoice.ItemAttribute) bool { return a.Value != "" && (a.Name != "" || !ext) }, "Value")
}

// extendedCII reports whether the invoice is judged as the CII of an
// EXTENDED profile (BT-24 names one), where the encoder leaves out an
// empty item attribute name or value and an empty line VAT category,
// which the XSDs of the other profiles require and it writes empty.
func (c *checker) extendedCII() bool {
	if c.syntax != CII {
		return false
	}
	switch einvoice.FacturXProfile(c.inv.Process.Specification) {
	case "extended", "extended-ctc-fr":
		return true
	}
	return false
}

// br55: each Preceding Invoice reference (BG-3) shall contain a Preceding
// Invoice reference (BT-25).
func br55(c *checker) {
	if c.syntax == UBL {
		ublBR55(c)
		return
	}
	for i := range c.inv.PrecedingInvoices {
		if blank(c.inv.PrecedingInvoices[i].Number) {
			c.fail(idx("PrecedingInvoices", i)+".Number", "")
		}
	}
}

// br56: each Seller tax representative party (BG-11) shall have a Seller tax
// representative VAT identifier (BT-63).
func br56(c *checker) {
	if tr := c.inv.TaxRepresentative; tr != nil && blank(tr.VATID) {
		c.fail("TaxRepresentative.VATID", "")
	}
}

// br57: each Deliver to address (BG-15) shall contain a Deliver to country
// code (BT-80).
func br57(c *checker) {
	if d := c.inv.Delivery; d != nil && d.Address != nil && blank(d.Address.Country) {
		c.fail("Delivery.Address.Country", "")
	}
}

// br62: the Seller electronic address (BT-34) shall have a Scheme identifier.
func br62(c *checker) {
	if a := c.inv.Seller.ElectronicAddress; !a.IsZero() && blank(a.Scheme) {
		c.fail("Seller.ElectronicAddress.Scheme", "")
	}
}

// br63: the Buyer electronic address (BT-49) shall have a Scheme identifier.
func br63(c *checker) {
	if a := c.inv.Buyer.ElectronicAddress; !a.IsZero() && blank(a.Scheme) {
		c.fail("Buyer.ElectronicAddress.Scheme", "")
	}
}

// br64: the Item standard identifier (BT-157) shall have a Scheme
// identifier.
func br64(c *checker) {
	for i := range c.inv.Lines {
		if id := c.inv.Lines[i].Item.StandardID; !id.IsZero() && blank(id.Scheme) {
			c.fail(idx("Lines", i)+".Item.StandardID.Scheme", "")
		}
	}
}

// br65: the Item classification identifier (BT-158) shall have a Scheme
// identifier.
func br65(c *checker) {
	for i := range c.inv.Lines {
		for j, cl := range c.inv.Lines[i].Item.Classifications {
			if blank(cl.Scheme) {
				c.fail(idx(idx("Lines", i)+".Item.Classifications", j)+".Scheme", "")
			}
		}
	}
}
