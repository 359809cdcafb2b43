package einvoice

import "github.com/shopspring/decimal"

// Allowance is a DOCUMENT LEVEL ALLOWANCES group (BG-20): an amount
// deducted from the whole invoice, in one VAT category.
//
// Give the Amount, or the Percentage and BaseAmount and let Complete
// compute the amount.
type Allowance struct {
	// Amount is the Document level allowance amount (BT-92), without VAT.
	Amount decimal.Decimal `json:"amount"`
	// BaseAmount is the Document level allowance base amount (BT-93).
	BaseAmount *decimal.Decimal `json:"baseAmount,omitempty"`
	// Percentage is the Document level allowance percentage (BT-94).
	Percentage *decimal.Decimal `json:"percentage,omitempty"`
	// VAT is the Document level allowance VAT category code (BT-95) and
	// Document level allowance VAT rate (BT-96).
	VAT VAT `json:"vat"`
	// Reason is the Document level allowance reason (BT-97).
	Reason string `json:"reason,omitempty"`
	// ReasonCode is the Document level allowance reason code (BT-98),
	// UNTDID 5189.
	ReasonCode AllowanceReasonCode `json:"reasonCode,omitempty"`
}

// Charge is a DOCUMENT LEVEL CHARGES group (BG-21): an amount added to the
// whole invoice, in one VAT category.
//
// Give the Amount, or the Percentage and BaseAmount and let Complete
// compute the amount.
type Charge struct {
	// Amount is the Document level charge amount (BT-99), without VAT.
	Amount decimal.Decimal `json:"amount"`
	// BaseAmount is the Document level charge base amount (BT-100).
	BaseAmount *decimal.Decimal `json:"baseAmount,omitempty"`
	// Percentage is the Document level charge percentage (BT-101).
	Percentage *decimal.Decimal `json:"percentage,omitempty"`
	// VAT is the Document level charge VAT category code (BT-102) and
	// Document level charge VAT rate (BT-103).
	VAT VAT `json:"vat"`
	// Reason is the Document level charge reason (BT-104).
	Reason string `json:"reason,omitempty"`
	// ReasonCode is the Document level charge reason code (BT-105),
	// UNTDID 7161.
	ReasonCode ChargeReasonCode `json:"reasonCode,omitempty"`
}

// VAT is a VAT category with its rate, as a line (BG-30), a document level
// allowance (BG-20) or a document level charge (BG-21) carries it.
type VAT struct {
	// Category is the Invoiced item VAT category code (BT-151), the Document
	// level allowance VAT category code (BT-95) or the Document level charge
	// VAT category code (BT-102).
	Category VATCategory `json:"category"`
	// Rate is the Invoiced item VAT rate (BT-152), the Document level
	// allowance VAT rate (BT-96) or the Document level charge VAT rate
	// (BT-103), a percentage. Absent for category O; Complete sets it to 0
	// when absent for the categories whose rate can only be 0 (Z, E, AE, K, G).
	Rate *decimal.Decimal `json:"rate,omitempty"`
}

