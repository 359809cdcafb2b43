package ubl

import (
	"encoding/base64"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/xmlw"
	"github.com/shopspring/decimal"
)

// ErrUnsupported is returned (wrapped, with the business terms it concerns)
// by Encode for an invoice that UBL 2.1 cannot carry as it is: a payment due
// date (BT-9) in a credit note without payment instructions (BG-16), more
// than one buyer identifier (BT-46), or any of the EXTENDED terms of the
// model (the parties of einvoice.Party, the line hierarchy, the line
// references, deliveries and totals, EXT-FR-FE-*; an item attribute's
// measure, BT-X-12), which the EN 16931 binding of UBL does not have and
// CII EXTENDED carries.
var ErrUnsupported = errors.New("ubl: the invoice cannot be written in UBL 2.1")

// unsupportedError names the terms UBL cannot carry; it wraps ErrUnsupported.
type unsupportedError struct{ msg string }

func (e *unsupportedError) Error() string { return ErrUnsupported.Error() + ": " + e.msg }
func (e *unsupportedError) Unwrap() error { return ErrUnsupported }

// Encoder writes invoices as UBL 2.1. Its zero value writes indented output.
type Encoder struct {
	// Compact leaves out the indentation and line breaks.
	Compact bool
}

// Encode writes inv as a UBL 2.1 Invoice, or a CreditNote when its type
// code (BT-3) is a credit note type, indented by two spaces.
func Encode(w io.Writer, inv *einvoice.Invoice) error {
	return (&Encoder{}).Encode(w, inv)
}

// Encode writes inv as a UBL 2.1 Invoice, or a CreditNote when its type
// code (BT-3) is a credit note type (einvoice.DocumentTypeCode.IsCreditNote),
// elements in the order of the UBL 2.1 schema and terms where the EN 16931
// UBL binding puts them. An amount with more than 2 decimals is a
// *FigureError; an invoice UBL cannot carry as it is, an error wrapping
// ErrUnsupported. Nothing is written on error.
func (e *Encoder) Encode(w io.Writer, inv *einvoice.Invoice) error {
	credit := inv.TypeCode.IsCreditNote()
	if credit && !inv.DueDate.IsZero() && inv.Payment == nil {
		// UBL 2.1 has no cbc:DueDate in a CreditNote: the binding puts BT-9
		// in cac:PaymentMeans/cbc:PaymentDueDate, and a cac:PaymentMeans
		// needs a payment means type code (BT-81) the invoice does not have.
		return &unsupportedError{"a credit note carries the payment due date (BT-9) in its payment instructions (BG-16), and it has none"}
	}
	if terms := extendedTerms(inv); len(terms) > 0 {
		return &unsupportedError{"UBL carries none of the EXTENDED terms the invoice holds: " + strings.Join(terms, ", ") + "; CII EXTENDED carries them"}
	}
	if len(inv.Buyer.Identifiers) > 1 {
		// UBL-SR-16: the EN 16931 binding of UBL has one
		// cac:PartyIdentification for the buyer.
		return &unsupportedError{"UBL carries one buyer identifier (BT-46), and the invoice has " + strconv.Itoa(len(inv.Buyer.Identifiers)) + "; CII EXTENDED carries several"}
	}
	if inv.Totals.VAT == nil && len(inv.VATBreakdown) > 0 {
		// The VAT breakdown goes in a cac:TaxTotal, whose cbc:TaxAmount (the
		// VAT total, BT-110) UBL requires; CII may leave it out. The only
		// value the rules allow is the sum of the breakdown's tax amounts
		// (BR-CO-14), so that is what is written, and a CII document
		// without BT-110 converts to UBL. The sum is the model's one
		// calculation's (its other figures and errors are not used here).
		totals, _ := einvoice.CalculateTotals(inv)
		filled := *inv
		filled.Totals.VAT = totals.VAT
		inv = &filled
	}
	enc := encoder{inv: inv, credit: credit}
	enc.w.Compact = e.Compact
	enc.w.Figure = figureError
	enc.w.Buf = make([]byte, 0, sizeHint(inv))
	enc.document()
	if enc.w.Err != nil {
		return enc.w.Err
	}
	_, err := w.Write(enc.w.Buf)
	return err
}

