package einvoice_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/modeltest"
)

// The expected figures of these tests are worked out by hand from the
// rounding rules of calc.go: quantity × net price ÷ base quantity, percentage
// amounts and VAT category tax amounts are each rounded once to 2 decimals,
// half away from zero; every other figure is an exact sum or difference.

func calcDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func calcDecP(s string) *decimal.Decimal { d := calcDec(s); return &d }

// calcVAT returns a VAT category with its rate; an empty rate is an absent one.
func calcVAT(cat einvoice.VATCategory, rate string) einvoice.VAT {
	v := einvoice.VAT{Category: cat}
	if rate != "" {
		v.Rate = calcDecP(rate)
	}
	return v
}

// calcLine returns a line of quantity units at the net price, in VAT category v.
func calcLine(id, qty, price string, v einvoice.VAT) einvoice.Line {
	return einvoice.Line{
		ID:       id,
		Quantity: calcDec(qty),
		Unit:     einvoice.UnitCode("C62"),
		Price:    einvoice.Price{Net: calcDec(price)},
		VAT:      v,
		Item:     einvoice.Item{Name: "Item " + id},
	}
}

// calcBase returns a valid invoice in EUR with one line: 1 × 100.00 at S 20 %.
func calcBase() *einvoice.Invoice {
	return &einvoice.Invoice{
		Number:    "F-2025-001",
		IssueDate: einvoice.NewDate(2025, 3, 14),
		TypeCode:  einvoice.DocumentTypeCode("380"),
		Currency:  einvoice.CurrencyCode("EUR"),
		Seller: einvoice.Seller{
			Name:    "Vendeur SARL",
			Address: einvoice.Address{City: "Lyon", Country: einvoice.CountryCode("FR")},
		},
		Buyer: einvoice.Buyer{
			Name:    "Acheteur SA",
			Address: einvoice.Address{City: "Paris", Country: einvoice.CountryCode("FR")},
		},
		Lines: []einvoice.Line{calcLine("1", "1", "100.00", calcVAT(einvoice.VATStandard, "20"))},
	}
}

// calcWith returns calcBase() changed by change.
func calcWith(change func(inv *einvoice.Invoice)) func() *einvoice.Invoice {
	return func() *einvoice.Invoice {
		inv := calcBase()
		change(inv)
		return inv
	}
}

// calcOneLine returns calcBase() with its line replaced by qty × price in v.
func calcOneLine(qty, price string, v einvoice.VAT) func() *einvoice.Invoice {
	return calcWith(func(inv *einvoice.Invoice) { inv.Lines[0] = calcLine("1", qty, price, v) })
}

type calcWantVAT struct {
	cat     einvoice.VATCategory
	rate    string // "" when absent
	taxable string // BT-116
	tax     string // BT-117
	code    einvoice.VATEXCode
}

type calcWantTotals struct {
	lineNet      string // BT-106
	allowances   string // BT-107, "" when absent
	charges      string // BT-108, "" when absent
	taxExclusive string // BT-109
	vat          string // BT-110
	taxInclusive string // BT-112
	paid         string // BT-113, "" when absent
	rounding     string // BT-114, "" when absent
	due          string // BT-115
}

// calcSimple is the totals of an invoice without document level allowances and
// charges, paid or rounding amounts.
func calcSimple(lineNet, vat, taxInclusive string) calcWantTotals {
	return calcWantTotals{lineNet: lineNet, taxExclusive: lineNet, vat: vat, taxInclusive: taxInclusive, due: taxInclusive}
}

type calcCase struct {
	name   string
	build  func() *einvoice.Invoice
	lines  []string // BT-131 of each line
	vat    []calcWantVAT
	totals calcWantTotals
	check  func(t *testing.T, inv *einvoice.Invoice)
}

var (
	calcCodeAE = einvoice.VATEXCode("VATEX-EU-AE")
	calcCodeIC = einvoice.VATEXCode("VATEX-EU-IC")
	calcCodeG  = einvoice.VATEXCode("VATEX-EU-G")
	calcCodeO  = einvoice.VATEXCode("VATEX-EU-O")
)

