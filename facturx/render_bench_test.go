package facturx

import (
	"bytes"
	"testing"

	"github.com/einvoice-go/einvoice/internal/fixtures"
)

// BenchmarkRender draws the 10-line benchmark invoice, PDF/A step included.
func BenchmarkRender(b *testing.B) {
	inv := fixtures.Bench(10)
	o := renderOpts()
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, inv, o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/pdf")
}

// BenchmarkRenderRaw draws the same invoice without the PDF/A step: the
// part of Render this package's drawing code is responsible for.
func BenchmarkRenderRaw(b *testing.B) {
	inv := fixtures.Bench(10)
	o := renderOpts()
	var n int
	b.ReportAllocs()
	for b.Loop() {
		raw, err := renderPDF(inv, o)
		if err != nil {
			b.Fatal(err)
		}
		n = len(raw)
	}
	b.ReportMetric(float64(n), "bytes/pdf")
}
