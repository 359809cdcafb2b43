// Package validate checks an invoice of the einvoice model against the
// business rules of EN 16931 and of the Factur-X profiles, giving the
// verdict the official schematron gives, in Go.
//
//	report := validate.Invoice(inv, validate.EN16931)
//	if err := report.Err(); err != nil { ... }
//	for _, is := range report.Issues { fmt.Println(is) }
//
// Each issue carries the official rule id (BR-CO-15), its severity as the
// official schematron flags it (fatal or warning), the model path of the
// offending value (Lines[2].NetAmount), the business terms concerned and
// the official message.
//
// Rule sets are values the caller passes. The document sums the arithmetic
// rules compare with (BR-CO-10 .. BR-CO-16) come from the model's one
// calculation, einvoice.CalculateTotals. The VAT category rules (BR-S-08,
// BR-Z-08, ...) group the amounts by category and rate as the official
// XPath does, which differs from einvoice.CalculateBreakdown (lines without
// a rate left out, tolerances of 1); the official roundings (halves
// upwards) and xs:double sums are reproduced where they decide. Where an
// official rule deviates from the norm's text, the rule follows the
// official schematron, and its comment says so.
//
// The official CEN schematrons for CII and for UBL test about twenty rules
// differently (tolerances, roundings, contexts, BR-51's severity). A set
// follows the CII one; RuleSet.For gives the set that follows the UBL one,
// for a document decoded from UBL:
//
//	report := validate.Invoice(inv, validate.EN16931.For(validate.UBL))
//
// The Factur-X profiles have their sets, FacturXMinimum, FacturXBasicWL,
// FacturXBasic, FacturXEN16931 and FacturXExtended: the business rules
// that the official tools apply to a CII document of the profile (the
// Factur-X schematron's, with the CEN schematron's for BASIC and EN 16931).
// FacturX gives the set that a document's specification identifier (BT-24)
// names; the decoder checks the profile's structural rules:
//
//	doc, err := (&cii.Decoder{ProfileRules: true}).Decode(r)
//	...
//	set, ok := validate.FacturX(doc.Invoice.Process.Specification)
//	report := validate.Invoice(doc.Invoice, set)
//	report.AddSyntax(doc.Issues)
//
// validate reads the model only: decoding a file is the caller's step
// (cii.Decode, ubl.Decode, facturx.Extract).
package validate
