package validate

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/einvoice-go/einvoice"
	"github.com/shopspring/decimal"
)

// French is EN16931 and the French CIUS of the 2026 e-invoicing reform: the
// BR-FR-*, BR-FR-CO-* and BR-FR-DEC-* rules of the FNFE-MPE Flux 2
// schematron v1.4.0 (XP Z12-012), as the official schematrons for CII and
// for UBL test them. Validate a document decoded from UBL with
// French.For(UBL): the UBL schematron gives several rules other ids (its
// BR-FR-05_BT-22-1 is the CII one's BR-FR-05_BT-22_PMT) and reads a few
// differently, as the rules' comments say.
//
// The rule ids are the schematron's, one per assert: a rule of the
// reform's text (BR-FR-09) is checked on each party it concerns, and
// reports the id of that assert (BR-FR-09_BT-29 for the seller,
// BR-FR-09_BT-46 for the buyer).
//
// The rules on the EXTENDED terms of the reform (EXT-FR-FE: the agents,
// payer, invoicee and invoicer, the lines' preceding invoices, deliveries
// and sub-invoices) are in french_ext.go; they have CII ids only, since
// the UBL encoder refuses these terms.
//
// Left out, because they cannot fail on what the encoders write:
//
//   - BR-FR-CO-10_*-1 on the EXTENDED parties (see below);
//   - BR-FR-29_BT-18 (the model holds one invoiced object identifier),
//     BR-FR-CO-10_*-1 in
//     CII (a ram:GlobalID is written only with its scheme; UBL writes a
//     cbc:ID without scheme, and there the assert runs), the ship-to and
//     payee BR-FR-CO-10_*-2 (one identifier each).
//
// BR-FR-30 (line object identifiers AFL and AVV) runs for UBL only: the
// CII schematron looks for them directly under the line, where CII never
// has them, so it cannot fire there.
var French = RuleSet{name: "fr", list: lazyRules(func() []rule { return concat(EN16931.rules(), frRules, frExtRules, frSubInvoiceRules) })}

