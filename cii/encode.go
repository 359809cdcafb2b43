package cii

import (
	"encoding/base64"
	"io"
	"slices"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/xmlw"
	"github.com/shopspring/decimal"
)

// Encoder writes invoices as CII. Its zero value writes the EN 16931
// profile, indented by two spaces, and refuses an invoice holding a term the
// profile cannot carry.
type Encoder struct {
	// Profile is the Factur-X profile to write. The zero Profile writes the
	// profile the invoice's specification identifier (BT-24) names, keeping
	// an identifier that names no Factur-X profile (a CIUS such as
	// XRechnung) with the EN 16931 profile's discipline; EN 16931 when BT-24
	// is empty. A set Profile writes its own identifier as BT-24.
	// ExtendedCTCFR writes the EXTENDED-CTC-FR identifier with the
	// discipline of Extended: a CII document to exchange alone, not to put
	// in a Factur-X PDF, which must declare Extended (facturx.Create writes
	// Extended for it).
	Profile Profile
	// Compact leaves out the indentation and line breaks.
	Compact bool
	// DropUnsupported drops the terms the profile cannot carry instead of
	// refusing the invoice; Encode returns them. Below EXTENDED, the
	// EXTENDED terms of the model (EXT-FR-FE-*, BT-X-12) are among them;
	// dropping the line subtype (EXT-FR-FE-163) drops the group and
	// information lines with it, which do not count in the sums.
	DropUnsupported bool
}

// Encode writes inv as a CII document in the EN 16931 profile (or the one
// its BT-24 names), refusing it with a *ProfileError if it holds a term that
// profile cannot carry.
func Encode(w io.Writer, inv *einvoice.Invoice) error {
	_, err := (&Encoder{}).Encode(w, inv)
	return err
}

// Encode writes inv as a CII document. It returns the business terms it
// dropped, which is never anything unless DropUnsupported is set: an
// invoice holding a term the profile cannot carry is otherwise a
// *ProfileError naming the terms. An amount with more than 2 decimals is a
// *FigureError. Nothing is written on error.
func (e *Encoder) Encode(w io.Writer, inv *einvoice.Invoice) (dropped []string, err error) {
	profile, urn := e.Profile, e.Profile.URN()
	if profile == 0 {
		urn = inv.Process.Specification
		profile = ProfileOf(urn)
		if urn == "" {
			urn = EN16931.URN()
		}
		if profile == 0 {
			profile = EN16931
		}
	}
	bad := profile.unsupported(inv)
	syntax := syntaxUnsupported(inv, profile)
	if len(bad)+len(syntax) > 0 {
		all := mergeTerms(bad, syntax)
		if !e.DropUnsupported {
			return nil, &ProfileError{Profile: profile, Terms: all}
		}
		if len(bad) > 0 {
			inv = withoutTerms(inv, bad)
		}
		inv = withoutSyntaxTerms(inv, syntax)
		dropped = all
	}
	enc := encoder{inv: inv, profile: profile}
	enc.w.Compact = e.Compact
	enc.w.Figure = figureError
	enc.w.Buf = make([]byte, 0, 3072+1536*len(inv.Lines))
	enc.document(urn)
	if enc.w.Err != nil {
		return nil, enc.w.Err
	}
	if _, err := w.Write(enc.w.Buf); err != nil {
		return nil, err
	}
	return dropped, nil
}

// encoder writes one invoice.
type encoder struct {
	w       writer
	inv     *einvoice.Invoice
	profile Profile
}

const header = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
	`<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"` +
	` xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100"` +
	` xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"` +
	` xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">`

func (e *encoder) document(urn string) {
	w, inv := &e.w, e.inv
	w.Buf = append(w.Buf, header...)
	w.Depth = 1

	w.Open("rsm:ExchangedDocumentContext")
	if inv.Process.BusinessProcess != "" {
		w.Open("ram:BusinessProcessSpecifiedDocumentContextParameter")
		w.Text("ram:ID", inv.Process.BusinessProcess)
		w.Close("ram:BusinessProcessSpecifiedDocumentContextParameter")
	}
	w.Open("ram:GuidelineSpecifiedDocumentContextParameter")
	w.Text("ram:ID", urn)
	w.Close("ram:GuidelineSpecifiedDocumentContextParameter")
	w.Close("rsm:ExchangedDocumentContext")

	w.Open("rsm:ExchangedDocument")
	w.Text("ram:ID", inv.Number)
	w.Text("ram:TypeCode", string(inv.TypeCode))
	w.date("ram:IssueDateTime", "udt:DateTimeString", inv.IssueDate)
	for i := range inv.Notes {
		n := &inv.Notes[i]
		w.Open("ram:IncludedNote")
		w.Text("ram:Content", n.Text)
		w.OptText("ram:SubjectCode", string(n.SubjectCode))
		w.Close("ram:IncludedNote")
	}
	w.Close("rsm:ExchangedDocument")

	w.Open("rsm:SupplyChainTradeTransaction")
	for i := range inv.Lines {
		e.line(&inv.Lines[i])
	}
	e.agreement()
	e.delivery()
	e.settlement()
	w.Close("rsm:SupplyChainTradeTransaction")

	w.Depth = 0
	w.Buf = append(w.Buf, "\n</rsm:CrossIndustryInvoice>\n"...)
}

