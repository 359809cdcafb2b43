package cii

import (
	"encoding/base64"
	"io"

	"github.com/einvoice-go/einvoice"
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
	Profile Profile
	// Compact leaves out the indentation and line breaks.
	Compact bool
	// DropUnsupported drops the terms the profile cannot carry instead of
	// refusing the invoice; Encode returns them.
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
	if bad := profile.unsupported(inv); len(bad) > 0 {
		if !e.DropUnsupported {
			return nil, &ProfileError{Profile: profile, Terms: bad}
		}
		inv = withoutTerms(inv, bad)
		dropped = bad
	}
	enc := encoder{inv: inv, profile: profile}
	enc.w.compact = e.Compact
	enc.w.buf = make([]byte, 0, 3072+1536*len(inv.Lines))
	enc.document(urn)
	if enc.w.err != nil {
		return nil, enc.w.err
	}
	if _, err := w.Write(enc.w.buf); err != nil {
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
	w.buf = append(w.buf, header...)
	w.depth = 1

	w.open("rsm:ExchangedDocumentContext")
	if inv.Process.BusinessProcess != "" {
		w.open("ram:BusinessProcessSpecifiedDocumentContextParameter")
		w.text("ram:ID", inv.Process.BusinessProcess)
		w.close("ram:BusinessProcessSpecifiedDocumentContextParameter")
	}
	w.open("ram:GuidelineSpecifiedDocumentContextParameter")
	w.text("ram:ID", urn)
	w.close("ram:GuidelineSpecifiedDocumentContextParameter")
	w.close("rsm:ExchangedDocumentContext")

	w.open("rsm:ExchangedDocument")
	w.text("ram:ID", inv.Number)
	w.text("ram:TypeCode", string(inv.TypeCode))
	w.date("ram:IssueDateTime", "udt:DateTimeString", inv.IssueDate)
	for i := range inv.Notes {
		n := &inv.Notes[i]
		w.open("ram:IncludedNote")
		w.text("ram:Content", n.Text)
		w.optText("ram:SubjectCode", string(n.SubjectCode))
		w.close("ram:IncludedNote")
	}
	w.close("rsm:ExchangedDocument")

	w.open("rsm:SupplyChainTradeTransaction")
	for i := range inv.Lines {
		e.line(&inv.Lines[i])
	}
	e.agreement()
	e.delivery()
	e.settlement()
	w.close("rsm:SupplyChainTradeTransaction")

	w.depth = 0
	w.buf = append(w.buf, "\n</rsm:CrossIndustryInvoice>\n"...)
}

func (e *encoder) line(l *einvoice.Line) {
	w := &e.w
	w.open("ram:IncludedSupplyChainTradeLineItem")

	w.open("ram:AssociatedDocumentLineDocument")
	w.text("ram:LineID", l.ID)
	if l.Note != "" {
		w.open("ram:IncludedNote")
		w.text("ram:Content", l.Note)
		w.close("ram:IncludedNote")
	}
	w.close("ram:AssociatedDocumentLineDocument")

	it := &l.Item
	w.open("ram:SpecifiedTradeProduct")
	if !it.StandardID.IsZero() {
		w.textAttr("ram:GlobalID", "schemeID", string(it.StandardID.Scheme), it.StandardID.Value)
	}
	w.optText("ram:SellerAssignedID", it.SellerID)
	w.optText("ram:BuyerAssignedID", it.BuyerID)
	w.text("ram:Name", it.Name)
	w.optText("ram:Description", it.Description)
	for i := range it.Attributes {
		w.open("ram:ApplicableProductCharacteristic")
		w.text("ram:Description", it.Attributes[i].Name)
		w.text("ram:Value", it.Attributes[i].Value)
		w.close("ram:ApplicableProductCharacteristic")
	}
	for i := range it.Classifications {
		c := &it.Classifications[i]
		w.open("ram:DesignatedProductClassification")
		w.startLeaf("ram:ClassCode")
		if c.Scheme != "" {
			w.attr("listID", string(c.Scheme))
		}
		if c.SchemeVersion != "" {
			w.attr("listVersionID", c.SchemeVersion)
		}
		w.buf = append(w.buf, '>')
		w.buf = appendEscaped(w.buf, c.Value, false)
		w.endLeaf("ram:ClassCode")
		w.close("ram:DesignatedProductClassification")
	}
	if it.OriginCountry != "" {
		w.open("ram:OriginTradeCountry")
		w.text("ram:ID", string(it.OriginCountry))
		w.close("ram:OriginTradeCountry")
	}
	w.close("ram:SpecifiedTradeProduct")

	p := &l.Price
	w.open("ram:SpecifiedLineTradeAgreement")
	if l.OrderLineReference != "" {
		w.open("ram:BuyerOrderReferencedDocument")
		w.text("ram:LineID", l.OrderLineReference)
		w.close("ram:BuyerOrderReferencedDocument")
	}
	if p.Gross != nil {
		w.open("ram:GrossPriceProductTradePrice")
		w.number("ram:ChargeAmount", *p.Gross)
		e.basisQuantity(p)
		if p.Discount != nil {
			w.open("ram:AppliedTradeAllowanceCharge")
			e.indicator(false)
			w.number("ram:ActualAmount", *p.Discount)
			w.close("ram:AppliedTradeAllowanceCharge")
		}
		w.close("ram:GrossPriceProductTradePrice")
	}
	w.open("ram:NetPriceProductTradePrice")
	w.number("ram:ChargeAmount", p.Net)
	e.basisQuantity(p)
	w.close("ram:NetPriceProductTradePrice")
	w.close("ram:SpecifiedLineTradeAgreement")

	w.open("ram:SpecifiedLineTradeDelivery")
	w.quantity("ram:BilledQuantity", l.Quantity, l.Unit)
	w.close("ram:SpecifiedLineTradeDelivery")

	w.open("ram:SpecifiedLineTradeSettlement")
	w.open("ram:ApplicableTradeTax")
	w.text("ram:TypeCode", "VAT")
	w.text("ram:CategoryCode", string(l.VAT.Category))
	if l.VAT.Rate != nil {
		w.number("ram:RateApplicablePercent", *l.VAT.Rate)
	}
	w.close("ram:ApplicableTradeTax")
	e.period(l.Period)
	for i := range l.Charges {
		c := &l.Charges[i]
		e.allowanceCharge(true, c.Percentage, c.BaseAmount, c.Amount, string(c.ReasonCode), c.Reason, nil, "BT-141")
	}
	for i := range l.Allowances {
		a := &l.Allowances[i]
		e.allowanceCharge(false, a.Percentage, a.BaseAmount, a.Amount, string(a.ReasonCode), a.Reason, nil, "BT-136")
	}
	w.open("ram:SpecifiedTradeSettlementLineMonetarySummation")
	w.amount("ram:LineTotalAmount", l.NetAmount, "BT-131")
	w.close("ram:SpecifiedTradeSettlementLineMonetarySummation")
	if !l.Object.IsZero() {
		w.open("ram:AdditionalReferencedDocument")
		w.text("ram:IssuerAssignedID", l.Object.Value)
		w.text("ram:TypeCode", "130")
		w.optText("ram:ReferenceTypeCode", string(l.Object.Scheme))
		w.close("ram:AdditionalReferencedDocument")
	}
	if l.BuyerAccountingReference != "" {
		w.open("ram:ReceivableSpecifiedTradeAccountingAccount")
		w.text("ram:ID", l.BuyerAccountingReference)
		w.close("ram:ReceivableSpecifiedTradeAccountingAccount")
	}
	w.close("ram:SpecifiedLineTradeSettlement")

	w.close("ram:IncludedSupplyChainTradeLineItem")
}

func (e *encoder) basisQuantity(p *einvoice.Price) {
	if p.BaseQuantity != nil {
		e.w.quantity("ram:BasisQuantity", *p.BaseQuantity, p.BaseUnit)
	}
}

func (e *encoder) indicator(charge bool) {
	w := &e.w
	w.open("ram:ChargeIndicator")
	if charge {
		w.text("udt:Indicator", "true")
	} else {
		w.text("udt:Indicator", "false")
	}
	w.close("ram:ChargeIndicator")
}

// allowanceCharge writes a ram:SpecifiedTradeAllowanceCharge; vat is nil at
// line level.
func (e *encoder) allowanceCharge(charge bool, pct, base *decimal.Decimal, amount decimal.Decimal, reasonCode, reason string, vat *einvoice.VAT, amountTerm string) {
	w := &e.w
	w.open("ram:SpecifiedTradeAllowanceCharge")
	e.indicator(charge)
	if pct != nil {
		w.number("ram:CalculationPercent", *pct)
	}
	if base != nil {
		w.amount("ram:BasisAmount", *base, amountTerm)
	}
	w.amount("ram:ActualAmount", amount, amountTerm)
	w.optText("ram:ReasonCode", reasonCode)
	w.optText("ram:Reason", reason)
	if vat != nil {
		w.open("ram:CategoryTradeTax")
		w.text("ram:TypeCode", "VAT")
		w.text("ram:CategoryCode", string(vat.Category))
		if vat.Rate != nil {
			w.number("ram:RateApplicablePercent", *vat.Rate)
		}
		w.close("ram:CategoryTradeTax")
	}
	w.close("ram:SpecifiedTradeAllowanceCharge")
}

func (e *encoder) period(p *einvoice.Period) {
	if p == nil {
		return
	}
	w := &e.w
	w.open("ram:BillingSpecifiedPeriod")
	if !p.Start.IsZero() {
		w.date("ram:StartDateTime", "udt:DateTimeString", p.Start)
	}
	if !p.End.IsZero() {
		w.date("ram:EndDateTime", "udt:DateTimeString", p.End)
	}
	w.close("ram:BillingSpecifiedPeriod")
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
	w.open(tag)
	for _, id := range p.ids {
		if id.Scheme == "" {
			w.text("ram:ID", id.Value)
		}
	}
	for _, id := range p.ids {
		if id.Scheme != "" {
			w.textAttr("ram:GlobalID", "schemeID", string(id.Scheme), id.Value)
		}
	}
	if p.alwaysName || p.name != "" {
		w.text("ram:Name", p.name)
	}
	w.optText("ram:Description", p.description)
	if !p.legal.IsZero() || p.tradingName != "" {
		w.open("ram:SpecifiedLegalOrganization")
		if !p.legal.IsZero() {
			w.textAttr("ram:ID", "schemeID", string(p.legal.Scheme), p.legal.Value)
		}
		w.optText("ram:TradingBusinessName", p.tradingName)
		w.close("ram:SpecifiedLegalOrganization")
	}
	if c := p.contact; c != nil {
		w.open("ram:DefinedTradeContact")
		w.optText("ram:PersonName", c.Name)
		if c.Phone != "" {
			w.open("ram:TelephoneUniversalCommunication")
			w.text("ram:CompleteNumber", c.Phone)
			w.close("ram:TelephoneUniversalCommunication")
		}
		if c.Email != "" {
			w.open("ram:EmailURIUniversalCommunication")
			w.text("ram:URIID", c.Email)
			w.close("ram:EmailURIUniversalCommunication")
		}
		w.close("ram:DefinedTradeContact")
	}
	if a := p.address; a != nil && (p.alwaysAddr || *a != einvoice.Address{}) {
		e.address(a)
	}
	if !p.uri.IsZero() {
		w.open("ram:URIUniversalCommunication")
		w.textAttr("ram:URIID", "schemeID", string(p.uri.Scheme), p.uri.Value)
		w.close("ram:URIUniversalCommunication")
	}
	if p.vatID != "" {
		w.open("ram:SpecifiedTaxRegistration")
		w.textAttr("ram:ID", "schemeID", "VA", p.vatID)
		w.close("ram:SpecifiedTaxRegistration")
	}
	if p.taxRegFC != "" {
		w.open("ram:SpecifiedTaxRegistration")
		w.textAttr("ram:ID", "schemeID", "FC", p.taxRegFC)
		w.close("ram:SpecifiedTaxRegistration")
	}
	w.close(tag)
}

func (e *encoder) address(a *einvoice.Address) {
	w := &e.w
	w.open("ram:PostalTradeAddress")
	w.optText("ram:PostcodeCode", a.PostCode)
	w.optText("ram:LineOne", a.Line1)
	w.optText("ram:LineTwo", a.Line2)
	w.optText("ram:LineThree", a.Line3)
	w.optText("ram:CityName", a.City)
	w.text("ram:CountryID", string(a.Country))
	w.optText("ram:CountrySubDivisionName", a.Subdivision)
	w.close("ram:PostalTradeAddress")
}

func (e *encoder) referenced(tag, id string) {
	if id == "" {
		return
	}
	w := &e.w
	w.open(tag)
	w.text("ram:IssuerAssignedID", id)
	w.close(tag)
}

func (e *encoder) agreement() {
	w, inv := &e.w, e.inv
	w.open("ram:ApplicableHeaderTradeAgreement")
	w.optText("ram:BuyerReference", inv.BuyerReference)

	s := &inv.Seller
	e.party("ram:SellerTradeParty", &party{
		ids: s.Identifiers, name: s.Name, description: s.AdditionalLegalInfo, legal: s.LegalRegistration,
		tradingName: s.TradingName, contact: s.Contact, address: &s.Address, uri: s.ElectronicAddress,
		vatID: s.VATID, taxRegFC: s.TaxRegistration, alwaysName: true, alwaysAddr: e.profile != Minimum,
	})
	b := &inv.Buyer
	var buyerIDs []einvoice.ID
	if !b.Identifier.IsZero() {
		buyerIDs = []einvoice.ID{b.Identifier}
	}
	e.party("ram:BuyerTradeParty", &party{
		ids: buyerIDs, name: b.Name, legal: b.LegalRegistration, tradingName: b.TradingName,
		contact: b.Contact, address: &b.Address, uri: b.ElectronicAddress, vatID: b.VATID,
		alwaysName: true, alwaysAddr: e.profile != Minimum,
	})
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
		w.open("ram:AdditionalReferencedDocument")
		w.text("ram:IssuerAssignedID", a.ID)
		w.optText("ram:URIID", a.ExternalLocation)
		w.text("ram:TypeCode", "916")
		w.optText("ram:Name", a.Description)
		if a.Content != nil || a.MIMECode != "" || a.Filename != "" {
			w.startLeaf("ram:AttachmentBinaryObject")
			w.attr("mimeCode", string(a.MIMECode))
			w.attr("filename", a.Filename)
			w.buf = append(w.buf, '>')
			w.buf = base64.StdEncoding.AppendEncode(w.buf, a.Content)
			w.endLeaf("ram:AttachmentBinaryObject")
		}
		w.close("ram:AdditionalReferencedDocument")
	}
	if inv.TenderOrLotReference != "" {
		w.open("ram:AdditionalReferencedDocument")
		w.text("ram:IssuerAssignedID", inv.TenderOrLotReference)
		w.text("ram:TypeCode", "50")
		w.close("ram:AdditionalReferencedDocument")
	}
	if !inv.InvoicedObject.IsZero() {
		w.open("ram:AdditionalReferencedDocument")
		w.text("ram:IssuerAssignedID", inv.InvoicedObject.Value)
		w.text("ram:TypeCode", "130")
		w.optText("ram:ReferenceTypeCode", string(inv.InvoicedObject.Scheme))
		w.close("ram:AdditionalReferencedDocument")
	}
	if inv.ProjectReference != "" {
		w.open("ram:SpecifiedProcuringProject")
		w.text("ram:ID", inv.ProjectReference)
		w.text("ram:Name", "Project reference")
		w.close("ram:SpecifiedProcuringProject")
	}
	w.close("ram:ApplicableHeaderTradeAgreement")
}