// frRules lists the French rules, in the order of the schematron.
var frRules = []rule{
	{"BR-FR-01_BT-1", func(c *checker) { frNumbers(c, frIDLengthOK) }},
	{"BR-FR-02_BT-1", func(c *checker) { frNumbers(c, frIDOK) }},
	{"BR-FR-01_BT-25", func(c *checker) { frPrecedingNumbers(c, frIDLengthOK) }},
	{"BR-FR-02_BT-25", func(c *checker) { frPrecedingNumbers(c, frIDOK) }},
	{"BR-FR-03_BT-2", func(c *checker) { frDate(c, "IssueDate", c.inv.IssueDate) }},
	{"BR-FR-03_BT-7", func(c *checker) { frDate(c, "TaxPointDate", c.inv.TaxPointDate) }},
	{"BR-FR-03_BT-9", func(c *checker) { frDate(c, "DueDate", c.inv.DueDate) }},
	{"BR-FR-03_BT-26", func(c *checker) {
		for i := range c.inv.PrecedingInvoices {
			if d := c.inv.PrecedingInvoices[i].IssueDate; !frDateOK(d) {
				frDate(c, vatPath("PrecedingInvoices", i, "IssueDate"), d)
				return
			}
		}
	}},
	{"BR-FR-03_BT-72", func(c *checker) {
		if d := c.inv.Delivery; d != nil {
			frDate(c, "Delivery.Date", d.Date)
		}
	}},
	{"BR-FR-03_BT-73", func(c *checker) {
		if p := c.inv.InvoicingPeriod; p != nil {
			frDate(c, "InvoicingPeriod.Start", p.Start)
		}
	}},
	{"BR-FR-03_BT-74", func(c *checker) {
		if p := c.inv.InvoicingPeriod; p != nil {
			frDate(c, "InvoicingPeriod.End", p.End)
		}
	}},
	{"BR-FR-03_EXT-FR-FE-134", func(c *checker) {
		for i := range c.inv.Lines {
			if p := c.inv.Lines[i].Period; p != nil && !frDateOK(p.Start) {
				frFail(c, vatPath("Lines", i, "Period.Start"), p.Start.String())
				return
			}
		}
	}},
	{"BR-FR-03_EXT-FR-FE-135", func(c *checker) {
		for i := range c.inv.Lines {
			if p := c.inv.Lines[i].Period; p != nil && !frDateOK(p.End) {
				frFail(c, vatPath("Lines", i, "Period.End"), p.End.String())
				return
			}
		}
	}},
	{"BR-FR-04_BT-3", brFR04},
	{"BR-FR-05_BT-22_PMT", func(c *checker) { frNotePresent(c, "PMT") }},
	{"BR-FR-05_BT-22_PMD", func(c *checker) { frNotePresent(c, "PMD") }},
	{"BR-FR-05_BT-22_AAB", func(c *checker) { frNotePresent(c, "AAB") }},
	{"BR-FR-06_BT-21_PMT", func(c *checker) { frNoteOnce(c, "PMT") }},
	{"BR-FR-06_BT-21_PMD", func(c *checker) { frNoteOnce(c, "PMD") }},
	{"BR-FR-06_BT-21_AAB", func(c *checker) { frNoteOnce(c, "AAB") }},
	{"BR-FR-06_BT-21_TXD", func(c *checker) { frNoteOnce(c, "TXD") }},
	{"BR-FR-08_BT-23", brFR08},
	{"BR-FR-09_BT-29", func(c *checker) {
		s := &c.inv.Seller
		frSIRETs(c, "Seller.Identifiers", s.Identifiers, s.LegalRegistration)
	}},
	{"BR-FR-09_BT-46", func(c *checker) {
		b := &c.inv.Buyer
		frSIRETs(c, "Buyer.Identifiers", b.Identifiers, b.LegalRegistration)
	}},
	{"BR-FR-09_BT-60", func(c *checker) {
		if p := c.inv.Payee; p != nil {
			frSIRET(c, "Payee.Identifier", p.Identifier, p.LegalRegistration)
		}
	}},
	{"BR-FR-09_BT-71", func(c *checker) {
		if d := c.inv.Delivery; d != nil {
			frSIRET(c, "Delivery.LocationID", d.LocationID, einvoice.ID{})
		}
	}},
	{"BR-FR-10_BT-30", brFR10},
	{"BR-FR-11_BT-47", brFR11},
	{"BR-FR-12_BT-49", func(c *checker) {
		if c.inv.Buyer.ElectronicAddress.Value == "" {
			c.fail("Buyer.ElectronicAddress", "")
		}
	}},
	{"BR-FR-13_BT-34", func(c *checker) {
		if c.inv.Seller.ElectronicAddress.Value == "" {
			c.fail("Seller.ElectronicAddress", "")
		}
	}},
	{"BR-FR-15_BT-95_BT-102", func(c *checker) { frCategories(c, false) }},
	{"BR-FR-15_BT-95_BT-102_LM", func(c *checker) { frCategories(c, true) }},
	{"BR-FR-15_BT-95_BT-118", func(c *checker) { frBreakdownCategories(c, false) }},
	{"BR-FR-15_BT-95_BT-118_LM", func(c *checker) { frBreakdownCategories(c, true) }},
	{"BR-FR-15_BT-95_BT-151", func(c *checker) { frLineCategories(c, false) }},
	{"BR-FR-15_BT-95_BT-151_LM", func(c *checker) { frLineCategories(c, true) }},
	{"BR-FR-16_BT-96_BT-103", brFR16AllowanceCharge},
	{"BR-FR-16_BT-119", func(c *checker) { frBreakdownRates(c, frRate) }},
	{"BR-FR-16_BT-152", func(c *checker) { frLineRates(c, frRate) }},
	{"BR-FR-17_BT-123", brFR17},
	{"BR-FR-18_BT-123", brFR18},
	{"BR-FR-20_BT-21", brFR20},
	{"BR-FR-21_BT-49", brFR21},
	{"BR-FR-22_BT-34", brFR22},
	{"BR-FR-23_BT-34", func(c *checker) { frAddressFormat(c, "Seller.ElectronicAddress", c.inv.Seller.ElectronicAddress) }},
	{"BR-FR-23_BT-49", func(c *checker) { frAddressFormat(c, "Buyer.ElectronicAddress", c.inv.Buyer.ElectronicAddress) }},
	{"BR-FR-24_BT-29", func(c *checker) { frRoutingIDs(c, "Seller.Identifiers", c.inv.Seller.Identifiers, false) }},
	{"BR-FR-24_BT-46", func(c *checker) { frRoutingIDs(c, "Buyer.Identifiers", c.inv.Buyer.Identifiers, false) }},
	{"BR-FR-25_BT-34", func(c *checker) { frAddressLength(c, "Seller.ElectronicAddress", c.inv.Seller.ElectronicAddress) }},
	{"BR-FR-25_BT-49", func(c *checker) { frAddressLength(c, "Buyer.ElectronicAddress", c.inv.Buyer.ElectronicAddress) }},
	{"BR-FR-26_BT-29", func(c *checker) { frRoutingIDs(c, "Seller.Identifiers", c.inv.Seller.Identifiers, true) }},
	{"BR-FR-26_BT-46", func(c *checker) { frRoutingIDs(c, "Buyer.Identifiers", c.inv.Buyer.Identifiers, true) }},
	{"BR-FR-27_BT-160", brFR27},
	{"BR-FR-29_AFL", func(c *checker) { frObject(c, "AFL") }},
	{"BR-FR-29_AVV", func(c *checker) { frObject(c, "AVV") }},
	{"BR-FR-30_AFL", func(c *checker) { frLineObject(c, "AFL") }},
	{"BR-FR-30_AVV", func(c *checker) { frLineObject(c, "AVV") }},
	{"BR-FR-31_BT-21", brFR31},
	{"BR-FR-32-LEGALID", brFR32Legal},
	{"BR-FR-32-GLOBALID", brFR32Global},
	{"BR-FR-CO-03_BT-3", brFRCO03},
	{"BR-FR-CO-04_BT-4", brFRCO04},
	{"BR-FR-CO-05_BT-3", brFRCO05},
	{"BR-FR-CO-07_BT-9", brFRCO07},
	{"BR-FR-CO-08_BT-23", brFRCO08},
	{"BR-FR-CO-09_BT-23-1", brFRCO09Paid},
	{"BR-FR-CO-09_BT-23-2", brFRCO09Due},
	{"BR-FR-CO-09_BT-23-3", brFRCO09DueDate},
	{"BR-FR-CO-10_BT-29-1", func(c *checker) { frSchemeless(c, "Seller.Identifiers", c.inv.Seller.Identifiers) }},
	{"BR-FR-CO-10_BT-29-2", func(c *checker) { frSchemesOnce(c, "Seller.Identifiers", c.inv.Seller.Identifiers) }},
	{"BR-FR-CO-10_BT-46-1", func(c *checker) { frSchemeless(c, "Buyer.Identifiers", c.inv.Buyer.Identifiers) }},
	{"BR-FR-CO-10_BT-46-2", func(c *checker) { frSchemesOnce(c, "Buyer.Identifiers", c.inv.Buyer.Identifiers) }},
	{"BR-FR-CO-10_BT-60-1", func(c *checker) {
		if p := c.inv.Payee; p != nil && !p.Identifier.IsZero() {
			frSchemeless(c, "Payee.Identifier", []einvoice.ID{p.Identifier})
		}
	}},
	{"BR-FR-CO-10_BT-71-1", func(c *checker) {
		if d := c.inv.Delivery; d != nil && !d.LocationID.IsZero() {
			frSchemeless(c, "Delivery.LocationID", []einvoice.ID{d.LocationID})
		}
	}},
	{"BR-FR-CO-12_BT-5", brFRCO12},
	{"BR-FR-CO-14_BT-29-1", brFRCO14},
	{"BR-FR-CO-15_BT-29-1", brFRCO15},
	{"BR-FR-DEC-01_BT-92_BT-99", func(c *checker) { frDocAllowanceAmounts(c, false) }},
	{"BR-FR-DEC-01_BT-93_BT-100", func(c *checker) { frDocAllowanceAmounts(c, true) }},
	{"BR-FR-DEC-01_BT-106", func(c *checker) { frAmount(c, "Totals.LineNet", &c.inv.Totals.LineNet) }},
	{"BR-FR-DEC-01_BT-107", func(c *checker) { frAmount(c, "Totals.Allowances", c.inv.Totals.Allowances) }},
	{"BR-FR-DEC-01_BT-108", func(c *checker) { frAmount(c, "Totals.Charges", c.inv.Totals.Charges) }},
	{"BR-FR-DEC-01_BT-109", func(c *checker) { frAmount(c, "Totals.TaxExclusive", &c.inv.Totals.TaxExclusive) }},
	{"BR-FR-DEC-01_BT-110", func(c *checker) {
		if !frAmount(c, "Totals.VAT", c.inv.Totals.VAT) && c.syntax == CII {
			// The CII schematron's rule for BT-111 has the same context as
			// BT-110's, in one pattern: both VAT totals report BT-110.
			frAmount(c, "Totals.VATInTaxCurrency", c.inv.Totals.VATInTaxCurrency)
		}
	}},
	{"BR-FR-DEC-01_BT-111", func(c *checker) {
		if c.syntax == UBL {
			frAmount(c, "Totals.VATInTaxCurrency", c.inv.Totals.VATInTaxCurrency)
		}
	}},
	{"BR-FR-DEC-01_BT-112", func(c *checker) { frAmount(c, "Totals.TaxInclusive", &c.inv.Totals.TaxInclusive) }},
	{"BR-FR-DEC-01_BT-113", func(c *checker) { frAmount(c, "Totals.Paid", c.inv.Totals.Paid) }},
	{"BR-FR-DEC-01_BT-114", func(c *checker) { frAmount(c, "Totals.Rounding", c.inv.Totals.Rounding) }},
	{"BR-FR-DEC-01_BT-115", func(c *checker) { frAmount(c, "Totals.Due", &c.inv.Totals.Due) }},
	{"BR-FR-DEC-01_BT-116", func(c *checker) {
		for i := range c.inv.VATBreakdown {
			if frAmountAt(c, "VATBreakdown", i, "TaxableAmount", &c.inv.VATBreakdown[i].TaxableAmount) {
				return
			}
		}
	}},
	{"BR-FR-DEC-01_BT-117", func(c *checker) {
		for i := range c.inv.VATBreakdown {
			if frAmountAt(c, "VATBreakdown", i, "TaxAmount", &c.inv.VATBreakdown[i].TaxAmount) {
				return
			}
		}
	}},
	{"BR-FR-DEC-01_BT-131", func(c *checker) {
		for i := range c.inv.Lines {
			if frAmountAt(c, "Lines", i, "NetAmount", &c.inv.Lines[i].NetAmount) {
				return
			}
		}
	}},
	{"BR-FR-DEC-01_BT-136_BT-141", func(c *checker) { frLineAllowanceAmounts(c, false) }},
	{"BR-FR-DEC-01_BT-137_BT-142", func(c *checker) { frLineAllowanceAmounts(c, true) }},
	{"BR-FR-DEC-02_BT-129", func(c *checker) {
		for i := range c.inv.Lines {
			if q := c.inv.Lines[i].Quantity; !frDigits(q, 4, true) {
				c.fail(vatPath("Lines", i, "Quantity"), frWritten(q))
				return
			}
		}
	}},
	{"BR-FR-DEC-02_BT-149", func(c *checker) {
		for i := range c.inv.Lines {
			if q := c.inv.Lines[i].Price.BaseQuantity; q != nil && !frDigits(*q, 4, true) {
				c.fail(vatPath("Lines", i, "Price.BaseQuantity"), frWritten(*q))
				return
			}
		}
	}},
	{"BR-FR-DEC-03_BT-146", func(c *checker) { frPrices(c, 0) }},
	{"BR-FR-DEC-03_BT-147", func(c *checker) { frPrices(c, 1) }},
	{"BR-FR-DEC-03_BT-148", func(c *checker) { frPrices(c, 2) }},
	{"BR-FR-DEC-04_BT-96_BT-103", brFRDEC04AllowanceCharge},
	{"BR-FR-DEC-04_BT-119", func(c *checker) { frBreakdownRates(c, frPercent) }},
	{"BR-FR-MV-13_BT-3", func(c *checker) {
		if frMultiVendor(c.inv) == 'M' && (c.inv.TypeCode == "" || frSelfBilled(c.inv.TypeCode)) {
			c.fail("TypeCode", string(c.inv.TypeCode))
		}
	}},
	{"BR-FR-BD-13_BT-3", func(c *checker) {
		if frMultiVendor(c.inv) == 'B' && !frSelfBilled(c.inv.TypeCode) {
			c.fail("TypeCode", string(c.inv.TypeCode))
		}
	}},
	{"BR-FR-DEC-04_BT-152", func(c *checker) { frLineRates(c, frPercent) }},
}

