package pdfgen

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice/internal/conformance"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

func sample(t testing.TB) []byte {
	t.Helper()
	d := New()
	p := d.NewPage(A4Width, A4Height)
	reg, bold := GoRegular(), GoBold()
	must(t, p.Text(50, 800, bold, 18, Black, "FACTURE FA-2026-001"))
	must(t, p.Text(50, 780, reg, 10, Gray(0.3), "Hôtel du Parc — 1 234,56 € « très » ²"))
	p.FillRect(50, 700, 200, 20, Gray(0.9))
	p.StrokeRect(50, 650, 200, 20, 0.5, RGB(0.1, 0.2, 0.4))
	p.Line(50, 640, 250, 640, 1, Black)
	p2 := d.NewPage(A4Width, A4Height)
	must(t, p2.Text(50, 800, reg, 10, Black, "Page 2/2"))
	var buf bytes.Buffer
	must(t, d.Write(&buf, Info{Title: "Facture FA-2026-001", Producer: "pdfgen (test)"}))
	return buf.Bytes()
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestWidthsMatchProgram(t *testing.T) {
	for _, f := range []*Font{GoRegular(), GoBold()} {
		var b sfnt.Buffer
		upem := f.sf.UnitsPerEm()
		for g := 0; g < f.numGlyphs; g++ {
			adv, err := f.sf.GlyphAdvance(&b, sfnt.GlyphIndex(g), fixed.Int26_6(upem), 0)
			if err != nil {
				t.Fatal(err)
			}
			// At a ppem of upem/64 pixels, the 26.6 advance is in font units.
			want := float64(adv) * 1000 / float64(upem)
			if d := float64(f.widths[g]) - want; d > 0.5 || d < -0.5 {
				t.Errorf("%s glyph %d: width %d, program %.2f", f.name, g, f.widths[g], want)
			}
		}
	}
}

func TestGlyphLookup(t *testing.T) {
	f := GoRegular()
	for _, r := range "Aé€«²’–…" {
		if _, ok := f.Glyph(r); !ok {
			t.Errorf("no glyph for %q", r)
		}
	}
	for _, r := range []rune{'中', '😀', 0x202F, '\t', '\n', 0} {
		if _, ok := f.Glyph(r); ok {
			t.Errorf("glyph for %U", r)
		}
	}
	if r, ok := f.Missing("Société 中"); !ok || r != '中' {
		t.Errorf("Missing = %q, %v", r, ok)
	}
	if w, a := f.Width("AAA", 10), f.Width("A", 10); w-3*a > 1e-9 || 3*a-w > 1e-9 || w <= 0 {
		t.Errorf("Width = %v", w)
	}
}

func TestTextGlyphError(t *testing.T) {
	d := New()
	p := d.NewPage(A4Width, A4Height)
	err := p.Text(10, 10, GoRegular(), 10, Black, "Tokyo 東京")
	var ge *GlyphError
	if !errors.As(err, &ge) || ge.Rune != '東' {
		t.Fatalf("err = %v", err)
	}
	if len(p.content) != 0 {
		t.Errorf("drew %q", p.content)
	}
}

func TestSubset(t *testing.T) {
	f := GoRegular()
	keep := make([]bool, f.numGlyphs)
	for _, r := range "Hello, world 0123456789 é ü € Å" {
		g, _ := f.Glyph(r)
		keep[g] = true
	}
	prog := f.subset(keep)
	if len(prog) >= len(goregular.TTF)/2 {
		t.Errorf("subset is %d bytes of %d", len(prog), len(goregular.TTF))
	}
	sub, err := ParseTrueType("Sub", prog)
	if err != nil {
		t.Fatal(err)
	}
	if sub.numGlyphs != f.numGlyphs {
		t.Fatalf("subset has %d glyphs, want %d", sub.numGlyphs, f.numGlyphs)
	}
	var b sfnt.Buffer
	for g := 0; g < f.numGlyphs; g++ {
		if sub.widths[g] != f.widths[g] {
			t.Fatalf("glyph %d width %d, want %d", g, sub.widths[g], f.widths[g])
		}
		segs, err := sub.sf.LoadGlyph(&b, sfnt.GlyphIndex(g), fixed.I(100), nil)
		if err != nil {
			t.Fatalf("glyph %d: %v", g, err)
		}
		orig, _ := f.sf.LoadGlyph(&b, sfnt.GlyphIndex(g), fixed.I(100), nil)
		kept := keep[g] || g == 0
		if kept && len(segs) != len(orig) {
			t.Errorf("glyph %d: %d segments, want %d", g, len(segs), len(orig))
		}
		if !kept && len(segs) != 0 && len(f.components[g]) == 0 && !isComponent(f, keep, g) {
			t.Errorf("glyph %d not used but kept", g)
		}
	}
	// The table checksums hold, and the whole sums to 0xB1B0AFBA.
	if s := checksum(prog); s != 0xB1B0AFBA {
		t.Errorf("program checksum %#x", s)
	}
}

func isComponent(f *Font, keep []bool, g int) bool {
	for h, k := range keep {
		if !k {
			continue
		}
		for _, c := range f.components[h] {
			if int(c) == g {
				return true
			}
		}
	}
	return false
}

func TestCompositeComponents(t *testing.T) {
	// A composite glyph: header (numberOfContours -1, bbox), then two
	// components: glyph 7 with byte offsets, glyph 300 with word offsets
	// and a 2x2 matrix.
	g := []byte{0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0,
		0x00, 0x20, 0x00, 0x07, 1, 2, // MORE_COMPONENTS, args as bytes
		0x00, 0x81, 0x01, 0x2C, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0} // words, 2x2
	comps, err := compositeComponents(g)
	if err != nil || len(comps) != 2 || comps[0] != 7 || comps[1] != 300 {
		t.Fatalf("components %v, %v", comps, err)
	}
	if _, err := compositeComponents(g[:20]); err == nil {
		t.Error("a truncated composite glyph parses")
	}
}

func TestSubsetKeepsComponents(t *testing.T) {
	// Go Regular has no composite glyphs: pretend that glyph A is made of
	// B, itself made of C, and check that a subset of A keeps B and C.
	f := *GoRegular()
	a, _ := f.Glyph('A')
	b, _ := f.Glyph('B')
	c, _ := f.Glyph('C')
	f.components = append([][]uint16(nil), f.components...)
	f.components[a] = []uint16{b}
	f.components[b] = []uint16{c}
	keep := make([]bool, f.numGlyphs)
	keep[a] = true
	sub, err := ParseTrueType("Sub", f.subset(keep))
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	for _, g := range []uint16{a, b, c} {
		if segs, err := sub.sf.LoadGlyph(&buf, sfnt.GlyphIndex(g), fixed.I(100), nil); err != nil || len(segs) == 0 {
			t.Errorf("glyph %d: %d segments, %v", g, len(segs), err)
		}
	}
	d, _ := f.Glyph('D')
	if segs, _ := sub.sf.LoadGlyph(&buf, sfnt.GlyphIndex(d), fixed.I(100), nil); len(segs) != 0 {
		t.Errorf("glyph D kept")
	}
}

var objRE = regexp.MustCompile(`(?m)^(\d+) 0 obj\n`)

func TestStructure(t *testing.T) {
	pdf := sample(t)
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.7\n%")) || pdf[10] < 128 || pdf[11] < 128 || pdf[12] < 128 || pdf[13] < 128 {
		t.Errorf("header %q", pdf[:16])
	}
	if !bytes.HasSuffix(pdf, []byte("%%EOF\n")) {
		t.Error("no end-of-file marker at the end")
	}
	// Every xref offset points at its object.
	i := bytes.LastIndex(pdf, []byte("startxref\n"))
	xref, _ := strconv.Atoi(strings.Fields(string(pdf[i+10:]))[0])
	lines := strings.Split(string(pdf[xref:]), "\n")
	n, _ := strconv.Atoi(strings.Fields(lines[1])[1])
	for k := 1; k < n; k++ {
		off, _ := strconv.Atoi(lines[2+k][:10])
		if !bytes.HasPrefix(pdf[off:], []byte(strconv.Itoa(k)+" 0 obj\n")) {
			t.Errorf("xref entry %d: offset %d does not start object %d", k, off, k)
		}
	}
	if got := len(objRE.FindAll(pdf, -1)); got != n-1 {
		t.Errorf("%d objects, xref has %d", got, n-1)
	}
	for _, want := range []string{"/Subtype /CIDFontType2", "/CIDToGIDMap /Identity", "/Encoding /Identity-H",
		"/ToUnicode", "/FontFile2", "+GoRegular", "+GoBold", "/ID [<"} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("no %s", want)
		}
	}
	if bytes.Contains(pdf, []byte("/CIDSet")) {
		t.Error("a CIDSet is written")
	}
	if len(pdf) > 40000 {
		t.Errorf("%d bytes: the fonts are not subset", len(pdf))
	}
	t.Logf("%d bytes", len(pdf))
}