var calcCases = []calcCase{
	{
		name:  "S 20 base",
		build: calcBase,
		// 1 × 100.00 = 100.00; VAT 100.00 × 20 % = 20.00
		lines:  []string{"100.00"},
		vat:    []calcWantVAT{{einvoice.VATStandard, "20", "100.00", "20.00", ""}},
		totals: calcSimple("100.00", "20.00", "120.00"),
	},
	{
		name:  "S 19 three at 9.995",
		build: calcOneLine("3", "9.995", calcVAT(einvoice.VATStandard, "19")),
		// 3 × 9.995 = 29.985 → 29.99 (half away from zero)
		lines: []string{"29.99"},
		// 29.99 × 19 % = 5.6981 → 5.70
		vat: []calcWantVAT{{einvoice.VATStandard, "19", "29.99", "5.70", ""}},
		// 29.99 + 5.70 = 35.69
		totals: calcSimple("29.99", "5.70", "35.69"),
	},
	{
		name:  "Z rate absent filled to 0",
		build: calcOneLine("2", "12.34", calcVAT(einvoice.VATZeroRated, "")),
		// 2 × 12.34 = 24.68
		lines:  []string{"24.68"},
		vat:    []calcWantVAT{{einvoice.VATZeroRated, "0", "24.68", "0.00", ""}},
		totals: calcSimple("24.68", "0.00", "24.68"),
		check:  calcLineRateIsZero,
	},
	{
		name:  "E rate absent filled to 0, no default VATEX",
		build: calcOneLine("1", "50", calcVAT(einvoice.VATExempt, "")),
		// 1 × 50 = 50 → 50.00
		lines:  []string{"50.00"},
		vat:    []calcWantVAT{{einvoice.VATExempt, "0", "50.00", "0.00", ""}},
		totals: calcSimple("50.00", "0.00", "50.00"),
		check:  calcLineRateIsZero,
	},
	{
		name:  "AE reverse charge",
		build: calcOneLine("4", "25.125", calcVAT(einvoice.VATReverseCharge, "")),
		// 4 × 25.125 = 100.500 → 100.50
		lines:  []string{"100.50"},
		vat:    []calcWantVAT{{einvoice.VATReverseCharge, "0", "100.50", "0.00", calcCodeAE}},
		totals: calcSimple("100.50", "0.00", "100.50"),
		check:  calcLineRateIsZero,
	},
	{
		name:  "K intra-community",
		build: calcOneLine("10", "3.3333", calcVAT(einvoice.VATIntraCommunity, "")),
		// 10 × 3.3333 = 33.333 → 33.33
		lines:  []string{"33.33"},
		vat:    []calcWantVAT{{einvoice.VATIntraCommunity, "0", "33.33", "0.00", calcCodeIC}},
		totals: calcSimple("33.33", "0.00", "33.33"),
		check:  calcLineRateIsZero,
	},
	{
		name:  "G export with explicit rate 0",
		build: calcOneLine("1", "1234.56", calcVAT(einvoice.VATExport, "0")),
		// 1 × 1234.56 = 1234.56
		lines:  []string{"1234.56"},
		vat:    []calcWantVAT{{einvoice.VATExport, "0", "1234.56", "0.00", calcCodeG}},
		totals: calcSimple("1234.56", "0.00", "1234.56"),
	},
	{
		name:  "O not subject: no rate, tax 0",
		build: calcOneLine("2", "45.00", calcVAT(einvoice.VATNotSubject, "")),
		// 2 × 45.00 = 90.00
		lines:  []string{"90.00"},
		vat:    []calcWantVAT{{einvoice.VATNotSubject, "", "90.00", "0.00", calcCodeO}},
		totals: calcSimple("90.00", "0.00", "90.00"),
		check: func(t *testing.T, inv *einvoice.Invoice) {
			if inv.Lines[0].VAT.Rate != nil {
				t.Errorf("line VAT rate of category O = %s, want absent", inv.Lines[0].VAT.Rate)
			}
		},
	},
	{
		name:  "L Canary Islands 7",
		build: calcOneLine("3", "33.33", calcVAT(einvoice.VATCanaryIslands, "7")),
		// 3 × 33.33 = 99.99
		lines: []string{"99.99"},
		// 99.99 × 7 % = 6.9993 → 7.00
		vat: []calcWantVAT{{einvoice.VATCanaryIslands, "7", "99.99", "7.00", ""}},
		// 99.99 + 7.00 = 106.99
		totals: calcSimple("99.99", "7.00", "106.99"),
	},
	{
		name:  "M Ceuta and Melilla 4",
		build: calcOneLine("1", "12.63", calcVAT(einvoice.VATCeutaMelilla, "4")),
		lines: []string{"12.63"},
		// 12.63 × 4 % = 0.5052 → 0.51
		vat: []calcWantVAT{{einvoice.VATCeutaMelilla, "4", "12.63", "0.51", ""}},
		// 12.63 + 0.51 = 13.14
		totals: calcSimple("12.63", "0.51", "13.14"),
	},
	{
		name:  "B split payment 22",
		build: calcOneLine("5", "19.99", calcVAT(einvoice.VATSplitPayment, "22")),
		// 5 × 19.99 = 99.95
		lines: []string{"99.95"},
		// 99.95 × 22 % = 21.989 → 21.99
		vat: []calcWantVAT{{einvoice.VATSplitPayment, "22", "99.95", "21.99", ""}},
		// 99.95 + 21.99 = 121.94
		totals: calcSimple("99.95", "21.99", "121.94"),
	},
	{
		name: "French rates 10, 20, 5.5, 2.1 in first-occurrence order",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Lines = []einvoice.Line{
				calcLine("1", "2", "15.00", calcVAT(einvoice.VATStandard, "10")),
				calcLine("2", "1", "100.00", calcVAT(einvoice.VATStandard, "20")),
				calcLine("3", "3", "3.35", calcVAT(einvoice.VATStandard, "5.5")),
				calcLine("4", "1", "47.62", calcVAT(einvoice.VATStandard, "2.1")),
				calcLine("5", "1", "12.34", calcVAT(einvoice.VATStandard, "10")),
			}
		}),
		// 2 × 15.00 = 30.00; 100.00; 3 × 3.35 = 10.05; 47.62; 12.34
		lines: []string{"30.00", "100.00", "10.05", "47.62", "12.34"},
		vat: []calcWantVAT{
			// 30.00 + 12.34 = 42.34; × 10 % = 4.234 → 4.23
			{einvoice.VATStandard, "10", "42.34", "4.23", ""},
			// 100.00 × 20 % = 20.00
			{einvoice.VATStandard, "20", "100.00", "20.00", ""},
			// 10.05 × 5.5 % = 0.55275 → 0.55
			{einvoice.VATStandard, "5.5", "10.05", "0.55", ""},
			// 47.62 × 2.1 % = 1.00002 → 1.00
			{einvoice.VATStandard, "2.1", "47.62", "1.00", ""},
		},
		// lines 30.00 + 100.00 + 10.05 + 47.62 + 12.34 = 200.01;
		// VAT 4.23 + 20.00 + 0.55 + 1.00 = 25.78; 200.01 + 25.78 = 225.79
		totals: calcSimple("200.01", "25.78", "225.79"),
	},
	{
		name: "rates 20 and 20.00 merge",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Lines = append(inv.Lines, calcLine("2", "1", "50.00", calcVAT(einvoice.VATStandard, "20.00")))
		}),
		lines: []string{"100.00", "50.00"},
		// 100.00 + 50.00 = 150.00; × 20 % = 30.00
		vat:    []calcWantVAT{{einvoice.VATStandard, "20", "150.00", "30.00", ""}},
		totals: calcSimple("150.00", "30.00", "180.00"),
	},
	{
		name: "line allowance by amount",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Lines[0].Allowances = []einvoice.LineAllowance{{Amount: calcDec("10.00"), Reason: "Remise"}}
		}),
		// 100.00 − 10.00 = 90.00
		lines: []string{"90.00"},
		// 90.00 × 20 % = 18.00
		vat:    []calcWantVAT{{einvoice.VATStandard, "20", "90.00", "18.00", ""}},
		totals: calcSimple("90.00", "18.00", "108.00"),
	},
	{
		name: "line charge by amount with 1 decimal",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Lines[0].Charges = []einvoice.LineCharge{{Amount: calcDec("5.5"), Reason: "Emballage"}}
		}),
		// 100.00 + 5.5 = 105.50
		lines: []string{"105.50"},
		// 105.50 × 20 % = 21.10
		vat:    []calcWantVAT{{einvoice.VATStandard, "20", "105.50", "21.10", ""}},
		totals: calcSimple("105.50", "21.10", "126.60"),
	},
	{
		name: "line allowance percentage, default base",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Lines[0] = calcLine("1", "3", "19.99", calcVAT(einvoice.VATStandard, "20"))
			inv.Lines[0].Allowances = []einvoice.LineAllowance{{Percentage: calcDecP("10")}}
		}),
		// 3 × 19.99 = 59.97; allowance 59.97 × 10 % = 5.997 → 6.00;
		// 59.97 − 6.00 = 53.97
		lines: []string{"53.97"},
		// 53.97 × 20 % = 10.794 → 10.79
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "53.97", "10.79", ""}},
		// 53.97 + 10.79 = 64.76
		totals: calcSimple("53.97", "10.79", "64.76"),
		check: func(t *testing.T, inv *einvoice.Invoice) {
			a := inv.Lines[0].Allowances[0]
			calcCheckAmount(t, "line allowance amount", "6.00", a.Amount)
			if a.BaseAmount == nil {
				t.Fatal("line allowance base amount not filled in")
			}
			calcCheckAmount(t, "line allowance base amount", "59.97", *a.BaseAmount)
		},
	},
	{
		name: "line allowance percentage, explicit base",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Lines[0].Allowances = []einvoice.LineAllowance{{Percentage: calcDecP("15"), BaseAmount: calcDecP("80.00")}}
		}),
		// 80.00 × 15 % = 12.00; 100.00 − 12.00 = 88.00
		lines: []string{"88.00"},
		// 88.00 × 20 % = 17.60
		vat:    []calcWantVAT{{einvoice.VATStandard, "20", "88.00", "17.60", ""}},
		totals: calcSimple("88.00", "17.60", "105.60"),
	},
	{
		name: "line allowance and charge by percentage",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Lines[0] = calcLine("1", "10", "4.99", calcVAT(einvoice.VATStandard, "20"))
			inv.Lines[0].Allowances = []einvoice.LineAllowance{{Percentage: calcDecP("10")}}
			inv.Lines[0].Charges = []einvoice.LineCharge{{Percentage: calcDecP("1.5")}}
		}),
		// 10 × 4.99 = 49.90; allowance 49.90 × 10 % = 4.99;
		// charge 49.90 × 1.5 % = 0.7485 → 0.75; 49.90 − 4.99 + 0.75 = 45.66
		lines: []string{"45.66"},
		// 45.66 × 20 % = 9.132 → 9.13
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "45.66", "9.13", ""}},
		// 45.66 + 9.13 = 54.79
		totals: calcSimple("45.66", "9.13", "54.79"),
	},
	{
		name: "base quantity 100",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Lines[0] = calcLine("1", "250", "12.50", calcVAT(einvoice.VATStandard, "20"))
			inv.Lines[0].Price.BaseQuantity = calcDecP("100")
		}),
		// 250 × 12.50 ÷ 100 = 31.25
		lines: []string{"31.25"},
		// 31.25 × 20 % = 6.25
		vat:    []calcWantVAT{{einvoice.VATStandard, "20", "31.25", "6.25", ""}},
		totals: calcSimple("31.25", "6.25", "37.50"),
	},
	{
		name: "base quantity 7, quotient rounded once",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Lines[0] = calcLine("1", "3", "10.00", calcVAT(einvoice.VATStandard, "20"))
			inv.Lines[0].Price.BaseQuantity = calcDecP("7")
		}),
		// 3 × 10.00 ÷ 7 = 4.285714… → 4.29
		lines: []string{"4.29"},
		// 4.29 × 20 % = 0.858 → 0.86
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "4.29", "0.86", ""}},
		// 4.29 + 0.86 = 5.15
		totals: calcSimple("4.29", "0.86", "5.15"),
	},
	{
		name: "line charge percentage on a base quantity price",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Lines[0] = calcLine("1", "250", "12.50", calcVAT(einvoice.VATStandard, "20"))
			inv.Lines[0].Price.BaseQuantity = calcDecP("100")
			inv.Lines[0].Charges = []einvoice.LineCharge{{Percentage: calcDecP("2.5")}}
		}),
		// 250 × 12.50 ÷ 100 = 31.25; charge 31.25 × 2.5 % = 0.78125 → 0.78;
		// 31.25 + 0.78 = 32.03
		lines: []string{"32.03"},
		// 32.03 × 20 % = 6.406 → 6.41
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "32.03", "6.41", ""}},
		// 32.03 + 6.41 = 38.44
		totals: calcSimple("32.03", "6.41", "38.44"),
		check: func(t *testing.T, inv *einvoice.Invoice) {
			c := inv.Lines[0].Charges[0]
			calcCheckAmount(t, "line charge amount", "0.78", c.Amount)
			if c.BaseAmount == nil {
				t.Fatal("line charge base amount not filled in")
			}
			calcCheckAmount(t, "line charge base amount", "31.25", *c.BaseAmount)
		},
	},
	{
		name:  "4 decimal price 3 × 0.3333 rounded once",
		build: calcOneLine("3", "0.3333", calcVAT(einvoice.VATStandard, "20")),
		// 3 × 0.3333 = 0.9999 → 1.00 (not 3 × 0.33 = 0.99)
		lines: []string{"1.00"},
		// 1.00 × 20 % = 0.20
		vat:    []calcWantVAT{{einvoice.VATStandard, "20", "1.00", "0.20", ""}},
		totals: calcSimple("1.00", "0.20", "1.20"),
	},
	{
		name:  "4 decimal price 7 × 1.2345",
		build: calcOneLine("7", "1.2345", calcVAT(einvoice.VATStandard, "20")),
		// 7 × 1.2345 = 8.6415 → 8.64
		lines: []string{"8.64"},
		// 8.64 × 20 % = 1.728 → 1.73
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "8.64", "1.73", ""}},
		// 8.64 + 1.73 = 10.37
		totals: calcSimple("8.64", "1.73", "10.37"),
	},
	{
		name:  "6 decimal price 1000 × 0.123456",
		build: calcOneLine("1000", "0.123456", calcVAT(einvoice.VATStandard, "20")),
		// 1000 × 0.123456 = 123.456 → 123.46
		lines: []string{"123.46"},
		// 123.46 × 20 % = 24.692 → 24.69
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "123.46", "24.69", ""}},
		// 123.46 + 24.69 = 148.15
		totals: calcSimple("123.46", "24.69", "148.15"),
	},
	{
		name:  "half 5 × 0.025 = 0.125",
		build: calcOneLine("5", "0.025", calcVAT(einvoice.VATStandard, "20")),
		// 5 × 0.025 = 0.125 → 0.13 (half away from zero)
		lines: []string{"0.13"},
		// 0.13 × 20 % = 0.026 → 0.03
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "0.13", "0.03", ""}},
		// 0.13 + 0.03 = 0.16
		totals: calcSimple("0.13", "0.03", "0.16"),
	},
	{
		name: "negative half −5 × 0.025 = −0.125 (384)",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.TypeCode = einvoice.DocumentTypeCode("384")
			inv.Lines[0] = calcLine("1", "-5", "0.025", calcVAT(einvoice.VATStandard, "20"))
		}),
		// −5 × 0.025 = −0.125 → −0.13 (half away from zero)
		lines: []string{"-0.13"},
		// −0.13 × 20 % = −0.026 → −0.03
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "-0.13", "-0.03", ""}},
		// −0.13 − 0.03 = −0.16
		totals: calcSimple("-0.13", "-0.03", "-0.16"),
	},
	{
		name: "corrective 384 negative quantity",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.TypeCode = einvoice.DocumentTypeCode("384")
			inv.Lines[0] = calcLine("1", "-3", "9.995", calcVAT(einvoice.VATStandard, "20"))
		}),
		// −3 × 9.995 = −29.985 → −29.99
		lines: []string{"-29.99"},
		// −29.99 × 20 % = −5.998 → −6.00
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "-29.99", "-6.00", ""}},
		// −29.99 − 6.00 = −35.99
		totals: calcSimple("-29.99", "-6.00", "-35.99"),
	},
	{
		name: "corrective 384 line allowance percentage on a negative line",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.TypeCode = einvoice.DocumentTypeCode("384")
			inv.Lines[0] = calcLine("1", "-3", "9.995", calcVAT(einvoice.VATStandard, "20"))
			inv.Lines[0].Allowances = []einvoice.LineAllowance{{Percentage: calcDecP("10")}}
		}),
		// −3 × 9.995 = −29.985 → −29.99; allowance −29.99 × 10 % = −2.999 → −3.00;
		// −29.99 − (−3.00) = −26.99
		lines: []string{"-26.99"},
		// −26.99 × 20 % = −5.398 → −5.40
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "-26.99", "-5.40", ""}},
		// −26.99 − 5.40 = −32.39
		totals: calcSimple("-26.99", "-5.40", "-32.39"),
	},
	{
		name: "credit note 381 positive amounts",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.TypeCode = einvoice.DocumentTypeCode("381")
			inv.Lines[0] = calcLine("1", "2", "49.95", calcVAT(einvoice.VATStandard, "20"))
		}),
		// 2 × 49.95 = 99.90
		lines: []string{"99.90"},
		// 99.90 × 20 % = 19.98
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "99.90", "19.98", ""}},
		// 99.90 + 19.98 = 119.88
		totals: calcSimple("99.90", "19.98", "119.88"),
	},
	{
		name: "gross price with discount",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Lines[0] = calcLine("1", "4", "0", calcVAT(einvoice.VATStandard, "20"))
			inv.Lines[0].Price.Gross = calcDecP("12.00")
			inv.Lines[0].Price.Discount = calcDecP("1.75")
		}),
		// net 12.00 − 1.75 = 10.25; 4 × 10.25 = 41.00
		lines: []string{"41.00"},
		// 41.00 × 20 % = 8.20
		vat:    []calcWantVAT{{einvoice.VATStandard, "20", "41.00", "8.20", ""}},
		totals: calcSimple("41.00", "8.20", "49.20"),
		check: func(t *testing.T, inv *einvoice.Invoice) {
			if got := inv.Lines[0].Price.Net; !got.Equal(calcDec("10.25")) {
				t.Errorf("net price = %s, want 10.25", got)
			}
		},
	},
	{
		name: "gross price without discount",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Lines[0] = calcLine("1", "3", "0", calcVAT(einvoice.VATStandard, "20"))
			inv.Lines[0].Price.Gross = calcDecP("9.99")
		}),
		// net = gross 9.99; 3 × 9.99 = 29.97
		lines: []string{"29.97"},
		// 29.97 × 20 % = 5.994 → 5.99
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "29.97", "5.99", ""}},
		// 29.97 + 5.99 = 35.96
		totals: calcSimple("29.97", "5.99", "35.96"),
	},
	{
		name: "document allowance by amount",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Allowances = []einvoice.Allowance{{Amount: calcDec("10.00"), VAT: calcVAT(einvoice.VATStandard, "20"), Reason: "Remise"}}
		}),
		lines: []string{"100.00"},
		// 100.00 − 10.00 = 90.00; × 20 % = 18.00
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "90.00", "18.00", ""}},
		// 90.00 + 18.00 = 108.00
		totals: calcWantTotals{lineNet: "100.00", allowances: "10.00", taxExclusive: "90.00", vat: "18.00", taxInclusive: "108.00", due: "108.00"},
	},
	{
		name: "document charge by amount",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Charges = []einvoice.Charge{{Amount: calcDec("15.00"), VAT: calcVAT(einvoice.VATStandard, "20"), Reason: "Transport"}}
		}),
		lines: []string{"100.00"},
		// 100.00 + 15.00 = 115.00; × 20 % = 23.00
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "115.00", "23.00", ""}},
		// 115.00 + 23.00 = 138.00
		totals: calcWantTotals{lineNet: "100.00", charges: "15.00", taxExclusive: "115.00", vat: "23.00", taxInclusive: "138.00", due: "138.00"},
	},
	{
		name: "document allowance by percentage and base",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Lines[0] = calcLine("1", "1", "123.45", calcVAT(einvoice.VATStandard, "20"))
			inv.Allowances = []einvoice.Allowance{{Percentage: calcDecP("2.5"), BaseAmount: calcDecP("123.45"), VAT: calcVAT(einvoice.VATStandard, "20")}}
		}),
		lines: []string{"123.45"},
		// allowance 123.45 × 2.5 % = 3.08625 → 3.09; 123.45 − 3.09 = 120.36;
		// 120.36 × 20 % = 24.072 → 24.07
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "120.36", "24.07", ""}},
		// 120.36 + 24.07 = 144.43
		totals: calcWantTotals{lineNet: "123.45", allowances: "3.09", taxExclusive: "120.36", vat: "24.07", taxInclusive: "144.43", due: "144.43"},
		check: func(t *testing.T, inv *einvoice.Invoice) {
			calcCheckAmount(t, "document allowance amount", "3.09", inv.Allowances[0].Amount)
		},
	},
	{
		name: "document charge by percentage in category Z",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Lines = append(inv.Lines, calcLine("2", "1", "40.00", calcVAT(einvoice.VATZeroRated, "")))
			inv.Charges = []einvoice.Charge{{Percentage: calcDecP("5"), BaseAmount: calcDecP("40.00"), VAT: calcVAT(einvoice.VATZeroRated, "")}}
		}),
		lines: []string{"100.00", "40.00"},
		vat: []calcWantVAT{
			// 100.00 × 20 % = 20.00
			{einvoice.VATStandard, "20", "100.00", "20.00", ""},
			// charge 40.00 × 5 % = 2.00; 40.00 + 2.00 = 42.00
			{einvoice.VATZeroRated, "0", "42.00", "0.00", ""},
		},
		// 100.00 + 40.00 = 140.00; + 2.00 = 142.00; + 20.00 = 162.00
		totals: calcWantTotals{lineNet: "140.00", charges: "2.00", taxExclusive: "142.00", vat: "20.00", taxInclusive: "162.00", due: "162.00"},
		check: func(t *testing.T, inv *einvoice.Invoice) {
			calcCheckAmount(t, "document charge amount", "2.00", inv.Charges[0].Amount)
			if r := inv.Charges[0].VAT.Rate; r == nil || !r.IsZero() {
				t.Errorf("document charge VAT rate of category Z = %v, want 0", r)
			}
		},
	},
	{
		name: "document allowance and charges across categories",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Lines = append(inv.Lines,
				calcLine("2", "1", "50.00", calcVAT(einvoice.VATStandard, "10")),
				calcLine("3", "1", "30.00", calcVAT(einvoice.VATExempt, "")),
			)
			inv.Allowances = []einvoice.Allowance{{Amount: calcDec("5.00"), VAT: calcVAT(einvoice.VATStandard, "10")}}
			inv.Charges = []einvoice.Charge{
				{Amount: calcDec("7.50"), VAT: calcVAT(einvoice.VATStandard, "20")},
				{Amount: calcDec("2.00"), VAT: calcVAT(einvoice.VATNotSubject, "")},
			}
		}),
		lines: []string{"100.00", "50.00", "30.00"},
		vat: []calcWantVAT{
			// 100.00 + 7.50 = 107.50; × 20 % = 21.50
			{einvoice.VATStandard, "20", "107.50", "21.50", ""},
			// 50.00 − 5.00 = 45.00; × 10 % = 4.50
			{einvoice.VATStandard, "10", "45.00", "4.50", ""},
			{einvoice.VATExempt, "0", "30.00", "0.00", ""},
			// only the charge is O: a new entry, after the lines' ones
			{einvoice.VATNotSubject, "", "2.00", "0.00", calcCodeO},
		},
		// lines 100.00 + 50.00 + 30.00 = 180.00; charges 7.50 + 2.00 = 9.50;
		// 180.00 − 5.00 + 9.50 = 184.50; VAT 21.50 + 4.50 = 26.00;
		// 184.50 + 26.00 = 210.50
		totals: calcWantTotals{lineNet: "180.00", allowances: "5.00", charges: "9.50", taxExclusive: "184.50", vat: "26.00", taxInclusive: "210.50", due: "210.50"},
	},
	{
		name: "prepaid amount",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Totals.Paid = calcDecP("50.00")
		}),
		lines: []string{"100.00"},
		vat:   []calcWantVAT{{einvoice.VATStandard, "20", "100.00", "20.00", ""}},
		// 120.00 − 50.00 = 70.00
		totals: calcWantTotals{lineNet: "100.00", taxExclusive: "100.00", vat: "20.00", taxInclusive: "120.00", paid: "50.00", due: "70.00"},
	},
	{
		name: "prepaid and rounding amounts",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Lines[0] = calcLine("1", "3", "9.995", calcVAT(einvoice.VATStandard, "20"))
			inv.Totals.Paid = calcDecP("10.00")
			inv.Totals.Rounding = calcDecP("0.01")
		}),
		// 3 × 9.995 = 29.985 → 29.99
		lines: []string{"29.99"},
		// 29.99 × 20 % = 5.998 → 6.00
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "29.99", "6.00", ""}},
		// 29.99 + 6.00 = 35.99; 35.99 − 10.00 + 0.01 = 26.00
		totals: calcWantTotals{lineNet: "29.99", taxExclusive: "29.99", vat: "6.00", taxInclusive: "35.99", paid: "10.00", rounding: "0.01", due: "26.00"},
	},
	{
		name: "negative rounding amount",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Lines[0] = calcLine("1", "1", "99.99", calcVAT(einvoice.VATStandard, "20"))
			inv.Totals.Rounding = calcDecP("-0.99")
		}),
		lines: []string{"99.99"},
		// 99.99 × 20 % = 19.998 → 20.00
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "99.99", "20.00", ""}},
		// 99.99 + 20.00 = 119.99; 119.99 − 0.99 = 119.00
		totals: calcWantTotals{lineNet: "99.99", taxExclusive: "99.99", vat: "20.00", taxInclusive: "119.99", rounding: "-0.99", due: "119.00"},
	},
	{
		name:  "VAT 10.05 at 5.5",
		build: calcOneLine("3", "3.35", calcVAT(einvoice.VATStandard, "5.5")),
		// 3 × 3.35 = 10.05
		lines: []string{"10.05"},
		// 10.05 × 5.5 % = 0.55275 → 0.55
		vat: []calcWantVAT{{einvoice.VATStandard, "5.5", "10.05", "0.55", ""}},
		// 10.05 + 0.55 = 10.60
		totals: calcSimple("10.05", "0.55", "10.60"),
	},
	{
		name:  "VAT half 2.50 at 5",
		build: calcOneLine("1", "2.50", calcVAT(einvoice.VATStandard, "5")),
		lines: []string{"2.50"},
		// 2.50 × 5 % = 0.125 → 0.13 (half away from zero)
		vat: []calcWantVAT{{einvoice.VATStandard, "5", "2.50", "0.13", ""}},
		// 2.50 + 0.13 = 2.63
		totals: calcSimple("2.50", "0.13", "2.63"),
	},
	{
		name: "VAT negative half −2.50 at 5 (384)",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.TypeCode = einvoice.DocumentTypeCode("384")
			inv.Lines[0] = calcLine("1", "-1", "2.50", calcVAT(einvoice.VATStandard, "5"))
		}),
		lines: []string{"-2.50"},
		// −2.50 × 5 % = −0.125 → −0.13 (half away from zero)
		vat: []calcWantVAT{{einvoice.VATStandard, "5", "-2.50", "-0.13", ""}},
		// −2.50 − 0.13 = −2.63
		totals: calcSimple("-2.50", "-0.13", "-2.63"),
	},
	{
		name: "VAT on the category sum, not per line",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Lines = []einvoice.Line{
				calcLine("1", "1", "1.05", calcVAT(einvoice.VATStandard, "5.5")),
				calcLine("2", "1", "1.05", calcVAT(einvoice.VATStandard, "5.5")),
				calcLine("3", "1", "1.05", calcVAT(einvoice.VATStandard, "5.5")),
			}
		}),
		lines: []string{"1.05", "1.05", "1.05"},
		// per line 1.05 × 5.5 % = 0.05775 → 0.06, 3 × 0.06 = 0.18; but the
		// breakdown takes 1.05 × 3 = 3.15 × 5.5 % = 0.17325 → 0.17
		vat: []calcWantVAT{{einvoice.VATStandard, "5.5", "3.15", "0.17", ""}},
		// 3.15 + 0.17 = 3.32
		totals: calcSimple("3.15", "0.17", "3.32"),
	},
	{
		name: "VAT accounting currency total carried over",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.TaxCurrency = einvoice.CurrencyCode("USD")
			inv.Totals.VATInTaxCurrency = calcDecP("21.64")
		}),
		lines:  []string{"100.00"},
		vat:    []calcWantVAT{{einvoice.VATStandard, "20", "100.00", "20.00", ""}},
		totals: calcSimple("100.00", "20.00", "120.00"),
		check: func(t *testing.T, inv *einvoice.Invoice) {
			if v := inv.Totals.VATInTaxCurrency; v == nil || v.StringFixed(2) != "21.64" {
				t.Errorf("VAT total in accounting currency (BT-111) = %v, want 21.64", v)
			}
		},
	},
	{
		name: "given breakdown amounts are replaced",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.VATBreakdown = []einvoice.VATBreakdown{{Category: einvoice.VATStandard, Rate: calcDecP("20"), TaxableAmount: calcDec("1.00"), TaxAmount: calcDec("0.20")}}
			inv.Totals = einvoice.Totals{LineNet: calcDec("1.00"), TaxExclusive: calcDec("1.00"), TaxInclusive: calcDec("1.20"), Due: calcDec("1.20")}
		}),
		lines:  []string{"100.00"},
		vat:    []calcWantVAT{{einvoice.VATStandard, "20", "100.00", "20.00", ""}},
		totals: calcSimple("100.00", "20.00", "120.00"),
	},
	{
		name: "caller amounts with trailing zeros give 2 decimal figures",
		build: calcWith(func(inv *einvoice.Invoice) {
			// 5.000 has no more than 2 significant decimals: accepted as 5.00
			inv.Lines[0].Allowances = []einvoice.LineAllowance{{Amount: calcDec("5.000")}}
		}),
		// 100.00 − 5.000 = 95.00, printed with 2 decimals (BR-DEC-23)
		lines: []string{"95.00"},
		// 95.00 × 20 % = 19.00
		vat:    []calcWantVAT{{einvoice.VATStandard, "20", "95.00", "19.00", ""}},
		totals: calcSimple("95.00", "19.00", "114.00"),
	},
	{
		name:  "amounts beyond int64 hundredths",
		build: calcOneLine("123456789012345678901", "0.01", calcVAT(einvoice.VATStandard, "20")),
		// 123456789012345678901 × 0.01 = 1234567890123456789.01 (exact; more
		// than 2^63 hundredths)
		lines: []string{"1234567890123456789.01"},
		// × 20 % = 246913578024691357.802 → 246913578024691357.80
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "1234567890123456789.01", "246913578024691357.80", ""}},
		// 1234567890123456789.01 + 246913578024691357.80 = 1481481468148148146.81
		totals: calcSimple("1234567890123456789.01", "246913578024691357.80", "1481481468148148146.81"),
	},
	{
		name:  "price with 19 digits",
		build: calcOneLine("3", "0.1234567890123456789", calcVAT(einvoice.VATStandard, "20")),
		// 3 × 0.1234567890123456789 = 0.3703703670370370367 → 0.37
		lines: []string{"0.37"},
		// 0.37 × 20 % = 0.074 → 0.07
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "0.37", "0.07", ""}},
		// 0.37 + 0.07 = 0.44
		totals: calcSimple("0.37", "0.07", "0.44"),
	},
	{
		name: "sum passing 2^63 hundredths midway",
		build: calcWith(func(inv *einvoice.Invoice) {
			inv.Lines = []einvoice.Line{
				calcLine("1", "1", "1.05", calcVAT(einvoice.VATStandard, "20")),
				calcLine("2", "92233720368547758", "1.00", calcVAT(einvoice.VATStandard, "20")),
			}
		}),
		// 92233720368547758 × 1.00 = 92233720368547758.00: 9223372036854775800
		// hundredths, just under 2^63 − 1 = 9223372036854775807
		lines: []string{"1.05", "92233720368547758.00"},
		// 1.05 + 92233720368547758.00 = 92233720368547759.05 (over 2^63 − 1
		// hundredths); × 20 % = 18446744073709551.810 → 18446744073709551.81
		vat: []calcWantVAT{{einvoice.VATStandard, "20", "92233720368547759.05", "18446744073709551.81", ""}},
		// 92233720368547759.05 + 18446744073709551.81 = 110680464442257310.86
		totals: calcSimple("92233720368547759.05", "18446744073709551.81", "110680464442257310.86"),
	},
}

