package einvoice

// ID is an identifier with its scheme: an ISO/IEC 6523 ICD code for party,
// location and item identifiers (0009 for a SIRET, 0002 for a SIREN, 0088 for
// a GLN). The Scheme is optional where the norm says so. A zero ID is absent.
type ID struct {
	// Value is the identifier.
	Value string `json:"value"`
	// Scheme is the identifier's scheme identifier.
	Scheme ICDCode `json:"scheme,omitempty"`
}

// IsZero reports whether the identifier is absent.
func (id ID) IsZero() bool { return id == ID{} }

// ElectronicAddress is an electronic address with its scheme, a CEF EAS
// code (BT-34, BT-49). A zero ElectronicAddress is absent.
type ElectronicAddress struct {
	// Value is the address (BT-34, BT-49).
	Value string `json:"value"`
	// Scheme is the Scheme identifier (BT-34-1, BT-49-1), CEF EAS.
	Scheme EASCode `json:"scheme"`
}

// IsZero reports whether the address is absent.
func (a ElectronicAddress) IsZero() bool { return a == ElectronicAddress{} }

// Address is a postal address: SELLER POSTAL ADDRESS (BG-5), BUYER POSTAL
// ADDRESS (BG-8), TAX REPRESENTATIVE POSTAL ADDRESS (BG-12) or DELIVER TO
// ADDRESS (BG-15). Each field's comment names the term of each group in that
// order.
type Address struct {
	// Line1 is the Seller address line 1 (BT-35), Buyer address line 1
	// (BT-50), Tax representative address line 1 (BT-64) or Deliver to
	// address line 1 (BT-75).
	Line1 string `json:"line1,omitempty"`
	// Line2 is the Seller address line 2 (BT-36), Buyer address line 2
	// (BT-51), Tax representative address line 2 (BT-65) or Deliver to
	// address line 2 (BT-76).
	Line2 string `json:"line2,omitempty"`
	// Line3 is the Seller address line 3 (BT-162), Buyer address line 3
	// (BT-163), Tax representative address line 3 (BT-164) or Deliver to
	// address line 3 (BT-165).
	Line3 string `json:"line3,omitempty"`
	// City is the Seller city (BT-37), Buyer city (BT-52), Tax
	// representative city (BT-66) or Deliver to city (BT-77).
	City string `json:"city,omitempty"`
	// PostCode is the Seller post code (BT-38), Buyer post code (BT-53), Tax
	// representative post code (BT-67) or Deliver to post code (BT-78).
	PostCode string `json:"postCode,omitempty"`
	// Subdivision is the Seller country subdivision (BT-39), Buyer country
	// subdivision (BT-54), Tax representative country subdivision (BT-68) or
	// Deliver to country subdivision (BT-79).
	Subdivision string `json:"subdivision,omitempty"`
	// Country is the Seller country code (BT-40), Buyer country code
	// (BT-55), Tax representative country code (BT-69) or Deliver to country
	// code (BT-80), ISO 3166-1 alpha-2.
	Country CountryCode `json:"country"`
}

// Contact is a SELLER CONTACT (BG-6) or BUYER CONTACT (BG-9).
type Contact struct {
	// Name is the Seller contact point (BT-41) or Buyer contact point
	// (BT-56).
	Name string `json:"name,omitempty"`
	// Phone is the Seller contact telephone number (BT-42) or Buyer contact
	// telephone number (BT-57).
	Phone string `json:"phone,omitempty"`
	// Email is the Seller contact email address (BT-43) or Buyer contact
	// email address (BT-58).
	Email string `json:"email,omitempty"`
}

