package einvoice

import "github.com/shopspring/decimal"

// Invoice is an electronic invoice as EN 16931-1 defines it: the semantic
// model, independent of any syntax. The fields follow the business terms (BT)
// and business groups (BG) of the norm, nested by group.
//
// Cardinality is in the types: a value for a term or group that occurs
// exactly once, a pointer for an optional group, a slice for a repeatable
// one. An optional text or identifier is absent when empty, an optional date
// when zero. Optional figures are pointers, since a zero figure present in a
// file differs from an absent one (a VAT rate of 0 against no rate at all).
//
// The derived figures (line net amounts, the VAT breakdown amounts and the
// document totals) are filled in by Complete.
type Invoice struct {
	// Number is the Invoice number (BT-1).
	Number string `json:"number"`
	// IssueDate is the Invoice issue date (BT-2).
	IssueDate Date `json:"issueDate,omitzero"`
	// TypeCode is the Invoice type code (BT-3), UNTDID 1001.
	TypeCode DocumentTypeCode `json:"typeCode"`
	// Currency is the Invoice currency code (BT-5), ISO 4217.
	Currency CurrencyCode `json:"currency"`
	// TaxCurrency is the VAT accounting currency code (BT-6), when VAT is
	// accounted in a currency other than the invoice currency.
	TaxCurrency CurrencyCode `json:"taxCurrency,omitempty"`
	// TaxPointDate is the Value added tax point date (BT-7).
	TaxPointDate Date `json:"taxPointDate,omitzero"`
	// TaxPointDateCode is the Value added tax point date code (BT-8),
	// UNTDID 2005.
	TaxPointDateCode TaxPointDateCode `json:"taxPointDateCode,omitempty"`
	// DueDate is the Payment due date (BT-9).
	DueDate Date `json:"dueDate,omitzero"`
	// BuyerReference is the Buyer reference (BT-10). Chorus Pro reads the
	// buyer's service code (code service) here.
	BuyerReference string `json:"buyerReference,omitempty"`
	// ProjectReference is the Project reference (BT-11).
	ProjectReference string `json:"projectReference,omitempty"`
	// ContractReference is the Contract reference (BT-12).
	ContractReference string `json:"contractReference,omitempty"`
	// PurchaseOrderReference is the Purchase order reference (BT-13). Chorus
	// Pro reads the engagement number (numéro d'engagement) here.
	PurchaseOrderReference string `json:"purchaseOrderReference,omitempty"`
	// SalesOrderReference is the Sales order reference (BT-14).
	SalesOrderReference string `json:"salesOrderReference,omitempty"`
	// ReceivingAdviceReference is the Receiving advice reference (BT-15).
	ReceivingAdviceReference string `json:"receivingAdviceReference,omitempty"`
	// DespatchAdviceReference is the Despatch advice reference (BT-16).
	DespatchAdviceReference string `json:"despatchAdviceReference,omitempty"`
	// TenderOrLotReference is the Tender or lot reference (BT-17).
	TenderOrLotReference string `json:"tenderOrLotReference,omitempty"`
	// InvoicedObject is the Invoiced object identifier (BT-18) with its
	// Scheme identifier (BT-18-1), UNTDID 1153.
	InvoicedObject ObjectID `json:"invoicedObject,omitzero"`
	// BuyerAccountingReference is the Buyer accounting reference (BT-19).
	BuyerAccountingReference string `json:"buyerAccountingReference,omitempty"`
	// PaymentTerms is the Payment terms (BT-20).
	PaymentTerms string `json:"paymentTerms,omitempty"`

	// Notes are the INVOICE NOTE groups (BG-1).
	Notes []Note `json:"notes,omitempty"`
	// Process is the PROCESS CONTROL group (BG-2).
	Process ProcessControl `json:"process"`
	// PrecedingInvoices are the PRECEDING INVOICE REFERENCE groups (BG-3).
	PrecedingInvoices []PrecedingInvoice `json:"precedingInvoices,omitempty"`
	// Seller is the SELLER group (BG-4).
	Seller Seller `json:"seller"`
	// Buyer is the BUYER group (BG-7).
	Buyer Buyer `json:"buyer"`
	// Payee is the PAYEE group (BG-10), when the payee is not the seller.
	Payee *Payee `json:"payee,omitempty"`
	// BuyerAgent is the buyer's agent (EXT-FR-FE-BG-01), an EXTENDED term.
	BuyerAgent *Party `json:"buyerAgent,omitempty"`
	// Payer is the payer (EXT-FR-FE-BG-02), when not the buyer, an
	// EXTENDED term.
	Payer *Party `json:"payer,omitempty"`
	// SalesAgent is the seller's agent (EXT-FR-FE-BG-03), an EXTENDED term.
	SalesAgent *Party `json:"salesAgent,omitempty"`
	// Invoicee is the invoicee (EXT-FR-FE-BG-04), the party the invoice is
	// addressed to when not the buyer, an EXTENDED term.
	Invoicee *Party `json:"invoicee,omitempty"`
	// Invoicer is the invoicer (EXT-FR-FE-BG-05), the party that issues
	// the invoice when not the seller, an EXTENDED term.
	Invoicer *Party `json:"invoicer,omitempty"`
	// TaxRepresentative is the SELLER TAX REPRESENTATIVE PARTY group (BG-11).
	TaxRepresentative *TaxRepresentative `json:"taxRepresentative,omitempty"`
	// Delivery is the DELIVERY INFORMATION group (BG-13).
	Delivery *Delivery `json:"delivery,omitempty"`
	// InvoicingPeriod is the INVOICING PERIOD group (BG-14). EN 16931-1 nests
	// it in DELIVERY INFORMATION (BG-13); both syntaxes carry it apart from the
	// delivery, and so does this model, so that a period needs no delivery.
	InvoicingPeriod *Period `json:"invoicingPeriod,omitempty"`
	// Payment is the PAYMENT INSTRUCTIONS group (BG-16).
	Payment *PaymentInstructions `json:"payment,omitempty"`
	// Allowances are the DOCUMENT LEVEL ALLOWANCES groups (BG-20).
	Allowances []Allowance `json:"allowances,omitempty"`
	// Charges are the DOCUMENT LEVEL CHARGES groups (BG-21).
	Charges []Charge `json:"charges,omitempty"`
	// Totals is the DOCUMENT TOTALS group (BG-22), filled in by Complete.
	Totals Totals `json:"totals"`
	// VATBreakdown are the VAT BREAKDOWN groups (BG-23). Complete fills in
	// the amounts; the exemption reasons (BT-120, BT-121) are the caller's.
	VATBreakdown []VATBreakdown `json:"vatBreakdown,omitempty"`
	// Attachments are the ADDITIONAL SUPPORTING DOCUMENTS groups (BG-24).
	Attachments []Attachment `json:"attachments,omitempty"`
	// Lines are the INVOICE LINE groups (BG-25).
	Lines []Line `json:"lines"`
}