// calcExact prints d with exactly its own number of decimals.
func calcExact(d decimal.Decimal) string {
	if d.Exponent() < 0 {
		return d.StringFixed(-d.Exponent())
	}
	return d.String()
}

// calcCheckAmount checks a computed amount: its value and exactly 2 decimals.
func calcCheckAmount(t *testing.T, what, want string, got decimal.Decimal) {
	t.Helper()
	if got.StringFixed(2) != want || got.Exponent() != -2 {
		t.Errorf("%s = %s, want %s", what, calcExact(got), want)
	}
}

// calcCheckGiven checks an amount the caller gave, kept as given (by value).
func calcCheckGiven(t *testing.T, what, want string, got *decimal.Decimal) {
	t.Helper()
	switch {
	case want == "" && got != nil:
		t.Errorf("%s = %s, want absent", what, calcExact(*got))
	case want != "" && got == nil:
		t.Errorf("%s absent, want %s", what, want)
	case want != "" && !got.Equal(calcDec(want)):
		t.Errorf("%s = %s, want %s", what, calcExact(*got), want)
	}
}

func calcLineRateIsZero(t *testing.T, inv *einvoice.Invoice) {
	t.Helper()
	if r := inv.Lines[0].VAT.Rate; r == nil || !r.IsZero() {
		t.Errorf("line VAT rate of category %s = %v, want 0", inv.Lines[0].VAT.Category, r)
	}
}

