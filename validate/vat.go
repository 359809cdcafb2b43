package validate

import (
	"math"
	"strconv"

	"github.com/einvoice-go/einvoice"
	"github.com/shopspring/decimal"
)

// vatRules lists the rules of this family, in the order they run: the VAT
// category rules of EN 16931 (BR-S-*, BR-Z-*, BR-E-*, BR-AE-*, BR-IC-*,
// BR-G-*, BR-O-*, BR-AF-*, BR-AG-*) and the split payment rules (BR-B-*),
// one table per category, in the files vat_*.go.
func vatRules() []rule {
	return concat(vatSRules, vatZRules, vatERules, vatAERules, vatICRules, vatGRules, vatORules, vatAFRules, vatAGRules, vatBRules)
}

// The VAT category rules follow the CII binding of the official schematron
// (EN16931-CII-model.sch, 1.3.16). Its XPath tests map to the model so:
//
//   - a line's ram:ApplicableTradeTax is Lines[i].VAT, a document level
//     allowance's or charge's ram:CategoryTradeTax is Allowances[i].VAT or
//     Charges[i].VAT, a breakdown's ram:ApplicableTradeTax is
//     VATBreakdown[k];
//   - the seller's ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA'] is
//     Seller.VATID, [@schemeID='FC'] is Seller.TaxRegistration, the tax
//     representative's [@schemeID='VA'] is TaxRepresentative.VATID, the
//     buyer's is Buyer.VATID; the buyer's ram:SpecifiedLegalOrganization/ram:ID
//     is Buyer.LegalRegistration (present when not zero, as the encoder
//     writes it);
//   - an element is present when its model value is not empty (nil for a
//     rate): the encoders write what is given and nothing else.
//
// Arithmetic follows XPath 2.0 as Saxon runs it: sums of xs:decimal are
// exact, round() rounds half towards positive infinity, and a comparison
// or arithmetic between an untyped value (an element's text) and a number
// is done in xs:double. The fast paths below work in hundredths (int64) and
// in float64 where the XPath works in double, so that no allocation happens
// on a valid invoice; amounts that are not whole hundredths or do not fit
// take decimal's exact arithmetic.

// vatSellerTaxID reports whether the seller has a VAT identifier or a tax
// registration identifier, or the tax representative a VAT identifier:
// SellerTradeParty/SpecifiedTaxRegistration/ID[@schemeID = ('VA', 'FC')] or
// SellerTaxRepresentativeTradeParty/SpecifiedTaxRegistration/ID[@schemeID = 'VA'].
func vatSellerTaxID(inv *einvoice.Invoice) bool {
	return inv.Seller.VATID != "" || inv.Seller.TaxRegistration != "" || vatRepVATID(inv)
}

// vatSellerVATID is vatSellerTaxID without the tax registration (FC).
func vatSellerVATID(inv *einvoice.Invoice) bool {
	return inv.Seller.VATID != "" || vatRepVATID(inv)
}

func vatRepVATID(inv *einvoice.Invoice) bool {
	return inv.TaxRepresentative != nil && inv.TaxRepresentative.VATID != ""
}

// vatCount counts the lines, the document level allowances and charges,
// and the VAT breakdowns of category cat (from the index, computed once).
func vatCount(c *checker, cat einvoice.VATCategory) (lines, ac, breakdowns int) {
	return c.vatIndex().count(cat)
}

// vatFirstUse returns the path of the first line, allowance or charge of
// category cat, or "" when none has it.
func vatFirstUse(inv *einvoice.Invoice, cat einvoice.VATCategory) string {
	for i := range inv.Lines {
		if vatIsCat(inv.Lines[i].VAT.Category, cat) {
			return vatPath("Lines", i, "VAT.Category")
		}
	}
	for i := range inv.Allowances {
		if vatIsCat(inv.Allowances[i].VAT.Category, cat) {
			return vatPath("Allowances", i, "VAT.Category")
		}
	}
	for i := range inv.Charges {
		if vatIsCat(inv.Charges[i].VAT.Category, cat) {
			return vatPath("Charges", i, "VAT.Category")
		}
	}
	return ""
}

