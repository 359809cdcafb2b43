package einvoicetest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/clone"
	"github.com/shopspring/decimal"
)

// ErrUnknownRule is returned (wrapped) by Break for a rule it cannot
// break: one Breakable does not list (and by BreakChorusPro for one
// ChorusProBreakable does not list).
var ErrUnknownRule = errors.New("einvoicetest: Break does not know the rule")

// ErrNotApplicable is returned (wrapped) by Break when the invoice does not
// lend itself to breaking the rule alone: it lacks what the rule is about
// (a VAT category, an attachment, lines), its profile (BT-24) cannot carry
// what breaking the rule takes, or breaking it would break another rule
// too (removing the buyer's electronic address of a French B2B invoice
// breaks BR-FR-21 with BR-FR-12).
var ErrNotApplicable = errors.New("einvoicetest: the rule cannot be broken alone on this invoice")

// Break changes inv so that exactly one rule fails: the rule named, given
// by its official id as the CII schematrons spell it ("BR-CO-15",
// "BR-S-08", "BR-FR-05_BT-22_PMT"). inv should be an invoice that passes
// validation, as Invoice and New make them. Its rules are those of an
// official schematron (EN 16931, Factur-X, the French CIUS), so that the
// official tools report them too; the Chorus Pro rules, which none has,
// are BreakChorusPro's.
//
// After Break returns nil, validate.Invoice(inv, sets...) reports the rule
// and no other fatal issue, for the rule sets an invoice of its options
// passes (Options.RuleSets) when they include the rule; and the invoice
// still encodes as CII in its profile (BT-24), and as UBL when it did. The
// official schematron reports the rule too on the invoice's CII, and on its
// UBL for the EN 16931 rules whose UBL test is the CII one. The rule sets
// of the French CIUS and of Chorus Pro give a few rules UBL ids of their
// own (BR-FR-05_BT-22-1 for BR-FR-05_BT-22_PMT): see validate.French. The
// structural rules the decoders check on the XML (FX-SCH-A-*, CII-SR-*)
// may report the same fault as an element missing: a tax representative
// without its VAT identifier (BR-56) lacks an element Factur-X requires.
//
// Each rule is broken one way, the way an invoice commonly gets it wrong:
// a total that does not add up, a missing legal note, an end date before
// the start date, a VAT breakdown of category S with an exemption reason.
// The totals and VAT breakdown are then left as they are: Complete would
// repair them.
//
// Break changes inv only: the slices and groups it changes are copied
// first, so that a shallow copy of the invoice made before (c := *inv)
// keeps the valid invoice. It returns an error wrapping ErrUnknownRule
// for a rule Breakable does not list, and one wrapping ErrNotApplicable
// when it cannot break the rule alone on this invoice; inv is then
// unchanged.
func Break(inv *einvoice.Invoice, rule string) error {
	return breakRule(inv, rule, false)
}

// BreakChorusPro is Break for the rules of Chorus Pro that no official
// schematron has (BR-FR-CPRO-*, CHORUSPRO-*: the limits of its fields, its
// service code, its payment means), listed by ChorusProBreakable. Their
// one judge is validate.ChorusPro: after BreakChorusPro returns nil,
// validate.Invoice(inv, validate.ChorusPro(opt)) reports the rule and no
// other fatal issue, for an invoice of Options.ChorusPro.
func BreakChorusPro(inv *einvoice.Invoice, rule string) error {
	return breakRule(inv, rule, true)
}

// chorusProOnly reports whether rule is one of Chorus Pro's own, which no
// official schematron has.
func chorusProOnly(rule string) bool {
	return strings.HasPrefix(rule, "BR-FR-CPRO-") || strings.HasPrefix(rule, "CHORUSPRO-")
}

func breakRule(inv *einvoice.Invoice, rule string, cpro bool) error {
	if inv == nil {
		return fmt.Errorf("%w: %s on a nil invoice", ErrNotApplicable, rule)
	}
	i := slices.IndexFunc(breakers, func(b breaker) bool { return b.rule == rule })
	if i < 0 || chorusProOnly(rule) != cpro {
		if cpro {
			return fmt.Errorf("%w: %q (see ChorusProBreakable)", ErrUnknownRule, rule)
		}
		return fmt.Errorf("%w: %q (see Breakable)", ErrUnknownRule, rule)
	}
	b := &breakers[i]
	// The work copy shares nothing Break changes with inv: Break replaces
	// the figures behind pointers, never writes through them.
	work := clone.Invoice(inv)
	m := &mut{inv: work, lvl: invoiceLevel(inv)}
	if m.lvl < b.min || !b.apply(m) {
		return fmt.Errorf("%w: %s on invoice %s", ErrNotApplicable, rule, inv.Number)
	}
	*inv = *work
	return nil
}

// Breakable returns the ids of the rules Break can break, sorted.
func Breakable() []string { return breakable(false) }

// ChorusProBreakable returns the ids of the rules BreakChorusPro can break,
// sorted.
func ChorusProBreakable() []string { return breakable(true) }

func breakable(cpro bool) []string {
	var ids []string
	for _, b := range breakers {
		if chorusProOnly(b.rule) == cpro {
			ids = append(ids, b.rule)
		}
	}
	slices.Sort(ids)
	return ids
}

// invoiceLevel returns the level of the invoice's profile, from its
// specification identifier (BT-24): EN 16931 for one that names no
// Factur-X profile.
func invoiceLevel(inv *einvoice.Invoice) level {
	switch einvoice.FacturXProfile(inv.Process.Specification) {
	case "minimum":
		return levelMinimum
	case "basicwl":
		return levelBasicWL
	case "basic":
		return levelBasic
	case "extended", "extended-ctc-fr":
		return levelExtended
	}
	return levelEN16931
}

// breaker is how Break breaks one rule: apply changes the invoice, or
// reports false, having changed nothing that matters (Break drops the
// copy), when the invoice does not lend itself to it. min is the smallest
// profile that carries what apply writes.
type breaker struct {
	rule  string
	min   level
	apply func(m *mut) bool
}

// mut is an invoice being broken.
type mut struct {
	inv *einvoice.Invoice
	lvl level
}

// delta is the amount by which Break puts a figure wrong: one unit of
// the currency, beyond the official tolerances of rounding.
var delta = decimal.New(100, -2)

// extDelta is delta plus the tolerance of the sums of EXTENDED (BR-FXEXT):
// a hundredth for each line, allowance and charge.
func (m *mut) extDelta() decimal.Decimal {
	n := len(m.inv.Lines) + len(m.inv.Allowances) + len(m.inv.Charges)
	return delta.Add(decimal.New(int64(n), -2))
}

