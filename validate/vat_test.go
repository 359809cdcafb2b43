package validate

import (
	"slices"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/fixtures"
	"github.com/shopspring/decimal"
)

// vatRuleByID returns the rule of vatRules or codeRules with the id.
func vatRuleByID(t testing.TB, id string) rule {
	t.Helper()
	for _, r := range concat(vatRules(), codeRules) {
		if r.id == id {
			return r
		}
	}
	t.Fatalf("no rule %s", id)
	return rule{}
}

// vatRun runs one rule alone on inv and returns its issues.
func vatRun(r rule, inv *einvoice.Invoice) []Issue {
	var rep Report
	c := &checker{inv: inv, rule: r.id, rep: &rep}
	r.check(c)
	return rep.Issues
}

// vatValidBases are the invoices none of the rules of this family and of
// codeRules may fire on: the fixtures meant for BASIC, EN 16931 and
// EXTENDED, and the benchmark invoice.
func vatValidBases() []fixtures.Fixture {
	var out []fixtures.Fixture
	for _, f := range fixtures.All() {
		switch f.Profile {
		case fixtures.Basic, fixtures.EN16931, fixtures.Extended:
			out = append(out, f)
		}
	}
	for _, n := range []int{1, 10, 100} {
		out = append(out, fixtures.Fixture{Name: "bench-" + strings.Repeat("x", n%7), Invoice: *fixtures.Bench(n)})
	}
	return out
}

func TestVATAndCodeRulesQuietOnFixtures(t *testing.T) {
	for _, f := range vatValidBases() {
		for _, r := range concat(vatRules(), codeRules) {
			inv := f.Invoice
			if is := vatRun(r, &inv); len(is) > 0 {
				t.Errorf("%s: %s fires on a valid invoice: %v", f.Name, r.id, is)
			}
		}
	}
}

// vatFixture returns a fresh fixture invoice.
func vatFixture(t testing.TB, name string) einvoice.Invoice {
	t.Helper()
	f, ok := fixtures.ByName(name)
	if !ok {
		t.Fatalf("no fixture %s", name)
	}
	return f.Invoice
}

func vatDec(s string) decimal.Decimal   { return decimal.RequireFromString(s) }
func vatDecP(s string) *decimal.Decimal { d := vatDec(s); return &d }

// vatCategoryCase describes, for one VAT category, a valid fixture that uses
// it and the values its rules need.
type vatCategoryCase struct {
	prefix  string // BR-<prefix>-nn
	cat     einvoice.VATCategory
	fixture string
	badRate *decimal.Decimal // a rate BR-x-05 to 07 refuse; nil: a present rate is refused (O)
}

var vatCategoryCases = []vatCategoryCase{
	{"S", einvoice.VATStandard, "base", vatDecP("0")},
	{"Z", einvoice.VATZeroRated, "vat-zero-rated", vatDecP("5")},
	{"E", einvoice.VATExempt, "vat-exempt", vatDecP("5")},
	{"AE", einvoice.VATReverseCharge, "vat-reverse-charge", vatDecP("5")},
	{"IC", einvoice.VATIntraCommunity, "vat-intra-community", vatDecP("5")},
	{"G", einvoice.VATExport, "vat-export", vatDecP("5")},
	{"O", einvoice.VATNotSubject, "vat-not-subject", vatDecP("0")},
	{"AF", einvoice.VATCanaryIslands, "vat-canary-islands", vatDecP("0")},
	{"AG", einvoice.VATCeutaMelilla, "vat-ceuta-melilla", vatDecP("-1")},
}

// vatLineOf returns the index of the first line of category cat.
func vatLineOf(t testing.TB, inv *einvoice.Invoice, cat einvoice.VATCategory) int {
	t.Helper()
	for i := range inv.Lines {
		if inv.Lines[i].VAT.Category == cat {
			return i
		}
	}
	t.Fatalf("no line of category %s", cat)
	return -1
}

