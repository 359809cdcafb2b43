package validate

import (
	"testing"
	"time"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/fixtures"
	"github.com/shopspring/decimal"
)

// coRun runs the BR-CO rule id alone on inv and returns its issues.
func coRun(t testing.TB, inv *einvoice.Invoice, id string) []Issue {
	t.Helper()
	var rep Report
	c := &checker{inv: inv, rep: &rep}
	for _, r := range coRules {
		if r.id == id {
			c.rule = r.id
			r.check(c)
			return rep.Issues
		}
	}
	t.Fatalf("no rule %s in coRules", id)
	return nil
}

// coRunAll runs every BR-CO rule on inv.
func coRunAll(inv *einvoice.Invoice) []Issue {
	var rep Report
	c := &checker{inv: inv, rep: &rep}
	for _, r := range coRules {
		c.rule = r.id
		r.check(c)
	}
	return rep.Issues
}

// coFixture returns a fresh copy of the named fixture's invoice, or of
// fixtures.Bench(10) for "bench".
func coFixture(t testing.TB, name string) *einvoice.Invoice {
	t.Helper()
	if name == "bench" {
		return fixtures.Bench(10)
	}
	f, ok := fixtures.ByName(name)
	if !ok {
		t.Fatalf("no fixture %q", name)
	}
	return &f.Invoice
}

func coDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func coDecP(s string) *decimal.Decimal { d := coDec(s); return &d }

func coPlus(d decimal.Decimal, s string) decimal.Decimal { return d.Add(coDec(s)) }

func coPlusP(d *decimal.Decimal, s string) *decimal.Decimal { v := coPlus(*d, s); return &v }

// coMutation is an invoice made from a fixture with one change, and
// whether the rule breaks on it.
type coMutation struct {
	rule, name, fixture string
	change              func(inv *einvoice.Invoice)
	fires               bool
}

