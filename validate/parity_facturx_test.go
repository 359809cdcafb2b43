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
	"github.com/einvoice-go/einvoice/internal/fixtures"
	"github.com/einvoice-go/einvoice/validate"
	"github.com/shopspring/decimal"
)

// fxParityProfile is a Factur-X profile, its rule set, and whether the
// official tools run the CEN schematron with the profile's.
type fxParityProfile struct {
	profile cii.Profile
	set     validate.RuleSet
	cen     bool
}

var fxParityProfiles = []fxParityProfile{
	{cii.Minimum, validate.FacturXMinimum, false},
	{cii.BasicWL, validate.FacturXBasicWL, false},
	{cii.Basic, validate.FacturXBasic, true},
	{cii.EN16931, validate.FacturXEN16931, true},
	{cii.Extended, validate.FacturXExtended, false},
}

// fxPerMutation is how many bases of each profile a mutation is applied
// to, at most. (1 keeps TestParityFacturX near 50 s on 2 cores.)
const fxPerMutation = 1

// fxParityBases returns the valid invoices of a profile the mutations
// start from: the fixtures of the profile and the official Factur-X
// examples of the profile.
func fxParityBases(t *testing.T, p cii.Profile) []parityBase {
	var bases []parityBase
	for _, f := range fixtures.All() {
		if f.Profile == p.String() {
			bases = append(bases, parityBase{"fixture-" + f.Name, f.Invoice, p})
		}
	}
	dir := conformance.Need(t, filepath.Join("examples", "facturx", p.String()))
	files, _ := filepath.Glob(filepath.Join(dir, "examples", "facturx", p.String(), "*.xml"))
	if len(files) == 0 {
		t.Fatalf("no official %s example", p)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := cii.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		bases = append(bases, parityBase{"example-" + strings.TrimSuffix(filepath.Base(file), ".xml"), *doc.Invoice, p})
	}
	return bases
}

// fxItems is the number of lines, document level allowances and charges
// of the category and rate of the first VAT breakdown: the tolerance of the
// BR-FXEXT sums, in cents.
func fxItems(inv *einvoice.Invoice) int64 {
	if len(inv.VATBreakdown) == 0 {
		return 0
	}
	b := inv.VATBreakdown[0]
	same := func(v einvoice.VAT) bool {
		return v.Category == b.Category && (b.Rate == nil || v.Rate != nil && v.Rate.Equal(*b.Rate))
	}
	n := int64(0)
	for _, l := range inv.Lines {
		if same(l.VAT) {
			n++
		}
	}
	for _, a := range inv.Allowances {
		if same(a.VAT) {
			n++
		}
	}
	for _, c := range inv.Charges {
		if same(c.VAT) {
			n++
		}
	}
	return n
}

