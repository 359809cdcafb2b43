package einvoice

import (
	"strconv"

	"github.com/einvoice-go/einvoice/internal/decslab"
	"github.com/shopspring/decimal"
)

// The calculation of an invoice, in one place.
//
// Amounts have at most 2 decimals. The calculation rounds to 2 decimals, half
// away from zero, at exactly these steps, and nowhere else:
//
//   - the line amount before allowances and charges: quantity × net price ÷
//     base quantity (BT-129 × BT-146 ÷ BT-149), rounded once, after the exact
//     product and quotient;
//   - an allowance or charge amount computed from a percentage: base amount
//     × percentage ÷ 100 (BT-93 × BT-94, BT-100 × BT-101, BT-137 × BT-138,
//     BT-142 × BT-143);
//   - a VAT category tax amount: taxable amount × rate ÷ 100 (BT-116 ×
//     BT-119, BR-CO-17).
//
// Every other figure is a sum or difference of 2-decimal amounts and needs no
// rounding: the line net amount (BT-131), the VAT category taxable amount
// (BT-116), and the document totals (BT-106 to BT-115). Prices, quantities
// and percentages keep the precision they are given.
//
// Half away from zero is what the official schematron's arithmetic rules
// accept: they compare against XPath round() of absolute values.
//
// Amounts given by the caller (allowance and charge amounts, the paid and
// rounding amounts) are never rounded: an amount with more than 2 decimals is
// an error, not a figure silently changed.

// amountPlaces is the number of decimals of an amount in EN 16931.
const amountPlaces = 2

// one and zero are constants in all but name: decimals are immutable, and
// nothing takes their address to change them.
var (
	one  = decimal.New(1, 0)
	zero = decimal.New(0, 0)
)

// RoundAmount rounds d to 2 decimals, half away from zero: the one rounding
// of the calculation.
func RoundAmount(d decimal.Decimal) decimal.Decimal { return d.Round(amountPlaces) }

// Complete computes the derived figures of the invoice and stores them:
// net prices from gross prices, allowance and charge amounts from their
// percentages, the line net amounts (BT-131), the VAT breakdown (BG-23) and the
// document totals (BG-22). What the caller gave is kept: quantities, prices,
// amounts, the paid and rounding amounts, and the exemption reasons of the
// VAT breakdown, matched by category and rate.
//
// It fills in two more things whose value is certain: a VAT rate of 0 where
// the category allows no other (Z, E, AE, K, G), and for categories AE, K, G
// and O without an exemption reason, the VATEX code of that category. The
// exemption reason of category E cannot be inferred; the caller gives it in
// the VAT breakdown.
//
// An invoice that completes passes the arithmetic rules of EN 16931 (BR-CO-10
// to BR-CO-17 and the VAT category sums and amounts) by construction. One that
// cannot be computed (a line without a VAT category, a standard rate missing,
// an amount with 3 decimals, a VAT accounting currency without its VAT
// total) gets an ErrorList naming every such field, and is left unchanged.
//
// The lines are completed in place (inv.Lines keeps its array); the
// document level allowances and charges get new arrays.
func (inv *Invoice) Complete() error {
	var errs ErrorList
	// The lines are completed in place, the figures they had kept aside
	// (saved, on the stack for up to 16 lines) and put back on failure: a
	// failure leaves inv as it was, without copying every line.
	var buf [16]lineFigures
	saved := buf[:0]
	if len(inv.Lines) > len(buf) {
		saved = make([]lineFigures, 0, len(inv.Lines))
	}
	// The computed amounts share a few allocations: a line's net amount,
	// the allowances' and charges', a VAT group's two (room for 3 groups),
	// 6 of the 7 totals (TaxExclusive and Due are often shared).
	var sl decslab.Slab
	sl.Grow(len(inv.Lines) + len(inv.Allowances) + len(inv.Charges) + 12)
	for i := range inv.Lines {
		l := &inv.Lines[i]
		saved = append(saved, figuresOf(l))
		completeLine(&sl, l, i, &errs)
	}
	allowances := make([]Allowance, len(inv.Allowances))
	copy(allowances, inv.Allowances)
	for i := range allowances {
		a := &allowances[i]
		completeDocAC(&sl, &a.Amount, a.BaseAmount, a.Percentage, "Allowances", i, &errs, "BT-92", "BT-93", "BT-94")
		completeVAT(&a.VAT, "Allowances", i, &errs, "BT-95", "BT-96")
	}
	charges := make([]Charge, len(inv.Charges))
	copy(charges, inv.Charges)
	for i := range charges {
		c := &charges[i]
		completeDocAC(&sl, &c.Amount, c.BaseAmount, c.Percentage, "Charges", i, &errs, "BT-99", "BT-100", "BT-101")
		completeVAT(&c.VAT, "Charges", i, &errs, "BT-102", "BT-103")
	}
	if len(errs) > 0 {
		restoreFigures(inv.Lines, saved)
		checkTotalsInputs(inv, &errs)
		return errs
	}
	givenAllowances, givenCharges := inv.Allowances, inv.Charges
	inv.Allowances, inv.Charges = allowances, charges
	breakdown, err := calculateBreakdown(&sl, inv)
	appendErrors(&errs, err)
	givenBreakdown := inv.VATBreakdown
	inv.VATBreakdown = breakdown
	totals, err := calculateTotals(&sl, inv)
	appendErrors(&errs, err)
	if len(errs) > 0 {
		restoreFigures(inv.Lines, saved)
		inv.Allowances, inv.Charges, inv.VATBreakdown = givenAllowances, givenCharges, givenBreakdown
		return errs
	}
	inv.Totals = totals
	return nil
}