// ObjectID is an identifier whose scheme is a UNTDID 1153 reference code, as
// the invoiced object identifier (BT-18) and the invoice line object
// identifier (BT-128) are.
type ObjectID struct {
	// Value is the identifier (BT-18, BT-128).
	Value string `json:"value"`
	// Scheme is the Scheme identifier (BT-18-1, BT-128-1), UNTDID 1153.
	Scheme ReferenceCode `json:"scheme,omitempty"`
}

// IsZero reports whether the identifier is absent.
func (id ObjectID) IsZero() bool { return id == ObjectID{} }

// Note is an INVOICE NOTE (BG-1).
type Note struct {
	// SubjectCode is the Invoice note subject code (BT-21), UNTDID 4451.
	// The French CIUS uses PMT, PMD, AAB, TXD and BAR.
	SubjectCode SubjectCode `json:"subjectCode,omitempty"`
	// Text is the Invoice note (BT-22).
	Text string `json:"text"`
}

// ProcessControl is the PROCESS CONTROL group (BG-2).
type ProcessControl struct {
	// BusinessProcess is the Business process type (BT-23). The French CIUS
	// puts its billing framework code (B1, S1, M1, ...) here.
	BusinessProcess string `json:"businessProcess,omitempty"`
	// Specification is the Specification identifier (BT-24): the profile
	// the invoice conforms to, such as urn:cen.eu:en16931:2017. Encoders
	// write the identifier of the profile they write.
	Specification string `json:"specification,omitempty"`
}

