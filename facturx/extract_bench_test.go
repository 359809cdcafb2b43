package facturx

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/internal/fixtures"
	"github.com/einvoice-go/einvoice/internal/pdfscan/pdftest"
)

// benchPDF is a one-page Factur-X PDF of about 15 KB: the benchmark invoice
// as factur-x.xml, the XMP, and a page whose content stream and font
// program take the rest.
func benchPDF(b *testing.B) []byte {
	xml := testXML(b)
	p := fxBuilder(xml, true)
	rng := rand.New(rand.NewPCG(3, 4))
	var content bytes.Buffer
	for i := 0; content.Len() < 12000; i++ {
		fmt.Fprintf(&content, "BT /F1 9 Tf %d %d Td (Ligne %d %x) Tj ET\n", 40+rng.IntN(400), 800-i*11%760, i, rng.Uint64())
	}
	font := make([]byte, 6000)
	for i := range font {
		font[i] = byte(rng.IntN(256))
	}
	p.Set(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 8 0 R /Resources << /Font << /F1 9 0 R >> >> >>")
	p.Set(8, pdftest.Stream("/Filter /FlateDecode", pdftest.Deflate(content.Bytes())))
	p.Set(9, "<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Roboto /FirstChar 32 /LastChar 126 /FontDescriptor 10 0 R >>")
	p.Set(10, "<< /Type /FontDescriptor /FontName /ABCDEF+Roboto /Flags 32 /FontBBox [0 0 1000 1000] /FontFile2 11 0 R >>")
	p.Set(11, pdftest.Stream(fmt.Sprintf("/Length1 %d", len(font)), font))
	return p.Bytes()
}

// BenchmarkExtract: go test ./facturx -run XXX -bench Extract -benchmem
func BenchmarkExtract(b *testing.B) {
	files := map[string][]byte{"15KB": benchPDF(b), "embed-output": embedOutput(b)}
	// The smallest and the largest corpus file, when the corpus is there.
	for name, rel := range map[string]string{
		"corpus-84KB":  "ZUGFeRDv2/correct/symtrax/Beispiele/EN16931/zugferd_2p1_EN16931_2_Teilrechnung.pdf",
		"corpus-400KB": "ZUGFeRDv2/correct/intarsys/EN16931/zugferd_2p0_EN16931_Betriebskostenabrechnung.pdf",
	} {
		if data, err := os.ReadFile(filepath.Join(corpusDir(), filepath.FromSlash(rel))); err == nil {
			files[name] = data
		}
	}
	for _, name := range []string{"embed-output", "15KB", "corpus-84KB", "corpus-400KB"} {
		data, ok := files[name]
		if !ok {
			continue
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Extract(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// embedOutput is what BenchmarkEmbed writes: the 10-line benchmark invoice
// embedded into the one-page 13 KB Ghostscript PDF.
func embedOutput(b *testing.B) []byte {
	var x, out bytes.Buffer
	if err := cii.Encode(&x, fixtures.Bench(10)); err != nil {
		b.Fatal(err)
	}
	pdf := embTestdata(b, "testdata", "input", "ghostscript-pdfa3.pdf")
	if err := Embed(&out, pdf, x.Bytes(), &Options{Time: embTime}); err != nil {
		b.Fatal(err)
	}
	return out.Bytes()
}
