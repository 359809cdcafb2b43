package validate_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/internal/conformance"
	"github.com/einvoice-go/einvoice/validate"
	"github.com/shopspring/decimal"
)

// subInvoice makes inv a multi-vendor (mode "M8", "S8", "B8") or
// bidirectional ("M9", "S9", "B9") invoice: its lines become the detail
// lines of one sub-invoice, a group line without parent ("G1") of the
// seller, numbered as the invoice; for a bidirectional one, the first
// line becomes a second sub-invoice ("G2"), the buyer's.
func subInvoice(inv *einvoice.Invoice, mode string) bool {
	if !extendedBase(inv) || len(inv.Lines) == 0 || inv.Seller.LegalRegistration.IsZero() {
		return false
	}
	inv.Process.BusinessProcess = mode
	seller := func(name string, legal einvoice.ID, country einvoice.CountryCode) *einvoice.Party {
		return &einvoice.Party{Name: name, LegalRegistration: legal, Address: &einvoice.Address{Country: country}}
	}
	groups := []struct {
		id     string
		number string
		party  *einvoice.Party
	}{{"G1", inv.Number, seller(inv.Seller.Name, inv.Seller.LegalRegistration, inv.Seller.Address.Country)}}
	if mode[1] == '9' {
		if inv.Buyer.LegalRegistration.IsZero() || len(inv.Lines) < 2 {
			return false
		}
		groups = append(groups, struct {
			id     string
			number string
			party  *einvoice.Party
		}{"G2", inv.Number + "-A", seller(inv.Buyer.Name, inv.Buyer.LegalRegistration, inv.Buyer.Address.Country)})
	}
	details := slices.Clone(inv.Lines)
	var lines []einvoice.Line
	for g, grp := range groups {
		var sum decimal.Decimal
		var children []einvoice.Line
		for i := range details {
			// With two sub-invoices, the first line is the buyer's.
			if len(groups) == 1 || (i == 0) == (g == 1) {
				l := details[i]
				l.ParentID, l.Status, l.Seller = grp.id, einvoice.LineDetail, grp.party
				l.Object = einvoice.ObjectID{Value: grp.number, Scheme: "AFL"}
				sum = sum.Add(l.NetAmount)
				children = append(children, l)
			}
		}
		vat := decimal.New(0, 0)
		lines = append(lines, einvoice.Line{
			ID: grp.id, Status: einvoice.LineGroup, Seller: grp.party,
			Object:   einvoice.ObjectID{Value: grp.number, Scheme: "AFL"},
			Quantity: decimal.New(1, 0), Unit: "C62", Price: einvoice.Price{Net: sum},
			Item:     einvoice.Item{Name: "Sous-facture " + grp.number},
			VATTotal: &vat,
		})
		lines = append(lines, children...)
	}
	inv.Lines = lines
	inv.VATBreakdown = nil
	return complete(inv)
}

// subM applies f to the group line id of a sub-invoiced inv.
func subM(mode string, f func(inv *einvoice.Invoice) bool) func(inv *einvoice.Invoice) bool {
	return func(inv *einvoice.Invoice) bool { return subInvoice(inv, mode) && f(inv) }
}

// onLineID applies f to the line with ID id.
func onLineID(inv *einvoice.Invoice, id string, f func(l *einvoice.Line)) bool {
	for i := range inv.Lines {
		if inv.Lines[i].ID == id {
			f(&inv.Lines[i])
			inv.VATBreakdown = nil
			return complete(inv)
		}
	}
	return false
}

