package validate

import (
	"strconv"
	"strings"

	"github.com/einvoice-go/einvoice"
)

// codeRules lists the rules of this family, in the order they run: the code
// list rules BR-CL-* of the official schematron (EN16931-CII-codes.sch,
// 1.3.16). BR-CL-02, BR-CL-09 and BR-CL-12 do not exist.
var codeRules = []rule{
	{"BR-CL-01", brCL01},
	{"BR-CL-03", brCL03},
	{"BR-CL-04", brCL04},
	{"BR-CL-05", brCL05},
	{"BR-CL-06", brCL06},
	{"BR-CL-07", brCL07},
	{"BR-CL-08", brCL08},
	{"BR-CL-10", brCL10},
	{"BR-CL-11", brCL11},
	{"BR-CL-13", brCL13},
	{"BR-CL-14", brCL14},
	{"BR-CL-15", brCL15},
	{"BR-CL-16", brCL16},
	{"BR-CL-17", brCL17},
	{"BR-CL-18", brCL18},
	{"BR-CL-19", brCL19},
	{"BR-CL-20", brCL20},
	{"BR-CL-21", brCL21},
	{"BR-CL-22", brCL22},
	{"BR-CL-23", brCL23},
	{"BR-CL-24", brCL24},
	{"BR-CL-25", brCL25},
	{"BR-CL-26", brCL26},
}

// The code list rules check a code with the Valid method of its generated
// type (codes_gen.go), whose list is the one of the rule in the CII
// schematron; codes_test.go compares the two.
//
// The schematron tests each code as contains(' LIST ', concat(' ',
// normalize-space(.), ' ')) with no space inside: leading and trailing
// white space is ignored (clTrim), and a value that is empty once trimmed
// fails. A code that is absent is not checked. Absent means what the CII
// encoder leaves out: an optional code that is empty. A mandatory code is
// written even when empty, and the schematron then fails it: the document
// type (BT-3), the currency (BT-5), the country of a postal address that is
// given, the payment means (BT-81) of given payment instructions, and the
// VAT category codes; so those are checked even when empty.
//
// The UBL schematron checks the same lists on other elements; where that
// changes the verdict, the rule's comment says so.