// vatBreakdownOf returns the first breakdown of category cat.
func vatBreakdownOf(t testing.TB, inv *einvoice.Invoice, cat einvoice.VATCategory) *einvoice.VATBreakdown {
	t.Helper()
	for k := range inv.VATBreakdown {
		if inv.VATBreakdown[k].Category == cat {
			return &inv.VATBreakdown[k]
		}
	}
	t.Fatalf("no breakdown of category %s", cat)
	return nil
}

// vatBreakParties makes the party rules BR-x-02 to BR-x-04 of the category
// fail.
func vatBreakParties(inv *einvoice.Invoice, cat einvoice.VATCategory) {
	if cat == einvoice.VATNotSubject {
		inv.Buyer.VATID = "FR32123456789"
		return
	}
	inv.Seller.VATID, inv.Seller.TaxRegistration, inv.TaxRepresentative = "", "", nil
	inv.Buyer.VATID, inv.Buyer.LegalRegistration = "", einvoice.ID{}
}

// vatUseVAT returns the VAT of the category's first line, for a new
// allowance or charge.
func vatUseVAT(t testing.TB, inv *einvoice.Invoice, cat einvoice.VATCategory) einvoice.VAT {
	v := inv.Lines[vatLineOf(t, inv, cat)].VAT
	if v.Rate != nil {
		v.Rate = vatDecP(v.Rate.String())
	}
	return v
}

// vatMutation makes one rule fire.
type vatMutation struct {
	id     string
	base   string
	mutate func(t testing.TB, inv *einvoice.Invoice)
	quiet  bool // the rule must not fire: an official quirk
}