// vatAtLeastOne is BR-S-01, BR-AF-01 and BR-AG-01 for category cat:
//
//	((count(line taxes cat) + count(breakdowns cat)) >= 2 or not(line taxes cat)) and
//	((count(allowance and charge taxes cat) + count(breakdowns cat)) >= 2 or not(allowance and charge taxes cat))
//
// The official test deviates from the norm's text ("at least one VAT
// breakdown"): two lines of the category and no breakdown pass it, and so do
// two allowances or charges. This follows the official test.
func vatAtLeastOne(c *checker, cat einvoice.VATCategory) {
	lines, ac, bd := vatCount(c, cat)
	if (lines+bd >= 2 || lines == 0) && (ac+bd >= 2 || ac == 0) {
		return
	}
	c.fail(vatFirstUse(c.inv, cat), "category "+string(cat)+" used and no VAT breakdown of that category")
}

// vatExactlyOne is BR-Z-01, BR-E-01, BR-AE-01, BR-IC-01 and BR-G-01 for
// category cat: either the category appears nowhere, or exactly one
// breakdown has it and a line, allowance or charge has it too. A breakdown
// of the category that nothing uses fails, as the official test has it.
func vatExactlyOne(c *checker, cat einvoice.VATCategory) {
	lines, ac, bd := vatCount(c, cat)
	if (bd == 0 && lines == 0 && ac == 0) || (bd == 1 && (lines > 0 || ac > 0)) {
		return
	}
	vatFailCount(c, cat, lines+ac, bd)
}

func vatFailCount(c *checker, cat einvoice.VATCategory, uses, bd int) {
	switch {
	case bd == 0:
		c.fail(vatFirstUse(c.inv, cat), "category "+string(cat)+" used and no VAT breakdown of that category")
	case uses == 0:
		c.fail(vatBreakdownPath(c.inv, cat, 0, "Category"), "a VAT breakdown of category "+string(cat)+" that no line, allowance or charge uses")
	default:
		c.fail(vatBreakdownPath(c.inv, cat, 1, "Category"), strconv.Itoa(bd)+" VAT breakdowns of category "+string(cat))
	}
}

// vatBreakdownPath is the path of the field of the n-th (from 0) breakdown of
// category cat.
func vatBreakdownPath(inv *einvoice.Invoice, cat einvoice.VATCategory, n int, field string) string {
	for k := range inv.VATBreakdown {
		if vatIsCat(inv.VATBreakdown[k].Category, cat) {
			if n == 0 {
				return vatPath("VATBreakdown", k, field)
			}
			n--
		}
	}
	return "VATBreakdown"
}

// vatEachUse calls f with the index and VAT of each line (kind "Lines"),
// document level allowance ("Allowances") or charge ("Charges") of category
// cat. It returns at once when the index has none.
func vatEachUse(c *checker, kind string, cat einvoice.VATCategory, f func(i int, v *einvoice.VAT)) {
	inv := c.inv
	u := &c.vatIndex().uses[vatCatIndex(cat)]
	switch kind {
	case "Lines":
		if u[vatOfLine] == 0 {
			return
		}
		for i := range inv.Lines {
			if vatIsCat(inv.Lines[i].VAT.Category, cat) {
				f(i, &inv.Lines[i].VAT)
			}
		}
	case "Allowances":
		if u[vatOfAllowance] == 0 {
			return
		}
		for i := range inv.Allowances {
			if vatIsCat(inv.Allowances[i].VAT.Category, cat) {
				f(i, &inv.Allowances[i].VAT)
			}
		}
	case "Charges":
		if u[vatOfCharge] == 0 {
			return
		}
		for i := range inv.Charges {
			if vatIsCat(inv.Charges[i].VAT.Category, cat) {
				f(i, &inv.Charges[i].VAT)
			}
		}
	}
}