// frUBLIDs are the ids the UBL schematron gives the asserts whose CII id
// differs; an assert the UBL schematron splits in two reports both.
var frUBLIDs = map[string][]string{
	"BR-FR-01_BT-1":            {"BR-FR-01_BT-1-1"},
	"BR-FR-02_BT-1":            {"BR-FR-01_BT-1-2", "BR-FR-02_BT-1"},
	"BR-FR-01_BT-25":           {"BR-FR-01_BT-25-1"},
	"BR-FR-02_BT-25":           {"BR-FR-01_BT-25-2", "BR-FR-02_BT-25"},
	"BR-FR-03_EXT-FR-FE-134":   {"BR-FR-03_BT-134"},
	"BR-FR-03_EXT-FR-FE-135":   {"BR-FR-03_BT-135"},
	"BR-FR-05_BT-22_PMT":       {"BR-FR-05_BT-22-1"},
	"BR-FR-05_BT-22_PMD":       {"BR-FR-05_BT-22-2"},
	"BR-FR-05_BT-22_AAB":       {"BR-FR-05_BT-22-3"},
	"BR-FR-06_BT-21_PMT":       {"BR-FR-06_BT-21-1"},
	"BR-FR-06_BT-21_PMD":       {"BR-FR-06_BT-21-2"},
	"BR-FR-06_BT-21_AAB":       {"BR-FR-06_BT-21-3"},
	"BR-FR-06_BT-21_TXD":       {"BR-FR-06_BT-21-4"},
	"BR-FR-15_BT-95_BT-102":    {"BR-FR-15_BT-95_BT-102-1"},
	"BR-FR-15_BT-95_BT-102_LM": {"BR-FR-15_BT-95_BT-102-2"},
	"BR-FR-15_BT-95_BT-118":    {"BR-FR-15_BT-118-1"},
	"BR-FR-15_BT-95_BT-118_LM": {"BR-FR-15_BT-118-2"},
	"BR-FR-15_BT-95_BT-151":    {"BR-FR-15_BT-151-1"},
	"BR-FR-15_BT-95_BT-151_LM": {"BR-FR-08_BT-151-2"}, // sic: the UBL schematron's id
	"BR-FR-31_BT-21":           {"BR-FR-30_BT-21"},    // sic
	"BR-FR-32-GLOBALID":        {"BR-FR-32-ID"},
	"BR-FR-CO-04_BT-4":         {"BR-FR-CO-04_BT-3"},
}

// frFail reports the running French rule at path, under the id of the
// set's syntax (frUBLIDs).
func frFail(c *checker, path, detail string) {
	if c.syntax == UBL {
		if ids, ok := frUBLIDs[c.rule]; ok {
			cii := c.rule
			for _, id := range ids {
				c.rule = id
				c.fail(path, detail)
			}
			c.rule = cii
			return
		}
	}
	c.fail(path, detail)
}

// frIDOK is BR-FR-02, custom:is-valid-id-format: letters, digits and + - _ /,
// once white space around is set aside, and no space anywhere.
func frIDOK(s string) bool {
	t := trimSpace(s)
	if t == "" || strings.IndexByte(s, ' ') >= 0 {
		return false
	}
	for i := 0; i < len(t); i++ {
		switch b := t[i]; {
		case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9', b == '+', b == '-', b == '_', b == '/':
		case b == '\t' || b == '\n' || b == '\r':
			// inner white space other than a space: normalize-space makes
			// it a space, which the pattern refuses
			return false
		default:
			return false
		}
	}
	return true
}

// frIDLengthOK is BR-FR-01: an invoice number (BT-1, BT-25) of at most
// 35 characters.
func frIDLengthOK(id string) bool { return utf8.RuneCountInString(id) <= 35 }

// frNumbers checks the invoice number (BT-1) with ok: BR-FR-01 or
// BR-FR-02.
func frNumbers(c *checker, ok func(string) bool) {
	if !ok(c.inv.Number) {
		frFail(c, "Number", strconv.Quote(c.inv.Number))
	}
}