// add returns a new pointer to *p + d, *p counting 0 when p is nil.
func add(p *decimal.Decimal, d decimal.Decimal) *decimal.Decimal {
	v := d
	if p != nil {
		v = p.Add(d)
	}
	return &v
}

// passOn adds d to the total with VAT (BT-112) and to what follows from
// it: the amount due (BT-115), or the paid amount (BT-113) of a French
// invoice already paid, whose amount due stays 0.
func (m *mut) passOn(d decimal.Decimal) {
	t := &m.inv.Totals
	t.TaxInclusive = t.TaxInclusive.Add(d)
	if paidMode(m.inv) {
		t.Paid = add(t.Paid, d)
	} else {
		t.Due = t.Due.Add(d)
	}
}

// uses reports whether a line, allowance, charge or VAT breakdown of the
// invoice has category cat.
func (m *mut) uses(cat einvoice.VATCategory) bool {
	inv := m.inv
	for i := range inv.Lines {
		if inv.Lines[i].VAT.Category == cat {
			return true
		}
	}
	for i := range inv.Allowances {
		if inv.Allowances[i].VAT.Category == cat {
			return true
		}
	}
	for i := range inv.Charges {
		if inv.Charges[i].VAT.Category == cat {
			return true
		}
	}
	for i := range inv.VATBreakdown {
		if inv.VATBreakdown[i].Category == cat {
			return true
		}
	}
	return false
}

// breakdown returns the first VAT breakdown of category cat, or nil.
func (m *mut) breakdown(cat einvoice.VATCategory) *einvoice.VATBreakdown {
	for i := range m.inv.VATBreakdown {
		if m.inv.VATBreakdown[i].Category == cat {
			return &m.inv.VATBreakdown[i]
		}
	}
	return nil
}

// bar returns the text of the first note BAR (the French processing
// type), or "".
func (m *mut) bar() string {
	for _, n := range m.inv.Notes {
		if n.SubjectCode == einvoice.SubjectBAR {
			return n.Text
		}
	}
	return ""
}

// selfBilled reports whether the type code is one the French CIUS takes
// for self-billed.
func selfBilled(c einvoice.DocumentTypeCode) bool {
	switch c {
	case "389", "501", "500", "471", "473", "261", "502":
		return true
	}
	return false
}

// b2b reports whether the invoice says it is French business to business
// (note BAR B2B), which brings in BR-FR-11 and BR-FR-21.
func (m *mut) b2b() bool { return m.bar() == "B2B" }

// note returns the index of the first note of subject code, or -1.
func (m *mut) note(code einvoice.SubjectCode) int {
	return slices.IndexFunc(m.inv.Notes, func(n einvoice.Note) bool { return n.SubjectCode == code })
}

// text returns a text of n characters, for the length rules.
func text(n int) string {
	const s = "Fourniture et pose selon devis, "
	t := []byte(strings.Repeat(s, n/len(s)+1)[:n])
	t[n-1] = '.'
	return string(t)
}

// ascii returns a text of n characters of the set the French CIUS allows
// in identifiers.
func ascii(prefix string, n int) string {
	if len(prefix) >= n {
		return prefix
	}
	return prefix + strings.Repeat("X", n-len(prefix))
}

// otherSIRET returns a valid SIRET whose SIREN is not siren.
func otherSIRET(siren string) string {
	other := "732829320"
	if siren == other {
		other = "552100554"
	}
	return siret(nil, other, 12)
}

// rescale returns d written with places decimals, the same value.
func rescale(d decimal.Decimal, places int32) decimal.Decimal {
	return decimal.NewFromBigInt(d.Shift(places).BigInt(), -places)
}

// year returns d in year y.
func year(d einvoice.Date, y int) einvoice.Date {
	if d.Month == time.February && d.Day == 29 {
		d.Day = 28
	}
	d.Year = y
	return d
}

// url is the location of an attachment Break adds.
const url = "https://www.example.com/documents/bon-de-livraison.pdf"

// line0 returns the first line, or nil.
func (m *mut) line0() *einvoice.Line {
	if len(m.inv.Lines) == 0 {
		return nil
	}
	return &m.inv.Lines[0]
}

