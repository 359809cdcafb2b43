package cii

//go:generate go run ../internal/gen/ciiprofiles

import (
	"slices"
	"strings"
	"sync"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/clone"
	"github.com/shopspring/decimal"
)

// Profile discipline: which business terms a Factur-X profile can carry.
//
// Three tables, all in the order of the norm's numbers, every business term
// first (BT-1 .. BT-165, no BT-4) and then every business group (BG-1 ..
// BG-32), then the EXTENDED terms the model holds beyond EN 16931: those of
// the French reform (EXT-FR-FE-n, then the groups EXT-FR-FE-BG-n), then
// those of Factur-X (BT-X-n):
//
//   - termPaths (below): where each term lives in a CII document, the
//     Factur-X / EN 16931 CII binding, written once.
//   - termProfiles (profile_terms_gen.go): the profiles that can carry each
//     term, generated from the official Factur-X XSDs and schematrons by
//     internal/gen/ciiprofiles (go generate in this directory).
//   - modelTerms (further below): where each term lives in the model, to
//     tell whether an invoice holds it and to remove it.
//
// The scheme sub-terms (BT-29-1, BT-125-1, BT-158-2, ...) have no entry:
// every profile that carries a term carries its scheme, so they go with
// their term.

// termPath is where a business term or group is in a CII document.
type termPath struct {
	// id is the term or group: "BT-27", "BG-4".
	id string
	// path is the element or attribute holding the term (for a group, the
	// element holding the group), relative to rsm:CrossIndustryInvoice: a
	// restricted XPath of child steps, an attribute as last step, and
	// predicates that test a child or compare with a literal, as the
	// Factur-X schematrons write them. Alternatives are separated by " | ",
	// the first one primary: a profile can carry the term if it can carry
	// the primary path.
	path string
}

// Paths of the CII document, relative to rsm:CrossIndustryInvoice.
const (
	xpContext        = "rsm:ExchangedDocumentContext"
	xpDocument       = "rsm:ExchangedDocument"
	xpTransaction    = "rsm:SupplyChainTradeTransaction"
	xpAgreement      = xpTransaction + "/ram:ApplicableHeaderTradeAgreement"
	xpSeller         = xpAgreement + "/ram:SellerTradeParty"
	xpBuyer          = xpAgreement + "/ram:BuyerTradeParty"
	xpTaxRep         = xpAgreement + "/ram:SellerTaxRepresentativeTradeParty"
	xpAttachment     = xpAgreement + "/ram:AdditionalReferencedDocument[ram:TypeCode='916']"
	xpDelivery       = xpTransaction + "/ram:ApplicableHeaderTradeDelivery"
	xpShipTo         = xpDelivery + "/ram:ShipToTradeParty"
	xpSettlement     = xpTransaction + "/ram:ApplicableHeaderTradeSettlement"
	xpPayee          = xpSettlement + "/ram:PayeeTradeParty"
	xpMeans          = xpSettlement + "/ram:SpecifiedTradeSettlementPaymentMeans"
	xpVAT            = xpSettlement + "/ram:ApplicableTradeTax"
	xpAllowance      = xpSettlement + "/ram:SpecifiedTradeAllowanceCharge[ram:ChargeIndicator/udt:Indicator='false']"
	xpCharge         = xpSettlement + "/ram:SpecifiedTradeAllowanceCharge[ram:ChargeIndicator/udt:Indicator='true']"
	xpPaymentTerms   = xpSettlement + "/ram:SpecifiedTradePaymentTerms"
	xpTotals         = xpSettlement + "/ram:SpecifiedTradeSettlementHeaderMonetarySummation"
	xpLine           = xpTransaction + "/ram:IncludedSupplyChainTradeLineItem"
	xpLineDocument   = xpLine + "/ram:AssociatedDocumentLineDocument"
	xpProduct        = xpLine + "/ram:SpecifiedTradeProduct"
	xpLineAgreement  = xpLine + "/ram:SpecifiedLineTradeAgreement"
	xpLineSettlement = xpLine + "/ram:SpecifiedLineTradeSettlement"
	xpLineAllowance  = xpLineSettlement + "/ram:SpecifiedTradeAllowanceCharge[ram:ChargeIndicator/udt:Indicator='false']"
	xpLineCharge     = xpLineSettlement + "/ram:SpecifiedTradeAllowanceCharge[ram:ChargeIndicator/udt:Indicator='true']"
	xpLineDelivery   = xpLine + "/ram:SpecifiedLineTradeDelivery"
	xpLineTotals     = xpLineSettlement + "/ram:SpecifiedTradeSettlementLineMonetarySummation"
	// xpAbsSettlement is the header settlement as an absolute path, as
	// the Factur-X schematrons name the currencies of a line's VAT totals.
	xpAbsSettlement = "/rsm:CrossIndustryInvoice/" + xpSettlement
)