// Seller is the SELLER group (BG-4).
type Seller struct {
	// Name is the Seller name (BT-27).
	Name string `json:"name"`
	// TradingName is the Seller trading name (BT-28).
	TradingName string `json:"tradingName,omitempty"`
	// Identifiers are the Seller identifiers (BT-29) with their Scheme
	// identifiers (BT-29-1): a SIRET (scheme 0009) for a French seller.
	Identifiers []ID `json:"identifiers,omitempty"`
	// LegalRegistration is the Seller legal registration identifier (BT-30)
	// with its Scheme identifier (BT-30-1): a SIREN (scheme 0002) in France.
	LegalRegistration ID `json:"legalRegistration,omitzero"`
	// VATID is the Seller VAT identifier (BT-31), with its country prefix.
	VATID string `json:"vatId,omitempty"`
	// TaxRegistration is the Seller tax registration identifier (BT-32), a
	// local tax identifier that is not a VAT identifier.
	TaxRegistration string `json:"taxRegistration,omitempty"`
	// AdditionalLegalInfo is the Seller additional legal information (BT-33),
	// such as share capital.
	AdditionalLegalInfo string `json:"additionalLegalInfo,omitempty"`
	// ElectronicAddress is the Seller electronic address (BT-34) with its
	// Scheme identifier (BT-34-1).
	ElectronicAddress ElectronicAddress `json:"electronicAddress,omitzero"`
	// Address is the SELLER POSTAL ADDRESS (BG-5).
	Address Address `json:"address"`
	// Contact is the SELLER CONTACT (BG-6).
	Contact *Contact `json:"contact,omitempty"`
}

// Buyer is the BUYER group (BG-7).
type Buyer struct {
	// Name is the Buyer name (BT-44).
	Name string `json:"name"`
	// TradingName is the Buyer trading name (BT-45).
	TradingName string `json:"tradingName,omitempty"`
	// Identifiers are the Buyer identifiers (BT-46) with their Scheme
	// identifiers (BT-46-1): for a French public buyer on Chorus Pro, its
	// SIRET (scheme 0009). EN 16931 carries one; the EXTENDED profiles of
	// CII carry more, as a French public buyer's SIRET and the routing
	// identifier of its service (scheme 0224) together.
	Identifiers []ID `json:"identifiers,omitempty"`
	// LegalRegistration is the Buyer legal registration identifier (BT-47)
	// with its Scheme identifier (BT-47-1).
	LegalRegistration ID `json:"legalRegistration,omitzero"`
	// VATID is the Buyer VAT identifier (BT-48).
	VATID string `json:"vatId,omitempty"`
	// ElectronicAddress is the Buyer electronic address (BT-49) with its
	// Scheme identifier (BT-49-1).
	ElectronicAddress ElectronicAddress `json:"electronicAddress,omitzero"`
	// Address is the BUYER POSTAL ADDRESS (BG-8).
	Address Address `json:"address"`
	// Contact is the BUYER CONTACT (BG-9).
	Contact *Contact `json:"contact,omitempty"`
}

// Payee is the PAYEE group (BG-10): the party paid, when not the seller
// (a factoring company, say).
type Payee struct {
	// Name is the Payee name (BT-59).
	Name string `json:"name"`
	// Identifier is the Payee identifier (BT-60) with its Scheme identifier
	// (BT-60-1).
	Identifier ID `json:"identifier,omitzero"`
	// LegalRegistration is the Payee legal registration identifier (BT-61)
	// with its Scheme identifier (BT-61-1).
	LegalRegistration ID `json:"legalRegistration,omitzero"`
	// ElectronicAddress is the Payee electronic address (EXT-FR-FE-29) with
	// its scheme identifier, an EXTENDED term.
	ElectronicAddress ElectronicAddress `json:"electronicAddress,omitzero"`
}

// TaxRepresentative is the SELLER TAX REPRESENTATIVE PARTY group (BG-11).
type TaxRepresentative struct {
	// Name is the Seller tax representative name (BT-62).
	Name string `json:"name"`
	// VATID is the Seller tax representative VAT identifier (BT-63).
	VATID string `json:"vatId"`
	// Address is the SELLER TAX REPRESENTATIVE POSTAL ADDRESS (BG-12).
	Address Address `json:"address"`
}

// Delivery is the DELIVERY INFORMATION group (BG-13), or the delivery of a
// line (EXT-FR-FE-BG-10: its deliver to location identifier EXT-FR-FE-146,
// actual delivery date EXT-FR-FE-158).
type Delivery struct {
	// PartyName is the Deliver to party name (BT-70).
	PartyName string `json:"partyName,omitempty"`
	// LocationID is the Deliver to location identifier (BT-71) with its
	// Scheme identifier (BT-71-1).
	LocationID ID `json:"locationId,omitzero"`
	// Date is the Actual delivery date (BT-72).
	Date Date `json:"date,omitzero"`
	// Address is the DELIVER TO ADDRESS (BG-15).
	Address *Address `json:"address,omitempty"`
}
