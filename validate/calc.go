package validate

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/einvoice-go/einvoice"
	"github.com/shopspring/decimal"
)

// calculated is what the model's calculation gives for the invoice, computed
// once per validation for all the arithmetic rules: the sums of
// einvoice.CalculateTotals over the stated line net amounts (BT-131),
// document level allowance and charge amounts (BT-92, BT-99) and VAT
// category tax amounts (BT-117).
//
// The sums are kept in hundredths, exactly and without allocating, when
// every amount has at most 2 decimals and fits in an int64 (every real
// invoice); the tests check that they are einvoice.CalculateTotals' figures.
// Otherwise the official rules' own arithmetic decides: their XPath sum()
// adds xs:double values, and on amounts of more than 2 decimals (which the
// BR-DEC rules reject) that can round a half cent the other way than an
// exact sum would. The sums are then kept as those xs:double sums.
type calculated struct {
	// LineNet is Σ BT-131, the model's Totals.LineNet.
	LineNet calcSum
	// Allowances is Σ BT-92, the model's Totals.Allowances (0 when none).
	Allowances calcSum
	// Charges is Σ BT-99, the model's Totals.Charges (0 when none).
	Charges calcSum
	// VAT is Σ BT-117, the model's Totals.VAT.
	VAT calcSum
}

// calcSum is a sum of amounts: in hundredths when exact is true, else the
// sum of their xs:double values in document order, as XPath's sum() adds
// them.
type calcSum struct {
	cents int64
	float float64
	exact bool
}

// value returns an exact sum as a decimal (it allocates: for messages).
func (s calcSum) value() decimal.Decimal {
	return decimal.New(s.cents, -2)
}

// calculated returns what the model's calculation gives for the invoice,
// computing it on first use.
func (c *checker) calculated() *calculated {
	if c.calc == nil {
		c.calc = calculate(c.inv)
	}
	return c.calc
}

// calculate computes the sums in hundredths, or, when one amount is not
// exact in hundredths or a sum overflows, as XPath adds them.
func calculate(inv *einvoice.Invoice) *calculated {
	calc := &calculated{}
	ok := true
	var s int64
	for i := range inv.Lines {
		s, ok = calcAdd(s, inv.Lines[i].NetAmount, ok)
	}
	calc.LineNet.cents = s
	s = 0
	for i := range inv.Allowances {
		s, ok = calcAdd(s, inv.Allowances[i].Amount, ok)
	}
	calc.Allowances.cents = s
	s = 0
	for i := range inv.Charges {
		s, ok = calcAdd(s, inv.Charges[i].Amount, ok)
	}
	calc.Charges.cents = s
	s = 0
	for i := range inv.VATBreakdown {
		s, ok = calcAdd(s, inv.VATBreakdown[i].TaxAmount, ok)
	}
	calc.VAT.cents = s
	if ok {
		calc.LineNet.exact, calc.Allowances.exact, calc.Charges.exact, calc.VAT.exact = true, true, true, true
		return calc
	}
	calc.LineNet, calc.Allowances, calc.Charges, calc.VAT = calcSum{}, calcSum{}, calcSum{}, calcSum{}
	for i := range inv.Lines {
		calc.LineNet.float += inv.Lines[i].NetAmount.InexactFloat64()
	}
	for i := range inv.Allowances {
		calc.Allowances.float += inv.Allowances[i].Amount.InexactFloat64()
	}
	for i := range inv.Charges {
		calc.Charges.float += inv.Charges[i].Amount.InexactFloat64()
	}
	for i := range inv.VATBreakdown {
		calc.VAT.float += inv.VATBreakdown[i].TaxAmount.InexactFloat64()
	}
	return calc
}

// calcDecimalRound2 is XPath's round(xs:decimal(f) * 100) div 100: the
// exact value of the xs:double f (as Saxon converts it), rounded to 2
// decimals, a half towards positive infinity.
func calcDecimalRound2(f float64) decimal.Decimal {
	r := new(big.Rat).SetFloat64(f)
	if r == nil { // not finite
		return decimal.New(0, 0)
	}
	r.Mul(r, big.NewRat(100, 1))
	r.Add(r, big.NewRat(1, 2))
	n := new(big.Int).Div(r.Num(), r.Denom()) // floor: Denom > 0
	return decimal.NewFromBigInt(n, -2)
}

// calcDoubleRound2 is XPath's round(f * 10 * 10) div 100 on an xs:double.
func calcDoubleRound2(f float64) float64 {
	x := float64(float64(f*10) * 10)
	return float64(math.Floor(x+0.5)) / 100
}