// breakers lists the rules Break knows, by family.
var breakers = []breaker{
	// The core rules.
	{"BR-06", levelMinimum, func(m *mut) bool { m.inv.Seller.Name = ""; return true }},
	{"BR-07", levelMinimum, func(m *mut) bool { m.inv.Buyer.Name = ""; return true }},
	{"BR-17", levelBasicWL, func(m *mut) bool {
		// The payee's name is the seller's: the official CII rule wants
		// them to differ.
		if m.inv.Payee == nil {
			m.inv.Payee = &einvoice.Payee{}
		}
		m.inv.Payee.Name = m.inv.Seller.Name
		return m.inv.Seller.Name != ""
	}},
	{"BR-18", levelBasicWL, func(m *mut) bool { return m.taxRep("", "FR", true) }},
	{"BR-56", levelBasicWL, func(m *mut) bool { return m.taxRep("Cabinet Fiscal Rhône SAS", "FR", false) }},
	{"BR-21", levelBasic, func(m *mut) bool {
		if l := m.line0(); l != nil {
			l.ID = ""
			return true
		}
		return false
	}},
	{"BR-23", levelBasic, func(m *mut) bool {
		if l := m.line0(); l != nil {
			l.Unit = ""
			return true
		}
		return false
	}},
	{"BR-25", levelBasic, func(m *mut) bool {
		if l := m.line0(); l != nil {
			l.Item.Name = ""
			return true
		}
		return false
	}},
	{"BR-29", levelBasicWL, func(m *mut) bool {
		start := m.inv.IssueDate
		if p := m.inv.InvoicingPeriod; p != nil && !p.Start.IsZero() {
			start = p.Start
		}
		m.inv.InvoicingPeriod = &einvoice.Period{Start: start, End: start.AddDays(-1)}
		return true
	}},
	{"BR-30", levelBasic, func(m *mut) bool {
		if l := m.line0(); l != nil {
			l.Period = &einvoice.Period{Start: m.inv.IssueDate, End: m.inv.IssueDate.AddDays(-1)}
			return true
		}
		return false
	}},
	{"BR-50", levelBasicWL, func(m *mut) bool {
		p := m.inv.Payment
		if p == nil || len(p.CreditTransfers) == 0 || (p.MeansCode != "30" && p.MeansCode != "58") {
			return false
		}
		p.CreditTransfers[0].AccountID = ""
		return true
	}},
	{"BR-51", levelEN16931, func(m *mut) bool {
		// A full card number.
		if m.inv.Payment == nil {
			return false
		}
		m.inv.Payment.Card = &einvoice.PaymentCard{PrimaryAccountNumber: "4970101234567894"}
		return true
	}},
	{"BR-52", levelEN16931, func(m *mut) bool {
		if len(m.inv.Attachments) > 0 {
			m.inv.Attachments[0].ID = ""
		} else {
			m.inv.Attachments = []einvoice.Attachment{{ExternalLocation: url}}
		}
		return true
	}},
	{"BR-62", levelBasicWL, func(m *mut) bool {
		// The seller's electronic address without its scheme.
		if m.inv.Seller.ElectronicAddress.Value == "" || (selfBilled(m.inv.TypeCode) && m.bar() != "") { // BR-FR-22
			return false
		}
		m.inv.Seller.ElectronicAddress.Scheme = ""
		return true
	}},
	{"BR-63", levelBasicWL, func(m *mut) bool {
		if m.inv.Buyer.ElectronicAddress.Value == "" || m.b2b() { // BR-FR-21
			return false
		}
		m.inv.Buyer.ElectronicAddress.Scheme = ""
		return true
	}},
	{"BR-64", levelBasic, func(m *mut) bool {
		// An item standard identifier (a GTIN) without its scheme.
		l := m.line0()
		if l == nil {
			return false
		}
		if l.Item.StandardID.Value == "" {
			l.Item.StandardID.Value = "3012345678902"
		}
		l.Item.StandardID.Scheme = ""
		return true
	}},
	{"BR-65", levelEN16931, func(m *mut) bool {
		l := m.line0()
		if l == nil {
			return false
		}
		l.Item.Classifications = []einvoice.Classification{{Value: "940360"}}
		return true
	}},

	// The conditions and sums.
	{"BR-CO-03", levelEN16931, func(m *mut) bool {
		// Both a VAT point date and its code. The CEN schematron checks
		// them in the VAT breakdowns of categories other than O, L and M.
		if !slices.ContainsFunc(m.inv.VATBreakdown, func(b einvoice.VATBreakdown) bool {
			return b.Category != einvoice.VATNotSubject && b.Category != einvoice.VATCanaryIslands && b.Category != einvoice.VATCeutaMelilla
		}) {
			return false
		}
		m.inv.TaxPointDate = m.inv.IssueDate
		m.inv.TaxPointDateCode = einvoice.TaxPointInvoiceDate
		return true
	}},
	{"BR-CO-09", levelMinimum, func(m *mut) bool {
		// The seller's VAT identifier without its country prefix in capitals.
		v := m.inv.Seller.VATID
		if len(v) < 3 {
			return false
		}
		m.inv.Seller.VATID = strings.ToLower(v[:2]) + v[2:]
		return true
	}},
	{"BR-CO-10", levelBasic, breakLineNet},
	{"BR-FXEXT-CO-10", levelExtended, func(m *mut) bool {
		// EXTENDED's BR-FXEXT-CO-13 adds the lines, not BT-106: BT-106
		// alone is put wrong, and so for BT-107 and BT-108.
		t := &m.inv.Totals
		t.LineNet = t.LineNet.Add(m.extDelta())
		return len(m.inv.Lines) > 0
	}},
	{"BR-CO-11", levelBasicWL, breakAllowances},
	{"BR-FXEXT-CO-11", levelExtended, func(m *mut) bool {
		m.inv.Totals.Allowances = add(m.inv.Totals.Allowances, m.extDelta())
		return true
	}},
	{"BR-CO-12", levelBasicWL, breakCharges},
	{"BR-FXEXT-CO-12", levelExtended, func(m *mut) bool {
		m.inv.Totals.Charges = add(m.inv.Totals.Charges, m.extDelta())
		return true
	}},
	{"BR-CO-13", levelBasicWL, breakTaxExclusive},
	{"BR-FXEXT-CO-13", levelExtended, func(m *mut) bool {
		t := &m.inv.Totals
		d := m.extDelta()
		t.TaxExclusive = t.TaxExclusive.Add(d)
		m.passOn(d)
		return true
	}},
	{"BR-CO-14", levelBasicWL, func(m *mut) bool {
		t := &m.inv.Totals
		if t.VAT == nil {
			return false
		}
		t.VAT = add(t.VAT, delta)
		m.passOn(delta)
		return true
	}},
	{"BR-CO-15", levelMinimum, breakTaxInclusive},
	{"BR-FXEXT-CO-15", levelExtended, func(m *mut) bool { m.passOn(m.extDelta()); return true }},
	{"BR-CO-16", levelMinimum, breakDue},
	{"BR-FXEXT-CO-16", levelExtended, func(m *mut) bool {
		if paidMode(m.inv) {
			return false
		}
		m.inv.Totals.Due = m.inv.Totals.Due.Add(m.extDelta())
		return true
	}},
	{"BR-CO-19", levelBasicWL, func(m *mut) bool {
		// An invoicing period without dates.
		if m.inv.TypeCode == einvoice.DocumentType262 { // BR-FR-CO-03 wants its dates
			return false
		}
		if m.uses(einvoice.VATIntraCommunity) && (m.inv.Delivery == nil || m.inv.Delivery.Date.IsZero()) { // BR-IC-11
			return false
		}
		m.inv.InvoicingPeriod = &einvoice.Period{}
		return true
	}},
	{"BR-CO-20", levelBasic, func(m *mut) bool {
		if l := m.line0(); l != nil {
			l.Period = &einvoice.Period{}
			return true
		}
		return false
	}},
	{"BR-CO-25", levelBasicWL, func(m *mut) bool {
		// An amount due without due date or payment terms.
		if m.inv.Totals.Due.Sign() <= 0 {
			return false
		}
		m.inv.DueDate = einvoice.Date{}
		m.inv.PaymentTerms = ""
		return true
	}},

	// The VAT categories: a taxable amount that is not the sum of the
	// lines, allowances and charges of the category (-08), an exemption
	// reason where there is none (-10 of S, Z, L, M) or none where one is
	// due (-10 of E, AE, K, G, O), no delivery date or place for an
	// intra-community supply.
	{"BR-S-08", levelBasic, breakTaxable(einvoice.VATStandard)},
	{"BR-Z-08", levelBasic, breakTaxable(einvoice.VATZeroRated)},
	{"BR-E-08", levelBasic, breakTaxable(einvoice.VATExempt)},
	{"BR-AE-08", levelBasic, breakTaxable(einvoice.VATReverseCharge)},
	{"BR-IC-08", levelBasic, breakTaxable(einvoice.VATIntraCommunity)},
	{"BR-G-08", levelBasic, breakTaxable(einvoice.VATExport)},
	{"BR-O-08", levelBasic, breakTaxable(einvoice.VATNotSubject)},
	{"BR-S-10", levelBasicWL, addExemption(einvoice.VATStandard)},
	{"BR-Z-10", levelBasicWL, addExemption(einvoice.VATZeroRated)},
	{"BR-AF-10", levelBasicWL, addExemption(einvoice.VATCanaryIslands)},
	{"BR-AG-10", levelBasicWL, addExemption(einvoice.VATCeutaMelilla)},
	{"BR-E-10", levelBasicWL, removeExemption(einvoice.VATExempt)},
	{"BR-AE-10", levelBasicWL, removeExemption(einvoice.VATReverseCharge)},
	{"BR-IC-10", levelBasicWL, removeExemption(einvoice.VATIntraCommunity)},
	{"BR-G-10", levelBasicWL, removeExemption(einvoice.VATExport)},
	{"BR-O-10", levelBasicWL, removeExemption(einvoice.VATNotSubject)},
	{"BR-IC-11", levelBasicWL, func(m *mut) bool {
		// An intra-community supply without delivery date or invoicing period.
		if !m.uses(einvoice.VATIntraCommunity) || m.inv.TypeCode == einvoice.DocumentType262 {
			return false
		}
		if m.inv.Delivery != nil {
			m.inv.Delivery.Date = einvoice.Date{}
		}
		m.inv.InvoicingPeriod = nil
		return true
	}},
	{"BR-IC-12", levelBasicWL, func(m *mut) bool {
		// An intra-community supply without the country it is delivered to.
		if !m.uses(einvoice.VATIntraCommunity) || m.inv.Delivery == nil {
			return false
		}
		m.inv.Delivery.Address = nil
		return true
	}},

	// The French CIUS.
	{"BR-FR-02_BT-1", levelMinimum, func(m *mut) bool {
		// A space in the invoice number.
		m.inv.Number = withSpace(m.inv.Number)
		return true
	}},
	{"BR-FR-02_BT-25", levelBasicWL, func(m *mut) bool {
		if len(m.inv.PrecedingInvoices) == 0 {
			return false
		}
		m.inv.PrecedingInvoices[0].Number = withSpace(m.inv.PrecedingInvoices[0].Number)
		return true
	}},
	{"BR-FR-03_BT-2", levelMinimum, func(m *mut) bool {
		m.inv.IssueDate = year(m.inv.IssueDate, 1999)
		return true
	}},
	{"BR-FR-03_BT-9", levelBasicWL, func(m *mut) bool {
		if m.inv.DueDate.IsZero() {
			return false
		}
		m.inv.DueDate = year(m.inv.DueDate, 2100)
		return true
	}},
	{"BR-FR-03_BT-26", levelBasicWL, func(m *mut) bool {
		if len(m.inv.PrecedingInvoices) == 0 || m.inv.PrecedingInvoices[0].IssueDate.IsZero() {
			return false
		}
		m.inv.PrecedingInvoices[0].IssueDate = year(m.inv.PrecedingInvoices[0].IssueDate, 1999)
		return true
	}},
	{"BR-FR-03_BT-72", levelBasicWL, func(m *mut) bool {
		if m.inv.Delivery == nil {
			m.inv.Delivery = &einvoice.Delivery{}
		}
		m.inv.Delivery.Date = year(m.inv.IssueDate, 1999)
		return true
	}},
	{"BR-FR-03_BT-73", levelBasicWL, func(m *mut) bool {
		end := m.inv.IssueDate
		if p := m.inv.InvoicingPeriod; p != nil {
			end = p.End
		}
		m.inv.InvoicingPeriod = &einvoice.Period{Start: year(m.inv.IssueDate, 1999), End: end}
		return true
	}},
	{"BR-FR-03_BT-74", levelBasicWL, func(m *mut) bool {
		start := m.inv.IssueDate
		if p := m.inv.InvoicingPeriod; p != nil {
			start = p.Start
		}
		m.inv.InvoicingPeriod = &einvoice.Period{Start: start, End: year(m.inv.IssueDate, 2100)}
		return true
	}},
	{"BR-FR-04_BT-3", levelMinimum, func(m *mut) bool {
		// A partial invoice (326), a type the reform does not use.
		m.inv.TypeCode = einvoice.DocumentType326
		return true
	}},
	{"BR-FR-05_BT-22_PMT", levelBasicWL, removeNote(einvoice.SubjectPMT)},
	{"BR-FR-05_BT-22_PMD", levelBasicWL, removeNote(einvoice.SubjectPMD)},
	{"BR-FR-05_BT-22_AAB", levelBasicWL, removeNote(einvoice.SubjectAAB)},
	{"BR-FR-06_BT-21_PMT", levelBasicWL, repeatNote(einvoice.SubjectPMT)},
	{"BR-FR-06_BT-21_PMD", levelBasicWL, repeatNote(einvoice.SubjectPMD)},
	{"BR-FR-06_BT-21_AAB", levelBasicWL, repeatNote(einvoice.SubjectAAB)},
	{"BR-FR-06_BT-21_TXD", levelBasicWL, func(m *mut) bool {
		if m.note(einvoice.SubjectTXD) >= 0 {
			return false
		}
		n := einvoice.Note{SubjectCode: einvoice.SubjectTXD, Text: "Régime de TVA : débits"}
		m.inv.Notes = append(m.inv.Notes, n, n)
		return true
	}},
	{"BR-FR-08_BT-23", levelMinimum, func(m *mut) bool {
		// The billing framework of the former Chorus Pro rules.
		m.inv.Process.BusinessProcess = "A1"
		return true
	}},
	{"BR-FR-09_BT-29", levelBasicWL, func(m *mut) bool {
		// The seller's SIRET is not of its SIREN.
		i := slices.IndexFunc(m.inv.Seller.Identifiers, func(id einvoice.ID) bool { return id.Scheme == einvoice.ICDSIRET })
		if i < 0 {
			return false
		}
		m.inv.Seller.Identifiers[i].Value = otherSIRET(m.inv.Seller.LegalRegistration.Value)
		return true
	}},
	{"BR-FR-09_BT-46", levelBasicWL, func(m *mut) bool {
		i := slices.IndexFunc(m.inv.Buyer.Identifiers, func(id einvoice.ID) bool { return id.Scheme == einvoice.ICDSIRET })
		if i < 0 {
			return false
		}
		m.inv.Buyer.Identifiers[i].Value = otherSIRET(m.inv.Buyer.LegalRegistration.Value)
		return true
	}},
	{"BR-FR-09_BT-60", levelBasicWL, func(m *mut) bool {
		p := m.inv.Payee
		if p == nil || p.Identifier.Scheme != einvoice.ICDSIRET {
			return false
		}
		p.Identifier.Value = otherSIRET(p.LegalRegistration.Value)
		return true
	}},
	{"BR-FR-09_BT-71", levelBasicWL, func(m *mut) bool {
		// A SIRET of 13 digits as the place of delivery.
		if m.inv.Delivery == nil {
			m.inv.Delivery = &einvoice.Delivery{}
		}
		m.inv.Delivery.LocationID = einvoice.ID{Value: "7328293200001", Scheme: einvoice.ICDSIRET}
		return true
	}},
	{"BR-FR-11_BT-47", levelBasicWL, func(m *mut) bool {
		// A B2B invoice without the buyer's SIREN (nor SIRET).
		b := &m.inv.Buyer
		if !m.b2b() || m.uses(einvoice.VATReverseCharge) && b.VATID == "" {
			return false
		}
		b.LegalRegistration = einvoice.ID{}
		b.Identifiers = slices.DeleteFunc(b.Identifiers, func(id einvoice.ID) bool { return id.Scheme == einvoice.ICDSIRET })
		if len(b.Identifiers) == 0 {
			b.Identifiers = nil
		}
		return true
	}},
	{"BR-FR-12_BT-49", levelBasicWL, func(m *mut) bool {
		if m.b2b() && !selfBilled(m.inv.TypeCode) { // BR-FR-21
			return false
		}
		m.inv.Buyer.ElectronicAddress = einvoice.ElectronicAddress{}
		return true
	}},
	{"BR-FR-13_BT-34", levelBasicWL, func(m *mut) bool {
		if selfBilled(m.inv.TypeCode) && m.bar() != "" { // BR-FR-22
			return false
		}
		m.inv.Seller.ElectronicAddress = einvoice.ElectronicAddress{}
		return true
	}},
	{"BR-FR-17_BT-123", levelEN16931, func(m *mut) bool {
		// An attachment description that is not one of the reform's types.
		if len(m.inv.Attachments) == 0 {
			m.inv.Attachments = []einvoice.Attachment{{ID: "BL-0001", ExternalLocation: url}}
		}
		m.inv.Attachments[0].Description = "Bon de livraison"
		return true
	}},
	{"BR-FR-18_BT-123", levelEN16931, func(m *mut) bool {
		// Two readable copies.
		m.inv.Attachments = append(m.inv.Attachments,
			einvoice.Attachment{ID: "COPIE-1", Description: "LISIBLE", ExternalLocation: url},
			einvoice.Attachment{ID: "COPIE-2", Description: "LISIBLE", ExternalLocation: url})
		return true
	}},
	{"BR-FR-20_BT-21", levelBasicWL, func(m *mut) bool {
		// A processing type that does not exist.
		m.inv.Notes = append(m.inv.Notes, einvoice.Note{SubjectCode: einvoice.SubjectBAR, Text: "B2G"})
		return true
	}},
	{"BR-FR-21_BT-49", levelBasicWL, func(m *mut) bool {
		// A B2B invoice to the buyer's SIRET, not its address of scheme 0225.
		b := &m.inv.Buyer
		i := slices.IndexFunc(b.Identifiers, func(id einvoice.ID) bool { return id.Scheme == einvoice.ICDSIRET })
		if !m.b2b() || selfBilled(m.inv.TypeCode) || i < 0 {
			return false
		}
		b.ElectronicAddress = einvoice.ElectronicAddress{Value: b.Identifiers[i].Value, Scheme: einvoice.EAS0009}
		return true
	}},
	{"BR-FR-22_BT-34", levelBasicWL, func(m *mut) bool {
		// A self-billed B2B invoice to the seller's SIRET, not its address
		// of scheme 0225.
		s := &m.inv.Seller
		i := slices.IndexFunc(s.Identifiers, func(id einvoice.ID) bool { return id.Scheme == einvoice.ICDSIRET })
		if !m.b2b() || i < 0 || (m.inv.TypeCode != "380" && m.inv.TypeCode != "389") {
			return false
		}
		m.inv.TypeCode = einvoice.DocumentType389
		s.ElectronicAddress = einvoice.ElectronicAddress{Value: s.Identifiers[i].Value, Scheme: einvoice.EAS0009}
		return true
	}},
	{"BR-FR-23_BT-34", levelBasicWL, func(m *mut) bool { return badAddress(&m.inv.Seller.ElectronicAddress, " FACTURES") }},
	{"BR-FR-23_BT-49", levelBasicWL, func(m *mut) bool { return badAddress(&m.inv.Buyer.ElectronicAddress, " FACTURES") }},
	{"BR-FR-25_BT-34", levelBasicWL, func(m *mut) bool {
		return badAddress(&m.inv.Seller.ElectronicAddress, ascii("_", 126-len(m.inv.Seller.ElectronicAddress.Value)))
	}},
	{"BR-FR-25_BT-49", levelBasicWL, func(m *mut) bool {
		return badAddress(&m.inv.Buyer.ElectronicAddress, ascii("_", 126-len(m.inv.Buyer.ElectronicAddress.Value)))
	}},
	{"BR-FR-24_BT-29", levelBasicWL, func(m *mut) bool {
		// A routing code with a space.
		return m.sellerID(einvoice.ID{Value: "SERVICE COMPTABILITE", Scheme: einvoice.ICDFrenchRouting})
	}},
	{"BR-FR-26_BT-29", levelBasicWL, func(m *mut) bool {
		return m.sellerID(einvoice.ID{Value: ascii("SERVICE-", 101), Scheme: einvoice.ICDFrenchRouting})
	}},
	{"BR-FR-27_BT-160", levelEN16931, func(m *mut) bool {
		// An item attribute whose name is blank: a space (an empty name
		// is left out of EXTENDED's CII, where BR-FR-27_BG-32 then wants
		// a type code).
		l := m.line0()
		if l == nil {
			return false
		}
		l.Item.Attributes = append(l.Item.Attributes, einvoice.ItemAttribute{Name: " ", Value: "Chêne"})
		return true
	}},
	{"BR-FR-31_BT-21", levelBasicWL, func(m *mut) bool {
		// Two processing types.
		bar := m.bar()
		if bar == "" {
			bar = "B2BINT"
			m.inv.Notes = append(m.inv.Notes, einvoice.Note{SubjectCode: einvoice.SubjectBAR, Text: bar})
		}
		m.inv.Notes = append(m.inv.Notes, einvoice.Note{SubjectCode: einvoice.SubjectBAR, Text: bar})
		return true
	}},
	{"BR-FR-32-GLOBALID", levelBasicWL, func(m *mut) bool {
		// A SIREN identifier of 10 digits.
		return m.sellerID(einvoice.ID{Value: "7328293201", Scheme: einvoice.ICDSIREN})
	}},
	{"BR-FR-CO-03_BT-3", levelBasicWL, func(m *mut) bool {
		// A consolidated credit note without its contract.
		m.inv.TypeCode = einvoice.DocumentType262
		m.inv.ContractReference = ""
		return true
	}},
	{"BR-FR-CO-04_BT-4", levelBasicWL, func(m *mut) bool {
		// A corrected invoice without the invoice it corrects.
		m.inv.TypeCode = einvoice.DocumentType384
		m.inv.PrecedingInvoices = nil
		return true
	}},
	{"BR-FR-CO-05_BT-3", levelBasicWL, func(m *mut) bool {
		// A credit note without the invoice it credits.
		m.inv.TypeCode = einvoice.CreditNote
		m.inv.PrecedingInvoices = nil
		return true
	}},
	{"BR-FR-CO-07_BT-9", levelBasicWL, func(m *mut) bool {
		// A due date before the issue date.
		switch m.inv.TypeCode {
		case "386", "500", "503":
			return false
		}
		if paidMode(m.inv) {
			return false
		}
		m.inv.DueDate = m.inv.IssueDate.AddDays(-10)
		return true
	}},
	{"BR-FR-CO-08_BT-23", levelMinimum, func(m *mut) bool {
		// A prepayment invoice in the billing mode of final invoices.
		m.inv.TypeCode = einvoice.DocumentType386
		m.inv.Process.BusinessProcess = billingMode(m.inv, '4')
		return true
	}},
	{"BR-FR-CO-09_BT-23-1", levelEN16931, func(m *mut) bool {
		// Already paid, with a paid amount that is not the total (the
		// rounding amount keeps the amount due at 0).
		t := &m.inv.Totals
		m.paid()
		t.Paid = add(&t.TaxInclusive, delta)
		t.Rounding = add(nil, delta)
		return true
	}},
	{"BR-FR-CO-09_BT-23-2", levelEN16931, func(m *mut) bool {
		// Already paid, with an amount still due.
		t := &m.inv.Totals
		m.paid()
		t.Rounding = add(nil, delta)
		t.Due = delta
		return true
	}},
	{"BR-FR-CO-09_BT-23-3", levelBasicWL, func(m *mut) bool {
		// Already paid, without its due date.
		m.paid()
		m.inv.DueDate = einvoice.Date{}
		return true
	}},
	{"BR-FR-CO-12_BT-5", levelBasicWL, func(m *mut) bool {
		// An invoice in Swiss francs without its VAT in euros.
		if m.inv.Currency == einvoice.CurrencyEUR {
			m.inv.Currency = einvoice.CurrencyCHF
		}
		m.inv.TaxCurrency = ""
		m.inv.Totals.VATInTaxCurrency = nil
		return true
	}},
	{"BR-FR-CO-14_BT-29-1", levelBasicWL, func(m *mut) bool {
		// A member of a single taxable person without the note saying so.
		if m.note(einvoice.SubjectTXD) >= 0 || !m.singleTaxable() {
			return false
		}
		return m.taxRep("Groupe TVA Berthier SAS", "FR", true)
	}},
	{"BR-FR-CO-15_BT-29-1", levelBasicWL, func(m *mut) bool {
		// A member of a single taxable person without its representative.
		if m.note(einvoice.SubjectTXD) >= 0 || m.inv.TaxRepresentative != nil || !m.singleTaxable() {
			return false
		}
		m.inv.Notes = append(m.inv.Notes, einvoice.Note{SubjectCode: einvoice.SubjectTXD, Text: "MEMBRE_ASSUJETTI_UNIQUE"})
		return true
	}},
	{"BR-FR-DEC-02_BT-129", levelBasic, func(m *mut) bool {
		// A quantity of 5 decimals.
		l := m.line0()
		if l == nil {
			return false
		}
		l.Quantity = rescale(l.Quantity, 5)
		return true
	}},
	{"BR-FR-DEC-02_BT-149", levelBasic, func(m *mut) bool {
		l := m.line0()
		if l == nil {
			return false
		}
		bq := decimal.New(1, 0)
		if l.Price.BaseQuantity != nil {
			bq = *l.Price.BaseQuantity
		}
		l.Price.BaseQuantity = new(rescale(bq, 5))
		return true
	}},
	{"BR-FR-DEC-03_BT-146", levelBasic, func(m *mut) bool {
		// A price of 7 decimals.
		l := m.line0()
		if l == nil {
			return false
		}
		l.Price.Net = rescale(l.Price.Net, 7)
		return true
	}},
	{"BR-FR-DEC-03_BT-148", levelBasic, func(m *mut) bool {
		l := m.line0()
		if l == nil {
			return false
		}
		if l.Price.Gross == nil {
			l.Price.Gross = new(rescale(l.Price.Net, 7))
		} else {
			l.Price.Gross = new(rescale(*l.Price.Gross, 7))
		}
		return true
	}},

	// Chorus Pro: the limits of its fields, its service code and its
	// payment means. BR-FR-CPRO-11 .. 13 depend on the buyer's directory
	// setting and are left out; BR-FR-CPRO-03 and 09 cannot be broken one
	// without the other.
	{"BR-FR-CPRO-02", levelMinimum, func(m *mut) bool {
		if len(m.inv.Number) > 20 {
			return false
		}
		m.inv.Number = ascii(m.inv.Number+"-", 24)
		return true
	}},
	{"BR-FR-CPRO-10", levelBasicWL, func(m *mut) bool {
		// A public buyer without its SIRET.
		b := &m.inv.Buyer
		if !slices.ContainsFunc(b.Identifiers, func(id einvoice.ID) bool { return id.Scheme == einvoice.ICDSIRET }) {
			return false
		}
		b.Identifiers = nil
		return true
	}},
	{"BR-FR-CPRO-14", levelBasicWL, func(m *mut) bool { m.inv.ContractReference = ascii("MP-2026-", 51); return true }},
	{"BR-FR-CPRO-15", levelMinimum, func(m *mut) bool { m.inv.PurchaseOrderReference = ascii("EJ", 51); return true }},
	{"BR-FR-CPRO-20", levelBasicWL, func(m *mut) bool {
		// Two preceding invoices.
		if m.inv.TypeCode == einvoice.DocumentType384 {
			return false // BR-FR-CO-04 wants one
		}
		d := m.inv.IssueDate.AddDays(-30)
		m.inv.PrecedingInvoices = append(m.inv.PrecedingInvoices,
			einvoice.PrecedingInvoice{Number: "FA-2025-00017", IssueDate: d},
			einvoice.PrecedingInvoice{Number: "FA-2025-00018", IssueDate: d})
		return true
	}},
	{"BR-FR-CPRO-24", levelMinimum, func(m *mut) bool { m.inv.Process.BusinessProcess = "S5"; return true }},
	{"BR-FR-CPRO-29", levelBasicWL, func(m *mut) bool {
		for i := range m.inv.VATBreakdown {
			if b := &m.inv.VATBreakdown[i]; b.ExemptionReason != "" {
				b.ExemptionReason = text(1025)
				return true
			}
		}
		return false
	}},
	{"BR-FR-CPRO-30", levelEN16931, func(m *mut) bool {
		m.inv.Attachments = append(m.inv.Attachments, einvoice.Attachment{ID: ascii("BL-", 51), ExternalLocation: url})
		return true
	}},
	{"BR-FR-CPRO-31", levelEN16931, func(m *mut) bool {
		if l := m.line0(); l != nil {
			l.Item.Description = text(1025)
			return true
		}
		return false
	}},
	{"BR-FR-CPRO-32", levelBasicWL, func(m *mut) bool { m.inv.Seller.Address.Line1 = text(401); return true }},
	{"BR-FR-CPRO-33", levelBasicWL, func(m *mut) bool { m.inv.Seller.Address.City = text(401); return true }},
	{"BR-FR-CPRO-34", levelEN16931, func(m *mut) bool { m.inv.Buyer.TradingName = text(100); return true }},
	{"BR-FR-CPRO-35", levelBasicWL, func(m *mut) bool { m.inv.PaymentTerms = text(1025); return true }},
	{"BR-FR-CPRO-36", levelBasicWL, func(m *mut) bool { m.inv.Seller.TradingName = text(100); return true }},
	{"BR-FR-CPRO-37", levelBasicWL, func(m *mut) bool {
		if m.inv.Payee == nil {
			m.inv.Payee = &einvoice.Payee{}
		}
		m.inv.Payee.Name = text(100)
		return true
	}},
	{"BR-FR-CPRO-38", levelBasicWL, func(m *mut) bool {
		if m.inv.Delivery == nil {
			m.inv.Delivery = &einvoice.Delivery{}
		}
		m.inv.Delivery.LocationID = einvoice.ID{Value: "301234500100712345678", Scheme: einvoice.ICD0088}
		return true
	}},
	{"BR-FR-CPRO-41", levelEN16931, func(m *mut) bool {
		m.inv.Attachments = append(m.inv.Attachments, einvoice.Attachment{
			ID: "BL-0002", Content: []byte(attachmentPDF), MIMECode: einvoice.MIMEPDF, Filename: ascii("bon-de-livraison-", 47) + ".pdf",
		})
		return true
	}},
	{"BR-FR-CPRO-42", levelBasicWL, func(m *mut) bool {
		m.inv.Notes = append(m.inv.Notes, einvoice.Note{SubjectCode: einvoice.SubjectAAI, Text: text(1025)})
		return true
	}},
	{"BR-FR-CPRO-43", levelMinimum, func(m *mut) bool { m.inv.Seller.Name = text(100); return true }},
	{"BR-FR-CPRO-44", levelMinimum, func(m *mut) bool { m.inv.Buyer.Name = text(100); return true }},
	{"CHORUSPRO-01", levelMinimum, func(m *mut) bool {
		// The service code reserved for invoices between public entities.
		m.inv.BuyerReference = "FACTURES_PUBLIQUES"
		return true
	}},
	{"CHORUSPRO-02", levelEN16931, func(m *mut) bool {
		// An attached file of a type Chorus Pro refuses.
		m.inv.Attachments = append(m.inv.Attachments, einvoice.Attachment{
			ID: "PJ-EXE", Content: []byte(attachmentPDF), MIMECode: einvoice.MIMEPDF, Filename: "bon-de-livraison.pdf.exe",
		})
		return true
	}},
	{"CHORUSPRO-04", levelEN16931, func(m *mut) bool {
		// An empty attached file.
		m.inv.Attachments = append(m.inv.Attachments, einvoice.Attachment{
			ID: "PJ-VIDE", Content: []byte{}, MIMECode: einvoice.MIMEPDF, Filename: "bon-de-livraison.pdf",
		})
		return true
	}},
	{"CHORUSPRO-05", levelBasicWL, func(m *mut) bool {
		// The SEPA codes 58 and 59, which Chorus Pro writes 30 and 49.
		p := m.inv.Payment
		switch {
		case p == nil:
			return false
		case p.MeansCode == einvoice.PaymentMeansCreditTransfer:
			p.MeansCode = einvoice.PaymentMeansSEPACreditTransfer
		case p.MeansCode == einvoice.PaymentMeansDirectDebit:
			p.MeansCode = einvoice.PaymentMeansSEPADirectDebit
		default:
			return false
		}
		return true
	}},
	{"CHORUSPRO-06", levelBasicWL, func(m *mut) bool {
		// A domestic account number, not an IBAN.
		p := m.inv.Payment
		if p == nil || len(p.CreditTransfers) == 0 {
			return false
		}
		p.CreditTransfers[0].AccountID = "00012345678"
		return true
	}},
}