func (e *encoder) line(l *einvoice.Line) {
	w := &e.w
	w.Open("ram:IncludedSupplyChainTradeLineItem")

	w.Open("ram:AssociatedDocumentLineDocument")
	w.Text("ram:LineID", l.ID)
	w.OptText("ram:ParentLineID", l.ParentID)
	// The line subtype is ram:LineStatusReasonCode, which the Factur-X
	// EXTENDED rules read (BR-FXEXT-06, -08, -12, the sums); no rule asks
	// for a ram:LineStatusCode with it, and the model holds none.
	w.OptText("ram:LineStatusReasonCode", string(l.Status))
	if l.Note != "" {
		w.Open("ram:IncludedNote")
		w.Text("ram:Content", l.Note)
		w.Close("ram:IncludedNote")
	}
	w.Close("ram:AssociatedDocumentLineDocument")

	it := &l.Item
	w.Open("ram:SpecifiedTradeProduct")
	if !it.StandardID.IsZero() {
		w.TextAttr("ram:GlobalID", "schemeID", string(it.StandardID.Scheme), it.StandardID.Value)
	}
	w.OptText("ram:SellerAssignedID", it.SellerID)
	w.OptText("ram:BuyerAssignedID", it.BuyerID)
	w.Text("ram:Name", it.Name)
	w.OptText("ram:Description", it.Description)
	for i := range it.Attributes {
		e.attribute(&it.Attributes[i])
	}
	for i := range it.Classifications {
		c := &it.Classifications[i]
		w.Open("ram:DesignatedProductClassification")
		w.StartLeaf("ram:ClassCode")
		if c.Scheme != "" {
			w.Attr("listID", string(c.Scheme))
		}
		if c.SchemeVersion != "" {
			w.Attr("listVersionID", c.SchemeVersion)
		}
		w.Buf = append(w.Buf, '>')
		w.Buf = xmlw.AppendEscaped(w.Buf, c.Value, false)
		w.EndLeaf("ram:ClassCode")
		w.Close("ram:DesignatedProductClassification")
	}
	if it.OriginCountry != "" {
		w.Open("ram:OriginTradeCountry")
		w.Text("ram:ID", string(it.OriginCountry))
		w.Close("ram:OriginTradeCountry")
	}
	w.Close("ram:SpecifiedTradeProduct")

	p := &l.Price
	w.Open("ram:SpecifiedLineTradeAgreement")
	if l.OrderLineReference != "" {
		w.Open("ram:BuyerOrderReferencedDocument")
		w.Text("ram:LineID", l.OrderLineReference)
		w.Close("ram:BuyerOrderReferencedDocument")
	}
	if p.Gross != nil {
		w.Open("ram:GrossPriceProductTradePrice")
		w.Number("ram:ChargeAmount", *p.Gross)
		e.basisQuantity(p)
		if p.Discount != nil {
			w.Open("ram:AppliedTradeAllowanceCharge")
			e.indicator(false)
			w.Number("ram:ActualAmount", *p.Discount)
			w.Close("ram:AppliedTradeAllowanceCharge")
		}
		w.Close("ram:GrossPriceProductTradePrice")
	}
	w.Open("ram:NetPriceProductTradePrice")
	w.Number("ram:ChargeAmount", p.Net)
	e.basisQuantity(p)
	w.Close("ram:NetPriceProductTradePrice")
	e.extParty("ram:ItemSellerTradeParty", l.Seller)
	w.Close("ram:SpecifiedLineTradeAgreement")

	w.Open("ram:SpecifiedLineTradeDelivery")
	w.Quantity("ram:BilledQuantity", l.Quantity, l.Unit)
	e.shipTo(l.Delivery)
	w.Close("ram:SpecifiedLineTradeDelivery")

	w.Open("ram:SpecifiedLineTradeSettlement")
	w.Open("ram:ApplicableTradeTax")
	w.Text("ram:TypeCode", "VAT")
	// A group or information line, which does not count in the sums, may
	// have no VAT category: EXTENDED leaves it out.
	if l.VAT.Category != "" || e.allRequired() {
		w.Text("ram:CategoryCode", string(l.VAT.Category))
	}
	if l.VAT.Rate != nil {
		w.Number("ram:RateApplicablePercent", *l.VAT.Rate)
	}
	w.Close("ram:ApplicableTradeTax")
	e.period(l.Period)
	for i := range l.Charges {
		c := &l.Charges[i]
		e.allowanceCharge(true, c.Percentage, c.BaseAmount, c.Amount, string(c.ReasonCode), c.Reason, nil, "BT-141")
	}
	for i := range l.Allowances {
		a := &l.Allowances[i]
		e.allowanceCharge(false, a.Percentage, a.BaseAmount, a.Amount, string(a.ReasonCode), a.Reason, nil, "BT-136")
	}
	w.Open("ram:SpecifiedTradeSettlementLineMonetarySummation")
	w.Amount("ram:LineTotalAmount", l.NetAmount, "BT-131")
	if l.VATTotal != nil {
		w.AmountCurrency("ram:TaxTotalAmount", *l.VATTotal, e.inv.Currency, "EXT-FR-FE-181")
	}
	if l.VATTotalInTaxCurrency != nil {
		w.AmountCurrency("ram:TaxTotalAmount", *l.VATTotalInTaxCurrency, e.inv.TaxCurrency, "EXT-FR-FE-182")
	}
	if l.TotalWithVAT != nil {
		w.Amount("ram:GrandTotalAmount", *l.TotalWithVAT, "EXT-FR-FE-184")
	}
	w.Close("ram:SpecifiedTradeSettlementLineMonetarySummation")
	if l.PrecedingInvoice != nil {
		e.precedingInvoice(l.PrecedingInvoice)
	}
	if !l.Object.IsZero() {
		w.Open("ram:AdditionalReferencedDocument")
		w.Text("ram:IssuerAssignedID", l.Object.Value)
		w.Text("ram:TypeCode", "130")
		w.OptText("ram:ReferenceTypeCode", string(l.Object.Scheme))
		w.Close("ram:AdditionalReferencedDocument")
	}
	if l.BuyerAccountingReference != "" {
		w.Open("ram:ReceivableSpecifiedTradeAccountingAccount")
		w.Text("ram:ID", l.BuyerAccountingReference)
		w.Close("ram:ReceivableSpecifiedTradeAccountingAccount")
	}
	w.Close("ram:SpecifiedLineTradeSettlement")

	w.Close("ram:IncludedSupplyChainTradeLineItem")
}

