// Package decslab makes decimals with few allocations, and reads them
// without any: a Slab hands out decimals whose coefficients live in chunks
// it allocates a few dozen at a time, instead of two small objects (a
// big.Int and its one word) each; Coef reads a decimal's coefficient as an
// int64 without copying its big.Int (decimal.Decimal.Coefficient copies)
// nor counting its digits.
//
// A shopspring decimal is a coefficient (*big.Int) and an exponent, and
// that package has no constructor that adopts a big.Int without copying
// it. Slab builds the decimal value itself, through unsafe, after checking
// once, by reflection, that decimal.Decimal is the struct{value *big.Int;
// exp int32} it knows, and Coef reads the big.Int so. With any other layout
// (another version of shopspring/decimal) they fall back to decimal.New and
// decimal's methods: as exact, only slower.
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

// Coef returns d's coefficient and exponent when the coefficient has at
// most 18 digits (so that it and a few products of it by powers of ten fit
// in an int64), and false otherwise.
func Coef(d decimal.Decimal) (c int64, exp int32, ok bool) {
	if !adopt {
		if d.NumDigits() > 18 {
			return 0, 0, false
		}
		return d.CoefficientInt64(), d.Exponent(), true
	}
	l := (*layout)(unsafe.Pointer(&d))
	if l.value == nil {
		return 0, l.exp, true // the zero decimal
	}
	if !l.value.IsInt64() {
		return 0, 0, false
	}
	c = l.value.Int64()
	if c >= maxCoef || c <= -maxCoef {
		return 0, 0, false
	}
	return c, l.exp, true
}

// maxCoef is 10^18, the least coefficient of 19 digits.
const maxCoef = 1_000_000_000_000_000_000
