package pdfgen

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// Font is a TrueType font program ready to be drawn with and embedded. It
// is immutable once loaded, and safe for concurrent use by several
// documents.
type Font struct {
	name       string // the PostScript name, without a subset tag
	program    []byte // the TrueType program as given
	sf         *sfnt.Font
	unitsPerEm int
	numGlyphs  int
	// widths are the advance widths in thousandths of an em, rounded half
	// up: what the /W array says, and what Width measures with.
	widths []int
	// low maps the runes below len(low) to their glyph, 0 for none.
	low []uint16

	tables  []tableEntry // the table directory, in file order
	static  staticPart
	head    []byte
	glyf    []byte
	loca    []uint32 // numGlyphs+1 offsets into glyf
	longFmt bool     // head.indexToLocFormat == 1
	// components lists the glyphs a composite glyph refers to, nil for a
	// simple one.
	components [][]uint16

	// Font descriptor figures, in thousandths of an em.
	bbox                       [4]int
	ascent, descent, capHeight int
	italicAngle                float64
	bold                       bool
}

type tableEntry struct {
	tag  string
	data []byte
}

// lowRunes is the size of the direct rune-to-glyph table: Latin, Greek,
// Cyrillic and the general punctuation (’, –, …, €) fall below it.
const lowRunes = 0x2200

// Name returns the font's PostScript name, such as "GoRegular".
func (f *Font) Name() string { return f.name }

// Glyph returns the glyph index of r, and false when the font has no glyph
// for it.
func (f *Font) Glyph(r rune) (uint16, bool) {
	if r >= 0 && int(r) < len(f.low) {
		g := f.low[r]
		return g, g != 0
	}
	g, err := f.sf.GlyphIndex(nil, r)
	if err != nil || g == 0 || int(g) >= f.numGlyphs {
		return 0, false
	}
	return uint16(g), true
}

// Missing returns the first rune of s that the font has no glyph for, and
// false when there is none. Drawing treats no rune specially: a tab or a
// newline has no glyph in most fonts.
func (f *Font) Missing(s string) (rune, bool) {
	for _, r := range s {
		if _, ok := f.Glyph(r); !ok {
			return r, true
		}
	}
	return 0, false
}

// GlyphWidth returns the advance width of glyph g in thousandths of an em,
// as the /W array gives it.
func (f *Font) GlyphWidth(g uint16) int {
	if int(g) < len(f.widths) {
		return f.widths[g]
	}
	return 0
}

// Width returns the width of s drawn at size points, from the same advance
// widths as the font dictionary's /W array (no kerning). Runes without a
// glyph count for nothing.
func (f *Font) Width(s string, size float64) float64 {
	w := 0
	for _, r := range s {
		if g, ok := f.Glyph(r); ok {
			w += f.widths[g]
		}
	}
	return float64(w) * size / 1000
}

// Ascent and Descent return the font's ascender and descender (negative) at
// size points.
func (f *Font) Ascent(size float64) float64 { return float64(f.ascent) * size / 1000 }

// Descent returns the font's descender at size points, a negative number.
func (f *Font) Descent(size float64) float64 { return float64(f.descent) * size / 1000 }

// CapHeight returns the height of the capital letters at size points.
func (f *Font) CapHeight(size float64) float64 { return float64(f.capHeight) * size / 1000 }

var (
	goRegularOnce, goBoldOnce sync.Once
	goRegular, goBold         *Font
)

// GoRegular returns the Go Regular font, parsed once.
func GoRegular() *Font {
	goRegularOnce.Do(func() {
		f, err := ParseTrueType("GoRegular", goregular.TTF)
		if err != nil {
			panic("pdfgen: the bundled Go Regular font does not parse: " + err.Error())
		}
		goRegular = f
	})
	return goRegular
}

// GoBold returns the Go Bold font, parsed once.
func GoBold() *Font {
	goBoldOnce.Do(func() {
		f, err := ParseTrueType("GoBold", gobold.TTF)
		if err != nil {
			panic("pdfgen: the bundled Go Bold font does not parse: " + err.Error())
		}
		f.bold = true
		goBold = f
	})
	return goBold
}