// lineFigures are the fields of a line that completeLine may change.
type lineFigures struct {
	priceNet, net decimal.Decimal
	rate          *decimal.Decimal
	allowances    []LineAllowance
	charges       []LineCharge
}

func figuresOf(l *Line) lineFigures {
	return lineFigures{priceNet: l.Price.Net, net: l.NetAmount, rate: l.VAT.Rate, allowances: l.Allowances, charges: l.Charges}
}

// restoreFigures puts back the figures of lines saved before completing them.
func restoreFigures(lines []Line, saved []lineFigures) {
	for i := range saved {
		l, f := &lines[i], &saved[i]
		l.Price.Net, l.NetAmount, l.VAT.Rate = f.priceNet, f.net, f.rate
		l.Allowances, l.Charges = f.allowances, f.charges
	}
}

func appendErrors(errs *ErrorList, err error) {
	if list, ok := err.(ErrorList); ok {
		*errs = append(*errs, list...)
	}
}

// completeLine computes a line's net price, line allowance and charge amounts
// and net amount, and checks its VAT category and rate. The amounts are
// made by sl.
func completeLine(sl *decslab.Slab, l *Line, i int, errs *ErrorList) {
	n := len(*errs)
	if l.Price.Gross != nil && l.Price.Net.IsZero() {
		net := *l.Price.Gross
		if l.Price.Discount != nil {
			net = net.Sub(*l.Price.Discount)
		}
		l.Price.Net = net
	}
	if bq := l.Price.BaseQuantity; bq != nil && bq.Sign() <= 0 {
		errs.add(itemPath("Lines", i, "Price.BaseQuantity"), "the price base quantity must be greater than zero", "BT-149")
	}
	if l.Status.Counts() || l.VAT.Category != "" {
		completeVAT(&l.VAT, "Lines", i, errs, "BT-151", "BT-152")
	}
	if len(*errs) > n {
		return
	}
	gross := lineGross(sl, l)
	if needsPercent(l.Allowances, func(a *LineAllowance) (decimal.Decimal, *decimal.Decimal) { return a.Amount, a.Percentage }) {
		l.Allowances = append([]LineAllowance(nil), l.Allowances...) // the caller's array stays as it is
	}
	for j := range l.Allowances {
		a := &l.Allowances[j]
		completeLineAC(sl, &a.Amount, &a.BaseAmount, a.Percentage, gross, i, "Allowances", j, errs, "BT-136", "BT-137")
	}
	if needsPercent(l.Charges, func(c *LineCharge) (decimal.Decimal, *decimal.Decimal) { return c.Amount, c.Percentage }) {
		l.Charges = append([]LineCharge(nil), l.Charges...)
	}
	for j := range l.Charges {
		c := &l.Charges[j]
		completeLineAC(sl, &c.Amount, &c.BaseAmount, c.Percentage, gross, i, "Charges", j, errs, "BT-141", "BT-142")
	}
	if len(*errs) > n {
		return
	}
	l.NetAmount = lineNet(sl, l, gross)
}

