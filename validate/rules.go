package validate

import (
	"strconv"
	"sync"

	"github.com/einvoice-go/einvoice"
)

// RuleSet is a set of rules, passed to Invoice. The sets are values of this
// package (EN16931, the Factur-X profiles); a set includes the sets it
// builds on.
//
// A set checks as the official schematron of one syntax does: CII (the
// zero value, and the sets' own) or UBL. The CEN schematrons for CII and
// for UBL test about twenty rules differently; For gives the set that
// follows the UBL one:
//
//	validate.Invoice(inv, validate.EN16931.For(validate.UBL))
type RuleSet struct {
	name   string
	list   *ruleList
	syntax Syntax
	cpro   ChorusProOptions // the options of ChorusPro, for its rules
}

// ruleList is the rules of a set, built when first used: the sets' lists
// are concatenations and selections of the families' tables, which a
// program that links the package without validating (one that generates
// or encodes invoices) need not build nor keep in its heap.
type ruleList struct {
	once  sync.Once
	build func() []rule
	rules []rule
}

// lazyRules returns the list build makes, built on first use.
func lazyRules(build func() []rule) *ruleList { return &ruleList{build: build} }

// get returns the list's rules; a nil list has none.
func (l *ruleList) get() []rule {
	if l == nil {
		return nil
	}
	l.once.Do(func() { l.rules = l.build() })
	return l.rules
}

// rules returns the rules of the set, in the order they run.
func (s RuleSet) rules() []rule { return s.list.get() }

// Syntax is the syntax whose official schematron a rule set follows where
// the CEN schematrons for CII and for UBL differ (see RuleSet.For).
type Syntax int

// The syntaxes.
const (
	// CII follows the CEN schematron for UN/CEFACT CII (and Factur-X):
	// the default.
	CII Syntax = iota
	// UBL follows the CEN schematron for OASIS UBL 2.1 (Invoice and
	// CreditNote).
	UBL
)

// String returns "CII" or "UBL".
func (syn Syntax) String() string {
	switch syn {
	case CII:
		return "CII"
	case UBL:
		return "UBL"
	}
	return "Syntax(" + strconv.Itoa(int(syn)) + ")"
}

// Name returns the set's name, as "en16931".
func (s RuleSet) Name() string { return s.name }

// For returns the set with the same rules, giving the verdict of the
// official schematron of syntax syn: the rules whose UBL test differs from
// the CII one follow the UBL test, and the issues take the UBL severity
// (BR-51 is a warning in UBL, fatal in CII). Validate a document decoded
// from UBL with For(UBL), one decoded from CII with the set itself (or
// For(CII)).
func (s RuleSet) For(syn Syntax) RuleSet {
	s.syntax = syn
	return s
}

// Syntax returns the syntax whose official schematron the set follows.
func (s RuleSet) Syntax() Syntax { return s.syntax }

// Rules returns the ids of the set's rules, in the order they run.
func (s RuleSet) Rules() []string {
	rules := s.rules()
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.id
	}
	return ids
}

// rule is one official rule: its id and the function that checks it. The
// function reports through c, with c.fail, zero or more times. The few
// functions whose UBL test differs branch on c.syntax (ubl.go lists them).
type rule struct {
	id    string
	check func(c *checker)
}

// checker is the state of one validation: the invoice, the rule running,
// and the report being built. Rule functions read c.inv and call c.fail.
type checker struct {
	inv    *einvoice.Invoice
	rule   string
	rep    *Report
	syntax Syntax // the syntax of the set running
	// cpro are the ChorusPro options of the set running.
	cpro ChorusProOptions
	// calc caches what the model's calculation gives, computed once for
	// all the arithmetic rules and the VAT category rules (see calc.go),
	// in calcSpace.
	calc      *calculated
	calcSpace calculated
}

// fail reports that the running rule is broken at the model path, with
// the official message and, when detail is not "", the values found.
func (c *checker) fail(path, detail string) {
	m := metaOf(c.rule)
	if c.syntax == UBL {
		if sev, ok := ublSeverity[c.rule]; ok {
			m.Severity = sev
		}
	}
	msg := m.Message
	if detail != "" {
		msg += " (" + detail + ")"
	}
	c.rep.Issues = append(c.rep.Issues, Issue{Rule: c.rule, Severity: m.Severity, Path: path, Terms: m.Terms, Message: msg})
}

// Invoice checks inv against the rule sets, in order, and returns the
// report. A rule that belongs to several of the sets runs once. inv is not
// changed. With no set, Invoice checks EN16931.
func Invoice(inv *einvoice.Invoice, sets ...RuleSet) Report {
	// One allocation for the checker and the report it builds.
	v := &struct {
		c   checker
		rep Report
	}{}
	c := &v.c
	c.inv, c.rep = inv, &v.rep
	switch len(sets) {
	case 0:
		c.run(EN16931.rules())
	case 1:
		c.syntax, c.cpro = sets[0].syntax, sets[0].cpro
		c.run(sets[0].rules())
	default:
		seen := make(map[string]bool)
		for _, s := range sets {
			c.syntax, c.cpro = s.syntax, s.cpro
			for _, r := range s.rules() {
				if seen[r.id] {
					continue
				}
				seen[r.id] = true
				c.rule = r.id
				r.check(c)
			}
		}
	}
	return v.rep
}

// run runs the rules in order.
func (c *checker) run(rules []rule) {
	for _, r := range rules {
		c.rule = r.id
		r.check(c)
	}
}