// taxRep gives the invoice a tax representative of the name, country and,
// with vat, VAT identifier, which must not be on an invoice not subject to
// VAT (BR-O-02).
func (m *mut) taxRep(name string, country einvoice.CountryCode, vat bool) bool {
	if vat && m.uses(einvoice.VATNotSubject) || country != "" && m.uses(einvoice.VATSplitPayment) {
		return false
	}
	tr := &einvoice.TaxRepresentative{Name: name, Address: einvoice.Address{Line1: "8 quai Jules-Courmont", City: "Lyon", PostCode: "69002", Country: country}}
	if vat {
		tr.VATID = "FR44732829320"
	}
	m.inv.TaxRepresentative = tr
	return true
}

// sellerID adds id to the seller's identifiers, when it has none of the
// scheme.
func (m *mut) sellerID(id einvoice.ID) bool {
	s := &m.inv.Seller
	if slices.ContainsFunc(s.Identifiers, func(x einvoice.ID) bool { return x.Scheme == id.Scheme }) {
		return false
	}
	s.Identifiers = append(s.Identifiers, id)
	return true
}

// singleTaxable makes the seller a member of a single VAT taxable person
// (an identifier of scheme 0231, its SIREN), when it has a SIREN and no
// such identifier.
func (m *mut) singleTaxable() bool {
	l := m.inv.Seller.LegalRegistration
	return l.Scheme == einvoice.ICDSIREN && m.sellerID(einvoice.ID{Value: l.Value, Scheme: einvoice.ICDFrenchSingleVAT})
}

