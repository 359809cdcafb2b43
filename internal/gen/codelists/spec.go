package main

// Which file a list comes from.
const (
	cii = "CII"
	ubl = "UBL"
)

// listRef names one code list: list number Index (0-based) of the assert with
// id Rule in the schematron File.
type listRef struct {
	File  string
	Rule  string
	Index int
}

// named gives a code its constant name and a one-line description.
type named struct {
	Code, Name, Doc string
}

// predicate is a generated method func (c T) Name() bool that is true exactly
// for the codes of List, which must be a subset of the type's codes.
type predicate struct {
	Name string
	Doc  string  // method doc comment, without the "Name reports" lead
	List listRef // the codes for which the method is true
	// Also, when set, is a list whose overlap with List is stated in the doc.
	Also *listRef
	// AlsoDoc describes Also, e.g. "in cbc:InvoiceTypeCode too".
	AlsoDoc string
}

// spec describes one generated type.
type spec struct {
	Type   string // Go type name
	Prefix string // constant name prefix, followed by the code
	Doc    string // type doc comment text, without "// "
	List   listRef
	// Same lists rules of the same file whose code list must be identical to
	// List (checked, as sets).
	Same []string
	// Compare lists the lists of the other binding for the same rule; their
	// union is compared with List and any difference is stated in the doc.
	Compare []listRef
	// Named, when set, gives every code its constant name and doc; it must
	// cover the list exactly.
	Named []named
	Preds []predicate
}

