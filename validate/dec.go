package validate

import (
	"math"

	"github.com/einvoice-go/einvoice"
	"github.com/shopspring/decimal"
)

// decRules lists the rules of this family, in the order they run.
//
// The decimal rules BR-DEC-01 .. BR-DEC-28 of EN 16931 1.3.16: an amount
// has at most 2 decimals. The ids BR-DEC-03, -04, -07, -08, -21, -22 and
// -26 do not exist.
//
// The official test is on the amount as written: string-length(
// substring-after(amount, '.')) <= 2, so "12.300" breaks it although its
// third decimal is 0. The decoders keep the scale an amount is written
// with, and so does the JSON form, so the number of decimals of the model's
// value (its Exponent) is the number of characters after the point in the
// file, and these rules count them as the official ones do. (The encoders
// write an amount with more decimals than it has, "12.300", with 2; an
// amount with more than 2 significant decimals is an encoding error.)
//
// BR-DEC-13 and BR-DEC-15 are different: see their functions.
var decRules = []rule{
	{"BR-DEC-01", brDec01},
	{"BR-DEC-02", brDec02},
	{"BR-DEC-05", brDec05},
	{"BR-DEC-06", brDec06},
	{"BR-DEC-09", brDec09},
	{"BR-DEC-10", brDec10},
	{"BR-DEC-11", brDec11},
	{"BR-DEC-12", brDec12},
	{"BR-DEC-13", brDec13},
	{"BR-DEC-14", brDec14},
	{"BR-DEC-15", brDec15},
	{"BR-DEC-16", brDec16},
	{"BR-DEC-17", brDec17},
	{"BR-DEC-18", brDec18},
	{"BR-DEC-19", brDec19},
	{"BR-DEC-20", brDec20},
	{"BR-DEC-23", brDec23},
	{"BR-DEC-24", brDec24},
	{"BR-DEC-25", brDec25},
	{"BR-DEC-27", brDec27},
	{"BR-DEC-28", brDec28},
}

// decimals is the number of decimals d is held with: 3 for 12.300, 0 for
// 12 (and for a value with a positive exponent, written without a point).
func decimals(d decimal.Decimal) int32 {
	if e := d.Exponent(); e < 0 {
		return -e
	}
	return 0
}

// held formats d with the decimals it is held with, for a message.
func held(d decimal.Decimal) string { return d.StringFixed(decimals(d)) }

// at is a model path, spelled out only when an issue is reported, so that
// checking a valid invoice builds no strings: field alone ("Totals.Due"),
// list[i].field ("Lines[2].NetAmount") or list[i].sub[j].field
// ("Lines[2].Allowances[0].Amount").
type at struct {
	list, sub, field string
	i, j             int
}

func (p at) String() string {
	switch {
	case p.list == "":
		return p.field
	case p.sub == "":
		return idx(p.list, p.i) + "." + p.field
	}
	return idx(idx(p.list, p.i)+"."+p.sub, p.j) + "." + p.field
}

// maxTwo reports at p an amount held with more than 2 decimals.
func (c *checker) maxTwo(p at, d decimal.Decimal) {
	if decimals(d) > 2 {
		c.fail(p.String(), held(d))
	}
}

// maxTwoOpt is maxTwo for an optional amount.
func (c *checker) maxTwoOpt(p at, d *decimal.Decimal) {
	if d != nil {
		c.maxTwo(p, *d)
	}
}

// brDec01: Document level allowance amount (BT-92).
func brDec01(c *checker) {
	for i := range c.inv.Allowances {
		c.maxTwo(at{list: "Allowances", i: i, field: "Amount"}, c.inv.Allowances[i].Amount)
	}
}

// brDec02: Document level allowance base amount (BT-93).
func brDec02(c *checker) {
	for i := range c.inv.Allowances {
		c.maxTwoOpt(at{list: "Allowances", i: i, field: "BaseAmount"}, c.inv.Allowances[i].BaseAmount)
	}
}