// lineGross is the line amount before line allowances and charges: quantity
// × net price ÷ base quantity, rounded to 2 decimals.
func lineGross(sl *decslab.Slab, l *Line) decimal.Decimal {
	if bq := l.Price.BaseQuantity; bq != nil && !sameRate(*bq, one) {
		if e, ok := powerOfTen(*bq); ok {
			// per 10, per 100, per 1000 units: a shift, one rounding
			return mulRound(sl, l.Quantity, l.Price.Net, -e)
		}
		return l.Quantity.Mul(l.Price.Net).DivRound(*bq, amountPlaces)
	}
	return mulRound(sl, l.Quantity, l.Price.Net, 0)
}

// powerOfTen returns e when d is 10^e.
func powerOfTen(d decimal.Decimal) (int32, bool) {
	c, e, ok := coef(d)
	if !ok || c <= 0 {
		return 0, false
	}
	for c%10 == 0 {
		c /= 10
		e++
	}
	return e, c == 1
}

func lineNet(sl *decslab.Slab, l *Line, gross decimal.Decimal) decimal.Decimal {
	if len(l.Allowances) == 0 && len(l.Charges) == 0 {
		return normalize(gross)
	}
	var s sum
	s.add(gross)
	for j := range l.Allowances {
		s.sub(l.Allowances[j].Amount)
	}
	for j := range l.Charges {
		s.add(l.Charges[j].Amount)
	}
	return s.value(sl)
}

// CalculateLineNet returns the net amount (BT-131) of a line as its other
// terms give it: quantity × net price ÷ base quantity, rounded to 2 decimals,
// less the line allowance amounts, plus the line charge amounts (as given,
// not recomputed from percentages).
func CalculateLineNet(l *Line) (decimal.Decimal, error) {
	if bq := l.Price.BaseQuantity; bq != nil && bq.Sign() <= 0 {
		return decimal.Decimal{}, &FieldError{Path: "Price.BaseQuantity", Terms: []string{"BT-149"}, Msg: "the price base quantity must be greater than zero"}
	}
	return lineNet(nil, l, lineGross(nil, l)), nil
}

// needsPercent reports whether an allowance or charge of list has its
// amount to compute from a percentage.
func needsPercent[T any](list []T, get func(*T) (decimal.Decimal, *decimal.Decimal)) bool {
	for i := range list {
		if amount, pct := get(&list[i]); pct != nil && amount.IsZero() {
			return true
		}
	}
	return false
}

// completeLineAC computes a line allowance or charge amount from its
// percentage, the base amount defaulting to the line's gross amount.
func completeLineAC(sl *decslab.Slab, amount *decimal.Decimal, base **decimal.Decimal, pct *decimal.Decimal, gross decimal.Decimal, i int, kind string, j int, errs *ErrorList, amountBT, baseBT string) {
	if pct != nil && amount.IsZero() {
		if *base == nil {
			g := gross
			*base = &g
		}
		*amount = percentOf(sl, **base, *pct)
	}
	checkPlaces(*amount, errs, amountBT, func() string { return itemPath("Lines", i, subPath(kind, j, "Amount")) })
	if *base != nil {
		checkPlaces(**base, errs, baseBT, func() string { return itemPath("Lines", i, subPath(kind, j, "BaseAmount")) })
	}
}

// completeDocAC computes a document level allowance or charge amount from
// its percentage and base amount.
func completeDocAC(sl *decslab.Slab, amount *decimal.Decimal, base, pct *decimal.Decimal, kind string, i int, errs *ErrorList, amountBT, baseBT, pctBT string) {
	if pct != nil && amount.IsZero() {
		if base == nil {
			errs.add(itemPath(kind, i, "BaseAmount"), "a percentage without a base amount: the amount cannot be computed", baseBT, pctBT)
			return
		}
		*amount = percentOf(sl, *base, *pct)
	}
	checkPlaces(*amount, errs, amountBT, func() string { return itemPath(kind, i, "Amount") })
	if base != nil {
		checkPlaces(*base, errs, baseBT, func() string { return itemPath(kind, i, "BaseAmount") })
	}
}

