package validate

import (
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/fixtures"
	"github.com/shopspring/decimal"
)

// BenchmarkInvoice validates the benchmark invoice (valid) against EN16931,
// with 10 and 1000 lines.
func BenchmarkInvoice(b *testing.B) {
	for _, bc := range []struct {
		name  string
		lines int
	}{{"10-lines", 10}, {"1000-lines", 1000}} {
		b.Run(bc.name, func(b *testing.B) {
			inv := fixtures.Bench(bc.lines)
			b.ReportAllocs()
			for b.Loop() {
				if rep := Invoice(inv, EN16931); len(rep.Issues) > 0 {
					b.Fatal(rep.Issues[0])
				}
			}
		})
	}
}

// chorusProBench returns the benchmark invoice of n lines made an invoice
// to a public buyer that passes ChorusPro: billing framework B1, the notes
// French law requires, the buyer's SIREN, a service code and an engagement
// number, payment means 30.
func chorusProBench(n int) *einvoice.Invoice {
	inv := fixtures.Bench(n)
	inv.Process.BusinessProcess = "B1"
	inv.BuyerReference, inv.PurchaseOrderReference = "SERV-ACHATS", "EJ-2026-0042"
	inv.Notes = []einvoice.Note{
		{SubjectCode: einvoice.SubjectPMT, Text: "Indemnité forfaitaire pour frais de recouvrement : 40 €."},
		{SubjectCode: einvoice.SubjectPMD, Text: "Pénalités de retard : trois fois le taux d'intérêt légal."},
		{SubjectCode: einvoice.SubjectAAB, Text: "Pas d'escompte pour paiement anticipé."},
	}
	inv.Buyer.LegalRegistration = einvoice.ID{Value: "130025265", Scheme: einvoice.ICDSIREN}
	inv.Payment.MeansCode = einvoice.PaymentMeansCreditTransfer
	return inv
}

// BenchmarkChorusPro validates the benchmark invoice, made a valid invoice
// to a public buyer, against ChorusPro (French and the BR-FR-CPRO rules)
// for a buyer that requires a service code and an engagement number, with
// 10 and 1000 lines.
func BenchmarkChorusPro(b *testing.B) {
	set := ChorusPro(ChorusProOptions{BuyerRequires: RequiresServiceAndEngagement})
	for _, bc := range []struct {
		name  string
		lines int
	}{{"10-lines", 10}, {"1000-lines", 1000}} {
		b.Run(bc.name, func(b *testing.B) {
			inv := chorusProBench(bc.lines)
			b.ReportAllocs()
			for b.Loop() {
				if rep := Invoice(inv, set); len(rep.Issues) > 0 {
					b.Fatal(rep.Issues[0])
				}
			}
		})
	}
}

// invoiceAllocs returns the allocations of validating the benchmark invoice
// of n lines against EN16931.
func invoiceAllocs(t *testing.T, n int) float64 {
	t.Helper()
	inv := fixtures.Bench(n)
	if rep := Invoice(inv, EN16931); len(rep.Issues) > 0 {
		t.Fatalf("%d lines: %v", n, rep.Issues)
	}
	return testing.AllocsPerRun(20, func() { Invoice(inv, EN16931) })
}

// TestInvoiceAllocsLinear: a valid 10-line invoice takes under 50
// allocations, and the allocations grow linearly with the lines, by at most
// a small constant per line (no rule rescans the lines per category or
// rate, nor allocates per pair of lines). No wall-clock figure is asserted.
func TestInvoiceAllocsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	a10, a100, a1000, a2000 := invoiceAllocs(t, 10), invoiceAllocs(t, 100), invoiceAllocs(t, 1000), invoiceAllocs(t, 2000)
	t.Logf("allocations: %v (10 lines), %v (100), %v (1000), %v (2000)", a10, a100, a1000, a2000)
	if a10 >= 50 {
		t.Errorf("10 lines: %v allocations, want under 50", a10)
	}
	// At most 2 per line: the paths BR-DEC-23 builds for every line (from
	// line 100 on; strconv has the smaller numbers ready).
	const perLine = 2
	if a1000 > a10+perLine*990 {
		t.Errorf("1000 lines: %v allocations, want at most %v + %d per line", a1000, a10, perLine)
	}
	if grow100, grow1000 := (a1000-a100)/900, (a2000-a1000)/1000; grow1000 > grow100+0.1 {
		t.Errorf("allocations per line grow with the lines: %.2f (100 to 1000 lines), %.2f (1000 to 2000)", grow100, grow1000)
	}
}

