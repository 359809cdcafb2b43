// Package einvoice is the EN 16931 electronic invoice: a typed semantic
// model, its code lists and its one calculation.
//
// The model follows EN 16931-1, the European norm for the semantic data model
// of an electronic invoice. Field names come from the norm's business terms
// (BT) nested by business group (BG): Invoice.Seller.Name is the Seller name
// (BT-27), Invoice.Totals.LineNet the Sum of Invoice line net amount (BT-106).
// Every exported field's doc comment names its term, so that a search for
// "BT-27" finds the field, and later its CII and UBL mappings. (EN 16931-1
// numbers its terms BT-1 to BT-165 with no BT-4.)
//
// The packages beside this one translate the model to and from syntaxes (cii
// for UN/CEFACT CII and the Factur-X profiles, ubl for UBL 2.1), embed it in a
// Factur-X PDF (facturx) and validate it (validate). This package imports
// only the standard library and github.com/shopspring/decimal.
//
// # Conventions
//
// Cardinality is in the types: a value for what occurs exactly once, a
// pointer for an optional group, a slice for what repeats. Optional texts and
// identifiers are absent when empty, optional dates when zero. Optional
// figures are *decimal.Decimal: a VAT rate of 0 differs from no rate.
//
// Amounts, prices, quantities and rates are decimal.Decimal, exact. Prices
// and quantities keep the precision they are given; amounts have 2 decimals
// and are rounded at the steps EN 16931 names, half away from zero, in one
// place: see Invoice.Complete and the comment at the top of calc.go.
//
// Dates are civil dates (Date), not time.Time. Identifiers carry their
// scheme (ID, ElectronicAddress, ObjectID). Codes are named string types
// (CurrencyCode, VATCategory, UnitCode, ...) with constants and a Valid
// method, generated from the code lists of the official CEN EN 16931
// schematron. An unknown code is kept as it is: reading and writing a file
// never changes it; validation reports it.
//
// # Calculation
//
// Invoice.Complete computes what derives from the rest: net prices from gross
// prices and discounts, allowance and charge amounts from percentages, line
// net amounts (BT-131), the VAT breakdown (BG-23) and the document totals
// (BG-22). An invoice it completed passes the arithmetic rules of EN 16931
// (BR-CO-10 to BR-CO-17, the sums and amounts of each VAT category) by
// construction. What cannot be computed is an ErrorList naming each field by
// its path (Lines[2].VAT.Rate) and business terms. CalculateLineNet,
// CalculateBreakdown and CalculateTotals are the steps, for a caller (such as
// a validator) that wants to compare stated figures with computed ones.
//
// # EXTENDED terms
//
// Beyond EN 16931, the model holds the terms of the Factur-X EXTENDED profile
// that the French e-invoicing reform names EXT-FR-FE (see extended.go): the
// buyer's and seller's agents, the payer, the invoicee and the invoicer
// (Party), and on lines a preceding invoice, a delivery, a seller, a subtype
// and a parent line, with which a line groups others or a multi-vendor
// invoice carries its sub-invoices. Group and information lines (LineStatus)
// stay out of the sums. The CII encoder writes these terms in the EXTENDED
// profiles only; the UBL encoder refuses them.
//
// Credit notes (type 381 and the other credit note types) carry positive
// amounts, as EN 16931 wants; negative quantities and amounts are for
// corrections within an invoice.
//
// # JSON form
//
// The model has a JSON form, through encoding/json, for ERP integrations and
// the command line:
//
//   - names are lower camel case, as the json tags of the fields say
//     ("number", "issueDate", "seller", "vatId", "lines", "netAmount");
//   - dates are strings "YYYY-MM-DD";
//   - amounts, prices, quantities, percentages and rates are strings that keep
//     their precision: "12.30" stays "12.30" and "9.1234" stays "9.1234";
//     decoding also accepts a JSON number, but never an exponent;
//   - absent optional terms are left out;
//   - attached documents (BT-125) are base64, as encoding/json writes []byte.
//
// Decoding (json.Unmarshal into an Invoice, or DecodeJSON) is strict, so that
// no figure is silently dropped or changed: an unknown field (including one
// in another letter case), a field given twice, a malformed decimal, a date
// that does not exist, or a value of the wrong type is a *DecodeError with the
// JSON path (lines[2].price.net) and the line and column.
//
// A complete example is in testdata/json; a minimal invoice:
//
//	{
//	  "number": "F-2026-0042",
//	  "issueDate": "2026-11-25",
//	  "typeCode": "380",
//	  "currency": "EUR",
//	  "seller": {"name": "Atelier Dupont", "address": {"country": "FR"}},
//	  "buyer": {"name": "Mairie de Lyon", "address": {"country": "FR"}},
//	  "lines": [{
//	    "id": "1", "quantity": "3", "unit": "C62",
//	    "price": {"net": "9.995"},
//	    "vat": {"category": "S", "rate": "20"},
//	    "item": {"name": "Ramette de papier"}
//	  }]
//	}
package einvoice