// allRequired reports whether the profile's XSD requires a line's VAT
// category code and an item attribute's name and value, which the encoder
// then writes even when empty. The EXTENDED XSD makes them optional, and
// the encoder leaves them out when empty: a group or information line
// needs no VAT category, and an attribute's type code (EXT-FR-FE-159) may
// stand in for its name and its measure (BT-X-12) for its value
// (BR-FXEXT-CO-04, BR-FXEXT-BR-54-1, -54-2).
func (e *encoder) allRequired() bool { return e.profile.FacturX() < Extended }

// attribute writes an item attribute (BG-32).
func (e *encoder) attribute(a *einvoice.ItemAttribute) {
	w := &e.w
	w.Open("ram:ApplicableProductCharacteristic")
	w.OptText("ram:TypeCode", a.TypeCode)
	if a.Name != "" || e.allRequired() {
		w.Text("ram:Description", a.Name)
	}
	if m := a.Measure; m != nil {
		w.Quantity("ram:ValueMeasure", m.Value, m.Unit)
	}
	if a.Value != "" || e.allRequired() {
		w.Text("ram:Value", a.Value)
	}
	w.Close("ram:ApplicableProductCharacteristic")
}

func (e *encoder) basisQuantity(p *einvoice.Price) {
	if p.BaseQuantity != nil {
		e.w.Quantity("ram:BasisQuantity", *p.BaseQuantity, p.BaseUnit)
	}
}

func (e *encoder) indicator(charge bool) {
	w := &e.w
	w.Open("ram:ChargeIndicator")
	if charge {
		w.Text("udt:Indicator", "true")
	} else {
		w.Text("udt:Indicator", "false")
	}
	w.Close("ram:ChargeIndicator")
}

