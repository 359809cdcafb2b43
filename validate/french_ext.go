package validate

import (
	"math"
	"strconv"
	"strings"

	"github.com/einvoice-go/einvoice"
)

// The French rules on the EXTENDED terms of the reform (EXT-FR-FE): the
// other parties, the lines' preceding invoices and deliveries, the item
// attribute codes and measures, and the sub-invoices of multi-vendor
// (B8, S8, M8) and bidirectional (B9, S9, M9) invoices. The CII encoder
// writes these terms in the EXTENDED profiles only and the UBL encoder
// refuses them, so these rules have CII ids only.

// frParty is a party of the EXTENDED profile, as the French rules name it.
type frParty struct {
	path string // the model path: "BuyerAgent"
	get  func(*einvoice.Invoice) *einvoice.Party
}

var (
	frBuyerAgent = frParty{"BuyerAgent", func(inv *einvoice.Invoice) *einvoice.Party { return inv.BuyerAgent }}
	frPayer      = frParty{"Payer", func(inv *einvoice.Invoice) *einvoice.Party { return inv.Payer }}
	frSalesAgent = frParty{"SalesAgent", func(inv *einvoice.Invoice) *einvoice.Party { return inv.SalesAgent }}
	frInvoicee   = frParty{"Invoicee", func(inv *einvoice.Invoice) *einvoice.Party { return inv.Invoicee }}
	frInvoicer   = frParty{"Invoicer", func(inv *einvoice.Invoice) *einvoice.Party { return inv.Invoicer }}
)

// siret is BR-FR-09 on the party's first SIRET (scheme 0009): 14 digits
// starting with its SIREN, taken from the SIRET itself when the party has
// no legal registration of scheme 0002, as the official test does.
func (fp frParty) siret(c *checker) {
	p := fp.get(c.inv)
	if p == nil {
		return
	}
	for i := range p.Identifiers {
		if p.Identifiers[i].Scheme == einvoice.ICDSIRET {
			frSIRET(c, vatPath(fp.path+".Identifiers", i, "Value"), p.Identifiers[i], p.LegalRegistration)
			return
		}
	}
}

// address is BR-FR-23 (format, length false) or BR-FR-25 (length) on the
// party's electronic address.
func (fp frParty) address(c *checker, length bool) {
	if p := fp.get(c.inv); p != nil {
		frAddressRule(c, fp.path+".ElectronicAddress", p.ElectronicAddress, length)
	}
}

// schemesOnce is BR-FR-CO-10 (-2) on the party's identifiers.
func (fp frParty) schemesOnce(c *checker) {
	if p := fp.get(c.inv); p != nil {
		frSchemesOnce(c, fp.path+".Identifiers", p.Identifiers)
	}
}

// frAddressRule is BR-FR-23 or, with length, BR-FR-25.
func frAddressRule(c *checker, path string, a einvoice.ElectronicAddress, length bool) {
	if length {
		frAddressLength(c, path, a)
	} else {
		frAddressFormat(c, path, a)
	}
}

// frPayeeAddress is BR-FR-23 or BR-FR-25 on the payee's electronic
// address (EXT-FR-FE-29).
func frPayeeAddress(c *checker, length bool) {
	if p := c.inv.Payee; p != nil {
		frAddressRule(c, "Payee.ElectronicAddress", p.ElectronicAddress, length)
	}
}