// termPaths is the CII binding of every business term and group of
// EN 16931-1, in the order of the norm's numbers (terms, then groups).
//
// Groups that have no element of their own in CII take the element that
// holds their terms, as the CEN binding does: BG-2 PROCESS CONTROL is
// rsm:ExchangedDocumentContext, BG-13 DELIVERY INFORMATION is
// ram:ApplicableHeaderTradeDelivery, BG-19 DIRECT DEBIT is
// ram:ApplicableHeaderTradeSettlement (its terms are in three places
// there), BG-29 PRICE DETAILS is ram:SpecifiedLineTradeAgreement (the
// gross and the net price). A profile can then carry such a group even
// where it can carry none of its terms (MINIMUM's empty
// ApplicableHeaderTradeDelivery); the held terms name what it cannot.
var termPaths = []termPath{
	{"BT-1", xpDocument + "/ram:ID"},
	{"BT-2", xpDocument + "/ram:IssueDateTime"},
	{"BT-3", xpDocument + "/ram:TypeCode"},
	{"BT-5", xpSettlement + "/ram:InvoiceCurrencyCode"},
	{"BT-6", xpSettlement + "/ram:TaxCurrencyCode"},
	{"BT-7", xpVAT + "/ram:TaxPointDate"},
	{"BT-8", xpVAT + "/ram:DueDateTypeCode"},
	{"BT-9", xpPaymentTerms + "/ram:DueDateDateTime"},
	{"BT-10", xpAgreement + "/ram:BuyerReference"},
	{"BT-11", xpAgreement + "/ram:SpecifiedProcuringProject/ram:ID"},
	{"BT-12", xpAgreement + "/ram:ContractReferencedDocument/ram:IssuerAssignedID"},
	{"BT-13", xpAgreement + "/ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID"},
	{"BT-14", xpAgreement + "/ram:SellerOrderReferencedDocument/ram:IssuerAssignedID"},
	{"BT-15", xpDelivery + "/ram:ReceivingAdviceReferencedDocument/ram:IssuerAssignedID"},
	{"BT-16", xpDelivery + "/ram:DespatchAdviceReferencedDocument/ram:IssuerAssignedID"},
	{"BT-17", xpAgreement + "/ram:AdditionalReferencedDocument[ram:TypeCode='50']/ram:IssuerAssignedID"},
	{"BT-18", xpAgreement + "/ram:AdditionalReferencedDocument[ram:TypeCode='130']/ram:IssuerAssignedID"},
	{"BT-19", xpSettlement + "/ram:ReceivableSpecifiedTradeAccountingAccount/ram:ID"},
	{"BT-20", xpPaymentTerms + "/ram:Description"},
	{"BT-21", xpDocument + "/ram:IncludedNote/ram:SubjectCode"},
	{"BT-22", xpDocument + "/ram:IncludedNote/ram:Content"},
	{"BT-23", xpContext + "/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID"},
	{"BT-24", xpContext + "/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID"},
	{"BT-25", xpSettlement + "/ram:InvoiceReferencedDocument/ram:IssuerAssignedID"},
	{"BT-26", xpSettlement + "/ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime"},
	{"BT-27", xpSeller + "/ram:Name"},
	{"BT-28", xpSeller + "/ram:SpecifiedLegalOrganization/ram:TradingBusinessName"},
	{"BT-29", xpSeller + "/ram:ID | " + xpSeller + "/ram:GlobalID"},
	{"BT-30", xpSeller + "/ram:SpecifiedLegalOrganization/ram:ID"},
	{"BT-31", xpSeller + "/ram:SpecifiedTaxRegistration[ram:ID/@schemeID='VA']/ram:ID"},
	{"BT-32", xpSeller + "/ram:SpecifiedTaxRegistration[ram:ID/@schemeID='FC']/ram:ID"},
	{"BT-33", xpSeller + "/ram:Description"},
	{"BT-34", xpSeller + "/ram:URIUniversalCommunication/ram:URIID"},
	{"BT-35", xpSeller + "/ram:PostalTradeAddress/ram:LineOne"},
	{"BT-36", xpSeller + "/ram:PostalTradeAddress/ram:LineTwo"},
	{"BT-37", xpSeller + "/ram:PostalTradeAddress/ram:CityName"},
	{"BT-38", xpSeller + "/ram:PostalTradeAddress/ram:PostcodeCode"},
	{"BT-39", xpSeller + "/ram:PostalTradeAddress/ram:CountrySubDivisionName"},
	{"BT-40", xpSeller + "/ram:PostalTradeAddress/ram:CountryID"},
	{"BT-41", xpSeller + "/ram:DefinedTradeContact/ram:PersonName"},
	{"BT-42", xpSeller + "/ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/ram:CompleteNumber"},
	{"BT-43", xpSeller + "/ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:URIID"},
	{"BT-44", xpBuyer + "/ram:Name"},
	{"BT-45", xpBuyer + "/ram:SpecifiedLegalOrganization/ram:TradingBusinessName"},
	{"BT-46", xpBuyer + "/ram:ID | " + xpBuyer + "/ram:GlobalID"},
	{"BT-47", xpBuyer + "/ram:SpecifiedLegalOrganization/ram:ID"},
	{"BT-48", xpBuyer + "/ram:SpecifiedTaxRegistration[ram:ID/@schemeID='VA']/ram:ID"},
	{"BT-49", xpBuyer + "/ram:URIUniversalCommunication/ram:URIID"},
	{"BT-50", xpBuyer + "/ram:PostalTradeAddress/ram:LineOne"},
	{"BT-51", xpBuyer + "/ram:PostalTradeAddress/ram:LineTwo"},
	{"BT-52", xpBuyer + "/ram:PostalTradeAddress/ram:CityName"},
	{"BT-53", xpBuyer + "/ram:PostalTradeAddress/ram:PostcodeCode"},
	{"BT-54", xpBuyer + "/ram:PostalTradeAddress/ram:CountrySubDivisionName"},
	{"BT-55", xpBuyer + "/ram:PostalTradeAddress/ram:CountryID"},
	{"BT-56", xpBuyer + "/ram:DefinedTradeContact/ram:PersonName"},
	{"BT-57", xpBuyer + "/ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/ram:CompleteNumber"},
	{"BT-58", xpBuyer + "/ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:URIID"},
	{"BT-59", xpPayee + "/ram:Name"},
	{"BT-60", xpPayee + "/ram:ID | " + xpPayee + "/ram:GlobalID"},
	{"BT-61", xpPayee + "/ram:SpecifiedLegalOrganization/ram:ID"},
	{"BT-62", xpTaxRep + "/ram:Name"},
	{"BT-63", xpTaxRep + "/ram:SpecifiedTaxRegistration[ram:ID/@schemeID='VA']/ram:ID"},
	{"BT-64", xpTaxRep + "/ram:PostalTradeAddress/ram:LineOne"},
	{"BT-65", xpTaxRep + "/ram:PostalTradeAddress/ram:LineTwo"},
	{"BT-66", xpTaxRep + "/ram:PostalTradeAddress/ram:CityName"},
	{"BT-67", xpTaxRep + "/ram:PostalTradeAddress/ram:PostcodeCode"},
	{"BT-68", xpTaxRep + "/ram:PostalTradeAddress/ram:CountrySubDivisionName"},
	{"BT-69", xpTaxRep + "/ram:PostalTradeAddress/ram:CountryID"},
	{"BT-70", xpShipTo + "/ram:Name"},
	{"BT-71", xpShipTo + "/ram:ID | " + xpShipTo + "/ram:GlobalID"},
	{"BT-72", xpDelivery + "/ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime"},
	{"BT-73", xpSettlement + "/ram:BillingSpecifiedPeriod/ram:StartDateTime"},
	{"BT-74", xpSettlement + "/ram:BillingSpecifiedPeriod/ram:EndDateTime"},
	{"BT-75", xpShipTo + "/ram:PostalTradeAddress/ram:LineOne"},
	{"BT-76", xpShipTo + "/ram:PostalTradeAddress/ram:LineTwo"},
	{"BT-77", xpShipTo + "/ram:PostalTradeAddress/ram:CityName"},
	{"BT-78", xpShipTo + "/ram:PostalTradeAddress/ram:PostcodeCode"},
	{"BT-79", xpShipTo + "/ram:PostalTradeAddress/ram:CountrySubDivisionName"},
	{"BT-80", xpShipTo + "/ram:PostalTradeAddress/ram:CountryID"},
	{"BT-81", xpMeans + "/ram:TypeCode"},
	{"BT-82", xpMeans + "/ram:Information"},
	{"BT-83", xpSettlement + "/ram:PaymentReference"},
	{"BT-84", xpMeans + "/ram:PayeePartyCreditorFinancialAccount/ram:IBANID | " + xpMeans + "/ram:PayeePartyCreditorFinancialAccount/ram:ProprietaryID"},
	{"BT-85", xpMeans + "/ram:PayeePartyCreditorFinancialAccount/ram:AccountName"},
	{"BT-86", xpMeans + "/ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID"},
	{"BT-87", xpMeans + "/ram:ApplicableTradeSettlementFinancialCard/ram:ID"},
	{"BT-88", xpMeans + "/ram:ApplicableTradeSettlementFinancialCard/ram:CardholderName"},
	{"BT-89", xpPaymentTerms + "/ram:DirectDebitMandateID"},
	{"BT-90", xpSettlement + "/ram:CreditorReferenceID"},
	{"BT-91", xpMeans + "/ram:PayerPartyDebtorFinancialAccount/ram:IBANID"},
	{"BT-92", xpAllowance + "/ram:ActualAmount"},
	{"BT-93", xpAllowance + "/ram:BasisAmount"},
	{"BT-94", xpAllowance + "/ram:CalculationPercent"},
	{"BT-95", xpAllowance + "/ram:CategoryTradeTax/ram:CategoryCode"},
	{"BT-96", xpAllowance + "/ram:CategoryTradeTax/ram:RateApplicablePercent"},
	{"BT-97", xpAllowance + "/ram:Reason"},
	{"BT-98", xpAllowance + "/ram:ReasonCode"},
	{"BT-99", xpCharge + "/ram:ActualAmount"},
	{"BT-100", xpCharge + "/ram:BasisAmount"},
	{"BT-101", xpCharge + "/ram:CalculationPercent"},
	{"BT-102", xpCharge + "/ram:CategoryTradeTax/ram:CategoryCode"},
	{"BT-103", xpCharge + "/ram:CategoryTradeTax/ram:RateApplicablePercent"},
	{"BT-104", xpCharge + "/ram:Reason"},
	{"BT-105", xpCharge + "/ram:ReasonCode"},
	{"BT-106", xpTotals + "/ram:LineTotalAmount"},
	{"BT-107", xpTotals + "/ram:AllowanceTotalAmount"},
	{"BT-108", xpTotals + "/ram:ChargeTotalAmount"},
	{"BT-109", xpTotals + "/ram:TaxBasisTotalAmount"},
	{"BT-110", xpTotals + "/ram:TaxTotalAmount[@currencyID=../../ram:InvoiceCurrencyCode]"},
	{"BT-111", xpTotals + "/ram:TaxTotalAmount[@currencyID=../../ram:TaxCurrencyCode]"},
	{"BT-112", xpTotals + "/ram:GrandTotalAmount"},
	{"BT-113", xpTotals + "/ram:TotalPrepaidAmount"},
	{"BT-114", xpTotals + "/ram:RoundingAmount"},
	{"BT-115", xpTotals + "/ram:DuePayableAmount"},
	{"BT-116", xpVAT + "/ram:BasisAmount"},
	{"BT-117", xpVAT + "/ram:CalculatedAmount"},
	{"BT-118", xpVAT + "/ram:CategoryCode"},
	{"BT-119", xpVAT + "/ram:RateApplicablePercent"},
	{"BT-120", xpVAT + "/ram:ExemptionReason"},
	{"BT-121", xpVAT + "/ram:ExemptionReasonCode"},
	{"BT-122", xpAttachment + "/ram:IssuerAssignedID"},
	{"BT-123", xpAttachment + "/ram:Name"},
	{"BT-124", xpAttachment + "/ram:URIID"},
	{"BT-125", xpAttachment + "/ram:AttachmentBinaryObject"},
	{"BT-126", xpLineDocument + "/ram:LineID"},
	{"BT-127", xpLineDocument + "/ram:IncludedNote/ram:Content"},
	{"BT-128", xpLineSettlement + "/ram:AdditionalReferencedDocument[ram:TypeCode='130']/ram:IssuerAssignedID"},
	{"BT-129", xpLine + "/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity"},
	{"BT-130", xpLine + "/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity/@unitCode"},
	{"BT-131", xpLineSettlement + "/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount"},
	{"BT-132", xpLineAgreement + "/ram:BuyerOrderReferencedDocument/ram:LineID"},
	{"BT-133", xpLineSettlement + "/ram:ReceivableSpecifiedTradeAccountingAccount/ram:ID"},
	{"BT-134", xpLineSettlement + "/ram:BillingSpecifiedPeriod/ram:StartDateTime"},
	{"BT-135", xpLineSettlement + "/ram:BillingSpecifiedPeriod/ram:EndDateTime"},
	{"BT-136", xpLineAllowance + "/ram:ActualAmount"},
	{"BT-137", xpLineAllowance + "/ram:BasisAmount"},
	{"BT-138", xpLineAllowance + "/ram:CalculationPercent"},
	{"BT-139", xpLineAllowance + "/ram:Reason"},
	{"BT-140", xpLineAllowance + "/ram:ReasonCode"},
	{"BT-141", xpLineCharge + "/ram:ActualAmount"},
	{"BT-142", xpLineCharge + "/ram:BasisAmount"},
	{"BT-143", xpLineCharge + "/ram:CalculationPercent"},
	{"BT-144", xpLineCharge + "/ram:Reason"},
	{"BT-145", xpLineCharge + "/ram:ReasonCode"},
	{"BT-146", xpLineAgreement + "/ram:NetPriceProductTradePrice/ram:ChargeAmount"},
	{"BT-147", xpLineAgreement + "/ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge[ram:ChargeIndicator/udt:Indicator='false']/ram:ActualAmount"},
	{"BT-148", xpLineAgreement + "/ram:GrossPriceProductTradePrice/ram:ChargeAmount"},
	{"BT-149", xpLineAgreement + "/ram:NetPriceProductTradePrice/ram:BasisQuantity | " + xpLineAgreement + "/ram:GrossPriceProductTradePrice/ram:BasisQuantity"},
	{"BT-150", xpLineAgreement + "/ram:NetPriceProductTradePrice/ram:BasisQuantity/@unitCode | " + xpLineAgreement + "/ram:GrossPriceProductTradePrice/ram:BasisQuantity/@unitCode"},
	{"BT-151", xpLineSettlement + "/ram:ApplicableTradeTax/ram:CategoryCode"},
	{"BT-152", xpLineSettlement + "/ram:ApplicableTradeTax/ram:RateApplicablePercent"},
	{"BT-153", xpProduct + "/ram:Name"},
	{"BT-154", xpProduct + "/ram:Description"},
	{"BT-155", xpProduct + "/ram:SellerAssignedID"},
	{"BT-156", xpProduct + "/ram:BuyerAssignedID"},
	{"BT-157", xpProduct + "/ram:GlobalID"},
	{"BT-158", xpProduct + "/ram:DesignatedProductClassification/ram:ClassCode"},
	{"BT-159", xpProduct + "/ram:OriginTradeCountry/ram:ID"},
	{"BT-160", xpProduct + "/ram:ApplicableProductCharacteristic/ram:Description"},
	{"BT-161", xpProduct + "/ram:ApplicableProductCharacteristic/ram:Value"},
	{"BT-162", xpSeller + "/ram:PostalTradeAddress/ram:LineThree"},
	{"BT-163", xpBuyer + "/ram:PostalTradeAddress/ram:LineThree"},
	{"BT-164", xpTaxRep + "/ram:PostalTradeAddress/ram:LineThree"},
	{"BT-165", xpShipTo + "/ram:PostalTradeAddress/ram:LineThree"},
	{"BG-1", xpDocument + "/ram:IncludedNote"},
	{"BG-2", xpContext},
	{"BG-3", xpSettlement + "/ram:InvoiceReferencedDocument"},
	{"BG-4", xpSeller},
	{"BG-5", xpSeller + "/ram:PostalTradeAddress"},
	{"BG-6", xpSeller + "/ram:DefinedTradeContact"},
	{"BG-7", xpBuyer},
	{"BG-8", xpBuyer + "/ram:PostalTradeAddress"},
	{"BG-9", xpBuyer + "/ram:DefinedTradeContact"},
	{"BG-10", xpPayee},
	{"BG-11", xpTaxRep},
	{"BG-12", xpTaxRep + "/ram:PostalTradeAddress"},
	{"BG-13", xpDelivery},
	{"BG-14", xpSettlement + "/ram:BillingSpecifiedPeriod"},
	{"BG-15", xpShipTo + "/ram:PostalTradeAddress"},
	{"BG-16", xpMeans},
	{"BG-17", xpMeans + "/ram:PayeePartyCreditorFinancialAccount"},
	{"BG-18", xpMeans + "/ram:ApplicableTradeSettlementFinancialCard"},
	{"BG-19", xpSettlement},
	{"BG-20", xpAllowance},
	{"BG-21", xpCharge},
	{"BG-22", xpTotals},
	{"BG-23", xpVAT},
	{"BG-24", xpAttachment},
	{"BG-25", xpLine},
	{"BG-26", xpLineSettlement + "/ram:BillingSpecifiedPeriod"},
	{"BG-27", xpLineAllowance},
	{"BG-28", xpLineCharge},
	{"BG-29", xpLineAgreement},
	{"BG-30", xpLineSettlement + "/ram:ApplicableTradeTax"},
	{"BG-31", xpProduct},
	{"BG-32", xpProduct + "/ram:ApplicableProductCharacteristic"},

	// The EXTENDED terms of the model: what EN 16931 lacks and EXTENDED
	// carries, named by the ids of the French reform (XP Z12-012,
	// EXT-FR-FE) or, for an item attribute's measure, of Factur-X
	// (BT-X-12). A group of the model is one entry, named by its group id:
	// the parties (EXT-FR-FE-BG-01 .. 05), a line's preceding invoice
	// (EXT-FR-FE-BG-06) and delivery (EXT-FR-FE-BG-10). A line's seller,
	// to which our sources give no group id, is named by its first term,
	// its name (EXT-FR-FE-164; its terms are EXT-FR-FE-164 .. 177).
	{"EXT-FR-FE-02", xpSettlement + "/ram:InvoiceReferencedDocument/ram:TypeCode"},
	{"EXT-FR-FE-29", xpPayee + "/ram:URIUniversalCommunication/ram:URIID"},
	{"EXT-FR-FE-159", xpProduct + "/ram:ApplicableProductCharacteristic/ram:TypeCode"},
	{"EXT-FR-FE-162", xpLineDocument + "/ram:ParentLineID"},
	{"EXT-FR-FE-163", xpLineDocument + "/ram:LineStatusReasonCode"},
	{"EXT-FR-FE-164", xpLineAgreement + "/ram:ItemSellerTradeParty"},
	{"EXT-FR-FE-181", xpLineTotals + "/ram:TaxTotalAmount[@currencyID=" + xpAbsSettlement + "/ram:InvoiceCurrencyCode]"},
	{"EXT-FR-FE-182", xpLineTotals + "/ram:TaxTotalAmount[@currencyID=" + xpAbsSettlement + "/ram:TaxCurrencyCode]"},
	{"EXT-FR-FE-184", xpLineTotals + "/ram:GrandTotalAmount"},
	{"EXT-FR-FE-BG-01", xpAgreement + "/ram:BuyerAgentTradeParty"},
	{"EXT-FR-FE-BG-02", xpSettlement + "/ram:PayerTradeParty"},
	{"EXT-FR-FE-BG-03", xpAgreement + "/ram:SalesAgentTradeParty"},
	{"EXT-FR-FE-BG-04", xpSettlement + "/ram:InvoiceeTradeParty"},
	{"EXT-FR-FE-BG-05", xpSettlement + "/ram:InvoicerTradeParty"},
	{"EXT-FR-FE-BG-06", xpLineSettlement + "/ram:InvoiceReferencedDocument"},
	{"EXT-FR-FE-BG-10", xpLineDelivery + "/ram:ShipToTradeParty | " + xpLineDelivery + "/ram:ActualDeliverySupplyChainEvent"},
	{"BT-X-12", xpProduct + "/ram:ApplicableProductCharacteristic/ram:ValueMeasure"},
}