// frPrecedingNumbers checks the preceding invoice numbers (BT-25) with ok:
// BR-FR-01 or BR-FR-02. The schematron reports each; one issue, at the
// first, is enough to locate them.
func frPrecedingNumbers(c *checker, ok func(string) bool) {
	for i := range c.inv.PrecedingInvoices {
		if n := c.inv.PrecedingInvoices[i].Number; !ok(n) {
			frFail(c, vatPath("PrecedingInvoices", i, "Number"), strconv.Quote(n))
			return
		}
	}
}

// frDateOK is BR-FR-03: a date, when given, in the years 2000 to 2099
// (custom:is-valid-date-format; the model's dates are calendar dates).
func frDateOK(d einvoice.Date) bool { return d.IsZero() || (d.Year >= 2000 && d.Year <= 2099) }

// frDate reports BR-FR-03 for the date at path if it breaks it.
func frDate(c *checker, path string, d einvoice.Date) {
	if !frDateOK(d) {
		frFail(c, path, d.String())
	}
}

// frDocumentType reports whether a type code (BT-3) is one BR-FR-04 allows.
func frDocumentType(code einvoice.DocumentTypeCode) bool {
	switch code {
	case "380", "389", "393", "501", "386", "500", "384", "471", "472", "473", "261", "262", "381", "396", "502", "503":
		return true
	}
	return false
}

// brFR04: the invoice type code (BT-3) is one the reform allows.
func brFR04(c *checker) {
	if !frDocumentType(c.inv.TypeCode) {
		c.fail("TypeCode", strconv.Quote(string(c.inv.TypeCode)))
	}
}

// frNoteCount counts the notes with the subject code (BT-21).
func frNoteCount(inv *einvoice.Invoice, code einvoice.SubjectCode) int {
	n := 0
	for i := range inv.Notes {
		if inv.Notes[i].SubjectCode == code {
			n++
		}
	}
	return n
}

// frNotePresent: BR-FR-05, the legal mentions PMT (recovery fee), PMD
// (late payment penalties) and AAB (early payment discount) are notes.
func frNotePresent(c *checker, code einvoice.SubjectCode) {
	if frNoteCount(c.inv, code) == 0 {
		frFail(c, "Notes", "no note "+string(code))
	}
}

// frNoteOnce: BR-FR-06, PMT, PMD, AAB and TXD are one note each at most.
func frNoteOnce(c *checker, code einvoice.SubjectCode) {
	if frNoteCount(c.inv, code) > 1 {
		frFail(c, "Notes", "several notes "+string(code))
	}
}

// brFR08: the billing mode (BT-23) is given and one of the reform's.
func brFR08(c *checker) {
	switch c.inv.Process.BusinessProcess {
	case "B1", "S1", "M1", "B2", "S2", "M2", "S3", "B4", "S4", "M4", "S5", "S6", "B7", "S7", "B8", "S8", "M8", "B9", "S9", "M9":
		return
	}
	c.fail("Process.BusinessProcess", strconv.Quote(c.inv.Process.BusinessProcess))
}

// allDigits reports whether s is n ASCII digits.
func allDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < n; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// frSIRETs: BR-FR-09 on the seller's or the buyer's first SIRET (scheme
// 0009) among its identifiers: 14 digits, starting with the party's SIREN,
// its legal registration of scheme 0002. Without a SIREN the SIRET fails:
// the schematron compares with an empty sequence.
func frSIRETs(c *checker, path string, ids []einvoice.ID, legal einvoice.ID) {
	for i := range ids {
		if ids[i].Scheme != einvoice.ICDSIRET {
			continue
		}
		siren, hasSIREN := legal.Value, legal.Scheme == einvoice.ICDSIREN
		if siret := ids[i].Value; !frSIRETOK(siret, siren, hasSIREN) {
			c.fail(vatPath(path, i, "Value"), "SIRET "+strconv.Quote(siret)+", SIREN "+strconv.Quote(siren))
		}
		return // the first SIRET only
	}
}

// frSIRET: BR-FR-09 on the SIRET of the payee or the ship-to location.
// The official test takes the SIREN from the SIRET itself when the party
// has no legal registration of scheme 0002 (the ship-to location never
// has): then only the 14 digits are checked.
func frSIRET(c *checker, path string, id, legal einvoice.ID) {
	if id.Scheme != einvoice.ICDSIRET {
		return
	}
	siren, hasSIREN := legal.Value, legal.Scheme == einvoice.ICDSIREN && legal.Value != ""
	if !hasSIREN && len(id.Value) >= 9 {
		siren, hasSIREN = id.Value[:9], true
	}
	if !frSIRETOK(id.Value, siren, hasSIREN) {
		c.fail(path, "SIRET "+strconv.Quote(id.Value)+", SIREN "+strconv.Quote(siren))
	}
}

// frSIRETOK is custom:check-siret-siren-coherence: 14 digits, the first 9
// the SIREN.
func frSIRETOK(siret, siren string, hasSIREN bool) bool {
	return allDigits(siret, 14) && hasSIREN && siret[:9] == siren
}

// brFR10: the seller's SIREN (BT-30, scheme 0002) is given, 9 digits.
func brFR10(c *checker) {
	l := c.inv.Seller.LegalRegistration
	if l.Scheme != einvoice.ICDSIREN || !allDigits(trimSpace(l.Value), 9) {
		c.fail("Seller.LegalRegistration", strconv.Quote(l.Value))
	}
}

// frBAR reports whether a note BAR (the processing type) says B2B.
func frBAR(inv *einvoice.Invoice, value string) bool {
	for i := range inv.Notes {
		if n := &inv.Notes[i]; n.SubjectCode == "BAR" && n.Text == value {
			return true
		}
	}
	return false
}

// brFR11: a B2B invoice (note BAR B2B) gives the buyer's SIREN (BT-47,
// scheme 0002), 9 digits.
func brFR11(c *checker) {
	if !frBAR(c.inv, "B2B") {
		return
	}
	if l := c.inv.Buyer.LegalRegistration; l.Scheme != einvoice.ICDSIREN || !allDigits(l.Value, 9) {
		c.fail("Buyer.LegalRegistration", strconv.Quote(l.Value))
	}
}

// frCategory reports whether a VAT category is one BR-FR-15 allows, and
// whether it is L or M (not relevant in France).
func frCategory(cat einvoice.VATCategory, lm bool) bool {
	if lm {
		return cat != "L" && cat != "M"
	}
	switch cat {
	case "S", "E", "AE", "K", "G", "O", "Z":
		return true
	}
	return false
}

// frCategories: BR-FR-15 on the document level allowances and charges
// (BT-95, BT-102).
func frCategories(c *checker, lm bool) {
	inv := c.inv
	for i := range inv.Allowances {
		if cat := inv.Allowances[i].VAT.Category; !frCategory(cat, lm) {
			frFail(c, vatPath("Allowances", i, "VAT.Category"), strconv.Quote(string(cat)))
			return
		}
	}
	for i := range inv.Charges {
		if cat := inv.Charges[i].VAT.Category; !frCategory(cat, lm) {
			frFail(c, vatPath("Charges", i, "VAT.Category"), strconv.Quote(string(cat)))
			return
		}
	}
}