// vatParties checks, for each line, allowance or charge (kind) of category
// cat, that ok holds of the invoice's parties: the rules BR-x-02 to
// BR-x-04, which fire once per line, allowance or charge.
func vatParties(c *checker, kind string, cat einvoice.VATCategory, ok func(*einvoice.Invoice) bool, missing string) {
	if ok(c.inv) {
		return
	}
	vatEachUse(c, kind, cat, func(i int, _ *einvoice.VAT) {
		c.fail(vatPath(kind, i, "VAT.Category"), "category "+string(cat)+": "+missing)
	})
}

// vatRateCheck checks the rate of each line, allowance or charge (kind) of
// category cat with ok, which gets nil for an absent rate: the rules BR-x-05
// to BR-x-07.
func vatRateCheck(c *checker, kind string, cat einvoice.VATCategory, ok func(*decimal.Decimal) bool) {
	vatEachUse(c, kind, cat, func(i int, v *einvoice.VAT) {
		if !ok(v.Rate) {
			c.fail(vatPath(kind, i, "VAT.Rate"), "category "+string(cat)+", rate "+vatRateText(v.Rate))
		}
	})
}

// The rate tests of the schematron. ram:RateApplicablePercent > 0 and the
// others compare as xs:double; an absent rate makes them false.
func vatRatePositive(r *decimal.Decimal) bool    { return r != nil && r.Sign() > 0 }
func vatRateNotNegative(r *decimal.Decimal) bool { return r != nil && r.Sign() >= 0 }
func vatRateZero(r *decimal.Decimal) bool        { return r != nil && r.Sign() == 0 }
func vatRateAbsent(r *decimal.Decimal) bool      { return r == nil }

func vatRateText(r *decimal.Decimal) string {
	if r == nil {
		return "absent"
	}
	return r.String()
}

// vatEachBreakdown calls f for each VAT breakdown of category cat.
func vatEachBreakdown(c *checker, cat einvoice.VATCategory, f func(k int, b *einvoice.VATBreakdown)) {
	if c.vatIndex().uses[vatCatIndex(cat)][vatOfBreakdown] == 0 {
		return
	}
	inv := c.inv
	for k := range inv.VATBreakdown {
		if vatIsCat(inv.VATBreakdown[k].Category, cat) {
			f(k, &inv.VATBreakdown[k])
		}
	}
}

// vatTaxableExact is BR-S-08, BR-AF-08 and BR-AG-08: for each breakdown of
// category cat with a rate, the taxable amount equals, exactly, the rounded
// sum of the net amounts of the lines of that category and rate, plus the
// rounded sum of the charges, minus the rounded sum of the allowances of
// that category and rate. A breakdown without a rate passes (every $rate in
// an empty sequence), and lines without a rate count for no rate.
func vatTaxableExact(c *checker, cat einvoice.VATCategory) {
	vatEachBreakdown(c, cat, func(k int, b *einvoice.VATBreakdown) {
		if b.Rate == nil {
			return
		}
		want := vatTaxable(c, cat, b.Rate)
		if !want.equal(b.TaxableAmount) {
			c.fail(vatPath("VATBreakdown", k, "TaxableAmount"), "taxable amount "+b.TaxableAmount.String()+", lines, allowances and charges give "+want.String())
		}
	})
}

// vatTaxableNear is BR-Z-08, BR-E-08, BR-AE-08, BR-IC-08 and BR-G-08: for
// each breakdown of category cat, the taxable amount is within 1 (strictly)
// of the rounded sums of the lines, charges and allowances of that category,
// whatever their rate. The norm's text asks for equality; the official test
// allows a difference below 1 (BasisAmount - 1 < sum and BasisAmount + 1 >
// sum, in xs:double), and this follows it.
func vatTaxableNear(c *checker, cat einvoice.VATCategory) {
	vatEachBreakdown(c, cat, func(k int, b *einvoice.VATBreakdown) {
		want := vatTaxable(c, cat, nil)
		fb, fw := vatFloat(b.TaxableAmount), want.float()
		if fb-1 < fw && fb+1 > fw {
			return
		}
		c.fail(vatPath("VATBreakdown", k, "TaxableAmount"), "taxable amount "+b.TaxableAmount.String()+", lines, allowances and charges give "+want.String())
	})
}