// profileSet is a set of profiles.
type profileSet uint8

func (s profileSet) has(p Profile) bool { return p > 0 && p < 8 && s&(1<<p) != 0 }

// allows reports whether profile p can carry the business term or group id
// ("BT-154", "BG-32"): whether the profile's XSD declares the term's
// (primary) path and its schematron does not mark an element or attribute
// of that path as not used (see termProfiles). The zero Profile is taken
// for EN16931, as the Encoder takes it; ExtendedCTCFR for Extended, whose
// terms it carries (Profile.FacturX: termProfiles knows the Factur-X
// profiles only). BT-24, the specification identifier, is allowed
// everywhere: every profile requires it and the Encoder writes the
// profile's own there. An unknown id or profile allows nothing.
func (p Profile) allows(id string) bool {
	if p == 0 {
		p = EN16931
	}
	p = p.FacturX()
	if p < Minimum || p > Extended {
		return false
	}
	if id == "BT-24" {
		return true
	}
	return termProfiles[id].has(p)
}

// unsupported returns the business terms and groups inv holds that p
// cannot carry, in the order of heldTerms, or nil. It looks only at the
// terms p cannot carry (unsupportedTerms): none for EXTENDED (and
// EXTENDED-CTC-FR, which carries the terms of EXTENDED), which carries
// every term (TestExtendedCarriesEveryTerm), so that its check costs
// nothing, and for EN 16931 only the EXTENDED terms.
func (p Profile) unsupported(inv *einvoice.Invoice) []string {
	if p = p.FacturX(); p == 0 {
		return nil
	}
	var bad []string
	for _, i := range unsupportedTerms()[p] {
		if visitTerm(termVisit{}, inv, i) {
			bad = append(bad, modelTerms[i].id)
		}
	}
	return bad
}