// paid makes the invoice one already paid (billing mode B2, S2 or M2):
// paid in full, nothing due, and a due date.
func (m *mut) paid() {
	inv := m.inv
	inv.Process.BusinessProcess = billingMode(inv, '2')
	t := &inv.Totals
	t.Paid = add(&t.TaxInclusive, decimal.Decimal{})
	t.Rounding = nil
	t.Due = decimal.New(0, -2)
	if inv.DueDate.IsZero() {
		inv.DueDate = inv.IssueDate
	}
}

// billingMode returns the French billing mode of the invoice's kind (B
// goods, S services, M both; M when BT-23 says none) and the figure.
func billingMode(inv *einvoice.Invoice, figure byte) string {
	kind := byte('M')
	if bp := inv.Process.BusinessProcess; len(bp) == 2 && (bp[0] == 'B' || bp[0] == 'S') {
		kind = bp[0]
	}
	return string([]byte{kind, figure})
}

// withSpace returns s with a space in it, as long as s.
func withSpace(s string) string {
	if i := strings.IndexAny(s, "-/"); i >= 0 {
		return s[:i] + " " + s[i+1:]
	}
	if len(s) < 2 {
		return s + " 1"
	}
	return s[:1] + " " + s[2:]
}

// badAddress appends suffix to an electronic address of scheme 0225.
func badAddress(a *einvoice.ElectronicAddress, suffix string) bool {
	if a.Scheme != einvoice.EAS0225 {
		return false
	}
	a.Value += suffix
	return true
}

