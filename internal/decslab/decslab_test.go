package decslab

import (
	"math"
	"math/big"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
)

// values are coefficients to make: the edges and random ones of every size.
func values() []int64 {
	v := []int64{1, -1, 2, 9, 10, -10, 99, 100, 12345, -12345, math.MaxInt32, math.MinInt32, math.MaxUint32, -math.MaxUint32,
		1 << 32, -(1 << 32), math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1}
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		x := r.Int64() >> r.IntN(63)
		if r.IntN(2) == 0 {
			x = -x
		}
		v = append(v, x)
	}
	return v
}

// check makes every value with s, with several exponents, and compares each
// decimal with decimal.New's: value, exponent, text, and reflect.DeepEqual
// (which testify's Equal uses); then checks that the first ones did not
// change while the others were made (the chunks are shared).
func check(t *testing.T, s *Slab) {
	t.Helper()
	type made struct {
		got  decimal.Decimal
		want decimal.Decimal
	}
	var all []made
	for _, c := range values() {
		for _, exp := range []int32{-6, -2, 0, 3} {
			got, want := s.New(c, exp), decimal.New(c, exp)
			all = append(all, made{got, want})
			if !got.Equal(want) || got.Exponent() != exp || got.String() != want.String() || got.Coefficient().Cmp(want.Coefficient()) != 0 {
				t.Fatalf("New(%d, %d) = %s (exponent %d), want %s", c, exp, got, got.Exponent(), want)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("New(%d, %d): not DeepEqual to decimal.New's", c, exp)
			}
			// arithmetic on the made decimal makes new decimals and
			// leaves it as it is
			three := decimal.New(3, -1)
			if sum, wantSum := got.Add(got).Mul(three).Sub(got), want.Add(want).Mul(three).Sub(want); !sum.Equal(wantSum) {
				t.Fatalf("New(%d, %d): arithmetic gives %s, want %s", c, exp, sum, wantSum)
			}
			if got.String() != want.String() {
				t.Fatalf("New(%d, %d) changed by arithmetic: %s", c, exp, got)
			}
		}
	}
	for _, m := range all {
		if m.got.String() != m.want.String() {
			t.Fatalf("%s changed into %s while others were made", m.want, m.got)
		}
	}
}

func TestNew(t *testing.T) {
	if !adopt {
		t.Fatal("decimal.Decimal is not the layout decslab knows: the slab path is not taken")
	}
	var s Slab
	check(t, &s)
	if len(s.cells) == 0 && s.chunk == 0 {
		t.Fatal("the slab allocated no chunk")
	}
	var grown Slab
	grown.Grow(20)
	check(t, &grown)
	check(t, nil)
	if z := new(Slab).New(0, -2); !z.IsZero() || z.Exponent() != -2 {
		t.Fatalf("New(0, -2) = %s", z)
	}
}

// coefCases are decimals for Coef: the edges of 18 and 19 digits, of
// int64 and beyond, the zero value, and the decimals of values().
func coefCases() []decimal.Decimal {
	var ds []decimal.Decimal
	for _, s := range []string{"0", "0.00", "999999999999999999", "-999999999999999999", "1000000000000000000", "-1000000000000000000",
		"99999999999999999.9", "9223372036854775807", "-9223372036854775808", "18446744073709551616", "-18446744073709551617",
		"123456789012345678901234567890.5", "12.30", "-0.001", "1e20", "5e-30"} {
		ds = append(ds, decimal.RequireFromString(s))
	}
	ds = append(ds, decimal.Decimal{}, decimal.New(0, 5))
	for _, c := range values() {
		ds = append(ds, decimal.New(c, -2), new(Slab).New(c, 3))
	}
	return ds
}

// checkCoef compares Coef with what decimal's methods give.
func checkCoef(t *testing.T) {
	t.Helper()
	for _, d := range coefCases() {
		c, exp, ok := Coef(d)
		wantOK := d.NumDigits() <= 18
		if ok != wantOK {
			t.Fatalf("Coef(%s): ok %v, want %v", d, ok, wantOK)
		}
		if ok && (c != d.CoefficientInt64() || exp != d.Exponent() || !decimal.New(c, exp).Equal(d)) {
			t.Fatalf("Coef(%s) = %d, %d", d, c, exp)
		}
	}
}

func TestCoef(t *testing.T) {
	checkCoef(t)
	d := decimal.RequireFromString("-1234.5678")
	if allocs := testing.AllocsPerRun(100, func() { Coef(d) }); allocs != 0 {
		t.Errorf("Coef allocates %v times", allocs)
	}
}

// TestFallback: without the layout it knows, New makes its decimals with
// decimal.New, and Coef reads them with decimal's methods: as right.
func TestFallback(t *testing.T) {
	adopt = false
	defer func() { adopt = true }()
	checkCoef(t)
	var s Slab
	check(t, &s)
	s.Grow(10)
	if s.cells != nil || s.chunk != 0 {
		t.Fatal("the fallback allocated cells")
	}
}

func TestSameLayout(t *testing.T) {
	if !sameLayout(reflect.TypeFor[layout](), reflect.TypeFor[layout]()) {
		t.Fatal("layout is not layout")
	}
	for _, other := range []reflect.Type{
		reflect.TypeFor[struct {
			value *big.Int
			exp   int64
		}](),
		reflect.TypeFor[struct {
			exp   int32
			value *big.Int
		}](),
		reflect.TypeFor[struct {
			v   *big.Int
			exp int32
		}](),
		reflect.TypeFor[struct {
			value *big.Int
			exp   int32
			more  bool
		}](),
		reflect.TypeFor[*big.Int](),
	} {
		if sameLayout(other, reflect.TypeFor[layout]()) {
			t.Errorf("%v taken for the layout", other)
		}
	}
}

// TestChunks: a slab allocates chunks that grow to maxChunk, and Grow sizes
// the next one.
func TestChunks(t *testing.T) {
	var s Slab
	allocs := testing.AllocsPerRun(10, func() {
		s = Slab{}
		for range 4 + 8 + 16 + 32 + 64 {
			s.New(7, -2)
		}
	})
	if allocs != 5 {
		t.Errorf("%v allocations for 124 decimals, want 5 chunks", allocs)
	}
	allocs = testing.AllocsPerRun(10, func() {
		s = Slab{}
		s.Grow(40)
		for range 40 {
			s.New(-7, -2)
		}
	})
	if allocs != 1 {
		t.Errorf("%v allocations for 40 decimals after Grow(40), want 1", allocs)
	}
}

// sink keeps the benchmarks' decimals alive, as an invoice would.
var sink [16]decimal.Decimal

// BenchmarkNew makes 16 decimals with a slab, BenchmarkDecimalNew with
// decimal.New.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var s Slab
		s.Grow(len(sink))
		for i := range sink {
			sink[i] = s.New(int64(i+1)*1234, -2)
		}
	}
}

func BenchmarkDecimalNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for i := range sink {
			sink[i] = decimal.New(int64(i+1)*1234, -2)
		}
	}
}