// percentOf is base × pct ÷ 100, rounded to 2 decimals.
func percentOf(sl *decslab.Slab, base, pct decimal.Decimal) decimal.Decimal {
	return mulRound(sl, base, pct, -2)
}

// checkPlaces reports an amount with more than 2 decimals.
func checkPlaces(d decimal.Decimal, errs *ErrorList, bt string, path func() string) {
	if !hasPlaces(d, amountPlaces) {
		errs.add(path(), "the amount "+formatExact(d)+" has more than 2 decimals; round it before", bt)
	}
}

// hasPlaces reports whether d has at most n significant decimals.
func hasPlaces(d decimal.Decimal, n int32) bool {
	if d.Exponent() >= -n {
		return true
	}
	return d.Equal(d.Truncate(n))
}

// completeVAT checks a VAT category and rate and fills a rate of 0 where the
// category allows no other.
func completeVAT(v *VAT, kind string, i int, errs *ErrorList, catBT, rateBT string) {
	switch v.Category {
	case "":
		errs.add(itemPath(kind, i, "VAT.Category"), "the VAT category code is missing", catBT)
	case VATStandard, VATSplitPayment, VATCanaryIslands, VATCeutaMelilla:
		switch {
		case v.Rate == nil:
			errs.add(itemPath(kind, i, "VAT.Rate"), "the VAT rate is missing for category "+string(v.Category), rateBT)
		case v.Category == VATStandard && v.Rate.Sign() <= 0:
			errs.add(itemPath(kind, i, "VAT.Rate"), "the standard VAT rate must be greater than zero", rateBT)
		case v.Rate.Sign() < 0:
			errs.add(itemPath(kind, i, "VAT.Rate"), "the VAT rate must not be negative", rateBT)
		}
	case VATZeroRated, VATExempt, VATReverseCharge, VATIntraCommunity, VATExport:
		if v.Rate == nil {
			z := decimal.New(0, 0)
			v.Rate = &z
		} else if !v.Rate.IsZero() {
			errs.add(itemPath(kind, i, "VAT.Rate"), "the VAT rate of category "+string(v.Category)+" must be 0", rateBT)
		}
	case VATNotSubject:
		if v.Rate != nil {
			errs.add(itemPath(kind, i, "VAT.Rate"), "category O (not subject to VAT) takes no VAT rate", rateBT)
		}
	default:
		errs.add(itemPath(kind, i, "VAT.Category"), "the VAT category code "+strconv.Quote(string(v.Category))+" is not one EN 16931 allows", catBT)
	}
}

// defaultExemption is the VATEX code that a category implies.
func defaultExemption(c VATCategory) VATEXCode {
	switch c {
	case VATReverseCharge:
		return VATEX_EU_AE
	case VATIntraCommunity:
		return VATEX_EU_IC
	case VATExport:
		return VATEX_EU_G
	case VATNotSubject:
		return VATEX_EU_O
	}
	return ""
}

// sameVAT reports whether a category and rate are those of a VAT
// breakdown, the rate compared by value (20 and 20.00 are the same rate).
// For the categories whose rate can only be 0, an absent rate is 0.
func sameVAT(cat VATCategory, rate *decimal.Decimal, b *VATBreakdown) bool {
	if cat != b.Category {
		return false
	}
	r1, r2 := rate, b.Rate
	if zeroRated(cat) {
		if r1 == nil {
			r1 = &zero
		}
		if r2 == nil {
			r2 = &zero
		}
	}
	if r1 == nil || r2 == nil {
		return r1 == nil && r2 == nil
	}
	return sameRate(*r1, *r2)
}

// vatKey is a VAT category and rate by value: the rate's coefficient without
// trailing zeros and its exponent, so that 20, 20.0 and 20.00 have one key.
// For the categories whose rate can only be 0, an absent rate is 0.
type vatKey struct {
	cat    VATCategory
	c      int64
	e      int32
	noRate bool
	ok     bool // false: the rate has more than 18 digits, no key
}

