package validate

import (
	"slices"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/fixtures"
	"github.com/shopspring/decimal"
)

// ruleByID returns the rule of EN16931 with the id, failing the test if
// there is none.
func ruleByID(t testing.TB, id string) rule {
	t.Helper()
	for _, r := range EN16931.rules() {
		if r.id == id {
			return r
		}
	}
	t.Fatalf("no rule %s in EN16931", id)
	return rule{}
}

// check runs the rule with the id alone on inv and returns its issues.
func check(t testing.TB, inv *einvoice.Invoice, id string) []Issue {
	t.Helper()
	r := ruleByID(t, id)
	var rep Report
	c := &checker{inv: inv, rule: r.id, rep: &rep}
	r.check(c)
	return rep.Issues
}

// paths returns the paths of the issues, in order.
func paths(issues []Issue) []string {
	out := make([]string, len(issues))
	for i, is := range issues {
		out[i] = is.Path
	}
	return out
}

// fixture returns a fresh copy of the named fixture's invoice, failing the
// test if there is none. Mutating it changes nothing shared.
func fixture(t testing.TB, name string) *einvoice.Invoice {
	t.Helper()
	f, ok := fixtures.ByName(name)
	if !ok {
		t.Fatalf("no fixture %q", name)
	}
	return &f.Invoice
}

// en16931Fixtures returns the fixtures meant to be valid EN 16931 invoices:
// those of the BASIC, EN 16931 and EXTENDED profiles (MINIMUM and BASIC WL
// fixtures have no lines).
func en16931Fixtures() []fixtures.Fixture {
	var out []fixtures.Fixture
	for _, f := range fixtures.All() {
		switch f.Profile {
		case fixtures.Basic, fixtures.EN16931, fixtures.Extended:
			out = append(out, f)
		}
	}
	return out
}

// ruleIDs returns the ids of the rules, in order.
func ruleIDs(rules []rule) []string {
	out := make([]string, len(rules))
	for i, r := range rules {
		out[i] = r.id
	}
	return out
}

// dp returns a pointer to the decimal s, which keeps the scale it is
// written with.
func dp(s string) *decimal.Decimal {
	d := decimal.RequireFromString(s)
	return &d
}

// dv returns the decimal s, which keeps the scale it is written with.
func dv(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// ruleCase is a table entry of the rule tests: on the fixture base, the rule
// does not fire; after mutate, it fires at the want paths, in order.
type ruleCase struct {
	rule   string
	base   string // a fixture name; "extended" when empty
	mutate func(inv *einvoice.Invoice)
	want   []string
}

// runRuleCases runs the cases and checks that every rule of rules has one.
func runRuleCases(t *testing.T, rules []rule, cases []ruleCase) {
	t.Helper()
	covered := map[string]bool{}
	for _, tc := range cases {
		covered[tc.rule] = true
		base := tc.base
		if base == "" {
			base = "extended"
		}
		t.Run(tc.rule+"/"+base, func(t *testing.T) {
			inv := fixture(t, base)
			if got := check(t, inv, tc.rule); len(got) != 0 {
				t.Fatalf("valid %s: %v", base, got)
			}
			tc.mutate(inv)
			got := check(t, inv, tc.rule)
			if !slices.Equal(paths(got), tc.want) {
				t.Errorf("got %q, want %q", paths(got), tc.want)
			}
			for _, is := range got {
				if is.Rule != tc.rule {
					t.Errorf("issue of rule %s, want %s", is.Rule, tc.rule)
				}
			}
		})
	}
	for _, id := range ruleIDs(rules) {
		if !covered[id] {
			t.Errorf("%s: no test case", id)
		}
	}
}