// frBreakdownCategories: BR-FR-15 on the VAT breakdown (BT-118).
func frBreakdownCategories(c *checker, lm bool) {
	for i := range c.inv.VATBreakdown {
		if cat := c.inv.VATBreakdown[i].Category; !frCategory(cat, lm) {
			frFail(c, vatPath("VATBreakdown", i, "Category"), strconv.Quote(string(cat)))
			return
		}
	}
}

// frLineCategories: BR-FR-15 on the lines (BT-151). A group or
// information line may have none (the encoder then writes no
// ram:CategoryCode).
func frLineCategories(c *checker, lm bool) {
	for i := range c.inv.Lines {
		l := &c.inv.Lines[i]
		if l.VAT.Category == "" && (l.Status == einvoice.LineGroup || l.Status == einvoice.LineInformation) {
			continue
		}
		if cat := l.VAT.Category; !frCategory(cat, lm) {
			frFail(c, vatPath("Lines", i, "VAT.Category"), strconv.Quote(string(cat)))
			return
		}
	}
}

// frBreakdownRates fails the running rule (BR-FR-16, BR-FR-DEC-04) at the
// first VAT breakdown rate (BT-119) that is not ok.
func frBreakdownRates(c *checker, ok func(decimal.Decimal) bool) {
	for i := range c.inv.VATBreakdown {
		if r := c.inv.VATBreakdown[i].Rate; r != nil && !ok(*r) {
			c.fail(vatPath("VATBreakdown", i, "Rate"), frWritten(*r))
			return
		}
	}
}

// frLineRates fails the running rule (BR-FR-16, BR-FR-DEC-04) at the
// first line VAT rate (BT-152) that is not ok.
func frLineRates(c *checker, ok func(decimal.Decimal) bool) {
	for i := range c.inv.Lines {
		if r := c.inv.Lines[i].VAT.Rate; r != nil && !ok(*r) {
			c.fail(vatPath("Lines", i, "VAT.Rate"), frWritten(*r))
			return
		}
	}
}

// frWritten is a number as the encoders write it: with the decimals it
// has (a rate, a quantity, a price).
func frWritten(d decimal.Decimal) string {
	if e := d.Exponent(); e < 0 {
		return d.StringFixed(-e)
	}
	return d.StringFixed(0)
}

// frRate: BR-FR-16, a VAT rate written as one of the rates of France. The
// official test compares strings: 0, 0.0, 0.00, 10, 10.0, 10.00, 13 ..,
// 20 .., 8.5, 8.50, 19.6, 19.60, 2.1, 2.10, 5.5, 5.50, 7 .., 20.6, 20.60,
// 1.05, 0.9, 0.90, 1.75, 9.2, 9.20, 9.6, 9.60. That is one of these values
// written with at most 2 decimals (20.000 fails), which is tested here on
// the number, without writing it.
func frRate(d decimal.Decimal) bool {
	digits, scale := frShape(d)
	if scale > 2 || digits > 6 || d.Sign() < 0 {
		return false
	}
	h := d.CoefficientInt64() // at most 6 digits: exact
	for e := d.Exponent() + 2; e > 0; e-- {
		h *= 10
	}
	for e := d.Exponent() + 2; e < 0; e++ {
		h /= 10 // not reached: scale <= 2
	}
	switch h {
	case 0, 1000, 1300, 2000, 850, 1960, 210, 550, 700, 2060, 105, 90, 175, 920, 960:
		return true
	}
	return false
}

// frShape returns the number of digits and of decimals of d as the
// encoders write a rate, quantity or price: with the decimals it has.
func frShape(d decimal.Decimal) (digits, scale int) {
	n := d.NumDigits()
	if e := int(d.Exponent()); e < 0 {
		return max(n, 1-e), -e // 0.05 is 3 digits
	} else if d.IsZero() {
		return 1, 0
	} else {
		return n + e, 0
	}
}

// brFR16AllowanceCharge: BR-FR-16 on the document level allowances and
// charges (BT-96, BT-103): one issue at the first offender, as the CII
// schematron has one assert for both; the UBL schematron has one for each,
// BR-FR-16_BT-96 and BR-FR-16_BT-103.
func brFR16AllowanceCharge(c *checker) {
	inv := c.inv
	rule := c.rule
	for i := range inv.Allowances {
		if r := inv.Allowances[i].VAT.Rate; r != nil && !frRate(*r) {
			if c.syntax != UBL {
				c.fail(vatPath("Allowances", i, "VAT.Rate"), frWritten(*r))
				return
			}
			c.rule = "BR-FR-16_BT-96"
			c.fail(vatPath("Allowances", i, "VAT.Rate"), frWritten(*r))
			c.rule = rule
			break
		}
	}
	for i := range inv.Charges {
		if r := inv.Charges[i].VAT.Rate; r != nil && !frRate(*r) {
			if c.syntax == UBL {
				c.rule = "BR-FR-16_BT-103"
			}
			c.fail(vatPath("Charges", i, "VAT.Rate"), frWritten(*r))
			c.rule = rule
			return
		}
	}
}

// frAttachmentType reports whether s is a description BR-FR-17 allows for an
// attachment (BT-123).
func frAttachmentType(s string) bool {
	switch s {
	case "RIB", "LISIBLE", "FEUILLE_DE_STYLE", "PJA", "BORDEREAU_SUIVI", "DOCUMENT_ANNEXE", "BON_LIVRAISON",
		"BON_COMMANDE", "BORDEREAU_SUIVI_VALIDATION", "ETAT_ACOMPTE", "FACTURE_PAIEMENT_DIRECT", "RECAPITULATIF_COTRAITANCE":
		return true
	}
	return false
}

// brFR17: an attachment's description (BT-123), when given, is one of the
// reform's types (RIB, LISIBLE, BON_COMMANDE, ...).
func brFR17(c *checker) {
	for i := range c.inv.Attachments {
		if d := normalizeSpace(c.inv.Attachments[i].Description); d != "" && !frAttachmentType(d) {
			c.fail(vatPath("Attachments", i, "Description"), strconv.Quote(d))
			return
		}
	}
}

// brFR18: one attachment LISIBLE (the readable copy) at most.
func brFR18(c *checker) {
	n := 0
	for i := range c.inv.Attachments {
		if c.inv.Attachments[i].Description == "LISIBLE" {
			n++
		}
	}
	if n > 1 {
		c.fail("Attachments", "several LISIBLE")
	}
}

// frBARValue reports whether s is a processing type of BR-FR-20.
func frBARValue(s string) bool {
	switch s {
	case "B2B", "B2BINT", "B2C", "B2CINT", "OUTOFSCOPE", "ARCHIVEONLY":
		return true
	}
	return false
}