func calcJSON(t *testing.T, inv *einvoice.Invoice) string {
	t.Helper()
	b, err := json.Marshal(inv)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	return string(b)
}

func TestCalcComplete(t *testing.T) {
	if len(calcCases) < 30 {
		t.Fatalf("%d cases, want at least 30", len(calcCases))
	}
	for _, c := range calcCases {
		t.Run(c.name, func(t *testing.T) {
			inv := c.build()
			if err := inv.Complete(); err != nil {
				t.Fatalf("Complete: %v", err)
			}

			if len(inv.Lines) != len(c.lines) {
				t.Fatalf("%d lines, want %d", len(inv.Lines), len(c.lines))
			}
			for i, want := range c.lines {
				calcCheckAmount(t, "line "+inv.Lines[i].ID+" net amount (BT-131)", want, inv.Lines[i].NetAmount)
			}

			if len(inv.VATBreakdown) != len(c.vat) {
				t.Errorf("%d VAT breakdown entries, want %d", len(inv.VATBreakdown), len(c.vat))
			}
			for k := range min(len(inv.VATBreakdown), len(c.vat)) {
				got, want := inv.VATBreakdown[k], c.vat[k]
				if got.Category != want.cat {
					t.Errorf("VAT breakdown %d category = %q, want %q", k, got.Category, want.cat)
				}
				switch {
				case want.rate == "" && got.Rate != nil:
					t.Errorf("VAT breakdown %d rate = %s, want absent", k, calcExact(*got.Rate))
				case want.rate != "" && (got.Rate == nil || !got.Rate.Equal(calcDec(want.rate))):
					t.Errorf("VAT breakdown %d rate = %v, want %s", k, got.Rate, want.rate)
				}
				calcCheckAmount(t, "VAT breakdown taxable amount (BT-116)", want.taxable, got.TaxableAmount)
				calcCheckAmount(t, "VAT breakdown tax amount (BT-117)", want.tax, got.TaxAmount)
				if got.ExemptionReasonCode != want.code {
					t.Errorf("VAT breakdown %d exemption reason code = %q, want %q", k, got.ExemptionReasonCode, want.code)
				}
			}

			tot, w := inv.Totals, c.totals
			calcCheckAmount(t, "BT-106", w.lineNet, tot.LineNet)
			for _, opt := range []struct {
				bt   string
				want string
				got  *decimal.Decimal
			}{{"BT-107", w.allowances, tot.Allowances}, {"BT-108", w.charges, tot.Charges}} {
				switch {
				case opt.want == "" && opt.got != nil:
					t.Errorf("%s = %s, want absent", opt.bt, calcExact(*opt.got))
				case opt.want != "" && opt.got == nil:
					t.Errorf("%s absent, want %s", opt.bt, opt.want)
				case opt.want != "":
					calcCheckAmount(t, opt.bt, opt.want, *opt.got)
				}
			}
			calcCheckAmount(t, "BT-109", w.taxExclusive, tot.TaxExclusive)
			if tot.VAT == nil {
				t.Errorf("BT-110 absent, want %s", w.vat)
			} else {
				calcCheckAmount(t, "BT-110", w.vat, *tot.VAT)
			}
			calcCheckAmount(t, "BT-112", w.taxInclusive, tot.TaxInclusive)
			calcCheckGiven(t, "BT-113", w.paid, tot.Paid)
			calcCheckGiven(t, "BT-114", w.rounding, tot.Rounding)
			calcCheckAmount(t, "BT-115", w.due, tot.Due)

			if c.check != nil {
				c.check(t, inv)
			}

			// Complete is idempotent.
			first := calcJSON(t, inv)
			if err := inv.Complete(); err != nil {
				t.Fatalf("second Complete: %v", err)
			}
			if second := calcJSON(t, inv); second != first {
				t.Errorf("second Complete changed the invoice:\nfirst:  %s\nsecond: %s", first, second)
			}
		})
	}
}