// allowanceCharge writes a ram:SpecifiedTradeAllowanceCharge; vat is nil at
// line level.
func (e *encoder) allowanceCharge(charge bool, pct, base *decimal.Decimal, amount decimal.Decimal, reasonCode, reason string, vat *einvoice.VAT, amountTerm string) {
	w := &e.w
	w.Open("ram:SpecifiedTradeAllowanceCharge")
	e.indicator(charge)
	if pct != nil {
		w.Number("ram:CalculationPercent", *pct)
	}
	if base != nil {
		w.Amount("ram:BasisAmount", *base, amountTerm)
	}
	w.Amount("ram:ActualAmount", amount, amountTerm)
	w.OptText("ram:ReasonCode", reasonCode)
	w.OptText("ram:Reason", reason)
	if vat != nil {
		w.Open("ram:CategoryTradeTax")
		w.Text("ram:TypeCode", "VAT")
		w.Text("ram:CategoryCode", string(vat.Category))
		if vat.Rate != nil {
			w.Number("ram:RateApplicablePercent", *vat.Rate)
		}
		w.Close("ram:CategoryTradeTax")
	}
	w.Close("ram:SpecifiedTradeAllowanceCharge")
}

func (e *encoder) period(p *einvoice.Period) {
	if p == nil {
		return
	}
	w := &e.w
	w.Open("ram:BillingSpecifiedPeriod")
	if !p.Start.IsZero() {
		w.date("ram:StartDateTime", "udt:DateTimeString", p.Start)
	}
	if !p.End.IsZero() {
		w.date("ram:EndDateTime", "udt:DateTimeString", p.End)
	}
	w.Close("ram:BillingSpecifiedPeriod")
}

// party is what CII writes of a trade party.
type party struct {
	ids         []einvoice.ID
	name        string
	description string
	legal       einvoice.ID
	tradingName string
	contact     *einvoice.Contact
	address     *einvoice.Address
	uri         einvoice.ElectronicAddress
	vatID       string
	taxRegFC    string
	alwaysName  bool
	alwaysAddr  bool
}

func (e *encoder) party(tag string, p *party) {
	w := &e.w
	w.Open(tag)
	for _, id := range p.ids {
		if id.Scheme == "" {
			w.Text("ram:ID", id.Value)
		}
	}
	for _, id := range p.ids {
		if id.Scheme != "" {
			w.TextAttr("ram:GlobalID", "schemeID", string(id.Scheme), id.Value)
		}
	}
	if p.alwaysName || p.name != "" {
		w.Text("ram:Name", p.name)
	}
	w.OptText("ram:Description", p.description)
	if !p.legal.IsZero() || p.tradingName != "" {
		w.Open("ram:SpecifiedLegalOrganization")
		if !p.legal.IsZero() {
			w.TextAttr("ram:ID", "schemeID", string(p.legal.Scheme), p.legal.Value)
		}
		w.OptText("ram:TradingBusinessName", p.tradingName)
		w.Close("ram:SpecifiedLegalOrganization")
	}
	if c := p.contact; c != nil {
		w.Open("ram:DefinedTradeContact")
		w.OptText("ram:PersonName", c.Name)
		if c.Phone != "" {
			w.Open("ram:TelephoneUniversalCommunication")
			w.Text("ram:CompleteNumber", c.Phone)
			w.Close("ram:TelephoneUniversalCommunication")
		}
		if c.Email != "" {
			w.Open("ram:EmailURIUniversalCommunication")
			w.Text("ram:URIID", c.Email)
			w.Close("ram:EmailURIUniversalCommunication")
		}
		w.Close("ram:DefinedTradeContact")
	}
	if a := p.address; a != nil && (p.alwaysAddr || *a != einvoice.Address{}) {
		e.address(a)
	}
	if !p.uri.IsZero() {
		w.Open("ram:URIUniversalCommunication")
		w.TextAttr("ram:URIID", "schemeID", string(p.uri.Scheme), p.uri.Value)
		w.Close("ram:URIUniversalCommunication")
	}
	if p.vatID != "" {
		w.Open("ram:SpecifiedTaxRegistration")
		w.TextAttr("ram:ID", "schemeID", "VA", p.vatID)
		w.Close("ram:SpecifiedTaxRegistration")
	}
	if p.taxRegFC != "" {
		w.Open("ram:SpecifiedTaxRegistration")
		w.TextAttr("ram:ID", "schemeID", "FC", p.taxRegFC)
		w.Close("ram:SpecifiedTaxRegistration")
	}
	w.Close(tag)
}

// extParty writes an EXTENDED party, if any, as the seller's terms are
// written: identifiers, name, legal registration, postal address,
// electronic address, VAT identifier.
func (e *encoder) extParty(tag string, p *einvoice.Party) {
	if p == nil {
		return
	}
	e.party(tag, &party{
		ids: p.Identifiers, name: p.Name, legal: p.LegalRegistration, address: p.Address,
		uri: p.ElectronicAddress, vatID: p.VATID, alwaysAddr: true,
	})
}

