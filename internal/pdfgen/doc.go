// Package pdfgen writes small PDF 1.7 documents: pages of text, lines and
// rectangles, with TrueType fonts embedded as Type0 / Identity-H fonts
// (CIDFontType2, CIDToGIDMap /Identity, /W from the program's advance
// widths, a ToUnicode CMap, a subset of the program in FontFile2, no
// CIDSet), so that the output is ready to be made PDF/A.
//
// The writer is deterministic: the same drawing calls give the same bytes.
// It uses a classic cross-reference table, puts a binary comment after the
// header and compresses every stream with Flate at the fastest level, which
// on invoices comes within a few percent of the default level's size.
package pdfgen

import (
	"bytes"
	"compress/flate"
	"crypto/md5"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"hash/adler32"
	"hash/fnv"
	"io"
	"strconv"
	"unicode/utf16"
)

// A4 page size in points.
const (
	A4Width  = 595.28
	A4Height = 841.89
)

// Doc is a PDF document being drawn. The zero value is not usable; call
// New.
type Doc struct {
	pages []*Page
	fonts []*docFont
}

// docFont is a font as a document uses it: its resource name and the
// glyphs drawn, with the rune each stands for.
type docFont struct {
	font *Font
	res  string // resource name, "F1"
	used []bool // by glyph index
	uni  []rune // by glyph index: the first rune drawn with the glyph
}

// New returns an empty document.
func New() *Doc { return &Doc{} }

// Page is a page of a Doc. Coordinates are PDF's: points, from the page's
// bottom left corner, y upwards.
type Page struct {
	doc     *Doc
	w, h    float64
	content []byte
}

// NewPage appends a page of w by h points.
func (d *Doc) NewPage(w, h float64) *Page {
	p := &Page{doc: d, w: w, h: h, content: make([]byte, 0, 4096)}
	d.pages = append(d.pages, p)
	return p
}

// Pages returns the number of pages.
func (d *Doc) Pages() int { return len(d.pages) }

// PageAt returns page i, counted from 0, to draw more on it.
func (d *Doc) PageAt(i int) *Page { return d.pages[i] }

func (d *Doc) font(f *Font) *docFont {
	for _, df := range d.fonts {
		if df.font == f {
			return df
		}
	}
	df := &docFont{
		font: f,
		res:  "F" + strconv.Itoa(len(d.fonts)+1),
		used: make([]bool, f.numGlyphs),
		uni:  make([]rune, f.numGlyphs),
	}
	d.fonts = append(d.fonts, df)
	return df
}

// Color is a colour in DeviceGray or DeviceRGB, components from 0 to 1.
type Color struct {
	r, g, b float64
	rgb     bool
}

// Gray returns a DeviceGray colour: 0 is black, 1 white.
func Gray(g float64) Color { return Color{r: g, g: g, b: g} }

// RGB returns a DeviceRGB colour.
func RGB(r, g, b float64) Color { return Color{r: r, g: g, b: b, rgb: true} }

// Black is Gray(0).
var Black = Gray(0)

// GlyphError reports a rune that a font has no glyph for.
type GlyphError struct {
	Rune rune
	Text string
	Font string
}

func (e *GlyphError) Error() string {
	return fmt.Sprintf("pdfgen: font %s has no glyph for %U %q in %q", e.Font, e.Rune, e.Rune, e.Text)
}

func (p *Page) num(v float64) {
	p.content = appendNum(p.content, v)
	p.content = append(p.content, ' ')
}

// appendNum appends v with at most 3 decimals, without trailing zeros.
func appendNum(b []byte, v float64) []byte {
	if v > -0.0005 && v < 0.0005 {
		return append(b, '0')
	}
	start := len(b)
	b = strconv.AppendFloat(b, v, 'f', 3, 64)
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	if string(b[start:]) == "-0" {
		b = append(b[:start], '0')
	}
	return b
}

func (p *Page) color(c Color, stroke bool) {
	if c.rgb {
		p.num(c.r)
		p.num(c.g)
		p.num(c.b)
		if stroke {
			p.content = append(p.content, "RG\n"...)
		} else {
			p.content = append(p.content, "rg\n"...)
		}
		return
	}
	p.num(c.r)
	if stroke {
		p.content = append(p.content, "G\n"...)
	} else {
		p.content = append(p.content, "g\n"...)
	}
}