// extendedTerms returns the EXTENDED terms inv holds, which UBL does not
// carry, in the order of their ids, which are package cii's (whose
// EXTENDED profiles carry them): the French reform's terms (EXT-FR-FE-n; a
// line's seller is EXT-FR-FE-164), its groups (EXT-FR-FE-BG-n), then an
// item attribute's measure (BT-X-12).
func extendedTerms(inv *einvoice.Invoice) []string {
	var precedingType bool
	for i := range inv.PrecedingInvoices {
		precedingType = precedingType || inv.PrecedingInvoices[i].TypeCode != ""
	}
	var l struct{ code, parent, status, seller, vat, vatTax, total, preceding, delivery, measure bool }
	for i := range inv.Lines {
		x := &inv.Lines[i]
		l.parent = l.parent || x.ParentID != ""
		l.status = l.status || x.Status != ""
		l.seller = l.seller || x.Seller != nil
		l.vat = l.vat || x.VATTotal != nil
		l.vatTax = l.vatTax || x.VATTotalInTaxCurrency != nil
		l.total = l.total || x.TotalWithVAT != nil
		l.preceding = l.preceding || x.PrecedingInvoice != nil
		l.delivery = l.delivery || x.Delivery != nil
		for j := range x.Item.Attributes {
			a := &x.Item.Attributes[j]
			l.code = l.code || a.TypeCode != ""
			l.measure = l.measure || a.Measure != nil
		}
	}
	var terms []string
	for _, t := range []struct {
		held bool
		id   string
	}{
		{precedingType, "EXT-FR-FE-02"},
		{inv.Payee != nil && !inv.Payee.ElectronicAddress.IsZero(), "EXT-FR-FE-29"},
		{l.code, "EXT-FR-FE-159"},
		{l.parent, "EXT-FR-FE-162"},
		{l.status, "EXT-FR-FE-163"},
		{l.seller, "EXT-FR-FE-164"},
		{l.vat, "EXT-FR-FE-181"},
		{l.vatTax, "EXT-FR-FE-182"},
		{l.total, "EXT-FR-FE-184"},
		{inv.BuyerAgent != nil, "EXT-FR-FE-BG-01"},
		{inv.Payer != nil, "EXT-FR-FE-BG-02"},
		{inv.SalesAgent != nil, "EXT-FR-FE-BG-03"},
		{inv.Invoicee != nil, "EXT-FR-FE-BG-04"},
		{inv.Invoicer != nil, "EXT-FR-FE-BG-05"},
		{l.preceding, "EXT-FR-FE-BG-06"},
		{l.delivery, "EXT-FR-FE-BG-10"},
		{l.measure, "BT-X-12"},
	} {
		if t.held {
			terms = append(terms, t.id)
		}
	}
	return terms
}

// sizeHint is about the size of the document, so that it is written in one
// allocation: a header of parties and totals, the texts and attachments that
// can be long, some 800 bytes a simple line and more for its options.
func sizeHint(inv *einvoice.Invoice) int {
	size := 4096 + 1024*len(inv.Lines)
	for i := range inv.Notes {
		size += 32 + len(inv.Notes[i].Text)
	}
	for i := range inv.Attachments {
		size += 512 + base64.StdEncoding.EncodedLen(len(inv.Attachments[i].Content))
	}
	for i := range inv.Lines {
		l := &inv.Lines[i]
		size += len(l.Note) + len(l.Item.Description) + 384*(len(l.Allowances)+len(l.Charges)) +
			128*(len(l.Item.Classifications)+len(l.Item.Attributes))
	}
	return size
}

func figureError(term, value, msg string) error {
	return &FigureError{Term: term, Value: value, Msg: msg}
}

// writer is the shared XML writer with the dates of UBL.
type writer struct {
	xmlw.Writer
}

// date writes <tag>YYYY-MM-DD</tag>.
func (w *writer) date(tag string, d einvoice.Date) {
	w.CheckDate(tag, d)
	w.StartLeaf(tag)
	w.Buf = append(w.Buf, '>')
	w.Buf = xmlw.AppendISODate(w.Buf, d)
	w.EndLeaf(tag)
}

// optDate writes <tag>YYYY-MM-DD</tag> when d is not zero.
func (w *writer) optDate(tag string, d einvoice.Date) {
	if !d.IsZero() {
		w.date(tag, d)
	}
}

// id writes <tag>value</tag> inside <outer>, when value is not empty.
func (w *writer) id(outer, tag, value string) {
	if value == "" {
		return
	}
	w.Open(outer)
	w.Text(tag, value)
	w.Close(outer)
}

// taxScheme writes cac:TaxScheme/cbc:ID.
func (w *writer) taxScheme(id string) {
	w.Open("cac:TaxScheme")
	w.Text("cbc:ID", id)
	w.Close("cac:TaxScheme")
}

// encoder writes one invoice.
type encoder struct {
	w      writer
	inv    *einvoice.Invoice
	credit bool // a CreditNote, not an Invoice
}

const (
	invoiceHeader = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"` + namespaces
	creditNoteHeader = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"` + namespaces
	namespaces = ` xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"` +
		` xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">`
)