// calcAdd adds d to the sum s in hundredths while ok.
func calcAdd(s int64, d decimal.Decimal, ok bool) (int64, bool) {
	if !ok {
		return 0, false
	}
	x, ok := calcCents(d)
	if !ok {
		return 0, false
	}
	return calcAddCents(s, x)
}

// calcAddCents returns a + b unless that overflows.
func calcAddCents(a, b int64) (int64, bool) {
	r := a + b
	if (b > 0 && r < a) || (b < 0 && r > a) {
		return 0, false
	}
	return r, true
}

var calcPow10 = [...]uint64{
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
}

// calcCoef returns d's coefficient and exponent when the coefficient has at
// most 18 digits. It does not allocate.
func calcCoef(d decimal.Decimal) (int64, int32, bool) {
	if d.NumDigits() > 18 {
		return 0, 0, false
	}
	return d.CoefficientInt64(), d.Exponent(), true
}

// calcCents returns d in hundredths when that is exact and fits in an
// int64. It does not allocate.
func calcCents(d decimal.Decimal) (int64, bool) {
	c, e, ok := calcCoef(d)
	if !ok {
		return 0, false
	}
	switch {
	case c == 0:
		return 0, true
	case e == -2:
		return c, true
	case e > -2:
		k := int(e) + 2
		if k > 18 {
			return 0, false
		}
		hi, lo := bits.Mul64(calcAbs(c), calcPow10[k])
		if hi != 0 || lo > math.MaxInt64 {
			return 0, false
		}
		return calcSigned(lo, c < 0), true
	default:
		k := -2 - int(e)
		if k > 18 {
			return 0, false
		}
		p := int64(calcPow10[k])
		if c%p != 0 {
			return 0, false
		}
		return c / p, true
	}
}

func calcAbs(c int64) uint64 {
	if c < 0 {
		return uint64(-c) // right for math.MinInt64 too
	}
	return uint64(c)
}

func calcSigned(u uint64, neg bool) int64 {
	if neg {
		return -int64(u)
	}
	return int64(u)
}

// calcRound2 is XPath's round(d * 100) div 100: to 2 decimals, a half
// rounded towards positive infinity (round(-0.125 * 100) div 100 is -0.12),
// where the model rounds half away from zero. The two differ only on a
// negative figure with more than 2 decimals.
func calcRound2(d decimal.Decimal) decimal.Decimal {
	if d.Exponent() >= -2 {
		return d
	}
	return d.Shift(2).Add(decimal.New(5, -1)).Floor().Shift(-2)
}

// calcRoundsToZero reports whether XPath's round(d) is 0, that is whether
// -0.5 <= d < 0.5. It does not allocate for coefficients of up to 18
// digits.
func calcRoundsToZero(d decimal.Decimal) bool {
	c, e, ok := calcCoef(d)
	if !ok {
		h := decimal.New(5, -1)
		return d.GreaterThanOrEqual(h.Neg()) && d.LessThan(h)
	}
	switch {
	case c == 0:
		return true
	case e >= 0:
		return false
	case e < -18:
		return true // |d| < 10^18 × 10^-19
	}
	half := int64(calcPow10[-e] / 2)
	return -half <= c && c < half
}

// calcPercentCents returns XPath's round(x * (rate div 100) * 100) div 100
// in hundredths, for x given in hundredths and x >= 0: x × rate ÷ 100
// rounded to 2 decimals, a half towards positive infinity (the model's
// rounding for rate >= 0). ok is false when the figures do not fit.
func calcPercentCents(x int64, rate decimal.Decimal) (int64, bool) {
	r, e, ok := calcCoef(rate)
	if !ok || x < 0 {
		return 0, false
	}
	neg := r < 0
	hi, lo := bits.Mul64(uint64(x), calcAbs(r))
	var q uint64
	switch shift := int(e) - 2; {
	case shift >= 0:
		if hi != 0 || shift > 18 {
			return 0, false
		}
		h, l := bits.Mul64(lo, calcPow10[shift])
		if h != 0 {
			return 0, false
		}
		q = l
	default:
		k := -shift
		if k > 19 {
			return 0, false
		}
		p := calcPow10[k]
		if hi >= p {
			return 0, false
		}
		var rem uint64
		q, rem = bits.Div64(hi, lo, p)
		// A half goes up: away from zero for a positive figure, towards
		// zero for a negative one.
		if (!neg && rem >= p-rem) || (neg && rem > p-rem) {
			q++
		}
	}
	if q > math.MaxInt64 {
		return 0, false
	}
	return calcSigned(q, neg), true
}