// vatTaxableEqual is BR-O-08: like vatTaxableNear, but exact.
func vatTaxableEqual(c *checker, cat einvoice.VATCategory) {
	vatEachBreakdown(c, cat, func(k int, b *einvoice.VATBreakdown) {
		want := vatTaxable(c, cat, nil)
		if !want.equal(b.TaxableAmount) {
			c.fail(vatPath("VATBreakdown", k, "TaxableAmount"), "taxable amount "+b.TaxableAmount.String()+", lines, allowances and charges give "+want.String())
		}
	})
}

// vatTaxable is vatExpectedTaxable(c.inv, cat, rate), from the sums of
// the index when it keeps them (amounts in whole hundredths: every real
// invoice), so that the lines are not scanned again for each breakdown.
func vatTaxable(c *checker, cat einvoice.VATCategory, rate *decimal.Decimal) vatSum {
	if s, ok := c.vatIndex().taxable(cat, rate); ok {
		return s
	}
	return vatExpectedTaxable(c.inv, cat, rate)
}

// vatExpectedTaxable is the official sum for a breakdown of category cat:
//
//	round(sum(line net amounts) * 100) div 100
//	+ round(sum(charge amounts) * 100) div 100
//	- round(sum(allowance amounts) * 100) div 100
//
// over the lines, charges and allowances of category cat, and of rate rate
// (compared as xs:decimal, by value) unless rate is nil.
func vatExpectedTaxable(inv *einvoice.Invoice, cat einvoice.VATCategory, rate *decimal.Decimal) vatSum {
	var key vatRateKey
	if rate != nil {
		key = vatKey(*rate)
	}
	var lines, charges, allowances vatSum
	for i := range inv.Lines {
		if vatSelect(&inv.Lines[i].VAT, cat, rate, key) {
			lines.add(inv.Lines[i].NetAmount)
		}
	}
	for i := range inv.Charges {
		if vatSelect(&inv.Charges[i].VAT, cat, rate, key) {
			charges.add(inv.Charges[i].Amount)
		}
	}
	for i := range inv.Allowances {
		if vatSelect(&inv.Allowances[i].VAT, cat, rate, key) {
			allowances.add(inv.Allowances[i].Amount)
		}
	}
	lines.round()
	charges.round()
	allowances.round()
	lines.addSum(&charges, false)
	lines.addSum(&allowances, true)
	return lines
}

func vatSelect(v *einvoice.VAT, cat einvoice.VATCategory, rate *decimal.Decimal, key vatRateKey) bool {
	if !vatIsCat(v.Category, cat) {
		return false
	}
	if rate == nil {
		return true
	}
	if v.Rate == nil {
		return false
	}
	if k := vatKey(*v.Rate); k.ok && key.ok {
		return k == key
	}
	return v.Rate.Equal(*rate)
}

// vatRateKey is a rate's value as a coefficient without trailing zeros and
// an exponent, so that equal rates have equal keys (20, 20.00, 2E1).
type vatRateKey struct {
	c  int64
	e  int32
	ok bool // false: the coefficient does not fit; compare with Equal
}

func vatKey(d decimal.Decimal) vatRateKey {
	if d.NumDigits() > 18 {
		return vatRateKey{}
	}
	c, e := d.CoefficientInt64(), d.Exponent()
	if c == 0 {
		return vatRateKey{ok: true}
	}
	for c%10 == 0 {
		c /= 10
		e++
	}
	return vatRateKey{c, e, true}
}

