// Package decslab makes decimals with few allocations: a Slab hands out
// decimals whose coefficients live in chunks it allocates a few dozen at a
// time, instead of two small objects (a big.Int and its one word) each.
//
// A shopspring decimal is a coefficient (*big.Int) and an exponent, and
// that package has no constructor that adopts a big.Int without copying
// it. Slab builds the decimal value itself, through unsafe, after checking
// once, by reflection, that decimal.Decimal is the struct{value *big.Int;
// exp int32} it knows. With any other layout (another version of
// shopspring/decimal) it falls back to decimal.New: as exact, only slower.
//
// Sharing a chunk is safe because decimals are immutable: shopspring never
// changes the big.Int of a decimal once the decimal is made (its operations
// write into new ones), and neither do we. A decimal kept alone keeps its
// chunk alive: a few hundred bytes.
package decslab

import (
	"math/big"
	"reflect"
	"unsafe"

	"github.com/shopspring/decimal"
)

// layout is decimal.Decimal as this package builds it.
type layout struct {
	value *big.Int
	exp   int32
}

// adopt reports whether decimal.Decimal has the fields of layout, at the
// same offsets.
var adopt = sameLayout(reflect.TypeFor[decimal.Decimal](), reflect.TypeFor[layout]())

func sameLayout(d, l reflect.Type) bool {
	if d.Kind() != reflect.Struct || d.Size() != l.Size() || d.NumField() != l.NumField() {
		return false
	}
	for i := range d.NumField() {
		df, lf := d.Field(i), l.Field(i)
		if df.Name != lf.Name || df.Type != lf.Type || df.Offset != lf.Offset {
			return false
		}
	}
	return true
}

// cell is one coefficient: a big.Int whose one word is its own.
type cell struct {
	i big.Int
	w [1]big.Word
}

// Slab hands out decimals. Its zero value is ready to use; a nil *Slab
// makes each decimal with decimal.New. A Slab is not safe for concurrent
// use; the decimals it returns are, like any decimal.
type Slab struct {
	cells []cell // not handed out yet
	chunk int    // the size of the last chunk
}

// maxChunk bounds the size of a chunk.
const maxChunk = 64

// Grow makes room for n more decimals (up to maxChunk) in one allocation.
// The chunks New allocates when it runs out start at 4 and double.
func (s *Slab) Grow(n int) {
	if s != nil && adopt && len(s.cells) < n {
		s.cells = make([]cell, min(n, maxChunk))
	}
}

// New returns the decimal c × 10^exp, as decimal.New does.
func (s *Slab) New(c int64, exp int32) decimal.Decimal {
	u := uint64(c)
	if c < 0 {
		u = -u // also right for math.MinInt64
	}
	if c == 0 || s == nil || !adopt || u > uint64(^big.Word(0)) {
		// a coefficient of more than one word (on 32-bit platforms)
		return decimal.New(c, exp)
	}
	if len(s.cells) == 0 {
		s.chunk = min(max(2*s.chunk, 4), maxChunk)
		s.cells = make([]cell, s.chunk)
	}
	x := &s.cells[0]
	s.cells = s.cells[1:]
	x.w[0] = big.Word(u)
	x.i.SetBits(x.w[:1:1]) // capacity 1: nothing can append into a neighbour
	if c < 0 {
		x.i.Neg(&x.i)
	}
	l := layout{value: &x.i, exp: exp}
	return *(*decimal.Decimal)(unsafe.Pointer(&l))
}