// fxMutations break what the Factur-X tests check differently from CEN's:
// texts of white space (X != "" instead of normalize-space), a MINIMUM
// seller without address, the VAT breakdowns of categories O and L that
// the CEN schematron's BR-CO-03 and BR-CO-17 skip (and that the profiles
// without lines have too), the classifications of a line (BR-65).
var fxMutations = []mutation{
	{"fx-seller-address-empty", func(inv *einvoice.Invoice) bool { inv.Seller.Address = einvoice.Address{}; return true }},
	{"fx-blank-buyer-name", func(inv *einvoice.Invoice) bool { inv.Buyer.Name = " "; return true }},
	{"fx-tab-number", func(inv *einvoice.Invoice) bool { inv.Number = "\t"; return true }},
	{"fx-blank-preceding-number", func(inv *einvoice.Invoice) bool {
		inv.PrecedingInvoices = append(inv.PrecedingInvoices, einvoice.PrecedingInvoice{Number: " ", IssueDate: inv.IssueDate})
		return true
	}},
	withTaxRep("fx-taxrep-blank-vat-id", func(r *einvoice.TaxRepresentative) { r.VATID = " " }),
	withAttachment("fx-attachment-blank-id", func(a *einvoice.Attachment) { a.ID = " " }),
	onLine("fx-line-blank-id", func(l *einvoice.Line) bool { l.ID = " "; return true }),
	onLine("fx-item-classifications-one-scheme", func(l *einvoice.Line) bool {
		l.Item.Classifications = []einvoice.Classification{{Value: "1"}, {Value: "2", Scheme: "STI"}}
		return true
	}),
	{"fx-breakdown-L-tax-off", func(inv *einvoice.Invoice) bool {
		if len(inv.VATBreakdown) == 0 {
			return false
		}
		b := &inv.VATBreakdown[0]
		b.Category, b.Rate = einvoice.VATCanaryIslands, pdec("7")
		b.ExemptionReason, b.ExemptionReasonCode = "", ""
		b.TaxAmount = b.TaxableAmount.Mul(decimal.New(7, -2)).Round(2).Add(decimal.New(5, 0))
		return true
	}},
	{"fx-breakdown-O-tax-off", func(inv *einvoice.Invoice) bool {
		if len(inv.VATBreakdown) == 0 {
			return false
		}
		b := &inv.VATBreakdown[0]
		b.Category, b.Rate = einvoice.VATNotSubject, nil
		b.ExemptionReason, b.ExemptionReasonCode = "Non soumis", ""
		b.TaxAmount = decimal.New(300, -2)
		return true
	}},
	{"fx-tax-point-date-and-code-O", func(inv *einvoice.Invoice) bool {
		if len(inv.VATBreakdown) == 0 {
			return false
		}
		for i := range inv.VATBreakdown {
			b := &inv.VATBreakdown[i]
			b.Category, b.Rate = einvoice.VATNotSubject, nil
			b.ExemptionReason, b.ExemptionReasonCode = "Non soumis", ""
		}
		inv.TaxPointDate, inv.TaxPointDateCode = inv.IssueDate, einvoice.TaxPointInvoiceDate
		return true
	}},
	{"fx-due-zero-no-terms", func(inv *einvoice.Invoice) bool {
		inv.DueDate, inv.PaymentTerms = einvoice.Date{}, ""
		inv.Totals.Paid = new(inv.Totals.TaxInclusive)
		inv.Totals.Due = decimal.New(0, -2)
		return true
	}},
}

