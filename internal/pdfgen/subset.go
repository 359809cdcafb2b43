package pdfgen

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"sort"
)

// The font program of a subset is written in three pieces: the table
// directory, the tables that do not change with the glyphs drawn
// (compressed once per font, see staticPart), and head, loca and glyf. The
// directory lists the tables by tag, as TrueType requires; their data may
// come in any order.

// staticPart holds the unchanging tables of a font program, laid out for
// a subset: every table but head, loca and glyf (and DSIG, whose signature
// a subset breaks), post in version 3 (no glyph names), each 4-byte
// aligned; with their raw deflate compression, ended by a sync flush so
// that more deflate blocks may follow.
type staticPart struct {
	tables   []tableEntry // in tag order
	offsets  []int        // of each table within data
	data     []byte
	deflated []byte
	sum      uint32 // the sum of the tables' checksums
}

func (f *Font) buildStatic() error {
	st := &f.static
	for _, t := range f.tables {
		switch t.tag {
		case "head", "loca", "glyf", "DSIG":
			continue
		case "post":
			if len(t.data) >= 32 {
				post := append([]byte(nil), t.data[:32]...)
				binary.BigEndian.PutUint32(post, 0x00030000)
				t.data = post
			}
		}
		st.tables = append(st.tables, t)
	}
	sort.Slice(st.tables, func(i, j int) bool { return st.tables[i].tag < st.tables[j].tag })
	for _, t := range st.tables {
		st.offsets = append(st.offsets, len(st.data))
		st.data = append(st.data, t.data...)
		for len(st.data)%4 != 0 {
			st.data = append(st.data, 0)
		}
		st.sum += checksum(t.data)
	}
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.BestSpeed)
	if err != nil {
		return err
	}
	if _, err := fw.Write(st.data); err != nil {
		return err
	}
	if err := fw.Flush(); err != nil {
		return err
	}
	st.deflated = buf.Bytes()
	return nil
}

// subsetPieces returns the pieces of the font program with the outlines
// of the glyphs not in keep (indexed by glyph) emptied: the table
// directory and the dynamic tables (head, loca, glyf); f.static.data goes
// between them. Glyph indices do not change, so that a CID is still the
// glyph index; .notdef and the components of kept composite glyphs are
// kept. The checksums, head's checkSumAdjustment included, are computed.
func (f *Font) subsetPieces(keep []bool) (dir, dynamic []byte) {
	keep = append([]bool(nil), keep...)
	keep[0] = true
	// Close over composite components (they may nest).
	stack := make([]uint16, 0, 64)
	for g, k := range keep {
		if k {
			stack = append(stack, uint16(g))
		}
	}
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, c := range f.components[g] {
			if !keep[c] {
				keep[c] = true
				stack = append(stack, c)
			}
		}
	}

	headLen := len(f.head)
	locaLen := 2 * (f.numGlyphs + 1)
	if f.longFmt {
		locaLen *= 2
	}
	glyfLen := 0
	for g, k := range keep {
		if k {
			glyfLen += pad4(int(f.loca[g+1] - f.loca[g]))
		}
	}
	dynamic = make([]byte, pad4(headLen)+pad4(locaLen)+glyfLen)
	head := dynamic[:headLen]
	loca := dynamic[pad4(headLen) : pad4(headLen)+locaLen]
	glyf := dynamic[pad4(headLen)+pad4(locaLen):]

	off := 0
	for g := 0; g <= f.numGlyphs; g++ {
		// The short format holds offsets/2 in 16 bits; a subset is never
		// larger than the original, whose format held it.
		if f.longFmt {
			binary.BigEndian.PutUint32(loca[4*g:], uint32(off))
		} else {
			binary.BigEndian.PutUint16(loca[2*g:], uint16(off/2))
		}
		if g < f.numGlyphs && keep[g] {
			off += pad4(copy(glyf[off:], f.glyf[f.loca[g]:f.loca[g+1]]))
		}
	}
	copy(head, f.head)
	binary.BigEndian.PutUint32(head[8:], 0) // checkSumAdjustment, set below

	// The directory: static tables after it, then head, loca, glyf.
	n := len(f.static.tables) + 3
	dir = make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(dir, 0x00010000)
	binary.BigEndian.PutUint16(dir[4:], uint16(n))
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := (1 << entrySelector) * 16
	binary.BigEndian.PutUint16(dir[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(dir[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(dir[10:], uint16(n*16-searchRange))
	type entry struct {
		tag       string
		sum       uint32
		off, size int
	}
	entries := make([]entry, 0, n)
	base := len(dir)
	for i, t := range f.static.tables {
		entries = append(entries, entry{t.tag, checksum(t.data), base + f.static.offsets[i], len(t.data)})
	}
	dyn := base + len(f.static.data)
	entries = append(entries,
		entry{"head", 0, dyn, headLen},
		entry{"loca", checksum(loca), dyn + pad4(headLen), locaLen},
		entry{"glyf", checksum(glyf), dyn + pad4(headLen) + pad4(locaLen), len(glyf)},
	)
	sort.Slice(entries, func(i, j int) bool { return entries[i].tag < entries[j].tag })
	total := f.static.sum
	for i, e := range entries {
		if e.tag == "head" {
			e.sum = checksum(head)
		}
		d := dir[12+16*i:]
		copy(d, e.tag)
		binary.BigEndian.PutUint32(d[4:], e.sum)
		binary.BigEndian.PutUint32(d[8:], uint32(e.off))
		binary.BigEndian.PutUint32(d[12:], uint32(e.size))
		if e.tag == "head" || e.tag == "loca" || e.tag == "glyf" {
			total += e.sum
		}
	}
	total += checksum(dir)
	binary.BigEndian.PutUint32(head[8:], 0xB1B0AFBA-total)
	return dir, dynamic
}

// subset returns the whole subset program (see subsetPieces).
func (f *Font) subset(keep []bool) []byte {
	dir, dynamic := f.subsetPieces(keep)
	out := make([]byte, 0, len(dir)+len(f.static.data)+len(dynamic))
	out = append(out, dir...)
	out = append(out, f.static.data...)
	return append(out, dynamic...)
}

func pad4(n int) int { return (n + 3) &^ 3 }

// checksum is the TrueType table checksum: the sum of the big-endian
// 32-bit words, the last one padded with zeros.
func checksum(b []byte) uint32 {
	var s uint32
	for len(b) >= 4 {
		s += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		s += binary.BigEndian.Uint32(last[:])
	}
	return s
}