// shipTo writes where and when the invoice's goods (BG-13) or a line's
// (EXT-FR-FE-BG-10) are delivered: ram:ShipToTradeParty and
// ram:ActualDeliverySupplyChainEvent.
func (e *encoder) shipTo(d *einvoice.Delivery) {
	if d == nil {
		return
	}
	if d.PartyName != "" || !d.LocationID.IsZero() || d.Address != nil {
		var ids []einvoice.ID
		if !d.LocationID.IsZero() {
			ids = []einvoice.ID{d.LocationID}
		}
		e.party("ram:ShipToTradeParty", &party{ids: ids, name: d.PartyName, address: d.Address, alwaysAddr: true})
	}
	if !d.Date.IsZero() {
		w := &e.w
		w.Open("ram:ActualDeliverySupplyChainEvent")
		w.date("ram:OccurrenceDateTime", "udt:DateTimeString", d.Date)
		w.Close("ram:ActualDeliverySupplyChainEvent")
	}
}

// precedingInvoice writes a ram:InvoiceReferencedDocument: a preceding
// invoice of the invoice (BG-3) or of a line (EXT-FR-FE-BG-06).
func (e *encoder) precedingInvoice(p *einvoice.PrecedingInvoice) {
	w := &e.w
	w.Open("ram:InvoiceReferencedDocument")
	w.Text("ram:IssuerAssignedID", p.Number)
	w.OptText("ram:TypeCode", string(p.TypeCode))
	if !p.IssueDate.IsZero() {
		w.date("ram:FormattedIssueDateTime", "qdt:DateTimeString", p.IssueDate)
	}
	w.Close("ram:InvoiceReferencedDocument")
}

func (e *encoder) address(a *einvoice.Address) {
	w := &e.w
	w.Open("ram:PostalTradeAddress")
	w.OptText("ram:PostcodeCode", a.PostCode)
	w.OptText("ram:LineOne", a.Line1)
	w.OptText("ram:LineTwo", a.Line2)
	w.OptText("ram:LineThree", a.Line3)
	w.OptText("ram:CityName", a.City)
	w.Text("ram:CountryID", string(a.Country))
	w.OptText("ram:CountrySubDivisionName", a.Subdivision)
	w.Close("ram:PostalTradeAddress")
}

func (e *encoder) referenced(tag, id string) {
	if id == "" {
		return
	}
	w := &e.w
	w.Open(tag)
	w.Text("ram:IssuerAssignedID", id)
	w.Close(tag)
}

func (e *encoder) agreement() {
	w, inv := &e.w, e.inv
	w.Open("ram:ApplicableHeaderTradeAgreement")
	w.OptText("ram:BuyerReference", inv.BuyerReference)

	s := &inv.Seller
	e.party("ram:SellerTradeParty", &party{
		ids: s.Identifiers, name: s.Name, description: s.AdditionalLegalInfo, legal: s.LegalRegistration,
		tradingName: s.TradingName, contact: s.Contact, address: &s.Address, uri: s.ElectronicAddress,
		vatID: s.VATID, taxRegFC: s.TaxRegistration, alwaysName: true, alwaysAddr: e.profile != Minimum,
	})
	b := &inv.Buyer
	e.party("ram:BuyerTradeParty", &party{
		ids: b.Identifiers, name: b.Name, legal: b.LegalRegistration, tradingName: b.TradingName,
		contact: b.Contact, address: &b.Address, uri: b.ElectronicAddress, vatID: b.VATID,
		alwaysName: true, alwaysAddr: e.profile != Minimum,
	})
	e.extParty("ram:SalesAgentTradeParty", inv.SalesAgent)
	if tr := inv.TaxRepresentative; tr != nil {
		e.party("ram:SellerTaxRepresentativeTradeParty", &party{
			name: tr.Name, address: &tr.Address, vatID: tr.VATID, alwaysName: true, alwaysAddr: true,
		})
	}
	e.referenced("ram:SellerOrderReferencedDocument", inv.SalesOrderReference)
	e.referenced("ram:BuyerOrderReferencedDocument", inv.PurchaseOrderReference)
	e.referenced("ram:ContractReferencedDocument", inv.ContractReference)
	for i := range inv.Attachments {
		a := &inv.Attachments[i]
		w.Open("ram:AdditionalReferencedDocument")
		w.Text("ram:IssuerAssignedID", a.ID)
		w.OptText("ram:URIID", a.ExternalLocation)
		w.Text("ram:TypeCode", "916")
		w.OptText("ram:Name", a.Description)
		if a.Content != nil || a.MIMECode != "" || a.Filename != "" {
			w.StartLeaf("ram:AttachmentBinaryObject")
			w.Attr("mimeCode", string(a.MIMECode))
			w.Attr("filename", a.Filename)
			w.Buf = append(w.Buf, '>')
			w.Buf = base64.StdEncoding.AppendEncode(w.Buf, a.Content)
			w.EndLeaf("ram:AttachmentBinaryObject")
		}
		w.Close("ram:AdditionalReferencedDocument")
	}
	if inv.TenderOrLotReference != "" {
		w.Open("ram:AdditionalReferencedDocument")
		w.Text("ram:IssuerAssignedID", inv.TenderOrLotReference)
		w.Text("ram:TypeCode", "50")
		w.Close("ram:AdditionalReferencedDocument")
	}
	if !inv.InvoicedObject.IsZero() {
		w.Open("ram:AdditionalReferencedDocument")
		w.Text("ram:IssuerAssignedID", inv.InvoicedObject.Value)
		w.Text("ram:TypeCode", "130")
		w.OptText("ram:ReferenceTypeCode", string(inv.InvoicedObject.Scheme))
		w.Close("ram:AdditionalReferencedDocument")
	}
	e.extParty("ram:BuyerAgentTradeParty", inv.BuyerAgent)
	if inv.ProjectReference != "" {
		w.Open("ram:SpecifiedProcuringProject")
		w.Text("ram:ID", inv.ProjectReference)
		w.Text("ram:Name", "Project reference")
		w.Close("ram:SpecifiedProcuringProject")
	}
	w.Close("ram:ApplicableHeaderTradeAgreement")
}