// Trim returns a copy of inv without the business terms and groups p
// cannot carry, and their ids (nil when there are none, and then inv
// itself): what an Encoder of profile p with DropUnsupported writes,
// before the terms that CII cannot carry in p (more than one buyer
// identifier below EXTENDED, say). inv is left unchanged.
func (p Profile) Trim(inv *einvoice.Invoice) (*einvoice.Invoice, []string) {
	bad := p.unsupported(inv)
	if bad == nil {
		return inv, nil
	}
	return withoutTerms(inv, bad), bad
}

// unsupportedTerms returns, for each Factur-X profile, the indexes in
// modelTerms of the terms it cannot carry, computed once.
var unsupportedTerms = sync.OnceValue(func() (out [Extended + 1][]int) {
	for _, p := range Profiles() {
		for i := range modelTerms {
			if !p.allows(modelTerms[i].id) {
				out[p] = append(out[p], i)
			}
		}
	}
	return out
})

// heldTerms returns the business terms and groups inv holds, in the order
// of the norm's numbers: the terms BT-1 .. BT-165, then the groups BG-1 ..
// BG-32, then the EXTENDED terms (EXT-FR-FE-n, EXT-FR-FE-BG-n, BT-X-n).
//
// A term is held when its field is not zero: non-empty text or code, a
// non-zero date or identifier, a non-nil figure. A 1..1 amount (the line
// quantity, the line net amount, the net price, the totals, an allowance
// amount) is held when it is not zero, so an invoice whose figures are not
// computed yet holds none of them. A term of a repeated group (a line, a
// note) is held when one occurrence holds it. A group is held when its
// pointer is not nil or its slice not empty; a 1..1 group (BG-2, BG-4,
// BG-5, BG-7, BG-8, BG-12, BG-22, BG-29, BG-30, BG-31) when one of its
// terms or groups is.
func heldTerms(inv *einvoice.Invoice) []string {
	if inv == nil {
		return nil
	}
	var held []string
	for i := range modelTerms {
		if visitTerm(termVisit{}, inv, i) {
			held = append(held, modelTerms[i].id)
		}
	}
	return held
}

// withoutTerms returns a copy of inv without the business terms and groups
// ids: their fields are cleared (a text emptied, a pointer set to nil, a
// slice to nil, a 1..1 amount set to zero), and a group goes with all its
// terms; the line subtype (EXT-FR-FE-163) goes with the lines that do not
// count in the sums, group and information lines, which would count
// without it. inv itself is left unchanged: the copy (clone.Invoice) has
// its own slices and groups, and shares only what nothing here writes
// through (the decimals that pointers point to, attachment bytes). Unknown
// ids are ignored.
func withoutTerms(inv *einvoice.Invoice, ids []string) *einvoice.Invoice {
	if inv == nil {
		return nil
	}
	c := clone.Invoice(inv)
	for _, id := range ids {
		if i, ok := modelTermIndex(id); ok {
			visitTerm(termVisit{clear: true}, c, i)
		}
	}
	return c
}

// visitTerm reports whether inv holds the term modelTerms[i] and clears it
// when v.clear is set.
func visitTerm(v termVisit, inv *einvoice.Invoice, i int) bool {
	if t := &modelTerms[i]; t.visit != nil {
		return t.visit(v, inv)
	}
	held := false
	for _, j := range termParts()[i] {
		if visitTerm(v, inv, j) {
			held = true
			if !v.clear {
				return true
			}
		}
	}
	return held
}

// termParts returns the parts of each entry of modelTerms as indexes in
// modelTerms, found once: visitTerm walks a group's parts at every
// encoding, where searching their ids would cost more than the visit.
var termParts = sync.OnceValue(func() [][]int {
	out := make([][]int, len(modelTerms))
	for i := range modelTerms {
		for _, id := range modelTerms[i].parts {
			j, ok := modelTermIndex(id)
			if !ok {
				panic("cii: part " + id + " of " + modelTerms[i].id + " is not in modelTerms")
			}
			out[i] = append(out[i], j)
		}
	}
	return out
})

// modelTerm returns the entry of modelTerms for id, or nil.
func modelTerm(id string) *modelTermDef {
	if i, ok := modelTermIndex(id); ok {
		return &modelTerms[i]
	}
	return nil
}

// modelTermIndex returns the index of id in modelTerms.
func modelTermIndex(id string) (int, bool) {
	i, ok := slices.BinarySearchFunc(modelTerms, id, func(t modelTermDef, id string) int { return compareTerms(t.id, id) })
	return i, ok && modelTerms[i].id == id
}

// compareTerms orders business term and group ids as heldTerms does: BT
// before BG, then by number, then by sub-term number (BT-29 before
// BT-29-1); then the EXTENDED ones: EXT-FR-FE terms, EXT-FR-FE-BG groups,
// BT-X terms, each by number. It returns -1, 0 or +1.
func compareTerms(a, b string) int {
	ka, kb := termKey(a), termKey(b)
	return slices.Compare(ka[:], kb[:])
}