// fxExtendedMutations break the sums of EXTENDED (BR-FXEXT-CO-*, the -08b
// and -09b rules), whose tolerance is 0.01 per item summed: at the edge of
// the tolerance and one cent beyond, with the rules that only EXTENDED
// has.
var fxExtendedMutations = []mutation{
	{"fx-line-net-sum-off-per-line", func(inv *einvoice.Invoice) bool {
		if len(inv.Lines) == 0 {
			return false
		}
		inv.Totals.LineNet = inv.Totals.LineNet.Add(decimal.New(int64(len(inv.Lines)), -2))
		return true
	}},
	{"fx-line-net-sum-under-per-line", func(inv *einvoice.Invoice) bool {
		if len(inv.Lines) == 0 {
			return false
		}
		inv.Totals.LineNet = inv.Totals.LineNet.Sub(decimal.New(int64(len(inv.Lines)), -2))
		return true
	}},
	{"fx-line-net-sum-off-beyond", func(inv *einvoice.Invoice) bool {
		if len(inv.Lines) == 0 {
			return false
		}
		inv.Totals.LineNet = inv.Totals.LineNet.Add(decimal.New(int64(len(inv.Lines)+1), -2))
		return true
	}},
	{"fx-tax-exclusive-off-per-item", func(inv *einvoice.Invoice) bool {
		n := len(inv.Lines) + len(inv.Allowances) + len(inv.Charges)
		inv.Totals.TaxExclusive = inv.Totals.TaxExclusive.Add(decimal.New(int64(n), -2))
		return true
	}},
	{"fx-tax-exclusive-off-beyond", func(inv *einvoice.Invoice) bool {
		n := len(inv.Lines) + len(inv.Allowances) + len(inv.Charges)
		inv.Totals.TaxExclusive = inv.Totals.TaxExclusive.Sub(decimal.New(int64(n+1), -2))
		return true
	}},
	{"fx-tax-inclusive-off-beyond", func(inv *einvoice.Invoice) bool {
		n := len(inv.Lines) + len(inv.Allowances) + len(inv.Charges)
		inv.Totals.TaxInclusive = inv.Totals.TaxInclusive.Add(decimal.New(int64(n+1), -2))
		inv.Totals.Due = inv.Totals.Due.Add(decimal.New(int64(n+1), -2))
		return true
	}},
	{"fx-tax-inclusive-off-per-item", func(inv *einvoice.Invoice) bool {
		n := len(inv.Lines) + len(inv.Allowances) + len(inv.Charges)
		inv.Totals.TaxInclusive = inv.Totals.TaxInclusive.Sub(decimal.New(int64(n), -2))
		inv.Totals.Due = inv.Totals.Due.Sub(decimal.New(int64(n), -2))
		return true
	}},
	withAllowance("fx-allowance-total-off-per-item", func(inv *einvoice.Invoice, _ *einvoice.Allowance) {
		inv.Totals.Allowances = new(inv.Totals.Allowances.Add(decimal.New(int64(len(inv.Allowances)), -2)))
	}),
	withCharge("fx-charge-total-off-per-item", func(inv *einvoice.Invoice, _ *einvoice.Charge) {
		inv.Totals.Charges = new(inv.Totals.Charges.Sub(decimal.New(int64(len(inv.Charges)), -2)))
	}),
	withCharge("fx-charge-total-off-beyond", func(inv *einvoice.Invoice, _ *einvoice.Charge) {
		inv.Totals.Charges = new(inv.Totals.Charges.Add(decimal.New(int64(len(inv.Charges)+1), -2)))
	}),
	{"fx-breakdown-base-off-per-item", func(inv *einvoice.Invoice) bool {
		if len(inv.VATBreakdown) == 0 {
			return false
		}
		b := &inv.VATBreakdown[0]
		b.TaxableAmount = b.TaxableAmount.Add(decimal.New(fxItems(inv), -2))
		return true
	}},
	{"fx-breakdown-base-off-beyond", func(inv *einvoice.Invoice) bool {
		if len(inv.VATBreakdown) == 0 {
			return false
		}
		b := &inv.VATBreakdown[0]
		b.TaxableAmount = b.TaxableAmount.Sub(decimal.New(fxItems(inv)+1, -2))
		return true
	}},
	{"fx-breakdown-tax-off-per-item", func(inv *einvoice.Invoice) bool {
		if len(inv.VATBreakdown) == 0 {
			return false
		}
		b := &inv.VATBreakdown[0]
		b.TaxAmount = b.TaxAmount.Add(decimal.New(fxItems(inv), -2))
		return true
	}},
	{"fx-breakdown-tax-off-beyond", func(inv *einvoice.Invoice) bool {
		if len(inv.VATBreakdown) == 0 {
			return false
		}
		b := &inv.VATBreakdown[0]
		b.TaxAmount = b.TaxAmount.Add(decimal.New(fxItems(inv)+1, -2))
		return true
	}},
	{"fx-two-breakdowns-split", func(inv *einvoice.Invoice) bool {
		// The first breakdown in two halves of the same category and rate:
		// BR-FXEXT-x-01 accepts two breakdowns, the -08b sums do not.
		if len(inv.VATBreakdown) == 0 {
			return false
		}
		b := inv.VATBreakdown[0]
		half := b.TaxableAmount.Div(decimal.New(2, 0)).Round(2)
		tax := b.TaxAmount.Div(decimal.New(2, 0)).Round(2)
		inv.VATBreakdown[0].TaxableAmount, inv.VATBreakdown[0].TaxAmount = half, tax
		b.TaxableAmount, b.TaxAmount = b.TaxableAmount.Sub(half), b.TaxAmount.Sub(tax)
		inv.VATBreakdown = append(inv.VATBreakdown, b)
		return true
	}},
	{"fx-due-positive-no-date-no-terms", func(inv *einvoice.Invoice) bool {
		if inv.Totals.Due.Sign() <= 0 {
			return false
		}
		inv.DueDate, inv.PaymentTerms = einvoice.Date{}, ""
		return true
	}},
	onLine("fx-line-unit-empty", func(l *einvoice.Line) bool { l.Unit = ""; return true }),
	withCharge("fx-charge-code-and-reason-empty", func(_ *einvoice.Invoice, c *einvoice.Charge) { c.Reason, c.ReasonCode = "", "" }),
	withLineCharge("fx-line-charge-code-and-reason-empty", func(c *einvoice.LineCharge) { c.Reason, c.ReasonCode = "", "" }),
}