// defaultSpecification is BT-24 when the invoice has none.
const defaultSpecification = "urn:cen.eu:en16931:2017"

// amount writes an amount in the invoice currency (BT-5).
func (e *encoder) amount(tag string, d decimal.Decimal, term string) {
	e.w.AmountCurrency(tag, d, e.inv.Currency, term)
}

// optAmount writes an amount in the invoice currency when d is not nil.
func (e *encoder) optAmount(tag string, d *decimal.Decimal, term string) {
	if d != nil {
		e.w.AmountCurrency(tag, *d, e.inv.Currency, term)
	}
}

// price writes a price (BT-146, BT-147, BT-148) in the invoice currency,
// with the decimals it has.
func (e *encoder) price(tag string, d decimal.Decimal) {
	e.w.NumberAttr(tag, "currencyID", string(e.inv.Currency), d)
}

func (e *encoder) document() {
	w, inv := &e.w, e.inv
	if e.credit {
		w.Buf = append(w.Buf, creditNoteHeader...)
	} else {
		w.Buf = append(w.Buf, invoiceHeader...)
	}
	w.Depth = 1

	spec := inv.Process.Specification
	if spec == "" {
		spec = defaultSpecification
	}
	w.Text("cbc:CustomizationID", spec)
	w.OptText("cbc:ProfileID", inv.Process.BusinessProcess)
	w.Text("cbc:ID", inv.Number)
	w.date("cbc:IssueDate", inv.IssueDate)
	if e.credit {
		// UBL 2.1 CreditNote: no cbc:DueDate (BT-9 goes in
		// cac:PaymentMeans), cbc:TaxPointDate before the type code.
		w.optDate("cbc:TaxPointDate", inv.TaxPointDate)
		w.Text("cbc:CreditNoteTypeCode", string(inv.TypeCode))
	} else {
		w.optDate("cbc:DueDate", inv.DueDate)
		w.Text("cbc:InvoiceTypeCode", string(inv.TypeCode))
	}
	for i := range inv.Notes {
		e.note(&inv.Notes[i])
	}
	if !e.credit {
		w.optDate("cbc:TaxPointDate", inv.TaxPointDate)
	}
	w.Text("cbc:DocumentCurrencyCode", string(inv.Currency))
	w.OptText("cbc:TaxCurrencyCode", string(inv.TaxCurrency))
	w.OptText("cbc:AccountingCost", inv.BuyerAccountingReference)
	w.OptText("cbc:BuyerReference", inv.BuyerReference)
	e.period(inv.InvoicingPeriod, inv.TaxPointDateCode)
	if inv.PurchaseOrderReference != "" || inv.SalesOrderReference != "" {
		w.Open("cac:OrderReference")
		// cbc:ID is mandatory in cac:OrderReference: a sales order
		// reference (BT-14) without a purchase order reference (BT-13) is
		// written with the ID "NA", which the decoder reads back as no
		// purchase order reference.
		id := inv.PurchaseOrderReference
		if id == "" {
			id = notApplicable
		}
		w.Text("cbc:ID", id)
		w.OptText("cbc:SalesOrderID", inv.SalesOrderReference)
		w.Close("cac:OrderReference")
	}
	for i := range inv.PrecedingInvoices {
		p := &inv.PrecedingInvoices[i]
		w.Open("cac:BillingReference")
		w.Open("cac:InvoiceDocumentReference")
		w.Text("cbc:ID", p.Number)
		w.optDate("cbc:IssueDate", p.IssueDate)
		w.Close("cac:InvoiceDocumentReference")
		w.Close("cac:BillingReference")
	}
	w.id("cac:DespatchDocumentReference", "cbc:ID", inv.DespatchAdviceReference)
	w.id("cac:ReceiptDocumentReference", "cbc:ID", inv.ReceivingAdviceReference)
	if e.credit {
		// CreditNote 2.1: Contract, Additional, (Statement,) Originator; no
		// cac:ProjectReference, so BT-11 is an additional document
		// reference with the type code 50.
		w.id("cac:ContractDocumentReference", "cbc:ID", inv.ContractReference)
		e.additionalReferences()
		w.id("cac:OriginatorDocumentReference", "cbc:ID", inv.TenderOrLotReference)
	} else {
		w.id("cac:OriginatorDocumentReference", "cbc:ID", inv.TenderOrLotReference)
		w.id("cac:ContractDocumentReference", "cbc:ID", inv.ContractReference)
		e.additionalReferences()
		w.id("cac:ProjectReference", "cbc:ID", inv.ProjectReference)
	}

	e.seller()
	e.buyer()
	e.payee()
	e.taxRepresentative()
	e.delivery()
	if pay := inv.Payment; pay != nil {
		e.paymentMeans(pay)
	}
	w.id("cac:PaymentTerms", "cbc:Note", inv.PaymentTerms)
	for i := range inv.Allowances {
		a := &inv.Allowances[i]
		e.allowanceCharge(false, string(a.ReasonCode), a.Reason, a.Percentage, a.Amount, a.BaseAmount, &a.VAT, "BT-92", "BT-93")
	}
	for i := range inv.Charges {
		c := &inv.Charges[i]
		e.allowanceCharge(true, string(c.ReasonCode), c.Reason, c.Percentage, c.Amount, c.BaseAmount, &c.VAT, "BT-99", "BT-100")
	}
	e.taxTotals()
	e.totals()
	for i := range inv.Lines {
		e.line(&inv.Lines[i])
	}

	w.Depth = 0
	w.Newline()
	if e.credit {
		w.Buf = append(w.Buf, "</CreditNote>\n"...)
	} else {
		w.Buf = append(w.Buf, "</Invoice>\n"...)
	}
}

