package validate

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/conformance"
)

// clMutations make each code list rule fire, or, quiet, not fire where
// the official schematron accepts the code.
func clMutations() []vatMutation {
	set := func(id, base string, f func(inv *einvoice.Invoice)) vatMutation {
		return vatMutation{id: id, base: base, mutate: func(_ testing.TB, inv *einvoice.Invoice) { f(inv) }}
	}
	quiet := func(id, base string, f func(inv *einvoice.Invoice)) vatMutation {
		m := set(id, base, f)
		m.quiet = true
		return m
	}
	return []vatMutation{
		set("BR-CL-01", "base", func(inv *einvoice.Invoice) { inv.TypeCode = "999" }),
		set("BR-CL-01", "base", func(inv *einvoice.Invoice) { inv.TypeCode = "" }),
		quiet("BR-CL-01", "base", func(inv *einvoice.Invoice) { inv.TypeCode = " 380\n" }), // normalize-space
		set("BR-CL-03", "base", func(inv *einvoice.Invoice) { inv.Currency = "EUX" }),
		set("BR-CL-03", "tax-currency", func(inv *einvoice.Invoice) { inv.TaxCurrency = "EUX" }),
		quiet("BR-CL-03", "base", func(inv *einvoice.Invoice) { inv.Currency, inv.Totals.VAT = "EUX", nil }),
		set("BR-CL-04", "base", func(inv *einvoice.Invoice) { inv.Currency = "EUX" }),
		set("BR-CL-05", "tax-currency", func(inv *einvoice.Invoice) { inv.TaxCurrency = "EUX" }),
		set("BR-CL-06", "tax-point-date-code", func(inv *einvoice.Invoice) { inv.TaxPointDateCode = "99" }),
		set("BR-CL-07", "references", func(inv *einvoice.Invoice) { inv.InvoicedObject.Scheme = "ZZZZ" }),
		set("BR-CL-07", "references", func(inv *einvoice.Invoice) {
			inv.Lines[0].Object = einvoice.ObjectID{Value: "x", Scheme: "ZZZZ"}
		}),
		set("BR-CL-08", "notes", func(inv *einvoice.Invoice) { inv.Notes[0].SubjectCode = "ZZZZ" }),
		set("BR-CL-10", "base", func(inv *einvoice.Invoice) {
			inv.Seller.Identifiers = append(slices.Clone(inv.Seller.Identifiers), einvoice.ID{Value: "x", Scheme: "9999"})
		}),
		set("BR-CL-10", "base", func(inv *einvoice.Invoice) { inv.Buyer.Identifiers = []einvoice.ID{{Value: "x", Scheme: "0092"}} }),
		set("BR-CL-10", "payee-factoring", func(inv *einvoice.Invoice) {
			p := *inv.Payee
			p.Identifier.Scheme = "XXXX"
			inv.Payee = &p
		}),
		set("BR-CL-11", "base", func(inv *einvoice.Invoice) { inv.Seller.LegalRegistration.Scheme = "9999" }),
		set("BR-CL-13", "item-details", func(inv *einvoice.Invoice) {
			inv.Lines[0].Item.Classifications = []einvoice.Classification{{Value: "x", Scheme: "QQ"}}
		}),
		set("BR-CL-14", "base", func(inv *einvoice.Invoice) { inv.Seller.Address.Country = "XX" }),
		set("BR-CL-14", "base", func(inv *einvoice.Invoice) { inv.Buyer.Address.Country = "" }),
		set("BR-CL-14", "delivery", func(inv *einvoice.Invoice) {
			d := *inv.Delivery
			d.Address = &einvoice.Address{City: "Lyon"}
			inv.Delivery = &d
		}),
		set("BR-CL-15", "item-details", func(inv *einvoice.Invoice) { inv.Lines[0].Item.OriginCountry = "XX" }),
		set("BR-CL-16", "base", func(inv *einvoice.Invoice) {
			p := *inv.Payment
			p.MeansCode = "999"
			inv.Payment = &p
		}),
		set("BR-CL-17", "document-allowances-charges", func(inv *einvoice.Invoice) { inv.Allowances[0].VAT.Category = "X" }),
		set("BR-CL-17", "document-allowances-charges", func(inv *einvoice.Invoice) { inv.Charges[1].VAT.Category = "" }),
		set("BR-CL-18", "base", func(inv *einvoice.Invoice) { inv.Lines[0].VAT.Category = "X" }),
		set("BR-CL-18", "base", func(inv *einvoice.Invoice) { inv.VATBreakdown[0].Category = "s" }),
		set("BR-CL-19", "document-allowances-charges", func(inv *einvoice.Invoice) { inv.Allowances[0].ReasonCode = "999" }),
		set("BR-CL-19", "line-allowances-charges", func(inv *einvoice.Invoice) {
			for i := range inv.Lines {
				if len(inv.Lines[i].Allowances) > 0 {
					inv.Lines[i].Allowances = slices.Clone(inv.Lines[i].Allowances)
					inv.Lines[i].Allowances[0].ReasonCode = "FC"
					return
				}
			}
		}),
		set("BR-CL-20", "document-allowances-charges", func(inv *einvoice.Invoice) { inv.Charges[0].ReasonCode = "95" }),
		set("BR-CL-21", "item-details", func(inv *einvoice.Invoice) { inv.Lines[0].Item.StandardID.Scheme = "9999" }),
		set("BR-CL-22", "vat-exempt", func(inv *einvoice.Invoice) {
			inv.VATBreakdown[len(inv.VATBreakdown)-1].ExemptionReasonCode = "VATEX-EU-999"
		}),
		quiet("BR-CL-22", "vat-reverse-charge", func(inv *einvoice.Invoice) {
			for k := range inv.VATBreakdown {
				if inv.VATBreakdown[k].ExemptionReasonCode != "" {
					inv.VATBreakdown[k].ExemptionReasonCode = "vatex-eu-ae" // upper-case(.)
				}
			}
		}),
		set("BR-CL-23", "base", func(inv *einvoice.Invoice) { inv.Lines[0].Unit = "X9Y" }),
		set("BR-CL-23", "prices", func(inv *einvoice.Invoice) {
			for i := range inv.Lines {
				if inv.Lines[i].Price.BaseQuantity != nil {
					inv.Lines[i].Price.BaseUnit = "X9Y"
					return
				}
			}
		}),
		set("BR-CL-24", "attachments", func(inv *einvoice.Invoice) {
			for i := range inv.Attachments {
				if inv.Attachments[i].Content != nil {
					inv.Attachments[i].MIMECode = "application/zip"
					return
				}
			}
		}),
		set("BR-CL-24", "attachments", func(inv *einvoice.Invoice) {
			for i := range inv.Attachments {
				if inv.Attachments[i].Content != nil {
					inv.Attachments[i].MIMECode = "Application/PDF" // compared exactly
					return
				}
			}
		}),
		set("BR-CL-25", "electronic-address-siret", func(inv *einvoice.Invoice) { inv.Seller.ElectronicAddress.Scheme = "9999" }),
		quiet("BR-CL-25", "electronic-address-siret", func(inv *einvoice.Invoice) { inv.Buyer.ElectronicAddress.Scheme = "" }),
		set("BR-CL-26", "delivery", func(inv *einvoice.Invoice) {
			d := *inv.Delivery
			d.LocationID.Scheme = "9999"
			inv.Delivery = &d
		}),
	}
}

