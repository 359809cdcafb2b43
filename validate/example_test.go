package validate_test

import (
	"fmt"
	"strings"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/validate"
	"github.com/shopspring/decimal"
)

const exampleInvoice = `{
  "number": "F-2026-001", "issueDate": "2026-03-02", "typeCode": "380", "currency": "EUR",
  "dueDate": "2026-04-01",
  "process": {"specification": "urn:cen.eu:en16931:2017"},
  "seller": {"name": "Atelier Exemple SARL", "vatId": "FR44842159378",
    "address": {"city": "Lyon", "postCode": "69003", "country": "FR"}},
  "buyer": {"name": "Mairie de Démo", "address": {"city": "Paris", "postCode": "75011", "country": "FR"}},
  "lines": [
    {"id": "1", "quantity": "3", "unit": "C62", "price": {"net": "120.00"},
     "vat": {"category": "S", "rate": "20"}, "item": {"name": "Calibration kit"}}
  ]
}`

// A complete invoice passes; one whose total with VAT was typed wrong
// fails, with the official rule ids, the model paths and the terms: the
// amount due no longer follows from it either.
func ExampleInvoice() {
	inv, err := einvoice.DecodeJSON(strings.NewReader(exampleInvoice))
	if err != nil {
		panic(err)
	}
	if err := inv.Complete(); err != nil {
		panic(err)
	}
	fmt.Println("valid:", validate.Invoice(inv, validate.EN16931).Valid())

	inv.Totals.TaxInclusive = decimal.RequireFromString("432.10")
	report := validate.Invoice(inv, validate.EN16931)
	fmt.Println("valid:", report.Valid())
	for _, is := range report.Issues {
		fmt.Println(is.Rule, is.Severity, is.Path, is.Terms)
	}
	// Output:
	// valid: true
	// valid: false
	// BR-CO-15 fatal Totals.TaxInclusive [BT-112 BT-109 BT-110]
	// BR-CO-16 fatal Totals.Due [BT-115 BT-112 BT-113 BT-114]
}

// Report.Err gives an error when an issue is fatal.
func ExampleReport_Err() {
	inv, _ := einvoice.DecodeJSON(strings.NewReader(exampleInvoice))
	inv.Complete() //nolint:errcheck // the example invoice completes
	inv.Seller.Address.Country = "XX"
	if err := validate.Invoice(inv).Err(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// validate: [BR-CL-14] Seller.Address.Country: Country codes in an invoice MUST be coded using ISO code list 3166-1 (code "XX")
}

// A file that does not decode gets a report too: one fatal issue, located.
func ExampleReport_AddDecodeError() {
	_, err := cii.Decode(strings.NewReader(`<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
  xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
  xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocument><ram:IssueDateTime><udt:DateTimeString format="102">2026-13-45</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>
</rsm:CrossIndustryInvoice>`))
	var report validate.Report
	report.AddDecodeError(err)
	fmt.Println(report.Valid())
	fmt.Println(report.Issues[0].Rule, report.Issues[0].Terms)
	// Output:
	// false
	// decode [BT-2]
}

// exampleChorusPro is an invoice to a French public buyer: the buyer's
// SIRET (0009), its service code (BT-10), the billing framework B1 (BT-23),
// the notes French law requires, a credit transfer to an IBAN.
const exampleChorusPro = `{
  "number": "FA-2026-00215", "issueDate": "2026-09-15", "typeCode": "380", "currency": "EUR",
  "dueDate": "2026-10-15", "buyerReference": "SERV-TECH-03",
  "process": {"businessProcess": "B1", "specification": "urn:cen.eu:en16931:2017"},
  "notes": [
    {"subjectCode": "PMT", "text": "Indemnité forfaitaire pour frais de recouvrement : 40 €."},
    {"subjectCode": "PMD", "text": "Pénalités de retard : trois fois le taux d'intérêt légal."},
    {"subjectCode": "AAB", "text": "Pas d'escompte pour paiement anticipé."}
  ],
  "seller": {"name": "Ateliers Berthier SAS", "vatId": "FR19812345676",
    "identifiers": [{"value": "81234567600017", "scheme": "0009"}],
    "legalRegistration": {"value": "812345676", "scheme": "0002"},
    "electronicAddress": {"value": "812345676", "scheme": "0225"},
    "address": {"line1": "14 rue de la Charité", "city": "Lyon", "postCode": "69002", "country": "FR"}},
  "buyer": {"name": "Commune de Saint-Exemple",
    "identifiers": [{"value": "21990042000015", "scheme": "0009"}],
    "legalRegistration": {"value": "219900420", "scheme": "0002"},
    "electronicAddress": {"value": "21990042000015", "scheme": "0009"},
    "address": {"city": "Saint-Exemple", "postCode": "73000", "country": "FR"}},
  "payment": {"meansCode": "30", "creditTransfers": [{"accountId": "FR7630004012340001234567862"}]},
  "lines": [
    {"id": "1", "quantity": "4", "unit": "H87", "price": {"net": "89.00"},
     "vat": {"category": "S", "rate": "20"}, "item": {"name": "Étagère murale en chêne"}}
  ]
}`

// The Chorus Pro rules take the buyer's directory setting: this buyer
// requires a service code and an engagement number. The invoice has no
// engagement number; broken further, it shows the public-buyer rules it
// breaks (the set's French and EN 16931 rules report as well, left out
// here).
func ExampleChorusPro() {
	inv, err := einvoice.DecodeJSON(strings.NewReader(exampleChorusPro))
	if err != nil {
		panic(err)
	}
	if err := inv.Complete(); err != nil {
		panic(err)
	}
	set := validate.ChorusPro(validate.ChorusProOptions{BuyerRequires: validate.RequiresServiceAndEngagement})
	show := func(report validate.Report) {
		for _, is := range report.Issues {
			if strings.HasPrefix(is.Rule, "BR-FR-CPRO-") || strings.HasPrefix(is.Rule, "CHORUSPRO-") {
				fmt.Println(is.Rule, is.Path)
			}
		}
	}
	show(validate.Invoice(inv, set))

	fmt.Println("--")
	inv.PurchaseOrderReference = "EJ-2026-004512"
	inv.Number = "FA-2026-00215-LOT-0042" // 22 characters
	inv.Buyer.Identifiers = nil           // no SIRET
	inv.Payment.MeansCode = einvoice.PaymentMeansSEPACreditTransfer
	show(validate.Invoice(inv, set))
	// Output:
	// BR-FR-CPRO-12 PurchaseOrderReference
	// --
	// BR-FR-CPRO-02 Number
	// BR-FR-CPRO-10 Buyer.Identifiers
	// CHORUSPRO-05 Payment.MeansCode
}