// subInvoiceMutations break the rules on the sub-invoices of multi-vendor
// and bidirectional invoices (BR-FR-MV-*, BR-FR-BD-*).
func subInvoiceMutations() []mutation {
	var ms []mutation
	add := func(name string, f func(inv *einvoice.Invoice) bool) { ms = append(ms, mutation{"sub-" + name, f}) }
	for _, mode := range []string{"M8", "S8", "B8", "M9", "B9"} {
		add(mode, subM(mode, func(*einvoice.Invoice) bool { return true }))
	}
	group := func(name string, f func(l *einvoice.Line)) {
		add(name, subM("M8", func(inv *einvoice.Invoice) bool { return onLineID(inv, "G1", f) }))
	}
	add("no-group", subM("M8", func(inv *einvoice.Invoice) bool {
		inv.Lines = slices.DeleteFunc(slices.Clone(inv.Lines), func(l einvoice.Line) bool { return l.ID == "G1" })
		return complete(inv)
	}))
	group("group-with-parent", func(l *einvoice.Line) { l.ParentID = "G0" })
	group("status-blank", func(l *einvoice.Line) { l.Status = " " })
	group("seller-name-blank", func(l *einvoice.Line) { s := *l.Seller; s.Name = " "; l.Seller = &s })
	group("seller-legal-none", func(l *einvoice.Line) { s := *l.Seller; s.LegalRegistration = einvoice.ID{}; l.Seller = &s })
	group("seller-country-none", func(l *einvoice.Line) { s := *l.Seller; s.Address = nil; l.Seller = &s })
	group("no-seller", func(l *einvoice.Line) { l.Seller = nil })
	group("no-vat-total", func(l *einvoice.Line) { l.VATTotal = nil })
	group("vat-total", func(l *einvoice.Line) { l.VATTotal = pdec("12.34") })
	group("total-with-vat", func(l *einvoice.Line) { t := l.NetAmount; l.TotalWithVAT = &t })
	group("total-with-vat-off", func(l *einvoice.Line) { t := l.NetAmount.Add(decimal.New(1, 0)); l.TotalWithVAT = &t })
	group("afl-blank", func(l *einvoice.Line) { l.Object = einvoice.ObjectID{Value: " ", Scheme: "AFL"} })
	group("avv-m8", func(l *einvoice.Line) { l.Object = einvoice.ObjectID{Value: "M8", Scheme: "AVV"} })
	group("avv", func(l *einvoice.Line) { l.Object = einvoice.ObjectID{Value: "SF-12", Scheme: "AVV"} })
	group("afl-other", func(l *einvoice.Line) { l.Object = einvoice.ObjectID{Value: "SF-12", Scheme: "AFL"} })
	group("net-off", func(l *einvoice.Line) { l.Price.Net = l.Price.Net.Add(decimal.New(5, 0)) })
	group("net-off-cent", func(l *einvoice.Line) { l.Price.Net = l.Price.Net.Add(decimal.New(1, -2)) })
	group("preceding", func(l *einvoice.Line) {
		l.PrecedingInvoice = &einvoice.PrecedingInvoice{Number: "FA-2026-0007", IssueDate: date(2026, 2, 1)}
	})
	// detail changes the first detail line, when there are two (so that
	// a line still counts).
	detail := func(name string, f func(l *einvoice.Line)) {
		add(name, subM("M8", func(inv *einvoice.Invoice) bool {
			if len(inv.Lines) < 3 {
				return false
			}
			return onLineID(inv, inv.Lines[1].ID, f)
		}))
	}
	detail("child-other-seller", func(l *einvoice.Line) {
		s := *l.Seller
		s.LegalRegistration = einvoice.ID{Value: "404833048", Scheme: einvoice.ICDSIREN}
		l.Seller = &s
	})
	detail("child-no-seller", func(l *einvoice.Line) { l.Seller = nil })
	detail("child-other-afl", func(l *einvoice.Line) { l.Object = einvoice.ObjectID{Value: "SF-99", Scheme: "AFL"} })
	detail("child-no-object", func(l *einvoice.Line) { l.Object = einvoice.ObjectID{} })
	detail("child-information", func(l *einvoice.Line) { l.Status = einvoice.LineInformation })
	detail("child-no-status", func(l *einvoice.Line) { l.Status = "" })
	detail("child-unknown-parent", func(l *einvoice.Line) { l.ParentID = "G7" })
	for _, tc := range []einvoice.DocumentTypeCode{"381", "384", "389"} {
		add("M8-type-"+string(tc), subM("M8", func(inv *einvoice.Invoice) bool { inv.TypeCode = tc; return true }))
		add("B9-type-"+string(tc), subM("B9", func(inv *einvoice.Invoice) bool { inv.TypeCode = tc; return true }))
	}
	add("B9-261", subM("B9", func(inv *einvoice.Invoice) bool { inv.TypeCode = "261"; return true }))
	add("B9-261-preceding", subM("B9", func(inv *einvoice.Invoice) bool {
		inv.TypeCode = "261"
		inv.Lines = slices.Clone(inv.Lines)
		for i := range inv.Lines {
			inv.Lines[i].PrecedingInvoice = &einvoice.PrecedingInvoice{Number: "AF-2026-0001", IssueDate: date(2026, 1, 9)}
		}
		return true
	}))
	add("B9-same-party", subM("B9", func(inv *einvoice.Invoice) bool {
		return onLineID(inv, "G2", func(l *einvoice.Line) { l.Seller = inv.Lines[0].Seller })
	}))
	add("B9-three-groups", subM("B9", func(inv *einvoice.Invoice) bool {
		g := inv.Lines[0]
		g.ID, g.Object = "G3", einvoice.ObjectID{Value: inv.Number + "-B", Scheme: "AFL"}
		g.Price.Net = decimal.Zero
		inv.Lines = append(slices.Clone(inv.Lines), g)
		return complete(inv)
	}))
	add("M8-two-groups-same-number", subM("M8", func(inv *einvoice.Invoice) bool {
		g := inv.Lines[0]
		g.ID = "G3"
		g.Price.Net = decimal.Zero
		inv.Lines = append(slices.Clone(inv.Lines), g)
		return complete(inv)
	}))
	add("M8-tax-currency", subM("M8", func(inv *einvoice.Invoice) bool {
		if inv.Currency != "EUR" {
			return false
		}
		inv.TaxCurrency = "USD"
		v := decimal.New(0, 0)
		inv.Totals.VATInTaxCurrency = &v
		return complete(inv)
	}))
	return ms
}