// termKey returns the sort key of a term id: its kind (0 for BT, 1 for BG,
// 2 for EXT-FR-FE, 3 for EXT-FR-FE-BG, 4 for BT-X; 5 for anything else),
// the number, the sub-term number.
func termKey(id string) [3]int {
	var k [3]int
	var rest string
	for kind, prefix := range []string{"BT-", "BG-", "EXT-FR-FE-", "EXT-FR-FE-BG-", "BT-X-"} {
		if r, ok := strings.CutPrefix(id, prefix); ok && r != "" {
			k[0], rest = kind, r // the longest prefix is the last one
		}
	}
	if rest == "" {
		return [3]int{5, 0, 0}
	}
	n := 1
	for _, c := range rest {
		switch {
		case c == '-' && n == 1:
			n = 2
		case c >= '0' && c <= '9':
			k[n] = k[n]*10 + int(c-'0')
		default:
			return [3]int{5, 0, 0}
		}
	}
	return k
}

// termVisit is how a term is looked at: to tell whether it is held, or to clear
// it.
type termVisit struct{ clear bool }

// modelTermDef is where a business term or group is in the model.
type modelTermDef struct {
	id string
	// visit reports whether inv holds the term and clears it when v.clear
	// is set; nil for a 1..1 group, which is held when one of its parts is
	// and is cleared by clearing them all.
	visit func(v termVisit, inv *einvoice.Invoice) bool
	// parts are the terms and groups of a group, as the model nests them.
	parts []string
}

