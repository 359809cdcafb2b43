// Package einvoicetest provides valid electronic invoices for tests, and a
// way to break them one rule at a time, as net/http/httptest provides
// servers and testing/iotest readers that misbehave.
//
// Invoice returns the invoice a seed names, complete (Invoice.Complete was
// called) and valid for the rule sets the options call for:
//
//	inv := einvoicetest.Invoice(42, einvoicetest.Options{})
//	// an EN 16931 invoice of 1 to 5 lines, in euros, at the standard VAT rate
//
//	inv = einvoicetest.Invoice(7, einvoicetest.Options{
//		Profile:    cii.Basic,
//		ChorusPro:  true, // a French public buyer: SIRET, service code, engagement number
//		Categories: []einvoice.VATCategory{"S", "E"},
//		TypeCodes:  []einvoice.DocumentTypeCode{"380", "381"},
//		MinLines:   10, MaxLines: 20,
//	})
//
// The same seed gives the same invoice on every platform and every run: the
// generator reads a PCG stream (math/rand/v2) through its Uint64 method
// only, computes every other draw itself, and depends on no clock, map
// order or global state. Invoice(seed) is for an invoice named by a
// number, as a test table or a failure message names it; New draws from a
// *rand.Rand the test already has. Options.RuleSets gives the rule sets of
// package validate that the invoices of the options pass.
//
// The invoices look real, and exercise what a consumer of invoices must
// get right: companies of France and other EU countries with their
// addresses, SIRENs, SIRETs, VAT numbers and IBANs whose check digits are
// right (none belongs to a real company); public buyers of Chorus Pro;
// buyers abroad for exports and intra-community supplies; items with
// accents and the characters XML escapes (& < > " '), prices with 4
// decimals, base quantities, gross prices and discounts; credit notes with
// their preceding invoice, factored invoices with their payee, invoices
// already paid, prepayments, rounding, foreign currencies with the VAT in
// euros; and each profile's discipline: a BASIC invoice holds only what
// BASIC carries, so that cii.Encoder writes it without dropping anything.
//
// Break changes a valid invoice so that exactly one named rule fails, the
// way invoices get it wrong (a total that does not add up, a legal note
// missing, a SIRET that is not of the SIREN), for testing what a system
// does with an invalid invoice:
//
//	inv := einvoicetest.Invoice(1, einvoicetest.Options{French: true})
//	if err := einvoicetest.Break(inv, "BR-FR-05_BT-22_PMT"); err != nil {
//		t.Fatal(err)
//	}
//	// validate.Invoice(inv, validate.French) reports BR-FR-05_BT-22_PMT, and
//	// nothing else; so does the official schematron on its CII.
//
// Breakable lists the rules Break knows, all of an official schematron:
// rules of EN 16931 (BR-*, BR-CO-*, the VAT categories), of the Factur-X
// EXTENDED sums (BR-FXEXT-*) and of the French CIUS (BR-FR-*).
// BreakChorusPro breaks the rules of Chorus Pro that no official
// schematron has (BR-FR-CPRO-*, CHORUSPRO-*), which validate.ChorusPro
// checks; ChorusProBreakable lists them.
//
// The command einvoice fixtures writes the invoices of a range of seeds as
// files, in JSON, CII, UBL or Factur-X PDF.
package einvoicetest