// notApplicable fills an element UBL requires for which EN 16931 has no
// term, or whose term the invoice lacks: the order reference ID without a
// purchase order reference, the card network ID.
const notApplicable = "NA"

// note writes an invoice note (BG-1); a subject code (BT-21) goes before
// the text as #CODE#, as the UBL binding has it.
func (e *encoder) note(n *einvoice.Note) {
	w := &e.w
	w.StartLeaf("cbc:Note")
	w.Buf = append(w.Buf, '>')
	if n.SubjectCode != "" {
		w.Buf = append(w.Buf, '#')
		w.Buf = xmlw.AppendEscaped(w.Buf, string(n.SubjectCode), false)
		w.Buf = append(w.Buf, '#')
	}
	w.Buf = xmlw.AppendEscaped(w.Buf, n.Text, false)
	w.EndLeaf("cbc:Note")
}

// period writes a cac:InvoicePeriod: the invoicing period (BG-14) with the
// VAT point date code (BT-8), or a line period (BG-26) with no code.
func (e *encoder) period(p *einvoice.Period, code einvoice.TaxPointDateCode) {
	var start, end einvoice.Date
	if p != nil {
		start, end = p.Start, p.End
	}
	if start.IsZero() && end.IsZero() && code == "" {
		return
	}
	w := &e.w
	w.Open("cac:InvoicePeriod")
	w.optDate("cbc:StartDate", start)
	w.optDate("cbc:EndDate", end)
	w.OptText("cbc:DescriptionCode", string(code))
	w.Close("cac:InvoicePeriod")
}

// additionalReferences writes the cac:AdditionalDocumentReference elements:
// the invoiced object identifier (BT-18, type code 130), in a credit note
// the project reference (BT-11, type code 50), and the supporting documents
// (BG-24, no type code).
func (e *encoder) additionalReferences() {
	w, inv := &e.w, e.inv
	if !inv.InvoicedObject.IsZero() {
		w.Open("cac:AdditionalDocumentReference")
		w.TextAttr("cbc:ID", "schemeID", string(inv.InvoicedObject.Scheme), inv.InvoicedObject.Value)
		w.Text("cbc:DocumentTypeCode", "130")
		w.Close("cac:AdditionalDocumentReference")
	}
	if e.credit && inv.ProjectReference != "" {
		w.Open("cac:AdditionalDocumentReference")
		w.Text("cbc:ID", inv.ProjectReference)
		w.Text("cbc:DocumentTypeCode", "50")
		w.Close("cac:AdditionalDocumentReference")
	}
	for i := range inv.Attachments {
		a := &inv.Attachments[i]
		w.Open("cac:AdditionalDocumentReference")
		w.Text("cbc:ID", a.ID)
		w.OptText("cbc:DocumentDescription", a.Description)
		embedded := a.Content != nil || a.MIMECode != "" || a.Filename != ""
		if embedded || a.ExternalLocation != "" {
			w.Open("cac:Attachment")
			if embedded {
				w.StartLeaf("cbc:EmbeddedDocumentBinaryObject")
				w.Attr("mimeCode", string(a.MIMECode))
				w.Attr("filename", a.Filename)
				w.Buf = append(w.Buf, '>')
				w.Buf = base64.StdEncoding.AppendEncode(w.Buf, a.Content)
				w.EndLeaf("cbc:EmbeddedDocumentBinaryObject")
			}
			if a.ExternalLocation != "" {
				w.Open("cac:ExternalReference")
				w.Text("cbc:URI", a.ExternalLocation)
				w.Close("cac:ExternalReference")
			}
			w.Close("cac:Attachment")
		}
		w.Close("cac:AdditionalDocumentReference")
	}
}