// TestVATIndex checks that the VAT index gives, on every fixture, every
// mutation of the VAT rules' tests and invoices made to leave its fast path,
// the counts and sums the rules computed by scanning the invoice.
func TestVATIndex(t *testing.T) {
	var invs []einvoice.Invoice
	for _, f := range fixtures.All() {
		invs = append(invs, f.Invoice)
	}
	for _, m := range vatMutations() {
		inv := vatFixture(t, m.base)
		m.mutate(t, &inv)
		invs = append(invs, inv)
	}
	// Many rates (more groups than the index holds in place), rates written
	// differently, a rate of more than 18 digits, amounts of 3 decimals, a
	// sum that overflows hundredths in an int64.
	many := *fixtures.Bench(30)
	for i := range many.Lines {
		many.Lines[i].VAT.Rate = vatDecP([]string{"1", "2", "3", "4", "5", "6", "7", "8.0", "20.00", "2E1"}[i%10])
		if i%4 == 0 {
			many.Lines[i].VAT.Category = []einvoice.VATCategory{einvoice.VATZeroRated, einvoice.VATExempt, "", "X"}[i%16/4]
		}
	}
	many.VATBreakdown = append(many.VATBreakdown,
		einvoice.VATBreakdown{Category: einvoice.VATStandard, Rate: vatDecP("20.000000000000000000000")},
		einvoice.VATBreakdown{Category: einvoice.VATStandard, Rate: vatDecP("99")},
		einvoice.VATBreakdown{Category: einvoice.VATStandard, Rate: vatDecP("8")})
	invs = append(invs, many)
	long := many
	long.Lines = append([]einvoice.Line(nil), many.Lines...)
	long.Lines[3].VAT.Rate = vatDecP("20.000000000000000000000")
	invs = append(invs, long)
	odd := many
	odd.Lines = append([]einvoice.Line(nil), many.Lines...)
	odd.Lines[5].NetAmount = vatDec("10.005")
	invs = append(invs, odd)
	huge := many
	huge.Lines = append([]einvoice.Line(nil), many.Lines...)
	huge.Lines[1].NetAmount = vatDec("90000000000000000")
	huge.Lines[11].NetAmount = vatDec("90000000000000000")
	invs = append(invs, huge)
	huge2 := huge
	huge2.Charges = []einvoice.Charge{{Amount: vatDec("-90000000000000000"), VAT: huge.Lines[1].VAT}}
	invs = append(invs, huge2)

	fast := 0
	for n := range invs {
		inv := &invs[n]
		c := &checker{inv: inv, rep: &Report{}}
		vx := c.vatIndex()
		rates := []*decimal.Decimal{nil}
		for i := range inv.Lines {
			rates = append(rates, inv.Lines[i].VAT.Rate)
		}
		for i := range inv.VATBreakdown {
			rates = append(rates, inv.VATBreakdown[i].Rate)
		}
		for _, cat := range append(vatCats[:], "", "X") {
			l, ac, bd := vatCountScan(inv, cat)
			if cat != "" && cat != "X" {
				if gl, gac, gbd := vx.count(cat); gl != l || gac != ac || gbd != bd {
					t.Errorf("invoice %d, category %q: count %d, %d, %d; want %d, %d, %d", n, cat, gl, gac, gbd, l, ac, bd)
				}
			}
			for _, rate := range rates {
				if cat == "" || cat == "X" {
					continue
				}
				got, ok := vx.taxable(cat, rate)
				if !ok {
					continue
				}
				fast++
				want := vatExpectedTaxable(inv, cat, rate)
				if got.big != want.big || got.String() != want.String() || got.float() != want.float() {
					t.Errorf("invoice %d, category %s, rate %v: %s (big %v), want %s (big %v)", n, cat, rate, got.String(), got.big, want.String(), want.big)
				}
			}
		}
	}
	if fast == 0 {
		t.Error("the index never gave a sum")
	}
}

// vatCountScan counts as the rules did before the index.
func vatCountScan(inv *einvoice.Invoice, cat einvoice.VATCategory) (lines, ac, breakdowns int) {
	for i := range inv.Lines {
		if inv.Lines[i].VAT.Category == cat {
			lines++
		}
	}
	for i := range inv.Allowances {
		if inv.Allowances[i].VAT.Category == cat {
			ac++
		}
	}
	for i := range inv.Charges {
		if inv.Charges[i].VAT.Category == cat {
			ac++
		}
	}
	for k := range inv.VATBreakdown {
		if inv.VATBreakdown[k].Category == cat {
			breakdowns++
		}
	}
	return lines, ac, breakdowns
}
