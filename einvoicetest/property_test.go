package einvoicetest_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/einvoicetest"
	"github.com/einvoice-go/einvoice/internal/modeltest"
	"github.com/einvoice-go/einvoice/ubl"
	"github.com/einvoice-go/einvoice/validate"
)

// perGroup is the number of invoices the property test generates for each
// profile and variant: 30 groups make 2,250 invoices.
const perGroup = 75

// breaksPerInvoice is the number of rules the property test breaks on each
// invoice, taking the rules of Breakable and ChorusProBreakable in turn.
const breaksPerInvoice = 3

// TestProperty generates invoices of every profile and variant of the
// options, and requires of each:
//
//   - it is valid: no fatal issue for the rule sets of its options
//     (Options.RuleSets), nor for its profile's Factur-X set alone;
//   - the same seed gives the same invoice;
//   - model -> CII -> model gives it back, with the profile it declares,
//     nothing ignored and, checked on every tenth invoice, no fatal issue of
//     the syntax and profile rules of the CII schematrons;
//   - model -> UBL -> model gives it back and the UBL rule sets find no
//     fatal issue (for the invoices with lines: UBL has no profiles without
//     lines);
//   - model -> JSON -> model gives it back, and Complete changes nothing
//     (every eighth invoice);
//   - Break (BreakChorusPro for its rules), for three of the rules of
//     Breakable and ChorusProBreakable that apply to the invoice (those
//     broken least often first), makes the rule the only fatal issue of
//     the rule sets that hold it, in the model and, every other invoice, in
//     the CII read back and, for the rules UBL reports as they are, in the
//     UBL read back; and every rule of both lists is broken so at least
//     three times.
func TestProperty(t *testing.T) {
	rules := allBreakable()
	var (
		mu                 sync.Mutex
		broken, brokenUBL  = map[string]int{}, map[string]int{}
		invoices, ublCount atomic.Int64
	)
	t.Run("groups", func(t *testing.T) {
		for gi, g := range groups() {
			opt := g.opt
			offset := gi * 7 // each group starts at another rule
			t.Run(g.v.name+"/"+opt.Profile.String(), func(t *testing.T) {
				t.Parallel()
				if err := opt.Check(); err != nil {
					t.Fatalf("the options of the group do not check: %v", err)
				}
				sets, usets := opt.RuleSets(validate.CII), opt.RuleSets(validate.UBL)
				ids, uids := ruleIDs(sets), ruleIDs(usets)
				fx, _ := validate.FacturX(opt.Profile.URN())
				if opt.Profile == 0 {
					fx = validate.FacturXEN16931
				}
				local, localUBL := map[string]int{}, map[string]int{}
				for i := 0; i < perGroup; i++ {
					seed := uint64(i)
					name := g.name(seed)
					inv := einvoicetest.Invoice(seed, opt)
					invoices.Add(1)
					if got := profileOf(inv); got != cii.ProfileOf(opt.Profile.URN()) && !french(opt) {
						t.Fatalf("%s: declares profile %s", name, got)
					}
					if f := fatalIDs(validate.Invoice(inv, sets...)); f != nil {
						t.Fatalf("%s: fatal issues %v", name, f)
					}
					if f := fatalIDs(validate.Invoice(inv, fx)); f != nil && !french(opt) {
						t.Fatalf("%s: fatal issues of %s: %v", name, fx.Name(), f)
					}
					if i%10 == 0 {
						if d := modeltest.Diff(*inv, *einvoicetest.Invoice(seed, opt)); d != nil {
							t.Fatalf("%s: the same seed gives another invoice:\n%s", name, strings.Join(d, "\n"))
						}
					}
					checkCII(t, name, inv, i%10 == 0)
					if len(inv.Lines) > 0 {
						checkUBL(t, name, inv, usets, i%10 == 0)
						ublCount.Add(1)
					}
					if i%8 == 0 {
						checkJSONAndComplete(t, name, inv)
					}
					// Break the rules broken least often so far first,
					// the group's rules in turn among equals, until
					// breaksPerInvoice of them apply to this invoice.
					order := slices.DeleteFunc(slices.Clone(rules), func(r string) bool { return !slices.Contains(ids, r) })
					rot := (offset + i*breaksPerInvoice) % len(order)
					order = append(order[rot:], order[:rot]...)
					slices.SortStableFunc(order, func(a, b string) int { return local[a] - local[b] })
					done := 0
					for _, rule := range order {
						if done == breaksPerInvoice {
							break
						}
						inCII, inUBL := checkBreak(t, name, inv, rule, sets, ids, usets, uids, i%2 == 0)
						if inCII {
							local[rule]++
							done++
						}
						if inUBL {
							localUBL[rule]++
						}
					}
				}
				mu.Lock()
				defer mu.Unlock()
				for k, n := range local {
					broken[k] += n
				}
				for k, n := range localUBL {
					brokenUBL[k] += n
				}
			})
		}
	})
	if t.Failed() {
		return
	}
	if n := invoices.Load(); n < 2000 {
		t.Errorf("%d invoices generated, want 2,000 at least", n)
	}
	for _, r := range rules {
		if broken[r] < 3 {
			t.Errorf("%s: broken and checked %d times, want 3 at least", r, broken[r])
		}
	}
	t.Logf("%d invoices (%d also as UBL); rules broken and checked: %d in CII (%d of %d rules), %d in UBL (%d rules)",
		invoices.Load(), ublCount.Load(), sum(broken), len(broken), len(rules), sum(brokenUBL), len(brokenUBL))
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// checkCII requires model -> CII -> model to give inv back, with nothing
// ignored, and with syntax the syntax and profile rules to find no fatal
// issue.
func checkCII(t *testing.T, name string, inv *einvoice.Invoice, syntax bool) {
	t.Helper()
	data, err := encodeCII(inv)
	if err != nil {
		t.Fatalf("%s: CII: %v", name, err)
	}
	doc, err := (&cii.Decoder{SyntaxRules: syntax, ProfileRules: syntax}).Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: decoding its CII: %v", name, err)
	}
	if d := modeltest.Diff(*inv, *doc.Invoice); d != nil {
		t.Fatalf("%s: model -> CII -> model differs:\n%s", name, strings.Join(d, "\n"))
	}
	if doc.Profile != profileOf(inv) || len(doc.Ignored) > 0 {
		t.Fatalf("%s: CII read back as profile %s, ignoring %v", name, doc.Profile, doc.Ignored)
	}
	if f := fatalSyntax(doc.Issues); f != nil {
		t.Fatalf("%s: syntax rules of its CII: %s", name, strings.Join(f, "\n"))
	}
}