func TestDeterministic(t *testing.T) {
	if !bytes.Equal(sample(t), sample(t)) {
		t.Error("two writes differ")
	}
}

func TestToUnicode(t *testing.T) {
	pdf := sample(t)
	// Inflate every stream and look for the ToUnicode entries of é and €.
	var all bytes.Buffer
	for _, m := range regexp.MustCompile(`(?s)stream\n(.*?)\nendstream`).FindAllSubmatch(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	f := GoRegular()
	for _, r := range "ôè€«²—" {
		g, _ := f.Glyph(r)
		want := fmt.Sprintf("<%04X> <%04X>", g, r)
		if !strings.Contains(all.String(), want) {
			t.Errorf("ToUnicode lacks %s", want)
		}
	}
}

// TestTools runs qpdf, pdffonts and pdftotext on the sample; they must be
// installed under EINVOICE_CONFORMANCE=1.
func TestTools(t *testing.T) {
	pdf := sample(t)
	path := filepath.Join(t.TempDir(), "sample.pdf")
	must(t, os.WriteFile(path, pdf, 0o644))
	ran := 0
	if _, err := exec.LookPath("qpdf"); err == nil {
		ran++
		if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}
	if _, err := exec.LookPath("pdffonts"); err == nil {
		ran++
		out, err := exec.Command("pdffonts", path).CombinedOutput()
		if err != nil {
			t.Fatalf("pdffonts: %v\n%s", err, out)
		}
		rows := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
		if len(rows) != 2 {
			t.Errorf("pdffonts lists %d fonts:\n%s", len(rows), out)
		}
		for _, row := range rows {
			f := strings.Fields(row)
			// name type(2 words) encoding emb sub uni object ID
			if len(f) < 9 || f[4] != "yes" || f[5] != "yes" || f[6] != "yes" {
				t.Errorf("pdffonts: not embedded, subset and with ToUnicode: %s", row)
			}
		}
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		ran++
		out, err := exec.Command("pdftotext", "-layout", path, "-").CombinedOutput()
		if err != nil {
			t.Fatalf("pdftotext: %v\n%s", err, out)
		}
		for _, want := range []string{"FACTURE FA-2026-001", "Hôtel du Parc — 1 234,56 € « très » ²", "Page 2/2"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("pdftotext lacks %q:\n%s", want, out)
			}
		}
	}
	if ran < 3 {
		msg := "qpdf, pdffonts or pdftotext is not installed (apt: qpdf poppler-utils)"
		if conformance.Required() {
			t.Fatal("EINVOICE_CONFORMANCE=1 but " + msg)
		}
		t.Skip(msg)
	}
}