func TestCalcCompleteErrors(t *testing.T) {
	cases := []struct {
		name  string
		build func() *einvoice.Invoice
		paths []string
	}{
		{
			name:  "line without VAT category",
			build: calcWith(func(inv *einvoice.Invoice) { inv.Lines[0].VAT = einvoice.VAT{} }),
			paths: []string{"Lines[0].VAT.Category"},
		},
		{
			name:  "S without rate",
			build: calcWith(func(inv *einvoice.Invoice) { inv.Lines[0].VAT.Rate = nil }),
			paths: []string{"Lines[0].VAT.Rate"},
		},
		{
			name:  "S with rate 0",
			build: calcWith(func(inv *einvoice.Invoice) { inv.Lines[0].VAT.Rate = calcDecP("0") }),
			paths: []string{"Lines[0].VAT.Rate"},
		},
		{
			name:  "L without rate",
			build: calcWith(func(inv *einvoice.Invoice) { inv.Lines[0].VAT = calcVAT(einvoice.VATCanaryIslands, "") }),
			paths: []string{"Lines[0].VAT.Rate"},
		},
		{
			name:  "O with a rate",
			build: calcWith(func(inv *einvoice.Invoice) { inv.Lines[0].VAT = calcVAT(einvoice.VATNotSubject, "0") }),
			paths: []string{"Lines[0].VAT.Rate"},
		},
		{
			name:  "Z with rate 5",
			build: calcWith(func(inv *einvoice.Invoice) { inv.Lines[0].VAT = calcVAT(einvoice.VATZeroRated, "5") }),
			paths: []string{"Lines[0].VAT.Rate"},
		},
		{
			name:  "unknown category X",
			build: calcWith(func(inv *einvoice.Invoice) { inv.Lines[0].VAT = calcVAT(einvoice.VATCategory("X"), "20") }),
			paths: []string{"Lines[0].VAT.Category"},
		},
		{
			name:  "base quantity 0",
			build: calcWith(func(inv *einvoice.Invoice) { inv.Lines[0].Price.BaseQuantity = calcDecP("0") }),
			paths: []string{"Lines[0].Price.BaseQuantity"},
		},
		{
			name:  "negative base quantity",
			build: calcWith(func(inv *einvoice.Invoice) { inv.Lines[0].Price.BaseQuantity = calcDecP("-1") }),
			paths: []string{"Lines[0].Price.BaseQuantity"},
		},
		{
			name: "document allowance percentage without base or amount",
			build: calcWith(func(inv *einvoice.Invoice) {
				inv.Allowances = []einvoice.Allowance{{Percentage: calcDecP("5"), VAT: calcVAT(einvoice.VATStandard, "20")}}
			}),
			paths: []string{"Allowances[0].BaseAmount"},
		},
		{
			name: "document allowance amount with 3 decimals",
			build: calcWith(func(inv *einvoice.Invoice) {
				inv.Allowances = []einvoice.Allowance{{Amount: calcDec("1.005"), VAT: calcVAT(einvoice.VATStandard, "20")}}
			}),
			paths: []string{"Allowances[0].Amount"},
		},
		{
			name: "line allowance amount with 3 decimals",
			build: calcWith(func(inv *einvoice.Invoice) {
				inv.Lines[0].Allowances = []einvoice.LineAllowance{{Amount: calcDec("0.125")}}
			}),
			paths: []string{"Lines[0].Allowances[0].Amount"},
		},
		{
			name: "line charge base amount with 3 decimals",
			build: calcWith(func(inv *einvoice.Invoice) {
				inv.Lines[0].Charges = []einvoice.LineCharge{{Percentage: calcDecP("10"), BaseAmount: calcDecP("10.005")}}
			}),
			paths: []string{"Lines[0].Charges[0].BaseAmount"},
		},
		{
			name: "document charge with negative L rate",
			build: calcWith(func(inv *einvoice.Invoice) {
				inv.Charges = []einvoice.Charge{{Amount: calcDec("1.00"), VAT: calcVAT(einvoice.VATCanaryIslands, "-7")}}
			}),
			paths: []string{"Charges[0].VAT.Rate"},
		},
		{
			name:  "paid amount with 3 decimals",
			build: calcWith(func(inv *einvoice.Invoice) { inv.Totals.Paid = calcDecP("10.001") }),
			paths: []string{"Totals.Paid"},
		},
		{
			name:  "rounding amount with 3 decimals",
			build: calcWith(func(inv *einvoice.Invoice) { inv.Totals.Rounding = calcDecP("0.005") }),
			paths: []string{"Totals.Rounding"},
		},
		{
			name:  "missing currency",
			build: calcWith(func(inv *einvoice.Invoice) { inv.Currency = "" }),
			paths: []string{"Currency"},
		},
		{
			name:  "VAT accounting currency without its VAT total",
			build: calcWith(func(inv *einvoice.Invoice) { inv.TaxCurrency = einvoice.CurrencyCode("USD") }),
			paths: []string{"Totals.VATInTaxCurrency"},
		},
		{
			name: "exemption reason for a category no line uses",
			build: calcWith(func(inv *einvoice.Invoice) {
				inv.VATBreakdown = []einvoice.VATBreakdown{{Category: einvoice.VATExempt, Rate: calcDecP("0"), ExemptionReason: "Exonération"}}
			}),
			paths: []string{"VATBreakdown[0].ExemptionReason"},
		},
		{
			name: "breakdown and totals errors together",
			build: calcWith(func(inv *einvoice.Invoice) {
				inv.VATBreakdown = []einvoice.VATBreakdown{{Category: einvoice.VATExempt, ExemptionReason: "Exonération"}}
				inv.Totals.Paid = calcDecP("1.001")
			}),
			paths: []string{"VATBreakdown[0].ExemptionReason", "Totals.Paid"},
		},
		{
			name: "several errors in invoice order",
			build: calcWith(func(inv *einvoice.Invoice) {
				inv.Lines = append(inv.Lines, calcLine("2", "1", "5.00", calcVAT(einvoice.VATStandard, "")))
				inv.Lines[0].VAT = einvoice.VAT{}
				inv.Charges = []einvoice.Charge{{Amount: calcDec("1.00"), VAT: calcVAT(einvoice.VATCategory("X"), "")}}
				inv.Currency = ""
			}),
			paths: []string{"Lines[0].VAT.Category", "Lines[1].VAT.Rate", "Charges[0].VAT.Category", "Currency"},
		},
	}
	if len(cases) < 8 {
		t.Fatalf("%d cases, want at least 8", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			inv := c.build()
			before := calcJSON(t, inv)
			err := inv.Complete()
			var list einvoice.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Complete = %v (%T), want an einvoice.ErrorList", err, err)
			}
			var paths []string
			for _, e := range list {
				paths = append(paths, e.Path)
			}
			if !slices.Equal(paths, c.paths) {
				t.Errorf("error paths = %q, want %q\n%v", paths, c.paths, err)
			}
			if after := calcJSON(t, inv); after != before {
				t.Errorf("failed Complete changed the invoice:\nbefore: %s\nafter:  %s", before, after)
			}
		})
	}
}