// PrecedingInvoice is a PRECEDING INVOICE REFERENCE (BG-3), or the
// preceding invoice of a line (EXT-FR-FE-BG-06: its number EXT-FR-FE-136,
// type code EXT-FR-FE-137 and issue date EXT-FR-FE-138).
type PrecedingInvoice struct {
	// Number is the Preceding Invoice reference (BT-25).
	Number string `json:"number"`
	// IssueDate is the Preceding Invoice issue date (BT-26).
	IssueDate Date `json:"issueDate,omitzero"`
	// TypeCode is the Preceding invoice type code (EXT-FR-FE-02), UNTDID
	// 1001, an EXTENDED term.
	TypeCode DocumentTypeCode `json:"typeCode,omitempty"`
}

// Period is a period of dates: the INVOICING PERIOD (BG-14) or an INVOICE
// LINE PERIOD (BG-26).
type Period struct {
	// Start is the Invoicing period start date (BT-73) or the Invoice line
	// period start date (BT-134).
	Start Date `json:"start,omitzero"`
	// End is the Invoicing period end date (BT-74) or the Invoice line
	// period end date (BT-135).
	End Date `json:"end,omitzero"`
}

// Totals is the DOCUMENT TOTALS group (BG-22). Complete computes every
// figure here but the paid amount and the rounding amount, which are the
// caller's, and the VAT total in accounting currency, which needs an
// exchange rate the invoice does not carry.
type Totals struct {
	// LineNet is the Sum of Invoice line net amount (BT-106).
	LineNet decimal.Decimal `json:"lineNet"`
	// Allowances is the Sum of allowances on document level (BT-107).
	Allowances *decimal.Decimal `json:"allowances,omitempty"`
	// Charges is the Sum of charges on document level (BT-108).
	Charges *decimal.Decimal `json:"charges,omitempty"`
	// TaxExclusive is the Invoice total amount without VAT (BT-109).
	TaxExclusive decimal.Decimal `json:"taxExclusive"`
	// VAT is the Invoice total VAT amount (BT-110).
	VAT *decimal.Decimal `json:"vat,omitempty"`
	// VATInTaxCurrency is the Invoice total VAT amount in accounting
	// currency (BT-111), in the VAT accounting currency (BT-6).
	VATInTaxCurrency *decimal.Decimal `json:"vatInTaxCurrency,omitempty"`
	// TaxInclusive is the Invoice total amount with VAT (BT-112).
	TaxInclusive decimal.Decimal `json:"taxInclusive"`
	// Paid is the Paid amount (BT-113): prepayments already made.
	Paid *decimal.Decimal `json:"paid,omitempty"`
	// Rounding is the Rounding amount (BT-114), added to the amount due.
	Rounding *decimal.Decimal `json:"rounding,omitempty"`
	// Due is the Amount due for payment (BT-115).
	Due decimal.Decimal `json:"due"`
}

// VATBreakdown is a VAT BREAKDOWN group (BG-23): the VAT of one category and
// rate.
type VATBreakdown struct {
	// TaxableAmount is the VAT category taxable amount (BT-116).
	TaxableAmount decimal.Decimal `json:"taxableAmount"`
	// TaxAmount is the VAT category tax amount (BT-117).
	TaxAmount decimal.Decimal `json:"taxAmount"`
	// Category is the VAT category code (BT-118).
	Category VATCategory `json:"category"`
	// Rate is the VAT category rate (BT-119), a percentage; absent for
	// category O (not subject to VAT).
	Rate *decimal.Decimal `json:"rate,omitempty"`
	// ExemptionReason is the VAT exemption reason text (BT-120).
	ExemptionReason string `json:"exemptionReason,omitempty"`
	// ExemptionReasonCode is the VAT exemption reason code (BT-121), CEF
	// VATEX.
	ExemptionReasonCode VATEXCode `json:"exemptionReasonCode,omitempty"`
}

// Attachment is an ADDITIONAL SUPPORTING DOCUMENTS group (BG-24): a
// reference to a document, with the document itself or its location.
type Attachment struct {
	// ID is the Supporting document reference (BT-122).
	ID string `json:"id"`
	// Description is the Supporting document description (BT-123).
	Description string `json:"description,omitempty"`
	// ExternalLocation is the External document location (BT-124), a URL.
	ExternalLocation string `json:"externalLocation,omitempty"`
	// Content is the Attached document (BT-125), the document's bytes. Its
	// JSON form is base64.
	Content []byte `json:"content,omitempty"`
	// MIMECode is the Attached document Mime code (BT-125-1).
	MIMECode MIMECode `json:"mimeCode,omitempty"`
	// Filename is the Attached document Filename (BT-125-2).
	Filename string `json:"filename,omitempty"`
}