// checkUBL requires model -> UBL -> model to give inv back and the UBL
// rule sets to find no fatal issue.
func checkUBL(t *testing.T, name string, inv *einvoice.Invoice, sets []validate.RuleSet, syntax bool) {
	t.Helper()
	data, err := encodeUBL(inv)
	if err != nil {
		t.Fatalf("%s: UBL: %v", name, err)
	}
	doc, err := (&ubl.Decoder{SyntaxRules: syntax}).Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: decoding its UBL: %v", name, err)
	}
	if d := modeltest.Diff(*inv, *doc.Invoice); d != nil {
		t.Fatalf("%s: model -> UBL -> model differs:\n%s", name, strings.Join(d, "\n"))
	}
	if len(doc.Ignored) > 0 {
		t.Fatalf("%s: UBL read back ignoring %v", name, doc.Ignored)
	}
	if f := fatalSyntax(doc.Issues); f != nil {
		t.Fatalf("%s: syntax rules of its UBL: %s", name, strings.Join(f, "\n"))
	}
	if f := fatalIDs(validate.Invoice(doc.Invoice, sets...)); f != nil {
		t.Fatalf("%s: fatal issues in its UBL: %v", name, f)
	}
}

// checkJSONAndComplete requires model -> JSON -> model to give inv back,
// and Complete (for an invoice with its lines) to change nothing.
func checkJSONAndComplete(t *testing.T, name string, inv *einvoice.Invoice) {
	t.Helper()
	data, err := json.Marshal(inv)
	if err != nil {
		t.Fatalf("%s: JSON: %v", name, err)
	}
	again, err := einvoice.DecodeJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: decoding its JSON: %v", name, err)
	}
	if d := modeltest.Diff(*inv, *again); d != nil {
		t.Fatalf("%s: model -> JSON -> model differs:\n%s", name, strings.Join(d, "\n"))
	}
	if len(inv.Lines) == 0 {
		return
	}
	if err := again.Complete(); err != nil {
		t.Fatalf("%s: Complete: %v", name, err)
	}
	if d := modeltest.Diff(*inv, *again); d != nil {
		t.Fatalf("%s: Complete changes the invoice:\n%s", name, strings.Join(d, "\n"))
	}
}

// checkBreak breaks rule on a copy of inv and requires the rule to be the
// only fatal issue of the rule sets that hold it: in the model, and with
// decode in its CII read back and in its UBL read back when UBL reports the
// rule as it is. It reports whether the rule was checked in CII and in
// UBL.
func checkBreak(t *testing.T, name string, inv *einvoice.Invoice, rule string, sets []validate.RuleSet, ids []string, usets []validate.RuleSet, uids []string, decode bool) (inCII, inUBL bool) {
	t.Helper()
	b := *inv
	err := breakRule(&b, rule)
	if errors.Is(err, einvoicetest.ErrNotApplicable) {
		return false, false
	}
	if err != nil {
		t.Fatalf("%s: Break %s: %v", name, rule, err)
	}
	want := []string{rule}
	data, err := encodeCII(&b)
	if err != nil {
		t.Fatalf("%s broken by %s: CII: %v", name, rule, err)
	}
	if slices.Contains(ids, rule) {
		if got := fatalIDs(validate.Invoice(&b, sets...)); !slices.Equal(got, want) {
			t.Fatalf("%s broken by %s: fatal issues %v", name, rule, got)
		}
		inCII = true
	}
	if !decode {
		return inCII, false
	}
	if inCII {
		doc, err := cii.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s broken by %s: decoding its CII: %v", name, rule, err)
		}
		if got := fatalIDs(validate.Invoice(doc.Invoice, sets...)); !slices.Equal(got, want) {
			t.Fatalf("%s broken by %s: fatal issues of its CII %v", name, rule, got)
		}
	}
	if len(b.Lines) == 0 || !ublBreakable(rule) || !slices.Contains(uids, rule) {
		return inCII, false
	}
	data, err = encodeUBL(&b)
	if err != nil {
		t.Fatalf("%s broken by %s: UBL: %v", name, rule, err)
	}
	doc, err := ubl.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s broken by %s: decoding its UBL: %v", name, rule, err)
	}
	if got := fatalIDs(validate.Invoice(doc.Invoice, usets...)); !slices.Equal(got, want) {
		t.Fatalf("%s broken by %s: fatal issues of its UBL %v", name, rule, got)
	}
	return inCII, true
}