// frExtRules are the French rules on the EXTENDED terms. BR-FR-CO-10
// (-1) on the new parties cannot fire in CII (see French).
var frExtRules = []rule{
	{"BR-FR-01_EXT-FR-FE-136", func(c *checker) { frLinePrecedingNumbers(c, frIDLengthOK) }},
	{"BR-FR-02_EXT-FR-FE-136", func(c *checker) { frLinePrecedingNumbers(c, frIDOK) }},
	{"BR-FR-03_EXT-FR-FE-138", func(c *checker) {
		for i := range c.inv.Lines {
			if p := c.inv.Lines[i].PrecedingInvoice; p != nil && !frDateOK(p.IssueDate) {
				c.fail(vatPath("Lines", i, "PrecedingInvoice.IssueDate"), p.IssueDate.String())
				return
			}
		}
	}},
	{"BR-FR-03_EXT-FR-FE-158", func(c *checker) {
		for i := range c.inv.Lines {
			if d := c.inv.Lines[i].Delivery; d != nil && !frDateOK(d.Date) {
				c.fail(vatPath("Lines", i, "Delivery.Date"), d.Date.String())
				return
			}
		}
	}},
	{"BR-FR-04_EXT-FR-FE-02", func(c *checker) {
		for i := range c.inv.PrecedingInvoices {
			if t := c.inv.PrecedingInvoices[i].TypeCode; t != "" && !frDocumentType(t) {
				c.fail(vatPath("PrecedingInvoices", i, "TypeCode"), strconv.Quote(string(t)))
				return
			}
		}
	}},
	{"BR-FR-04_EXT-FR-FE-137", func(c *checker) {
		for i := range c.inv.Lines {
			if p := c.inv.Lines[i].PrecedingInvoice; p != nil && p.TypeCode != "" && !frDocumentType(p.TypeCode) {
				c.fail(vatPath("Lines", i, "PrecedingInvoice.TypeCode"), strconv.Quote(string(p.TypeCode)))
				return
			}
		}
	}},
	{"BR-FR-09_EXT-FR-FE-06", frBuyerAgent.siret},
	{"BR-FR-09_EXT-FR-FE-46", frPayer.siret},
	{"BR-FR-09_EXT-FR-FE-69", frSalesAgent.siret},
	{"BR-FR-09_EXT-FR-FE-92", frInvoicee.siret},
	{"BR-FR-09_EXT-FR-FE-115", frInvoicer.siret},
	{"BR-FR-09_EXT-FR-FE-146", func(c *checker) {
		for i := range c.inv.Lines {
			// A line's ship-to location has no SIREN of its own: only
			// the SIRET's 14 digits are checked (see frSIRET).
			if d := c.inv.Lines[i].Delivery; d != nil && d.LocationID.Scheme == einvoice.ICDSIRET && !allDigits(d.LocationID.Value, 14) {
				frSIRET(c, vatPath("Lines", i, "Delivery.LocationID"), d.LocationID, einvoice.ID{})
				return
			}
		}
	}},
	{"BR-FR-23_EXT-FR-FE-12", func(c *checker) { frBuyerAgent.address(c, false) }},
	{"BR-FR-23_EXT-FR-FE-29", func(c *checker) { frPayeeAddress(c, false) }},
	{"BR-FR-23_EXT-FR-FE-52", func(c *checker) { frPayer.address(c, false) }},
	{"BR-FR-23_EXT-FR-FE-75", func(c *checker) { frSalesAgent.address(c, false) }},
	{"BR-FR-23_EXT-FR-FE-98", func(c *checker) { frInvoicee.address(c, false) }},
	{"BR-FR-23_EXT-FR-FE-121", func(c *checker) { frInvoicer.address(c, false) }},
	{"BR-FR-25_EXT-FR-FE-12", func(c *checker) { frBuyerAgent.address(c, true) }},
	{"BR-FR-25_EXT-FR-FE-29", func(c *checker) { frPayeeAddress(c, true) }},
	{"BR-FR-25_EXT-FR-FE-52", func(c *checker) { frPayer.address(c, true) }},
	{"BR-FR-25_EXT-FR-FE-75", func(c *checker) { frSalesAgent.address(c, true) }},
	{"BR-FR-25_EXT-FR-FE-98", func(c *checker) { frInvoicee.address(c, true) }},
	{"BR-FR-25_EXT-FR-FE-121", func(c *checker) { frInvoicer.address(c, true) }},
	{"BR-FR-27_EXT-FR-FE-159", func(c *checker) {
		attributesCheck(c, func(a *einvoice.ItemAttribute) bool { return a.TypeCode == "" || !blank(a.TypeCode) }, "TypeCode")
	}},
	{"BR-FR-27_BG-32", func(c *checker) {
		if c.extendedCII() {
			attributesCheck(c, attributeNamedOK, "Name")
		}
	}},
	{"BR-FR-28-Value", func(c *checker) { attributesCheck(c, attributeValueOK, "Value") }},
	{"BR-FR-CO-10_EXT-FR-FE-06-2", frBuyerAgent.schemesOnce},
	{"BR-FR-CO-10_EXT-FR-FE-46-2", frPayer.schemesOnce},
	{"BR-FR-CO-10_EXT-FR-FE-69-2", frSalesAgent.schemesOnce},
	{"BR-FR-CO-10_EXT-FR-FE-92-2", frInvoicee.schemesOnce},
	{"BR-FR-CO-10_EXT-FR-FE-115-2", frInvoicer.schemesOnce},
}