func TestCodeRules(t *testing.T) {
	tested := map[string]bool{}
	for _, m := range clMutations() {
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
	for _, r := range codeRules {
		if !tested[r.id] {
			t.Errorf("%s: no mutation makes it fire", r.id)
		}
	}
}

// clValid is, for each rule, the Valid method the rule uses, as a
// function of a string, and the generated list of the type.
type clList struct {
	valid  func(string) bool
	values []string
}

func clStrings[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func clLists() map[string]clList {
	currency := clList{func(s string) bool { return einvoice.CurrencyCode(s).Valid() }, clStrings(einvoice.CurrencyCodeValues())}
	country := clList{func(s string) bool { return einvoice.CountryCode(s).Valid() }, clStrings(einvoice.CountryCodeValues())}
	icd := clList{func(s string) bool { return einvoice.ICDCode(s).Valid() }, clStrings(einvoice.ICDCodeValues())}
	category := clList{func(s string) bool { return einvoice.VATCategory(s).Valid() }, clStrings(einvoice.VATCategoryValues())}
	return map[string]clList{
		"BR-CL-01": {func(s string) bool { return einvoice.DocumentTypeCode(s).Valid() }, clStrings(einvoice.DocumentTypeCodeValues())},
		"BR-CL-03": currency, "BR-CL-04": currency, "BR-CL-05": currency,
		"BR-CL-07": {func(s string) bool { return einvoice.ReferenceCode(s).Valid() }, clStrings(einvoice.ReferenceCodeValues())},
		"BR-CL-08": {func(s string) bool { return einvoice.SubjectCode(s).Valid() }, clStrings(einvoice.SubjectCodeValues())},
		"BR-CL-10": icd, "BR-CL-11": icd, "BR-CL-21": icd, "BR-CL-26": icd,
		"BR-CL-13": {func(s string) bool { return einvoice.ClassificationScheme(s).Valid() }, clStrings(einvoice.ClassificationSchemeValues())},
		"BR-CL-14": country, "BR-CL-15": country,
		"BR-CL-16": {func(s string) bool { return einvoice.PaymentMeansCode(s).Valid() }, clStrings(einvoice.PaymentMeansCodeValues())},
		"BR-CL-17": category, "BR-CL-18": category,
		"BR-CL-19": {func(s string) bool { return einvoice.AllowanceReasonCode(s).Valid() }, clStrings(einvoice.AllowanceReasonCodeValues())},
		"BR-CL-20": {func(s string) bool { return einvoice.ChargeReasonCode(s).Valid() }, clStrings(einvoice.ChargeReasonCodeValues())},
		"BR-CL-22": {func(s string) bool { return einvoice.VATEXCode(s).Valid() }, clStrings(einvoice.VATEXCodeValues())},
		"BR-CL-23": {func(s string) bool { return einvoice.UnitCode(s).Valid() }, clStrings(einvoice.UnitCodeValues())},
		"BR-CL-24": {func(s string) bool { return einvoice.MIMECode(s).Valid() }, clStrings(einvoice.MIMECodeValues())},
		"BR-CL-25": {func(s string) bool { return einvoice.EASCode(s).Valid() }, clStrings(einvoice.EASCodeValues())},
	}
}

// TestCodeListsMatchSchematron compares, rule by rule, the list of the CII
// code list schematron with the generated type the rule checks with.
// BR-CL-06 is apart: the CII list is UNTDID 2475, the model's UNTDID 2005.
func TestCodeListsMatchSchematron(t *testing.T) {
	dir := conformance.Need(t, "cii/schematron/sch/codelist/EN16931-CII-codes.sch")
	data, err := os.ReadFile(filepath.Join(dir, "cii/schematron/sch/codelist/EN16931-CII-codes.sch"))
	if err != nil {
		t.Fatal(err)
	}
	asserts := regexp.MustCompile(`(?s)<assert\s+test="(.*?)"(.*?)>`).FindAllStringSubmatch(string(data), -1)
	listRE := regexp.MustCompile(`contains\('([^']*)'`)
	mimeRE := regexp.MustCompile(`@mimeCode\s*=\s*'([^']*)'`)
	idRE := regexp.MustCompile(`id="(BR-CL-\d+)"`)
	lists := clLists()
	seen := map[string]bool{}
	for _, a := range asserts {
		m := idRE.FindStringSubmatch(a[0])
		if m == nil {
			continue
		}
		id := m[1]
		var codes []string
		if l := listRE.FindStringSubmatch(a[1]); l != nil {
			codes = strings.Fields(l[1])
		} else {
			for _, mm := range mimeRE.FindAllStringSubmatch(a[1], -1) {
				codes = append(codes, mm[1])
			}
		}
		seen[id] = true
		if id == "BR-CL-06" {
			if want := []string{"5", "29", "72"}; !slices.Equal(codes, want) {
				t.Errorf("BR-CL-06: the CII list is %v, the encoder maps 3, 35, 432 to %v", codes, want)
			}
			for _, c := range einvoice.TaxPointDateCodeValues() {
				if !c.Valid() {
					t.Errorf("BR-CL-06: %s", c)
				}
			}
			continue
		}
		l, ok := lists[id]
		if !ok {
			t.Errorf("%s: no list to compare", id)
			continue
		}
		if len(codes) == 0 {
			t.Errorf("%s: no codes found in the schematron", id)
		}
		in := map[string]bool{}
		for _, c := range codes {
			in[c] = true
			if !l.valid(c) {
				t.Errorf("%s: the schematron accepts %q, Valid does not", id, c)
			}
		}
		for _, v := range l.values {
			if !in[v] {
				t.Errorf("%s: Valid accepts %q, the schematron does not", id, v)
			}
		}
	}
	for _, r := range codeRules {
		if !seen[r.id] {
			t.Errorf("%s: not in the schematron", r.id)
		}
	}
	for id := range seen {
		found := false
		for _, r := range codeRules {
			found = found || r.id == id
		}
		if !found {
			t.Errorf("%s: in the schematron, not in codeRules", id)
		}
	}
}
