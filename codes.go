package einvoice

//go:generate go run ./internal/gen/codelists

// Code lists.
//
// The code types, their constants, Valid methods and Values functions are
// generated into codes_gen.go from the code-list schematron of the CEN
// EN 16931 validation artefacts (EN16931-CII-codes.sch and
// EN16931-UBL-codes.sch, release 1.3.16 at the time of writing), so that a
// code is valid here exactly when the official schematron accepts it:
//
//	CurrencyCode          BR-CL-04 (= BR-CL-03, BR-CL-05), ISO 4217
//	CountryCode           BR-CL-14 (= BR-CL-15), ISO 3166-1 alpha-2 and 1A
//	DocumentTypeCode      BR-CL-01, UNTDID 1001 (IsCreditNote: UBL BR-CL-01)
//	PaymentMeansCode      BR-CL-16, UNTDID 4461
//	AllowanceReasonCode   BR-CL-19, UNTDID 5189
//	ChargeReasonCode      BR-CL-20, UNTDID 7161
//	VATCategory           BR-CL-17 (= BR-CL-18), UNCL 5305
//	TaxPointDateCode      BR-CL-06 of the UBL file, UNTDID 2005
//	ReferenceCode         BR-CL-07, UNTDID 1153
//	ClassificationScheme  BR-CL-13, UNTDID 7143
//	UnitCode              BR-CL-23, UN/ECE Recommendations 20 and 21
//	EASCode               BR-CL-25, CEF EAS
//	ICDCode               BR-CL-10 (= BR-CL-11, BR-CL-21, BR-CL-26), ISO 6523
//	VATEXCode             BR-CL-22, CEF VATEX
//	SubjectCode           BR-CL-08, UNTDID 4451
//	MIMECode              BR-CL-24
//
// Lists come from the CII file unless noted; the generated type comments state
// where the UBL file's list for the same rule differs. Regenerate with
// go generate when the artefacts change. The names below are hand-written
// aliases of generated constants, for the codes most invoices use.

// Well-known invoice type codes (BT-3), UNTDID 1001.
const (
	// CommercialInvoice is 380, the ordinary invoice.
	CommercialInvoice = DocumentType380
	// CreditNote is 381, a credit note related to goods or services.
	CreditNote = DocumentType381
	// DebitNote is 383, a debit note related to goods or services.
	DebitNote = DocumentType383
	// CorrectedInvoice is 384, an invoice that corrects an earlier one.
	CorrectedInvoice = DocumentType384
	// PrepaymentInvoice is 386, an invoice for a payment made in advance.
	PrepaymentInvoice = DocumentType386
	// SelfBilledInvoice is 389, an invoice the buyer issues on the seller's
	// behalf.
	SelfBilledInvoice = DocumentType389
	// SelfBilledCreditNote is 261, a credit note the buyer issues on the
	// seller's behalf.
	SelfBilledCreditNote = DocumentType261
	// PartialInvoice is 326, an invoice for part of a delivery or of the
	// services.
	PartialInvoice = DocumentType326
	// FactoredInvoice is 393, an invoice assigned to a third party (factor)
	// for collection.
	FactoredInvoice = DocumentType393
	// FactoredCreditNote is 396, a credit note related to a factored invoice.
	FactoredCreditNote = DocumentType396
)

// Well-known payment means type codes (BT-81), UNTDID 4461.
const (
	// PaymentMeansNotDefined is 1, instrument not defined.
	PaymentMeansNotDefined = PaymentMeans1
	// PaymentMeansCash is 10, in cash.
	PaymentMeansCash = PaymentMeans10
	// PaymentMeansCheque is 20, cheque.
	PaymentMeansCheque = PaymentMeans20
	// PaymentMeansCreditTransfer is 30, credit transfer (non-SEPA).
	PaymentMeansCreditTransfer = PaymentMeans30
	// PaymentMeansDebitTransfer is 31, debit transfer.
	PaymentMeansDebitTransfer = PaymentMeans31
	// PaymentMeansPaymentToBankAccount is 42, payment to bank account.
	PaymentMeansPaymentToBankAccount = PaymentMeans42
	// PaymentMeansBankCard is 48, bank card.
	PaymentMeansBankCard = PaymentMeans48
	// PaymentMeansDirectDebit is 49, direct debit (non-SEPA).
	PaymentMeansDirectDebit = PaymentMeans49
	// PaymentMeansCreditCard is 54, credit card.
	PaymentMeansCreditCard = PaymentMeans54
	// PaymentMeansDebitCard is 55, debit card.
	PaymentMeansDebitCard = PaymentMeans55
	// PaymentMeansStandingAgreement is 57, standing agreement.
	PaymentMeansStandingAgreement = PaymentMeans57
	// PaymentMeansSEPACreditTransfer is 58, SEPA credit transfer.
	PaymentMeansSEPACreditTransfer = PaymentMeans58
	// PaymentMeansSEPADirectDebit is 59, SEPA direct debit.
	PaymentMeansSEPADirectDebit = PaymentMeans59
	// PaymentMeansOnlinePayment is 68, online payment service.
	PaymentMeansOnlinePayment = PaymentMeans68
	// PaymentMeansClearing is 97, clearing between partners.
	PaymentMeansClearing = PaymentMeans97
	// PaymentMeansMutuallyDefined is ZZZ, mutually defined.
	PaymentMeansMutuallyDefined = PaymentMeansZZZ
)

// Well-known ISO 6523 International Code Designators.
const (
	// ICDSIREN is 0002, SIRENE: the French SIREN company number.
	ICDSIREN = ICD0002
	// ICDSIRET is 0009, the French SIRET establishment number.
	ICDSIRET = ICD0009
	// ICDDUNS is 0060, the Dun & Bradstreet D-U-N-S number.
	ICDDUNS = ICD0060
	// ICDGLN is 0088, the GS1 Global Location Number.
	ICDGLN = ICD0088
)

// Well-known electronic address schemes (BT-34-1, BT-49-1), CEF EAS.
const (
	// EASFrenchVAT is 9957, a French VAT number.
	EASFrenchVAT = EAS9957
	// EASSIRET is 0009, a French SIRET establishment number.
	EASSIRET = EAS0009
	// EASGLN is 0088, a GS1 Global Location Number.
	EASGLN = EAS0088
	// EASEmail is EM, an electronic mail address.
	EASEmail = EASEM
)

// Well-known allowance and charge reason codes.
const (
	// AllowanceReasonDiscount is 95 (UNTDID 5189), discount.
	AllowanceReasonDiscount = AllowanceReason95
	// ChargeReasonFreight is FC (UNTDID 7161), freight service.
	ChargeReasonFreight = ChargeReasonFC
	// ChargeReasonPacking is PC (UNTDID 7161), packing.
	ChargeReasonPacking = ChargeReasonPC
)
