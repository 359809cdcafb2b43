package einvoicetest_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/einvoicetest"
	"github.com/einvoice-go/einvoice/validate"
)

// Breakable lists at least 40 rules, sorted, once each, every one an id of
// a rule set of package validate and of an official schematron;
// ChorusProBreakable lists the Chorus Pro rules, which none has.
func TestBreakable(t *testing.T) {
	rules, cpro := einvoicetest.Breakable(), einvoicetest.ChorusProBreakable()
	if len(rules) < 40 || len(cpro) < 20 {
		t.Fatalf("%d and %d rules, want 40 and 20 at least", len(rules), len(cpro))
	}
	known := validate.ChorusPro(validate.ChorusProOptions{}).Rules()
	for _, s := range []validate.RuleSet{validate.FacturXMinimum, validate.FacturXBasicWL, validate.FacturXExtended} {
		known = append(known, s.Rules()...)
	}
	for _, l := range []struct {
		rules     []string
		chorusPro bool
	}{{rules, false}, {cpro, true}} {
		if !slices.IsSorted(l.rules) || len(slices.Compact(slices.Clone(l.rules))) != len(l.rules) {
			t.Errorf("not sorted or not unique: %v", l.rules)
		}
		for _, r := range l.rules {
			if !slices.Contains(known, r) {
				t.Errorf("%s is no rule of package validate", r)
			}
			if chorusPro := strings.HasPrefix(r, "BR-FR-CPRO-") || strings.HasPrefix(r, "CHORUSPRO-"); chorusPro != l.chorusPro {
				t.Errorf("%s is in the wrong list", r)
			}
		}
	}
	rules[0] = "changed"
	if einvoicetest.Breakable()[0] == "changed" {
		t.Error("Breakable returns its own slice")
	}
}

// An unknown rule, or one the invoice does not lend itself to, is an
// error, and the invoice is left as it was.
func TestBreakErrors(t *testing.T) {
	inv := einvoicetest.Invoice(1, einvoicetest.Options{}) // category S only, EN 16931
	before := jsonOf(t, inv)
	for _, tc := range []struct {
		rule string
		want error
	}{
		{"BR-CO-17", einvoicetest.ErrUnknownRule}, // fires with BR-S-09: not breakable alone
		{"BR-999", einvoicetest.ErrUnknownRule},
		{"", einvoicetest.ErrUnknownRule},
		{"BR-E-10", einvoicetest.ErrNotApplicable},        // no category E
		{"BR-IC-11", einvoicetest.ErrNotApplicable},       // no intra-community supply
		{"BR-FR-09_BT-60", einvoicetest.ErrNotApplicable}, // no payee
	} {
		err := einvoicetest.Break(inv, tc.rule)
		if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), "einvoicetest: ") {
			t.Errorf("Break(%q): %v, want %v", tc.rule, err, tc.want)
		}
		if jsonOf(t, inv) != before {
			t.Fatalf("Break(%q) failed and changed the invoice", tc.rule)
		}
	}
	// Each function breaks the rules of its list only.
	if err := einvoicetest.Break(inv, "BR-FR-CPRO-43"); !errors.Is(err, einvoicetest.ErrUnknownRule) {
		t.Errorf("Break of a Chorus Pro rule: %v", err)
	}
	if err := einvoicetest.BreakChorusPro(inv, "BR-06"); !errors.Is(err, einvoicetest.ErrUnknownRule) {
		t.Errorf("BreakChorusPro of an EN 16931 rule: %v", err)
	}
	if jsonOf(t, inv) != before {
		t.Fatal("a failed Break changed the invoice")
	}
	if err := einvoicetest.Break(nil, "BR-06"); !errors.Is(err, einvoicetest.ErrNotApplicable) {
		t.Errorf("Break of nil: %v", err)
	}
	// A profile that cannot carry what breaking takes: MINIMUM has no
	// attachments.
	min := einvoicetest.Invoice(1, einvoicetest.Options{Profile: cii.Minimum})
	if err := einvoicetest.Break(min, "BR-52"); !errors.Is(err, einvoicetest.ErrNotApplicable) {
		t.Errorf("Break BR-52 on MINIMUM: %v", err)
	}
}

// Break changes the invoice it is given and nothing else: a shallow copy
// made before keeps the valid invoice, for every rule.
func TestBreakLeavesCopies(t *testing.T) {
	opt := einvoicetest.Options{
		French: true, Categories: []einvoice.VATCategory{"S", "E", "K"}, AllowancesCharges: true, Attachments: true,
		TypeCodes: []einvoice.DocumentTypeCode{"380", "381", "393"},
	}
	applied := 0
	for seed := uint64(0); seed < 10; seed++ {
		inv := einvoicetest.Invoice(seed, opt)
		before := jsonOf(t, inv)
		for _, rule := range allBreakable() {
			b := *inv
			err := breakRule(&b, rule)
			if err == nil {
				applied++
				if jsonOf(t, &b) == before {
					t.Errorf("seed %d: Break(%s) changed nothing", seed, rule)
				}
			}
			if jsonOf(t, inv) != before {
				t.Fatalf("seed %d: Break(%s) changed the copy it was not given", seed, rule)
			}
		}
	}
	if applied < 500 {
		t.Errorf("%d rules applied, want 500 at least", applied)
	}
}

// Breaking the same rule twice, or two rules, is possible: Break works on
// any invoice, broken or not.
func TestBreakTwice(t *testing.T) {
	inv := einvoicetest.Invoice(3, einvoicetest.Options{})
	if err := einvoicetest.Break(inv, "BR-CO-15"); err != nil {
		t.Fatal(err)
	}
	if err := einvoicetest.Break(inv, "BR-06"); err != nil {
		t.Fatal(err)
	}
	if got := fatalIDs(validate.Invoice(inv, validate.FacturXEN16931)); !slices.Equal(got, []string{"BR-06", "BR-CO-15"}) {
		t.Errorf("fatal issues %v, want BR-06 and BR-CO-15", got)
	}
}

func jsonOf(t *testing.T, inv *einvoice.Invoice) string {
	t.Helper()
	data, err := json.Marshal(inv)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// allBreakable lists the rules of Break and of BreakChorusPro.
func allBreakable() []string {
	return append(einvoicetest.Breakable(), einvoicetest.ChorusProBreakable()...)
}

// breakRule breaks rule with Break, or BreakChorusPro for a rule of its list.
func breakRule(inv *einvoice.Invoice, rule string) error {
	if slices.Contains(einvoicetest.ChorusProBreakable(), rule) {
		return einvoicetest.BreakChorusPro(inv, rule)
	}
	return einvoicetest.Break(inv, rule)
}
