package einvoice

import (
	"math"
	"math/bits"

	"github.com/einvoice-go/einvoice/internal/decslab"
	"github.com/shopspring/decimal"
)

// The arithmetic of the calculation. Each operation has two paths with the
// same result: a fast one on int64 coefficients, taken when the operands
// have at most 18 digits and nothing overflows (every real invoice), and
// decimal's exact arithmetic otherwise. Tests compare the two paths.
//
// Amounts come out with exactly 2 decimals ("12.30", never "12.3"), when
// their value allows it.

var pow10 = [...]uint64{
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
}

// coef returns d's coefficient and exponent when the coefficient fits in
// 18 digits.
func coef(d decimal.Decimal) (int64, int32, bool) { return decslab.Coef(d) }

// toCents returns d in hundredths when that is exact and fits.
func toCents(d decimal.Decimal) (int64, bool) {
	c, e, ok := coef(d)
	if !ok {
		return 0, false
	}
	switch {
	case e == -amountPlaces:
		return c, true
	case e > -amountPlaces:
		k := e + amountPlaces
		if k > 18 {
			return 0, false
		}
		hi, lo := bits.Mul64(abs64(c), pow10[k])
		if hi != 0 || lo > math.MaxInt64 {
			return 0, false
		}
		return withSign(lo, c < 0), true
	default:
		k := -amountPlaces - e
		if k > 18 {
			return 0, false
		}
		p := int64(pow10[k])
		if c%p != 0 {
			return 0, false
		}
		return c / p, true
	}
}

func abs64(c int64) uint64 {
	if c < 0 {
		return uint64(-c) // also right for math.MinInt64
	}
	return uint64(c)
}

func withSign(u uint64, neg bool) int64 {
	if neg {
		return -int64(u)
	}
	return int64(u)
}

// cents returns the amount c hundredths as a decimal with 2 decimals, made
// by sl (nil: alone).
func cents(sl *decslab.Slab, c int64) decimal.Decimal {
	if c == 0 {
		return zeroCents
	}
	return sl.New(c, -amountPlaces)
}

// zeroCents is 0.00, shared: decimals are immutable.
var zeroCents = decimal.New(0, -amountPlaces)

// normalize gives an exact amount 2 decimals when its value allows.
func normalize(d decimal.Decimal) decimal.Decimal {
	if d.Exponent() != -amountPlaces && hasPlaces(d, amountPlaces) {
		return d.Round(amountPlaces)
	}
	return d
}

// mulRound returns a × b × 10^shift rounded to 2 decimals, half away from
// zero, with one rounding of the exact product.
func mulRound(sl *decslab.Slab, a, b decimal.Decimal, shift int32) decimal.Decimal {
	if c, ok := mulRoundFast(a, b, shift); ok {
		return cents(sl, c)
	}
	return mulRoundExact(a, b, shift)
}

func mulRoundExact(a, b decimal.Decimal, shift int32) decimal.Decimal {
	return a.Mul(b).Shift(shift).Round(amountPlaces)
}

func mulRoundFast(a, b decimal.Decimal, shift int32) (int64, bool) {
	ac, ae, ok1 := coef(a)
	bc, be, ok2 := coef(b)
	if !ok1 || !ok2 {
		return 0, false
	}
	neg := (ac < 0) != (bc < 0)
	hi, lo := bits.Mul64(abs64(ac), abs64(bc))
	exp := int64(ae) + int64(be) + int64(shift)
	var q uint64
	switch {
	case exp >= -amountPlaces:
		k := exp + amountPlaces
		if hi != 0 || k > 18 {
			return 0, false
		}
		h, l := bits.Mul64(lo, pow10[k])
		if h != 0 {
			return 0, false
		}
		q = l
	default:
		k := -amountPlaces - exp
		if k > 19 {
			return 0, false
		}
		p := pow10[k]
		if hi >= p {
			return 0, false
		}
		var rem uint64
		q, rem = bits.Div64(hi, lo, p)
		if rem >= p-rem { // rem ≥ p/2: half away from zero
			q++
		}
	}
	if q > math.MaxInt64 {
		return 0, false
	}
	return withSign(q, neg), true
}

// sum adds amounts, in hundredths while they fit and are exact, in
// decimal otherwise.
//
// A sum of one amount of 2 decimals is that amount: value returns it
// (decimals are immutable, sharing one is safe) instead of a new one.
type sum struct {
	c     int64
	d     decimal.Decimal
	big   bool
	n     int             // amounts added; 2 once any was subtracted
	first decimal.Decimal // the first amount added
}

func (s *sum) add(x decimal.Decimal) {
	if s.n == 0 {
		s.first = x
	}
	s.n = min(s.n+1, 2)
	if !s.big {
		if xc, ok := toCents(x); ok && s.addCents(xc) {
			return
		}
		s.big, s.d = true, cents(nil, s.c)
	}
	s.d = s.d.Add(x)
}

func (s *sum) sub(x decimal.Decimal) {
	s.n = 2
	if !s.big {
		if xc, ok := toCents(x); ok && xc != math.MinInt64 && s.addCents(-xc) {
			return
		}
		s.big, s.d = true, cents(nil, s.c)
	}
	s.d = s.d.Sub(x)
}

// addCents adds xc hundredths unless that overflows.
func (s *sum) addCents(xc int64) bool {
	r := s.c + xc
	if (xc > 0 && r < s.c) || (xc < 0 && r > s.c) {
		return false
	}
	s.c = r
	return true
}

// value returns the sum, a new decimal made by sl (nil: alone).
func (s *sum) value(sl *decslab.Slab) decimal.Decimal {
	if s.n == 1 && s.first.Exponent() == -amountPlaces {
		return s.first
	}
	if s.big {
		return normalize(s.d)
	}
	return cents(sl, s.c)
}

// sameRate reports whether two rates are equal by value, without allocating
// when they are written alike.
func sameRate(a, b decimal.Decimal) bool {
	ac, ae, ok1 := coef(a)
	bc, be, ok2 := coef(b)
	if ok1 && ok2 {
		// Bring the coefficient of the larger exponent to the smaller one
		// (20 and 20.00), without allocating, when that cannot overflow.
		if ae < be {
			ac, ae, bc, be = bc, be, ac, ae
		}
		if k := ae - be; k <= 18 {
			h, l := bits.Mul64(abs64(ac), pow10[k])
			if h == 0 && l <= math.MaxInt64 {
				return (ac < 0) == (bc < 0) && l == abs64(bc)
			}
		}
	}
	return a.Equal(b)
}