// specs are the generated types, in output order.
var specs = []spec{
	{
		Type:    "CurrencyCode",
		Prefix:  "Currency",
		Doc:     "CurrencyCode is an ISO 4217 alpha-3 currency code: Invoice currency code (BT-5), VAT accounting currency code (BT-6) and the currency of amounts. The list is that of BR-CL-04 (BR-CL-03 and BR-CL-05 have the same list).",
		List:    listRef{cii, "BR-CL-04", 0},
		Same:    []string{"BR-CL-03", "BR-CL-05"},
		Compare: []listRef{{ubl, "BR-CL-04", 0}},
	},
	{
		Type:    "CountryCode",
		Prefix:  "Country",
		Doc:     "CountryCode is an ISO 3166-1 alpha-2 country code, with 1A for Kosovo: Seller (BT-40), Buyer (BT-55), Seller tax representative (BT-69) and Deliver to (BT-80) country codes, and Item country of origin (BT-159). The list is that of BR-CL-14 (BR-CL-15 has the same list).",
		List:    listRef{cii, "BR-CL-14", 0},
		Same:    []string{"BR-CL-15"},
		Compare: []listRef{{ubl, "BR-CL-14", 0}},
	},
	{
		Type:    "DocumentTypeCode",
		Prefix:  "DocumentType",
		Doc:     "DocumentTypeCode is an Invoice type code (BT-3): the UNTDID 1001 codes that EN 16931 allows for invoices and credit notes, from BR-CL-01.",
		List:    listRef{cii, "BR-CL-01", 0},
		Compare: []listRef{{ubl, "BR-CL-01", 0}, {ubl, "BR-CL-01", 1}},
		Preds: []predicate{{
			Name:    "IsCreditNote",
			Doc:     "whether the type is a credit note in the UBL binding (a CreditNote root): BR-CL-01 of the UBL schematron accepts it in cbc:CreditNoteTypeCode.",
			List:    listRef{ubl, "BR-CL-01", 1},
			Also:    &listRef{ubl, "BR-CL-01", 0},
			AlsoDoc: "in cbc:InvoiceTypeCode too",
		}},
	},
	{
		Type:    "PaymentMeansCode",
		Prefix:  "PaymentMeans",
		Doc:     "PaymentMeansCode is a Payment means type code (BT-81), UNTDID 4461, from BR-CL-16.",
		List:    listRef{cii, "BR-CL-16", 0},
		Compare: []listRef{{ubl, "BR-CL-16", 0}},
	},
	{
		Type:    "AllowanceReasonCode",
		Prefix:  "AllowanceReason",
		Doc:     "AllowanceReasonCode is an allowance reason code, UNTDID 5189 as EN 16931 restricts it: Document level allowance reason code (BT-98) and Invoice line allowance reason code (BT-140), from BR-CL-19.",
		List:    listRef{cii, "BR-CL-19", 0},
		Compare: []listRef{{ubl, "BR-CL-19", 0}},
	},
	{
		Type:    "ChargeReasonCode",
		Prefix:  "ChargeReason",
		Doc:     "ChargeReasonCode is a charge reason code, UNTDID 7161: Document level charge reason code (BT-105) and Invoice line charge reason code (BT-145), from BR-CL-20.",
		List:    listRef{cii, "BR-CL-20", 0},
		Compare: []listRef{{ubl, "BR-CL-20", 0}},
	},
	{
		Type:    "VATCategory",
		Prefix:  "VAT",
		Doc:     "VATCategory is a VAT category code, UNCL 5305 as EN 16931 restricts it (BT-95, BT-102, BT-118, BT-151), from BR-CL-17 (BR-CL-18 has the same list).",
		List:    listRef{cii, "BR-CL-17", 0},
		Same:    []string{"BR-CL-18"},
		Compare: []listRef{{ubl, "BR-CL-17", 0}},
		Named: []named{
			{"S", "VATStandard", "standard rate."},
			{"Z", "VATZeroRated", "zero rated goods."},
			{"E", "VATExempt", "exempt from tax."},
			{"AE", "VATReverseCharge", "VAT reverse charge."},
			{"K", "VATIntraCommunity", "VAT exempt for EEA intra-community supply of goods and services."},
			{"G", "VATExport", "free export item, VAT not charged."},
			{"O", "VATNotSubject", "services outside scope of tax."},
			{"L", "VATCanaryIslands", "Canary Islands general indirect tax (IGIC)."},
			{"M", "VATCeutaMelilla", "tax for production, services and importation in Ceuta and Melilla (IPSI)."},
			{"B", "VATSplitPayment", "split payment (Italy only): the buyer pays the VAT directly to the tax authority."},
		},
	},
	{
		Type:   "TaxPointDateCode",
		Prefix: "TaxPoint",
		Doc:    "TaxPointDateCode is a Value added tax point date code (BT-8), UNTDID 2005 as EN 16931 restricts it, from BR-CL-06 of the UBL schematron. The CII binding codes BT-8 with UNTDID 2475 instead (its BR-CL-06 lists 5, 29 and 72, standing for 3, 35 and 432).",
		List:   listRef{ubl, "BR-CL-06", 0},
		Named: []named{
			{"3", "TaxPointInvoiceDate", "the invoice document issue date."},
			{"35", "TaxPointDeliveryDate", "the actual delivery date."},
			{"432", "TaxPointPaymentDate", "the paid to date."},
		},
	},
	{
		Type:    "ReferenceCode",
		Prefix:  "Reference",
		Doc:     "ReferenceCode is a reference code qualifier, UNTDID 1153: the scheme of an Invoiced object identifier (BT-18-1) or Invoice line object identifier (BT-128-1), from BR-CL-07.",
		List:    listRef{cii, "BR-CL-07", 0},
		Compare: []listRef{{ubl, "BR-CL-07", 0}},
	},
	{
		Type:    "ClassificationScheme",
		Prefix:  "Classification",
		Doc:     "ClassificationScheme is an item type identification code, UNTDID 7143: the scheme of an Item classification identifier (BT-158-1), from BR-CL-13.",
		List:    listRef{cii, "BR-CL-13", 0},
		Compare: []listRef{{ubl, "BR-CL-13", 0}},
	},
	{
		Type:    "UnitCode",
		Prefix:  "Unit",
		Doc:     "UnitCode is a unit of measure code, UN/ECE Recommendation 20 with Recommendation 21: Invoiced quantity unit of measure code (BT-130) and Item price base quantity unit of measure code (BT-150), from BR-CL-23.",
		List:    listRef{cii, "BR-CL-23", 0},
		Compare: []listRef{{ubl, "BR-CL-23", 0}},
	},
	{
		Type:    "EASCode",
		Prefix:  "EAS",
		Doc:     "EASCode is a CEF Electronic Address Scheme code: the scheme of the Seller (BT-34-1) and Buyer (BT-49-1) electronic addresses, from BR-CL-25.",
		List:    listRef{cii, "BR-CL-25", 0},
		Compare: []listRef{{ubl, "BR-CL-25", 0}},
	},
	{
		Type:    "ICDCode",
		Prefix:  "ICD",
		Doc:     "ICDCode is an ISO 6523 International Code Designator: the scheme of party identifiers (BT-29-1, BT-46-1, BT-60-1; BR-CL-10), legal registration identifiers (BT-30-1, BT-47-1, BT-61-1; BR-CL-11), Item standard identifier (BT-157-1; BR-CL-21) and Deliver to location identifier (BT-71-1; BR-CL-26). The list is that of BR-CL-10 (the other three rules have the same list).",
		List:    listRef{cii, "BR-CL-10", 0},
		Same:    []string{"BR-CL-11", "BR-CL-21", "BR-CL-26"},
		Compare: []listRef{{ubl, "BR-CL-10", 0}, {ubl, "BR-CL-10", 1}},
	},
	{
		Type:    "VATEXCode",
		Prefix:  "", // the codes start with VATEX-
		Doc:     "VATEXCode is a CEF VAT exemption reason code: VAT exemption reason code (BT-121), from BR-CL-22. The constant names are the codes with '-' replaced by '_'. The schematron upper-cases the value before the comparison, so it accepts lower case too; Valid does not.",
		List:    listRef{cii, "BR-CL-22", 0},
		Compare: []listRef{{ubl, "BR-CL-22", 0}},
	},
	{
		Type:   "SubjectCode",
		Prefix: "Subject",
		Doc:    "SubjectCode is a text subject code qualifier, UNTDID 4451: Invoice note subject code (BT-21), from BR-CL-08 (a CII rule only: the UBL schematron has no BR-CL-08).",
		List:   listRef{cii, "BR-CL-08", 0},
	},
	{
		Type:    "MIMECode",
		Prefix:  "MIME",
		Doc:     "MIMECode is the MIME type of an attached document (BT-125-1), from BR-CL-24. The schematron compares the code exactly, so case matters.",
		List:    listRef{cii, "BR-CL-24", 0},
		Compare: []listRef{{ubl, "BR-CL-24", 0}},
		Named: []named{
			{"application/pdf", "MIMEPDF", "a PDF document."},
			{"image/png", "MIMEPNG", "a PNG image."},
			{"image/jpeg", "MIMEJPEG", "a JPEG image."},
			{"text/csv", "MIMECSV", "a CSV file."},
			{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "MIMEXLSX", "an Excel (Office Open XML) spreadsheet."},
			{"application/vnd.oasis.opendocument.spreadsheet", "MIMEODS", "an OpenDocument spreadsheet."},
		},
	},
}