// clTrim is XPath normalize-space for a code: white space around it
// removed (a space inside fails anyway).
func clTrim(s string) string {
	for len(s) > 0 && clSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && clSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

func clSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// clFail reports the code of the running rule at path.
func clFail(c *checker, path, code string) {
	c.fail(path, "code "+strconv.Quote(code))
}

// brCL01: the document type code (BT-3), UNTDID 1001 as EN 16931 restricts
// it. The UBL schematron checks the same list, but in cbc:InvoiceTypeCode
// and cbc:CreditNoteTypeCode, with its own lists for each (see
// DocumentTypeCode.IsCreditNote).
func brCL01(c *checker) {
	if code := c.inv.TypeCode; !einvoice.DocumentTypeCode(clTrim(string(code))).Valid() {
		clFail(c, "TypeCode", string(code))
	}
}

// brCL03: the currency of the amounts, ISO 4217. In CII only the VAT totals
// (ram:TaxTotalAmount) carry a currencyID: the invoice currency (BT-5) when
// the VAT total (BT-110) is given, the VAT accounting currency (BT-6) when
// the VAT total in accounting currency (BT-111) is. The UBL schematron
// checks the currencyID of every amount, so there the invoice currency is
// always checked.
func brCL03(c *checker) {
	t := &c.inv.Totals
	if t.VAT != nil && !einvoice.CurrencyCode(clTrim(string(c.inv.Currency))).Valid() {
		clFail(c, "Currency", string(c.inv.Currency))
	}
	if t.VATInTaxCurrency != nil && !einvoice.CurrencyCode(clTrim(string(c.inv.TaxCurrency))).Valid() {
		clFail(c, "TaxCurrency", string(c.inv.TaxCurrency))
	}
}

// brCL04: the invoice currency code (BT-5), ISO 4217.
func brCL04(c *checker) {
	if code := c.inv.Currency; !einvoice.CurrencyCode(clTrim(string(code))).Valid() {
		clFail(c, "Currency", string(code))
	}
}

// brCL05: the VAT accounting currency code (BT-6), ISO 4217.
func brCL05(c *checker) {
	if code := c.inv.TaxCurrency; code != "" && !einvoice.CurrencyCode(clTrim(string(code))).Valid() {
		clFail(c, "TaxCurrency", string(code))
	}
}

// brCL06: the VAT point date code (BT-8). The model holds UNTDID 2005 (3,
// 35, 432), the list of the UBL schematron; the CII binding writes it as
// UNTDID 2475 (5, 29, 72), the list of the CII schematron, mapping one to
// the other, and writes any other code as it is. So a model code is valid
// exactly when its CII form is in the CII list. (CII writes the code in each
// VAT breakdown, so an invoice without breakdown carries none; the model's
// code is checked anyway.)
func brCL06(c *checker) {
	if code := c.inv.TaxPointDateCode; code != "" && !einvoice.TaxPointDateCode(clTrim(string(code))).Valid() {
		clFail(c, "TaxPointDateCode", string(code))
	}
}

// brCL07: the scheme of the invoiced object identifier (BT-18-1) and of the
// line object identifiers (BT-128-1), UNTDID 1153.
func brCL07(c *checker) {
	inv := c.inv
	if s := inv.InvoicedObject.Scheme; s != "" && !inv.InvoicedObject.IsZero() && !einvoice.ReferenceCode(clTrim(string(s))).Valid() {
		clFail(c, "InvoicedObject.Scheme", string(s))
	}
	for i := range inv.Lines {
		o := &inv.Lines[i].Object
		if o.Scheme != "" && !einvoice.ReferenceCode(clTrim(string(o.Scheme))).Valid() {
			clFail(c, vatPath("Lines", i, "Object.Scheme"), string(o.Scheme))
		}
	}
}

// brCL08: the invoice note subject codes (BT-21), UNTDID 4451. The UBL
// schematron has no BR-CL-08.
func brCL08(c *checker) {
	for i := range c.inv.Notes {
		if s := c.inv.Notes[i].SubjectCode; s != "" && !einvoice.SubjectCode(clTrim(string(s))).Valid() {
			clFail(c, vatPath("Notes", i, "SubjectCode"), string(s))
		}
	}
}

// clICD reports id's scheme at path when it is given and not an ISO 6523
// ICD code.
func clICD(c *checker, id *einvoice.ID, path string) {
	if id.Scheme != "" && !einvoice.ICDCode(clTrim(string(id.Scheme))).Valid() {
		clFail(c, path, string(id.Scheme))
	}
}

// clICDs checks the schemes of a list of identifiers, as clICD, with the
// path of the list (its element paths built only for a failure).
func clICDs(c *checker, ids []einvoice.ID, path string) {
	for i := range ids {
		if s := ids[i].Scheme; s != "" && !einvoice.ICDCode(clTrim(string(s))).Valid() {
			clFail(c, vatPath(path, i, "Scheme"), string(s))
		}
	}
}

// brCL10: the schemes of the party identifiers, ISO 6523 ICD: the seller
// identifiers (BT-29-1), the buyer identifiers (BT-46-1) and the payee
// identifier (BT-60-1), which CII writes as ram:GlobalID when they have a
// scheme.
func brCL10(c *checker) {
	inv := c.inv
	clICDs(c, inv.Seller.Identifiers, "Seller.Identifiers")
	clICDs(c, inv.Buyer.Identifiers, "Buyer.Identifiers")
	if inv.Payee != nil {
		clICD(c, &inv.Payee.Identifier, "Payee.Identifier.Scheme")
	}
}

// brCL11: the schemes of the legal registration identifiers of the seller
// (BT-30-1), the buyer (BT-47-1) and the payee (BT-61-1), ISO 6523 ICD.
func brCL11(c *checker) {
	inv := c.inv
	clICD(c, &inv.Seller.LegalRegistration, "Seller.LegalRegistration.Scheme")
	clICD(c, &inv.Buyer.LegalRegistration, "Buyer.LegalRegistration.Scheme")
	if inv.Payee != nil {
		clICD(c, &inv.Payee.LegalRegistration, "Payee.LegalRegistration.Scheme")
	}
}

// brCL13: the schemes of the item classification identifiers (BT-158-1),
// UNTDID 7143.
func brCL13(c *checker) {
	for i := range c.inv.Lines {
		cls := c.inv.Lines[i].Item.Classifications
		for j := range cls {
			if s := cls[j].Scheme; s != "" && !einvoice.ClassificationScheme(clTrim(string(s))).Valid() {
				clFail(c, vatPath("Lines", i, vatPath("Item.Classifications", j, "Scheme")), string(s))
			}
		}
	}
}

// brCL14: the country codes of the postal addresses (BT-40, BT-55, BT-69,
// BT-80), ISO 3166-1 alpha-2. The seller's and the buyer's addresses are
// always given, the tax representative's with the tax representative, the
// deliver to address when not nil; their country code is then written even
// when empty, and an empty one fails, as in the official schematron.
func brCL14(c *checker) {
	if c.syntax == UBL {
		ublBRCL14(c)
		return
	}
	inv := c.inv
	clCountry(c, inv.Seller.Address.Country, "Seller.Address.Country")
	clCountry(c, inv.Buyer.Address.Country, "Buyer.Address.Country")
	if tr := inv.TaxRepresentative; tr != nil {
		clCountry(c, tr.Address.Country, "TaxRepresentative.Address.Country")
	}
	if d := inv.Delivery; d != nil && d.Address != nil {
		clCountry(c, d.Address.Country, "Delivery.Address.Country")
	}
}

func clCountry(c *checker, code einvoice.CountryCode, path string) {
	if !einvoice.CountryCode(clTrim(string(code))).Valid() {
		clFail(c, path, string(code))
	}
}

// brCL15: the item countries of origin (BT-159), ISO 3166-1 alpha-2.
func brCL15(c *checker) {
	for i := range c.inv.Lines {
		if code := c.inv.Lines[i].Item.OriginCountry; code != "" {
			clCountry(c, code, vatPath("Lines", i, "Item.OriginCountry"))
		}
	}
}

// brCL16: the payment means type code (BT-81), UNTDID 4461, checked when
// the payment instructions are given. (CII writes the code once per credit
// transfer account, so the official schematron reports it as many times.)
func brCL16(c *checker) {
	if p := c.inv.Payment; p != nil && !einvoice.PaymentMeansCode(clTrim(string(p.MeansCode))).Valid() {
		clFail(c, "Payment.MeansCode", string(p.MeansCode))
	}
}

// brCL17: the VAT category codes of the document level allowances (BT-95)
// and charges (BT-102), UNCL 5305 as EN 16931 restricts it: the CII
// ram:CategoryTradeTax. The UBL BR-CL-17 checks cac:TaxCategory, which also
// holds the VAT breakdown's category (BT-118).
func brCL17(c *checker) {
	if c.syntax == UBL {
		ublBRCL17(c)
		return
	}
	clAllowanceCategories(c)
}

// clAllowanceCategories checks the categories of the document level
// allowances and charges (BR-CL-17).
func clAllowanceCategories(c *checker) {
	inv := c.inv
	for i := range inv.Allowances {
		clCategory(c, inv.Allowances[i].VAT.Category, "Allowances", i, "VAT.Category")
	}
	for i := range inv.Charges {
		clCategory(c, inv.Charges[i].VAT.Category, "Charges", i, "VAT.Category")
	}
}

// brCL18: the VAT category codes of the lines (BT-151) and of the VAT
// breakdown (BT-118): the CII ram:ApplicableTradeTax. The UBL BR-CL-18
// checks cac:ClassifiedTaxCategory, the lines' only.
func brCL18(c *checker) {
	if c.syntax == UBL {
		ublBRCL18(c)
		return
	}
	inv := c.inv
	for i := range inv.Lines {
		clCategory(c, inv.Lines[i].VAT.Category, "Lines", i, "VAT.Category")
	}
	for k := range inv.VATBreakdown {
		clCategory(c, inv.VATBreakdown[k].Category, "VATBreakdown", k, "Category")
	}
}

func clCategory(c *checker, code einvoice.VATCategory, kind string, i int, field string) {
	if !einvoice.VATCategory(clTrim(string(code))).Valid() {
		clFail(c, vatPath(kind, i, field), string(code))
	}
}

// brCL19: the allowance reason codes, of the document (BT-98) and of the
// lines (BT-140), UNTDID 5189 as EN 16931 restricts it.
func brCL19(c *checker) {
	inv := c.inv
	for i := range inv.Allowances {
		if code := inv.Allowances[i].ReasonCode; code != "" && !einvoice.AllowanceReasonCode(clTrim(string(code))).Valid() {
			clFail(c, vatPath("Allowances", i, "ReasonCode"), string(code))
		}
	}
	for i := range inv.Lines {
		as := inv.Lines[i].Allowances
		for j := range as {
			if code := as[j].ReasonCode; code != "" && !einvoice.AllowanceReasonCode(clTrim(string(code))).Valid() {
				clFail(c, vatPath("Lines", i, vatPath("Allowances", j, "ReasonCode")), string(code))
			}
		}
	}
}

// brCL20: the charge reason codes, of the document (BT-105) and of the
// lines (BT-145), UNTDID 7161.
func brCL20(c *checker) {
	inv := c.inv
	for i := range inv.Charges {
		if code := inv.Charges[i].ReasonCode; code != "" && !einvoice.ChargeReasonCode(clTrim(string(code))).Valid() {
			clFail(c, vatPath("Charges", i, "ReasonCode"), string(code))
		}
	}
	for i := range inv.Lines {
		cs := inv.Lines[i].Charges
		for j := range cs {
			if code := cs[j].ReasonCode; code != "" && !einvoice.ChargeReasonCode(clTrim(string(code))).Valid() {
				clFail(c, vatPath("Lines", i, vatPath("Charges", j, "ReasonCode")), string(code))
			}
		}
	}
}

// brCL21: the schemes of the item standard identifiers (BT-157-1), ISO 6523
// ICD.
func brCL21(c *checker) {
	for i := range c.inv.Lines {
		id := &c.inv.Lines[i].Item.StandardID
		if id.Scheme != "" && !einvoice.ICDCode(clTrim(string(id.Scheme))).Valid() {
			clFail(c, vatPath("Lines", i, "Item.StandardID.Scheme"), string(id.Scheme))
		}
	}
}

// brCL22: the VAT exemption reason codes (BT-121), CEF VATEX. The official
// test upper-cases the code first (upper-case(.)), so lower case passes;
// this follows it.
func brCL22(c *checker) {
	for k := range c.inv.VATBreakdown {
		code := c.inv.VATBreakdown[k].ExemptionReasonCode
		if code == "" {
			continue
		}
		if t := clTrim(string(code)); !einvoice.VATEXCode(t).Valid() && !einvoice.VATEXCode(strings.ToUpper(t)).Valid() {
			clFail(c, vatPath("VATBreakdown", k, "ExemptionReasonCode"), string(code))
		}
	}
}

// brCL23: the units of measure of the invoiced quantities (BT-130) and of
// the price base quantities (BT-150), UN/ECE Recommendations 20 and 21.
func brCL23(c *checker) {
	for i := range c.inv.Lines {
		l := &c.inv.Lines[i]
		if l.Unit != "" && !einvoice.UnitCode(clTrim(string(l.Unit))).Valid() {
			clFail(c, vatPath("Lines", i, "Unit"), string(l.Unit))
		}
		if u := l.Price.BaseUnit; u != "" && !einvoice.UnitCode(clTrim(string(u))).Valid() {
			clFail(c, vatPath("Lines", i, "Price.BaseUnit"), string(u))
		}
	}
}

// brCL24: the MIME codes of the attached documents (BT-125-1). The official
// test compares the attribute exactly (no normalize-space), and the
// attribute is written with the attached document: when the attachment has
// content, a MIME code or a file name, its MIME code is checked, an empty
// one failing.
func brCL24(c *checker) {
	for i := range c.inv.Attachments {
		a := &c.inv.Attachments[i]
		if (a.Content != nil || a.MIMECode != "" || a.Filename != "") && !a.MIMECode.Valid() {
			clFail(c, vatPath("Attachments", i, "MIMECode"), string(a.MIMECode))
		}
	}
}

// brCL25: the schemes of the seller's and the buyer's electronic addresses
// (BT-34-1, BT-49-1), CEF EAS.
func brCL25(c *checker) {
	inv := c.inv
	if s := inv.Seller.ElectronicAddress.Scheme; s != "" && !einvoice.EASCode(clTrim(string(s))).Valid() {
		clFail(c, "Seller.ElectronicAddress.Scheme", string(s))
	}
	if s := inv.Buyer.ElectronicAddress.Scheme; s != "" && !einvoice.EASCode(clTrim(string(s))).Valid() {
		clFail(c, "Buyer.ElectronicAddress.Scheme", string(s))
	}
}

// brCL26: the scheme of the deliver to location identifier (BT-71-1), ISO
// 6523 ICD.
func brCL26(c *checker) {
	if d := c.inv.Delivery; d != nil {
		clICD(c, &d.LocationID, "Delivery.LocationID.Scheme")
	}
}
