package einvoice

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/einvoice-go/einvoice/internal/decslab"
	"github.com/shopspring/decimal"
)

// slabs are the ways of making the computed amounts, taken in turn: alone
// (nil) and in a shared slab, as Complete does.
var slabs = []*decslab.Slab{nil, new(decslab.Slab)}

// randDecimal returns a decimal of up to digits digits with up to places
// decimals, either sign.
func randDecimal(r *rand.Rand, digits, places int) decimal.Decimal {
	n := 1 + r.IntN(digits)
	b := make([]byte, 0, n+2)
	if r.IntN(3) == 0 {
		b = append(b, '-')
	}
	for i := 0; i < n; i++ {
		b = append(b, byte('0'+r.IntN(10)))
	}
	d := decimal.RequireFromString(string(b))
	return d.Shift(-int32(r.IntN(places + 1)))
}

// TestMulRoundPaths: the int64 path and decimal's exact path agree, in
// value and in scale, on every kind of operand, including halves and
// operands too large for the fast path.
func TestMulRoundPaths(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	fast := 0
	for i := 0; i < 200000; i++ {
		digits := []int{4, 9, 18, 19, 25}[r.IntN(5)]
		a, b := randDecimal(r, digits, 8), randDecimal(r, 12, 6)
		shift := []int32{0, -2}[r.IntN(2)]
		want := mulRoundExact(a, b, shift)
		if c, ok := mulRoundFast(a, b, shift); ok {
			fast++
			if got := cents(slabs[i%2], c); !got.Equal(want) || got.Exponent() != -2 {
				t.Fatalf("%s × %s × 10^%d: fast %s, exact %s", a, b, shift, got.StringFixed(2), want.StringFixed(2))
			}
		}
		if got := mulRound(slabs[i%2], a, b, shift); !got.Equal(want) {
			t.Fatalf("%s × %s × 10^%d: %s, exact %s", a, b, shift, got, want)
		}
	}
	if fast < 100000 {
		t.Errorf("the fast path ran %d times of 200000: it is not being exercised", fast)
	}
}

func TestMulRoundHalves(t *testing.T) {
	cases := []struct{ a, b, want string }{
		{"3", "9.995", "29.99"},   // 29.985
		{"-3", "9.995", "-29.99"}, // half away from zero on negatives
		{"1", "0.125", "0.13"},
		{"1", "-0.125", "-0.13"},
		{"1", "0.124999", "0.12"},
		{"3", "0.3333", "1.00"}, // 0.9999
		{"7", "1.2345", "8.64"}, // 8.6415
		{"0", "12.3456", "0.00"},
		{"1000000", "0.000001", "1.00"},
		{"99999999999999999", "99", "9899999999999999901.00"}, // beyond int64 cents: exact path
	}
	for i, c := range cases {
		if got := mulRound(slabs[i%2], decimal.RequireFromString(c.a), decimal.RequireFromString(c.b), 0); got.StringFixed(2) != c.want || got.Exponent() != -2 {
			t.Errorf("%s × %s = %s (exp %d), want %s", c.a, c.b, got.StringFixed(2), got.Exponent(), c.want)
		}
	}
}

// TestSumPaths: sums in hundredths agree with decimal's sums, and switch to
// decimal on overflow or on amounts with more than 2 decimals.
func TestSumPaths(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 20000; i++ {
		var s sum
		want := decimal.Zero
		for j := 0; j < 1+r.IntN(8); j++ {
			x := randDecimal(r, []int{4, 17, 19}[r.IntN(3)], []int{0, 2, 2, 3}[r.IntN(4)])
			if r.IntN(2) == 0 {
				s.add(x)
				want = want.Add(x)
			} else {
				s.sub(x)
				want = want.Sub(x)
			}
		}
		if got := s.value(slabs[i%2]); !got.Equal(want) {
			t.Fatalf("sum %s, want %s", got, want)
		}
	}
	var s sum
	s.add(decimal.New(math.MaxInt64, -2))
	s.add(decimal.New(1, -2))
	if got, want := s.value(nil).String(), "92233720368547758.08"; got != want {
		t.Errorf("overflowing sum: %s, want %s", got, want)
	}
	if got := cents(slabs[1], 5).String(); got != "0.05" {
		t.Errorf("cents: %s", got)
	}
	if _, ok := toCents(decimal.RequireFromString("1.234")); ok {
		t.Error("toCents accepted 3 decimals")
	}
	if c, ok := toCents(decimal.RequireFromString("1.2300")); !ok || c != 123 {
		t.Errorf("toCents(1.2300) = %d, %v", c, ok)
	}
	if c, ok := toCents(decimal.RequireFromString("-" + strconv.Itoa(5) + "e3")); !ok || c != -500000 {
		t.Errorf("toCents(-5e3) = %d, %v", c, ok)
	}
}

func TestSameRate(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"20", "20.00", true}, {"20.00", "20", true}, {"20", "20.01", false}, {"5.5", "5.50", true},
		{"-5", "5", false}, {"-5.0", "-5", true}, {"0", "0.000", true}, {"0", "-0.00", true},
		{"1", "1.0000000000000000000", true}, {"123456789012345678", "123456789012345678.0", true},
		{"1234567890123456789", "1234567890123456789.0", true}, {"1e18", "1000000000000000001", false},
	} {
		if got := sameRate(decimal.RequireFromString(tc.a), decimal.RequireFromString(tc.b)); got != tc.want {
			t.Errorf("sameRate(%s, %s) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestLineGrossBaseQuantity: with a base quantity that is a power of ten,
// lineGross shifts instead of dividing, and gives what the exact quotient
// rounded once gives; other base quantities divide.
func TestLineGrossBaseQuantity(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	bqs := []string{"10", "100", "1000", "100.00", "1E+3", "0.1", "0.01", "7", "12.5", "3", "200", "1000000"}
	shifted := 0
	for i := 0; i < 100000; i++ {
		var l Line
		l.Quantity = randDecimal(r, []int{4, 9, 18, 19}[r.IntN(4)], 4)
		l.Price.Net = randDecimal(r, []int{4, 12, 19}[r.IntN(3)], 6)
		bq := decimal.RequireFromString(bqs[r.IntN(len(bqs))])
		l.Price.BaseQuantity = &bq
		want := l.Quantity.Mul(l.Price.Net).DivRound(bq, amountPlaces)
		got := lineGross(slabs[i%2], &l)
		if !got.Equal(want) || got.Exponent() != -amountPlaces {
			t.Fatalf("%s × %s ÷ %s = %s, want %s", l.Quantity, l.Price.Net, bq, got, want)
		}
		if _, ok := powerOfTen(bq); ok {
			shifted++
		}
	}
	if shifted < 50000 {
		t.Errorf("the shift path ran %d times of 100000", shifted)
	}
	for s, want := range map[string]bool{"10": true, "1": true, "100.00": true, "0.001": true, "1E+6": true, "0": false, "-10": false, "20": false, "11": false, "1.5": false} {
		if _, ok := powerOfTen(decimal.RequireFromString(s)); ok != want {
			t.Errorf("powerOfTen(%s): %v", s, ok)
		}
	}
}