func coMutations() []coMutation {
	date := einvoice.NewDate(2026, time.November, 20)
	return []coMutation{
		{"BR-CO-03", "date and code", "tax-point-date", func(inv *einvoice.Invoice) { inv.TaxPointDateCode = einvoice.TaxPointInvoiceDate }, true},
		{"BR-CO-03", "date only", "tax-point-date", func(inv *einvoice.Invoice) {}, false},
		{"BR-CO-03", "code only", "tax-point-date-code", func(inv *einvoice.Invoice) {}, false},
		{"BR-CO-03", "both, category O only (not checked)", "vat-not-subject", func(inv *einvoice.Invoice) {
			inv.TaxPointDate, inv.TaxPointDateCode = date, einvoice.TaxPointInvoiceDate
		}, false},
		{"BR-CO-03", "both, category L only (not checked)", "vat-canary-islands", func(inv *einvoice.Invoice) {
			inv.TaxPointDate, inv.TaxPointDateCode = date, einvoice.TaxPointInvoiceDate
		}, false},

		{"BR-CO-04", "line without category: an empty element, as the official judge sees it", "base", func(inv *einvoice.Invoice) { inv.Lines[1].VAT.Category = "" }, false},

		{"BR-CO-09", "unknown seller prefix", "base", func(inv *einvoice.Invoice) { inv.Seller.VATID = "XX44732829320" }, true},
		{"BR-CO-09", "lower case prefix", "base", func(inv *einvoice.Invoice) { inv.Seller.VATID = "fr44732829320" }, true},
		{"BR-CO-09", "one character", "base", func(inv *einvoice.Invoice) { inv.Seller.VATID = "F" }, true},
		{"BR-CO-09", "buyer", "base", func(inv *einvoice.Invoice) { inv.Buyer.VATID = "QQ123456789" }, true},
		{"BR-CO-09", "buyer EL", "base", func(inv *einvoice.Invoice) { inv.Buyer.VATID = "EL123456789" }, false},
		{"BR-CO-09", "buyer XI", "base", func(inv *einvoice.Invoice) { inv.Buyer.VATID = "XI123456789" }, false},
		{"BR-CO-09", "tax representative", "tax-representative", func(inv *einvoice.Invoice) { inv.TaxRepresentative.VATID = "UK123456789" }, true},

		{"BR-CO-10", "line sum off by a cent", "bench", func(inv *einvoice.Invoice) { inv.Totals.LineNet = coPlus(inv.Totals.LineNet, "0.01") }, true},
		{"BR-CO-10", "a line amount changed", "base", func(inv *einvoice.Invoice) { inv.Lines[0].NetAmount = coPlus(inv.Lines[0].NetAmount, "-1") }, true},
		{"BR-CO-10", "no lines, sum stated (as BASIC WL)", "base", func(inv *einvoice.Invoice) { inv.Lines = nil }, true},
		{"BR-CO-10", "no lines, sum 0", "base", func(inv *einvoice.Invoice) {
			inv.Lines = nil
			inv.Totals.LineNet = coDec("0.00")
		}, false},
		// The official sum is the xs:double 2.00499999...: 2.00, not 2.01.
		{"BR-CO-10", "3 decimals, exact half up", "base", func(inv *einvoice.Invoice) {
			inv.Lines = inv.Lines[:2]
			inv.Lines[0].NetAmount, inv.Lines[1].NetAmount = coDec("1.005"), coDec("1.000")
			inv.Totals.LineNet = coDec("2.01")
		}, true},
		{"BR-CO-10", "3 decimals, xs:double sum", "base", func(inv *einvoice.Invoice) {
			inv.Lines = inv.Lines[:2]
			inv.Lines[0].NetAmount, inv.Lines[1].NetAmount = coDec("1.005"), coDec("1.000")
			inv.Totals.LineNet = coDec("2.00")
		}, false},
		{"BR-CO-11", "3 decimals, xs:double sum", "document-allowances-charges", func(inv *einvoice.Invoice) {
			inv.Allowances[0].Amount, inv.Allowances[1].Amount = coDec("1.005"), coDec("1.000")
			inv.Totals.Allowances = coDecP("2.00")
		}, false},
		{"BR-CO-11", "3 decimals, exact half up", "document-allowances-charges", func(inv *einvoice.Invoice) {
			inv.Allowances[0].Amount, inv.Allowances[1].Amount = coDec("1.005"), coDec("1.000")
			inv.Totals.Allowances = coDecP("2.01")
		}, true},
		{"BR-CO-10", "3 decimals negative", "base", func(inv *einvoice.Invoice) {
			inv.Lines = inv.Lines[:1]
			inv.Lines[0].NetAmount = coDec("-1.005")
			inv.Totals.LineNet = coDec("-1.00")
		}, false},
		{"BR-CO-10", "3 decimals negative, rounded away from zero", "base", func(inv *einvoice.Invoice) {
			inv.Lines = inv.Lines[:1]
			inv.Lines[0].NetAmount = coDec("-1.005")
			inv.Totals.LineNet = coDec("-1.01")
		}, true},

		{"BR-CO-11", "allowance sum off", "document-allowances-charges", func(inv *einvoice.Invoice) { inv.Totals.Allowances = coPlusP(inv.Totals.Allowances, "0.01") }, true},
		{"BR-CO-11", "allowance sum absent", "document-allowances-charges", func(inv *einvoice.Invoice) { inv.Totals.Allowances = nil }, true},
		{"BR-CO-11", "an allowance changed", "bench", func(inv *einvoice.Invoice) { inv.Allowances[0].Amount = coDec("10.50") }, true},
		{"BR-CO-11", "zero sum without allowances", "base", func(inv *einvoice.Invoice) { inv.Totals.Allowances = coDecP("0.00") }, false},
		{"BR-CO-11", "sum without allowances", "base", func(inv *einvoice.Invoice) { inv.Totals.Allowances = coDecP("1.00") }, true},

		{"BR-CO-12", "charge sum off", "document-allowances-charges", func(inv *einvoice.Invoice) { inv.Totals.Charges = coPlusP(inv.Totals.Charges, "-0.01") }, true},
		{"BR-CO-12", "charge sum absent", "document-allowances-charges", func(inv *einvoice.Invoice) { inv.Totals.Charges = nil }, true},
		{"BR-CO-12", "zero sum without charges", "base", func(inv *einvoice.Invoice) { inv.Totals.Charges = coDecP("0") }, false},
		{"BR-CO-12", "sum without charges", "base", func(inv *einvoice.Invoice) { inv.Totals.Charges = coDecP("2.00") }, true},

		{"BR-CO-13", "total without VAT off", "document-allowances-charges", func(inv *einvoice.Invoice) { inv.Totals.TaxExclusive = coPlus(inv.Totals.TaxExclusive, "0.01") }, true},
		{"BR-CO-13", "line sum off alone", "bench", func(inv *einvoice.Invoice) { inv.Totals.LineNet = coPlus(inv.Totals.LineNet, "1") }, true},
		{"BR-CO-13", "stated totals agree, lines do not", "bench", func(inv *einvoice.Invoice) {
			inv.Totals.LineNet = coPlus(inv.Totals.LineNet, "1")
			inv.Totals.TaxExclusive = coPlus(inv.Totals.TaxExclusive, "1")
		}, false},
		{"BR-CO-13", "allowance sum absent", "bench", func(inv *einvoice.Invoice) { inv.Totals.Allowances = nil }, true},

		{"BR-CO-14", "VAT total off", "bench", func(inv *einvoice.Invoice) { inv.Totals.VAT = coPlusP(inv.Totals.VAT, "0.01") }, true},
		{"BR-CO-14", "a VAT amount changed", "vat-standard-french-rates", func(inv *einvoice.Invoice) {
			inv.VATBreakdown[2].TaxAmount = coPlus(inv.VATBreakdown[2].TaxAmount, "0.01")
		}, true},
		{"BR-CO-14", "VAT total absent", "bench", func(inv *einvoice.Invoice) { inv.Totals.VAT = nil }, false},
		{"BR-CO-14", "no breakdown, VAT total 0", "base", func(inv *einvoice.Invoice) {
			inv.VATBreakdown = nil
			inv.Totals.VAT = coDecP("0.00")
		}, false},

		{"BR-CO-15", "total with VAT off", "bench", func(inv *einvoice.Invoice) { inv.Totals.TaxInclusive = coPlus(inv.Totals.TaxInclusive, "0.01") }, true},
		{"BR-CO-15", "VAT total absent", "bench", func(inv *einvoice.Invoice) { inv.Totals.VAT = nil }, true},
		{"BR-CO-15", "with VAT equal to without", "bench", func(inv *einvoice.Invoice) {
			inv.Totals.TaxInclusive = inv.Totals.TaxExclusive
			inv.Totals.Due = inv.Totals.TaxExclusive
		}, false},
		{"BR-CO-15", "stated totals agree, breakdown does not", "bench", func(inv *einvoice.Invoice) {
			inv.Totals.VAT = coPlusP(inv.Totals.VAT, "5")
			inv.Totals.TaxInclusive = coPlus(inv.Totals.TaxInclusive, "5")
		}, false},

		{"BR-CO-16", "amount due off", "bench", func(inv *einvoice.Invoice) { inv.Totals.Due = coPlus(inv.Totals.Due, "-0.01") }, true},
		{"BR-CO-16", "paid changed", "prepaid-and-rounding", func(inv *einvoice.Invoice) { inv.Totals.Paid = coPlusP(inv.Totals.Paid, "0.01") }, true},
		{"BR-CO-16", "rounding dropped", "prepaid-and-rounding", func(inv *einvoice.Invoice) { inv.Totals.Rounding = nil }, true},
		{"BR-CO-16", "paid and due changed alike", "prepaid-and-rounding", func(inv *einvoice.Invoice) {
			inv.Totals.Paid = coPlusP(inv.Totals.Paid, "10")
			inv.Totals.Due = coPlus(inv.Totals.Due, "-10")
		}, false},

		{"BR-CO-17", "tax amount off by 1.01", "bench", func(inv *einvoice.Invoice) {
			inv.VATBreakdown[1].TaxAmount = coPlus(inv.VATBreakdown[1].TaxAmount, "1.01")
		}, true},
		{"BR-CO-17", "tax amount off by 1 (tolerated)", "bench", func(inv *einvoice.Invoice) {
			inv.VATBreakdown[1].TaxAmount = coPlus(inv.VATBreakdown[1].TaxAmount, "-1")
		}, false},
		{"BR-CO-17", "tax amount negated (abs compared)", "bench", func(inv *einvoice.Invoice) {
			inv.VATBreakdown[0].TaxAmount = inv.VATBreakdown[0].TaxAmount.Neg()
		}, false},
		{"BR-CO-17", "taxable amount off", "base", func(inv *einvoice.Invoice) {
			inv.VATBreakdown[0].TaxableAmount = coPlus(inv.VATBreakdown[0].TaxableAmount, "100")
		}, true},
		{"BR-CO-17", "zero rated with tax", "vat-zero-rated", func(inv *einvoice.Invoice) {
			inv.VATBreakdown[0].TaxAmount = coDec("0.50")
		}, true},
		{"BR-CO-17", "zero rated with tax below 0.5", "vat-zero-rated", func(inv *einvoice.Invoice) {
			inv.VATBreakdown[0].TaxAmount = coDec("0.49")
		}, false},
		{"BR-CO-17", "rate 0.4 rounds to 0", "base", func(inv *einvoice.Invoice) {
			inv.VATBreakdown[0].Rate = coDecP("0.4")
		}, true},
		{"BR-CO-17", "category S without rate", "base", func(inv *einvoice.Invoice) { inv.VATBreakdown[0].Rate = nil }, true},
		{"BR-CO-17", "category L not checked", "vat-canary-islands", func(inv *einvoice.Invoice) {
			inv.VATBreakdown[0].TaxAmount = coPlus(inv.VATBreakdown[0].TaxAmount, "50")
		}, false},
		{"BR-CO-17", "category M not checked", "vat-ceuta-melilla", func(inv *einvoice.Invoice) {
			inv.VATBreakdown[0].TaxAmount = coPlus(inv.VATBreakdown[0].TaxAmount, "50")
		}, false},
		{"BR-CO-17", "category O not checked", "vat-not-subject", func(inv *einvoice.Invoice) {
			inv.VATBreakdown[0].TaxAmount = coDec("50.00")
		}, false},
		{"BR-CO-17", "3 decimals", "base", func(inv *einvoice.Invoice) {
			inv.VATBreakdown[0].TaxAmount = coPlus(inv.VATBreakdown[0].TaxAmount, "1.005")
		}, true},
		{"BR-CO-17", "3 decimals tolerated", "base", func(inv *einvoice.Invoice) {
			inv.VATBreakdown[0].TaxAmount = coPlus(inv.VATBreakdown[0].TaxAmount, "0.995")
		}, false},

		{"BR-CO-18", "no VAT breakdown", "base", func(inv *einvoice.Invoice) { inv.VATBreakdown = nil }, true},
		{"BR-CO-18", "no VAT breakdown, no lines", "minimum", func(inv *einvoice.Invoice) {}, false},

		{"BR-CO-19", "empty invoicing period", "base", func(inv *einvoice.Invoice) { inv.InvoicingPeriod = &einvoice.Period{} }, true},
		{"BR-CO-19", "end date only", "base", func(inv *einvoice.Invoice) { inv.InvoicingPeriod = &einvoice.Period{End: date} }, false},

		{"BR-CO-20", "empty line period", "base", func(inv *einvoice.Invoice) { inv.Lines[2].Period = &einvoice.Period{} }, true},
		{"BR-CO-20", "line start date only", "base", func(inv *einvoice.Invoice) { inv.Lines[2].Period = &einvoice.Period{Start: date} }, false},

		{"BR-CO-21", "allowance without reason", "document-allowances-charges", func(inv *einvoice.Invoice) {
			inv.Allowances[1].Reason, inv.Allowances[1].ReasonCode = "", ""
		}, true},
		{"BR-CO-21", "allowance with reason code only", "document-allowances-charges", func(inv *einvoice.Invoice) {
			inv.Allowances[1].Reason, inv.Allowances[1].ReasonCode = "", einvoice.AllowanceReasonCode("95")
		}, false},
		{"BR-CO-22", "charge without reason", "document-allowances-charges", func(inv *einvoice.Invoice) {
			inv.Charges[0].Reason, inv.Charges[0].ReasonCode = "", ""
		}, true},
		{"BR-CO-22", "charge with reason only", "document-allowances-charges", func(inv *einvoice.Invoice) {
			inv.Charges[0].Reason, inv.Charges[0].ReasonCode = "Transport", ""
		}, false},
		{"BR-CO-23", "line allowance without reason", "line-allowances-charges", func(inv *einvoice.Invoice) {
			for i := range inv.Lines {
				for j := range inv.Lines[i].Allowances {
					inv.Lines[i].Allowances[j].Reason, inv.Lines[i].Allowances[j].ReasonCode = "", ""
				}
			}
		}, true},
		{"BR-CO-24", "line charge without reason", "line-allowances-charges", func(inv *einvoice.Invoice) {
			for i := range inv.Lines {
				for j := range inv.Lines[i].Charges {
					inv.Lines[i].Charges[j].Reason, inv.Lines[i].Charges[j].ReasonCode = "", ""
				}
			}
		}, true},

		{"BR-CO-26", "seller without identifiers", "base", func(inv *einvoice.Invoice) {
			inv.Seller.Identifiers, inv.Seller.LegalRegistration, inv.Seller.VATID = nil, einvoice.ID{}, ""
		}, true},
		{"BR-CO-26", "seller with a tax registration only", "base", func(inv *einvoice.Invoice) {
			inv.Seller.Identifiers, inv.Seller.LegalRegistration, inv.Seller.VATID = nil, einvoice.ID{}, ""
			inv.Seller.TaxRegistration = "201/113/40209"
		}, true},
		{"BR-CO-26", "seller with a VAT identifier only", "base", func(inv *einvoice.Invoice) {
			inv.Seller.Identifiers, inv.Seller.LegalRegistration = nil, einvoice.ID{}
		}, false},
		{"BR-CO-26", "seller with a legal registration only", "base", func(inv *einvoice.Invoice) {
			inv.Seller.Identifiers, inv.Seller.VATID = nil, ""
		}, false},
	}
}

