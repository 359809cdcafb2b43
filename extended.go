package einvoice

// The terms of the Factur-X EXTENDED profile that the French e-invoicing
// reform names EXT-FR-FE (XP Z12-012, the EXTENDED-CTC-FR profile): more
// parties, and lines that refer to a preceding invoice, have their own
// delivery, or make up the sub-invoices of a multi-vendor or bidirectional
// invoice. EN 16931 has none of them: the CII encoder writes them in the
// EXTENDED profiles only, and refuses them below (or drops them, when asked
// to, and says so); the UBL encoder refuses them.

// Party is a party of the EXTENDED profile: the buyer's agent
// (EXT-FR-FE-BG-01), the payer (EXT-FR-FE-BG-02), the seller's agent
// (EXT-FR-FE-BG-03), the invoicee (EXT-FR-FE-BG-04), the invoicer
// (EXT-FR-FE-BG-05), and the seller of a line of a multi-vendor or
// bidirectional invoice (EXT-FR-FE-164 .. EXT-FR-FE-177). Each field's
// comment gives the terms of the roles whose id the French rules name.
type Party struct {
	// Name is the party's name (EXT-FR-FE-164 for a line's seller).
	Name string `json:"name,omitempty"`
	// Identifiers are the party's identifiers with their scheme
	// identifiers (EXT-FR-FE-06, -46, -69, -92, -115): a SIRET has scheme
	// 0009.
	Identifiers []ID `json:"identifiers,omitempty"`
	// LegalRegistration is the party's legal registration identifier with
	// its scheme identifier (EXT-FR-FE-167 for a line's seller): a SIREN
	// has scheme 0002.
	LegalRegistration ID `json:"legalRegistration,omitzero"`
	// VATID is the party's VAT identifier, as the seller's is (BT-31).
	VATID string `json:"vatId,omitempty"`
	// ElectronicAddress is the party's electronic address with its scheme
	// identifier (EXT-FR-FE-12, -52, -75, -98, -121).
	ElectronicAddress ElectronicAddress `json:"electronicAddress,omitzero"`
	// Address is the party's postal address, as the seller's is (BG-5);
	// for a line's seller, its country is EXT-FR-FE-177.
	Address *Address `json:"address,omitempty"`
}

// LineStatus is the Invoice line subtype (EXT-FR-FE-163): the role of a
// line in a hierarchy of lines.
type LineStatus string

// The line subtypes.
const (
	// LineDetail is a line that is invoiced: it counts in the totals, as a
	// line without a subtype does.
	LineDetail LineStatus = "DETAIL"
	// LineGroup is a line that groups lower lines (its sub-lines, which
	// name it as their parent) and restates their sum: it does not count in
	// the totals. In a multi-vendor or bidirectional invoice, a group line
	// without parent is a sub-invoice.
	LineGroup LineStatus = "GROUP"
	// LineInformation is a line that informs only: it does not count in
	// the totals.
	LineInformation LineStatus = "INFORMATION"
)

// Valid reports whether s is one of the line subtypes.
func (s LineStatus) Valid() bool {
	return s == LineDetail || s == LineGroup || s == LineInformation
}

// Counts reports whether a line of subtype s counts in the sums of the
// invoice (BT-106, the VAT breakdown): a detail line or one without a
// subtype does, a group or information line does not.
func (s LineStatus) Counts() bool { return s == "" || s == LineDetail }
