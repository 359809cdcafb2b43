package einvoicetest_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/einvoicetest"
	"github.com/einvoice-go/einvoice/internal/conformance"
	"github.com/einvoice-go/einvoice/validate"
)

// The numbers of generated files the official judges check.
const (
	judgeCII = 300 // CII documents, of every profile, French ones with --fr
	judgeUBL = 300 // UBL documents
)

// batch is the files of one call of a judge: valid invoices, which must
// pass, and broken ones, on which the judge must report the rule broken.
type batch struct {
	args   []string
	valid  []string
	broken map[string]string // file -> rule
}

func (b *batch) add(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestConformance has the official judges check what the package
// generates, in two batches run side by side (a JVM for the CII and UBL
// documents, one for the French CII ones):
//
//   - 300 CII documents of every profile and variant, each checked with
//     its own profile (check --profile auto: the profile BT-24 declares,
//     plain CII for EXTENDED-CTC-FR as the official tools take it), those
//     of the French CIUS with --fr too; all must pass;
//   - 300 UBL documents, which must pass;
//   - for every rule Breakable lists that an official schematron has (not
//     BR-FR-CPRO-* and CHORUSPRO-*, which no official schematron checks),
//     an invoice broken by Break, as CII (the French rules with --fr) and,
//     for the rules UBL reports as CII does, as UBL: the judge must report
//     the rule.
//
// It fails rather than skips when EINVOICE_CONFORMANCE=1 and the judges are
// missing. The 50 generated Factur-X PDFs that must pass pdfa-check are
// facturx's TestCreateGenerated: this package's test binary does not link
// the PDF writer, so that its benchmark measures a program that generates
// invoices, not one that also carries pdfcpu's tables.
func TestConformance(t *testing.T) {
	if testing.Short() {
		t.Skip("the official judges: slow")
	}
	conformance.Need(t)
	start := time.Now()
	dir := t.TempDir()
	// The judge tells CII from UBL by the root element and applies
	// --profile to CII only: the UBL documents go in the batch of the CII
	// ones that are not French, so that two JVMs do the work.
	ciiPlain := &batch{args: []string{"--profile", "auto"}, broken: map[string]string{}}
	ciiFR := &batch{args: []string{"--profile", "auto", "--fr"}, broken: map[string]string{}}
	ublBatch := ciiPlain

	// The valid invoices, drawn over the variants and profiles in turn,
	// but the long invoices, which the property tests cover.
	groups := slices.DeleteFunc(groups(), func(g group) bool { return g.v.name == "long" })
	for i := 0; i < judgeCII; i++ {
		g := groups[i%len(groups)]
		seed := uint64(1000 + i)
		inv := einvoicetest.Invoice(seed, g.opt)
		data, err := encodeCII(inv)
		if err != nil {
			t.Fatalf("%s: %v", g.name(seed), err)
		}
		b := ciiPlain
		if french(g.opt) {
			b = ciiFR
		}
		b.valid = append(b.valid, b.add(t, dir, fmt.Sprintf("cii-%03d-%s-%s.xml", i, g.v.name, profileOf(inv)), data))
	}
	for i, n := 0, 0; n < judgeUBL; i++ {
		g := groups[i%len(groups)]
		seed := uint64(5000 + i)
		inv := einvoicetest.Invoice(seed, g.opt)
		if len(inv.Lines) == 0 {
			continue // MINIMUM and BASIC WL: no UBL
		}
		data, err := encodeUBL(inv)
		if err != nil {
			t.Fatalf("%s: %v", g.name(seed), err)
		}
		ublBatch.valid = append(ublBatch.valid, ublBatch.add(t, dir, fmt.Sprintf("ubl-%03d-%s.xml", i, g.v.name), data))
		n++
	}
	// The broken invoices.
	for _, rule := range einvoicetest.Breakable() { // every one of an official schematron
		inv, opt := breakOne(t, rule)
		data, err := encodeCII(inv)
		if err != nil {
			t.Fatalf("%s: %v", rule, err)
		}
		b := ciiPlain
		if french(opt) {
			b = ciiFR
		}
		b.broken[b.add(t, dir, "broken-"+rule+".xml", data)] = rule
		if len(inv.Lines) == 0 || !ublBreakable(rule) || !slices.Contains(ruleIDs(opt.RuleSets(validate.UBL)), rule) || rule == "BR-17" {
			// BR-17: the UBL schematron compares the payee's name with
			// the seller's trading name, not its name.
			continue
		}
		data, err = encodeUBL(inv)
		if err != nil {
			t.Fatalf("%s: UBL: %v", rule, err)
		}
		ublBatch.broken[ublBatch.add(t, dir, "broken-ubl-"+rule+".xml", data)] = rule
	}

	t.Logf("%d files written in %v", len(ciiPlain.valid)+len(ciiPlain.broken)+len(ciiFR.valid)+len(ciiFR.broken), time.Since(start).Round(time.Millisecond))
	t.Run("judges", func(t *testing.T) {
		for name, b := range map[string]*batch{"cii-and-ubl": ciiPlain, "cii-fr": ciiFR} {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				files := slices.Clone(b.valid)
				for f := range b.broken {
					files = append(files, f)
				}
				slices.Sort(files)
				start := time.Now()
				verdicts := conformance.Check(t, b.args, files)
				for _, f := range b.valid {
					if v := verdicts[f]; !v.Pass {
						t.Errorf("%s fails check %v:\n  %s", filepath.Base(f), b.args, strings.Join(v.Findings, "\n  "))
					}
				}
				for f, rule := range b.broken {
					if !reported(verdicts[f], rule) {
						t.Errorf("%s: check %v does not report %s:\n  %s", filepath.Base(f), b.args, rule, strings.Join(verdicts[f].Findings, "\n  "))
					}
				}
				t.Logf("check %v: %d valid files pass, %d broken files report their rule (%v)", b.args, len(b.valid), len(b.broken), time.Since(start).Round(time.Millisecond))
			})
		}
	})
}

