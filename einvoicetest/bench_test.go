package einvoicetest_test

import (
	"testing"

	"github.com/einvoice-go/einvoice/einvoicetest"
)

// BenchmarkInvoice generates a 10-line invoice of the default options.
func BenchmarkInvoice(b *testing.B) {
	opt := einvoicetest.Options{MinLines: 10, MaxLines: 10}
	b.ReportAllocs()
	seed := uint64(0)
	for b.Loop() {
		seed++
		if inv := einvoicetest.Invoice(seed, opt); len(inv.Lines) != 10 {
			b.Fatalf("%d lines", len(inv.Lines))
		}
	}
}