// TestCOValid: no BR-CO rule fires on the valid fixtures (EN 16931, BASIC,
// EXTENDED) nor on the benchmark invoices.
func TestCOValid(t *testing.T) {
	for _, f := range fixtures.All() {
		switch f.Profile {
		case fixtures.EN16931, fixtures.Basic, fixtures.Extended:
		default:
			continue
		}
		for _, is := range coRunAll(&f.Invoice) {
			t.Errorf("%s: %s", f.Name, is)
		}
	}
	for _, n := range []int{1, 2, 3, 10, 100} {
		for _, is := range coRunAll(fixtures.Bench(n)) {
			t.Errorf("Bench(%d): %s", n, is)
		}
	}
}

// TestCOMutations: each rule fires on its mutations, and only where the
// official rule does.
func TestCOMutations(t *testing.T) {
	tested := map[string]bool{}
	for _, m := range coMutations() {
		tested[m.rule] = true
		t.Run(m.rule+"/"+m.name, func(t *testing.T) {
			inv := coFixture(t, m.fixture)
			if got := coRun(t, inv, m.rule); len(got) > 0 {
				t.Fatalf("fires on the unchanged fixture %s: %v", m.fixture, got)
			}
			inv = coFixture(t, m.fixture)
			m.change(inv)
			got := coRun(t, inv, m.rule)
			if m.fires && len(got) == 0 {
				t.Errorf("does not fire")
			}
			if !m.fires && len(got) > 0 {
				t.Errorf("fires: %v", got)
			}
			for _, is := range got {
				if is.Rule != m.rule || is.Path == "" && m.rule != "BR-CO-03" {
					t.Errorf("issue %+v", is)
				}
			}
		})
	}
	for _, r := range coRules {
		if r.id >= "BR-CO-05" && r.id <= "BR-CO-08" {
			continue // true() in the official sources
		}
		if !tested[r.id] {
			t.Errorf("%s has no mutation", r.id)
		}
	}
}

