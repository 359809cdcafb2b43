package facturx

import (
	"bytes"
	"io"
	"testing"

	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/internal/fixtures"
)

// BenchmarkEmbed embeds a 10-line EN 16931 invoice into a one-page,
// 13 KB PDF (Ghostscript's PDF/A-3 of a PostScript invoice).
func BenchmarkEmbed(b *testing.B) {
	var x bytes.Buffer
	if err := cii.Encode(&x, fixtures.Bench(10)); err != nil {
		b.Fatal(err)
	}
	pdf := embTestdata(b, "testdata", "input", "ghostscript-pdfa3.pdf")
	o := &Options{Time: embTime}
	b.SetBytes(int64(len(pdf) + x.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if err := Embed(io.Discard, pdf, x.Bytes(), o); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCreate draws, encodes and wraps the 10-line benchmark invoice:
// go test ./facturx -run XXX -bench Create -benchmem
func BenchmarkCreate(b *testing.B) {
	inv := fixtures.Bench(10)
	o := &Options{Time: embTime}
	b.ReportAllocs()
	for b.Loop() {
		if err := Create(io.Discard, inv, o); err != nil {
			b.Fatal(err)
		}
	}
}