func (e *encoder) delivery() {
	w := &e.w
	w.Open("ram:ApplicableHeaderTradeDelivery")
	e.shipTo(e.inv.Delivery)
	e.referenced("ram:DespatchAdviceReferencedDocument", e.inv.DespatchAdviceReference)
	e.referenced("ram:ReceivingAdviceReferencedDocument", e.inv.ReceivingAdviceReference)
	w.Close("ram:ApplicableHeaderTradeDelivery")
}

// taxPointCode maps a UNTDID 2005 VAT point date code (BT-8) to the UNTDID
// 2475 code CII uses; other values are kept as they are.
func taxPointCode(c einvoice.TaxPointDateCode) string {
	switch c {
	case einvoice.TaxPointInvoiceDate:
		return "5"
	case einvoice.TaxPointDeliveryDate:
		return "29"
	case einvoice.TaxPointPaymentDate:
		return "72"
	}
	return string(c)
}

func (e *encoder) settlement() {
	w, inv := &e.w, e.inv
	w.Open("ram:ApplicableHeaderTradeSettlement")
	pay := inv.Payment
	if pay != nil && pay.DirectDebit != nil {
		w.OptText("ram:CreditorReferenceID", pay.DirectDebit.CreditorID)
	}
	if pay != nil {
		w.OptText("ram:PaymentReference", pay.RemittanceInfo)
	}
	w.OptText("ram:TaxCurrencyCode", string(inv.TaxCurrency))
	w.Text("ram:InvoiceCurrencyCode", string(inv.Currency))
	e.extParty("ram:InvoicerTradeParty", inv.Invoicer)
	e.extParty("ram:InvoiceeTradeParty", inv.Invoicee)
	if p := inv.Payee; p != nil {
		var ids []einvoice.ID
		if !p.Identifier.IsZero() {
			ids = []einvoice.ID{p.Identifier}
		}
		e.party("ram:PayeeTradeParty", &party{ids: ids, name: p.Name, legal: p.LegalRegistration, uri: p.ElectronicAddress, alwaysName: true})
	}
	e.extParty("ram:PayerTradeParty", inv.Payer)
	if pay != nil {
		e.paymentMeans(pay)
	}
	for i := range inv.VATBreakdown {
		b := &inv.VATBreakdown[i]
		w.Open("ram:ApplicableTradeTax")
		w.Amount("ram:CalculatedAmount", b.TaxAmount, "BT-117")
		w.Text("ram:TypeCode", "VAT")
		w.OptText("ram:ExemptionReason", b.ExemptionReason)
		w.Amount("ram:BasisAmount", b.TaxableAmount, "BT-116")
		w.Text("ram:CategoryCode", string(b.Category))
		w.OptText("ram:ExemptionReasonCode", string(b.ExemptionReasonCode))
		if i == 0 && !inv.TaxPointDate.IsZero() { // once: CII-SR-461
			w.CheckDate("ram:TaxPointDate", inv.TaxPointDate)
			w.Open("ram:TaxPointDate")
			w.StartLeaf("udt:DateString")
			w.Buf = append(w.Buf, ` format="102">`...)
			w.Buf = xmlw.AppendDate(w.Buf, inv.TaxPointDate)
			w.EndLeaf("udt:DateString")
			w.Close("ram:TaxPointDate")
		}
		if inv.TaxPointDateCode != "" {
			w.Text("ram:DueDateTypeCode", taxPointCode(inv.TaxPointDateCode))
		}
		if b.Rate != nil {
			w.Number("ram:RateApplicablePercent", *b.Rate)
		}
		w.Close("ram:ApplicableTradeTax")
	}
	e.period(inv.InvoicingPeriod)
	for i := range inv.Charges {
		c := &inv.Charges[i]
		e.allowanceCharge(true, c.Percentage, c.BaseAmount, c.Amount, string(c.ReasonCode), c.Reason, &c.VAT, "BT-99")
	}
	for i := range inv.Allowances {
		a := &inv.Allowances[i]
		e.allowanceCharge(false, a.Percentage, a.BaseAmount, a.Amount, string(a.ReasonCode), a.Reason, &a.VAT, "BT-92")
	}
	var mandate string
	if pay != nil && pay.DirectDebit != nil {
		mandate = pay.DirectDebit.MandateID
	}
	if inv.PaymentTerms != "" || !inv.DueDate.IsZero() || mandate != "" {
		w.Open("ram:SpecifiedTradePaymentTerms")
		w.OptText("ram:Description", inv.PaymentTerms)
		if !inv.DueDate.IsZero() {
			w.date("ram:DueDateDateTime", "udt:DateTimeString", inv.DueDate)
		}
		w.OptText("ram:DirectDebitMandateID", mandate)
		w.Close("ram:SpecifiedTradePaymentTerms")
	}
	e.totals()
	for i := range inv.PrecedingInvoices {
		e.precedingInvoice(&inv.PrecedingInvoices[i])
	}
	if inv.BuyerAccountingReference != "" {
		w.Open("ram:ReceivableSpecifiedTradeAccountingAccount")
		w.Text("ram:ID", inv.BuyerAccountingReference)
		w.Close("ram:ReceivableSpecifiedTradeAccountingAccount")
	}
	w.Close("ram:ApplicableHeaderTradeSettlement")
}