func (e *encoder) delivery() {
	w, d := &e.w, e.inv.Delivery
	w.open("ram:ApplicableHeaderTradeDelivery")
	if d != nil {
		if d.PartyName != "" || !d.LocationID.IsZero() || d.Address != nil {
			var ids []einvoice.ID
			if !d.LocationID.IsZero() {
				ids = []einvoice.ID{d.LocationID}
			}
			e.party("ram:ShipToTradeParty", &party{ids: ids, name: d.PartyName, address: d.Address, alwaysAddr: true})
		}
		if !d.Date.IsZero() {
			w.open("ram:ActualDeliverySupplyChainEvent")
			w.date("ram:OccurrenceDateTime", "udt:DateTimeString", d.Date)
			w.close("ram:ActualDeliverySupplyChainEvent")
		}
	}
	e.referenced("ram:DespatchAdviceReferencedDocument", e.inv.DespatchAdviceReference)
	e.referenced("ram:ReceivingAdviceReferencedDocument", e.inv.ReceivingAdviceReference)
	w.close("ram:ApplicableHeaderTradeDelivery")
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
	w.open("ram:ApplicableHeaderTradeSettlement")
	pay := inv.Payment
	if pay != nil && pay.DirectDebit != nil {
		w.optText("ram:CreditorReferenceID", pay.DirectDebit.CreditorID)
	}
	if pay != nil {
		w.optText("ram:PaymentReference", pay.RemittanceInfo)
	}
	w.optText("ram:TaxCurrencyCode", string(inv.TaxCurrency))
	w.text("ram:InvoiceCurrencyCode", string(inv.Currency))
	if p := inv.Payee; p != nil {
		var ids []einvoice.ID
		if !p.Identifier.IsZero() {
			ids = []einvoice.ID{p.Identifier}
		}
		e.party("ram:PayeeTradeParty", &party{ids: ids, name: p.Name, legal: p.LegalRegistration, alwaysName: true})
	}
	if pay != nil {
		e.paymentMeans(pay)
	}
	for i := range inv.VATBreakdown {
		b := &inv.VATBreakdown[i]
		w.open("ram:ApplicableTradeTax")
		w.amount("ram:CalculatedAmount", b.TaxAmount, "BT-117")
		w.text("ram:TypeCode", "VAT")
		w.optText("ram:ExemptionReason", b.ExemptionReason)
		w.amount("ram:BasisAmount", b.TaxableAmount, "BT-116")
		w.text("ram:CategoryCode", string(b.Category))
		w.optText("ram:ExemptionReasonCode", string(b.ExemptionReasonCode))
		if i == 0 && !inv.TaxPointDate.IsZero() { // once: CII-SR-461
			w.open("ram:TaxPointDate")
			w.startLeaf("udt:DateString")
			w.buf = append(w.buf, ` format="102">`...)
			w.buf = appendDate(w.buf, inv.TaxPointDate)
			w.endLeaf("udt:DateString")
			w.close("ram:TaxPointDate")
		}
		if inv.TaxPointDateCode != "" {
			w.text("ram:DueDateTypeCode", taxPointCode(inv.TaxPointDateCode))
		}
		if b.Rate != nil {
			w.number("ram:RateApplicablePercent", *b.Rate)
		}
		w.close("ram:ApplicableTradeTax")
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
		w.open("ram:SpecifiedTradePaymentTerms")
		w.optText("ram:Description", inv.PaymentTerms)
		if !inv.DueDate.IsZero() {
			w.date("ram:DueDateDateTime", "udt:DateTimeString", inv.DueDate)
		}
		w.optText("ram:DirectDebitMandateID", mandate)
		w.close("ram:SpecifiedTradePaymentTerms")
	}
	e.totals()
	for i := range inv.PrecedingInvoices {
		p := &inv.PrecedingInvoices[i]
		w.open("ram:InvoiceReferencedDocument")
		w.text("ram:IssuerAssignedID", p.Number)
		if !p.IssueDate.IsZero() {
			w.date("ram:FormattedIssueDateTime", "qdt:DateTimeString", p.IssueDate)
		}
		w.close("ram:InvoiceReferencedDocument")
	}
	if inv.BuyerAccountingReference != "" {
		w.open("ram:ReceivableSpecifiedTradeAccountingAccount")
		w.text("ram:ID", inv.BuyerAccountingReference)
		w.close("ram:ReceivableSpecifiedTradeAccountingAccount")
	}
	w.close("ram:ApplicableHeaderTradeSettlement")
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
		w.open("ram:SpecifiedTradeSettlementPaymentMeans")
		w.text("ram:TypeCode", string(pay.MeansCode))
		w.optText("ram:Information", pay.MeansText)
		if i == 0 {
			if c := pay.Card; c != nil {
				w.open("ram:ApplicableTradeSettlementFinancialCard")
				w.text("ram:ID", c.PrimaryAccountNumber)
				w.optText("ram:CardholderName", c.HolderName)
				w.close("ram:ApplicableTradeSettlementFinancialCard")
			}
			if d := pay.DirectDebit; d != nil && d.DebitedAccountID != "" {
				w.open("ram:PayerPartyDebtorFinancialAccount")
				w.text("ram:IBANID", d.DebitedAccountID)
				w.close("ram:PayerPartyDebtorFinancialAccount")
			}
		}
		if i < len(pay.CreditTransfers) {
			ct := &pay.CreditTransfers[i]
			w.open("ram:PayeePartyCreditorFinancialAccount")
			if isIBAN(ct.AccountID) {
				w.text("ram:IBANID", ct.AccountID)
				w.optText("ram:AccountName", ct.AccountName)
			} else {
				w.optText("ram:AccountName", ct.AccountName)
				w.text("ram:ProprietaryID", ct.AccountID)
			}
			w.close("ram:PayeePartyCreditorFinancialAccount")
			if ct.ProviderID != "" {
				w.open("ram:PayeeSpecifiedCreditorFinancialInstitution")
				w.text("ram:BICID", ct.ProviderID)
				w.close("ram:PayeeSpecifiedCreditorFinancialInstitution")
			}
		}
		w.close("ram:SpecifiedTradeSettlementPaymentMeans")
	}
}