// vatMutations builds the mutations of the VAT category rules.
func vatMutations() []vatMutation {
	var out []vatMutation
	for _, cc := range vatCategoryCases {
		cc := cc
		id := func(n string) string { return "BR-" + cc.prefix + "-" + n }
		add := func(n string, f func(t testing.TB, inv *einvoice.Invoice)) {
			out = append(out, vatMutation{id: id(n), base: cc.fixture, mutate: f})
		}
		add("01", func(t testing.TB, inv *einvoice.Invoice) {
			switch cc.cat {
			case einvoice.VATNotSubject:
				// BR-O-01 fires only with a breakdown of category O: two of them.
				inv.VATBreakdown = append(inv.VATBreakdown, *vatBreakdownOf(t, inv, cc.cat))
			case einvoice.VATStandard, einvoice.VATCanaryIslands, einvoice.VATCeutaMelilla:
				// One line of the category and no breakdown of it.
				i := vatLineOf(t, inv, cc.cat)
				inv.Lines = []einvoice.Line{inv.Lines[i]}
				inv.Allowances, inv.Charges = nil, nil
				inv.VATBreakdown = slices.DeleteFunc(inv.VATBreakdown, func(b einvoice.VATBreakdown) bool { return b.Category == cc.cat })
			default:
				inv.VATBreakdown = slices.DeleteFunc(inv.VATBreakdown, func(b einvoice.VATBreakdown) bool { return b.Category == cc.cat })
			}
		})
		add("02", func(t testing.TB, inv *einvoice.Invoice) { vatBreakParties(inv, cc.cat) })
		add("03", func(t testing.TB, inv *einvoice.Invoice) {
			inv.Allowances = append(inv.Allowances, einvoice.Allowance{Amount: vatDec("1.00"), Reason: "x", VAT: vatUseVAT(t, inv, cc.cat)})
			vatBreakParties(inv, cc.cat)
		})
		add("04", func(t testing.TB, inv *einvoice.Invoice) {
			inv.Charges = append(inv.Charges, einvoice.Charge{Amount: vatDec("1.00"), Reason: "x", VAT: vatUseVAT(t, inv, cc.cat)})
			vatBreakParties(inv, cc.cat)
		})
		add("05", func(t testing.TB, inv *einvoice.Invoice) {
			inv.Lines[vatLineOf(t, inv, cc.cat)].VAT.Rate = cc.badRate
		})
		add("06", func(t testing.TB, inv *einvoice.Invoice) {
			v := vatUseVAT(t, inv, cc.cat)
			v.Rate = cc.badRate
			inv.Allowances = append(inv.Allowances, einvoice.Allowance{Amount: vatDec("0.00"), Reason: "x", VAT: v})
		})
		add("07", func(t testing.TB, inv *einvoice.Invoice) {
			v := vatUseVAT(t, inv, cc.cat)
			v.Rate = cc.badRate
			inv.Charges = append(inv.Charges, einvoice.Charge{Amount: vatDec("0.00"), Reason: "x", VAT: v})
		})
		switch cc.cat {
		case einvoice.VATCanaryIslands, einvoice.VATCeutaMelilla:
			// BR-AF-08 and BR-AG-08 cannot fail in CII, BR-AF-09 and
			// BR-AG-09 are true() in the official schematron.
			out = append(out, vatMutation{id: id("08"), base: cc.fixture, quiet: true, mutate: func(t testing.TB, inv *einvoice.Invoice) {
				b := vatBreakdownOf(t, inv, cc.cat)
				b.TaxableAmount = b.TaxableAmount.Add(vatDec("10.00"))
			}})
			out = append(out, vatMutation{id: id("09"), base: cc.fixture, quiet: true, mutate: func(t testing.TB, inv *einvoice.Invoice) {
				b := vatBreakdownOf(t, inv, cc.cat)
				b.TaxAmount = b.TaxAmount.Add(vatDec("10.00"))
			}})
		case einvoice.VATStandard:
			add("08", func(t testing.TB, inv *einvoice.Invoice) {
				b := vatBreakdownOf(t, inv, cc.cat)
				b.TaxableAmount = b.TaxableAmount.Add(vatDec("1.00"))
			})
			add("09", func(t testing.TB, inv *einvoice.Invoice) {
				b := vatBreakdownOf(t, inv, cc.cat)
				b.TaxAmount = b.TaxAmount.Add(vatDec("1.00"))
			})
		default:
			add("08", func(t testing.TB, inv *einvoice.Invoice) {
				b := vatBreakdownOf(t, inv, cc.cat)
				b.TaxableAmount = b.TaxableAmount.Add(vatDec("1.00"))
			})
			add("09", func(t testing.TB, inv *einvoice.Invoice) {
				vatBreakdownOf(t, inv, cc.cat).TaxAmount = vatDec("0.01")
			})
		}
		add("10", func(t testing.TB, inv *einvoice.Invoice) {
			b := vatBreakdownOf(t, inv, cc.cat)
			switch cc.cat {
			case einvoice.VATStandard, einvoice.VATZeroRated, einvoice.VATCanaryIslands, einvoice.VATCeutaMelilla:
				b.ExemptionReason = "Exonéré"
			default:
				b.ExemptionReason, b.ExemptionReasonCode = "", ""
			}
		})
	}
	out = append(out,
		vatMutation{id: "BR-IC-11", base: "vat-intra-community", mutate: func(_ testing.TB, inv *einvoice.Invoice) {
			d := *inv.Delivery
			d.Date = einvoice.Date{}
			inv.Delivery, inv.InvoicingPeriod = &d, nil
		}},
		vatMutation{id: "BR-IC-11", base: "vat-intra-community-period", mutate: func(_ testing.TB, inv *einvoice.Invoice) {
			inv.InvoicingPeriod = &einvoice.Period{}
			if inv.Delivery != nil {
				d := *inv.Delivery
				d.Date = einvoice.Date{}
				inv.Delivery = &d
			}
		}},
		vatMutation{id: "BR-IC-12", base: "vat-intra-community", mutate: func(_ testing.TB, inv *einvoice.Invoice) {
			d := *inv.Delivery
			d.Address = nil
			inv.Delivery = &d
		}},
		vatMutation{id: "BR-O-11", base: "vat-not-subject", mutate: func(_ testing.TB, inv *einvoice.Invoice) {
			inv.VATBreakdown = append(inv.VATBreakdown, einvoice.VATBreakdown{Category: einvoice.VATStandard, Rate: vatDecP("20")})
		}},
		vatMutation{id: "BR-O-12", base: "vat-not-subject", mutate: func(_ testing.TB, inv *einvoice.Invoice) {
			inv.Lines[0].VAT = einvoice.VAT{Category: einvoice.VATStandard, Rate: vatDecP("20")}
		}},
		// The official BR-O-11 and BR-O-12 share one test: a line of
		// another category fires BR-O-11 too.
		vatMutation{id: "BR-O-11", base: "vat-not-subject", mutate: func(_ testing.TB, inv *einvoice.Invoice) {
			inv.Lines[0].VAT = einvoice.VAT{Category: einvoice.VATStandard, Rate: vatDecP("20")}
		}},
		vatMutation{id: "BR-O-13", base: "vat-not-subject", mutate: func(_ testing.TB, inv *einvoice.Invoice) {
			inv.Allowances = append(inv.Allowances, einvoice.Allowance{Amount: vatDec("1.00"), Reason: "x", VAT: einvoice.VAT{Category: einvoice.VATStandard, Rate: vatDecP("20")}})
		}},
		vatMutation{id: "BR-O-14", base: "vat-not-subject", mutate: func(_ testing.TB, inv *einvoice.Invoice) {
			inv.Allowances = append(inv.Allowances, einvoice.Allowance{Amount: vatDec("1.00"), Reason: "x", VAT: einvoice.VAT{Category: einvoice.VATStandard, Rate: vatDecP("20")}})
		}},
		vatMutation{id: "BR-B-01", base: "base", mutate: func(_ testing.TB, inv *einvoice.Invoice) {
			vatMakeSplitPayment(inv)
			inv.Buyer.Address.Country = einvoice.CountryFR
		}},
		vatMutation{id: "BR-B-02", base: "base", mutate: func(_ testing.TB, inv *einvoice.Invoice) {
			vatMakeSplitPayment(inv)
			inv.Lines[0].VAT.Category = einvoice.VATStandard
		}},

		// Official quirks: these must not fire.
		vatMutation{id: "BR-S-01", base: "base", quiet: true, mutate: func(_ testing.TB, inv *einvoice.Invoice) {
			// Two lines of category S and no breakdown pass BR-S-01.
			inv.Lines = inv.Lines[:2]
			inv.VATBreakdown = nil
		}},
		vatMutation{id: "BR-O-01", base: "vat-not-subject", quiet: true, mutate: func(_ testing.TB, inv *einvoice.Invoice) {
			inv.VATBreakdown = nil // lines of category O and no breakdown pass BR-O-01
		}},
		vatMutation{id: "BR-Z-08", base: "vat-zero-rated", quiet: true, mutate: func(t testing.TB, inv *einvoice.Invoice) {
			b := vatBreakdownOf(t, inv, einvoice.VATZeroRated)
			b.TaxableAmount = b.TaxableAmount.Add(vatDec("0.99")) // within 1
		}},
		vatMutation{id: "BR-S-08", base: "base", mutate: func(t testing.TB, inv *einvoice.Invoice) {
			b := vatBreakdownOf(t, inv, einvoice.VATStandard)
			b.TaxableAmount = b.TaxableAmount.Add(vatDec("0.01")) // exact
		}},
		vatMutation{id: "BR-S-08", base: "base", quiet: true, mutate: func(t testing.TB, inv *einvoice.Invoice) {
			vatBreakdownOf(t, inv, einvoice.VATStandard).Rate = nil // every $rate in (): true
		}},
		vatMutation{id: "BR-S-09", base: "base", quiet: true, mutate: func(t testing.TB, inv *einvoice.Invoice) {
			b := vatBreakdownOf(t, inv, einvoice.VATStandard)
			b.TaxAmount = b.TaxAmount.Add(vatDec("0.99")) // within 1
		}},
		vatMutation{id: "BR-S-09", base: "base", quiet: true, mutate: func(t testing.TB, inv *einvoice.Invoice) {
			b := vatBreakdownOf(t, inv, einvoice.VATStandard)
			b.TaxAmount = b.TaxAmount.Neg() // absolute values
		}},
		vatMutation{id: "BR-S-09", base: "base", mutate: func(t testing.TB, inv *einvoice.Invoice) {
			vatBreakdownOf(t, inv, einvoice.VATStandard).Rate = nil
		}},
		vatMutation{id: "BR-IC-12", base: "vat-intra-community", quiet: true, mutate: func(_ testing.TB, inv *einvoice.Invoice) {
			d := *inv.Delivery
			d.Address = &einvoice.Address{} // the element ram:CountryID is there, empty
			inv.Delivery = &d
		}},
		vatMutation{id: "BR-AF-06", base: "vat-canary-islands", mutate: func(t testing.TB, inv *einvoice.Invoice) {
			v := vatUseVAT(t, inv, einvoice.VATCanaryIslands)
			v.Rate = vatDecP("0") // the text allows 0, the official test does not
			inv.Allowances = append(inv.Allowances, einvoice.Allowance{Amount: vatDec("0.00"), Reason: "x", VAT: v})
		}},
		vatMutation{id: "BR-AG-05", base: "vat-ceuta-melilla", quiet: true, mutate: func(t testing.TB, inv *einvoice.Invoice) {
			inv.Lines[vatLineOf(t, inv, einvoice.VATCeutaMelilla)].VAT.Rate = vatDecP("0")
		}},
	)
	return out
}

