package einvoicetest_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/einvoicetest"
	"github.com/einvoice-go/einvoice/validate"
)

// The invoice of seed 42, with the default options: the same on every
// platform and every run.
func ExampleInvoice() {
	inv := einvoicetest.Invoice(42, einvoicetest.Options{})
	fmt.Println(inv.Number, "from", inv.Seller.Name, "to", inv.Buyer.Name)
	fmt.Printf("%d lines, the first: %s\n", len(inv.Lines), inv.Lines[0].Item.Name)
	fmt.Println("total", inv.Totals.TaxInclusive.StringFixed(2), inv.Currency)
	fmt.Println("valid:", validate.Invoice(inv, validate.FacturXEN16931).Err() == nil)
	// Output:
	// FA-2026-17703 from Électricité Périer EURL to Transports Giraud et Associés
	// 2 lines, the first: Heure de main-d'œuvre
	// total 1070.27 EUR
	// valid: true
}

// An invoice to a French public buyer on Chorus Pro, in the BASIC profile,
// valid for the Chorus Pro rules of a buyer that requires a service code
// and an engagement number.
func ExampleInvoice_chorusPro() {
	opt := einvoicetest.Options{
		Profile:       cii.Basic,
		ChorusPro:     true,
		BuyerRequires: validate.RequiresServiceAndEngagement,
		Categories:    []einvoice.VATCategory{"S", "E"},
	}
	inv := einvoicetest.Invoice(7, opt)
	fmt.Println(inv.Buyer.Name)
	fmt.Println("SIRET", inv.Buyer.Identifiers[0].Value, "service", inv.BuyerReference, "engagement", inv.PurchaseOrderReference)
	fmt.Println("billing mode", inv.Process.BusinessProcess)
	fmt.Println("valid:", validate.Invoice(inv, opt.RuleSets(validate.CII)...).Err() == nil)
	// Output:
	// Département de la Haute-Savoie
	// SIRET 21583197500127 service DGA-AT engagement EJ6306323404
	// billing mode M1
	// valid: true
}

// New draws invoices from a stream the test already has.
func ExampleNew() {
	r := rand.New(rand.NewPCG(1, 2))
	opt := einvoicetest.Options{TypeCodes: []einvoice.DocumentTypeCode{"380", "381"}}
	for range 3 {
		inv := einvoicetest.New(r, opt)
		fmt.Println(inv.TypeCode, inv.Number, inv.Totals.Due.StringFixed(2))
	}
	// Output:
	// 381 CN/2026/73821 4579.58
	// 380 FA-2026-57124 1493.35
	// 380 RE-2026-07076 11158.51
}

// Break makes one rule fail, and only that one.
func ExampleBreak() {
	inv := einvoicetest.Invoice(3, einvoicetest.Options{French: true})
	valid := *inv // Break changes inv only
	if err := einvoicetest.Break(inv, "BR-CO-15"); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("total", valid.Totals.TaxInclusive.StringFixed(2), "->", inv.Totals.TaxInclusive.StringFixed(2))
	for _, is := range validate.Invoice(inv, validate.French).Issues {
		fmt.Println(is.Rule, is.Path)
	}
	fmt.Println("the copy is still valid:", validate.Invoice(&valid, validate.French).Err() == nil)
	// Output:
	// total 2921.34 -> 2922.34
	// BR-CO-15 Totals.TaxInclusive
	// the copy is still valid: true
}

// Breakable lists the rules Break knows.
func ExampleBreakable() {
	rules := einvoicetest.Breakable()
	fmt.Println(len(rules) >= 40, rules[:4])
	// Output:
	// true [BR-06 BR-07 BR-17 BR-18]
}

// RuleSets gives the rule sets the invoices of the options pass.
func ExampleOptions_RuleSets() {
	opt := einvoicetest.Options{Profile: cii.Extended, French: true}
	for _, s := range opt.RuleSets(validate.CII) {
		fmt.Println("CII:", s.Name())
	}
	for _, s := range (einvoicetest.Options{}).RuleSets(validate.UBL) {
		fmt.Println("UBL:", s.Name(), s.Syntax())
	}
	// Output:
	// CII: fr
	// UBL: en16931 UBL
}