// paymentMeans writes one ram:SpecifiedTradeSettlementPaymentMeans per
// credit transfer account, or one without an account; the card and the
// debited account go in the first.
func (e *encoder) paymentMeans(pay *einvoice.PaymentInstructions) {
	n := len(pay.CreditTransfers)
	if n == 0 {
		n = 1
	}
	w := &e.w
	for i := 0; i < n; i++ {
		w.Open("ram:SpecifiedTradeSettlementPaymentMeans")
		w.Text("ram:TypeCode", string(pay.MeansCode))
		w.OptText("ram:Information", pay.MeansText)
		if i == 0 {
			if c := pay.Card; c != nil {
				w.Open("ram:ApplicableTradeSettlementFinancialCard")
				w.Text("ram:ID", c.PrimaryAccountNumber)
				w.OptText("ram:CardholderName", c.HolderName)
				w.Close("ram:ApplicableTradeSettlementFinancialCard")
			}
			if d := pay.DirectDebit; d != nil && d.DebitedAccountID != "" {
				w.Open("ram:PayerPartyDebtorFinancialAccount")
				w.Text("ram:IBANID", d.DebitedAccountID)
				w.Close("ram:PayerPartyDebtorFinancialAccount")
			}
		}
		if i < len(pay.CreditTransfers) {
			ct := &pay.CreditTransfers[i]
			w.Open("ram:PayeePartyCreditorFinancialAccount")
			if einvoice.ValidIBAN(ct.AccountID) { // in ram:IBANID, any other account in ram:ProprietaryID
				w.Text("ram:IBANID", ct.AccountID)
				w.OptText("ram:AccountName", ct.AccountName)
			} else {
				w.OptText("ram:AccountName", ct.AccountName)
				w.Text("ram:ProprietaryID", ct.AccountID)
			}
			w.Close("ram:PayeePartyCreditorFinancialAccount")
			if ct.ProviderID != "" {
				w.Open("ram:PayeeSpecifiedCreditorFinancialInstitution")
				w.Text("ram:BICID", ct.ProviderID)
				w.Close("ram:PayeeSpecifiedCreditorFinancialInstitution")
			}
		}
		w.Close("ram:SpecifiedTradeSettlementPaymentMeans")
	}
}