// brDec05: Document level charge amount (BT-99).
func brDec05(c *checker) {
	for i := range c.inv.Charges {
		c.maxTwo(at{list: "Charges", i: i, field: "Amount"}, c.inv.Charges[i].Amount)
	}
}

// brDec06: Document level charge base amount (BT-100).
func brDec06(c *checker) {
	for i := range c.inv.Charges {
		c.maxTwoOpt(at{list: "Charges", i: i, field: "BaseAmount"}, c.inv.Charges[i].BaseAmount)
	}
}

// brDec09: Sum of Invoice line net amount (BT-106).
func brDec09(c *checker) { c.maxTwo(at{field: "Totals.LineNet"}, c.inv.Totals.LineNet) }

// brDec10: Sum of allowances on document level (BT-107).
func brDec10(c *checker) { c.maxTwoOpt(at{field: "Totals.Allowances"}, c.inv.Totals.Allowances) }

// brDec11: Sum of charges on document level (BT-108).
func brDec11(c *checker) { c.maxTwoOpt(at{field: "Totals.Charges"}, c.inv.Totals.Charges) }

// brDec12: Invoice total amount without VAT (BT-109).
func brDec12(c *checker) { c.maxTwo(at{field: "Totals.TaxExclusive"}, c.inv.Totals.TaxExclusive) }

// brDec14: Invoice total amount with VAT (BT-112).
func brDec14(c *checker) { c.maxTwo(at{field: "Totals.TaxInclusive"}, c.inv.Totals.TaxInclusive) }

// brDec16: Paid amount (BT-113).
func brDec16(c *checker) { c.maxTwoOpt(at{field: "Totals.Paid"}, c.inv.Totals.Paid) }

// brDec17: Rounding amount (BT-114).
func brDec17(c *checker) { c.maxTwoOpt(at{field: "Totals.Rounding"}, c.inv.Totals.Rounding) }

// brDec18: Amount due for payment (BT-115).
func brDec18(c *checker) { c.maxTwo(at{field: "Totals.Due"}, c.inv.Totals.Due) }

// brDec19: VAT category taxable amount (BT-116).
func brDec19(c *checker) {
	for i := range c.inv.VATBreakdown {
		c.maxTwo(at{list: "VATBreakdown", i: i, field: "TaxableAmount"}, c.inv.VATBreakdown[i].TaxableAmount)
	}
}

// brDec20: VAT category tax amount (BT-117).
func brDec20(c *checker) {
	for i := range c.inv.VATBreakdown {
		c.maxTwo(at{list: "VATBreakdown", i: i, field: "TaxAmount"}, c.inv.VATBreakdown[i].TaxAmount)
	}
}

// brDec23: Invoice line net amount (BT-131).
func brDec23(c *checker) {
	for i := range c.inv.Lines {
		c.maxTwo(at{list: "Lines", i: i, field: "NetAmount"}, c.inv.Lines[i].NetAmount)
	}
}

// brDec24: Invoice line allowance amount (BT-136).
func brDec24(c *checker) {
	for i := range c.inv.Lines {
		for j := range c.inv.Lines[i].Allowances {
			c.maxTwo(at{list: "Lines", i: i, sub: "Allowances", j: j, field: "Amount"}, c.inv.Lines[i].Allowances[j].Amount)
		}
	}
}

// brDec25: Invoice line allowance base amount (BT-137).
func brDec25(c *checker) {
	for i := range c.inv.Lines {
		for j := range c.inv.Lines[i].Allowances {
			c.maxTwoOpt(at{list: "Lines", i: i, sub: "Allowances", j: j, field: "BaseAmount"}, c.inv.Lines[i].Allowances[j].BaseAmount)
		}
	}
}

// brDec27: Invoice line charge amount (BT-141).
func brDec27(c *checker) {
	for i := range c.inv.Lines {
		for j := range c.inv.Lines[i].Charges {
			c.maxTwo(at{list: "Lines", i: i, sub: "Charges", j: j, field: "Amount"}, c.inv.Lines[i].Charges[j].Amount)
		}
	}
}

