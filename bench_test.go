package einvoice_test

import (
	"strconv"
	"testing"

	"github.com/einvoice-go/einvoice"
)

// benchInvoice returns an invoice of n lines over three VAT rates, with a
// line allowance every fourth line and a document level charge.
func benchInvoice(n int) einvoice.Invoice {
	inv := minimalInvoice()
	rates := []string{"20", "10", "5.5"}
	inv.Lines = make([]einvoice.Line, n)
	for i := range inv.Lines {
		l := einvoice.Line{
			ID: strconv.Itoa(i + 1), Quantity: dec(strconv.Itoa(i%7+1) + ".5"), Unit: einvoice.UnitC62,
			Price: einvoice.Price{Net: dec("12.3456")},
			VAT:   einvoice.VAT{Category: einvoice.VATStandard, Rate: decp(rates[i%3])},
			Item:  einvoice.Item{Name: "Article " + strconv.Itoa(i)},
		}
		if i%4 == 0 {
			l.Allowances = []einvoice.LineAllowance{{Amount: dec("1.00")}}
		}
		inv.Lines[i] = l
	}
	inv.Charges = []einvoice.Charge{{Amount: dec("15.00"), VAT: einvoice.VAT{Category: einvoice.VATStandard, Rate: decp("20")}}}
	return inv
}

func benchmarkComplete(b *testing.B, n int) {
	inv := benchInvoice(n)
	b.ReportAllocs()
	for b.Loop() {
		if err := inv.Complete(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkComplete10(b *testing.B)   { benchmarkComplete(b, 10) }
func BenchmarkComplete100(b *testing.B)  { benchmarkComplete(b, 100) }
func BenchmarkComplete1000(b *testing.B) { benchmarkComplete(b, 1000) }