// frLinePrecedingNumbers checks the lines' preceding invoice numbers
// (EXT-FR-FE-136) with ok: BR-FR-01 or BR-FR-02.
func frLinePrecedingNumbers(c *checker, ok func(string) bool) {
	for i := range c.inv.Lines {
		if p := c.inv.Lines[i].PrecedingInvoice; p != nil && p.Number != "" && !ok(p.Number) {
			c.fail(vatPath("Lines", i, "PrecedingInvoice.Number"), strconv.Quote(p.Number))
			return
		}
	}
}

// attributeNamedOK is BR-FR-27_BG-32 and BR-FXEXT-BR-54-1 in the CII of
// EXTENDED, which leaves an empty name out: an item attribute has a name
// (ram:Description) or a type code (ram:TypeCode).
func attributeNamedOK(a *einvoice.ItemAttribute) bool { return a.Name != "" || a.TypeCode != "" }

// attributeValueOK is BR-FR-28 and BR-FXEXT-BR-54-2: an item attribute
// has a value (ram:Value, written when not empty) or a measure with its
// unit (ram:ValueMeasure/@unitCode), not both.
func attributeValueOK(a *einvoice.ItemAttribute) bool {
	if a.Value != "" {
		return a.Measure == nil
	}
	return a.Measure != nil && a.Measure.Unit != ""
}

// attributesCheck fails the running rule at the first item attribute
// that is not ok.
func attributesCheck(c *checker, ok func(*einvoice.ItemAttribute) bool, field string) {
	for i := range c.inv.Lines {
		attrs := c.inv.Lines[i].Item.Attributes
		for j := range attrs {
			if !ok(&attrs[j]) {
				c.fail(vatPath("Lines", i, "Item.Attributes["+strconv.Itoa(j)+"]."+field), "")
				return
			}
		}
	}
}

