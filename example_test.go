package einvoice_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/einvoice-go/einvoice"
	"github.com/shopspring/decimal"
)

// Build an invoice, let Complete compute it, and read its totals.
func ExampleInvoice_Complete() {
	inv := einvoice.Invoice{
		Number:    "F-2026-0042",
		IssueDate: einvoice.NewDate(2026, time.November, 25),
		TypeCode:  einvoice.CommercialInvoice,
		Currency:  einvoice.CurrencyEUR,
		Seller:    einvoice.Seller{Name: "Atelier Dupont", Address: einvoice.Address{Country: einvoice.CountryFR}},
		Buyer:     einvoice.Buyer{Name: "Mairie de Lyon", Address: einvoice.Address{Country: einvoice.CountryFR}},
		Lines: []einvoice.Line{
			{
				ID: "1", Quantity: decimal.RequireFromString("3"), Unit: einvoice.UnitC62,
				Price: einvoice.Price{Net: decimal.RequireFromString("9.995")}, // unit prices keep their decimals
				VAT:   einvoice.VAT{Category: einvoice.VATStandard, Rate: new(decimal.RequireFromString("20"))},
				Item:  einvoice.Item{Name: "Ramette de papier"},
			},
			{
				ID: "2", Quantity: decimal.RequireFromString("2"), Unit: einvoice.UnitC62,
				Price: einvoice.Price{Net: decimal.RequireFromString("12.40")},
				VAT:   einvoice.VAT{Category: einvoice.VATStandard, Rate: new(decimal.RequireFromString("5.5"))},
				Item:  einvoice.Item{Name: "Manuel scolaire"},
			},
		},
	}
	if err := inv.Complete(); err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range inv.VATBreakdown {
		fmt.Printf("VAT %s %s%%: %s on %s\n", b.Category, b.Rate, b.TaxAmount.StringFixed(2), b.TaxableAmount.StringFixed(2))
	}
	fmt.Println("Total without VAT:", inv.Totals.TaxExclusive.StringFixed(2))
	fmt.Println("VAT:", inv.Totals.VAT.StringFixed(2))
	fmt.Println("Amount due:", inv.Totals.Due.StringFixed(2))
	// Output:
	// VAT S 20%: 6.00 on 29.99
	// VAT S 5.5%: 1.36 on 24.80
	// Total without VAT: 54.79
	// VAT: 7.36
	// Amount due: 62.15
}

// An invoice that cannot be computed says where.
func ExampleInvoice_Complete_error() {
	inv := minimalInvoice()
	inv.Lines[0].VAT.Rate = nil // a standard rated line needs its rate
	err := inv.Complete()
	fmt.Println(err)
	// Output:
	// einvoice: Lines[0].VAT.Rate (BT-152): the VAT rate is missing for category S
}

// The JSON form keeps every figure as it is written; decoding names the
// path of what is wrong.
func ExampleDecodeJSON() {
	_, err := einvoice.DecodeJSON(strings.NewReader(`{
  "number": "F-1",
  "lines": [{"id": "1", "price": {"net": "12,50"}}]
}`))
	fmt.Println(err)
	// Output:
	// einvoice: json: line 3, column 42: lines[0].price.net: bad decimal number "12,50": want digits with an optional sign and decimal point, such as "-12.30"
}

func ExampleLine() {
	l := einvoice.Line{ID: "1", Quantity: decimal.RequireFromString("1.5"), Unit: einvoice.UnitCode("KGM"),
		Price: einvoice.Price{Net: decimal.RequireFromString("4.2000")},
		VAT:   einvoice.VAT{Category: einvoice.VATNotSubject}, // category O has no rate
		Item:  einvoice.Item{Name: "Échantillon"}}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(l)
	// Output:
	// {"id":"1","quantity":"1.5","unit":"KGM","netAmount":"0","price":{"net":"4.2000"},"vat":{"category":"O"},"item":{"name":"Échantillon"}}
}