// vatMakeSplitPayment turns the base invoice into a valid Italian split
// payment invoice: every category B, every country IT.
func vatMakeSplitPayment(inv *einvoice.Invoice) {
	for i := range inv.Lines {
		inv.Lines[i].VAT.Category = einvoice.VATSplitPayment
	}
	for k := range inv.VATBreakdown {
		inv.VATBreakdown[k].Category = einvoice.VATSplitPayment
	}
	inv.Seller.Address.Country, inv.Buyer.Address.Country = einvoice.CountryIT, einvoice.CountryIT
}

func TestVATRules(t *testing.T) {
	tested := map[string]bool{}
	for _, m := range vatMutations() {
		r := vatRuleByID(t, m.id)
		valid := vatFixture(t, m.base)
		if is := vatRun(r, &valid); len(is) > 0 {
			t.Errorf("%s on %s: fires on the valid invoice: %v", m.id, m.base, is)
		}
		inv := vatFixture(t, m.base)
		m.mutate(t, &inv)
		is := vatRun(r, &inv)
		switch {
		case m.quiet && len(is) > 0:
			t.Errorf("%s on mutated %s fires, and the official schematron does not: %v", m.id, m.base, is)
		case !m.quiet && len(is) == 0:
			t.Errorf("%s on mutated %s does not fire", m.id, m.base)
		}
		for _, i := range is {
			if i.Rule != m.id || i.Path == "" {
				t.Errorf("%s: issue %+v", m.id, i)
			}
		}
		if !m.quiet {
			tested[m.id] = true
		}
	}
	for _, r := range vatRules() {
		if !tested[r.id] && !vatNeverFires[r.id] {
			t.Errorf("%s: no mutation makes it fire", r.id)
		}
	}
}