func TestCalcCompleteExemptionReasons(t *testing.T) {
	t.Run("given reasons kept, defaults for AE K G O", func(t *testing.T) {
		inv := calcBase()
		inv.Lines = []einvoice.Line{
			calcLine("1", "1", "100.00", calcVAT(einvoice.VATExempt, "")),
			calcLine("2", "1", "50.00", calcVAT(einvoice.VATReverseCharge, "")),
			calcLine("3", "1", "40.00", calcVAT(einvoice.VATIntraCommunity, "")),
			calcLine("4", "1", "30.00", calcVAT(einvoice.VATExport, "")),
			calcLine("5", "1", "20.00", calcVAT(einvoice.VATNotSubject, "")),
			calcLine("6", "1", "10.00", calcVAT(einvoice.VATStandard, "20")),
		}
		inv.VATBreakdown = []einvoice.VATBreakdown{
			// not matching any order: matched by category and rate
			{Category: einvoice.VATReverseCharge, Rate: calcDecP("0"), ExemptionReason: "Autoliquidation"},
			{Category: einvoice.VATExempt, Rate: calcDecP("0.00"), ExemptionReason: "Exonération de TVA, article 261 du CGI", ExemptionReasonCode: einvoice.VATEXCode("VATEX-EU-132")},
			// no reason: nothing to keep, not an error
			{Category: einvoice.VATStandard, Rate: calcDecP("20")},
		}
		if err := inv.Complete(); err != nil {
			t.Fatalf("Complete: %v", err)
		}
		want := []struct {
			cat    einvoice.VATCategory
			reason string
			code   einvoice.VATEXCode
		}{
			{einvoice.VATExempt, "Exonération de TVA, article 261 du CGI", einvoice.VATEXCode("VATEX-EU-132")},
			// a given text and no code: the default code is not added
			{einvoice.VATReverseCharge, "Autoliquidation", ""},
			{einvoice.VATIntraCommunity, "", calcCodeIC},
			{einvoice.VATExport, "", calcCodeG},
			{einvoice.VATNotSubject, "", calcCodeO},
			{einvoice.VATStandard, "", ""},
		}
		if len(inv.VATBreakdown) != len(want) {
			t.Fatalf("%d VAT breakdown entries, want %d", len(inv.VATBreakdown), len(want))
		}
		for k, w := range want {
			b := inv.VATBreakdown[k]
			if b.Category != w.cat || b.ExemptionReason != w.reason || b.ExemptionReasonCode != w.code {
				t.Errorf("VAT breakdown %d = %s %q %q, want %s %q %q", k, b.Category, b.ExemptionReason, b.ExemptionReasonCode, w.cat, w.reason, w.code)
			}
		}
	})
	t.Run("defaults without any given breakdown", func(t *testing.T) {
		for _, c := range []struct {
			cat  einvoice.VATCategory
			code einvoice.VATEXCode
		}{
			{einvoice.VATReverseCharge, calcCodeAE},
			{einvoice.VATIntraCommunity, calcCodeIC},
			{einvoice.VATExport, calcCodeG},
			{einvoice.VATNotSubject, calcCodeO},
			{einvoice.VATExempt, ""},
			{einvoice.VATZeroRated, ""},
		} {
			inv := calcBase()
			inv.Lines[0].VAT = calcVAT(c.cat, "")
			if err := inv.Complete(); err != nil {
				t.Fatalf("%s: Complete: %v", c.cat, err)
			}
			b := inv.VATBreakdown[0]
			if b.ExemptionReasonCode != c.code || b.ExemptionReason != "" {
				t.Errorf("%s: exemption reason %q code %q, want no text and code %q", c.cat, b.ExemptionReason, b.ExemptionReasonCode, c.code)
			}
		}
	})
}