// isIBAN reports whether s has the form of an IBAN with valid check digits
// (ISO 13616): it goes in ram:IBANID, any other account identifier in
// ram:ProprietaryID.
func isIBAN(s string) bool {
	if len(s) < 15 || len(s) > 34 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case i < 2 && c >= 'A' && c <= 'Z':
		case i >= 2 && i < 4 && c >= '0' && c <= '9':
		case i >= 4 && (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'):
		default:
			return false
		}
	}
	rem := 0
	for i := 0; i < len(s); i++ {
		c := s[(i+4)%len(s)]
		if c >= 'A' {
			v := int(c-'A') + 10
			rem = (rem*100 + v) % 97
		} else {
			rem = (rem*10 + int(c-'0')) % 97
		}
	}
	return rem == 1
}

func (e *encoder) totals() {
	w, inv, t := &e.w, e.inv, &e.inv.Totals
	w.open("ram:SpecifiedTradeSettlementHeaderMonetarySummation")
	if e.profile != Minimum {
		w.amount("ram:LineTotalAmount", t.LineNet, "BT-106")
	}
	if t.Charges != nil {
		w.amount("ram:ChargeTotalAmount", *t.Charges, "BT-108")
	}
	if t.Allowances != nil {
		w.amount("ram:AllowanceTotalAmount", *t.Allowances, "BT-107")
	}
	w.amount("ram:TaxBasisTotalAmount", t.TaxExclusive, "BT-109")
	if t.VAT != nil {
		w.amountCurrency("ram:TaxTotalAmount", *t.VAT, inv.Currency, "BT-110")
	}
	if t.VATInTaxCurrency != nil {
		w.amountCurrency("ram:TaxTotalAmount", *t.VATInTaxCurrency, inv.TaxCurrency, "BT-111")
	}
	if t.Rounding != nil {
		w.amount("ram:RoundingAmount", *t.Rounding, "BT-114")
	}
	w.amount("ram:GrandTotalAmount", t.TaxInclusive, "BT-112")
	if t.Paid != nil {
		w.amount("ram:TotalPrepaidAmount", *t.Paid, "BT-113")
	}
	w.amount("ram:DuePayableAmount", t.Due, "BT-115")
	w.close("ram:SpecifiedTradeSettlementHeaderMonetarySummation")
}