// modelTerms is where each business term and group is in the model, in the
// order of termPaths.
var modelTerms = []modelTermDef{
	{id: "BT-1", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Number) }},
	{id: "BT-2", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.IssueDate) }},
	{id: "BT-3", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.TypeCode) }},
	{id: "BT-5", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Currency) }},
	{id: "BT-6", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.TaxCurrency) }},
	{id: "BT-7", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.TaxPointDate) }},
	{id: "BT-8", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.TaxPointDateCode) }},
	{id: "BT-9", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.DueDate) }},
	{id: "BT-10", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.BuyerReference) }},
	{id: "BT-11", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.ProjectReference) }},
	{id: "BT-12", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.ContractReference) }},
	{id: "BT-13", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.PurchaseOrderReference) }},
	{id: "BT-14", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.SalesOrderReference) }},
	{id: "BT-15", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.ReceivingAdviceReference) }},
	{id: "BT-16", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.DespatchAdviceReference) }},
	{id: "BT-17", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.TenderOrLotReference) }},
	{id: "BT-18", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.InvoicedObject) }},
	{id: "BT-19", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.BuyerAccountingReference) }},
	{id: "BT-20", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.PaymentTerms) }},
	{id: "BT-21", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.Notes, func(n *einvoice.Note) bool { return termValue(v, &n.SubjectCode) })
	}},
	{id: "BT-22", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.Notes, func(n *einvoice.Note) bool { return termValue(v, &n.Text) })
	}},
	{id: "BT-23", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Process.BusinessProcess) }},
	{id: "BT-24", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Process.Specification) }},
	{id: "BT-25", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.PrecedingInvoices, func(p *einvoice.PrecedingInvoice) bool { return termValue(v, &p.Number) })
	}},
	{id: "BT-26", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.PrecedingInvoices, func(p *einvoice.PrecedingInvoice) bool { return termValue(v, &p.IssueDate) })
	}},
	{id: "BT-27", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Seller.Name) }},
	{id: "BT-28", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Seller.TradingName) }},
	{id: "BT-29", visit: func(v termVisit, x *einvoice.Invoice) bool { return termSlice(v, &x.Seller.Identifiers) }},
	{id: "BT-30", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Seller.LegalRegistration) }},
	{id: "BT-31", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Seller.VATID) }},
	{id: "BT-32", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Seller.TaxRegistration) }},
	{id: "BT-33", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Seller.AdditionalLegalInfo) }},
	{id: "BT-34", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Seller.ElectronicAddress) }},
	{id: "BT-35", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Seller.Address.Line1) }},
	{id: "BT-36", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Seller.Address.Line2) }},
	{id: "BT-37", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Seller.Address.City) }},
	{id: "BT-38", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Seller.Address.PostCode) }},
	{id: "BT-39", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Seller.Address.Subdivision) }},
	{id: "BT-40", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Seller.Address.Country) }},
	{id: "BT-41", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Seller.Contact, func(c *einvoice.Contact) bool { return termValue(v, &c.Name) })
	}},
	{id: "BT-42", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Seller.Contact, func(c *einvoice.Contact) bool { return termValue(v, &c.Phone) })
	}},
	{id: "BT-43", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Seller.Contact, func(c *einvoice.Contact) bool { return termValue(v, &c.Email) })
	}},
	{id: "BT-44", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Buyer.Name) }},
	{id: "BT-45", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Buyer.TradingName) }},
	{id: "BT-46", visit: func(v termVisit, x *einvoice.Invoice) bool { return termSlice(v, &x.Buyer.Identifiers) }},
	{id: "BT-47", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Buyer.LegalRegistration) }},
	{id: "BT-48", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Buyer.VATID) }},
	{id: "BT-49", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Buyer.ElectronicAddress) }},
	{id: "BT-50", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Buyer.Address.Line1) }},
	{id: "BT-51", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Buyer.Address.Line2) }},
	{id: "BT-52", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Buyer.Address.City) }},
	{id: "BT-53", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Buyer.Address.PostCode) }},
	{id: "BT-54", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Buyer.Address.Subdivision) }},
	{id: "BT-55", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Buyer.Address.Country) }},
	{id: "BT-56", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Buyer.Contact, func(c *einvoice.Contact) bool { return termValue(v, &c.Name) })
	}},
	{id: "BT-57", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Buyer.Contact, func(c *einvoice.Contact) bool { return termValue(v, &c.Phone) })
	}},
	{id: "BT-58", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Buyer.Contact, func(c *einvoice.Contact) bool { return termValue(v, &c.Email) })
	}},
	{id: "BT-59", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Payee, func(p *einvoice.Payee) bool { return termValue(v, &p.Name) })
	}},
	{id: "BT-60", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Payee, func(p *einvoice.Payee) bool { return termValue(v, &p.Identifier) })
	}},
	{id: "BT-61", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Payee, func(p *einvoice.Payee) bool { return termValue(v, &p.LegalRegistration) })
	}},
	{id: "BT-62", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.TaxRepresentative, func(r *einvoice.TaxRepresentative) bool { return termValue(v, &r.Name) })
	}},
	{id: "BT-63", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.TaxRepresentative, func(r *einvoice.TaxRepresentative) bool { return termValue(v, &r.VATID) })
	}},
	{id: "BT-64", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.TaxRepresentative, func(r *einvoice.TaxRepresentative) bool { return termValue(v, &r.Address.Line1) })
	}},
	{id: "BT-65", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.TaxRepresentative, func(r *einvoice.TaxRepresentative) bool { return termValue(v, &r.Address.Line2) })
	}},
	{id: "BT-66", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.TaxRepresentative, func(r *einvoice.TaxRepresentative) bool { return termValue(v, &r.Address.City) })
	}},
	{id: "BT-67", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.TaxRepresentative, func(r *einvoice.TaxRepresentative) bool { return termValue(v, &r.Address.PostCode) })
	}},
	{id: "BT-68", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.TaxRepresentative, func(r *einvoice.TaxRepresentative) bool { return termValue(v, &r.Address.Subdivision) })
	}},
	{id: "BT-69", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.TaxRepresentative, func(r *einvoice.TaxRepresentative) bool { return termValue(v, &r.Address.Country) })
	}},
	{id: "BT-70", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Delivery, func(d *einvoice.Delivery) bool { return termValue(v, &d.PartyName) })
	}},
	{id: "BT-71", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Delivery, func(d *einvoice.Delivery) bool { return termValue(v, &d.LocationID) })
	}},
	{id: "BT-72", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Delivery, func(d *einvoice.Delivery) bool { return termValue(v, &d.Date) })
	}},
	{id: "BT-73", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.InvoicingPeriod, func(p *einvoice.Period) bool { return termValue(v, &p.Start) })
	}},
	{id: "BT-74", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.InvoicingPeriod, func(p *einvoice.Period) bool { return termValue(v, &p.End) })
	}},
	{id: "BT-75", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(termDeliverTo(x), func(a *einvoice.Address) bool { return termValue(v, &a.Line1) })
	}},
	{id: "BT-76", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(termDeliverTo(x), func(a *einvoice.Address) bool { return termValue(v, &a.Line2) })
	}},
	{id: "BT-77", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(termDeliverTo(x), func(a *einvoice.Address) bool { return termValue(v, &a.City) })
	}},
	{id: "BT-78", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(termDeliverTo(x), func(a *einvoice.Address) bool { return termValue(v, &a.PostCode) })
	}},
	{id: "BT-79", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(termDeliverTo(x), func(a *einvoice.Address) bool { return termValue(v, &a.Subdivision) })
	}},
	{id: "BT-80", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(termDeliverTo(x), func(a *einvoice.Address) bool { return termValue(v, &a.Country) })
	}},
	{id: "BT-81", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Payment, func(p *einvoice.PaymentInstructions) bool { return termValue(v, &p.MeansCode) })
	}},
	{id: "BT-82", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Payment, func(p *einvoice.PaymentInstructions) bool { return termValue(v, &p.MeansText) })
	}},
	{id: "BT-83", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Payment, func(p *einvoice.PaymentInstructions) bool { return termValue(v, &p.RemittanceInfo) })
	}},
	{id: "BT-84", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(termCreditTransfers(x), func(t *einvoice.CreditTransfer) bool { return termValue(v, &t.AccountID) })
	}},
	{id: "BT-85", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(termCreditTransfers(x), func(t *einvoice.CreditTransfer) bool { return termValue(v, &t.AccountName) })
	}},
	{id: "BT-86", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(termCreditTransfers(x), func(t *einvoice.CreditTransfer) bool { return termValue(v, &t.ProviderID) })
	}},
	{id: "BT-87", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(termCard(x), func(c *einvoice.PaymentCard) bool { return termValue(v, &c.PrimaryAccountNumber) })
	}},
	{id: "BT-88", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(termCard(x), func(c *einvoice.PaymentCard) bool { return termValue(v, &c.HolderName) })
	}},
	{id: "BT-89", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(termDirectDebit(x), func(d *einvoice.DirectDebit) bool { return termValue(v, &d.MandateID) })
	}},
	{id: "BT-90", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(termDirectDebit(x), func(d *einvoice.DirectDebit) bool { return termValue(v, &d.CreditorID) })
	}},
	{id: "BT-91", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(termDirectDebit(x), func(d *einvoice.DirectDebit) bool { return termValue(v, &d.DebitedAccountID) })
	}},
	{id: "BT-92", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.Allowances, func(a *einvoice.Allowance) bool { return termAmount(v, &a.Amount) })
	}},
	{id: "BT-93", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.Allowances, func(a *einvoice.Allowance) bool { return termPointer(v, &a.BaseAmount) })
	}},
	{id: "BT-94", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.Allowances, func(a *einvoice.Allowance) bool { return termPointer(v, &a.Percentage) })
	}},
	{id: "BT-95", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.Allowances, func(a *einvoice.Allowance) bool { return termValue(v, &a.VAT.Category) })
	}},
	{id: "BT-96", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.Allowances, func(a *einvoice.Allowance) bool { return termPointer(v, &a.VAT.Rate) })
	}},
	{id: "BT-97", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.Allowances, func(a *einvoice.Allowance) bool { return termValue(v, &a.Reason) })
	}},
	{id: "BT-98", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.Allowances, func(a *einvoice.Allowance) bool { return termValue(v, &a.ReasonCode) })
	}},
	{id: "BT-99", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.Charges, func(c *einvoice.Charge) bool { return termAmount(v, &c.Amount) })
	}},
	{id: "BT-100", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.Charges, func(c *einvoice.Charge) bool { return termPointer(v, &c.BaseAmount) })
	}},
	{id: "BT-101", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.Charges, func(c *einvoice.Charge) bool { return termPointer(v, &c.Percentage) })
	}},
	{id: "BT-102", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.Charges, func(c *einvoice.Charge) bool { return termValue(v, &c.VAT.Category) })
	}},
	{id: "BT-103", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.Charges, func(c *einvoice.Charge) bool { return termPointer(v, &c.VAT.Rate) })
	}},
	{id: "BT-104", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.Charges, func(c *einvoice.Charge) bool { return termValue(v, &c.Reason) })
	}},
	{id: "BT-105", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.Charges, func(c *einvoice.Charge) bool { return termValue(v, &c.ReasonCode) })
	}},
	{id: "BT-106", visit: func(v termVisit, x *einvoice.Invoice) bool { return termAmount(v, &x.Totals.LineNet) }},
	{id: "BT-107", visit: func(v termVisit, x *einvoice.Invoice) bool { return termPointer(v, &x.Totals.Allowances) }},
	{id: "BT-108", visit: func(v termVisit, x *einvoice.Invoice) bool { return termPointer(v, &x.Totals.Charges) }},
	{id: "BT-109", visit: func(v termVisit, x *einvoice.Invoice) bool { return termAmount(v, &x.Totals.TaxExclusive) }},
	{id: "BT-110", visit: func(v termVisit, x *einvoice.Invoice) bool { return termPointer(v, &x.Totals.VAT) }},
	{id: "BT-111", visit: func(v termVisit, x *einvoice.Invoice) bool { return termPointer(v, &x.Totals.VATInTaxCurrency) }},
	{id: "BT-112", visit: func(v termVisit, x *einvoice.Invoice) bool { return termAmount(v, &x.Totals.TaxInclusive) }},
	{id: "BT-113", visit: func(v termVisit, x *einvoice.Invoice) bool { return termPointer(v, &x.Totals.Paid) }},
	{id: "BT-114", visit: func(v termVisit, x *einvoice.Invoice) bool { return termPointer(v, &x.Totals.Rounding) }},
	{id: "BT-115", visit: func(v termVisit, x *einvoice.Invoice) bool { return termAmount(v, &x.Totals.Due) }},
	{id: "BT-116", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.VATBreakdown, func(b *einvoice.VATBreakdown) bool { return termAmount(v, &b.TaxableAmount) })
	}},
	{id: "BT-117", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.VATBreakdown, func(b *einvoice.VATBreakdown) bool { return termAmount(v, &b.TaxAmount) })
	}},
	{id: "BT-118", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.VATBreakdown, func(b *einvoice.VATBreakdown) bool { return termValue(v, &b.Category) })
	}},
	{id: "BT-119", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.VATBreakdown, func(b *einvoice.VATBreakdown) bool { return termPointer(v, &b.Rate) })
	}},
	{id: "BT-120", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.VATBreakdown, func(b *einvoice.VATBreakdown) bool { return termValue(v, &b.ExemptionReason) })
	}},
	{id: "BT-121", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.VATBreakdown, func(b *einvoice.VATBreakdown) bool { return termValue(v, &b.ExemptionReasonCode) })
	}},
	{id: "BT-122", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.Attachments, func(a *einvoice.Attachment) bool { return termValue(v, &a.ID) })
	}},
	{id: "BT-123", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.Attachments, func(a *einvoice.Attachment) bool { return termValue(v, &a.Description) })
	}},
	{id: "BT-124", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.Attachments, func(a *einvoice.Attachment) bool { return termValue(v, &a.ExternalLocation) })
	}},
	{id: "BT-125", visit: func(v termVisit, x *einvoice.Invoice) bool {
		// The attached document with its MIME code (BT-125-1) and
		// filename (BT-125-2).
		return termEach(x.Attachments, func(a *einvoice.Attachment) bool {
			return termAny(termSlice(v, &a.Content), termValue(v, &a.MIMECode), termValue(v, &a.Filename))
		})
	}},
	{id: "BT-126", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termValue(v, &l.ID) })
	}},
	{id: "BT-127", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termValue(v, &l.Note) })
	}},
	{id: "BT-128", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termValue(v, &l.Object) })
	}},
	{id: "BT-129", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termAmount(v, &l.Quantity) })
	}},
	{id: "BT-130", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termValue(v, &l.Unit) })
	}},
	{id: "BT-131", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termAmount(v, &l.NetAmount) })
	}},
	{id: "BT-132", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termValue(v, &l.OrderLineReference) })
	}},
	{id: "BT-133", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termValue(v, &l.BuyerAccountingReference) })
	}},
	{id: "BT-134", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool {
			return termIn(l.Period, func(p *einvoice.Period) bool { return termValue(v, &p.Start) })
		})
	}},
	{id: "BT-135", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool {
			return termIn(l.Period, func(p *einvoice.Period) bool { return termValue(v, &p.End) })
		})
	}},
	{id: "BT-136", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLineAllowances(x, func(a *einvoice.LineAllowance) bool { return termAmount(v, &a.Amount) })
	}},
	{id: "BT-137", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLineAllowances(x, func(a *einvoice.LineAllowance) bool { return termPointer(v, &a.BaseAmount) })
	}},
	{id: "BT-138", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLineAllowances(x, func(a *einvoice.LineAllowance) bool { return termPointer(v, &a.Percentage) })
	}},
	{id: "BT-139", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLineAllowances(x, func(a *einvoice.LineAllowance) bool { return termValue(v, &a.Reason) })
	}},
	{id: "BT-140", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLineAllowances(x, func(a *einvoice.LineAllowance) bool { return termValue(v, &a.ReasonCode) })
	}},
	{id: "BT-141", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLineCharges(x, func(c *einvoice.LineCharge) bool { return termAmount(v, &c.Amount) })
	}},
	{id: "BT-142", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLineCharges(x, func(c *einvoice.LineCharge) bool { return termPointer(v, &c.BaseAmount) })
	}},
	{id: "BT-143", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLineCharges(x, func(c *einvoice.LineCharge) bool { return termPointer(v, &c.Percentage) })
	}},
	{id: "BT-144", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLineCharges(x, func(c *einvoice.LineCharge) bool { return termValue(v, &c.Reason) })
	}},
	{id: "BT-145", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLineCharges(x, func(c *einvoice.LineCharge) bool { return termValue(v, &c.ReasonCode) })
	}},
	{id: "BT-146", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termAmount(v, &l.Price.Net) })
	}},
	{id: "BT-147", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termPointer(v, &l.Price.Discount) })
	}},
	{id: "BT-148", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termPointer(v, &l.Price.Gross) })
	}},
	{id: "BT-149", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termPointer(v, &l.Price.BaseQuantity) })
	}},
	{id: "BT-150", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termValue(v, &l.Price.BaseUnit) })
	}},
	{id: "BT-151", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termValue(v, &l.VAT.Category) })
	}},
	{id: "BT-152", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termPointer(v, &l.VAT.Rate) })
	}},
	{id: "BT-153", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termValue(v, &l.Item.Name) })
	}},
	{id: "BT-154", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termValue(v, &l.Item.Description) })
	}},
	{id: "BT-155", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termValue(v, &l.Item.SellerID) })
	}},
	{id: "BT-156", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termValue(v, &l.Item.BuyerID) })
	}},
	{id: "BT-157", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termValue(v, &l.Item.StandardID) })
	}},
	{id: "BT-158", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termSlice(v, &l.Item.Classifications) })
	}},
	{id: "BT-159", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termValue(v, &l.Item.OriginCountry) })
	}},
	{id: "BT-160", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termAttributes(x, func(a *einvoice.ItemAttribute) bool { return termValue(v, &a.Name) })
	}},
	{id: "BT-161", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termAttributes(x, func(a *einvoice.ItemAttribute) bool { return termValue(v, &a.Value) })
	}},
	{id: "BT-162", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Seller.Address.Line3) }},
	{id: "BT-163", visit: func(v termVisit, x *einvoice.Invoice) bool { return termValue(v, &x.Buyer.Address.Line3) }},
	{id: "BT-164", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.TaxRepresentative, func(r *einvoice.TaxRepresentative) bool { return termValue(v, &r.Address.Line3) })
	}},
	{id: "BT-165", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(termDeliverTo(x), func(a *einvoice.Address) bool { return termValue(v, &a.Line3) })
	}},
	{id: "BG-1", visit: func(v termVisit, x *einvoice.Invoice) bool { return termSlice(v, &x.Notes) }, parts: []string{"BT-21", "BT-22"}},
	{id: "BG-2", parts: []string{"BT-23", "BT-24"}},
	{id: "BG-3", visit: func(v termVisit, x *einvoice.Invoice) bool { return termSlice(v, &x.PrecedingInvoices) }, parts: []string{"BT-25", "BT-26", "EXT-FR-FE-02"}},
	{id: "BG-4", parts: []string{"BT-27", "BT-28", "BT-29", "BT-30", "BT-31", "BT-32", "BT-33", "BT-34", "BG-5", "BG-6"}},
	{id: "BG-5", parts: []string{"BT-35", "BT-36", "BT-162", "BT-37", "BT-38", "BT-39", "BT-40"}},
	{id: "BG-6", visit: func(v termVisit, x *einvoice.Invoice) bool { return termPointer(v, &x.Seller.Contact) }, parts: []string{"BT-41", "BT-42", "BT-43"}},
	{id: "BG-7", parts: []string{"BT-44", "BT-45", "BT-46", "BT-47", "BT-48", "BT-49", "BG-8", "BG-9"}},
	{id: "BG-8", parts: []string{"BT-50", "BT-51", "BT-163", "BT-52", "BT-53", "BT-54", "BT-55"}},
	{id: "BG-9", visit: func(v termVisit, x *einvoice.Invoice) bool { return termPointer(v, &x.Buyer.Contact) }, parts: []string{"BT-56", "BT-57", "BT-58"}},
	{id: "BG-10", visit: func(v termVisit, x *einvoice.Invoice) bool { return termPointer(v, &x.Payee) }, parts: []string{"BT-59", "BT-60", "BT-61", "EXT-FR-FE-29"}},
	{id: "BG-11", visit: func(v termVisit, x *einvoice.Invoice) bool { return termPointer(v, &x.TaxRepresentative) }, parts: []string{"BT-62", "BT-63", "BG-12"}},
	{id: "BG-12", parts: []string{"BT-64", "BT-65", "BT-164", "BT-66", "BT-67", "BT-68", "BT-69"}},
	{id: "BG-13", visit: func(v termVisit, x *einvoice.Invoice) bool { return termPointer(v, &x.Delivery) }, parts: []string{"BT-70", "BT-71", "BT-72", "BG-15"}},
	{id: "BG-14", visit: func(v termVisit, x *einvoice.Invoice) bool { return termPointer(v, &x.InvoicingPeriod) }, parts: []string{"BT-73", "BT-74"}},
	{id: "BG-15", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Delivery, func(d *einvoice.Delivery) bool { return termPointer(v, &d.Address) })
	}, parts: []string{"BT-75", "BT-76", "BT-165", "BT-77", "BT-78", "BT-79", "BT-80"}},
	{id: "BG-16", visit: func(v termVisit, x *einvoice.Invoice) bool { return termPointer(v, &x.Payment) }, parts: []string{"BT-81", "BT-82", "BT-83", "BG-17", "BG-18", "BG-19"}},
	{id: "BG-17", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Payment, func(p *einvoice.PaymentInstructions) bool { return termSlice(v, &p.CreditTransfers) })
	}, parts: []string{"BT-84", "BT-85", "BT-86"}},
	{id: "BG-18", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Payment, func(p *einvoice.PaymentInstructions) bool { return termPointer(v, &p.Card) })
	}, parts: []string{"BT-87", "BT-88"}},
	{id: "BG-19", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Payment, func(p *einvoice.PaymentInstructions) bool { return termPointer(v, &p.DirectDebit) })
	}, parts: []string{"BT-89", "BT-90", "BT-91"}},
	{id: "BG-20", visit: func(v termVisit, x *einvoice.Invoice) bool { return termSlice(v, &x.Allowances) }, parts: []string{"BT-92", "BT-93", "BT-94", "BT-95", "BT-96", "BT-97", "BT-98"}},
	{id: "BG-21", visit: func(v termVisit, x *einvoice.Invoice) bool { return termSlice(v, &x.Charges) }, parts: []string{"BT-99", "BT-100", "BT-101", "BT-102", "BT-103", "BT-104", "BT-105"}},
	{id: "BG-22", parts: []string{"BT-106", "BT-107", "BT-108", "BT-109", "BT-110", "BT-111", "BT-112", "BT-113", "BT-114", "BT-115"}},
	{id: "BG-23", visit: func(v termVisit, x *einvoice.Invoice) bool { return termSlice(v, &x.VATBreakdown) }, parts: []string{"BT-116", "BT-117", "BT-118", "BT-119", "BT-120", "BT-121"}},
	{id: "BG-24", visit: func(v termVisit, x *einvoice.Invoice) bool { return termSlice(v, &x.Attachments) }, parts: []string{"BT-122", "BT-123", "BT-124", "BT-125"}},
	{id: "BG-25", visit: func(v termVisit, x *einvoice.Invoice) bool { return termSlice(v, &x.Lines) }, parts: []string{
		"BT-126", "BT-127", "BT-128", "BT-129", "BT-130", "BT-131", "BT-132", "BT-133",
		"BG-26", "BG-27", "BG-28", "BG-29", "BG-30", "BG-31",
		"EXT-FR-FE-162", "EXT-FR-FE-163", "EXT-FR-FE-164", "EXT-FR-FE-181", "EXT-FR-FE-182", "EXT-FR-FE-184",
		"EXT-FR-FE-BG-06", "EXT-FR-FE-BG-10"}},
	{id: "BG-26", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termPointer(v, &l.Period) })
	}, parts: []string{"BT-134", "BT-135"}},
	{id: "BG-27", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termSlice(v, &l.Allowances) })
	}, parts: []string{"BT-136", "BT-137", "BT-138", "BT-139", "BT-140"}},
	{id: "BG-28", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termSlice(v, &l.Charges) })
	}, parts: []string{"BT-141", "BT-142", "BT-143", "BT-144", "BT-145"}},
	{id: "BG-29", parts: []string{"BT-146", "BT-147", "BT-148", "BT-149", "BT-150"}},
	{id: "BG-30", parts: []string{"BT-151", "BT-152"}},
	{id: "BG-31", parts: []string{"BT-153", "BT-154", "BT-155", "BT-156", "BT-157", "BT-158", "BT-159", "BG-32"}},
	{id: "BG-32", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termSlice(v, &l.Item.Attributes) })
	}, parts: []string{"BT-160", "BT-161", "EXT-FR-FE-159", "BT-X-12"}},

	// The EXTENDED terms.
	{id: "EXT-FR-FE-02", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termEach(x.PrecedingInvoices, func(p *einvoice.PrecedingInvoice) bool { return termValue(v, &p.TypeCode) })
	}},
	{id: "EXT-FR-FE-29", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termIn(x.Payee, func(p *einvoice.Payee) bool { return termValue(v, &p.ElectronicAddress) })
	}},
	{id: "EXT-FR-FE-159", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termAttributes(x, func(a *einvoice.ItemAttribute) bool { return termValue(v, &a.TypeCode) })
	}},
	{id: "EXT-FR-FE-162", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termValue(v, &l.ParentID) })
	}},
	{id: "EXT-FR-FE-163", visit: func(v termVisit, x *einvoice.Invoice) bool {
		if v.clear {
			// Without their subtype, group and information lines would
			// count in the sums: they go with it, leaving the lines the
			// totals sum.
			x.Lines = slices.DeleteFunc(x.Lines, func(l einvoice.Line) bool { return !l.Status.Counts() })
		}
		return termLines(x, func(l *einvoice.Line) bool { return termValue(v, &l.Status) })
	}},
	{id: "EXT-FR-FE-164", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termPointer(v, &l.Seller) })
	}},
	{id: "EXT-FR-FE-181", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termPointer(v, &l.VATTotal) })
	}},
	{id: "EXT-FR-FE-182", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termPointer(v, &l.VATTotalInTaxCurrency) })
	}},
	{id: "EXT-FR-FE-184", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termPointer(v, &l.TotalWithVAT) })
	}},
	{id: "EXT-FR-FE-BG-01", visit: func(v termVisit, x *einvoice.Invoice) bool { return termPointer(v, &x.BuyerAgent) }},
	{id: "EXT-FR-FE-BG-02", visit: func(v termVisit, x *einvoice.Invoice) bool { return termPointer(v, &x.Payer) }},
	{id: "EXT-FR-FE-BG-03", visit: func(v termVisit, x *einvoice.Invoice) bool { return termPointer(v, &x.SalesAgent) }},
	{id: "EXT-FR-FE-BG-04", visit: func(v termVisit, x *einvoice.Invoice) bool { return termPointer(v, &x.Invoicee) }},
	{id: "EXT-FR-FE-BG-05", visit: func(v termVisit, x *einvoice.Invoice) bool { return termPointer(v, &x.Invoicer) }},
	{id: "EXT-FR-FE-BG-06", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termPointer(v, &l.PrecedingInvoice) })
	}},
	{id: "EXT-FR-FE-BG-10", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termLines(x, func(l *einvoice.Line) bool { return termPointer(v, &l.Delivery) })
	}},
	{id: "BT-X-12", visit: func(v termVisit, x *einvoice.Invoice) bool {
		return termAttributes(x, func(a *einvoice.ItemAttribute) bool { return termPointer(v, &a.Measure) })
	}},
}