// party is what UBL writes of a cac:Party, in schema order.
type party struct {
	endpoint    einvoice.ElectronicAddress
	ids         []einvoice.ID
	creditorID  string // BT-90, as a PartyIdentification with scheme SEPA
	name        string // cac:PartyName: a trading name
	address     *einvoice.Address
	vatID       string
	taxReg      string // BT-32
	regName     string // cac:PartyLegalEntity/cbc:RegistrationName, when alwaysLegal
	legal       einvoice.ID
	legalForm   string
	contact     *einvoice.Contact
	alwaysLegal bool // write cac:PartyLegalEntity with the registration name
}

// taxSchemeOther is the tax scheme of the seller tax registration
// identifier (BT-32): the binding asks for any scheme but VAT; FC, as the
// CII binding's scheme for the same term (and XRechnung's), says a tax
// number of the tax office.
const taxSchemeOther = "FC"

func (e *encoder) party(p *party) {
	w := &e.w
	w.Open("cac:Party")
	if !p.endpoint.IsZero() {
		w.TextAttr("cbc:EndpointID", "schemeID", string(p.endpoint.Scheme), p.endpoint.Value)
	}
	for _, id := range p.ids {
		e.partyID(id)
	}
	if p.creditorID != "" {
		e.partyID(einvoice.ID{Value: p.creditorID, Scheme: "SEPA"})
	}
	w.id("cac:PartyName", "cbc:Name", p.name)
	if p.address != nil {
		e.address("cac:PostalAddress", p.address)
	}
	e.partyTaxScheme(p.vatID, "VAT")
	e.partyTaxScheme(p.taxReg, taxSchemeOther)
	if p.alwaysLegal || !p.legal.IsZero() || p.legalForm != "" {
		w.Open("cac:PartyLegalEntity")
		if p.alwaysLegal {
			w.Text("cbc:RegistrationName", p.regName)
		}
		if !p.legal.IsZero() {
			w.TextAttr("cbc:CompanyID", "schemeID", string(p.legal.Scheme), p.legal.Value)
		}
		w.OptText("cbc:CompanyLegalForm", p.legalForm)
		w.Close("cac:PartyLegalEntity")
	}
	if c := p.contact; c != nil && *c != (einvoice.Contact{}) {
		w.Open("cac:Contact")
		w.OptText("cbc:Name", c.Name)
		w.OptText("cbc:Telephone", c.Phone)
		w.OptText("cbc:ElectronicMail", c.Email)
		w.Close("cac:Contact")
	}
	w.Close("cac:Party")
}

func (e *encoder) partyID(id einvoice.ID) {
	w := &e.w
	w.Open("cac:PartyIdentification")
	w.TextAttr("cbc:ID", "schemeID", string(id.Scheme), id.Value)
	w.Close("cac:PartyIdentification")
}

func (e *encoder) partyTaxScheme(id, scheme string) {
	if id == "" {
		return
	}
	w := &e.w
	w.Open("cac:PartyTaxScheme")
	w.Text("cbc:CompanyID", id)
	w.taxScheme(scheme)
	w.Close("cac:PartyTaxScheme")
}

func (e *encoder) address(tag string, a *einvoice.Address) {
	w := &e.w
	w.Open(tag)
	w.OptText("cbc:StreetName", a.Line1)
	w.OptText("cbc:AdditionalStreetName", a.Line2)
	w.OptText("cbc:CityName", a.City)
	w.OptText("cbc:PostalZone", a.PostCode)
	w.OptText("cbc:CountrySubentity", a.Subdivision)
	w.id("cac:AddressLine", "cbc:Line", a.Line3)
	w.id("cac:Country", "cbc:IdentificationCode", string(a.Country))
	w.Close(tag)
}

// creditorID is the bank assigned creditor identifier (BT-90), or "".
func (e *encoder) creditorID() string {
	if p := e.inv.Payment; p != nil && p.DirectDebit != nil {
		return p.DirectDebit.CreditorID
	}
	return ""
}

func (e *encoder) seller() {
	s := &e.inv.Seller
	p := party{
		endpoint: s.ElectronicAddress, ids: s.Identifiers, name: s.TradingName, address: &s.Address,
		vatID: s.VATID, taxReg: s.TaxRegistration, regName: s.Name, legal: s.LegalRegistration,
		legalForm: s.AdditionalLegalInfo, contact: s.Contact, alwaysLegal: true,
	}
	// The binding puts the bank assigned creditor identifier (BT-90) in the
	// party that is paid: the payee when there is one, else the seller.
	if e.inv.Payee == nil {
		p.creditorID = e.creditorID()
	}
	e.w.Open("cac:AccountingSupplierParty")
	e.party(&p)
	e.w.Close("cac:AccountingSupplierParty")
}

