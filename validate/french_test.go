package validate_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/internal/conformance"
	"github.com/einvoice-go/einvoice/ubl"
	"github.com/einvoice-go/einvoice/validate"
)

// ublTwinIDs maps the ids of the UBL French schematron to those of its
// CII twin, where they differ (the UBL schematron splits BR-FR-01 and
// BR-FR-16, numbers its asserts, and misnames two).
var ublTwinIDs = map[string]string{
	"BR-FR-01_BT-1-1":         "BR-FR-01_BT-1",
	"BR-FR-01_BT-1-2":         "BR-FR-02_BT-1",
	"BR-FR-01_BT-25-1":        "BR-FR-01_BT-25",
	"BR-FR-01_BT-25-2":        "BR-FR-02_BT-25",
	"BR-FR-03_BT-134":         "BR-FR-03_EXT-FR-FE-134",
	"BR-FR-03_BT-135":         "BR-FR-03_EXT-FR-FE-135",
	"BR-FR-05_BT-22-1":        "BR-FR-05_BT-22_PMT",
	"BR-FR-05_BT-22-2":        "BR-FR-05_BT-22_PMD",
	"BR-FR-05_BT-22-3":        "BR-FR-05_BT-22_AAB",
	"BR-FR-06_BT-21-1":        "BR-FR-06_BT-21_PMT",
	"BR-FR-06_BT-21-2":        "BR-FR-06_BT-21_PMD",
	"BR-FR-06_BT-21-3":        "BR-FR-06_BT-21_AAB",
	"BR-FR-06_BT-21-4":        "BR-FR-06_BT-21_TXD",
	"BR-FR-15_BT-95_BT-102-1": "BR-FR-15_BT-95_BT-102",
	"BR-FR-15_BT-95_BT-102-2": "BR-FR-15_BT-95_BT-102_LM",
	"BR-FR-15_BT-118-1":       "BR-FR-15_BT-95_BT-118",
	"BR-FR-15_BT-118-2":       "BR-FR-15_BT-95_BT-118_LM",
	"BR-FR-15_BT-151-1":       "BR-FR-15_BT-95_BT-151",
	"BR-FR-08_BT-151-2":       "BR-FR-15_BT-95_BT-151_LM",
	"BR-FR-16_BT-96":          "BR-FR-16_BT-96_BT-103",
	"BR-FR-16_BT-103":         "BR-FR-16_BT-96_BT-103",
	"BR-FR-30_BT-21":          "BR-FR-31_BT-21",
	"BR-FR-32-ID":             "BR-FR-32-GLOBALID",
	"BR-FR-CO-04_BT-3":        "BR-FR-CO-04_BT-4",
}