// termValue reports whether *p is not zero, and zeroes it when clearing.
func termValue[T comparable](v termVisit, p *T) bool {
	var zero T
	held := *p != zero
	if v.clear {
		*p = zero
	}
	return held
}

// termAmount reports whether the 1..1 amount *p is not zero, and zeroes it when
// clearing.
func termAmount(v termVisit, p *decimal.Decimal) bool {
	held := !p.IsZero()
	if v.clear {
		*p = decimal.Decimal{}
	}
	return held
}

// termPointer reports whether the pointer *p is not nil, and sets it to nil when
// clearing.
func termPointer[T any](v termVisit, p **T) bool {
	held := *p != nil
	if v.clear {
		*p = nil
	}
	return held
}

// termSlice reports whether the slice *p is not empty, and sets it to nil when
// clearing.
func termSlice[T any](v termVisit, p *[]T) bool {
	held := len(*p) > 0
	if v.clear {
		*p = nil
	}
	return held
}

// termIn applies f to the group p points to, if any.
func termIn[T any](p *T, f func(*T) bool) bool { return p != nil && f(p) }

// termEach applies f to every element of s and reports whether it was true for
// one of them.
func termEach[T any](s []T, f func(*T) bool) bool {
	held := false
	for i := range s {
		if f(&s[i]) {
			held = true
		}
	}
	return held
}