func (e *encoder) buyer() {
	b := &e.inv.Buyer
	e.w.Open("cac:AccountingCustomerParty")
	e.party(&party{
		endpoint: b.ElectronicAddress, ids: b.Identifiers, name: b.TradingName, address: &b.Address,
		vatID: b.VATID, regName: b.Name, legal: b.LegalRegistration, contact: b.Contact, alwaysLegal: true,
	})
	e.w.Close("cac:AccountingCustomerParty")
}

// payee writes cac:PayeeParty, which is a cac:Party itself.
func (e *encoder) payee() {
	p := e.inv.Payee
	if p == nil {
		return
	}
	w := &e.w
	w.Open("cac:PayeeParty")
	if !p.Identifier.IsZero() {
		e.partyID(p.Identifier)
	}
	if id := e.creditorID(); id != "" {
		e.partyID(einvoice.ID{Value: id, Scheme: "SEPA"})
	}
	w.Open("cac:PartyName")
	w.Text("cbc:Name", p.Name)
	w.Close("cac:PartyName")
	if !p.LegalRegistration.IsZero() {
		w.Open("cac:PartyLegalEntity")
		w.TextAttr("cbc:CompanyID", "schemeID", string(p.LegalRegistration.Scheme), p.LegalRegistration.Value)
		w.Close("cac:PartyLegalEntity")
	}
	w.Close("cac:PayeeParty")
}

// taxRepresentative writes cac:TaxRepresentativeParty, a cac:Party itself.
func (e *encoder) taxRepresentative() {
	tr := e.inv.TaxRepresentative
	if tr == nil {
		return
	}
	w := &e.w
	w.Open("cac:TaxRepresentativeParty")
	w.Open("cac:PartyName")
	w.Text("cbc:Name", tr.Name)
	w.Close("cac:PartyName")
	e.address("cac:PostalAddress", &tr.Address)
	e.partyTaxScheme(tr.VATID, "VAT")
	w.Close("cac:TaxRepresentativeParty")
}

func (e *encoder) delivery() {
	d := e.inv.Delivery
	if d == nil || (d.PartyName == "" && d.LocationID.IsZero() && d.Date.IsZero() && d.Address == nil) {
		return
	}
	w := &e.w
	w.Open("cac:Delivery")
	w.optDate("cbc:ActualDeliveryDate", d.Date)
	if !d.LocationID.IsZero() || d.Address != nil {
		w.Open("cac:DeliveryLocation")
		if !d.LocationID.IsZero() {
			w.TextAttr("cbc:ID", "schemeID", string(d.LocationID.Scheme), d.LocationID.Value)
		}
		if d.Address != nil {
			e.address("cac:Address", d.Address)
		}
		w.Close("cac:DeliveryLocation")
	}
	if d.PartyName != "" {
		w.Open("cac:DeliveryParty")
		w.id("cac:PartyName", "cbc:Name", d.PartyName)
		w.Close("cac:DeliveryParty")
	}
	w.Close("cac:Delivery")
}

// paymentMeans writes one cac:PaymentMeans per credit transfer account, or
// one without an account. The payment means text (BT-82), the card, the
// mandate and, in a credit note, the payment due date (BT-9) go in the
// first only (UBL-SR-46, 54, 55, 45); the code (BT-81) and the remittance
// information (BT-83) in each.
func (e *encoder) paymentMeans(pay *einvoice.PaymentInstructions) {
	n := max(len(pay.CreditTransfers), 1)
	w := &e.w
	for i := 0; i < n; i++ {
		w.Open("cac:PaymentMeans")
		name := pay.MeansText
		if i > 0 {
			name = ""
		}
		w.TextAttr("cbc:PaymentMeansCode", "name", name, string(pay.MeansCode))
		if i == 0 && e.credit {
			w.optDate("cbc:PaymentDueDate", e.inv.DueDate)
		}
		w.OptText("cbc:PaymentID", pay.RemittanceInfo)
		if c := pay.Card; c != nil && i == 0 {
			w.Open("cac:CardAccount")
			w.Text("cbc:PrimaryAccountNumberID", c.PrimaryAccountNumber)
			// cbc:NetworkID (VISA, MasterCard...) is mandatory in UBL and
			// no EN 16931 term: the decoder leaves "NA" out of the model.
			w.Text("cbc:NetworkID", notApplicable)
			w.OptText("cbc:HolderName", c.HolderName)
			w.Close("cac:CardAccount")
		}
		if i < len(pay.CreditTransfers) {
			ct := &pay.CreditTransfers[i]
			w.Open("cac:PayeeFinancialAccount")
			w.Text("cbc:ID", ct.AccountID)
			w.OptText("cbc:Name", ct.AccountName)
			w.id("cac:FinancialInstitutionBranch", "cbc:ID", ct.ProviderID)
			w.Close("cac:PayeeFinancialAccount")
		}
		if d := pay.DirectDebit; d != nil && i == 0 && (d.MandateID != "" || d.DebitedAccountID != "") {
			w.Open("cac:PaymentMandate")
			w.OptText("cbc:ID", d.MandateID)
			w.id("cac:PayerFinancialAccount", "cbc:ID", d.DebitedAccountID)
			w.Close("cac:PaymentMandate")
		}
		w.Close("cac:PaymentMeans")
	}
}