// The rules on the sub-invoices of a multi-vendor (B8, S8, M8) or
// bidirectional (B9, S9, M9) invoice: a group line without parent (a top
// group) per sub-invoice, naming its seller (Line.Seller), its invoice
// number (a line object identifier of scheme AFL), its VAT and total;
// the lines below it name it as their parent.
//
// A valid multi-vendor invoice cannot be written yet: BR-FR-MV-08 wants
// each detail line's VAT exemption reason (BT-X-96 of Factur-X) to start
// with its sub-invoice number between #, and BR-FR-MV-09 a VAT breakdown
// per sub-invoice, which the model (one breakdown per category and rate,
// no line exemption reason) does not hold. The rules give the official
// verdict on what the encoder writes.
var frSubInvoiceRules = []rule{
	{"BR-FR-MV-01_EXT-FR-FE-163", func(c *checker) {
		if frMultiVendor(c.inv) == 0 {
			return
		}
		for i := range c.inv.Lines {
			if s := c.inv.Lines[i].Status; s != "" && blank(s) {
				c.fail(vatPath("Lines", i, "Status"), strconv.Quote(string(s)))
				return
			}
		}
	}},
	{"BR-FR-MV-02_EXT-FR-FE-163", func(c *checker) {
		if frMultiVendor(c.inv) == 'M' && frTopGroups(c.inv) == 0 {
			c.fail("Lines", "no group line without parent")
		}
	}},
	{"BR-FR-BD-02_EXT-FR-FE-163", func(c *checker) {
		if n := frTopGroups(c.inv); frMultiVendor(c.inv) == 'B' && n != 2 {
			c.fail("Lines", strconv.Itoa(n)+" group lines without parent")
		}
	}},
	{"BR-FR-BD-02_BT-31", func(c *checker) { frBidirectionalParty(c, c.inv.Seller.LegalRegistration, "seller") }},
	{"BR-FR-BD-02_BT-47", func(c *checker) { frBidirectionalParty(c, c.inv.Buyer.LegalRegistration, "buyer") }},
	{"BR-FR-MV-03_EXT-FR-FE-164", func(c *checker) {
		frTopGroupCheck(c, "Seller.Name", func(l *einvoice.Line) bool { return l.Seller != nil && !blank(l.Seller.Name) })
	}},
	{"BR-FR-MV-03_EXT-FR-FE-167", func(c *checker) {
		frTopGroupCheck(c, "Seller.LegalRegistration", func(l *einvoice.Line) bool { return frLineSellerLegal(l) != "" })
	}},
	{"BR-FR-MV-03_EXT-FR-FE-177", func(c *checker) {
		frTopGroupCheck(c, "Seller.Address.Country", func(l *einvoice.Line) bool {
			return l.Seller != nil && l.Seller.Address != nil && !blank(l.Seller.Address.Country)
		})
	}},
	{"BR-FR-MV-03_EXT-FR-FE-181", func(c *checker) {
		frTopGroupCheck(c, "VATTotal", func(l *einvoice.Line) bool { return l.VATTotal != nil })
	}},
	{"BR-FR-MV-03_EXT-FR-FE-182", func(c *checker) {
		tc := c.inv.TaxCurrency
		if tc == "" {
			return
		}
		frTopGroupCheck(c, "VATTotalInTaxCurrency", func(l *einvoice.Line) bool {
			// In the currency of the invoice, the VAT total in the
			// invoice currency is also the one in the accounting currency.
			return l.VATTotalInTaxCurrency != nil || (tc == c.inv.Currency && l.VATTotal != nil)
		})
	}},
	{"BR-FR-MV-03_BT-128_AFL", func(c *checker) {
		frTopGroupCheck(c, "Object.Value", func(l *einvoice.Line) bool { return l.Object.Scheme != "AFL" || !blank(l.Object.Value) })
	}},
	{"BR-FR-MV-03_BT-128_AVV", func(c *checker) {
		frTopGroupCheck(c, "Object.Value", func(l *einvoice.Line) bool {
			if l.Object.Scheme != "AVV" {
				return true
			}
			switch l.Object.Value {
			case "M8", "S8", "B8":
				return false
			}
			return !blank(l.Object.Value)
		})
	}},
	{"BR-FR-MV-05_EXT-FR-FE-BG-12", func(c *checker) {
		frTopGroupCheck(c, "NetAmount", func(g *einvoice.Line) bool {
			id := normalizeSpace(g.ID)
			sum, n := 0.0, 0
			for i := range c.inv.Lines {
				// A child without a subtype does not count: the official
				// test compares its absent subtype with INFORMATION.
				if l := &c.inv.Lines[i]; l.ParentID == id && l.Status != "" && l.Status != einvoice.LineInformation {
					sum += l.NetAmount.InexactFloat64()
					n++
				}
			}
			return frWithin(g.NetAmount.InexactFloat64()-sum, n)
		})
	}},
	{"BR-FR-MV-06_EXT-FR-FE-167", func(c *checker) {
		frParentCheck(c, "Seller.LegalRegistration", frLineSellerLegal)
	}},
	{"BR-FR-MV-07_BT-128", func(c *checker) { frParentCheck(c, "Object", frLineInvoiceNumber) }},
	{"BR-FR-MV-08_BT-128", func(c *checker) {
		if frMultiVendor(c.inv) == 0 {
			return
		}
		for i := range c.inv.Lines {
			// The model has no line VAT exemption reason: a detail line
			// of a sub-invoice always lacks the #number# it wants.
			if c.inv.Lines[i].Status == einvoice.LineDetail {
				c.fail(vatPath("Lines", i, "VAT"), "no VAT exemption reason #"+frLineInvoiceNumber(&c.inv.Lines[i])+"#")
				return
			}
		}
	}},
	{"BR-FR-MV-09_EXT-FR-FE-181", func(c *checker) {
		frTopGroupCheck(c, "VATTotal", func(g *einvoice.Line) bool {
			if g.VATTotal == nil {
				return false
			}
			prefix := "#" + frLineInvoiceNumber(g) + "#"
			sum := 0.0
			for i := range c.inv.VATBreakdown {
				if b := &c.inv.VATBreakdown[i]; strings.HasPrefix(b.ExemptionReason, prefix) {
					sum += b.TaxAmount.InexactFloat64()
				}
			}
			return frWithin(g.VATTotal.InexactFloat64()-sum, 1)
		})
	}},
	{"BR-FR-MV-10_EXT-FR-FE-184", func(c *checker) {
		frTopGroupCheck(c, "TotalWithVAT", func(g *einvoice.Line) bool {
			if g.TotalWithVAT == nil {
				return true
			}
			if g.VATTotal == nil {
				return false
			}
			n := linesWhere(c.inv, func(l *einvoice.Line) bool { return l.ParentID == g.ID && l.Status == einvoice.LineDetail })
			return frWithin(g.TotalWithVAT.InexactFloat64()-g.NetAmount.InexactFloat64()-g.VATTotal.InexactFloat64(), n)
		})
	}},
	{"BR-FR-MV-11_BT-128", brFRMV11},
	{"BR-FR-MV-12_BT-128", brFRMV12},
	{"BR-FR-MV-14-EXT-FR-FE-136", func(c *checker) { frSubInvoiceCorrection(c, 'M', false) }},
	{"BR-FR-MV-14-EXT-FR-FE-138", func(c *checker) { frSubInvoiceCorrection(c, 'M', true) }},
	{"BR-FR-BD-14-EXT-FR-FE-136", func(c *checker) { frSubInvoiceCorrection(c, 'B', false) }},
	{"BR-FR-BD-14-EXT-FR-FE-138", func(c *checker) { frSubInvoiceCorrection(c, 'B', true) }},
}

