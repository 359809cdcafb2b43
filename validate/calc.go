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
// The sums are einvoice.CalculateTotals' figures, kept in hundredths, when
// every amount is whole hundredths and the sums fit in an int64 (every real
// invoice). Otherwise the official rules' own arithmetic decides: their XPath sum()
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

	// vat is the index of the VAT categories and rates used, for the VAT
	// category rules (c.vatIndex).
	vat vatIndex
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
// computing it on first use, in the checker's own space (no allocation).
func (c *checker) calculated() *calculated {
	if c.calc == nil {
		c.calcSpace = calculated{}
		c.calcSpace.compute(c.inv)
		c.calc = &c.calcSpace
	}
	return c.calc
}

// vatIndex returns the index of the VAT categories and rates the invoice
// uses, computing it (with the sums) on first use.
func (c *checker) vatIndex() *vatIndex {
	return &c.calculated().vat
}

// calculate computes the sums in hundredths, or, when one amount is not
// exact in hundredths or a sum overflows, as XPath adds them; and the VAT
// index.
func calculate(inv *einvoice.Invoice) *calculated {
	calc := &calculated{}
	calc.compute(inv)
	return calc
}

// compute fills the zero calc: the VAT index in one pass over the lines,
// the document level allowances and charges and the VAT breakdowns; and
// the document sums from the model's one calculation, einvoice.CalculateTotals,
// when every amount is whole hundredths.
func (calc *calculated) compute(inv *einvoice.Invoice) {
	vx := &calc.vat
	vx.exact, vx.keyed = true, true
	ok := true
	for i := range inv.Lines {
		l := &inv.Lines[i]
		x, xok := calcCents(l.NetAmount)
		ok = ok && xok
		vx.use(vatOfLine, &l.VAT, x, xok)
	}
	for i := range inv.Allowances {
		a := &inv.Allowances[i]
		x, xok := calcCents(a.Amount)
		ok = ok && xok
		vx.use(vatOfAllowance, &a.VAT, x, xok)
	}
	for i := range inv.Charges {
		ch := &inv.Charges[i]
		x, xok := calcCents(ch.Amount)
		ok = ok && xok
		vx.use(vatOfCharge, &ch.VAT, x, xok)
	}
	for i := range inv.VATBreakdown {
		b := &inv.VATBreakdown[i]
		_, xok := calcCents(b.TaxAmount)
		ok = ok && xok
		vx.uses[vatCatIndex(b.Category)][vatOfBreakdown]++
	}
	if ok {
		// The errors CalculateTotals reports concern the caller's inputs
		// (a missing currency, say), which other rules check; its sums are
		// complete whatever they say.
		t, _ := einvoice.CalculateTotals(inv)
		zero := decimal.Decimal{}
		for _, p := range []struct {
			dst *calcSum
			v   *decimal.Decimal
		}{{&calc.LineNet, &t.LineNet}, {&calc.Allowances, t.Allowances}, {&calc.Charges, t.Charges}, {&calc.VAT, t.VAT}} {
			v := p.v
			if v == nil {
				v = &zero
			}
			if p.dst.cents, ok = calcCents(*v); !ok {
				break
			}
			p.dst.exact = true
		}
		if ok {
			return
		}
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
}

// The kinds of VAT uses the index counts, in vatIndex.uses.
const (
	vatOfLine = iota
	vatOfAllowance
	vatOfCharge
	vatOfBreakdown
)

// vatCats are the VAT categories the category rules name, by their index
// in vatIndex; vatCatOther stands for every other code, "" included.
var vatCats = [...]einvoice.VATCategory{
	einvoice.VATStandard, einvoice.VATZeroRated, einvoice.VATExempt, einvoice.VATReverseCharge,
	einvoice.VATIntraCommunity, einvoice.VATExport, einvoice.VATNotSubject, einvoice.VATCanaryIslands,
	einvoice.VATCeutaMelilla, einvoice.VATSplitPayment,
}

const vatCatOther = len(vatCats)

// vatCatIndex returns the index of cat in vatCats, or vatCatOther.
func vatCatIndex(cat einvoice.VATCategory) int {
	switch cat {
	case einvoice.VATStandard:
		return 0
	case einvoice.VATZeroRated:
		return 1
	case einvoice.VATExempt:
		return 2
	case einvoice.VATReverseCharge:
		return 3
	case einvoice.VATIntraCommunity:
		return 4
	case einvoice.VATExport:
		return 5
	case einvoice.VATNotSubject:
		return 6
	case einvoice.VATCanaryIslands:
		return 7
	case einvoice.VATCeutaMelilla:
		return 8
	case einvoice.VATSplitPayment:
		return 9
	}
	return vatCatOther
}

// vatIndex is what the VAT category rules ask of every line, document
// level allowance and charge, and VAT breakdown, computed once per
// validation (with the sums of calculated) so that no rule rescans the
// lines for each category and rate: how many of each kind have each
// category, and the sums of the amounts of each category, and of each
// category and rate, in hundredths.
type vatIndex struct {
	// uses counts the lines, allowances, charges and breakdowns of each
	// category (vatCatIndex), by kind (vatOfLine ...).
	uses [vatCatOther + 1][4]int32
	// sums are the sums of the line net amounts, allowance and charge
	// amounts of each category, whatever their rate, by kind.
	sums [vatCatOther + 1][3]int64
	// groups are the sums of each category and rate, in the order of first
	// use: the first ones in place, the others (rare) in more.
	groups [6]vatGroup
	n      int
	more   []vatGroup
	// exact is false when an amount is not whole hundredths or a sum
	// overflows: the sums are then not kept, and the rules take decimal's
	// exact arithmetic (vatExpectedTaxable).
	exact bool
	// keyed is false when a rate has no key (more than 18 digits): the
	// sums per rate are then not kept.
	keyed bool
}

// vatGroup is the sums of the uses of one category and rate.
type vatGroup struct {
	cat  int
	key  vatRateKey
	sums [3]int64
}

// use records one line, allowance or charge (kind) with VAT v and amount
// x in hundredths (xok false when it is not whole hundredths).
func (vx *vatIndex) use(kind int, v *einvoice.VAT, x int64, xok bool) {
	k := vatCatIndex(v.Category)
	vx.uses[k][kind]++
	if !vx.exact {
		return
	}
	if !xok || !calcAddTo(&vx.sums[k][kind], x) {
		vx.exact = false
		return
	}
	if v.Rate == nil || !vx.keyed {
		return
	}
	key := vatKey(*v.Rate)
	if !key.ok {
		vx.keyed = false
		return
	}
	g := vx.group(k, key)
	if g == nil {
		if vx.n < len(vx.groups) {
			g = &vx.groups[vx.n]
			vx.n++
		} else {
			vx.more = append(vx.more, vatGroup{})
			g = &vx.more[len(vx.more)-1]
		}
		g.cat, g.key = k, key
	}
	if !calcAddTo(&g.sums[kind], x) {
		vx.exact = false
	}
}

// group returns the group of category index k and rate key, or nil.
func (vx *vatIndex) group(k int, key vatRateKey) *vatGroup {
	for i := range vx.groups[:vx.n] {
		if g := &vx.groups[i]; g.cat == k && g.key == key {
			return g
		}
	}
	for i := range vx.more {
		if g := &vx.more[i]; g.cat == k && g.key == key {
			return g
		}
	}
	return nil
}

// count returns the number of lines, of document level allowances and
// charges, and of VAT breakdowns of category cat.
func (vx *vatIndex) count(cat einvoice.VATCategory) (lines, ac, breakdowns int) {
	u := &vx.uses[vatCatIndex(cat)]
	return int(u[vatOfLine]), int(u[vatOfAllowance]) + int(u[vatOfCharge]), int(u[vatOfBreakdown])
}

// taxable returns vatExpectedTaxable(inv, cat, rate) from the sums; ok is
// false when the index does not keep them.
func (vx *vatIndex) taxable(cat einvoice.VATCategory, rate *decimal.Decimal) (s vatSum, ok bool) {
	if !vx.exact {
		return vatSum{}, false
	}
	k := vatCatIndex(cat)
	sums := &vx.sums[k]
	if rate != nil {
		if !vx.keyed {
			return vatSum{}, false
		}
		key := vatKey(*rate)
		if !key.ok {
			return vatSum{}, false
		}
		g := vx.group(k, key)
		if g == nil {
			return vatSum{}, true // no use of the category and rate: 0
		}
		sums = &g.sums
	}
	// As vatExpectedTaxable combines its sums, whole hundredths needing no
	// rounding.
	s = vatSum{c: sums[vatOfLine]}
	s.addSum(&vatSum{c: sums[vatOfCharge]}, false)
	s.addSum(&vatSum{c: sums[vatOfAllowance]}, true)
	return s, true
}

// calcAddTo adds x to *s, reporting false when that overflows.
func calcAddTo(s *int64, x int64) bool {
	r, ok := calcAddCents(*s, x)
	*s = r
	return ok
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
