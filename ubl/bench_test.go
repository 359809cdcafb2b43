package ubl_test

import (
	"github.com/einvoice-go/einvoice/internal/fixtures"
	"io"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/ubl"
)

// benchInvoice is the invoice of the benchmarks, shared by cii and ubl:
// n lines over 3 VAT rates, one document level allowance, payment by SEPA
// credit transfer; completed.
func benchInvoice(n int) *einvoice.Invoice { return fixtures.Bench(n) }

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
