package ubl_test

import (
	"io"
	"strconv"
	"testing"
	"time"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/ubl"
	"github.com/shopspring/decimal"
)

// benchInvoice is the invoice of the benchmarks, the one of package cii's:
// n lines over 3 VAT rates, one document level allowance, payment by SEPA
// credit transfer; completed.
func benchInvoice(n int) *einvoice.Invoice {
	rates := []string{"20", "10", "5.5"}
	inv := &einvoice.Invoice{
		Number: "F-2026-0042", IssueDate: einvoice.NewDate(2026, time.November, 25), TypeCode: einvoice.CommercialInvoice,
		Currency: einvoice.CurrencyEUR, DueDate: einvoice.NewDate(2026, time.December, 25),
		Process: einvoice.ProcessControl{Specification: "urn:cen.eu:en16931:2017"},
		Seller: einvoice.Seller{
			Name: "Atelier Dupont SAS", Identifiers: []einvoice.ID{{Value: "73282932000074", Scheme: einvoice.ICDSIRET}},
			LegalRegistration: einvoice.ID{Value: "732829320", Scheme: einvoice.ICDSIREN}, VATID: "FR44732829320",
			ElectronicAddress: einvoice.ElectronicAddress{Value: "732829320", Scheme: einvoice.EAS0225},
			Address:           einvoice.Address{Line1: "12 rue des Tanneurs", City: "Lyon", PostCode: "69002", Country: einvoice.CountryFR},
		},
		Buyer: einvoice.Buyer{
			Name: "Université de Lyon", Identifier: einvoice.ID{Value: "13002526500013", Scheme: einvoice.ICDSIRET},
			ElectronicAddress: einvoice.ElectronicAddress{Value: "13002526500013", Scheme: einvoice.EAS0009},
			Address:           einvoice.Address{Line1: "92 rue Pasteur", City: "Lyon", PostCode: "69007", Country: einvoice.CountryFR},
		},
		Payment: &einvoice.PaymentInstructions{
			MeansCode:       einvoice.PaymentMeansSEPACreditTransfer,
			CreditTransfers: []einvoice.CreditTransfer{{AccountID: "FR7630006000011234567890189", ProviderID: "AGRIFRPPXXX"}},
		},
		Allowances: []einvoice.Allowance{{
			Amount: decimal.RequireFromString("10.00"), Reason: "Remise",
			VAT: einvoice.VAT{Category: einvoice.VATStandard, Rate: new(decimal.RequireFromString("20"))},
		}},
	}
	for i := 0; i < n; i++ {
		inv.Lines = append(inv.Lines, einvoice.Line{
			ID: strconv.Itoa(i + 1), Quantity: decimal.New(int64(i%7+1), 0), Unit: einvoice.UnitC62,
			Price: einvoice.Price{Net: decimal.RequireFromString("12.3456")},
			VAT:   einvoice.VAT{Category: einvoice.VATStandard, Rate: new(decimal.RequireFromString(rates[i%3]))},
			Item:  einvoice.Item{Name: "Article " + strconv.Itoa(i), SellerID: "REF-" + strconv.Itoa(i)},
		})
	}
	if err := inv.Complete(); err != nil {
		panic(err)
	}
	return inv
}

func benchmarkEncode(b *testing.B, n int) {
	inv := benchInvoice(n)
	b.ReportAllocs()
	for b.Loop() {
		if err := ubl.Encode(io.Discard, inv); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncode10(b *testing.B)    { benchmarkEncode(b, 10) }
func BenchmarkEncode1000(b *testing.B)  { benchmarkEncode(b, 1000) }
func BenchmarkEncode10000(b *testing.B) { benchmarkEncode(b, 10000) }