// Text draws s with its baseline starting at (x, y), in font f at size
// points, in colour c. It returns a *GlyphError, and draws nothing, when
// the font has no glyph for a rune of s.
func (p *Page) Text(x, y float64, f *Font, size float64, c Color, s string) error {
	if r, missing := f.Missing(s); missing {
		return &GlyphError{Rune: r, Text: s, Font: f.name}
	}
	if s == "" {
		return nil
	}
	df := p.doc.font(f)
	p.color(c, false)
	p.content = append(p.content, "BT /"...)
	p.content = append(p.content, df.res...)
	p.content = append(p.content, ' ')
	p.num(size)
	p.content = append(p.content, "Tf "...)
	p.num(x)
	p.num(y)
	p.content = append(p.content, "Td <"...)
	for _, r := range s {
		g, _ := f.Glyph(r)
		if !df.used[g] {
			df.used[g] = true
			df.uni[g] = r
		}
		p.content = append(p.content, hexDigits[g>>12], hexDigits[g>>8&15], hexDigits[g>>4&15], hexDigits[g&15])
	}
	p.content = append(p.content, "> Tj ET\n"...)
	return nil
}

const hexDigits = "0123456789ABCDEF"

// FillRect fills the rectangle with corner (x, y), width w and height h.
func (p *Page) FillRect(x, y, w, h float64, c Color) {
	p.color(c, false)
	p.num(x)
	p.num(y)
	p.num(w)
	p.num(h)
	p.content = append(p.content, "re f\n"...)
}

// StrokeRect strokes the outline of a rectangle with a line width lw.
func (p *Page) StrokeRect(x, y, w, h, lw float64, c Color) {
	p.color(c, true)
	p.num(lw)
	p.content = append(p.content, "w "...)
	p.num(x)
	p.num(y)
	p.num(w)
	p.num(h)
	p.content = append(p.content, "re S\n"...)
}

// Line strokes a line from (x1, y1) to (x2, y2) with a line width lw.
func (p *Page) Line(x1, y1, x2, y2, lw float64, c Color) {
	p.color(c, true)
	p.num(lw)
	p.content = append(p.content, "w "...)
	p.num(x1)
	p.num(y1)
	p.content = append(p.content, "m "...)
	p.num(x2)
	p.num(y2)
	p.content = append(p.content, "l S\n"...)
}

// Info is the document information dictionary. Empty entries are left
// out.
type Info struct {
	Title, Author, Subject, Keywords, Creator, Producer string
}

// objWriter writes numbered objects and remembers their offsets.
type objWriter struct {
	buf     bytes.Buffer
	offsets []int // by object number - 1
	zbuf    bytes.Buffer
	fw      *flate.Writer
	adler   hash.Hash32
}

func (o *objWriter) begin(n int) {
	for len(o.offsets) < n {
		o.offsets = append(o.offsets, 0)
	}
	o.offsets[n-1] = o.buf.Len()
	fmt.Fprintf(&o.buf, "%d 0 obj\n", n)
}

func (o *objWriter) end() { o.buf.WriteString("\nendobj\n") }

// dict writes object n as the dictionary body (without << >>).
func (o *objWriter) dict(n int, body string) {
	o.begin(n)
	o.buf.WriteString("<<")
	o.buf.WriteString(body)
	o.buf.WriteString(">>")
	o.end()
}

// part is a piece of a stream's data: raw to be compressed, or already
// compressed as deflate blocks ended by a sync flush.
type part struct {
	raw, deflated []byte
}