// TestFontStream inflates the embedded programs, made of pieces compressed
// apart, and parses them.
func TestFontStream(t *testing.T) {
	pdf := sample(t)
	ms := regexp.MustCompile(`(?s)/Length1 (\d+)>>\nstream\n(.*?)\nendstream`).FindAllSubmatch(pdf, -1)
	if len(ms) != 2 {
		t.Fatalf("%d font programs", len(ms))
	}
	for _, m := range ms {
		r, err := zlib.NewReader(bytes.NewReader(m[2]))
		if err != nil {
			t.Fatal(err)
		}
		prog, err := io.ReadAll(r) // checks the Adler-32 too
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := strconv.Atoi(string(m[1])); n != len(prog) {
			t.Errorf("Length1 %d, program %d bytes", n, len(prog))
		}
		if s := checksum(prog); s != 0xB1B0AFBA {
			t.Errorf("program checksum %#x", s)
		}
		f, err := ParseTrueType("X", prog)
		if err != nil {
			t.Fatal(err)
		}
		if f.numGlyphs != GoRegular().numGlyphs {
			t.Errorf("%d glyphs", f.numGlyphs)
		}
		var b sfnt.Buffer
		g, _ := f.Glyph('2') // drawn in both fonts
		if segs, err := f.sf.LoadGlyph(&b, sfnt.GlyphIndex(g), fixed.I(100), nil); err != nil || len(segs) == 0 {
			t.Errorf("glyph 2: %d segments, %v", len(segs), err)
		}
	}
}