// ParseTrueType parses a TrueType program (glyf outlines, not CFF) for
// drawing and embedding under the PostScript name name.
func ParseTrueType(name string, program []byte) (*Font, error) {
	sf, err := sfnt.Parse(program)
	if err != nil {
		return nil, fmt.Errorf("pdfgen: font %s: %w", name, err)
	}
	f := &Font{name: name, program: program, sf: sf}
	if err := f.parseTables(); err != nil {
		return nil, fmt.Errorf("pdfgen: font %s: %w", name, err)
	}
	if f.numGlyphs != sf.NumGlyphs() {
		return nil, fmt.Errorf("pdfgen: font %s: maxp gives %d glyphs, sfnt %d", name, f.numGlyphs, sf.NumGlyphs())
	}
	var buf sfnt.Buffer
	f.low = make([]uint16, lowRunes)
	for r := rune(0x20); r < lowRunes; r++ {
		g, err := sf.GlyphIndex(&buf, r)
		if err == nil && int(g) < f.numGlyphs {
			f.low[r] = uint16(g)
		}
	}
	return f, nil
}

var errShort = errors.New("truncated table")

func u16(b []byte, off int) (int, error) {
	if off < 0 || off+2 > len(b) {
		return 0, errShort
	}
	return int(binary.BigEndian.Uint16(b[off:])), nil
}

func i16(b []byte, off int) (int, error) {
	v, err := u16(b, off)
	return int(int16(uint16(v))), err
}

// parseTables reads the table directory and the tables embedding and
// measuring need: head, hhea, maxp, hmtx, loca, glyf, OS/2 and post.
func (f *Font) parseTables() error {
	p := f.program
	if len(p) < 12 {
		return errShort
	}
	switch v := binary.BigEndian.Uint32(p); v {
	case 0x00010000, 0x74727565: // 1.0, 'true'
	default:
		return fmt.Errorf("not a TrueType program with glyf outlines (version %#x)", v)
	}
	n := int(binary.BigEndian.Uint16(p[4:]))
	if 12+16*n > len(p) {
		return errShort
	}
	byTag := map[string][]byte{}
	for i := 0; i < n; i++ {
		e := p[12+16*i:]
		tag := string(e[:4])
		off, length := binary.BigEndian.Uint32(e[8:]), binary.BigEndian.Uint32(e[12:])
		if uint64(off)+uint64(length) > uint64(len(p)) {
			return fmt.Errorf("table %q out of bounds", tag)
		}
		data := p[off : off+length]
		f.tables = append(f.tables, tableEntry{tag, data})
		byTag[tag] = data
	}
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf"} {
		if byTag[t] == nil {
			return fmt.Errorf("no %s table", t)
		}
	}
	head := byTag["head"]
	if len(head) < 54 {
		return errShort
	}
	f.head = head
	f.unitsPerEm, _ = u16(head, 18)
	if f.unitsPerEm < 16 {
		return fmt.Errorf("unitsPerEm %d", f.unitsPerEm)
	}
	for i := range f.bbox {
		v, _ := i16(head, 36+2*i)
		f.bbox[i] = f.scale(v)
	}
	locFmt, _ := i16(head, 50)
	f.longFmt = locFmt == 1

	maxp := byTag["maxp"]
	nGlyphs, err := u16(maxp, 4)
	if err != nil {
		return err
	}
	f.numGlyphs = nGlyphs

	hhea := byTag["hhea"]
	asc, err1 := i16(hhea, 4)
	desc, err2 := i16(hhea, 6)
	nMetrics, err3 := u16(hhea, 34)
	if err := errors.Join(err1, err2, err3); err != nil {
		return err
	}
	f.ascent, f.descent = f.scale(asc), f.scale(desc)
	f.capHeight = f.ascent
	if os2 := byTag["OS/2"]; len(os2) >= 90 {
		if v, _ := u16(os2, 0); v >= 2 {
			ch, _ := i16(os2, 88)
			f.capHeight = f.scale(ch)
		}
	}
	if post := byTag["post"]; len(post) >= 8 {
		whole, _ := i16(post, 4)
		frac, _ := u16(post, 6)
		f.italicAngle = float64(whole) + float64(frac)/65536
	}

	// Advance widths as veraPDF reads them: glyphs past numberOfHMetrics
	// take the last advance.
	hmtx := byTag["hmtx"]
	if nMetrics < 1 || 4*nMetrics > len(hmtx) {
		return fmt.Errorf("hmtx holds fewer than %d metrics", nMetrics)
	}
	f.widths = make([]int, nGlyphs)
	last := 0
	for g := 0; g < nGlyphs; g++ {
		if g < nMetrics {
			last, _ = u16(hmtx, 4*g)
		}
		f.widths[g] = f.scale(last)
	}

	// loca and glyf.
	loca, glyf := byTag["loca"], byTag["glyf"]
	f.glyf = glyf
	f.loca = make([]uint32, nGlyphs+1)
	for g := 0; g <= nGlyphs; g++ {
		var off uint32
		if f.longFmt {
			if 4*g+4 > len(loca) {
				return errShort
			}
			off = binary.BigEndian.Uint32(loca[4*g:])
		} else {
			v, err := u16(loca, 2*g)
			if err != nil {
				return err
			}
			off = uint32(v) * 2
		}
		if off > uint32(len(glyf)) || (g > 0 && off < f.loca[g-1]) {
			return fmt.Errorf("loca entry %d out of order or bounds", g)
		}
		f.loca[g] = off
	}
	f.components = make([][]uint16, nGlyphs)
	for g := 0; g < nGlyphs; g++ {
		comps, err := compositeComponents(glyf[f.loca[g]:f.loca[g+1]])
		if err != nil {
			return fmt.Errorf("glyph %d: %w", g, err)
		}
		for _, c := range comps {
			if int(c) >= nGlyphs {
				return fmt.Errorf("glyph %d refers to glyph %d of %d", g, c, nGlyphs)
			}
		}
		f.components[g] = comps
	}
	return f.buildStatic()
}