// stream writes object n as a Flate stream of the parts' data with the
// extra dictionary entries extra. The zlib framing is written here, so that
// parts compressed once (a font's unchanging tables) are copied as they
// are: a deflate stream may be made of independently compressed runs of
// blocks.
func (o *objWriter) stream(n int, extra string, parts ...part) error {
	o.zbuf.Reset()
	o.zbuf.Write([]byte{0x78, 0x01}) // deflate, 32K window, fastest
	o.adler.Reset()
	last := len(parts) - 1
	for i, p := range parts {
		o.adler.Write(p.raw)
		if p.deflated != nil {
			o.zbuf.Write(p.deflated)
			if i == last {
				// End the stream with an empty final block.
				o.fw.Reset(&o.zbuf)
				if err := o.fw.Close(); err != nil {
					return err
				}
			}
			continue
		}
		o.fw.Reset(&o.zbuf)
		if _, err := o.fw.Write(p.raw); err != nil {
			return err
		}
		var err error
		if i == last {
			err = o.fw.Close()
		} else {
			err = o.fw.Flush()
		}
		if err != nil {
			return err
		}
	}
	var sum [4]byte
	binary.BigEndian.PutUint32(sum[:], o.adler.Sum32())
	o.zbuf.Write(sum[:])

	o.begin(n)
	fmt.Fprintf(&o.buf, "<</Length %d /Filter /FlateDecode%s>>\nstream\n", o.zbuf.Len(), extra)
	o.buf.Write(o.zbuf.Bytes())
	o.buf.WriteString("\nendstream")
	o.end()
	return nil
}

// Write writes the document to w. Fonts are embedded as subsets of the
// glyphs drawn.
func (d *Doc) Write(w io.Writer, info Info) error {
	if len(d.pages) == 0 {
		return fmt.Errorf("pdfgen: a document needs a page")
	}
	o := &objWriter{adler: adler32.New()}
	fw, err := flate.NewWriter(&o.zbuf, flate.BestSpeed)
	if err != nil {
		return fmt.Errorf("pdfgen: %w", err)
	}
	o.fw = fw
	// %PDF-1.7, then a comment of bytes above 127 so that tools take the
	// file for binary (PDF/A 6.1.2).
	o.buf.WriteString("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")

	const catalog, pagesObj, resources = 1, 2, 3
	firstPage := 4
	firstFont := firstPage + 2*len(d.pages)
	infoObj := firstFont + 5*len(d.fonts)

	o.dict(catalog, "/Type /Catalog /Pages 2 0 R")
	var kids bytes.Buffer
	for i := range d.pages {
		fmt.Fprintf(&kids, "%d 0 R ", firstPage+2*i)
	}
	o.dict(pagesObj, fmt.Sprintf("/Type /Pages /Kids [%s] /Count %d", bytes.TrimSpace(kids.Bytes()), len(d.pages)))
	var res bytes.Buffer
	res.WriteString("/Font <<")
	for i, df := range d.fonts {
		fmt.Fprintf(&res, "/%s %d 0 R ", df.res, firstFont+5*i)
	}
	res.WriteString(">>")
	o.dict(resources, res.String())
	for i, p := range d.pages {
		n := firstPage + 2*i
		box := string(appendNum(append(appendNum([]byte("0 0 "), p.w), ' '), p.h))
		o.dict(n, fmt.Sprintf("/Type /Page /Parent 2 0 R /MediaBox [%s] /Resources 3 0 R /Contents %d 0 R", box, n+1))
		if err := o.stream(n+1, "", part{raw: p.content}); err != nil {
			return fmt.Errorf("pdfgen: %w", err)
		}
	}
	for i, df := range d.fonts {
		if err := df.write(o, firstFont+5*i); err != nil {
			return err
		}
	}
	var ib bytes.Buffer
	for _, e := range []struct{ key, val string }{
		{"Title", info.Title}, {"Author", info.Author}, {"Subject", info.Subject},
		{"Keywords", info.Keywords}, {"Creator", info.Creator}, {"Producer", info.Producer},
	} {
		if e.val != "" {
			fmt.Fprintf(&ib, "/%s %s ", e.key, textString(e.val))
		}
	}
	o.dict(infoObj, string(bytes.TrimSpace(ib.Bytes())))

	// The file identifier: a digest of the body, so that it is
	// deterministic.
	sum := md5.Sum(o.buf.Bytes())
	id := hex.EncodeToString(sum[:])
	xref := o.buf.Len()
	fmt.Fprintf(&o.buf, "xref\n0 %d\n0000000000 65535 f\r\n", len(o.offsets)+1)
	for _, off := range o.offsets {
		fmt.Fprintf(&o.buf, "%010d 00000 n\r\n", off)
	}
	fmt.Fprintf(&o.buf, "trailer\n<</Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>]>>\nstartxref\n%d\n%%%%EOF\n",
		len(o.offsets)+1, catalog, infoObj, id, id, xref)
	_, err = w.Write(o.buf.Bytes())
	return err
}