// fxHierarchy puts the lines of inv under a GROUP line "G1" that restates
// their sum, first, of the first line's VAT category and rate; they become
// its DETAIL lines. With nested, the lines after the first go under a
// GROUP line "G2" within G1 (a base of one line cannot be nested). The
// invoice is completed before and after: the groups count in no sum. A
// base that has a hierarchy already is left alone.
func fxHierarchy(inv *einvoice.Invoice, nested bool) bool {
	if len(inv.Lines) == 0 || (nested && len(inv.Lines) < 2) || inv.Complete() != nil {
		return false
	}
	for _, l := range inv.Lines {
		if l.Status != "" || l.ParentID != "" {
			return false
		}
	}
	details := slices.Clone(inv.Lines)
	group := func(id, parent string, of []einvoice.Line) einvoice.Line {
		var sum decimal.Decimal
		for _, l := range of {
			sum = sum.Add(l.NetAmount)
		}
		return einvoice.Line{
			ID: id, ParentID: parent, Status: einvoice.LineGroup, VAT: details[0].VAT,
			Quantity: decimal.New(1, 0), Unit: "C62", Price: einvoice.Price{Net: sum}, Item: einvoice.Item{Name: "Lot " + id},
		}
	}
	for i := range details {
		details[i].ParentID, details[i].Status = "G1", einvoice.LineDetail
	}
	lines := []einvoice.Line{group("G1", "", details)}
	if nested {
		for i := 1; i < len(details); i++ {
			details[i].ParentID = "G2"
		}
		lines = append(lines, details[0], group("G2", "G1", details[1:]))
		details = details[1:]
	}
	inv.Lines = append(lines, details...)
	return inv.Complete() == nil
}

// fxInformationLine is an INFORMATION line of 10.00 with parent parent and
// the VAT of vat.
func fxInformationLine(id, parent string, vat einvoice.VAT) einvoice.Line {
	ten := decimal.New(1000, -2)
	return einvoice.Line{
		ID: id, ParentID: parent, Status: einvoice.LineInformation, VAT: vat,
		Quantity: decimal.New(1, 0), Unit: "C62", NetAmount: ten, Price: einvoice.Price{Net: ten}, Item: einvoice.Item{Name: "Information " + id},
	}
}

// fxHier is a mutation of an EXTENDED base made a line hierarchy
// (fxHierarchy), then changed by f.
func fxHier(name string, nested bool, f func(inv *einvoice.Invoice) bool) mutation {
	return mutation{"fx-hier-" + name, func(inv *einvoice.Invoice) bool { return fxHierarchy(inv, nested) && f(inv) }}
}

// fxDetails is the number of detail lines (no subtype, or DETAIL).
func fxDetails(inv *einvoice.Invoice) int {
	n := 0
	for _, l := range inv.Lines {
		if l.Status.Counts() {
			n++
		}
	}
	return n
}