// frWithin is the sub-invoice rules' tolerance, abs(d) <= 0.01 * n, in
// xs:double as the official tests compute (number() of the amounts
// written, summed in document order): 89.01 - 89.00 exceeds 0.01 there.
func frWithin(d float64, n int) bool { return math.Abs(d) <= 0.01*float64(n) }

// frTopGroup reports whether a line is a group line without parent: a
// sub-invoice.
func frTopGroup(l *einvoice.Line) bool { return l.Status == einvoice.LineGroup && l.ParentID == "" }

// frTopGroups counts the group lines without parent.
func frTopGroups(inv *einvoice.Invoice) int { return linesWhere(inv, frTopGroup) }

// frTopGroupCheck fails the running rule, in a multi-vendor or
// bidirectional invoice, at the first group line without parent that is
// not ok.
func frTopGroupCheck(c *checker, field string, ok func(*einvoice.Line) bool) {
	if frMultiVendor(c.inv) == 0 {
		return
	}
	for i := range c.inv.Lines {
		if l := &c.inv.Lines[i]; frTopGroup(l) && !ok(l) {
			c.fail(vatPath("Lines", i, field), "")
			return
		}
	}
}

// frLineSellerLegal is a line seller's legal identifier (EXT-FR-FE-167),
// space normalized; "" without one.
func frLineSellerLegal(l *einvoice.Line) string {
	if l.Seller == nil {
		return ""
	}
	return normalizeSpace(l.Seller.LegalRegistration.Value)
}

// frLineInvoiceNumber is a line's sub-invoice number, its object
// identifier of scheme AFL (BT-128), space normalized; "" without one.
func frLineInvoiceNumber(l *einvoice.Line) string {
	if l.Object.Scheme != "AFL" {
		return ""
	}
	return normalizeSpace(l.Object.Value)
}

// frParentCheck: BR-FR-MV-06 and BR-FR-MV-07, in a multi-vendor or
// bidirectional invoice every line has the value (its seller's legal
// identifier, its sub-invoice number), the same as its parent line's.
func frParentCheck(c *checker, field string, value func(*einvoice.Line) string) {
	if frMultiVendor(c.inv) == 0 {
		return
	}
	for i := range c.inv.Lines {
		l := &c.inv.Lines[i]
		v := value(l)
		ok := v != ""
		if ok && l.ParentID != "" {
			parent := ""
			for k := range c.inv.Lines {
				if c.inv.Lines[k].ID == l.ParentID {
					parent = value(&c.inv.Lines[k])
					break
				}
			}
			ok = v == parent
		}
		if !ok {
			c.fail(vatPath("Lines", i, field), strconv.Quote(v))
			return
		}
	}
}

