package cii

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/einvoice-go/einvoice/internal/fixtures"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/conformance"
	"github.com/shopspring/decimal"
)

// The per-profile sets in profile_terms_gen.go are checked against the
// Factur-X XSDs and schematrons by the generator's own test
// (internal/gen/ciiprofiles: TestGeneratedFileUpToDate). The tests here
// check the tables against each other and the model, and pin what the
// sets mean for a full invoice.

// normTerms lists every business term and group of EN 16931-1 (which
// assigns no BT-4), in the order of heldTerms.
func normTerms() []string {
	var ids []string
	for i := 1; i <= 165; i++ {
		if i != 4 {
			ids = append(ids, fmt.Sprintf("BT-%d", i))
		}
	}
	for i := 1; i <= 32; i++ {
		ids = append(ids, fmt.Sprintf("BG-%d", i))
	}
	return ids
}

// extTerms lists the EXTENDED terms of the model, in the order of
// heldTerms: the French reform's terms, its groups, Factur-X's terms.
func extTerms() []string {
	return []string{
		"EXT-FR-FE-02", "EXT-FR-FE-29", "EXT-FR-FE-159", "EXT-FR-FE-162", "EXT-FR-FE-163", "EXT-FR-FE-164",
		"EXT-FR-FE-181", "EXT-FR-FE-182", "EXT-FR-FE-184",
		"EXT-FR-FE-BG-01", "EXT-FR-FE-BG-02", "EXT-FR-FE-BG-03", "EXT-FR-FE-BG-04", "EXT-FR-FE-BG-05",
		"EXT-FR-FE-BG-06", "EXT-FR-FE-BG-10",
		"BT-X-12",
	}
}

// allTerms lists every term of the tables: normTerms, then extTerms.
func allTerms() []string { return slices.Concat(normTerms(), extTerms()) }

func TestProfileTermsTables(t *testing.T) {
	want := allTerms()
	var paths, model []string
	for _, tp := range termPaths {
		paths = append(paths, tp.id)
	}
	for _, mt := range modelTerms {
		model = append(model, mt.id)
	}
	if !slices.Equal(paths, want) {
		t.Errorf("termPaths ids:\n got %v\nwant %v", paths, want)
	}
	if !slices.Equal(model, want) {
		t.Errorf("modelTerms ids:\n got %v\nwant %v", model, want)
	}
	if !slices.IsSortedFunc(want, compareTerms) {
		t.Error("the norm's order is not the order of compareTerms")
	}
	var gen []string
	for id := range termProfiles {
		gen = append(gen, id)
	}
	slices.SortFunc(gen, compareTerms)
	if !slices.Equal(gen, want) {
		t.Errorf("termProfiles ids (stale profile_terms_gen.go? run go generate):\n got %v\nwant %v", gen, want)
	}
	src, err := os.ReadFile("profile_terms_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^// Code generated .* DO NOT EDIT\.$`).Match(src) {
		t.Error("profile_terms_gen.go lacks the generated-code header")
	}
	// Each group's parts exist, and each term or group is the part of at
	// most one group.
	parent := map[string]string{}
	for _, mt := range modelTerms {
		if mt.visit == nil && len(mt.parts) == 0 {
			t.Errorf("%s has neither a visit function nor parts", mt.id)
		}
		if len(mt.parts) > 0 && !strings.HasPrefix(mt.id, "BG-") {
			t.Errorf("term %s has parts", mt.id)
		}
		for _, p := range mt.parts {
			if modelTerm(p) == nil {
				t.Errorf("%s: unknown part %s", mt.id, p)
			}
			if q, dup := parent[p]; dup {
				t.Errorf("%s is a part of %s and %s", p, q, mt.id)
			}
			parent[p] = mt.id
		}
	}
	for _, id := range []string{"BT-126", "BT-146", "BT-153", "BT-160", "BT-134", "BT-136", "BT-141",
		"EXT-FR-FE-159", "EXT-FR-FE-162", "EXT-FR-FE-163", "EXT-FR-FE-164", "EXT-FR-FE-181", "EXT-FR-FE-182",
		"EXT-FR-FE-184", "EXT-FR-FE-BG-06", "EXT-FR-FE-BG-10", "BT-X-12"} {
		if !slices.Contains(termDescendants("BG-25"), id) {
			t.Errorf("%s is not under BG-25", id)
		}
	}
	// Every EXTENDED term is named in the model's documentation, where
	// its field is.
	docs := modelDocText(t)
	for _, id := range extTerms() {
		if !regexp.MustCompile(regexp.QuoteMeta(id) + `\b[^-]`).MatchString(docs) {
			t.Errorf("%s appears in no doc comment of the model", id)
		}
	}
}