// fxHierarchyMutations build line hierarchies on EXTENDED bases (BT-X-8,
// BT-X-304): groups and INFORMATION lines, which the BR-FXEXT sums leave
// out (but for the tolerance of BR-FXEXT-CO-10 and the x-01 rules), and
// break the hierarchy's own rules (BR-FXEXT-06, -08, -11).
var fxHierarchyMutations = []mutation{
	fxHier("group", false, func(*einvoice.Invoice) bool { return true }),
	fxHier("nested", true, func(*einvoice.Invoice) bool { return true }),
	fxHier("group-off-cent", false, func(inv *einvoice.Invoice) bool {
		g := &inv.Lines[0]
		g.NetAmount, g.Price.Net = g.NetAmount.Add(cent), g.Price.Net.Add(cent)
		return true
	}),
	fxHier("nested-inner-off-cent", true, func(inv *einvoice.Invoice) bool {
		g := &inv.Lines[2] // G2
		g.NetAmount, g.Price.Net = g.NetAmount.Sub(cent), g.Price.Net.Sub(cent)
		return true
	}),
	fxHier("child-no-subtype", false, func(inv *einvoice.Invoice) bool { inv.Lines[1].Status = ""; return true }),
	fxHier("child-information", false, func(inv *einvoice.Invoice) bool {
		inv.Lines[1].Status = einvoice.LineInformation
		return inv.Complete() == nil && fxDetails(inv) > 0
	}),
	fxHier("parent-unknown", false, func(inv *einvoice.Invoice) bool { inv.Lines[1].ParentID = "G404"; return true }),
	fxHier("parent-padded", false, func(inv *einvoice.Invoice) bool { inv.Lines[1].ParentID = " G1 "; return true }),
	fxHier("blank-group-id", false, func(inv *einvoice.Invoice) bool {
		// The group " " takes the DETAIL and GROUP lines without parent
		// as its sub-lines, itself included.
		inv.Lines[0].ID = " "
		for i := 1; i < len(inv.Lines); i++ {
			inv.Lines[i].ParentID = ""
		}
		return true
	}),
	fxHier("empty-group-nonzero", false, func(inv *einvoice.Invoice) bool {
		g := inv.Lines[0]
		g.ID, g.NetAmount, g.Price.Net = "G9", decimal.New(100, -2), decimal.New(100, -2)
		inv.Lines = append(inv.Lines, g)
		return true
	}),
	fxHier("information", false, func(inv *einvoice.Invoice) bool {
		inv.Lines = append(inv.Lines, fxInformationLine("I1", "G1", inv.Lines[1].VAT), fxInformationLine("I2", "", inv.Lines[1].VAT))
		return true
	}),
	fxHier("information-own-category", false, func(inv *einvoice.Invoice) bool {
		for _, b := range inv.VATBreakdown {
			if b.Category == einvoice.VATZeroRated {
				return false
			}
		}
		inv.Lines = append(inv.Lines, fxInformationLine("I1", "", einvoice.VAT{Category: einvoice.VATZeroRated, Rate: pdec("0")}))
		return true
	}),
	fxHier("information-widens-line-net", false, func(inv *einvoice.Invoice) bool {
		k := fxDetails(inv)
		for i := 0; i <= k; i++ {
			inv.Lines = append(inv.Lines, fxInformationLine(fmt.Sprint("I", i), "", inv.Lines[1].VAT))
		}
		inv.Totals.LineNet = inv.Totals.LineNet.Add(decimal.New(int64(k+1), -2))
		return true
	}),
	fxHier("information-tax-exclusive-off-beyond", false, func(inv *einvoice.Invoice) bool {
		n := fxDetails(inv) + len(inv.Allowances) + len(inv.Charges)
		for i := 0; i < n; i++ {
			inv.Lines = append(inv.Lines, fxInformationLine(fmt.Sprint("I", i), "", inv.Lines[1].VAT))
		}
		inv.Totals.TaxExclusive = inv.Totals.TaxExclusive.Sub(decimal.New(int64(n+1), -2))
		return true
	}),
	fxHier("group-no-category", false, func(inv *einvoice.Invoice) bool { inv.Lines[0].VAT = einvoice.VAT{}; return true }),
	fxHier("detail-no-category", false, func(inv *einvoice.Invoice) bool { inv.Lines[1].VAT = einvoice.VAT{}; return true }),
}