// Line is an INVOICE LINE (BG-25).
type Line struct {
	// ID is the Invoice line identifier (BT-126).
	ID string `json:"id"`
	// Note is the Invoice line note (BT-127).
	Note string `json:"note,omitempty"`
	// Object is the Invoice line object identifier (BT-128) with its Scheme
	// identifier (BT-128-1).
	Object ObjectID `json:"object,omitzero"`
	// Quantity is the Invoiced quantity (BT-129).
	Quantity decimal.Decimal `json:"quantity"`
	// Unit is the Invoiced quantity unit of measure code (BT-130), UN/ECE
	// Recommendation 20 or 21.
	Unit UnitCode `json:"unit"`
	// NetAmount is the Invoice line net amount (BT-131), filled in by
	// Complete: quantity times net price over base quantity, less line
	// allowances, plus line charges.
	NetAmount decimal.Decimal `json:"netAmount"`
	// OrderLineReference is the Referenced purchase order line reference
	// (BT-132).
	OrderLineReference string `json:"orderLineReference,omitempty"`
	// BuyerAccountingReference is the Invoice line Buyer accounting reference
	// (BT-133).
	BuyerAccountingReference string `json:"buyerAccountingReference,omitempty"`
	// Period is the INVOICE LINE PERIOD (BG-26).
	Period *Period `json:"period,omitempty"`
	// Allowances are the INVOICE LINE ALLOWANCES groups (BG-27).
	Allowances []LineAllowance `json:"allowances,omitempty"`
	// Charges are the INVOICE LINE CHARGES groups (BG-28).
	Charges []LineCharge `json:"charges,omitempty"`
	// Price is the PRICE DETAILS group (BG-29).
	Price Price `json:"price"`
	// VAT is the LINE VAT INFORMATION group (BG-30): the Invoiced item VAT
	// category code (BT-151) and the Invoiced item VAT rate (BT-152).
	VAT VAT `json:"vat"`
	// Item is the ITEM INFORMATION group (BG-31).
	Item Item `json:"item"`

	// The EXTENDED terms of a line (see Party).

	// ParentID is the Parent line identifier (EXT-FR-FE-162): the ID of
	// the group line this line belongs to.
	ParentID string `json:"parentId,omitempty"`
	// Status is the Invoice line subtype (EXT-FR-FE-163). A group or
	// information line does not count in the invoice's sums.
	Status LineStatus `json:"status,omitempty"`
	// Seller is the line's seller in a multi-vendor or bidirectional
	// invoice (EXT-FR-FE-164 .. EXT-FR-FE-177).
	Seller *Party `json:"seller,omitempty"`
	// PrecedingInvoice is the line's preceding invoice (EXT-FR-FE-BG-06).
	PrecedingInvoice *PrecedingInvoice `json:"precedingInvoice,omitempty"`
	// Delivery is the line's delivery (EXT-FR-FE-BG-10).
	Delivery *Delivery `json:"delivery,omitempty"`
	// VATTotal is the Line total VAT amount (EXT-FR-FE-181), in the
	// invoice currency: a sub-invoice's VAT. The caller's, not computed.
	VATTotal *decimal.Decimal `json:"vatTotal,omitempty"`
	// VATTotalInTaxCurrency is the Line total VAT amount in accounting
	// currency (EXT-FR-FE-182), in the VAT accounting currency (BT-6).
	VATTotalInTaxCurrency *decimal.Decimal `json:"vatTotalInTaxCurrency,omitempty"`
	// TotalWithVAT is the Line total amount with VAT (EXT-FR-FE-184): a
	// sub-invoice's total. The caller's, not computed.
	TotalWithVAT *decimal.Decimal `json:"totalWithVat,omitempty"`
}

// LineAllowance is an INVOICE LINE ALLOWANCES group (BG-27).
//
// Give the Amount, or the Percentage and let Complete compute the amount
// from the BaseAmount (by default the line's quantity times net price).
type LineAllowance struct {
	// Amount is the Invoice line allowance amount (BT-136), without VAT.
	Amount decimal.Decimal `json:"amount"`
	// BaseAmount is the Invoice line allowance base amount (BT-137).
	BaseAmount *decimal.Decimal `json:"baseAmount,omitempty"`
	// Percentage is the Invoice line allowance percentage (BT-138).
	Percentage *decimal.Decimal `json:"percentage,omitempty"`
	// Reason is the Invoice line allowance reason (BT-139).
	Reason string `json:"reason,omitempty"`
	// ReasonCode is the Invoice line allowance reason code (BT-140),
	// UNTDID 5189.
	ReasonCode AllowanceReasonCode `json:"reasonCode,omitempty"`
}