// brFR20: a note BAR gives one of the processing types.
func brFR20(c *checker) {
	for i := range c.inv.Notes {
		if n := &c.inv.Notes[i]; n.SubjectCode == "BAR" && !frBARValue(n.Text) {
			c.fail(vatPath("Notes", i, "Text"), strconv.Quote(n.Text))
			return
		}
	}
}

// brFR31: one processing type (note BAR) at most.
func brFR31(c *checker) {
	n := 0
	for i := range c.inv.Notes {
		if nt := &c.inv.Notes[i]; nt.SubjectCode == "BAR" && frBARValue(normalizeSpace(nt.Text)) {
			n++
		}
	}
	if n > 1 {
		frFail(c, "Notes", "several processing types")
	}
}

// frSelfBilled reports whether the type code (BT-3) is one of the
// self-billed types BR-FR-21 and BR-FR-22 name.
func frSelfBilled(code einvoice.DocumentTypeCode) bool {
	switch code {
	case "389", "501", "500", "471", "473", "261", "502":
		return true
	}
	return false
}

// brFR21: on a B2B invoice not self-billed, the buyer's electronic
// address (BT-49) starts with its SIREN and has scheme 0225.
func brFR21(c *checker) {
	if !frBAR(c.inv, "B2B") || frSelfBilled(c.inv.TypeCode) {
		return
	}
	b := &c.inv.Buyer
	if !strings.HasPrefix(b.ElectronicAddress.Value, b.LegalRegistration.Value) || b.ElectronicAddress.Scheme != einvoice.EASCode(einvoice.ICDFrenchAddress) {
		c.fail("Buyer.ElectronicAddress", strconv.Quote(string(b.ElectronicAddress.Scheme)+":"+b.ElectronicAddress.Value))
	}
}

// brFR22: on a B2B self-billed invoice, the seller's electronic address
// (BT-34) starts with its SIREN and has scheme 0225. The UBL schematron
// runs it on any processing type.
func brFR22(c *checker) {
	if c.syntax == UBL {
		if !frHasBAR(c.inv) || !frSelfBilled(c.inv.TypeCode) {
			return
		}
	} else if !frBAR(c.inv, "B2B") || !frSelfBilled(c.inv.TypeCode) {
		return
	}
	s := &c.inv.Seller
	if !strings.HasPrefix(s.ElectronicAddress.Value, s.LegalRegistration.Value) || s.ElectronicAddress.Scheme != einvoice.EASCode(einvoice.ICDFrenchAddress) {
		c.fail("Seller.ElectronicAddress", strconv.Quote(string(s.ElectronicAddress.Scheme)+":"+s.ElectronicAddress.Value))
	}
}

// frHasBAR reports whether a note BAR has a processing type, whichever.
func frHasBAR(inv *einvoice.Invoice) bool {
	for i := range inv.Notes {
		if n := &inv.Notes[i]; n.SubjectCode == "BAR" && n.Text != "" {
			return true
		}
	}
	return false
}

// frSchemeChars is custom:is-valid-schemeid-format: letters, digits and
// + - _ . only.
func frSchemeChars(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9', b == '+', b == '-', b == '_', b == '.':
		default:
			return false
		}
	}
	return true
}

// frAddressFormat: BR-FR-23, an electronic address of scheme 0225 is made
// of letters, digits and + - _ . only.
func frAddressFormat(c *checker, path string, a einvoice.ElectronicAddress) {
	if a.Scheme == einvoice.EASCode(einvoice.ICDFrenchAddress) && !frSchemeChars(a.Value) {
		c.fail(path, strconv.Quote(a.Value))
	}
}

// frAddressLength: BR-FR-25, an electronic address of 125 characters at
// most.
func frAddressLength(c *checker, path string, a einvoice.ElectronicAddress) {
	if utf8.RuneCountInString(a.Value) > 125 {
		c.fail(path, "")
	}
}

// frRoutingIDs: BR-FR-24 (format) and BR-FR-26 (at most 100 characters)
// on the identifiers of scheme 0224, the routing codes.
func frRoutingIDs(c *checker, path string, ids []einvoice.ID, length bool) {
	for i := range ids {
		if ids[i].Scheme != einvoice.ICDFrenchRouting {
			continue
		}
		v := ids[i].Value
		if (length && utf8.RuneCountInString(v) > 100) || (!length && !frSchemeChars(v)) {
			c.fail(vatPath(path, i, "Value"), strconv.Quote(v))
			return
		}
	}
}

// brFR27: an item attribute has a name (BT-160), not only white space.
// In the CII of EXTENDED an empty name is left out, and the assert, on
// ram:Description, does not run (BR-FR-27_BG-32 then wants a type code).
func brFR27(c *checker) {
	ext := c.extendedCII()
	attributesCheck(c, func(a *einvoice.ItemAttribute) bool { return !blank(a.Name) || (ext && a.Name == "") }, "Name")
}

// frObject: BR-FR-29, an invoiced object identifier (BT-18) of scheme AFL
// or AVV is not empty.
func frObject(c *checker, scheme einvoice.ReferenceCode) {
	if o := c.inv.InvoicedObject; o.Scheme == scheme && blank(o.Value) {
		c.fail("InvoicedObject.Value", "")
	}
}

// frLineObject: BR-FR-30, a line object identifier (BT-128) of scheme AFL
// or AVV is not empty; in UBL only (see French).
func frLineObject(c *checker, scheme einvoice.ReferenceCode) {
	if c.syntax != UBL {
		return
	}
	for i := range c.inv.Lines {
		if o := c.inv.Lines[i].Object; o.Scheme == scheme && blank(o.Value) {
			c.fail(vatPath("Lines", i, "Object.Value"), "")
			return
		}
	}
}

// brFR32Legal: a legal registration identifier of scheme 0002 (a SIREN)
// is 9 digits: the seller's, the buyer's, the payee's.
func brFR32Legal(c *checker) {
	inv := c.inv
	check := func(path string, id einvoice.ID) bool {
		if id.Scheme == einvoice.ICDSIREN && !allDigits(normalizeSpace(id.Value), 9) {
			c.fail(path, strconv.Quote(id.Value))
			return true
		}
		return false
	}
	if check("Seller.LegalRegistration", inv.Seller.LegalRegistration) || check("Buyer.LegalRegistration", inv.Buyer.LegalRegistration) {
		return
	}
	if p := inv.Payee; p != nil {
		check("Payee.LegalRegistration", p.LegalRegistration)
	}
}

// frSIRENScheme reports whether an identifier's scheme is 0002 or 0231,
// whose values BR-FR-32 wants of 9 digits.
func frSIRENScheme(id einvoice.ID) bool {
	return id.Scheme == einvoice.ICDSIREN || id.Scheme == einvoice.ICDFrenchSingleVAT
}