// vatNeverFires are the rules whose official CII test cannot fail.
var vatNeverFires = map[string]bool{"BR-AF-08": true, "BR-AF-09": true, "BR-AG-08": true, "BR-AG-09": true}

func TestVATSplitPaymentValid(t *testing.T) {
	inv := vatFixture(t, "base")
	vatMakeSplitPayment(&inv)
	for _, id := range []string{"BR-B-01", "BR-B-02"} {
		if is := vatRun(vatRuleByID(t, id), &inv); len(is) > 0 {
			t.Errorf("%s fires on a valid split payment invoice: %v", id, is)
		}
	}
}

// TestVATExpectedTaxable checks the XPath arithmetic of the taxable amount
// sums: exact sums, each rounded half towards positive infinity.
func TestVATExpectedTaxable(t *testing.T) {
	s := einvoice.VAT{Category: einvoice.VATStandard, Rate: vatDecP("20")}
	inv := &einvoice.Invoice{
		Lines: []einvoice.Line{
			{NetAmount: vatDec("10.005"), VAT: s}, // 3 decimals: the decimal path
			{NetAmount: vatDec("1"), VAT: einvoice.VAT{Category: einvoice.VATStandard, Rate: vatDecP("20.00")}},
			{NetAmount: vatDec("5.00"), VAT: einvoice.VAT{Category: einvoice.VATStandard, Rate: vatDecP("10")}},
		},
		Allowances: []einvoice.Allowance{{Amount: vatDec("0.125"), VAT: s}},
		Charges:    []einvoice.Charge{{Amount: vatDec("2.00"), VAT: s}},
	}
	got := vatExpectedTaxable(inv, einvoice.VATStandard, vatDecP("20"))
	// round(11.005) = 11.01; + 2.00; - round(0.125) = 0.13.
	if want := vatDec("12.88"); !got.value().Equal(want) {
		t.Errorf("expected taxable %s, want %s", got.String(), want)
	}
	inv.Lines[0].NetAmount = vatDec("-10.005") // round(-9.005) = -9.00 (towards +∞)
	got = vatExpectedTaxable(inv, einvoice.VATStandard, vatDecP("20"))
	if want := vatDec("-7.13"); !got.value().Equal(want) {
		t.Errorf("expected taxable %s, want %s", got.String(), want)
	}
}