func vatKeyOf(cat VATCategory, rate *decimal.Decimal) vatKey {
	if rate == nil && zeroRated(cat) {
		rate = &zero
	}
	if rate == nil {
		return vatKey{cat: cat, noRate: true, ok: true}
	}
	c, e, ok := coef(*rate)
	if !ok {
		return vatKey{cat: cat}
	}
	if c == 0 {
		e = 0
	}
	for c != 0 && c%10 == 0 {
		c /= 10
		e++
	}
	return vatKey{cat: cat, c: c, e: e, ok: true}
}

// zeroRated reports whether a category's rate can only be 0.
func zeroRated(c VATCategory) bool {
	switch c {
	case VATZeroRated, VATExempt, VATReverseCharge, VATIntraCommunity, VATExport:
		return true
	}
	return false
}

// CalculateBreakdown returns the VAT breakdown (BG-23) of an invoice from its
// stated line net amounts (of the lines that count, see LineStatus.Counts)
// and document level allowance and charge amounts:
// one entry per VAT category and rate, in the order they first occur in the
// lines, then the allowances, then the charges. The exemption reasons are
// taken from inv.VATBreakdown, matched by category and rate; for categories
// AE, K, G and O without one, the category's VATEX code is set. An exemption
// reason given for a category and rate that nothing uses is an error, since
// it would otherwise be lost.
func CalculateBreakdown(inv *Invoice) ([]VATBreakdown, error) {
	var sl decslab.Slab
	return calculateBreakdown(&sl, inv)
}

// calculateBreakdown is CalculateBreakdown, its amounts made by sl.
func calculateBreakdown(sl *decslab.Slab, inv *Invoice) ([]VATBreakdown, error) {
	// Each rate is reduced once to a key (vatKeyOf) and compared to the
	// groups' keys as integers; a rate without a key is compared by value.
	out := make([]VATBreakdown, 0, 4)
	var sumBuf [4]sum
	var keyBuf [4]vatKey
	sums, keys := sumBuf[:0], keyBuf[:0]
	var rates []decimal.Decimal
	find := func(v *VAT) *sum {
		k := vatKeyOf(v.Category, v.Rate)
		for i := range keys {
			if k.ok && keys[i].ok {
				if k == keys[i] {
					return &sums[i]
				}
			} else if sameVAT(v.Category, v.Rate, &out[i]) {
				return &sums[i]
			}
		}
		var rate *decimal.Decimal
		if v.Rate != nil {
			// the groups' rates are copies, 4 to an allocation
			if len(rates) == cap(rates) {
				rates = make([]decimal.Decimal, 0, 4)
			}
			rates = append(rates, *v.Rate)
			rate = &rates[len(rates)-1]
		}
		out = append(out, VATBreakdown{Category: v.Category, Rate: rate})
		sums = append(sums, sum{})
		keys = append(keys, k)
		return &sums[len(sums)-1]
	}
	for i := range inv.Lines {
		if l := &inv.Lines[i]; l.Status.Counts() {
			find(&l.VAT).add(l.NetAmount)
		}
	}
	for i := range inv.Allowances {
		find(&inv.Allowances[i].VAT).sub(inv.Allowances[i].Amount)
	}
	for i := range inv.Charges {
		find(&inv.Charges[i].VAT).add(inv.Charges[i].Amount)
	}
	for k := range out {
		out[k].TaxableAmount = sums[k].value(sl)
	}
	var errs ErrorList
	for k := range inv.VATBreakdown {
		given := &inv.VATBreakdown[k]
		if given.ExemptionReason == "" && given.ExemptionReasonCode == "" {
			continue
		}
		matched := false
		for j := range out {
			if sameVAT(given.Category, given.Rate, &out[j]) {
				out[j].ExemptionReason, out[j].ExemptionReasonCode = given.ExemptionReason, given.ExemptionReasonCode
				matched = true
				break
			}
		}
		if !matched {
			errs.add(itemPath("VATBreakdown", k, "ExemptionReason"), "an exemption reason for VAT category "+string(given.Category)+" and a rate that no line, allowance or charge has", "BT-120", "BT-121")
		}
	}
	for j := range out {
		b := &out[j]
		if b.Rate == nil {
			b.TaxAmount = zeroCents
		} else {
			b.TaxAmount = percentOf(sl, b.TaxableAmount, *b.Rate)
		}
		if b.ExemptionReason == "" && b.ExemptionReasonCode == "" {
			b.ExemptionReasonCode = defaultExemption(b.Category)
		}
	}
	return out, errs.Err()
}