func TestCalcCompleteFailureKeepsSlices(t *testing.T) {
	build := func() *einvoice.Invoice {
		inv := calcBase()
		// Spare capacity, so that an append in place would be seen.
		inv.Lines = make([]einvoice.Line, 0, 4)
		inv.Lines = append(inv.Lines,
			calcLine("1", "4", "0", calcVAT(einvoice.VATStandard, "20")),
			calcLine("2", "1", "40.00", calcVAT(einvoice.VATZeroRated, "")),
		)
		inv.Lines[0].Price.Gross = calcDecP("12.00")
		inv.Lines[0].Price.Discount = calcDecP("2.00")
		inv.Lines[0].Allowances = make([]einvoice.LineAllowance, 1, 4)
		inv.Lines[0].Allowances[0] = einvoice.LineAllowance{Percentage: calcDecP("10")}
		inv.Allowances = make([]einvoice.Allowance, 1, 4)
		inv.Allowances[0] = einvoice.Allowance{Percentage: calcDecP("5"), BaseAmount: calcDecP("100.00"), VAT: calcVAT(einvoice.VATStandard, "20")}
		inv.Charges = make([]einvoice.Charge, 1, 4)
		inv.Charges[0] = einvoice.Charge{Percentage: calcDecP("1"), BaseAmount: calcDecP("40.00"), VAT: calcVAT(einvoice.VATZeroRated, "")}
		inv.VATBreakdown = make([]einvoice.VATBreakdown, 0, 4)
		return inv
	}
	for _, c := range []struct {
		name  string
		spoil func(inv *einvoice.Invoice)
	}{
		// fails while completing the lines
		{"line error", func(inv *einvoice.Invoice) { inv.Lines[1].VAT.Category = "" }},
		// fails after the lines, allowances and charges are computed
		{"totals error", func(inv *einvoice.Invoice) { inv.Currency = "" }},
		// fails while computing the breakdown
		{"breakdown error", func(inv *einvoice.Invoice) {
			inv.VATBreakdown = append(inv.VATBreakdown, einvoice.VATBreakdown{Category: einvoice.VATExport, Rate: calcDecP("0"), ExemptionReason: "Export"})
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			inv := build()
			c.spoil(inv)
			before := calcJSON(t, inv)
			lines, lineAllowances := inv.Lines[:cap(inv.Lines)], inv.Lines[0].Allowances[:cap(inv.Lines[0].Allowances)]
			allowances, charges := inv.Allowances[:cap(inv.Allowances)], inv.Charges[:cap(inv.Charges)]
			breakdown := inv.VATBreakdown[:cap(inv.VATBreakdown)]
			snapshot := func() string {
				b, err := json.Marshal([]any{lines, lineAllowances, allowances, charges, breakdown})
				if err != nil {
					t.Fatal(err)
				}
				return string(b)
			}
			arrays := snapshot()

			if err := inv.Complete(); err == nil {
				t.Fatal("Complete succeeded, want an error")
			}
			if after := calcJSON(t, inv); after != before {
				t.Errorf("failed Complete changed the invoice:\nbefore: %s\nafter:  %s", before, after)
			}
			if got := snapshot(); got != arrays {
				t.Errorf("failed Complete changed the backing arrays:\nbefore: %s\nafter:  %s", arrays, got)
			}
			if &inv.Lines[0] != &lines[0] || &inv.Allowances[0] != &allowances[0] || &inv.Charges[0] != &charges[0] {
				t.Error("failed Complete replaced the caller's slices")
			}
			if !lines[0].Price.Net.IsZero() || !lines[0].NetAmount.IsZero() || lines[1].VAT.Rate != nil ||
				!lineAllowances[0].Amount.IsZero() || lineAllowances[0].BaseAmount != nil ||
				!allowances[0].Amount.IsZero() || !charges[0].Amount.IsZero() || charges[0].VAT.Rate != nil {
				t.Error("failed Complete filled in figures of the caller's slices")
			}
			for i, l := range lines[2:] {
				if !reflect.DeepEqual(l, einvoice.Line{}) {
					t.Errorf("spare line %d written: %+v", i+2, l)
				}
			}
		})
	}
}