func (e *encoder) totals() {
	w, inv, t := &e.w, e.inv, &e.inv.Totals
	w.Open("ram:SpecifiedTradeSettlementHeaderMonetarySummation")
	if e.profile != Minimum {
		w.Amount("ram:LineTotalAmount", t.LineNet, "BT-106")
	}
	if t.Charges != nil {
		w.Amount("ram:ChargeTotalAmount", *t.Charges, "BT-108")
	}
	if t.Allowances != nil {
		w.Amount("ram:AllowanceTotalAmount", *t.Allowances, "BT-107")
	}
	w.Amount("ram:TaxBasisTotalAmount", t.TaxExclusive, "BT-109")
	if t.VAT != nil {
		w.AmountCurrency("ram:TaxTotalAmount", *t.VAT, inv.Currency, "BT-110")
	}
	if t.VATInTaxCurrency != nil {
		w.AmountCurrency("ram:TaxTotalAmount", *t.VATInTaxCurrency, inv.TaxCurrency, "BT-111")
	}
	if t.Rounding != nil {
		w.Amount("ram:RoundingAmount", *t.Rounding, "BT-114")
	}
	w.Amount("ram:GrandTotalAmount", t.TaxInclusive, "BT-112")
	if t.Paid != nil {
		w.Amount("ram:TotalPrepaidAmount", *t.Paid, "BT-113")
	}
	w.Amount("ram:DuePayableAmount", t.Due, "BT-115")
	w.Close("ram:SpecifiedTradeSettlementHeaderMonetarySummation")
}

// syntaxUnsupported returns the terms CII cannot carry as inv holds them,
// beside the terms the profile cannot carry at all:
//
//   - several buyer identifiers (BT-46) below EXTENDED (EXTENDED-CTC-FR
//     carries them as EXTENDED does): FX-SCH-A-000164 allows one
//     ram:GlobalID (and EN 16931 has one buyer identifier); the first one
//     is kept when dropping;
//
//   - BT-6 equal to BT-5: CII's BR-53 wants the VAT accounting currency to
//     differ from the invoice currency (UBL's accepts them equal); and with
//     it BT-111, the VAT total in that currency, which CII could not tell
//     from BT-110;
//
//   - BT-147 without BT-148: CII writes the price discount inside the gross
//     price, which must have its amount;
//
//   - a line's VAT total in accounting currency (EXT-FR-FE-182) without a
//     VAT accounting currency (BT-6) other than the invoice currency: CII
//     tells it from the line's VAT total (EXT-FR-FE-181) by its currency.
//
// The last three are CII's in any profile (UBL can carry the first two).
func syntaxUnsupported(inv *einvoice.Invoice, profile Profile) []string {
	var terms []string
	if len(inv.Buyer.Identifiers) > 1 && profile.FacturX() < Extended {
		// FX-SCH-A-000164: one ram:GlobalID for the buyer below EXTENDED
		// (and EN 16931 has one buyer identifier).
		terms = append(terms, "BT-46")
	}
	if inv.TaxCurrency != "" && inv.TaxCurrency == inv.Currency {
		terms = append(terms, "BT-6")
		if inv.Totals.VATInTaxCurrency != nil {
			terms = append(terms, "BT-111")
		}
	}
	for i := range inv.Lines {
		if p := &inv.Lines[i].Price; p.Discount != nil && p.Gross == nil {
			terms = append(terms, "BT-147")
			break
		}
	}
	if inv.TaxCurrency == "" || inv.TaxCurrency == inv.Currency {
		for i := range inv.Lines {
			if inv.Lines[i].VATTotalInTaxCurrency != nil {
				terms = append(terms, "EXT-FR-FE-182")
				break
			}
		}
	}
	return terms
}

// withoutSyntaxTerms returns a copy of inv without the terms of
// syntaxUnsupported, inv itself unchanged.
func withoutSyntaxTerms(inv *einvoice.Invoice, terms []string) *einvoice.Invoice {
	if len(terms) == 0 {
		return inv
	}
	c := *inv
	for _, t := range terms {
		switch t {
		case "BT-46":
			c.Buyer.Identifiers = inv.Buyer.Identifiers[:1:1]
		case "BT-6":
			c.TaxCurrency = ""
		case "BT-111":
			c.Totals.VATInTaxCurrency = nil
		case "BT-147":
			c.Lines = slices.Clone(c.Lines)
			for i := range c.Lines {
				if p := &c.Lines[i].Price; p.Gross == nil {
					p.Discount = nil
				}
			}
		case "EXT-FR-FE-182":
			c.Lines = slices.Clone(c.Lines)
			for i := range c.Lines {
				c.Lines[i].VATTotalInTaxCurrency = nil
			}
		}
	}
	return &c
}

// mergeTerms merges two lists of term ids in the order of the norm.
func mergeTerms(a, b []string) []string {
	out := append(append([]string(nil), a...), b...)
	slices.SortStableFunc(out, compareTerms)
	return slices.Compact(out)
}