// allowanceCharge writes a cac:AllowanceCharge; vat is nil at line level,
// which has no cac:TaxCategory.
func (e *encoder) allowanceCharge(charge bool, reasonCode, reason string, pct *decimal.Decimal, amount decimal.Decimal, base *decimal.Decimal, vat *einvoice.VAT, amountTerm, baseTerm string) {
	w := &e.w
	w.Open("cac:AllowanceCharge")
	if charge {
		w.Text("cbc:ChargeIndicator", "true")
	} else {
		w.Text("cbc:ChargeIndicator", "false")
	}
	w.OptText("cbc:AllowanceChargeReasonCode", reasonCode)
	w.OptText("cbc:AllowanceChargeReason", reason)
	if pct != nil {
		w.Number("cbc:MultiplierFactorNumeric", *pct)
	}
	e.amount("cbc:Amount", amount, amountTerm)
	e.optAmount("cbc:BaseAmount", base, baseTerm)
	if vat != nil {
		e.taxCategory("cac:TaxCategory", vat.Category, vat.Rate)
	}
	w.Close("cac:AllowanceCharge")
}

// taxCategory writes a cac:TaxCategory or cac:ClassifiedTaxCategory
// without exemption reasons.
func (e *encoder) taxCategory(tag string, category einvoice.VATCategory, rate *decimal.Decimal) {
	w := &e.w
	w.Open(tag)
	w.Text("cbc:ID", string(category))
	if rate != nil {
		w.Number("cbc:Percent", *rate)
	}
	w.taxScheme("VAT")
	w.Close(tag)
}

func (e *encoder) taxTotals() {
	w, inv, t := &e.w, e.inv, &e.inv.Totals
	if t.VAT != nil {
		w.Open("cac:TaxTotal")
		e.amount("cbc:TaxAmount", *t.VAT, "BT-110")
		for i := range inv.VATBreakdown {
			b := &inv.VATBreakdown[i]
			w.Open("cac:TaxSubtotal")
			e.amount("cbc:TaxableAmount", b.TaxableAmount, "BT-116")
			e.amount("cbc:TaxAmount", b.TaxAmount, "BT-117")
			w.Open("cac:TaxCategory")
			w.Text("cbc:ID", string(b.Category))
			if b.Rate != nil {
				w.Number("cbc:Percent", *b.Rate)
			}
			w.OptText("cbc:TaxExemptionReasonCode", string(b.ExemptionReasonCode))
			w.OptText("cbc:TaxExemptionReason", b.ExemptionReason)
			w.taxScheme("VAT")
			w.Close("cac:TaxCategory")
			w.Close("cac:TaxSubtotal")
		}
		w.Close("cac:TaxTotal")
	}
	if t.VATInTaxCurrency != nil {
		// The VAT total in accounting currency (BT-111): a second
		// cac:TaxTotal with only the amount, in the VAT accounting currency.
		w.Open("cac:TaxTotal")
		w.AmountCurrency("cbc:TaxAmount", *t.VATInTaxCurrency, inv.TaxCurrency, "BT-111")
		w.Close("cac:TaxTotal")
	}
}

func (e *encoder) totals() {
	w, t := &e.w, &e.inv.Totals
	w.Open("cac:LegalMonetaryTotal")
	e.amount("cbc:LineExtensionAmount", t.LineNet, "BT-106")
	e.amount("cbc:TaxExclusiveAmount", t.TaxExclusive, "BT-109")
	e.amount("cbc:TaxInclusiveAmount", t.TaxInclusive, "BT-112")
	e.optAmount("cbc:AllowanceTotalAmount", t.Allowances, "BT-107")
	e.optAmount("cbc:ChargeTotalAmount", t.Charges, "BT-108")
	e.optAmount("cbc:PrepaidAmount", t.Paid, "BT-113")
	e.optAmount("cbc:PayableRoundingAmount", t.Rounding, "BT-114")
	e.amount("cbc:PayableAmount", t.Due, "BT-115")
	w.Close("cac:LegalMonetaryTotal")
}