// termAny reports whether one of its arguments, all evaluated, is true.
func termAny(b ...bool) bool { return slices.Contains(b, true) }

// termLines applies f to every line, as termEach does.
func termLines(x *einvoice.Invoice, f func(*einvoice.Line) bool) bool { return termEach(x.Lines, f) }

// termLineAllowances applies f to every allowance of every line.
func termLineAllowances(x *einvoice.Invoice, f func(*einvoice.LineAllowance) bool) bool {
	return termLines(x, func(l *einvoice.Line) bool { return termEach(l.Allowances, f) })
}

// termAttributes applies f to every item attribute of every line.
func termAttributes(x *einvoice.Invoice, f func(*einvoice.ItemAttribute) bool) bool {
	return termLines(x, func(l *einvoice.Line) bool { return termEach(l.Item.Attributes, f) })
}

// termLineCharges applies f to every charge of every line.
func termLineCharges(x *einvoice.Invoice, f func(*einvoice.LineCharge) bool) bool {
	return termLines(x, func(l *einvoice.Line) bool { return termEach(l.Charges, f) })
}

// termDeliverTo returns the deliver-to address (BG-15), or nil.
func termDeliverTo(x *einvoice.Invoice) *einvoice.Address {
	if x.Delivery == nil {
		return nil
	}
	return x.Delivery.Address
}

// termCreditTransfers returns the credit transfers (BG-17), or nil.
func termCreditTransfers(x *einvoice.Invoice) []einvoice.CreditTransfer {
	if x.Payment == nil {
		return nil
	}
	return x.Payment.CreditTransfers
}

// termCard returns the payment card (BG-18), or nil.
func termCard(x *einvoice.Invoice) *einvoice.PaymentCard {
	if x.Payment == nil {
		return nil
	}
	return x.Payment.Card
}

// termDirectDebit returns the direct debit (BG-19), or nil.
func termDirectDebit(x *einvoice.Invoice) *einvoice.DirectDebit {
	if x.Payment == nil {
		return nil
	}
	return x.Payment.DirectDebit
}
