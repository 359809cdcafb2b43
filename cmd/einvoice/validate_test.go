package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/internal/fixtures"
	"github.com/einvoice-go/einvoice/ubl"
)

// validate: PASS for the completed invoice, FAIL with the official rule
// for one whose total with VAT is wrong, FAIL with a decode issue for a
// file that does not decode; exit 1 when one file fails.
func TestValidate(t *testing.T) {
	dir := t.TempDir()
	good := runCLI(t, "", "convert", "--to", "cii", testInvoice)
	if good.code != 0 {
		t.Fatalf("convert: %s", good.stderr)
	}
	goodPath := filepath.Join(dir, "good.xml")
	badPath := filepath.Join(dir, "bad.xml")
	brokenPath := filepath.Join(dir, "broken.xml")
	total := regexp.MustCompile(`<ram:GrandTotalAmount>[^<]*</ram:GrandTotalAmount>`)
	if !total.MatchString(good.stdout) {
		t.Fatal("no GrandTotalAmount in the CII")
	}
	bad := total.ReplaceAllString(good.stdout, "<ram:GrandTotalAmount>791.75</ram:GrandTotalAmount>")
	for path, content := range map[string]string{goodPath: good.stdout, badPath: bad, brokenPath: good.stdout[:200]} {
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	r := runCLI(t, "", "validate", goodPath)
	if r.code != 0 || r.stdout != "PASS "+goodPath+"\n" {
		t.Errorf("valid file: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, "", "validate", goodPath, badPath, brokenPath)
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	for _, want := range []string{
		"PASS " + goodPath + "\n",
		"FAIL " + badPath + "\n  [BR-CO-15] Totals.TaxInclusive: ",
		"FAIL " + brokenPath + "\n  [decode] ",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}

	// A UBL file gets the UBL schematron's verdict: a VAT accounting
	// currency equal to the invoice currency breaks BR-53 in CII only.
	ublOut := runCLI(t, "", "convert", "--to", "ubl", testInvoice)
	if ublOut.code != 0 || !strings.Contains(ublOut.stdout, "</cbc:DocumentCurrencyCode>") {
		t.Fatalf("convert --to ubl: %s", ublOut.stderr)
	}
	cur := regexp.MustCompile(`<cbc:DocumentCurrencyCode>([^<]*)</cbc:DocumentCurrencyCode>`)
	ublPath := filepath.Join(dir, "same-tax-currency.ubl.xml")
	ublText := cur.ReplaceAllString(ublOut.stdout, "$0<cbc:TaxCurrencyCode>$1</cbc:TaxCurrencyCode>")
	if err := os.WriteFile(ublPath, []byte(ublText), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, "", "validate", ublPath)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "PASS "+ublPath+"\n") {
		t.Errorf("UBL file: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}

	r = runCLI(t, "", "validate", "--json", badPath, goodPath)
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if r.code != 1 || len(lines) != 2 {
		t.Fatalf("--json: exit %d, %d lines:\n%s", r.code, len(lines), r.stdout)
	}
	var rep struct {
		File   string `json:"file"`
		Valid  bool   `json:"valid"`
		Issues []struct {
			Rule, Severity, Path, Message string
			Terms                         []string
		} `json:"issues"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.File != badPath || rep.Valid || len(rep.Issues) == 0 || rep.Issues[0].Rule != "BR-CO-15" ||
		rep.Issues[0].Severity != "fatal" || rep.Issues[0].Path != "Totals.TaxInclusive" || len(rep.Issues[0].Terms) == 0 {
		t.Errorf("--json line %s", lines[0])
	}
	if !strings.HasPrefix(lines[1], `{"file":"`+goodPath+`","valid":true,"issues":[]}`) {
		t.Errorf("--json line %s", lines[1])
	}
}

// validate checks the syntax rules on XML and, with --rules facturx, the
// declared profile's Factur-X rules: a warning leaves the file PASS, a
// fatal syntax rule makes it FAIL, with the official ids and XML paths.
func TestValidateSyntaxAndProfileRules(t *testing.T) {
	dir := t.TempDir()
	good := runCLI(t, "", "convert", "--to", "cii", testInvoice)
	if good.code != 0 {
		t.Fatalf("convert: %s", good.stderr)
	}
	guideline := regexp.MustCompile(`(?s)<ram:GuidelineSpecifiedDocumentContextParameter>.*?</ram:GuidelineSpecifiedDocumentContextParameter>`)
	docID := regexp.MustCompile(`(<rsm:ExchangedDocument>\s*<ram:ID>[^<]*</ram:ID>)`)
	if !guideline.MatchString(good.stdout) || !docID.MatchString(good.stdout) {
		t.Fatal("the CII lacks the elements the test edits")
	}
	files := map[string]string{
		"good.xml":         good.stdout,
		"named.xml":        docID.ReplaceAllString(good.stdout, "$1<ram:Name>Facture</ram:Name>"),
		"no-guideline.xml": guideline.ReplaceAllString(good.stdout, ""),
		"no-format.xml":    strings.Replace(good.stdout, `<udt:DateTimeString format="102">`, "<udt:DateTimeString>", 1),
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := func(name string) string { return filepath.Join(dir, name) }
	for _, c := range []struct {
		args     []string
		code     int
		want     []string
		wantNone []string
	}{
		{[]string{path("named.xml")}, 0, []string{"PASS ", "  [CII-SR-013] /rsm:CrossIndustryInvoice/rsm:ExchangedDocument: "}, nil},
		{[]string{path("no-guideline.xml")}, 1, []string{"FAIL ", "  [CII-SR-009] /rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext: ", "  [BR-01] "}, nil},
		// The Factur-X EN 16931 profile requires the format attribute;
		// the CEN syntax rules do not check it.
		{[]string{path("no-format.xml")}, 0, []string{"PASS "}, []string{"FX-SCH-A"}},
		{[]string{"--rules", "facturx", path("no-format.xml")}, 1, []string{"FAIL ", "  [FX-SCH-A-000021] /rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString: "}, nil},
		{[]string{"--rules", "facturx", path("good.xml")}, 0, []string{"PASS "}, []string{"FX-SCH-A", "BR-"}},
		{[]string{"--rules", "en16931,facturx", path("named.xml")}, 0, []string{"PASS ", "[CII-SR-013]"}, nil},
	} {
		r := runCLI(t, "", append([]string{"validate"}, c.args...)...)
		if r.code != c.code {
			t.Errorf("validate %v: exit %d, want %d\n%s%s", c.args, r.code, c.code, r.stdout, r.stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("validate %v: stdout lacks %q:\n%s", c.args, w, r.stdout)
			}
		}
		for _, w := range c.wantNone {
			if strings.Contains(r.stdout, w) {
				t.Errorf("validate %v: stdout has %q:\n%s", c.args, w, r.stdout)
			}
		}
	}
}

// --rules fr and choruspro, with --buyer-requires: the French rules and the
// Chorus Pro ones, by id, on CII and on UBL (which gets the UBL
// schematron's ids); bad settings are usage errors.
func TestValidateFrenchAndChorusPro(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, inv *einvoice.Invoice, asUBL bool) string {
		t.Helper()
		var b bytes.Buffer
		var err error
		if asUBL {
			err = ubl.Encode(&b, inv)
		} else {
			err = cii.Encode(&b, inv)
		}
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	var base einvoice.Invoice
	for _, f := range fixtures.All() {
		if f.Name == "buyer-public-entity" {
			base = f.Invoice
		}
	}
	base.Process.BusinessProcess = "B1"
	base.Notes = slices.Clone(base.Notes)
	for _, n := range []einvoice.Note{
		{SubjectCode: "PMT", Text: "Indemnité forfaitaire pour frais de recouvrement : 40 €."},
		{SubjectCode: "PMD", Text: "Pénalités de retard : trois fois le taux d'intérêt légal."},
		{SubjectCode: "AAB", Text: "Pas d'escompte."},
	} {
		if !slices.ContainsFunc(base.Notes, func(m einvoice.Note) bool { return m.SubjectCode == n.SubjectCode }) {
			base.Notes = append(base.Notes, n)
		}
	}
	if base.Buyer.LegalRegistration.IsZero() {
		base.Buyer.LegalRegistration = einvoice.ID{Value: base.Buyer.Identifiers[0].Value[:9], Scheme: einvoice.ICDSIREN}
	}
	if base.Seller.ElectronicAddress.IsZero() {
		base.Seller.ElectronicAddress = einvoice.ElectronicAddress{Value: base.Seller.LegalRegistration.Value, Scheme: "0225"}
	}
	good := write("good.xml", &base, false)
	goodUBL := write("good.ubl.xml", &base, true)
	noNotes := base
	noNotes.Notes = nil
	noPMT := write("no-notes.xml", &noNotes, false)
	noPMTUBL := write("no-notes.ubl.xml", &noNotes, true)
	noEngagement := base
	noEngagement.PurchaseOrderReference = ""
	noEJ := write("no-engagement.xml", &noEngagement, false)

	for _, c := range []struct {
		name  string
		args  []string
		code  int
		want  []string
		avoid []string
	}{
		{"fr valid", []string{"--rules", "fr", good, goodUBL}, 0, []string{"PASS " + good, "PASS " + goodUBL}, []string{"FAIL"}},
		{"en16931 ignores the French notes", []string{noPMT}, 0, []string{"PASS " + noPMT}, []string{"BR-FR"}},
		{"fr notes", []string{"--rules", "fr", noPMT}, 1, []string{"FAIL " + noPMT, "[BR-FR-05_BT-22_PMT] Notes", "[BR-FR-05_BT-22_AAB]"}, nil},
		{"fr notes UBL ids", []string{"--rules", "fr", noPMTUBL}, 1, []string{"FAIL " + noPMTUBL, "[BR-FR-05_BT-22-1] Notes"}, []string{"BR-FR-05_BT-22_PMT"}},
		{"choruspro valid", []string{"--rules", "choruspro", "--buyer-requires", "service-and-engagement", good, goodUBL}, 0, []string{"PASS " + good, "PASS " + goodUBL}, []string{"FAIL"}},
		{"choruspro engagement required", []string{"--rules", "choruspro", "--buyer-requires", "engagement", noEJ}, 1, []string{"FAIL " + noEJ, "[BR-FR-CPRO-12] PurchaseOrderReference"}, nil},
		{"choruspro service required only", []string{"--rules", "choruspro", "--buyer-requires", "service", noEJ}, 0, []string{"PASS " + noEJ}, nil},
		{"choruspro nothing required", []string{"--rules", "choruspro", noEJ}, 0, []string{"PASS " + noEJ}, nil},
		{"bad setting", []string{"--rules", "choruspro", "--buyer-requires", "always", good}, 2, nil, nil},
		{"setting without choruspro", []string{"--rules", "fr", "--buyer-requires", "service", good}, 2, nil, nil},
		{"unknown set", []string{"--rules", "fr,b2b", good}, 2, nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := runCLI(t, "", append([]string{"validate"}, c.args...)...)
			if r.code != c.code {
				t.Fatalf("exit %d, want %d; stdout %s; stderr %s", r.code, c.code, r.stdout, r.stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("stdout lacks %q:\n%s", w, r.stdout)
				}
			}
			for _, a := range c.avoid {
				if strings.Contains(r.stdout, a) {
					t.Errorf("stdout has %q:\n%s", a, r.stdout)
				}
			}
			if c.code == 2 && !strings.Contains(r.stderr, "validate:") {
				t.Errorf("stderr %q", r.stderr)
			}
		})
	}
}