// write writes the five objects of a font from object n: the Type0 font,
// its CIDFontType2 descendant, the font descriptor, the font program and
// the ToUnicode CMap.
func (df *docFont) write(o *objWriter, n int) error {
	f := df.font
	name := subsetTag(f.name, df.used) + "+" + f.name
	o.dict(n, fmt.Sprintf("/Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R",
		name, n+1, n+4))

	var wb bytes.Buffer
	for g := 0; g < len(df.used); {
		if !df.used[g] {
			g++
			continue
		}
		fmt.Fprintf(&wb, "%d [", g)
		for first := true; g < len(df.used) && df.used[g]; g++ {
			if !first {
				wb.WriteByte(' ')
			}
			first = false
			wb.WriteString(strconv.Itoa(f.widths[g]))
		}
		wb.WriteString("] ")
	}
	o.dict(n+1, fmt.Sprintf("/Type /Font /Subtype /CIDFontType2 /BaseFont /%s "+
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> "+
		"/FontDescriptor %d 0 R /DW %d /W [%s] /CIDToGIDMap /Identity",
		name, n+2, f.widths[0], bytes.TrimSpace(wb.Bytes())))

	stemV := 80
	if f.bold {
		stemV = 140
	}
	flags := 32 // nonsymbolic
	if f.italicAngle != 0 {
		flags |= 64
	}
	o.dict(n+2, fmt.Sprintf("/Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] "+
		"/ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV %d /FontFile2 %d 0 R",
		name, flags, f.bbox[0], f.bbox[1], f.bbox[2], f.bbox[3], appendNum(nil, f.italicAngle),
		f.ascent, f.descent, f.capHeight, stemV, n+3))

	dir, dynamic := f.subsetPieces(df.used)
	length1 := len(dir) + len(f.static.data) + len(dynamic)
	if err := o.stream(n+3, " /Length1 "+strconv.Itoa(length1),
		part{raw: dir}, part{raw: f.static.data, deflated: f.static.deflated}, part{raw: dynamic}); err != nil {
		return fmt.Errorf("pdfgen: %w", err)
	}
	if err := o.stream(n+4, "", part{raw: toUnicode(df)}); err != nil {
		return fmt.Errorf("pdfgen: %w", err)
	}
	return nil
}

// subsetTag returns the six capital letters that name a subset, derived
// from the font's name and the glyphs kept.
func subsetTag(name string, used []bool) string {
	h := fnv.New64a()
	h.Write([]byte(name))
	var b [2]byte
	for g, u := range used {
		if u {
			b[0], b[1] = byte(g>>8), byte(g)
			h.Write(b[:])
		}
	}
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + byte(v%26)
		v /= 26
	}
	return string(tag)
}

// toUnicode returns the ToUnicode CMap of the glyphs drawn.
func toUnicode(df *docFont) []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	var gids []int
	for g, u := range df.used {
		if u && g != 0 {
			gids = append(gids, g)
		}
	}
	for len(gids) > 0 {
		n := min(len(gids), 100)
		fmt.Fprintf(&b, "%d beginbfchar\n", n)
		for _, g := range gids[:n] {
			fmt.Fprintf(&b, "<%04X> <", g)
			for _, u := range utf16.Encode([]rune{df.uni[g]}) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
		gids = gids[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}

// textString returns s as a PDF text string: a literal string when s is
// printable ASCII, UTF-16BE with a byte order mark otherwise.
func textString(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7E {
			ascii = false
			break
		}
	}
	if ascii {
		var b bytes.Buffer
		b.WriteByte('(')
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '(' || c == ')' || c == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(s[i])
		}
		b.WriteByte(')')
		return b.String()
	}
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteByte('>')
	return b.String()
}
