package cii_test

import (
	"bytes"
	"github.com/einvoice-go/einvoice/internal/fixtures"
	"io"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
)

// benchInvoice is the invoice of the benchmarks, shared by cii and ubl:
// n lines over 3 VAT rates, one document level allowance, payment by SEPA
// credit transfer; completed.
func benchInvoice(n int) *einvoice.Invoice { return fixtures.Bench(n) }

func benchmarkEncode(b *testing.B, n int) {
	inv := benchInvoice(n)
	b.ReportAllocs()
	for b.Loop() {
		if err := cii.Encode(io.Discard, inv); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncode10(b *testing.B)    { benchmarkEncode(b, 10) }
func BenchmarkEncode1000(b *testing.B)  { benchmarkEncode(b, 1000) }
func BenchmarkEncode10000(b *testing.B) { benchmarkEncode(b, 10000) }

// The decoding benchmarks read what the encoding ones write.
func benchmarkDecodeEncoded(b *testing.B, n int) {
	var buf bytes.Buffer
	if err := cii.Encode(&buf, benchInvoice(n)); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cii.Decode(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeEncoded10(b *testing.B)    { benchmarkDecodeEncoded(b, 10) }
func BenchmarkDecodeEncoded1000(b *testing.B)  { benchmarkDecodeEncoded(b, 1000) }
func BenchmarkDecodeEncoded10000(b *testing.B) { benchmarkDecodeEncoded(b, 10000) }

// The decoding benchmarks with the syntax rules: CEN (CII-SR, CII-DT), and
// CEN plus the EN 16931 profile's structural rules.
func benchmarkDecodeRules(b *testing.B, n int, dec cii.Decoder) {
	var buf bytes.Buffer
	if err := cii.Encode(&buf, benchInvoice(n)); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		doc, err := dec.Decode(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		for _, is := range doc.Issues {
			if is.Fatal {
				b.Fatalf("a fatal issue on a valid invoice: %v", is)
			}
		}
	}
}

func BenchmarkDecodeSyntaxRules10(b *testing.B) {
	benchmarkDecodeRules(b, 10, cii.Decoder{SyntaxRules: true})
}

func BenchmarkDecodeSyntaxRules1000(b *testing.B) {
	benchmarkDecodeRules(b, 1000, cii.Decoder{SyntaxRules: true})
}

func BenchmarkDecodeAllRules10(b *testing.B) {
	benchmarkDecodeRules(b, 10, cii.Decoder{SyntaxRules: true, ProfileRules: true, RulesProfile: cii.EN16931})
}

func BenchmarkDecodeAllRules1000(b *testing.B) {
	benchmarkDecodeRules(b, 1000, cii.Decoder{SyntaxRules: true, ProfileRules: true, RulesProfile: cii.EN16931})
}