// removeNote removes the notes of a subject code.
func removeNote(code einvoice.SubjectCode) func(m *mut) bool {
	return func(m *mut) bool {
		if m.note(code) < 0 {
			return false
		}
		m.inv.Notes = slices.DeleteFunc(m.inv.Notes, func(n einvoice.Note) bool { return n.SubjectCode == code })
		return true
	}
}

// repeatNote gives the note of a subject code a second time.
func repeatNote(code einvoice.SubjectCode) func(m *mut) bool {
	return func(m *mut) bool {
		i := m.note(code)
		if i < 0 {
			return false
		}
		m.inv.Notes = append(m.inv.Notes, m.inv.Notes[i])
		return true
	}
}

// breakTaxable puts the taxable amount of the VAT breakdown of cat wrong,
// by 2: beyond the tolerance of 1 of the UBL schematron's BR-S-08 (whose
// xs:double subtraction makes a difference of exactly 1 pass or fail by
// chance), and by a tax amount within the tolerance of BR-CO-17 for rates
// up to 50 %.
func breakTaxable(cat einvoice.VATCategory) func(m *mut) bool {
	return func(m *mut) bool {
		b := m.breakdown(cat)
		if b == nil || len(m.inv.Lines) == 0 || b.Rate != nil && b.Rate.GreaterThan(decimal.New(50, 0)) {
			return false
		}
		b.TaxableAmount = b.TaxableAmount.Add(decimal.New(2, 0))
		return true
	}
}