// TestCONever: BR-CO-05 to BR-CO-08 never fire.
func TestCONever(t *testing.T) {
	inv := coFixture(t, "document-allowances-charges")
	inv.Allowances[0].Reason, inv.Allowances[0].ReasonCode = "Transport", einvoice.AllowanceReasonCode("95")
	for _, id := range []string{"BR-CO-05", "BR-CO-06", "BR-CO-07", "BR-CO-08"} {
		if got := coRun(t, inv, id); len(got) > 0 {
			t.Errorf("%s fires: %v", id, got)
		}
	}
}

// TestCODetail: a failure names the path and the stated and computed
// figures.
func TestCODetail(t *testing.T) {
	inv := coFixture(t, "bench")
	inv.Totals.TaxInclusive = coPlus(inv.Totals.TaxInclusive, "0.01")
	got := coRun(t, inv, "BR-CO-15")
	if len(got) != 1 || got[0].Path != "Totals.TaxInclusive" {
		t.Fatalf("got %v", got)
	}
	want := "(stated " + inv.Totals.TaxInclusive.StringFixed(2) + ", computed " + coPlus(inv.Totals.TaxInclusive, "-0.01").StringFixed(2) + ")"
	if m := got[0].Message; len(m) < len(want) || m[len(m)-len(want):] != want {
		t.Errorf("message %q, want it to end with %q", m, want)
	}
}