func (e *encoder) line(l *einvoice.Line) {
	w := &e.w
	tag, qty := "cac:InvoiceLine", "cbc:InvoicedQuantity"
	if e.credit {
		tag, qty = "cac:CreditNoteLine", "cbc:CreditedQuantity"
	}
	w.Open(tag)
	w.Text("cbc:ID", l.ID)
	w.OptText("cbc:Note", l.Note)
	w.Quantity(qty, l.Quantity, l.Unit)
	e.amount("cbc:LineExtensionAmount", l.NetAmount, "BT-131")
	w.OptText("cbc:AccountingCost", l.BuyerAccountingReference)
	e.period(l.Period, "")
	w.id("cac:OrderLineReference", "cbc:LineID", l.OrderLineReference)
	if !l.Object.IsZero() {
		w.Open("cac:DocumentReference")
		w.TextAttr("cbc:ID", "schemeID", string(l.Object.Scheme), l.Object.Value)
		w.Text("cbc:DocumentTypeCode", "130")
		w.Close("cac:DocumentReference")
	}
	for i := range l.Allowances {
		a := &l.Allowances[i]
		e.allowanceCharge(false, string(a.ReasonCode), a.Reason, a.Percentage, a.Amount, a.BaseAmount, nil, "BT-136", "BT-137")
	}
	for i := range l.Charges {
		c := &l.Charges[i]
		e.allowanceCharge(true, string(c.ReasonCode), c.Reason, c.Percentage, c.Amount, c.BaseAmount, nil, "BT-141", "BT-142")
	}
	e.item(l)
	e.linePrice(&l.Price)
	w.Close(tag)
}

func (e *encoder) item(l *einvoice.Line) {
	w, it := &e.w, &l.Item
	w.Open("cac:Item")
	w.OptText("cbc:Description", it.Description)
	w.Text("cbc:Name", it.Name)
	w.id("cac:BuyersItemIdentification", "cbc:ID", it.BuyerID)
	w.id("cac:SellersItemIdentification", "cbc:ID", it.SellerID)
	if !it.StandardID.IsZero() {
		w.Open("cac:StandardItemIdentification")
		w.TextAttr("cbc:ID", "schemeID", string(it.StandardID.Scheme), it.StandardID.Value)
		w.Close("cac:StandardItemIdentification")
	}
	w.id("cac:OriginCountry", "cbc:IdentificationCode", string(it.OriginCountry))
	for i := range it.Classifications {
		c := &it.Classifications[i]
		w.Open("cac:CommodityClassification")
		w.StartLeaf("cbc:ItemClassificationCode")
		if c.Scheme != "" {
			w.Attr("listID", string(c.Scheme))
		}
		if c.SchemeVersion != "" {
			w.Attr("listVersionID", c.SchemeVersion)
		}
		w.Buf = append(w.Buf, '>')
		w.Buf = xmlw.AppendEscaped(w.Buf, c.Value, false)
		w.EndLeaf("cbc:ItemClassificationCode")
		w.Close("cac:CommodityClassification")
	}
	e.taxCategory("cac:ClassifiedTaxCategory", l.VAT.Category, l.VAT.Rate)
	for i := range it.Attributes {
		w.Open("cac:AdditionalItemProperty")
		w.Text("cbc:Name", it.Attributes[i].Name)
		w.OptText("cbc:Value", it.Attributes[i].Value) // none for an empty value: BR-54 then fires, as in CII
		w.Close("cac:AdditionalItemProperty")
	}
	w.Close("cac:Item")
}

// linePrice writes cac:Price: the net price (BT-146), the base quantity
// (BT-149, BT-150), and the price discount (BT-147) and gross price (BT-148)
// as an allowance. The allowance needs its cbc:Amount: a gross price
// without a discount is written with a discount of 0.
func (e *encoder) linePrice(p *einvoice.Price) {
	w := &e.w
	w.Open("cac:Price")
	e.price("cbc:PriceAmount", p.Net)
	if p.BaseQuantity != nil {
		w.Quantity("cbc:BaseQuantity", *p.BaseQuantity, p.BaseUnit)
	}
	if p.Discount != nil || p.Gross != nil {
		w.Open("cac:AllowanceCharge")
		w.Text("cbc:ChargeIndicator", "false")
		if p.Discount != nil {
			e.price("cbc:Amount", *p.Discount)
		} else {
			e.price("cbc:Amount", decimal.Decimal{})
		}
		if p.Gross != nil {
			e.price("cbc:BaseAmount", *p.Gross)
		}
		w.Close("cac:AllowanceCharge")
	}
	w.Close("cac:Price")
}