// brFR32Global: a party identifier of scheme 0002 or 0231 is 9 digits:
// the seller's (BT-29), the buyer's (BT-46), the payee's (BT-60), the
// delivery location (BT-71); in CII also an item's standard identifier
// (BT-157), a ram:GlobalID as well.
func brFR32Global(c *checker) {
	inv := c.inv
	bad := func(id einvoice.ID) bool { return frSIRENScheme(id) && !allDigits(normalizeSpace(id.Value), 9) }
	for _, l := range [...]struct {
		path string
		ids  []einvoice.ID
	}{{"Seller.Identifiers", inv.Seller.Identifiers}, {"Buyer.Identifiers", inv.Buyer.Identifiers}} {
		for i := range l.ids {
			if bad(l.ids[i]) {
				frFail(c, vatPath(l.path, i, "Value"), strconv.Quote(l.ids[i].Value))
				return
			}
		}
	}
	if p := inv.Payee; p != nil && bad(p.Identifier) {
		frFail(c, "Payee.Identifier", strconv.Quote(p.Identifier.Value))
		return
	}
	if d := inv.Delivery; d != nil && bad(d.LocationID) {
		frFail(c, "Delivery.LocationID", strconv.Quote(d.LocationID.Value))
		return
	}
	if c.syntax == UBL {
		return
	}
	for i := range inv.Lines {
		if id := inv.Lines[i].Item.StandardID; bad(id) {
			c.fail(vatPath("Lines", i, "Item.StandardID"), strconv.Quote(id.Value))
			return
		}
	}
}

// brFRCO03: a credit note for a global discount (262) gives the contract
// (BT-12) and the invoicing period's start and end (BT-73, BT-74).
func brFRCO03(c *checker) {
	inv := c.inv
	if inv.TypeCode != "262" {
		return
	}
	if p := inv.InvoicingPeriod; inv.ContractReference == "" || p == nil || p.Start.IsZero() || p.End.IsZero() {
		c.fail("TypeCode", "")
	}
}

// brFRCO04: a corrective invoice (384, 471, 472, 473) refers to exactly
// one preceding invoice (BT-25).
func brFRCO04(c *checker) {
	switch c.inv.TypeCode {
	case "384", "471", "472", "473":
		if n := len(c.inv.PrecedingInvoices); n != 1 {
			frFail(c, "PrecedingInvoices", strconv.Itoa(n)+" preceding invoices")
		}
	}
}

// brFRCO05: a credit note (261, 381, 396, 502, 503) refers to a preceding
// invoice with its number and date (BT-25, BT-26), or each of its lines
// does.
func brFRCO05(c *checker) {
	switch c.inv.TypeCode {
	case "261", "381", "396", "502", "503":
	default:
		return
	}
	for i := range c.inv.PrecedingInvoices {
		if !c.inv.PrecedingInvoices[i].IssueDate.IsZero() {
			return
		}
	}
	// Or every line that counts (no subtype, or DETAIL) refers to its
	// preceding invoice (EXT-FR-FE-136) with its date (EXT-FR-FE-138);
	// without such lines, this holds.
	for i := range c.inv.Lines {
		l := &c.inv.Lines[i]
		if l.Status != "" && l.Status != einvoice.LineDetail {
			continue
		}
		if p := l.PrecedingInvoice; p == nil || p.Number == "" || p.IssueDate.IsZero() {
			c.fail("PrecedingInvoices", "no preceding invoice with its date")
			return
		}
	}
}

// frPaidMode reports whether the billing mode (BT-23) is B2, S2 or M2: an
// invoice already paid.
func frPaidMode(inv *einvoice.Invoice) bool {
	switch inv.Process.BusinessProcess {
	case "B2", "S2", "M2":
		return true
	}
	return false
}

// brFRCO07: the due date (BT-9) is not before the issue date (BT-2), but
// for advance payment invoices (386, 500, 503) and invoices already paid.
func brFRCO07(c *checker) {
	inv := c.inv
	if inv.DueDate.IsZero() || frPaidMode(inv) {
		return
	}
	switch inv.TypeCode {
	case "386", "500", "503":
		return
	}
	if inv.DueDate.Before(inv.IssueDate) {
		c.fail("DueDate", inv.DueDate.String()+" before "+inv.IssueDate.String())
	}
}

// brFRCO08: a final invoice after down payments (B4, S4, M4) is not an
// advance payment invoice (386, 500, 503).
func brFRCO08(c *checker) {
	switch c.inv.Process.BusinessProcess {
	case "B4", "S4", "M4":
		switch c.inv.TypeCode {
		case "386", "500", "503":
			c.fail("Process.BusinessProcess", string(c.inv.TypeCode))
		}
	}
}

// brFRCO09Paid: an invoice already paid (B2, S2, M2) has the paid amount
// (BT-113) equal to the total (BT-112).
func brFRCO09Paid(c *checker) {
	inv := c.inv
	if frPaidMode(inv) && (inv.Totals.Paid == nil || !inv.Totals.Paid.Equal(inv.Totals.TaxInclusive)) {
		c.fail("Totals.Paid", "")
	}
}

// brFRCO09Due: an invoice already paid has nothing due (BT-115).
func brFRCO09Due(c *checker) {
	if frPaidMode(c.inv) && !c.inv.Totals.Due.IsZero() {
		c.fail("Totals.Due", c.inv.Totals.Due.String())
	}
}

// brFRCO09DueDate: an invoice already paid gives its due date (BT-9).
func brFRCO09DueDate(c *checker) {
	if frPaidMode(c.inv) && c.inv.DueDate.IsZero() {
		c.fail("DueDate", "")
	}
}

// frSchemeless: BR-FR-CO-10 (-1), every party identifier has a scheme; in
// UBL only, where an identifier without scheme is a cbc:ID without
// schemeID (CII writes it as ram:ID, which the rule does not read).
func frSchemeless(c *checker, path string, ids []einvoice.ID) {
	if c.syntax != UBL {
		return
	}
	for i := range ids {
		if ids[i].Scheme == "" {
			c.fail(path, strconv.Quote(ids[i].Value))
			return
		}
	}
}

// frSchemesOnce: BR-FR-CO-10 (-2), no two identifiers of a party with
// the same scheme.
func frSchemesOnce(c *checker, path string, ids []einvoice.ID) {
	for i := 1; i < len(ids); i++ {
		if ids[i].Scheme == "" {
			continue
		}
		for j := 0; j < i; j++ {
			if ids[j].Scheme == ids[i].Scheme {
				c.fail(vatPath(path, i, "Scheme"), string(ids[i].Scheme))
				return
			}
		}
	}
}

// brFRCO12: an invoice in a currency other than the euro accounts its VAT
// in euros: BT-6 is EUR and the VAT total in euros (BT-111) is given.
func brFRCO12(c *checker) {
	inv := c.inv
	if inv.Currency == "EUR" {
		return
	}
	if inv.TaxCurrency != "EUR" || inv.Totals.VATInTaxCurrency == nil {
		c.fail("TaxCurrency", strconv.Quote(string(inv.TaxCurrency)))
	}
}

// frSingleTaxable reports whether the seller is a member of a single
// taxable person (an identifier of scheme 0231).
func frSingleTaxable(inv *einvoice.Invoice) bool {
	for i := range inv.Seller.Identifiers {
		if inv.Seller.Identifiers[i].Scheme == einvoice.ICDFrenchSingleVAT {
			return true
		}
	}
	return false
}