// vatTaxAmountStandard is BR-S-09 for each breakdown of category cat:
//
//	abs(CalculatedAmount) - 1 < round(abs(BasisAmount) * Rate) div 100 and
//	abs(CalculatedAmount) + 1 > round(abs(BasisAmount) * Rate) div 100
//
// The norm's text asks for the taxable amount times the rate, rounded; the
// official test allows a difference below 1 and compares absolute values,
// and the product and the division are xs:double (the rate is untyped).
// This follows it. An absent rate fails.
func vatTaxAmountStandard(c *checker, cat einvoice.VATCategory) {
	vatEachBreakdown(c, cat, func(k int, b *einvoice.VATBreakdown) {
		if b.Rate != nil {
			want := vatXPathRound(math.Abs(vatFloat(b.TaxableAmount))*vatFloat(*b.Rate)) / 100
			lo, hi := vatAbsPlus(b.TaxAmount, -1), vatAbsPlus(b.TaxAmount, 1)
			if lo < want && hi > want {
				return
			}
			c.fail(vatPath("VATBreakdown", k, "TaxAmount"), "tax amount "+b.TaxAmount.String()+", taxable amount × rate gives "+strconv.FormatFloat(want, 'f', 2, 64))
			return
		}
		c.fail(vatPath("VATBreakdown", k, "TaxAmount"), "tax amount "+b.TaxAmount.String()+" and no rate")
	})
}

// vatTaxAmountZero is BR-x-09 for the categories whose tax is 0:
// CalculatedAmount = 0.
func vatTaxAmountZero(c *checker, cat einvoice.VATCategory) {
	vatEachBreakdown(c, cat, func(k int, b *einvoice.VATBreakdown) {
		if !b.TaxAmount.IsZero() {
			c.fail(vatPath("VATBreakdown", k, "TaxAmount"), "tax amount "+b.TaxAmount.String()+" for category "+string(cat))
		}
	})
}

// vatNoExemption is BR-S-10, BR-Z-10, BR-AF-10 and BR-AG-10: no exemption
// reason, neither text nor code.
func vatNoExemption(c *checker, cat einvoice.VATCategory) {
	vatEachBreakdown(c, cat, func(k int, b *einvoice.VATBreakdown) {
		switch {
		case b.ExemptionReason != "":
			c.fail(vatPath("VATBreakdown", k, "ExemptionReason"), "exemption reason "+strconv.Quote(b.ExemptionReason)+" for category "+string(cat))
		case b.ExemptionReasonCode != "":
			c.fail(vatPath("VATBreakdown", k, "ExemptionReasonCode"), "exemption reason code "+string(b.ExemptionReasonCode)+" for category "+string(cat))
		}
	})
}

// vatNeedsExemption is BR-E-10, BR-AE-10, BR-IC-10, BR-G-10 and BR-O-10: an
// exemption reason, text or code. The official test checks only that one
// is present, not what it says (the norm's text asks for the meaning of
// the category).
func vatNeedsExemption(c *checker, cat einvoice.VATCategory) {
	vatEachBreakdown(c, cat, func(k int, b *einvoice.VATBreakdown) {
		if b.ExemptionReason == "" && b.ExemptionReasonCode == "" {
			c.fail(vatPath("VATBreakdown", k, "ExemptionReason"), "no exemption reason for category "+string(cat))
		}
	})
}

// vatPath is kind[i].field.
func vatPath(kind string, i int, field string) string {
	return kind + "[" + strconv.Itoa(i) + "]." + field
}

// vatSum is an exact sum of amounts, in hundredths while they are whole
// hundredths and fit, in decimal otherwise.
type vatSum struct {
	c   int64
	d   decimal.Decimal
	big bool
}

func (s *vatSum) add(x decimal.Decimal) {
	if !s.big {
		if xc, ok := vatCents(x); ok {
			if r := s.c + xc; (xc >= 0) == (r >= s.c) {
				s.c = r
				return
			}
		}
		s.big, s.d = true, decimal.New(s.c, -2)
	}
	s.d = s.d.Add(x)
}