// scale converts font units to thousandths of an em, rounded half away
// from zero, in integers: the same figure as veraPDF's w*1000/unitsPerEm
// within half a unit.
func (f *Font) scale(v int) int {
	n := v * 1000
	if n >= 0 {
		return (n + f.unitsPerEm/2) / f.unitsPerEm
	}
	return -((-n + f.unitsPerEm/2) / f.unitsPerEm)
}

// Composite glyph flags (OpenType glyf table).
const (
	argsAreWords  = 0x0001
	haveScale     = 0x0008
	moreComps     = 0x0020
	haveXYScale   = 0x0040
	haveTwoByTwo  = 0x0080
	maxComponents = 1024
)

// compositeComponents returns the glyph indices a composite glyph
// description refers to, nil for a simple or empty glyph.
func compositeComponents(g []byte) ([]uint16, error) {
	if len(g) < 10 {
		return nil, nil // empty glyph
	}
	nc, _ := i16(g, 0)
	if nc >= 0 {
		return nil, nil
	}
	var out []uint16
	off := 10
	for {
		flags, err1 := u16(g, off)
		idx, err2 := u16(g, off+2)
		if err := errors.Join(err1, err2); err != nil {
			return nil, err
		}
		out = append(out, uint16(idx))
		off += 4
		if flags&argsAreWords != 0 {
			off += 4
		} else {
			off += 2
		}
		switch {
		case flags&haveScale != 0:
			off += 2
		case flags&haveXYScale != 0:
			off += 4
		case flags&haveTwoByTwo != 0:
			off += 8
		}
		if off > len(g) {
			return nil, errShort
		}
		if flags&moreComps == 0 || len(out) > maxComponents {
			return out, nil
		}
	}
}