// brFRCO14: a member of a single taxable person says so in a note TXD
// MEMBRE_ASSUJETTI_UNIQUE.
func brFRCO14(c *checker) {
	if !frSingleTaxable(c.inv) {
		return
	}
	for i := range c.inv.Notes {
		if n := &c.inv.Notes[i]; n.SubjectCode == "TXD" && n.Text == "MEMBRE_ASSUJETTI_UNIQUE" {
			return
		}
	}
	c.fail("Notes", "no note TXD MEMBRE_ASSUJETTI_UNIQUE")
}

// brFRCO15: a member of a single taxable person has a tax representative
// (BG-11) with its VAT identifier (BT-63).
func brFRCO15(c *checker) {
	if !frSingleTaxable(c.inv) {
		return
	}
	if tr := c.inv.TaxRepresentative; tr == nil || tr.VATID == "" {
		c.fail("TaxRepresentative", "")
	}
}

// frDigits reports whether a number as written has at most places
// decimals and 19 characters but the decimal point (a minus sign counts),
// and no sign unless signed: the pattern of custom:is-valid-decimal-19-N.
func frDigits(d decimal.Decimal, places int, signed bool) bool {
	if !signed && d.Sign() < 0 {
		return false
	}
	digits, scale := frShape(d)
	if d.Sign() < 0 {
		// string-length(replace(., '\.', '')) le 19 counts the minus sign
		digits++
	}
	return scale <= places && digits <= 19
}

// frAmountWritten returns an amount as the encoders write it, with 2
// decimals at most (they refuse an amount with more), and whether it
// passes BR-FR-DEC-01: 19 digits at most.
func frAmountWritten(d *decimal.Decimal) (decimal.Decimal, bool) {
	if d == nil {
		return decimal.Decimal{}, true
	}
	if d.Exponent() >= -2 {
		return *d, frDigits(*d, 2, true)
	}
	w := *d
	if w.Equal(w.Truncate(2)) {
		w = w.Truncate(2)
	}
	return w, frDigits(w, 2, true)
}

// frAmount: BR-FR-DEC-01 on the amount at path. It reports whether it
// failed.
func frAmount(c *checker, path string, d *decimal.Decimal) bool {
	w, ok := frAmountWritten(d)
	if !ok {
		c.fail(path, w.String())
	}
	return !ok
}

// frAmountAt is frAmount on the field of the i-th element of list, its
// path built on failure only.
func frAmountAt(c *checker, list string, i int, field string, d *decimal.Decimal) bool {
	w, ok := frAmountWritten(d)
	if !ok {
		c.fail(vatPath(list, i, field), w.String())
	}
	return !ok
}

// frDocAllowanceAmounts: BR-FR-DEC-01 on the document level allowances
// and charges: their amounts (BT-92, BT-99) or base amounts (BT-93,
// BT-100).
func frDocAllowanceAmounts(c *checker, base bool) {
	inv := c.inv
	field := "Amount"
	if base {
		field = "BaseAmount"
	}
	for i := range inv.Allowances {
		a := &inv.Allowances[i].Amount
		if base {
			a = inv.Allowances[i].BaseAmount
		}
		if frAmountAt(c, "Allowances", i, field, a) {
			return
		}
	}
	for i := range inv.Charges {
		a := &inv.Charges[i].Amount
		if base {
			a = inv.Charges[i].BaseAmount
		}
		if frAmountAt(c, "Charges", i, field, a) {
			return
		}
	}
}

// frLineAllowanceAmounts: BR-FR-DEC-01 on the line allowances and charges
// (BT-136, BT-141; bases BT-137, BT-142).
func frLineAllowanceAmounts(c *checker, base bool) {
	field := "Amount"
	if base {
		field = "BaseAmount"
	}
	for i := range c.inv.Lines {
		l := &c.inv.Lines[i]
		for j := range l.Allowances {
			a := &l.Allowances[j].Amount
			if base {
				a = l.Allowances[j].BaseAmount
			}
			if w, ok := frAmountWritten(a); !ok {
				c.fail(vatPath("Lines", i, "Allowances["+strconv.Itoa(j)+"]."+field), w.String())
				return
			}
		}
		for j := range l.Charges {
			a := &l.Charges[j].Amount
			if base {
				a = l.Charges[j].BaseAmount
			}
			if w, ok := frAmountWritten(a); !ok {
				c.fail(vatPath("Lines", i, "Charges["+strconv.Itoa(j)+"]."+field), w.String())
				return
			}
		}
	}
}

// frPrices: BR-FR-DEC-03, the item net price (BT-146, which 0), price
// discount (BT-147, 1) and gross price (BT-148, 2) have at most 6
// decimals and 19 digits, and are not negative but in bidirectional
// invoices (B9, S9, M9).
func frPrices(c *checker, which int) {
	signed := false
	switch c.inv.Process.BusinessProcess {
	case "B9", "S9", "M9":
		signed = true
	}
	for i := range c.inv.Lines {
		p := &c.inv.Lines[i].Price
		var d *decimal.Decimal
		field := "Price.Net"
		switch which {
		case 0:
			d = &p.Net
		case 1:
			if p.Gross == nil && c.syntax == CII {
				continue // not written: the discount goes in the gross price
			}
			d, field = p.Discount, "Price.Discount"
		case 2:
			d, field = p.Gross, "Price.Gross"
		}
		if d != nil && !frDigits(*d, 6, signed) {
			c.fail(vatPath("Lines", i, field), frWritten(*d))
			return
		}
	}
}

// frMultiVendor returns 'M' for a multi-vendor invoice (billing mode B8,
// S8 or M8), 'B' for a bidirectional one (B9, S9, M9), 0 otherwise.
// Such invoices group their lines in sub-invoices: see frSubInvoiceRules.
func frMultiVendor(inv *einvoice.Invoice) byte {
	switch normalizeSpace(inv.Process.BusinessProcess) {
	case "B8", "S8", "M8":
		return 'M'
	case "B9", "S9", "M9":
		return 'B'
	}
	return 0
}

// frPercent: BR-FR-DEC-04, a VAT rate is not negative, with at most 2
// decimals and 4 digits.
func frPercent(d decimal.Decimal) bool {
	digits, scale := frShape(d)
	return d.Sign() >= 0 && scale <= 2 && digits <= 4
}

// brFRDEC04AllowanceCharge: BR-FR-DEC-04 on the rates of the document
// level allowances and charges (BT-96, BT-103).
func brFRDEC04AllowanceCharge(c *checker) {
	inv := c.inv
	for i := range inv.Allowances {
		if r := inv.Allowances[i].VAT.Rate; r != nil && !frPercent(*r) {
			c.fail(vatPath("Allowances", i, "VAT.Rate"), frWritten(*r))
			return
		}
	}
	for i := range inv.Charges {
		if r := inv.Charges[i].VAT.Rate; r != nil && !frPercent(*r) {
			c.fail(vatPath("Charges", i, "VAT.Rate"), frWritten(*r))
			return
		}
	}
}