// TestCOCalculated: the sums in hundredths are those of
// einvoice.CalculateTotals; when an amount has 3 decimals, they are the
// xs:double sums.
func TestCOCalculated(t *testing.T) {
	for _, f := range fixtures.All() {
		calc := calculate(&f.Invoice)
		tot, _ := einvoice.CalculateTotals(&f.Invoice)
		for _, p := range []struct {
			what string
			got  calcSum
			want *decimal.Decimal
		}{
			{"LineNet", calc.LineNet, &tot.LineNet},
			{"Allowances", calc.Allowances, tot.Allowances},
			{"Charges", calc.Charges, tot.Charges},
			{"VAT", calc.VAT, tot.VAT},
		} {
			want := decimal.New(0, 0)
			if p.want != nil {
				want = *p.want
			}
			if !p.got.exact || !p.got.value().Equal(want) {
				t.Errorf("%s: %s = %s (exact %v), CalculateTotals %s", f.Name, p.what, p.got.value(), p.got.exact, want)
			}
		}
	}
	inv := coFixture(t, "document-allowances-charges")
	inv.Lines[0].NetAmount = coDec("1.005")
	calc := calculate(inv)
	if calc.LineNet.exact || calc.Charges.exact {
		t.Errorf("exact with a 3 decimal amount")
	}
	var charges float64
	for _, ch := range inv.Charges {
		charges += ch.Amount.InexactFloat64()
	}
	if calc.Charges.float != charges {
		t.Errorf("charges %v, want %v", calc.Charges.float, charges)
	}
	inv = coFixture(t, "document-allowances-charges")
	inv.Charges[0].Amount = coDec("92233720368547758.07")
	inv.Charges[1].Amount = coDec("1")
	if calculate(inv).Charges.exact {
		t.Errorf("exact on overflow")
	}
}