// brDec28: Invoice line charge base amount (BT-142).
func brDec28(c *checker) {
	for i := range c.inv.Lines {
		for j := range c.inv.Lines[i].Charges {
			c.maxTwoOpt(at{list: "Lines", i: i, sub: "Charges", j: j, field: "BaseAmount"}, c.inv.Lines[i].Charges[j].BaseAmount)
		}
	}
}

// taxTotal is a ram:TaxTotalAmount as the CII encoder writes it: BT-110 in
// the invoice currency, BT-111 in the VAT accounting currency.
type taxTotal struct {
	currency einvoice.CurrencyCode
	amount   decimal.Decimal
	path     string
}

// taxTotals returns the invoice's total VAT amounts, in buf's storage.
func taxTotals(inv *einvoice.Invoice, buf *[2]taxTotal) []taxTotal {
	out := buf[:0]
	if v := inv.Totals.VAT; v != nil {
		out = append(out, taxTotal{inv.Currency, *v, "Totals.VAT"})
	}
	if v := inv.Totals.VATInTaxCurrency; v != nil {
		out = append(out, taxTotal{inv.TaxCurrency, *v, "Totals.VATInTaxCurrency"})
	}
	return out
}

// roundsToCents is the official CII test of BR-DEC-13 and BR-DEC-15,
// . = round(. * 100) div 100, evaluated as XPath 2.0 does on an untyped
// value: in double precision, round taking halves up. Unlike the other
// decimal rules it compares values, so "12.300" passes and "12.301" fails.
func roundsToCents(d decimal.Decimal) bool {
	f, _ := d.Float64()
	x := f * 100
	r := math.Floor(x)
	if x-r >= 0.5 {
		r++
	}
	return f == r/100
}

// brDec13: Invoice total VAT amount (BT-110).
//
// The official CII test, not(ram:TaxTotalAmount) or ram:TaxTotalAmount[(
// @currencyID = BT-5 and . = round(. * 100) div 100) or not(@currencyID =
// BT-5)], compares the value (see roundsToCents) and passes as soon as one
// total VAT amount passes: a BT-111 in another currency makes it pass
// whatever BT-110 holds. The UBL rule differs (its variant is in ubl.go).
func brDec13(c *checker) {
	if c.syntax == UBL {
		ublNever(c)
		return
	}
	var buf [2]taxTotal
	tts := taxTotals(c.inv, &buf)
	if len(tts) == 0 {
		return
	}
	var bad []taxTotal
	for _, t := range tts {
		if t.currency != c.inv.Currency || roundsToCents(t.amount) {
			return
		}
		bad = append(bad, t)
	}
	for _, t := range bad {
		c.fail(t.path, held(t.amount))
	}
}

// brDec15: Invoice total VAT amount in accounting currency (BT-111).
//
// The official CII test, not(ram:TaxTotalAmount) or ram:TaxTotalAmount[(
// @currencyID = BT-6 and . = round(. * 100) div 100) or not(BT-6)], compares
// the value (see roundsToCents) and, with a VAT accounting currency (BT-6),
// fails when no total VAT amount in that currency passes: also when BT-111
// is missing and BT-110 is there (which BR-53 reports too).
func brDec15(c *checker) {
	if c.syntax == UBL {
		ublNever(c)
		return
	}
	inv := c.inv
	var buf [2]taxTotal
	tts := taxTotals(inv, &buf)
	if inv.TaxCurrency == "" || len(tts) == 0 {
		return
	}
	for _, t := range tts {
		if t.currency == inv.TaxCurrency && roundsToCents(t.amount) {
			return
		}
	}
	if v := inv.Totals.VATInTaxCurrency; v != nil {
		c.fail("Totals.VATInTaxCurrency", held(*v))
		return
	}
	c.fail("Totals.VATInTaxCurrency", "missing")
}