// addExemption gives the VAT breakdown of cat an exemption reason.
func addExemption(cat einvoice.VATCategory) func(m *mut) bool {
	return func(m *mut) bool {
		b := m.breakdown(cat)
		if b == nil {
			return false
		}
		b.ExemptionReason = "Exonération"
		return true
	}
}

// removeExemption removes the exemption reason and code of the VAT
// breakdown of cat.
func removeExemption(cat einvoice.VATCategory) func(m *mut) bool {
	return func(m *mut) bool {
		b := m.breakdown(cat)
		if b == nil {
			return false
		}
		b.ExemptionReason, b.ExemptionReasonCode = "", ""
		return true
	}
}

// breakLineNet puts the sum of line net amounts (BT-106) wrong, and the
// totals that follow from it right.
func breakLineNet(m *mut) bool {
	t := &m.inv.Totals
	if len(m.inv.Lines) == 0 {
		return false
	}
	t.LineNet = t.LineNet.Add(delta)
	t.TaxExclusive = t.TaxExclusive.Add(delta)
	m.passOn(delta)
	return true
}

// breakAllowances puts the sum of allowances (BT-107) wrong.
func breakAllowances(m *mut) bool {
	t := &m.inv.Totals
	t.Allowances = add(t.Allowances, delta)
	t.TaxExclusive = t.TaxExclusive.Sub(delta)
	m.passOn(delta.Neg())
	return true
}

// breakCharges puts the sum of charges (BT-108) wrong.
func breakCharges(m *mut) bool {
	t := &m.inv.Totals
	t.Charges = add(t.Charges, delta)
	t.TaxExclusive = t.TaxExclusive.Add(delta)
	m.passOn(delta)
	return true
}

// breakTaxExclusive puts the total without VAT (BT-109) wrong.
func breakTaxExclusive(m *mut) bool {
	t := &m.inv.Totals
	t.TaxExclusive = t.TaxExclusive.Add(delta)
	m.passOn(delta)
	return true
}

// breakTaxInclusive puts the total with VAT (BT-112) wrong.
func breakTaxInclusive(m *mut) bool {
	m.passOn(delta)
	return true
}

// breakDue puts the amount due (BT-115) wrong.
func breakDue(m *mut) bool {
	if paidMode(m.inv) {
		return false // BR-FR-CO-09 wants it 0
	}
	m.inv.Totals.Due = m.inv.Totals.Due.Add(delta)
	return true
}