func TestVATCents(t *testing.T) {
	for _, tc := range []struct {
		in string
		c  int64
		ok bool
	}{
		{"12.30", 1230, true}, {"12.3", 1230, true}, {"12", 1200, true}, {"-0.01", -1, true},
		{"12.300", 1230, true}, {"12.301", 0, false}, {"1e20", 0, false}, {"0", 0, true},
	} {
		c, ok := vatCents(vatDec(tc.in))
		if c != tc.c || ok != tc.ok {
			t.Errorf("vatCents(%s) = %d, %v; want %d, %v", tc.in, c, ok, tc.c, tc.ok)
		}
	}
}

func TestVATXPathRound(t *testing.T) {
	for in, want := range map[float64]float64{2.5: 3, -2.5: -2, 2.4999: 2, -2.6: -3, 0: 0} {
		if got := vatXPathRound(in); got != want {
			t.Errorf("round(%v) = %v, want %v", in, got, want)
		}
	}
}

// TestVATAndCodeRulesAllocs: no allocation on a valid invoice.
func TestVATAndCodeRulesAllocs(t *testing.T) {
	inv := fixtures.Bench(10)
	rules := concat(vatRules(), codeRules)
	var rep Report
	c := &checker{inv: inv, rep: &rep}
	allocs := testing.AllocsPerRun(100, func() {
		for _, r := range rules {
			c.rule = r.id
			r.check(c)
		}
	})
	if allocs != 0 || len(rep.Issues) != 0 {
		t.Errorf("%v allocations, %d issues on a valid invoice; want none", allocs, len(rep.Issues))
	}
}

func BenchmarkVATAndCodeRules(b *testing.B) {
	inv := fixtures.Bench(10)
	rules := concat(vatRules(), codeRules)
	var rep Report
	c := &checker{inv: inv, rep: &rep}
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range rules {
			c.rule = r.id
			r.check(c)
		}
	}
}