// modelDocText returns the comments of the model's source files.
func modelDocText(t *testing.T) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(src), "\n") {
			if _, c, ok := strings.Cut(line, "//"); ok {
				b.WriteString(c + "\n")
			}
		}
	}
	return b.String()
}

func TestProfileTermOrder(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"BT-2", "BT-10", -1},
		{"BT-29", "BT-29-1", -1},
		{"BT-29-1", "BT-30", -1},
		{"BT-165", "BG-1", -1},
		{"BG-2", "BG-10", -1},
		{"BG-32", "BX-1", -1},
		{"BG-32", "EXT-FR-FE-02", -1},
		{"EXT-FR-FE-02", "EXT-FR-FE-159", -1},
		{"EXT-FR-FE-184", "EXT-FR-FE-BG-01", -1},
		{"EXT-FR-FE-BG-06", "EXT-FR-FE-BG-10", -1},
		{"EXT-FR-FE-BG-10", "BT-X-12", -1},
		{"BT-165", "BT-X-12", -1},
		{"BT-X-12", "BX-1", -1},
		{"EXT-FR-FE-BG-01", "EXT-FR-FE-BG-01", 0},
		{"BT-7", "BT-7", 0},
		{"BG-1", "BT-1", 1},
	} {
		if got := compareTerms(c.a, c.b); got != c.want {
			t.Errorf("compareTerms(%s, %s) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	for _, id := range []string{"BT-01", "BT-4", "BG-33", "XX", "", "EXT-FR-FE-2", "EXT-FR-FE-BG-1", "EXT-FR-FE-", "BT-X-"} {
		if modelTerm(id) != nil {
			t.Errorf("modelTerm(%q) is not nil", id)
		}
	}
}

func TestProfileAllows(t *testing.T) {
	for _, p := range append(Profiles(), 0) {
		if !p.allows("BT-24") {
			t.Errorf("%v does not allow BT-24", p)
		}
		if p.allows("BT-4") || p.allows("BT-29-1") || p.allows("") {
			t.Errorf("%v allows an unknown id", p)
		}
	}
	// The EXTENDED terms: EXTENDED only.
	for _, id := range extTerms() {
		for _, p := range append(Profiles(), 0) {
			if p.allows(id) != (p == Extended) {
				t.Errorf("%s: %v.allows = %v", id, p, p.allows(id))
			}
		}
	}
	for _, id := range normTerms() {
		if !EN16931.allows(id) || !Extended.allows(id) {
			t.Errorf("%s: not allowed in EN 16931 or EXTENDED, which carry every business term", id)
		}
		if Profile(0).allows(id) != EN16931.allows(id) {
			t.Errorf("%s: the zero Profile differs from EN16931", id)
		}
		if Profile(9).allows(id) {
			t.Errorf("%s: allowed by an unknown profile", id)
		}
	}
	// Profiles without lines.
	for _, p := range []Profile{Minimum, BasicWL} {
		for _, id := range append(termDescendants("BG-25"), "BG-25") {
			if p.allows(id) {
				t.Errorf("%v allows the line term %s", p, id)
			}
		}
	}
	// MINIMUM: no VAT breakdown, no line total, of the seller's address
	// only the country, no buyer address at all, no buyer VAT identifier.
	for _, id := range []string{"BG-23", "BT-106", "BT-35", "BT-37", "BT-38", "BG-8", "BT-55", "BT-48", "BT-111", "BT-6"} {
		if Minimum.allows(id) {
			t.Errorf("MINIMUM allows %s", id)
		}
	}
	for _, id := range []string{"BT-1", "BT-2", "BT-3", "BT-5", "BT-10", "BT-13", "BT-27", "BT-30", "BT-31", "BT-40", "BG-5",
		"BT-44", "BT-47", "BT-109", "BT-110", "BT-112", "BT-115", "BG-22"} {
		if !Minimum.allows(id) {
			t.Errorf("MINIMUM does not allow %s", id)
		}
	}
	// The profiles nest: what a profile carries, the larger ones carry.
	ps := Profiles()
	for i := 1; i < len(ps); i++ {
		for _, id := range allTerms() {
			if ps[i-1].allows(id) && !ps[i].allows(id) {
				t.Errorf("%s: allowed by %v, not by %v", id, ps[i-1], ps[i])
			}
		}
	}
}

// termDescendants returns the parts of a group, their parts, and so on.
func termDescendants(id string) []string {
	var out []string
	for _, p := range modelTerm(id).parts {
		out = append(out, p)
		out = append(out, termDescendants(p)...)
	}
	return out
}

func termsDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// termsFullInvoice returns a completed invoice that holds every business
// term and group of EN 16931 (fixtures.Full).
func termsFullInvoice(t *testing.T) *einvoice.Invoice {
	t.Helper()
	inv := fixtures.Full()
	if err := inv.Complete(); err != nil {
		t.Fatal(err)
	}
	return &inv
}

// termsFullExtended returns termsFullInvoice with every EXTENDED term too.
func termsFullExtended(t *testing.T) *einvoice.Invoice {
	t.Helper()
	inv := fixtures.Full()
	party := func(name string) *einvoice.Party {
		return &einvoice.Party{Name: name, Identifiers: []einvoice.ID{{Value: "84123456000016", Scheme: einvoice.ICDSIRET}},
			LegalRegistration: einvoice.ID{Value: "841234560", Scheme: einvoice.ICDSIREN}, VATID: "FR81841234560",
			ElectronicAddress: einvoice.ElectronicAddress{Value: "841234560", Scheme: einvoice.EAS0225},
			Address:           &einvoice.Address{Line1: "8 place Victor Hugo", City: "Grenoble", PostCode: "38000", Country: einvoice.CountryFR}}
	}
	inv.BuyerAgent, inv.Payer, inv.SalesAgent, inv.Invoicee, inv.Invoicer = party("Agent"), party("Payer"), party("Sales agent"), party("Invoicee"), party("Invoicer")
	inv.Payee.ElectronicAddress = einvoice.ElectronicAddress{Value: "552081317", Scheme: einvoice.EAS0225}
	inv.PrecedingInvoices[0].TypeCode = einvoice.CommercialInvoice
	l := &inv.Lines[0]
	l.ParentID, l.Status, l.Seller = "2", einvoice.LineDetail, party("Line seller")
	l.PrecedingInvoice = &einvoice.PrecedingInvoice{Number: "F-2026-0030", IssueDate: einvoice.NewDate(2026, time.October, 1), TypeCode: einvoice.CommercialInvoice}
	l.Delivery = &einvoice.Delivery{PartyName: "Quai 3", LocationID: einvoice.ID{Value: "13002526500021", Scheme: einvoice.ICDSIRET},
		Date: einvoice.NewDate(2026, time.November, 19), Address: &einvoice.Address{City: "Bron", Country: einvoice.CountryFR}}
	l.VATTotal, l.VATTotalInTaxCurrency, l.TotalWithVAT = new(termsDec("10.00")), new(termsDec("11.70")), new(termsDec("60.00"))
	l.Item.Attributes = append(l.Item.Attributes, einvoice.ItemAttribute{TypeCode: "LN", Name: "Longueur", Measure: &einvoice.Measure{Value: termsDec("29.7"), Unit: einvoice.UnitCMT}})
	if err := inv.Complete(); err != nil {
		t.Fatal(err)
	}
	return &inv
}

func termsJSON(t *testing.T, inv *einvoice.Invoice) string {
	t.Helper()
	b, err := json.Marshal(inv)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestHeldTerms(t *testing.T) {
	full := termsFullInvoice(t)
	if got, want := heldTerms(full), normTerms(); !slices.Equal(got, want) {
		t.Errorf("heldTerms(full):\n got %v\nwant %v", got, want)
	}
	if got, want := heldTerms(termsFullExtended(t)), allTerms(); !slices.Equal(got, want) {
		t.Errorf("heldTerms(full EXTENDED):\n got %v\nwant %v", got, want)
	}
	if got := heldTerms(&einvoice.Invoice{}); got != nil {
		t.Errorf("heldTerms(empty) = %v, want none", got)
	}
	if got := heldTerms(nil); got != nil {
		t.Errorf("heldTerms(nil) = %v", got)
	}
	// A 1..1 amount is held when not zero; a pointer group when not nil,
	// even empty; a 1..1 group when one of its terms is.
	inv := &einvoice.Invoice{
		Totals:   einvoice.Totals{Due: termsDec("0.00"), TaxInclusive: termsDec("12.00")},
		Delivery: &einvoice.Delivery{},
		Buyer:    einvoice.Buyer{Address: einvoice.Address{Country: einvoice.CountryFR}},
		Lines:    []einvoice.Line{{Quantity: termsDec("0")}},
	}
	if got, want := heldTerms(inv), []string{"BT-55", "BT-112", "BG-7", "BG-8", "BG-13", "BG-22", "BG-25"}; !slices.Equal(got, want) {
		t.Errorf("heldTerms = %v, want %v", got, want)
	}
}

// expectedHeld returns what heldTerms of inv without ids should be: held
// less the removed terms, their parts, and the 1..1 groups left with no
// part.
func expectedHeld(held, ids []string) []string {
	gone := map[string]bool{}
	for _, id := range ids {
		gone[id] = true
		for _, d := range termDescendants(id) {
			gone[d] = true
		}
	}
	heldSet := map[string]bool{}
	for _, id := range held {
		heldSet[id] = true
	}
	for changed := true; changed; {
		changed = false
		for _, mt := range modelTerms {
			if mt.visit != nil || gone[mt.id] {
				continue
			}
			empty := true
			for _, p := range mt.parts {
				if heldSet[p] && !gone[p] {
					empty = false
				}
			}
			if empty {
				gone[mt.id], changed = true, true
			}
		}
	}
	var out []string
	for _, id := range held {
		if !gone[id] {
			out = append(out, id)
		}
	}
	return out
}

func TestWithoutTerms(t *testing.T) {
	full := termsFullExtended(t)
	before := termsJSON(t, full)
	held := heldTerms(full)
	check := func(ids []string) *einvoice.Invoice {
		t.Helper()
		out := withoutTerms(full, ids)
		if got := termsJSON(t, full); got != before {
			t.Fatalf("withoutTerms(%v) changed its input", ids)
		}
		if got, want := heldTerms(out), expectedHeld(held, ids); !slices.Equal(got, want) {
			t.Errorf("heldTerms(withoutTerms(full, %v)):\n got %v\nwant %v", ids, got, want)
		}
		return out
	}
	for _, id := range held {
		check([]string{id})
	}
	if out := check(held); heldTerms(out) != nil {
		t.Errorf("without every term, the invoice still holds %v", heldTerms(out))
	}
	out := check([]string{"BG-25"})
	if out.Lines != nil {
		t.Errorf("without BG-25, Lines = %v", out.Lines)
	}
	out = check([]string{"BT-154", "BG-32", "BT-7", "BG-8"})
	if out.Lines[0].Item.Description != "" || out.Lines[0].Item.Attributes != nil || !out.TaxPointDate.IsZero() ||
		out.Buyer.Address != (einvoice.Address{}) || out.Lines[0].Item.Name != full.Lines[0].Item.Name {
		t.Errorf("withoutTerms did not clear exactly the terms: %+v", out.Lines[0].Item)
	}
	out = check([]string{"EXT-FR-FE-BG-01", "EXT-FR-FE-163", "BT-X-12"})
	if out.BuyerAgent != nil || out.Lines[0].Status != "" || out.Lines[0].Item.Attributes[1].Measure != nil ||
		out.Lines[0].Item.Attributes[1].Name == "" || out.Payer == nil || out.Lines[0].ParentID == "" {
		t.Errorf("withoutTerms did not clear exactly the EXTENDED terms: %+v", out.Lines[0])
	}
	// An unknown id is ignored; no id is a copy.
	out = withoutTerms(full, []string{"BT-4", "XX"})
	if termsJSON(t, out) != before || out == full {
		t.Error("withoutTerms with unknown ids is not an equal copy")
	}
	if withoutTerms(nil, []string{"BT-1"}) != nil {
		t.Error("withoutTerms(nil) is not nil")
	}
}

// TestWithoutTermsOwnsItsCopy changes every group of the copy and checks
// that the original does not see it.
func TestWithoutTermsOwnsItsCopy(t *testing.T) {
	full := termsFullExtended(t)
	before := termsJSON(t, full)
	c := withoutTerms(full, nil)
	c.Notes[0].Text = "x"
	c.PrecedingInvoices[0].Number = "x"
	c.Seller.Identifiers[0].Value = "x"
	c.Seller.Contact.Name = "x"
	c.Buyer.Contact.Name = "x"
	c.Payee.Name = "x"
	c.TaxRepresentative.Name = "x"
	c.Delivery.PartyName = "x"
	c.Delivery.Address.City = "x"
	c.InvoicingPeriod.Start = einvoice.Date{}
	c.Payment.MeansText = "x"
	c.Payment.CreditTransfers[0].AccountName = "x"
	c.Payment.Card.HolderName = "x"
	c.Payment.DirectDebit.MandateID = "x"
	c.Allowances[0].Reason = "x"
	c.Charges[0].Reason = "x"
	c.VATBreakdown[0].ExemptionReason = "x"
	c.Attachments[0].ID = "x"
	l := &c.Lines[0]
	l.Note = "x"
	l.Period.Start = einvoice.Date{}
	l.Allowances[0].Reason = "x"
	l.Charges[0].Reason = "x"
	l.Item.Classifications[0].Value = "x"
	l.Item.Attributes[0].Value = "x"
	l.Item.Attributes[1].TypeCode = "x"
	l.ParentID, l.Status, l.Seller, l.VATTotal = "x", "x", nil, nil
	c.PrecedingInvoices[0].TypeCode = "x"
	c.Payee.ElectronicAddress.Value = "x"
	c.BuyerAgent, c.Lines[0].Delivery = nil, nil
	if termsJSON(t, full) != before {
		t.Error("the copy shares a group with the original")
	}
}

func TestProfileUnsupported(t *testing.T) {
	full := termsFullExtended(t)
	lines := []string{"BT-126", "BT-127", "BT-128", "BT-129", "BT-130", "BT-131", "BT-132", "BT-133", "BT-134", "BT-135",
		"BT-136", "BT-137", "BT-138", "BT-139", "BT-140", "BT-141", "BT-142", "BT-143", "BT-144", "BT-145", "BT-146",
		"BT-147", "BT-148", "BT-149", "BT-150", "BT-151", "BT-152", "BT-153", "BT-154", "BT-155", "BT-156", "BT-157",
		"BT-158", "BT-159", "BT-160", "BT-161"}
	lineGroups := []string{"BG-25", "BG-26", "BG-27", "BG-28", "BG-29", "BG-30", "BG-31", "BG-32"}
	basicWL := []string{"BT-7", "BT-11", "BT-14", "BT-15", "BT-17", "BT-18", "BT-33", "BT-41", "BT-42", "BT-43",
		"BT-45", "BT-56", "BT-57", "BT-58", "BT-82", "BT-85", "BT-86", "BT-87", "BT-88", "BT-114",
		"BT-122", "BT-123", "BT-124", "BT-125"}
	basicWLGroups := []string{"BG-6", "BG-9", "BG-18", "BG-24"}
	want := map[Profile][]string{
		Minimum: slices.Concat(
			[]string{"BT-6", "BT-7", "BT-8", "BT-9", "BT-11", "BT-12", "BT-14", "BT-15", "BT-16", "BT-17", "BT-18",
				"BT-19", "BT-20", "BT-21", "BT-22", "BT-25", "BT-26", "BT-28", "BT-29", "BT-33", "BT-34", "BT-35",
				"BT-36", "BT-37", "BT-38", "BT-39", "BT-41", "BT-42", "BT-43", "BT-45", "BT-46", "BT-48", "BT-49",
				"BT-50", "BT-51", "BT-52", "BT-53", "BT-54", "BT-55", "BT-56", "BT-57", "BT-58", "BT-59", "BT-60",
				"BT-61", "BT-62", "BT-63", "BT-64", "BT-65", "BT-66", "BT-67", "BT-68", "BT-69", "BT-70", "BT-71",
				"BT-72", "BT-73", "BT-74", "BT-75", "BT-76", "BT-77", "BT-78", "BT-79", "BT-80", "BT-81", "BT-82",
				"BT-83", "BT-84", "BT-85", "BT-86", "BT-87", "BT-88", "BT-89", "BT-90", "BT-91", "BT-92", "BT-93",
				"BT-94", "BT-95", "BT-96", "BT-97", "BT-98", "BT-99", "BT-100", "BT-101", "BT-102", "BT-103",
				"BT-104", "BT-105", "BT-106", "BT-107", "BT-108", "BT-111", "BT-113", "BT-114", "BT-116", "BT-117",
				"BT-118", "BT-119", "BT-120", "BT-121", "BT-122", "BT-123", "BT-124", "BT-125"},
			lines,
			[]string{"BT-162", "BT-163", "BT-164", "BT-165", "BG-1", "BG-3", "BG-6", "BG-8", "BG-9", "BG-10",
				"BG-11", "BG-12", "BG-14", "BG-15", "BG-16", "BG-17", "BG-18", "BG-20", "BG-21", "BG-23", "BG-24"},
			lineGroups),
		BasicWL: slices.Concat(basicWL, lines, basicWLGroups, lineGroups),
		Basic: slices.Concat(basicWL,
			[]string{"BT-128", "BT-132", "BT-133", "BT-137", "BT-138", "BT-142", "BT-143", "BT-154", "BT-155",
				"BT-156", "BT-158", "BT-159", "BT-160", "BT-161"},
			basicWLGroups, []string{"BG-32"}),
		EN16931:  nil,
		Extended: nil,
	}
	// Below EXTENDED, the EXTENDED terms too.
	for _, p := range []Profile{Minimum, BasicWL, Basic, EN16931} {
		want[p] = append(want[p], extTerms()...)
	}
	for _, p := range Profiles() {
		got := p.unsupported(full)
		t.Logf("%-8v cannot carry %d of the %d terms of the full invoice: %s", p, len(got), len(allTerms()), strings.Join(got, " "))
		w := want[p]
		slices.SortFunc(w, compareTerms)
		if !slices.Equal(got, w) {
			t.Errorf("%v.unsupported(full):\n got %v\nwant %v", p, got, w)
		}
		if rest := p.unsupported(withoutTerms(full, got)); rest != nil {
			t.Errorf("%v: without its unsupported terms, the invoice still holds %v", p, rest)
		}
	}
	if got := Minimum.unsupported(&einvoice.Invoice{}); got != nil {
		t.Errorf("Minimum.unsupported(empty) = %v", got)
	}
}

// TestProfileOfficialExamples checks the tables against the official
// Factur-X examples, valid by definition: what the example of a profile
// holds, the profile can carry.
func TestProfileOfficialExamples(t *testing.T) {
	dir := conformance.Need(t, filepath.Join("examples", "facturx"))
	n := 0
	for _, p := range Profiles() {
		files, err := filepath.Glob(filepath.Join(dir, "examples", "facturx", p.String(), "*.xml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Decode(bytes.NewReader(data))
			if err != nil {
				t.Errorf("%s: %v", filepath.Base(f), err)
				continue
			}
			if doc.Profile != p {
				t.Errorf("%s: profile %v, want %v", filepath.Base(f), doc.Profile, p)
			}
			if bad := p.unsupported(doc.Invoice); bad != nil {
				t.Errorf("%s: %v cannot carry %v", filepath.Base(f), p, bad)
			}
			n++
		}
	}
	if n == 0 {
		t.Error("no official example found")
	}
}

// TestExtendedCarriesEveryTerm: EXTENDED carries every business term and
// group and every EXTENDED term, so that unsupported checks nothing for it;
// EN 16931 carries every business term and group, and unsupported checks
// only the EXTENDED terms for it.
func TestExtendedCarriesEveryTerm(t *testing.T) {
	for id := range termProfiles {
		if !Extended.allows(id) {
			t.Errorf("EXTENDED cannot carry %s", id)
		}
	}
	if len(termProfiles) < 190 {
		t.Fatalf("only %d terms in the table", len(termProfiles))
	}
	checked := func(p Profile) []string {
		var ids []string
		for _, i := range unsupportedTerms()[p] {
			ids = append(ids, modelTerms[i].id)
		}
		return ids
	}
	if got := checked(Extended); got != nil {
		t.Errorf("unsupported checks %v for EXTENDED", got)
	}
	if got := checked(EN16931); !slices.Equal(got, extTerms()) {
		t.Errorf("unsupported checks %v for EN 16931, want the EXTENDED terms", got)
	}
}

// TestSyntaxUnsupported: what CII cannot carry in any profile is refused,
// or dropped and reported, leaving the invoice unchanged.
func TestSyntaxUnsupported(t *testing.T) {
	d := func(s string) *decimal.Decimal { v := decimal.RequireFromString(s); return &v }
	inv := &einvoice.Invoice{Number: "1", Currency: "EUR", TaxCurrency: "EUR", IssueDate: einvoice.NewDate(2026, time.March, 1),
		Lines: []einvoice.Line{
			{ID: "1", Price: einvoice.Price{Net: decimal.RequireFromString("10"), Discount: d("2")}},
			{ID: "2", Price: einvoice.Price{Net: decimal.RequireFromString("10"), Discount: d("2"), Gross: d("12")}},
		},
		Totals: einvoice.Totals{VATInTaxCurrency: d("5.00")}}
	var b bytes.Buffer
	_, err := (&Encoder{}).Encode(&b, inv)
	var pe *ProfileError
	if !errors.As(err, &pe) || !slices.Equal(pe.Terms, []string{"BT-6", "BT-111", "BT-147"}) || b.Len() != 0 {
		t.Fatalf("got %v", err)
	}
	dropped, err := (&Encoder{DropUnsupported: true}).Encode(&b, inv)
	if err != nil || !slices.Equal(dropped, []string{"BT-6", "BT-111", "BT-147"}) {
		t.Fatalf("dropped %v, %v", dropped, err)
	}
	if inv.TaxCurrency != "EUR" || inv.Lines[0].Price.Discount == nil || inv.Totals.VATInTaxCurrency == nil {
		t.Error("Encode changed the invoice")
	}
	xml := bytes.Clone(b.Bytes())
	doc, err := Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Invoice.TaxCurrency != "" || doc.Invoice.Totals.VATInTaxCurrency != nil || bytes.Contains(xml, []byte(`currencyID=""`)) {
		t.Errorf("BT-6 or BT-111 written: %s, %v", doc.Invoice.TaxCurrency, doc.Invoice.Totals.VATInTaxCurrency)
	}
	if doc.Invoice.Lines[0].Price.Discount != nil || doc.Invoice.Lines[1].Price.Discount == nil {
		t.Errorf("decoded %+v", doc.Invoice.Lines)
	}
}

// A required date that is missing is an error, not 00000000.
func TestEncodeMissingDate(t *testing.T) {
	var b bytes.Buffer
	err := Encode(&b, &einvoice.Invoice{Number: "1", Currency: "EUR"})
	var fe *FigureError
	if !errors.As(err, &fe) || fe.Term != "ram:IssueDateTime" || b.Len() != 0 {
		t.Fatalf("got %v", err)
	}
}

// TestSeveralBuyerIdentifiers: below EXTENDED one buyer identifier (BT-46)
// goes out (FX-SCH-A-000164); EXTENDED writes them all, and they come back.
func TestSeveralBuyerIdentifiers(t *testing.T) {
	ids := []einvoice.ID{{Value: "21990042000015", Scheme: einvoice.ICDSIRET}, {Value: "SERVICE-42", Scheme: einvoice.ICDFrenchRouting}}
	inv := &einvoice.Invoice{Number: "1", Currency: "EUR", IssueDate: einvoice.NewDate(2026, time.March, 1),
		Buyer: einvoice.Buyer{Name: "Commune", Identifiers: ids}}
	var b bytes.Buffer
	_, err := (&Encoder{Profile: EN16931}).Encode(&b, inv)
	var pe *ProfileError
	if !errors.As(err, &pe) || !slices.Equal(pe.Terms, []string{"BT-46"}) || b.Len() != 0 {
		t.Fatalf("EN 16931: got %v", err)
	}
	dropped, err := (&Encoder{Profile: EN16931, DropUnsupported: true}).Encode(&b, inv)
	if err != nil || !slices.Equal(dropped, []string{"BT-46"}) {
		t.Fatalf("dropped %v, %v", dropped, err)
	}
	if len(inv.Buyer.Identifiers) != 2 {
		t.Error("Encode changed the invoice")
	}
	doc, err := Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Invoice.Buyer.Identifiers; !slices.Equal(got, ids[:1]) {
		t.Errorf("EN 16931 with DropUnsupported: decoded %v, want the first", got)
	}
	b.Reset()
	if _, err := (&Encoder{Profile: Extended}).Encode(&b, inv); err != nil {
		t.Fatal(err)
	}
	if doc, err = Decode(&b); err != nil {
		t.Fatal(err)
	}
	if got := doc.Invoice.Buyer.Identifiers; !slices.Equal(got, ids) {
		t.Errorf("EXTENDED: decoded %v, want %v", got, ids)
	}
}