// reported reports whether the judge's findings name the rule, as a fatal
// one.
func reported(v conformance.Verdict, rule string) bool {
	for _, f := range v.Findings {
		if strings.HasPrefix(f, "["+rule+"] ") && !strings.Contains(f, "] warning:") {
			return true
		}
	}
	return false
}

// breakOne returns an invoice broken by Break for rule, of options for
// which the rule sets hold the rule: EN 16931 for the CEN rules, EXTENDED
// for BR-FXEXT-* and BR-CO-25, the French CIUS for BR-FR-*. It searches the
// seeds for an invoice the rule applies to.
func breakOne(t *testing.T, rule string) (*einvoice.Invoice, einvoicetest.Options) {
	t.Helper()
	opt := einvoicetest.Options{
		Categories: []einvoice.VATCategory{"S", "Z", "E", "AE", "K", "G", "O", "L", "M"}, AllowancesCharges: true, Attachments: true,
		TypeCodes: []einvoice.DocumentTypeCode{"380", "381", "384", "389", "393"}, PaymentMeans: []einvoice.PaymentMeansCode{"30", "48", "58"},
	}
	switch {
	case strings.HasPrefix(rule, "BR-FR-"):
		opt.French = true
	case strings.HasPrefix(rule, "BR-FXEXT-"), rule == "BR-CO-25":
		opt.Profile = cii.Extended
	}
	if !slices.Contains(ruleIDs(opt.RuleSets(validate.CII)), rule) {
		t.Fatalf("%s is not a rule of the options' sets", rule)
	}
	for seed := uint64(0); seed < 2000; seed++ {
		inv := einvoicetest.Invoice(seed, opt)
		err := einvoicetest.Break(inv, rule)
		if errors.Is(err, einvoicetest.ErrNotApplicable) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		return inv, opt
	}
	t.Fatalf("no invoice of 2,000 lends itself to breaking %s", rule)
	return nil, opt
}