// TestParitySubInvoices: multi-vendor and bidirectional invoices, whose
// sub-invoices only the EXTENDED profiles carry, against the official
// French rules run with the Factur-X EXTENDED profile (check --profile
// extended --fr), compared on the BR-FR ids: the CEN schematron, which
// knows no group lines, sums them with the others.
func TestParitySubInvoices(t *testing.T) {
	if testing.Short() {
		t.Skip("parity with the official judge: slow")
	}
	conformance.Need(t, "fr/cii")
	var bases []parityBase
	for _, b := range frenchBases() {
		if extendedBase(&b.inv) {
			bases = append(bases, b)
		}
	}
	if len(bases) < 2 {
		t.Fatalf("only %d French EXTENDED bases", len(bases))
	}
	type file struct {
		path, name string
		inv        *einvoice.Invoice
	}
	var files []file
	dir := t.TempDir()
	for i, m := range subInvoiceMutations() {
		n := 0
		for k := range bases {
			b := bases[(i+k)%len(bases)]
			inv := cloneInvoice(b.inv)
			if !m.apply(&inv) {
				continue
			}
			var buf bytes.Buffer
			if _, err := (&cii.Encoder{Profile: cii.Extended}).Encode(&buf, &inv); err != nil {
				t.Fatalf("%s: %v", m.name, err)
			}
			path := filepath.Join(dir, m.name+"--"+b.name+".xml")
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			d, err := cii.Decode(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatalf("%s: our own CII does not decode: %v", m.name, err)
			}
			files = append(files, file{path, m.name + "--" + b.name, d.Invoice})
			if n++; n == 2 {
				break
			}
		}
		if n == 0 {
			t.Errorf("mutation %s: no base it applies to", m.name)
		}
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.path
	}
	verdicts := conformance.Check(t, []string{"--profile", "extended", "--fr"}, paths)
	agree := 0
	frIDs := map[string]bool{}
	for _, f := range files {
		official := map[string]bool{}
		for _, line := range verdicts[f.path].Findings {
			id, flag, ok := parseFinding(line)
			if !ok {
				continue
			}
			if strings.HasPrefix(id, "XSD") || id == "SCHEMATRON" {
				t.Errorf("%s: no rule verdict: %v", f.name, verdicts[f.path].Findings)
			}
			if (flag == "fatal" || flag == "error") && strings.HasPrefix(id, "BR-FR-") {
				official[id], frIDs[id] = true, true
			}
		}
		ours := map[string]bool{}
		for _, is := range validate.Invoice(f.inv, validate.French).Issues {
			if is.Severity == validate.Fatal && strings.HasPrefix(is.Rule, "BR-FR-") {
				ours[is.Rule] = true
			}
		}
		missing, extra := diffIDs(official, ours)
		if len(missing)+len(extra) == 0 {
			agree++
			continue
		}
		t.Errorf("%s: official only %v, ours only %v", f.name, missing, extra)
	}
	ids := make([]string, 0, len(frIDs))
	for id := range frIDs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	t.Logf("BR-FR ids reported: %v", ids)
	fmt.Fprintf(os.Stderr, "validate sub-invoice parity: %d/%d files agree on every BR-FR fatal id; %d distinct BR-FR ids\n", agree, len(files), len(ids))
}