// CalculateTotals returns the document totals (BG-22) of an invoice from its
// stated line net amounts (of the lines that count, see LineStatus.Counts), document level allowance and charge amounts, VAT
// breakdown tax amounts, and paid and rounding amounts. The VAT total in
// accounting currency (BT-111) is carried over as given.
func CalculateTotals(inv *Invoice) (Totals, error) {
	var sl decslab.Slab
	return calculateTotals(&sl, inv)
}

// calculateTotals is CalculateTotals, its amounts made by sl.
func calculateTotals(sl *decslab.Slab, inv *Invoice) (Totals, error) {
	var errs ErrorList
	t := Totals{
		VATInTaxCurrency: inv.Totals.VATInTaxCurrency,
		Paid:             inv.Totals.Paid,
		Rounding:         inv.Totals.Rounding,
	}
	var lineNet, total sum
	for i := range inv.Lines {
		if l := &inv.Lines[i]; l.Status.Counts() {
			lineNet.add(l.NetAmount)
		}
	}
	t.LineNet = lineNet.value(sl)
	total = lineNet
	// The pointed-to totals share one allocation.
	ptrs := new([3]decimal.Decimal)
	if len(inv.Allowances) > 0 {
		var s sum
		for i := range inv.Allowances {
			s.add(inv.Allowances[i].Amount)
			total.sub(inv.Allowances[i].Amount)
		}
		ptrs[0] = s.value(sl)
		t.Allowances = &ptrs[0]
	}
	if len(inv.Charges) > 0 {
		var s sum
		for i := range inv.Charges {
			s.add(inv.Charges[i].Amount)
			total.add(inv.Charges[i].Amount)
		}
		ptrs[1] = s.value(sl)
		t.Charges = &ptrs[1]
	}
	t.TaxExclusive = t.LineNet
	if t.Allowances != nil || t.Charges != nil {
		t.TaxExclusive = total.value(sl)
	}
	var vat sum
	for i := range inv.VATBreakdown {
		vat.add(inv.VATBreakdown[i].TaxAmount)
		total.add(inv.VATBreakdown[i].TaxAmount)
	}
	ptrs[2] = vat.value(sl)
	t.VAT = &ptrs[2]
	t.TaxInclusive = total.value(sl)
	t.Due = t.TaxInclusive
	if t.Paid != nil || t.Rounding != nil {
		if t.Paid != nil {
			total.sub(*t.Paid)
		}
		if t.Rounding != nil {
			total.add(*t.Rounding)
		}
		t.Due = total.value(sl)
	}
	checkTotalsInputs(inv, &errs)
	return t, errs.Err()
}

// checkTotalsInputs checks the totals the caller gives: the currencies, the
// paid and rounding amounts, the VAT total in accounting currency.
func checkTotalsInputs(inv *Invoice, errs *ErrorList) {
	t := &inv.Totals
	if t.Paid != nil {
		checkPlaces(*t.Paid, errs, "BT-113", func() string { return "Totals.Paid" })
	}
	if t.Rounding != nil {
		checkPlaces(*t.Rounding, errs, "BT-114", func() string { return "Totals.Rounding" })
	}
	if inv.Currency == "" {
		errs.add("Currency", "the invoice currency code is missing", "BT-5")
	}
	if inv.TaxCurrency != "" && inv.TaxCurrency != inv.Currency && t.VATInTaxCurrency == nil {
		errs.add("Totals.VATInTaxCurrency", "the VAT accounting currency "+string(inv.TaxCurrency)+" differs from the invoice currency "+string(inv.Currency)+" and the VAT total in it is missing: it needs an exchange rate the invoice does not carry", "BT-111", "BT-6")
	}
	if t.VATInTaxCurrency != nil {
		checkPlaces(*t.VATInTaxCurrency, errs, "BT-111", func() string { return "Totals.VATInTaxCurrency" })
	}
}

func itemPath(kind string, i int, field string) string {
	return kind + "[" + strconv.Itoa(i) + "]." + field
}

func subPath(kind string, j int, field string) string {
	return kind + "[" + strconv.Itoa(j) + "]." + field
}