// frIDs returns the BR-FR ids of the fatal issues of rep, those of the UBL
// schematron given as their CII twins'.
func frIDs(rep validate.Report, isUBL bool) []string {
	var ids []string
	for _, is := range rep.Fatal() {
		id := is.Rule
		if !strings.HasPrefix(id, "BR-FR-") {
			continue
		}
		if twin, ok := ublTwinIDs[id]; ok && isUBL {
			id = twin
		}
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return slices.Compact(ids)
}

// TestFrenchUBLTwin: the official French rules for UBL do not run in the
// judge here (its Saxon cannot compile them), so French.For(UBL) is
// checked against the CII verdict, which TestParityFrench checks against
// the judge: every French base and mutation, written as CII and as UBL
// and decoded, gets the same BR-FR verdict in both syntaxes, but where the
// UBL schematron reads a rule differently (listed below, and in the
// comments of the rules).
func TestFrenchUBLTwin(t *testing.T) {
	bases := frenchBases()
	muts := frenchMutations()
	fired := map[string]int{}
	compared := 0
	for i, m := range append([]mutation{{"base", func(*einvoice.Invoice) bool { return true }}}, muts...) {
		for k := 0; k < 3; k++ {
			b := bases[(i*5+k)%len(bases)]
			inv := cloneInvoice(b.inv)
			if !m.apply(&inv) {
				continue
			}
			name := m.name + "--" + b.name
			var cb, ub bytes.Buffer
			if _, err := (&cii.Encoder{Profile: b.profile, DropUnsupported: true}).Encode(&cb, &inv); err != nil {
				continue
			}
			cd, err := cii.Decode(&cb)
			if err != nil {
				t.Fatalf("%s: CII: %v", name, err)
			}
			// The UBL twin of what the CII holds (its profile may drop terms).
			if err := ubl.Encode(&ub, cd.Invoice); err != nil {
				if !errors.Is(err, ubl.ErrUnsupported) {
					t.Logf("%s: %v", name, err)
				}
				continue
			}
			ud, err := ubl.Decode(&ub)
			if err != nil {
				t.Fatalf("%s: UBL: %v", name, err)
			}
			want := frIDs(validate.Invoice(cd.Invoice, validate.French), false)
			got := frIDs(validate.Invoice(ud.Invoice, validate.French.For(validate.UBL)), true)
			// Where the UBL schematron reads differently (see validate.French).
			switch {
			case m.name == "bar-b2c-self-billed":
				// BR-FR-22 runs on any processing type in UBL.
				want = append(want, "BR-FR-22_BT-34")
				sort.Strings(want)
			case m.name == "item-standard-id-0002":
				// A standard item identifier is a ram:GlobalID in CII only.
				want = slices.DeleteFunc(want, func(id string) bool { return id == "BR-FR-32-GLOBALID" })
			}
			compared++
			if !slices.Equal(got, want) {
				t.Errorf("%s: UBL %v, CII %v", name, got, want)
			}
			for _, id := range want {
				fired[id]++
			}
		}
	}
	if compared < 300 {
		t.Errorf("only %d invoices compared", compared)
	}
	ids := make([]string, 0, len(fired))
	for id := range fired {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	t.Logf("%d invoices, %d French ids fired in both syntaxes: %v", compared, len(ids), ids)
	if len(ids) < 60 {
		t.Errorf("only %d French ids fired", len(ids))
	}
}

// TestFrenchUBLOnly: the French rules that run in UBL only, or read UBL
// differently from CII.
func TestFrenchUBLOnly(t *testing.T) {
	base := frenchBases()[0].inv
	cases := []struct {
		name     string
		change   func(inv *einvoice.Invoice)
		cii, ubl []string
	}{
		{"line object AFL blank", func(inv *einvoice.Invoice) {
			inv.Lines = slices.Clone(inv.Lines)
			inv.Lines[0].Object = einvoice.ObjectID{Value: " ", Scheme: "AFL"}
		}, nil, []string{"BR-FR-30_AFL"}},
		{"line object AVV blank", func(inv *einvoice.Invoice) {
			inv.Lines = slices.Clone(inv.Lines)
			inv.Lines[0].Object = einvoice.ObjectID{Value: "", Scheme: "AVV"}
		}, nil, []string{"BR-FR-30_AVV"}},
		{"seller identifier without scheme", func(inv *einvoice.Invoice) {
			inv.Seller.Identifiers = append(slices.Clone(inv.Seller.Identifiers), einvoice.ID{Value: "X-1"})
		}, nil, []string{"BR-FR-CO-10_BT-29-1"}},
		{"buyer identifier without scheme", func(inv *einvoice.Invoice) {
			inv.Buyer.Identifiers = []einvoice.ID{{Value: "B-1"}}
		}, nil, []string{"BR-FR-CO-10_BT-46-1"}},
		{"allowance rate", func(inv *einvoice.Invoice) {
			inv.Allowances = []einvoice.Allowance{{Amount: cent, Reason: "R", VAT: einvoice.VAT{Category: "S", Rate: pdec("20.000")}}}
		}, []string{"BR-FR-16_BT-96_BT-103", "BR-FR-DEC-04_BT-96_BT-103"}, []string{"BR-FR-16_BT-96", "BR-FR-DEC-04_BT-96_BT-103"}},
		{"charge rate", func(inv *einvoice.Invoice) {
			inv.Charges = []einvoice.Charge{{Amount: cent, Reason: "R", VAT: einvoice.VAT{Category: "S", Rate: pdec("20.000")}}}
		}, []string{"BR-FR-16_BT-96_BT-103", "BR-FR-DEC-04_BT-96_BT-103"}, []string{"BR-FR-16_BT-103", "BR-FR-DEC-04_BT-96_BT-103"}},
		{"notes", func(inv *einvoice.Invoice) { inv.Notes = nil }, []string{"BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT"},
			[]string{"BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3"}},
		{"number", func(inv *einvoice.Invoice) { inv.Number = "A B" }, []string{"BR-FR-02_BT-1"}, []string{"BR-FR-01_BT-1-2", "BR-FR-02_BT-1"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			inv := cloneInvoice(base)
			tc.change(&inv)
			ids := func(rep validate.Report) []string {
				var out []string
				for _, is := range rep.Fatal() {
					if strings.HasPrefix(is.Rule, "BR-FR-") {
						out = append(out, is.Rule)
					}
				}
				sort.Strings(out)
				return slices.Compact(out)
			}
			if got := ids(validate.Invoice(&inv, validate.French)); !slices.Equal(got, tc.cii) {
				t.Errorf("CII: %v, want %v", got, tc.cii)
			}
			if got := ids(validate.Invoice(&inv, validate.French.For(validate.UBL))); !slices.Equal(got, tc.ubl) {
				t.Errorf("UBL: %v, want %v", got, tc.ubl)
			}
		})
	}
}

// TestFrenchCoversSchematron: every assert of the official French
// schematron for CII is a rule of French, or one that cannot fire on what
// the CII encoder writes, as French's documentation says.
func TestFrenchCoversSchematron(t *testing.T) {
	dir := conformance.Need(t, "fr/cii/sch/BR-FR-Flux2-Schematron-CII.sch")
	data, err := os.ReadFile(filepath.Join(dir, "fr/cii/sch/BR-FR-Flux2-Schematron-CII.sch"))
	if err != nil {
		t.Fatal(err)
	}
	cannotFire := map[string]string{
		"BR-FR-29_BT-18":  "the model holds one invoiced object identifier",
		"BR-FR-30_BT-128": "the CII context looks for line objects where CII never has them",
	}
	ours := map[string]bool{}
	for _, id := range validate.French.Rules() {
		ours[id] = true
	}
	asserts := regexp.MustCompile(`<assert\b[^>]*\bid="([^"]+)"`).FindAllSubmatch(data, -1)
	if len(asserts) < 150 {
		t.Fatalf("found %d asserts: not the French schematron", len(asserts))
	}
	for _, m := range asserts {
		id := string(m[1])
		if ours[id] || cannotFire[id] != "" {
			continue
		}
		// BR-FR-CO-10 (-1): a ram:GlobalID is written only with its
		// scheme; (-2) on the payee and ship-to: one identifier each.
		if strings.HasPrefix(id, "BR-FR-CO-10_") && (strings.HasSuffix(id, "-1") || strings.Contains(id, "BT-60-") || strings.Contains(id, "BT-71-") || strings.Contains(id, "EXT-FR-FE-146-")) {
			continue
		}
		t.Errorf("%s: an assert of the French schematron that French does not check", id)
	}
}