// frBidirectionalParty: BR-FR-BD-02, a bidirectional invoice has exactly
// one sub-invoice (group line without parent) whose seller's legal
// identifier is the party's (the seller's BT-30, the buyer's BT-47).
func frBidirectionalParty(c *checker, legal einvoice.ID, party string) {
	if frMultiVendor(c.inv) != 'B' {
		return
	}
	n := 0
	for i := range c.inv.Lines {
		l := &c.inv.Lines[i]
		if frTopGroup(l) && l.Seller != nil && !l.Seller.LegalRegistration.IsZero() && !legal.IsZero() && l.Seller.LegalRegistration.Value == legal.Value {
			n++
		}
	}
	if n != 1 {
		c.fail("Lines", strconv.Itoa(n)+" group lines of the "+party)
	}
}

// brFRMV11: in a multi-vendor or bidirectional invoice, of the
// sub-invoices of the invoice's own seller (its legal identifier, BT-30),
// one is numbered as the invoice (BT-1); when several are, each of the
// seller's sub-invoices is, as the official test has it.
func brFRMV11(c *checker) {
	if frMultiVendor(c.inv) == 0 {
		return
	}
	seller := c.inv.Seller.LegalRegistration
	if seller.IsZero() {
		return
	}
	own := func(l *einvoice.Line) bool {
		return frTopGroup(l) && l.Seller != nil && !l.Seller.LegalRegistration.IsZero() && l.Seller.LegalRegistration.Value == seller.Value
	}
	numbered := 0
	for i := range c.inv.Lines {
		if l := &c.inv.Lines[i]; own(l) && l.Object.Scheme == "AFL" && l.Object.Value == c.inv.Number {
			numbered++
		}
	}
	for i := range c.inv.Lines {
		l := &c.inv.Lines[i]
		if !own(l) {
			continue
		}
		n := frLineInvoiceNumber(l)
		if (numbered == 0 && n != c.inv.Number) || (numbered > 1 && n == c.inv.Number) {
			c.fail(vatPath("Lines", i, "Object"), strconv.Quote(n))
			return
		}
	}
}

// brFRMV12: in a multi-vendor or bidirectional invoice, the sub-invoice
// numbers (the AFL object identifiers of the group lines without parent)
// differ. The official test compares each with every ram:IssuerAssignedID
// before it in the document: the lines' preceding invoice numbers and
// object identifiers, in the order the encoder writes them.
func brFRMV12(c *checker) {
	if frMultiVendor(c.inv) == 0 {
		return
	}
	seen := map[string]bool{}
	for i := range c.inv.Lines {
		l := &c.inv.Lines[i]
		if p := l.PrecedingInvoice; p != nil && p.Number != "" {
			seen[p.Number] = true
		}
		if l.Object.IsZero() {
			continue
		}
		if frTopGroup(l) && l.Object.Scheme == "AFL" && seen[l.Object.Value] {
			c.fail(vatPath("Lines", i, "Object.Value"), strconv.Quote(l.Object.Value))
			return
		}
		seen[l.Object.Value] = true
	}
}

// frSubInvoiceCorrection: BR-FR-MV-14 (mode 'M': a corrective invoice or
// credit note, 384, 472, 381, 396, 503) and BR-FR-BD-14 (mode 'B': 261,
// 471, 473, 502): each sub-invoice gives the number (date false) or the
// date (date true) of the invoice it corrects (EXT-FR-FE-136, -138).
func frSubInvoiceCorrection(c *checker, mode byte, date bool) {
	if frMultiVendor(c.inv) != mode {
		return
	}
	switch t := c.inv.TypeCode; {
	case mode == 'M' && (t == "384" || t == "472" || t == "381" || t == "396" || t == "503"):
	case mode == 'B' && (t == "261" || t == "471" || t == "473" || t == "502"):
	default:
		return
	}
	for i := range c.inv.Lines {
		l := &c.inv.Lines[i]
		if !frTopGroup(l) {
			continue
		}
		p := l.PrecedingInvoice
		if date && (p == nil || p.IssueDate.IsZero()) {
			c.fail(vatPath("Lines", i, "PrecedingInvoice.IssueDate"), "")
			return
		}
		if !date && (p == nil || p.Number == "") {
			c.fail(vatPath("Lines", i, "PrecedingInvoice.Number"), "")
			return
		}
	}
}
