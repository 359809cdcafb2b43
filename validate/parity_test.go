package validate_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/internal/conformance"
	"github.com/einvoice-go/einvoice/internal/fixtures"
	"github.com/einvoice-go/einvoice/ubl"
	"github.com/einvoice-go/einvoice/validate"
	"github.com/shopspring/decimal"
)

// parityBase is a valid invoice the mutations start from.
type parityBase struct {
	name    string
	inv     einvoice.Invoice
	profile cii.Profile // the profile to encode it with
}

// parityBases: the fixtures meant to be EN 16931 invoices and the official
// CII examples.
func parityBases(t *testing.T) []parityBase {
	var bases []parityBase
	for _, f := range fixtures.All() {
		p, _ := cii.ParseProfile(f.Profile)
		if p < cii.Basic {
			continue // MINIMUM and BASIC WL are not EN 16931 invoices
		}
		bases = append(bases, parityBase{"fixture-" + f.Name, f.Invoice, p})
	}
	dir := conformance.Need(t, "examples/cii")
	files, _ := filepath.Glob(filepath.Join(dir, "examples", "cii", "*.xml"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := cii.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		name := strings.TrimSuffix(filepath.Base(file), ".xml")
		bases = append(bases, parityBase{"example-" + name, *doc.Invoice, cii.Extended})
	}
	return bases
}

// mutation breaks a business rule of an invoice, keeping it schema-valid.
// apply returns false when the invoice has nothing to break that way.
type mutation struct {
	name  string
	apply func(inv *einvoice.Invoice) bool
}

func pdec(s string) *decimal.Decimal { return new(decimal.RequireFromString(s)) }

// cent is 0.01 with two decimals.
var cent = decimal.New(1, -2)

// mutations is the first part of the mutation generator's list (see
// parityMutations). Each breaks one thing; what the official schematron
// then reports (often several rules) is compared, file by file, with what
// validate reports.
var mutations = []mutation{
	{"no-number", func(inv *einvoice.Invoice) bool { inv.Number = ""; return true }},
	{"bad-type-code", func(inv *einvoice.Invoice) bool { inv.TypeCode = "999"; return true }},
	{"bad-currency", func(inv *einvoice.Invoice) bool { inv.Currency = "EUX"; return true }},
	{"no-seller-name", func(inv *einvoice.Invoice) bool { inv.Seller.Name = ""; return true }},
	{"no-buyer-name", func(inv *einvoice.Invoice) bool { inv.Buyer.Name = ""; return true }},
	{"no-seller-country", func(inv *einvoice.Invoice) bool { inv.Seller.Address.Country = ""; return true }},
	{"bad-seller-country", func(inv *einvoice.Invoice) bool { inv.Seller.Address.Country = "XX"; return true }},
	{"no-buyer-country", func(inv *einvoice.Invoice) bool { inv.Buyer.Address.Country = ""; return true }},
	{"no-specification", func(inv *einvoice.Invoice) bool { inv.Process.Specification = ""; return true }},
	{"seller-vat-no-prefix", func(inv *einvoice.Invoice) bool {
		if inv.Seller.VATID == "" {
			return false
		}
		inv.Seller.VATID = "12345678901"
		return true
	}},
	{"total-inclusive-off", func(inv *einvoice.Invoice) bool {
		inv.Totals.TaxInclusive = inv.Totals.TaxInclusive.Add(cent)
		return true
	}},
	{"total-due-off", func(inv *einvoice.Invoice) bool { inv.Totals.Due = inv.Totals.Due.Add(cent); return true }},
	{"line-net-sum-off", func(inv *einvoice.Invoice) bool {
		if len(inv.Lines) == 0 {
			return false
		}
		inv.Totals.LineNet = inv.Totals.LineNet.Add(cent)
		return true
	}},
	{"tax-exclusive-off", func(inv *einvoice.Invoice) bool {
		inv.Totals.TaxExclusive = inv.Totals.TaxExclusive.Add(cent)
		return true
	}},
	{"vat-total-off", func(inv *einvoice.Invoice) bool {
		if inv.Totals.VAT == nil {
			return false
		}
		inv.Totals.VAT = new(inv.Totals.VAT.Add(cent))
		return true
	}},
	{"allowance-total-off", func(inv *einvoice.Invoice) bool {
		if inv.Totals.Allowances == nil {
			return false
		}
		inv.Totals.Allowances = new(inv.Totals.Allowances.Add(cent))
		return true
	}},
	{"charge-total-off", func(inv *einvoice.Invoice) bool {
		if inv.Totals.Charges == nil {
			return false
		}
		inv.Totals.Charges = new(inv.Totals.Charges.Add(cent))
		return true
	}},
	{"breakdown-tax-off", func(inv *einvoice.Invoice) bool {
		if len(inv.VATBreakdown) == 0 {
			return false
		}
		inv.VATBreakdown[0].TaxAmount = inv.VATBreakdown[0].TaxAmount.Add(cent)
		return true
	}},
	{"breakdown-base-off", func(inv *einvoice.Invoice) bool {
		if len(inv.VATBreakdown) == 0 {
			return false
		}
		inv.VATBreakdown[0].TaxableAmount = inv.VATBreakdown[0].TaxableAmount.Add(cent)
		return true
	}},
	{"no-breakdown", func(inv *einvoice.Invoice) bool {
		if len(inv.VATBreakdown) == 0 {
			return false
		}
		inv.VATBreakdown = nil
		return true
	}},
	{"line-no-id", func(inv *einvoice.Invoice) bool {
		if len(inv.Lines) == 0 {
			return false
		}
		inv.Lines[0].ID = ""
		return true
	}},
	{"line-no-name", func(inv *einvoice.Invoice) bool {
		if len(inv.Lines) == 0 {
			return false
		}
		inv.Lines[0].Item.Name = ""
		return true
	}},
	{"line-bad-unit", func(inv *einvoice.Invoice) bool {
		if len(inv.Lines) == 0 {
			return false
		}
		inv.Lines[0].Unit = "XYZ"
		return true
	}},
	{"line-no-category", func(inv *einvoice.Invoice) bool {
		if len(inv.Lines) == 0 {
			return false
		}
		inv.Lines[0].VAT.Category = ""
		return true
	}},
	{"line-negative-price", func(inv *einvoice.Invoice) bool {
		if len(inv.Lines) == 0 {
			return false
		}
		inv.Lines[0].Price.Net = inv.Lines[0].Price.Net.Neg().Sub(decimal.New(1, 0))
		return true
	}},
	{"standard-rate-zero", func(inv *einvoice.Invoice) bool {
		for i := range inv.Lines {
			if inv.Lines[i].VAT.Category == einvoice.VATStandard {
				inv.Lines[i].VAT.Rate = pdec("0")
				return true
			}
		}
		return false
	}},
	{"exempt-with-rate", func(inv *einvoice.Invoice) bool {
		for i := range inv.Lines {
			if inv.Lines[i].VAT.Category == einvoice.VATExempt {
				inv.Lines[i].VAT.Rate = pdec("20")
				return true
			}
		}
		return false
	}},
	{"exempt-no-reason", func(inv *einvoice.Invoice) bool {
		for i := range inv.VATBreakdown {
			b := &inv.VATBreakdown[i]
			if b.Category == einvoice.VATExempt || b.Category == einvoice.VATReverseCharge || b.Category == einvoice.VATIntraCommunity {
				b.ExemptionReason, b.ExemptionReasonCode = "", ""
				return true
			}
		}
		return false
	}},
	{"standard-with-reason", func(inv *einvoice.Invoice) bool {
		for i := range inv.VATBreakdown {
			if inv.VATBreakdown[i].Category == einvoice.VATStandard {
				inv.VATBreakdown[i].ExemptionReason = "Exonération"
				return true
			}
		}
		return false
	}},
	{"line-category-missing-in-breakdown", func(inv *einvoice.Invoice) bool {
		if len(inv.Lines) == 0 {
			return false
		}
		inv.Lines[0].VAT = einvoice.VAT{Category: einvoice.VATZeroRated, Rate: pdec("0")}
		return true
	}},
	{"reverse-charge-no-vat-ids", func(inv *einvoice.Invoice) bool {
		for i := range inv.Lines {
			if inv.Lines[i].VAT.Category == einvoice.VATReverseCharge {
				inv.Seller.VATID, inv.Buyer.VATID = "", ""
				inv.Buyer.LegalRegistration = einvoice.ID{}
				return true
			}
		}
		return false
	}},
	{"allowance-no-reason", func(inv *einvoice.Invoice) bool {
		if len(inv.Allowances) == 0 {
			return false
		}
		inv.Allowances[0].Reason, inv.Allowances[0].ReasonCode = "", ""
		return true
	}},
	{"charge-no-reason", func(inv *einvoice.Invoice) bool {
		if len(inv.Charges) == 0 {
			return false
		}
		inv.Charges[0].Reason, inv.Charges[0].ReasonCode = "", ""
		return true
	}},
	{"allowance-no-category", func(inv *einvoice.Invoice) bool {
		if len(inv.Allowances) == 0 {
			return false
		}
		inv.Allowances[0].VAT.Category = ""
		return true
	}},
	{"period-end-before-start", func(inv *einvoice.Invoice) bool {
		if inv.InvoicingPeriod == nil || inv.InvoicingPeriod.Start.IsZero() || inv.InvoicingPeriod.End.IsZero() {
			return false
		}
		p := *inv.InvoicingPeriod
		p.Start, p.End = p.End, p.Start
		if p.Start == p.End {
			return false
		}
		inv.InvoicingPeriod = &p
		return true
	}},
	{"tax-point-date-and-code", func(inv *einvoice.Invoice) bool {
		inv.TaxPointDate = inv.IssueDate
		inv.TaxPointDateCode = einvoice.TaxPointInvoiceDate
		return true
	}},
	{"payment-bad-means", func(inv *einvoice.Invoice) bool {
		if inv.Payment == nil {
			return false
		}
		p := *inv.Payment
		p.MeansCode = "999"
		inv.Payment = &p
		return true
	}},
	{"credit-transfer-no-account", func(inv *einvoice.Invoice) bool {
		if inv.Payment == nil || len(inv.Payment.CreditTransfers) == 0 {
			return false
		}
		p := *inv.Payment
		p.CreditTransfers = slices.Clone(p.CreditTransfers)
		p.CreditTransfers[0].AccountID = ""
		inv.Payment = &p
		return true
	}},
	{"seller-eas-bad", func(inv *einvoice.Invoice) bool {
		if inv.Seller.ElectronicAddress.Value == "" {
			return false
		}
		inv.Seller.ElectronicAddress.Scheme = "9999"
		return true
	}},
	{"buyer-eas-no-scheme", func(inv *einvoice.Invoice) bool {
		if inv.Buyer.ElectronicAddress.Value == "" {
			return false
		}
		inv.Buyer.ElectronicAddress.Scheme = ""
		return true
	}},
	{"no-due-date-no-terms", func(inv *einvoice.Invoice) bool {
		if inv.Totals.Due.Sign() <= 0 {
			return false
		}
		inv.DueDate, inv.PaymentTerms = einvoice.Date{}, ""
		return true
	}},
	{"preceding-no-number", func(inv *einvoice.Invoice) bool {
		if len(inv.PrecedingInvoices) == 0 {
			return false
		}
		inv.PrecedingInvoices[0].Number = ""
		return true
	}},
	{"attachment-no-id", func(inv *einvoice.Invoice) bool {
		if len(inv.Attachments) == 0 {
			return false
		}
		inv.Attachments[0].ID = ""
		return true
	}},
	{"tax-currency-no-vat", func(inv *einvoice.Invoice) bool {
		if inv.TaxCurrency != "" || inv.Currency == "USD" {
			return false
		}
		inv.TaxCurrency = "USD"
		return true
	}},
}

// perMutation is how many bases each mutation is applied to, at most.
// (2 keeps TestParity near 45 s on 2 cores; 3 takes about 70 s.)
const perMutation = 2

// notMutated lists the bases the mutations leave alone, with the reason:
// their CII is not schema-valid, so the judge does not run the schematron.
var notMutated = map[string]string{
	"fixture-preceding-invoices": "the CII encoder writes ram:InvoiceReferencedDocument after ram:SpecifiedTradePaymentTerms, out of the XSD's order",
}

// The acceptance floor of the mutation generator: mutations applied, and
// distinct fatal rule ids the official judge reports over the batch.
const (
	minMutations   = 300
	minOfficialIDs = 150
)

// TestParity compares, file by file, the fatal rules validate.EN16931
// reports with those the official CEN schematron reports on the same
// invoice as CII and as UBL (../shared/conformance/check, one batch): for
// every rule validate implements, the two sets must be equal, the CII files
// checked with EN16931 and the UBL files with EN16931.For(validate.UBL).
// The agreement, CII and UBL apart, and over every official rule id, is
// printed too.
func TestParity(t *testing.T) {
	if testing.Short() {
		t.Skip("parity with the official judge: slow")
	}
	bases := parityBases(t)
	type file struct {
		path, name string
		inv        *einvoice.Invoice
		syntax     []einvoice.SyntaxIssue // what the decoder's syntax rules found
	}
	var files []file
	dir := t.TempDir()
	// write encodes inv as CII and as UBL, applies edit (when not nil) to
	// the encoded text, writes the files and keeps the invoices they decode
	// to. It returns how many files it wrote.
	write := func(name string, inv *einvoice.Invoice, p cii.Profile, edit func([]byte, bool) ([]byte, bool)) int {
		wrote := 0
		for _, isUBL := range []bool{false, true} {
			var b bytes.Buffer
			var err error
			syntax, ext, label := "CII", ".xml", name
			if isUBL {
				syntax, ext, label = "UBL", ".ubl.xml", name+" (UBL)"
				err = ubl.Encode(&b, inv)
			} else {
				_, err = (&cii.Encoder{Profile: p, DropUnsupported: true}).Encode(&b, inv)
			}
			if err != nil {
				t.Logf("%s: not encodable as %s, left out: %v", name, syntax, err)
				continue
			}
			data := b.Bytes()
			if edit != nil {
				var ok bool
				if data, ok = edit(data, isUBL); !ok {
					continue
				}
			}
			path := filepath.Join(dir, name+ext)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			// Judge what the file says: decode it again.
			var doc *einvoice.Invoice
			var issues []einvoice.SyntaxIssue
			if isUBL {
				d, err := (&ubl.Decoder{SyntaxRules: true}).Decode(bytes.NewReader(data))
				if err != nil {
					t.Fatalf("%s: our own UBL does not decode: %v", name, err)
				}
				doc, issues = d.Invoice, d.Issues
			} else {
				d, err := (&cii.Decoder{SyntaxRules: true}).Decode(bytes.NewReader(data))
				if err != nil {
					t.Fatalf("%s: our own CII does not decode: %v", name, err)
				}
				doc, issues = d.Invoice, d.Issues
			}
			files = append(files, file{path, label, doc, issues})
			wrote++
		}
		return wrote
	}
	for _, b := range bases {
		inv := b.inv
		write(b.name, &inv, b.profile, nil)
	}
	// Each mutation goes to at most perMutation bases, a different
	// sequence of bases for each.
	mutated, mutationsApplied := 0, 0
	apply := func(i int, name string, prep func(*einvoice.Invoice) bool, edit func([]byte, bool) ([]byte, bool)) {
		n := 0
		for k := range bases {
			b := bases[(i*7+k)%len(bases)]
			if _, bad := notMutated[b.name]; bad {
				continue
			}
			inv := cloneInvoice(b.inv)
			if prep != nil && !prep(&inv) {
				continue
			}
			if write(name+"--"+b.name, &inv, b.profile, edit) == 0 {
				continue
			}
			mutated++
			if n++; n == perMutation {
				break
			}
		}
		if n > 0 {
			mutationsApplied++
		} else {
			t.Logf("mutation %s: no base it applies to", name)
		}
	}
	all := parityMutations()
	seen := map[string]bool{}
	for i, m := range all {
		if seen[m.name] {
			t.Fatalf("mutation %s: twice in the list", m.name)
		}
		seen[m.name] = true
		apply(i, m.name, m.apply, nil)
	}
	for i, m := range slices.Concat(textMutations(), syntaxMutations()) {
		if seen[m.name] {
			t.Fatalf("mutation %s: twice in the list", m.name)
		}
		seen[m.name] = true
		apply(len(all)+i, m.name, m.prep, m.edit)
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.path
	}
	verdicts := conformance.Check(t, nil, paths)

	agree, schemaInvalid, ublAgree, ublJudged := 0, 0, 0, 0
	syntaxIDs := map[string]bool{}
	officialIDs := map[string]bool{}
	for _, f := range files {
		v := verdicts[f.path]
		official := map[string]bool{}
		xsd := false
		for _, line := range v.Findings {
			id, flag, ok := parseFinding(line)
			if !ok {
				continue
			}
			if id == "XSD" || strings.HasPrefix(id, "XSD") || id == "SCHEMATRON" {
				xsd = true // no rule verdict: schema-invalid, or the schematron stopped
			}
			if flag == "fatal" || flag == "error" {
				official[id] = true
			}
		}
		if xsd {
			schemaInvalid++
			t.Logf("%s: not schema-valid, left out: %v", f.name, v.Findings)
			continue
		}
		for id := range official {
			officialIDs[id] = true
		}
		isUBL := strings.HasSuffix(f.path, ".ubl.xml")
		set := validate.EN16931
		if isUBL {
			set = set.For(validate.UBL)
		}
		ours := map[string]bool{}
		rep := validate.Invoice(f.inv, set)
		rep.AddSyntax(f.syntax)
		for _, is := range rep.Issues {
			if is.Severity == validate.Fatal {
				ours[is.Rule] = true
			}
		}
		missing, extra := diffIDs(official, ours)
		switch {
		case len(missing) == 0 && len(extra) == 0:
			agree++
			if isUBL {
				ublAgree++
			}
			for id := range official {
				if strings.HasPrefix(id, "CII-") || strings.HasPrefix(id, "UBL-") {
					syntaxIDs[id] = true
				}
			}
		case isUBL:
			t.Errorf("%s: official UBL schematron only %v, ours only %v", f.name, missing, extra)
		default:
			t.Errorf("%s: official schematron only %v, ours only %v", f.name, missing, extra)
		}
		if isUBL {
			ublJudged++
		}
	}
	judged := len(files) - schemaInvalid
	ciiJudged := judged - ublJudged
	t.Logf("parity: %d files, CII and UBL (%d mutations applied to %d mutated invoices, %d files left out without a rule verdict); %d/%d agree on every fatal rule id; %d distinct fatal rule ids reported by the official judge, %d of them syntax binding rules",
		len(files), mutationsApplied, mutated, schemaInvalid, agree, judged, len(officialIDs), len(syntaxIDs))
	fmt.Fprintf(os.Stderr, "validate parity: %d mutations, %d distinct official fatal ids (%d syntax binding rules); %d/%d files agree on every fatal id (CII %d/%d, UBL %d/%d)\n",
		mutationsApplied, len(officialIDs), len(syntaxIDs), agree, judged, agree-ublAgree, ciiJudged, ublAgree, ublJudged)
	if mutationsApplied < minMutations {
		t.Errorf("only %d mutations applied, want at least %d", mutationsApplied, minMutations)
	}
	if len(officialIDs) < minOfficialIDs {
		t.Errorf("the official judge reported %d distinct fatal rule ids over the batch, want at least %d", len(officialIDs), minOfficialIDs)
	}
}

// parseFinding splits a judge finding "[BR-CO-15] fatal: message".
func parseFinding(line string) (id, flag string, ok bool) {
	if !strings.HasPrefix(line, "[") {
		return "", "", false
	}
	end := strings.Index(line, "]")
	if end < 0 {
		return "", "", false
	}
	id = line[1:end]
	rest := strings.TrimSpace(line[end+1:])
	flag, _, _ = strings.Cut(rest, ":")
	return id, strings.TrimSpace(flag), true
}

// cloneInvoice copies inv deeply enough for the mutations: every slice the
// mutations change in place.
func cloneInvoice(inv einvoice.Invoice) einvoice.Invoice {
	c := inv
	c.Lines = slices.Clone(inv.Lines)
	c.VATBreakdown = slices.Clone(inv.VATBreakdown)
	c.Allowances = slices.Clone(inv.Allowances)
	c.Charges = slices.Clone(inv.Charges)
	c.PrecedingInvoices = slices.Clone(inv.PrecedingInvoices)
	c.Attachments = slices.Clone(inv.Attachments)
	return c
}