// addSum adds t to s, or subtracts it when neg.
func (s *vatSum) addSum(t *vatSum, neg bool) {
	if !s.big && !t.big {
		tc := t.c
		if neg {
			tc = -tc
		}
		if r := s.c + tc; tc != math.MinInt64 && (tc >= 0) == (r >= s.c) {
			s.c = r
			return
		}
	}
	a, b := s.value(), t.value()
	if neg {
		b = b.Neg()
	}
	s.big, s.d = true, a.Add(b)
}

// round is XPath round(x * 10 * 10) div 100: to hundredths, half towards
// positive infinity. Whole hundredths are already rounded.
func (s *vatSum) round() {
	if s.big {
		s.d = s.d.Shift(2).Add(decimal.New(5, -1)).Floor().Shift(-2)
	}
}

func (s *vatSum) value() decimal.Decimal {
	if s.big {
		return s.d
	}
	return decimal.New(s.c, -2)
}

func (s *vatSum) String() string { return s.value().StringFixed(2) }

// equal compares the sum with an amount, as xs:double (an untyped element
// against a decimal): by value for amounts that are whole hundredths.
func (s *vatSum) equal(x decimal.Decimal) bool {
	if !s.big {
		if xc, ok := vatCents(x); ok {
			return xc == s.c
		}
	}
	return s.float() == vatFloat(x)
}

func (s *vatSum) float() float64 {
	if !s.big && s.c > -1<<53 && s.c < 1<<53 {
		return float64(s.c) / 100
	}
	return s.value().InexactFloat64()
}

// vatCents returns d in hundredths when that is exact and fits in an int64.
func vatCents(d decimal.Decimal) (int64, bool) {
	if d.NumDigits() > 18 {
		return 0, false
	}
	c, e := d.CoefficientInt64(), d.Exponent()
	switch {
	case e == -2:
		return c, true
	case e > -2:
		for ; e > -2; e-- {
			if c > math.MaxInt64/10 || c < math.MinInt64/10 {
				return 0, false
			}
			c *= 10
		}
		return c, true
	default:
		for ; e < -2; e++ {
			if c%10 != 0 {
				return 0, false
			}
			c /= 10
		}
		return c, true
	}
}

// vatFloat is d as xs:double, the nearest float64, without allocating
// for the values of real invoices.
func vatFloat(d decimal.Decimal) float64 {
	if d.NumDigits() <= 15 {
		c, e := d.CoefficientInt64(), d.Exponent()
		switch {
		case e == 0:
			return float64(c)
		case e < 0 && e >= -22:
			// Both exact in float64: the quotient is correctly rounded.
			return float64(c) / math.Pow10(int(-e))
		case e > 0 && e <= 22:
			return float64(c) * math.Pow10(int(e))
		}
	}
	return d.InexactFloat64()
}

// vatAbsPlus is abs(d) + delta (delta an integer), exact in decimal, then
// promoted to xs:double.
func vatAbsPlus(d decimal.Decimal, delta int64) float64 {
	if c, ok := vatCents(d); ok && c > -1<<52 && c < 1<<52 {
		if c < 0 {
			c = -c
		}
		return float64(c+delta*100) / 100
	}
	return vatFloat(d.Abs().Add(decimal.New(delta, 0)))
}

// vatXPathRound is XPath round() of an xs:double: the nearest integer, half
// towards positive infinity.
func vatXPathRound(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	f := math.Floor(x)
	if x-f >= 0.5 {
		f++
	}
	return f
}

// vatIsCat is a == cat for a category constant cat (not empty), quicker
// than the string comparison on the one- and two-letter codes.
func vatIsCat(a, cat einvoice.VATCategory) bool {
	return len(a) == len(cat) && a[0] == cat[0] && (len(a) == 1 || a == cat)
}