// TestCOHelpers covers the arithmetic helpers at their edges.
func TestCOHelpers(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"0", true}, {"0.49", true}, {"0.5", false}, {"-0.5", true}, {"-0.51", false},
		{"0.4999999999999999999999", true}, {"1", false}, {"-1E-30", true}, {"123456789012345678901234.5", false},
	} {
		if got := calcRoundsToZero(coDec(tc.in)); got != tc.want {
			t.Errorf("calcRoundsToZero(%s) = %v", tc.in, got)
		}
	}
	for _, tc := range []struct {
		x    int64
		rate string
		want int64
		ok   bool
	}{
		{10000, "20", 2000, true}, {12345, "5.5", 679, true}, {12345, "-5.5", -679, true},
		{5, "10", 1, true}, {5, "-10", 0, true}, {1, "2E2", 2, true}, {1 << 62, "1000", 0, false},
	} {
		got, ok := calcPercentCents(tc.x, coDec(tc.rate))
		if got != tc.want || ok != tc.ok {
			t.Errorf("calcPercentCents(%d, %s) = %d, %v; want %d, %v", tc.x, tc.rate, got, ok, tc.want, tc.ok)
		}
	}
	for _, tc := range []struct {
		in   float64
		want string
	}{{2.005, "2.00"}, {2.5, "2.50"}, {-1.005, "-1.00"}, {0.125, "0.13"}, {-0.125, "-0.12"}} {
		if got := calcDecimalRound2(tc.in); !got.Equal(coDec(tc.want)) {
			t.Errorf("calcDecimalRound2(%v) = %s", tc.in, got)
		}
	}
	if got := calcDoubleRound2(1.005); got != 1.0 {
		t.Errorf("calcDoubleRound2(1.005) = %v", got)
	}
	for _, tc := range []struct{ in, want string }{
		{"1.005", "1.01"}, {"-1.005", "-1.00"}, {"-1.0051", "-1.01"}, {"2.5", "2.5"},
	} {
		if got := calcRound2(coDec(tc.in)); !got.Equal(coDec(tc.want)) {
			t.Errorf("calcRound2(%s) = %s", tc.in, got)
		}
	}
}

// TestCOAllocs: on a valid invoice the BR-CO rules allocate only in the
// one calculation they share (einvoice.CalculateTotals, a few decimals),
// the same number for 10 lines as for 1000.
func TestCOAllocs(t *testing.T) {
	allocs := func(lines int) float64 {
		var rep Report
		c := &checker{inv: fixtures.Bench(lines), rep: &rep}
		n := testing.AllocsPerRun(20, func() {
			c.calc = nil
			for _, r := range coRules {
				c.rule = r.id
				r.check(c)
			}
		})
		if len(rep.Issues) > 0 {
			t.Errorf("%d lines: %v", lines, rep.Issues)
		}
		return n
	}
	a10, a1000 := allocs(10), allocs(1000)
	if a10 > 16 || a1000 != a10 {
		t.Errorf("%v allocations for 10 lines, %v for 1000: want at most 16, the same for both", a10, a1000)
	}
}

// BenchmarkCO runs the BR-CO rules alone on the 10-line benchmark invoice.
func BenchmarkCO(b *testing.B) {
	inv := fixtures.Bench(10)
	b.ReportAllocs()
	for b.Loop() {
		if len(coRunAll(inv)) > 0 {
			b.Fatal("an issue")
		}
	}
}
