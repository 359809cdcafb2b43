package einvoicetest_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/einvoicetest"
	"github.com/einvoice-go/einvoice/ubl"
	"github.com/einvoice-go/einvoice/validate"
)

// Every value the options' lists take.
var (
	allCategories = []einvoice.VATCategory{"S", "Z", "E", "AE", "K", "G", "O", "L", "M", "B"}
	allTypeCodes  = []einvoice.DocumentTypeCode{"380", "381", "384", "386", "389", "393", "261", "262", "396"}
	allMeans      = []einvoice.PaymentMeansCode{"10", "20", "30", "42", "48", "49", "57", "58", "59"}
	allProfiles   = []cii.Profile{cii.Minimum, cii.BasicWL, cii.Basic, cii.EN16931, cii.Extended, cii.ExtendedCTCFR}
)

// variant is a named set of options, for every profile.
type variant struct {
	name string
	opt  einvoicetest.Options
}

// variants are the options the property and conformance tests cover: the
// zero value, everything at once, French, Chorus Pro with each directory
// setting, long invoices, foreign currencies.
func variants() []variant {
	return []variant{
		{"default", einvoicetest.Options{}},
		{"everything", einvoicetest.Options{
			Categories: allCategories, TypeCodes: allTypeCodes, PaymentMeans: allMeans,
			Currencies:        []einvoice.CurrencyCode{"EUR", "USD", "CHF", "GBP"},
			AllowancesCharges: true, Attachments: true,
		}},
		{"french", einvoicetest.Options{
			French: true, Categories: []einvoice.VATCategory{"S", "Z", "E", "AE", "K", "G", "O"}, TypeCodes: allTypeCodes,
			PaymentMeans: allMeans, Currencies: []einvoice.CurrencyCode{"EUR", "EUR", "USD"},
			AllowancesCharges: true, Attachments: true,
		}},
		{"choruspro", einvoicetest.Options{
			ChorusPro: true, Categories: []einvoice.VATCategory{"S", "Z", "E", "O"}, TypeCodes: []einvoice.DocumentTypeCode{"380", "381", "384"},
			PaymentMeans: []einvoice.PaymentMeansCode{"30", "49", "20"}, AllowancesCharges: true, Attachments: true,
		}},
		{"choruspro-both", einvoicetest.Options{ChorusPro: true, BuyerRequires: validate.RequiresServiceAndEngagement, Attachments: true}},
		{"long", einvoicetest.Options{MinLines: 15, MaxLines: 30, Categories: []einvoice.VATCategory{"S", "Z", "E"}, AllowancesCharges: true}},
	}
}

// french reports whether the options ask for the French CIUS.
func french(o einvoicetest.Options) bool { return o.French || o.ChorusPro }

// fatalIDs returns the ids of the fatal issues of a report, sorted, once
// each.
func fatalIDs(rep validate.Report) []string {
	var ids []string
	for _, is := range rep.Issues {
		if is.Severity == validate.Fatal && !slices.Contains(ids, is.Rule) {
			ids = append(ids, is.Rule)
		}
	}
	slices.Sort(ids)
	return ids
}

// fatalSyntax returns the fatal syntax issues a decoder found.
func fatalSyntax(issues []einvoice.SyntaxIssue) []string {
	var out []string
	for _, is := range issues {
		if is.Fatal {
			out = append(out, is.String())
		}
	}
	return out
}

// ruleIDs returns the ids of the rules of sets.
func ruleIDs(sets []validate.RuleSet) []string {
	var ids []string
	for _, s := range sets {
		ids = append(ids, s.Rules()...)
	}
	return ids
}

// profileOf returns the profile an invoice declares (BT-24).
func profileOf(inv *einvoice.Invoice) cii.Profile { return cii.ProfileOf(inv.Process.Specification) }

// encodeCII writes inv as CII in the profile it declares.
func encodeCII(inv *einvoice.Invoice) ([]byte, error) {
	var buf bytes.Buffer
	if _, err := (&cii.Encoder{Profile: profileOf(inv)}).Encode(&buf, inv); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// encodeUBL writes inv as UBL.
func encodeUBL(inv *einvoice.Invoice) ([]byte, error) {
	var buf bytes.Buffer
	if err := ubl.Encode(&buf, inv); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// notInUBL are the rules Break breaks that a UBL document does not report:
// BR-51 is a warning in the UBL schematron, and UBL does not carry an
// empty period (BR-CO-19, BR-CO-20).
var notInUBL = []string{"BR-51", "BR-CO-19", "BR-CO-20"}

// ublBreakable reports whether the UBL rule sets report rule as it is
// spelt: the French CIUS gives some rules other ids in UBL.
func ublBreakable(rule string) bool {
	return !slices.Contains(notInUBL, rule) && !strings.HasPrefix(rule, "BR-FR-")
}

// describe names an invoice in a failure message.
func describe(v variant, p cii.Profile, seed uint64) string {
	return fmt.Sprintf("Invoice(%d, %s with Profile %s)", seed, v.name, p)
}

// group is a variant of the options with one of the profiles.
type group struct {
	v   variant
	opt einvoicetest.Options
}

// name names an invoice of the group in a failure message.
func (g group) name(seed uint64) string { return describe(g.v, g.opt.Profile, seed) }

// groups returns every variant with every profile that makes sense for
// it.
func groups() []group {
	var out []group
	for _, v := range variants() {
		for _, p := range allProfiles {
			if opt, ok := withProfile(v, p); ok {
				out = append(out, group{v, opt})
			}
		}
	}
	return out
}

// withProfile returns the options of v with profile p, and whether they
// make sense (the French CIUS wants BASIC at least).
func withProfile(v variant, p cii.Profile) (einvoicetest.Options, bool) {
	o := v.opt
	o.Profile = p
	if p != cii.Extended && p != cii.ExtendedCTCFR && slices.Contains(o.Categories, einvoice.VATSplitPayment) {
		// B is in EXTENDED only.
		o.Categories = slices.DeleteFunc(slices.Clone(o.Categories), func(c einvoice.VATCategory) bool { return c == einvoice.VATSplitPayment })
	}
	return o, !(french(o) && (p == cii.Minimum || p == cii.BasicWL))
}