// LineCharge is an INVOICE LINE CHARGES group (BG-28).
//
// Give the Amount, or the Percentage and let Complete compute the amount
// from the BaseAmount (by default the line's quantity times net price).
type LineCharge struct {
	// Amount is the Invoice line charge amount (BT-141), without VAT.
	Amount decimal.Decimal `json:"amount"`
	// BaseAmount is the Invoice line charge base amount (BT-142).
	BaseAmount *decimal.Decimal `json:"baseAmount,omitempty"`
	// Percentage is the Invoice line charge percentage (BT-143).
	Percentage *decimal.Decimal `json:"percentage,omitempty"`
	// Reason is the Invoice line charge reason (BT-144).
	Reason string `json:"reason,omitempty"`
	// ReasonCode is the Invoice line charge reason code (BT-145),
	// UNTDID 7161.
	ReasonCode ChargeReasonCode `json:"reasonCode,omitempty"`
}

// Price is the PRICE DETAILS group (BG-29). Prices keep the precision they
// are given; they are never rounded.
type Price struct {
	// Net is the Item net price (BT-146), without VAT, after the price
	// discount. When zero and a gross price is given, Complete sets it to
	// the gross price less the discount.
	Net decimal.Decimal `json:"net"`
	// Discount is the Item price discount (BT-147).
	Discount *decimal.Decimal `json:"discount,omitempty"`
	// Gross is the Item gross price (BT-148).
	Gross *decimal.Decimal `json:"gross,omitempty"`
	// BaseQuantity is the Item price base quantity (BT-149): the number of
	// units the price is for (1 when absent).
	BaseQuantity *decimal.Decimal `json:"baseQuantity,omitempty"`
	// BaseUnit is the Item price base quantity unit of measure code (BT-150).
	BaseUnit UnitCode `json:"baseUnit,omitempty"`
}

// Item is the ITEM INFORMATION group (BG-31).
type Item struct {
	// Name is the Item name (BT-153).
	Name string `json:"name"`
	// Description is the Item description (BT-154).
	Description string `json:"description,omitempty"`
	// SellerID is the Item Seller's identifier (BT-155).
	SellerID string `json:"sellerId,omitempty"`
	// BuyerID is the Item Buyer's identifier (BT-156).
	BuyerID string `json:"buyerId,omitempty"`
	// StandardID is the Item standard identifier (BT-157) with its Scheme
	// identifier (BT-157-1): a GTIN has scheme 0160.
	StandardID ID `json:"standardId,omitzero"`
	// Classifications are the Item classification identifiers (BT-158).
	Classifications []Classification `json:"classifications,omitempty"`
	// OriginCountry is the Item country of origin (BT-159).
	OriginCountry CountryCode `json:"originCountry,omitempty"`
	// Attributes are the ITEM ATTRIBUTES groups (BG-32).
	Attributes []ItemAttribute `json:"attributes,omitempty"`
}

// Classification is an Item classification identifier (BT-158).
type Classification struct {
	// Value is the Item classification identifier (BT-158).
	Value string `json:"value"`
	// Scheme is the Scheme identifier (BT-158-1), UNTDID 7143.
	Scheme ClassificationScheme `json:"scheme"`
	// SchemeVersion is the Scheme version identifier (BT-158-2).
	SchemeVersion string `json:"schemeVersion,omitempty"`
}

// ItemAttribute is an ITEM ATTRIBUTES group (BG-32).
type ItemAttribute struct {
	// Name is the Item attribute name (BT-160).
	Name string `json:"name"`
	// Value is the Item attribute value (BT-161).
	Value string `json:"value"`
	// TypeCode is the Item attribute type code (EXT-FR-FE-159), an
	// EXTENDED term.
	TypeCode string `json:"typeCode,omitempty"`
	// Measure is the Item attribute value (BT-161) as a measure with its
	// unit, an EXTENDED term (BT-X-12 of Factur-X), given in place of
	// Value: the French rule BR-FR-28 wants one of them, not both.
	Measure *Measure `json:"measure,omitempty"`
}

// Measure is a measured value with its unit of measure.
type Measure struct {
	// Value is the measured value.
	Value decimal.Decimal `json:"value"`
	// Unit is the unit of measure, UN/ECE Recommendation 20 or 21.
	Unit UnitCode `json:"unit"`
}