// TestParityFacturX compares, file by file, the fatal rules the Factur-X
// sets report with those the official judge reports on the same invoice
// as CII of each profile (../shared/conformance/check --profile auto, one
// batch): the fatal issues of validate.Invoice with the profile's set and
// those of the CII decoder's syntax rules (ProfileRules, and SyntaxRules
// when the CEN schematron runs) must be the judge's, XSD findings apart.
// For EXTENDED, the BR-FXEXT warnings must agree too. The valid bases are
// the fixtures of each profile and the official Factur-X examples; the
// mutations are TestParity's (shared among BASIC, EN 16931 and EXTENDED,
// to keep the judge's batch under a minute), fxMutations and
// fxExtendedMutations, each applied to fxPerMutation bases of a profile.
// A mutation whose CII is the same as one written before (the profile
// cannot carry what it changed) is not judged again.
func TestParityFacturX(t *testing.T) {
	if testing.Short() {
		t.Skip("parity with the official judge: slow")
	}
	type file struct {
		path, name string
		prof       fxParityProfile
		data       []byte
	}
	var files []file
	dir := t.TempDir()
	type stats struct{ mutated, same, unencodable int }
	perProfile := map[cii.Profile]*stats{}
	for _, pp := range fxParityProfiles {
		st := &stats{}
		perProfile[pp.profile] = st
		bases := fxParityBases(t, pp.profile)
		seen := map[string]bool{} // the files written, by content
		write := func(name string, inv *einvoice.Invoice, edit func([]byte, bool) ([]byte, bool)) bool {
			var b bytes.Buffer
			if _, err := (&cii.Encoder{Profile: pp.profile, DropUnsupported: true}).Encode(&b, inv); err != nil {
				st.unencodable++
				return false
			}
			data := b.Bytes()
			if edit != nil {
				var ok bool
				if data, ok = edit(data, false); !ok {
					return false
				}
			}
			if seen[string(data)] {
				st.same++ // the profile dropped what the mutation changed
				return false
			}
			seen[string(data)] = true
			path := filepath.Join(dir, pp.profile.String()+"--"+name+".xml")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, file{path, pp.profile.String() + "/" + name, pp, data})
			return true
		}
		for _, b := range bases {
			inv := b.inv
			if !write(b.name, &inv, nil) {
				t.Fatalf("%s %s: the valid base is not written", pp.profile, b.name)
			}
		}
		// applyFrom applies a mutation to fxPerMutation bases, the first
		// ones it applies to from the base start on; apply(i) starts from
		// base 7i.
		applyFrom := func(start int, name string, prep func(*einvoice.Invoice) bool, edit func([]byte, bool) ([]byte, bool)) {
			n := 0
			for k := range bases {
				b := bases[(start+k)%len(bases)]
				if _, bad := notMutated[b.name]; bad {
					continue
				}
				inv := cloneInvoice(b.inv)
				if prep != nil && !prep(&inv) {
					continue
				}
				if !write(name+"--"+b.name, &inv, edit) {
					continue
				}
				st.mutated++
				if n++; n == fxPerMutation {
					break
				}
			}
		}
		apply := func(i int, name string, prep func(*einvoice.Invoice) bool, edit func([]byte, bool) ([]byte, bool)) {
			applyFrom(i*7, name, prep, edit)
		}
		// The judge takes about 45, 70 and 110 ms per file of BASIC,
		// EN 16931 and EXTENDED (30 to 40 for MINIMUM and BASIC WL, which
		// have no lines): TestParity's mutations go to one of these three
		// in turn, half of them to EXTENDED, whose rules differ most from
		// CEN's, a quarter to BASIC and an eighth to EN 16931, whose rules
		// are CEN's but three (TestParity has every mutation with CEN's
		// rules); fxMutations go to each profile, fxExtendedMutations and
		// fxHierarchyMutations to EXTENDED.
		mine := func(i int) bool {
			switch pp.profile {
			case cii.Extended:
				return i%2 == 0
			case cii.Basic:
				return i%4 == 1
			case cii.EN16931:
				return i%8 == 3
			}
			return true
		}
		all := parityMutations()
		for i, m := range all {
			if mine(i) {
				apply(i, m.name, m.apply, nil)
			}
		}
		text := textMutations()
		for i, m := range text {
			if mine(len(all) + i) {
				apply(len(all)+i, m.name, m.prep, m.edit)
			}
		}
		fx := fxMutations
		if pp.profile == cii.Extended {
			fx = slices.Concat(fxMutations, fxExtendedMutations)
		}
		for i, m := range fx {
			apply(len(all)+len(text)+i, m.name, m.apply, nil)
		}
		if pp.profile == cii.Extended {
			// Each from the next base (7i is the same base for every i
			// when there are 7 bases), and the plain group (the first) on
			// every base.
			for i, m := range fxHierarchyMutations {
				applyFrom(i, m.name, m.apply, nil)
			}
			for i := 1; i < len(bases); i++ {
				applyFrom(i, fxHierarchyMutations[0].name, fxHierarchyMutations[0].apply, nil)
			}
		}
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.path
	}
	verdicts := conformance.Check(t, []string{"--profile", "auto"}, paths)

	type tally struct{ agree, judged, schemaInvalid int }
	tallies := map[cii.Profile]*tally{}
	officialIDs := map[cii.Profile]map[string]bool{}
	allIDs := map[string]bool{}
	for _, pp := range fxParityProfiles {
		tallies[pp.profile] = &tally{}
		officialIDs[pp.profile] = map[string]bool{}
	}
	for _, f := range files {
		pp := f.prof
		tl := tallies[pp.profile]
		official, officialWarn := map[string]bool{}, map[string]bool{}
		xsd := false
		for _, line := range verdicts[f.path].Findings {
			id, flag, ok := parseFinding(line)
			if !ok {
				continue
			}
			switch {
			case strings.HasPrefix(id, "XSD"):
				xsd = true
			case flag == "fatal" || flag == "error":
				official[id] = true
			case strings.HasPrefix(id, "BR-FXEXT-"):
				officialWarn[id] = true
			}
		}
		if xsd {
			tl.schemaInvalid++
			t.Logf("%s: not schema-valid, left out: %v", f.name, verdicts[f.path].Findings)
			continue
		}
		tl.judged++
		for id := range official {
			officialIDs[pp.profile][id] = true
			allIDs[id] = true
		}
		doc, err := (&cii.Decoder{ProfileRules: true, RulesProfile: pp.profile, SyntaxRules: pp.cen}).Decode(bytes.NewReader(f.data))
		if err != nil {
			t.Fatalf("%s: our own CII does not decode: %v", f.name, err)
		}
		if doc.Profile != pp.profile {
			t.Fatalf("%s: decoded as %v", f.name, doc.Profile)
		}
		rep := validate.Invoice(doc.Invoice, pp.set)
		rep.AddSyntax(doc.Issues)
		ours, oursWarn := map[string]bool{}, map[string]bool{}
		for _, is := range rep.Issues {
			id := is.Rule
			if id == "" {
				id = "no-id"
			}
			switch {
			case is.Severity == validate.Fatal:
				ours[id] = true
			case strings.HasPrefix(id, "BR-FXEXT-"):
				oursWarn[id] = true
			}
		}
		missing, extra := diffIDs(official, ours)
		wMissing, wExtra := diffIDs(officialWarn, oursWarn)
		if len(missing)+len(extra)+len(wMissing)+len(wExtra) == 0 {
			tl.agree++
			continue
		}
		t.Errorf("%s: official only %v, validate only %v (BR-FXEXT warnings: official only %v, validate only %v)", f.name, missing, extra, wMissing, wExtra)
	}
	var summary []string
	agreeAll, judgedAll := 0, 0
	for _, pp := range fxParityProfiles {
		tl, st := tallies[pp.profile], perProfile[pp.profile]
		agreeAll += tl.agree
		judgedAll += tl.judged
		t.Logf("parity %s (%s): %d/%d files agree (%d mutated, %d mutations the profile drops, %d not encodable, %d schema-invalid left out); %d distinct fatal ids reported by the official judge",
			pp.profile, pp.set.Name(), tl.agree, tl.judged, st.mutated, st.same, st.unencodable, tl.schemaInvalid, len(officialIDs[pp.profile]))
		summary = append(summary, fmt.Sprintf("%s %d/%d (%d ids)", pp.profile, tl.agree, tl.judged, len(officialIDs[pp.profile])))
		if tl.judged < 10 {
			t.Errorf("%s: only %d files judged", pp.profile, tl.judged)
		}
	}
	fmt.Fprintf(os.Stderr, "validate facturx parity: %d/%d files agree, %d distinct official fatal ids; %s\n",
		agreeAll, judgedAll, len(allIDs), strings.Join(summary, ", "))
}

// diffIDs returns the ids of official not in ours, and of ours not in
// official, sorted: what the parity tests compare file by file.
func diffIDs(official, ours map[string]bool) (missing, extra []string) {
	for id := range official {
		if !ours[id] {
			missing = append(missing, id)
		}
	}
	for id := range ours {
		if !official[id] {
			extra = append(extra, id)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	return missing, extra
}