func TestCalcRoundAmount(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"0.125", "0.13"},   // half away from zero
		{"-0.125", "-0.13"}, // half away from zero, negative
		{"0.135", "0.14"},   // not half to even (0.14 either way)
		{"0.145", "0.15"},   // half to even would give 0.14
		{"-0.145", "-0.15"}, // half to even would give -0.14
		{"2.675", "2.68"},   // 2.67 with binary floating point
		{"1.005", "1.01"},   // 1.00 with binary floating point
		{"0.9999", "1.00"},
		{"0.124999", "0.12"},
		{"-0.004", "0.00"}, // −0.004 → −0.00, which is 0.00
		{"5", "5.00"},
		{"12.3", "12.30"},
	} {
		calcCheckAmount(t, "RoundAmount("+c.in+")", c.want, einvoice.RoundAmount(calcDec(c.in)))
	}
}

func TestCalcLineNet(t *testing.T) {
	l := calcLine("1", "250", "12.50", calcVAT(einvoice.VATStandard, "20"))
	l.Price.BaseQuantity = calcDecP("100")
	// Amounts as given: the percentage is not applied to a zero amount.
	l.Allowances = []einvoice.LineAllowance{{Amount: calcDec("1.25")}, {Percentage: calcDecP("50")}}
	l.Charges = []einvoice.LineCharge{{Amount: calcDec("0.50")}}
	got, err := einvoice.CalculateLineNet(&l)
	if err != nil {
		t.Fatalf("CalculateLineNet: %v", err)
	}
	// 250 × 12.50 ÷ 100 = 31.25; 31.25 − 1.25 − 0 + 0.50 = 30.50
	calcCheckAmount(t, "CalculateLineNet", "30.50", got)

	l.Price.BaseQuantity = calcDecP("0")
	if _, err := einvoice.CalculateLineNet(&l); err == nil {
		t.Error("CalculateLineNet with base quantity 0 succeeded, want an error")
	}
}

// An exemption reason given without a rate matches the 0 rate that the
// category implies.
func TestCalcCompleteExemptionWithoutRate(t *testing.T) {
	inv := calcBase()
	inv.Lines = append(inv.Lines, calcLine("2", "1", "10.00", calcVAT(einvoice.VATExempt, "")))
	inv.VATBreakdown = []einvoice.VATBreakdown{{Category: einvoice.VATExempt, ExemptionReason: "Exonération, article 261 du CGI"}}
	if err := inv.Complete(); err != nil {
		t.Fatal(err)
	}
	if len(inv.VATBreakdown) != 2 || inv.VATBreakdown[1].ExemptionReason != "Exonération, article 261 du CGI" {
		t.Fatalf("reason not kept: %+v", inv.VATBreakdown)
	}
}

// TestCalcJSONRoundTrip: every completed test invoice goes through the JSON
// form and back unchanged.
func TestCalcJSONRoundTrip(t *testing.T) {
	for _, c := range calcCases {
		inv := c.build()
		if err := inv.Complete(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		data, err := json.Marshal(inv)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		back, err := einvoice.DecodeJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if d := modeltest.Diff(*inv, *back); d != nil {
			t.Errorf("%s: JSON round trip differs:\n%s", c.name, strings.Join(d, "\n"))
		}
	}
}

// TestCompleteFailureLeavesInvoice: an invoice whose lines complete but
// whose VAT breakdown cannot (an exemption reason for a category nothing
// uses) is left exactly as it was, lines included.
func TestCompleteFailureLeavesInvoice(t *testing.T) {
	inv := minimalInvoice()
	inv.Lines[0].Price = einvoice.Price{Gross: new(dec("12.00")), Discount: new(dec("2.00"))}
	inv.Lines[0].Allowances = []einvoice.LineAllowance{{Percentage: new(dec("10")), Reason: "Remise"}}
	inv.Allowances = []einvoice.Allowance{{BaseAmount: new(dec("10.00")), Percentage: new(dec("5")), Reason: "Remise", VAT: einvoice.VAT{Category: einvoice.VATStandard, Rate: new(dec("20"))}}}
	inv.VATBreakdown = []einvoice.VATBreakdown{{Category: einvoice.VATExempt, ExemptionReason: "Article 261"}}
	before := inv
	before.Lines = slices.Clone(inv.Lines)
	before.Allowances = slices.Clone(inv.Allowances)
	if err := inv.Complete(); err == nil {
		t.Fatal("Complete succeeded")
	}
	if d := modeltest.Diff(before, inv); d != nil {
		t.Errorf("a failed Complete changed the invoice:\n%s", strings.Join(d, "\n"))
	}
	// A failure on a line, after others were completed, with more lines
	// than Complete keeps aside on its stack.
	many := minimalInvoice()
	for i := range 20 {
		l := inv.Lines[0]
		l.ID = strconv.Itoa(i + 1)
		l.Allowances = slices.Clone(l.Allowances)
		if i == 18 {
			l.VAT.Category = ""
		}
		many.Lines = append(many.Lines[:i], l)
	}
	beforeMany := many
	beforeMany.Lines = slices.Clone(many.Lines)
	if err := many.Complete(); err == nil || !strings.Contains(err.Error(), "Lines[18]") {
		t.Fatalf("Complete with a line without VAT category: %v", err)
	}
	if d := modeltest.Diff(beforeMany, many); d != nil {
		t.Errorf("a failed Complete changed the invoice of 20 lines:\n%s", strings.Join(d, "\n"))
	}
	inv.VATBreakdown = nil
	if err := inv.Complete(); err != nil {
		t.Fatal(err)
	}
	if l := inv.Lines[0]; !l.Price.Net.Equal(dec("10")) || l.Allowances[0].Amount.IsZero() || l.NetAmount.IsZero() {
		t.Errorf("completed line: net price %s, allowance %s, net %s", l.Price.Net, l.Allowances[0].Amount, l.NetAmount)
	}
}
